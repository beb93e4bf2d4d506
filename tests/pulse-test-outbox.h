/* pulse-test-outbox.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the outbox tests share: an in-process server that can be stopped,
 * restarted on its port and made to answer 503; a real cache file in a
 * temporary folder; a record of the outbox's signals; and a log of every
 * request the outbox's client put on the wire, with its answer.
 */

#pragma once

#include <libsoup/soup.h>

#include "pulse-cache-outbox.h"
#include "pulse-outbox.h"
#include "pulse-test-cache.h"
#include "pulse-test-server.h"

G_BEGIN_DECLS

#define TEST_TEMPLATE(id, name) \
  "{\"id\":\"" id "\",\"name\":\"" name "\",\"language\":\"uk\"," \
  "\"channels\":[\"email\",\"chat\"],\"body\":\"Картку розблоковано.\"}"

/* One request on the wire. @status is 0 when no answer came. */
typedef struct
{
  char     *method;
  char     *path;
  char     *if_match;
  char     *key;
  guint     status;
  gboolean  replayed;
  guint     retry_after;
  gint64    sent_at;
  gint64    answered_at;
} TestWire;

/* One signal of the outbox; for "acknowledged", @message holds the
 * method. */
typedef struct
{
  char     *name;
  gint64    entry_id;
  char     *kind;
  char     *id;
  JsonNode *json;
  JsonNode *theirs;
  guint     status;
  char     *message;
} TestSignal;

typedef struct
{
  PulseTestServer *server;
  guint            port;
  PulseRole        role;
  guint            fail_next;
  char            *fail_method;
  char            *fail_retry_after;

  char            *dir;
  char            *cache_path;
  PulseCache      *cache;
  PulseClient     *client;
  PulseOutbox     *outbox;

  GPtrArray       *wire;
  GPtrArray       *signals;
} TestOutbox;

void        test_outbox_set_up           (TestOutbox    *f,
                                          gconstpointer  data);
void        test_outbox_tear_down        (TestOutbox    *f,
                                          gconstpointer  data);
void        test_outbox_start            (TestOutbox    *f,
                                          PulseRole      role);
void        test_outbox_restart          (TestOutbox    *f);
void        test_outbox_drop             (TestOutbox    *f);
void        test_outbox_stop_server      (TestOutbox    *f);
void        test_outbox_start_server     (TestOutbox    *f);
void        test_outbox_fail_next        (TestOutbox    *f,
                                          const char    *method,
                                          guint          count);
gint64      test_outbox_submit           (TestOutbox    *f,
                                          const char    *method,
                                          const char    *kind,
                                          const char    *id,
                                          gint64         base_version,
                                          const char    *body);
GError     *test_outbox_submit_error     (TestOutbox    *f,
                                          const char    *method,
                                          const char    *kind,
                                          const char    *id,
                                          gint64         base_version,
                                          const char    *body);
GError     *test_outbox_resolve          (TestOutbox    *f,
                                          void         (*func) (PulseOutbox *,
                                                                gint64,
                                                                GCancellable *,
                                                                GAsyncReadyCallback,
                                                                gpointer),
                                          gint64         entry_id);
void        test_outbox_wait_counts      (TestOutbox    *f,
                                          guint          pending,
                                          guint          failed,
                                          guint          conflicts,
                                          guint          rejected);
void        test_outbox_wait_signals     (TestOutbox    *f,
                                          guint          n);
void        test_outbox_wait_wire        (TestOutbox    *f,
                                          guint          n);
TestWire   *test_outbox_wire             (TestOutbox    *f,
                                          guint          i);
TestSignal *test_outbox_signal           (TestOutbox    *f,
                                          guint          i);
PulseTestResponse *
            test_outbox_get              (TestOutbox    *f,
                                          const char    *path);
guint       test_outbox_count_items      (TestOutbox    *f,
                                          const char    *collection);
GPtrArray  *test_outbox_cache_entries    (TestOutbox    *f);

G_END_DECLS
