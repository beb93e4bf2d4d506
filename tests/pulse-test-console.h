/* pulse-test-console.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The console as the fault tests drive it: a PulseSync and the PulseOutbox
 * on its cache, wired as PulseSession wires them (edits go out while the
 * sync is connected), with short waits, and a seeded editor that creates
 * and updates templates through the outbox, a few unacknowledged at a
 * time. Each saved edit is reported, with the version it will give.
 */

#pragma once

#include "pulse-outbox.h"
#include "pulse-sync.h"
#include "pulse-test-server.h"

G_BEGIN_DECLS

typedef struct _PulseTestConsole PulseTestConsole;

/* An edit saved to the cache: item @id will be at @version once sent. */
typedef void (*PulseTestConsoleSaved) (PulseTestConsole *console,
                                       const char       *id,
                                       gint64            version,
                                       gpointer          user_data);

typedef struct
{
  char   *id;
  gint64  version;      /* what the last saved edit gives */
} PulseTestEdited;

struct _PulseTestConsole
{
  PulseSync             *sync;
  PulseOutbox           *outbox;
  GRand                 *rand;
  char                  *prefix;
  GPtrArray             *items;       /* PulseTestEdited */
  guint                  max_edits;
  guint                  n_saved;
  guint                  n_created;
  guint                  n_refused;   /* submits the cache did not take */
  gboolean               submitting;
  gboolean               editing;
  PulseTestConsoleSaved  saved;
  gpointer               saved_data;
};

PulseTestConsole *pulse_test_console_new          (const char       *url,
                                                   const char       *token,
                                                   const char       *cache_path,
                                                   const char       *prefix,
                                                   guint32           seed);
void              pulse_test_console_free         (PulseTestConsole *self);
void              pulse_test_console_edit         (PulseTestConsole *self,
                                                   guint             max_edits);
void              pulse_test_console_stop_editing (PulseTestConsole *self);
gboolean          pulse_test_console_caught_up    (PulseTestConsole *self,
                                                   gint64            seq);
void              pulse_test_console_wait_caught_up (PulseTestConsole *self,
                                                   PulseTestServer  *ts);
guint             pulse_test_console_n_held       (PulseTestConsole *self);
void              pulse_test_assert_edits         (PulseTestServer  *ts,
                                                   GPtrArray        *items,
                                                   gboolean          exact);
void              pulse_test_assert_audit_once    (PulseTestServer  *ts);

G_END_DECLS
