/* pulse-test-util.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef GObject  *(*PulseTestDecodeFunc) (JsonNode *node, GError **error);
typedef JsonNode *(*PulseTestEncodeFunc) (gpointer object);

/* One malformed document and a fragment its error message must contain,
 * usually the field's name. */
typedef struct
{
  const char *json;
  const char *message_part;
} PulseTestBadInput;

JsonNode *pulse_test_parse              (const char              *json);
GObject  *pulse_test_assert_round_trip  (const char              *json,
                                         PulseTestDecodeFunc      decode,
                                         PulseTestEncodeFunc      encode);
void      pulse_test_assert_bad_inputs  (const PulseTestBadInput *cases,
                                         gsize                    n_cases,
                                         PulseTestDecodeFunc      decode);
void      pulse_test_assert_rejects_non_objects (PulseTestDecodeFunc decode);
gboolean  pulse_test_wait_for           (gboolean               (*condition) (gpointer),
                                         gpointer                 user_data,
                                         guint                    timeout_ms);
void      pulse_test_print_own_stacks   (void);

/* An async call's result, caught by pulse_test_async_cb() and waited for
 * with pulse_test_async_wait(). */
typedef struct
{
  GAsyncResult *result;
} PulseTestAsync;

void          pulse_test_async_cb   (GObject        *object,
                                     GAsyncResult   *result,
                                     gpointer        user_data);
GAsyncResult *pulse_test_async_wait (PulseTestAsync *wait,
                                     guint           timeout_ms);

#define PULSE_TEST_DECODE(f) ((PulseTestDecodeFunc) (void (*) (void)) (f))
#define PULSE_TEST_ENCODE(f) ((PulseTestEncodeFunc) (void (*) (void)) (f))

G_END_DECLS
