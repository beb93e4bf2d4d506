/* test-outbox-conflicts.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseOutbox when the item changed on the server meanwhile (412): held
 * with mine and theirs, then kept or let go, along with the later edits
 * of the same item.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-test-outbox.h"

#define TPL_MINE   TEST_TEMPLATE ("tpl-card", "Mine")
#define TPL_MINE_2 TEST_TEMPLATE ("tpl-card", "Mine again")

/* The template at version 2, changed by the head after the lead's
 * console saw version 1. */
static void
set_up_theirs (TestOutbox *f)
{
  const char *head = pulse_test_server_get_token (f->server, PULSE_ROLE_HEAD);
  g_autoptr(PulseTestResponse) created = NULL;
  g_autoptr(PulseTestResponse) updated = NULL;

  created = pulse_test_server_request (f->server, "POST", "/api/v1/templates", head,
                                       TEST_TEMPLATE ("tpl-card", "Card blocked"), NULL);
  g_assert_cmpuint (created->status, ==, 201);
  updated = pulse_test_server_request (f->server, "PUT", "/api/v1/templates/tpl-card", head,
                                       TEST_TEMPLATE ("tpl-card", "Theirs"),
                                       "If-Match", "1", NULL);
  g_assert_cmpuint (updated->status, ==, 200);
  test_outbox_start (f, PULSE_ROLE_LEAD);
}

static void
assert_on_server (TestOutbox *f,
                  gint64      version,
                  const char *name)
{
  g_autoptr(PulseTestResponse) response = test_outbox_get (f, "/api/v1/templates/tpl-card");

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (test_member_int (response->body, "version"), ==, version);
  g_assert_cmpstr (test_member_string (response->body, "name"), ==, name);
}

/* Sends @body as an update made on version 1 and waits for the 412. */
static gint64
submit_stale (TestOutbox *f)
{
  gint64 id = test_outbox_submit (f, "PUT", "template", "tpl-card", 1, TPL_MINE);
  TestSignal *conflict;

  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_signals (f, 1);
  test_outbox_wait_counts (f, 0, 0, 1, 0);

  conflict = test_outbox_signal (f, 0);
  g_assert_cmpstr (conflict->name, ==, "conflict");
  g_assert_cmpint (conflict->entry_id, ==, id);
  g_assert_cmpstr (test_member_string (conflict->json, "name"), ==, "Mine");
  g_assert_cmpint (test_member_int (conflict->theirs, "version"), ==, 2);
  g_assert_cmpstr (test_member_string (conflict->theirs, "name"), ==, "Theirs");
  g_assert_cmpuint (test_outbox_wire (f, 0)->status, ==, 412);
  g_assert_cmpstr (test_outbox_wire (f, 0)->if_match, ==, "1");
  return id;
}

static void
test_keep_mine (TestOutbox    *f,
                gconstpointer  data)
{
  g_autoptr(PulseOutboxEntry) held = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  PulseOutboxEntry *entry;
  TestSignal *ack;
  gint64 id;

  set_up_theirs (f);
  id = submit_stale (f);

  /* Held, in the cache too, with theirs; nothing more is sent. */
  held = pulse_outbox_dup_entry (f->outbox, id);
  g_assert_cmpint (held->state, ==, PULSE_OUTBOX_CONFLICT);
  g_assert_cmpuint (held->last_status, ==, 412);
  g_assert_cmpint (test_member_int (held->theirs, "version"), ==, 2);
  stored = test_outbox_cache_entries (f);
  entry = g_ptr_array_index (stored, 0);
  g_assert_cmpint (entry->state, ==, PULSE_OUTBOX_CONFLICT);
  g_assert_cmpuint (f->wire->len, ==, 1);

  g_assert_null (test_outbox_resolve (f, pulse_outbox_resolve_keep_mine_async, id));
  test_outbox_wait_signals (f, 2);
  test_outbox_wait_counts (f, 0, 0, 0, 0);

  /* Mine again, now on theirs' version, under a new key. */
  g_assert_cmpuint (f->wire->len, ==, 2);
  g_assert_cmpstr (test_outbox_wire (f, 1)->if_match, ==, "2");
  g_assert_cmpstr (test_outbox_wire (f, 1)->key, !=, test_outbox_wire (f, 0)->key);
  g_assert_true (g_uuid_string_is_valid (test_outbox_wire (f, 1)->key));
  g_assert_cmpuint (test_outbox_wire (f, 1)->status, ==, 200);
  ack = test_outbox_signal (f, 1);
  g_assert_cmpstr (ack->name, ==, "acknowledged");
  g_assert_cmpint (ack->entry_id, ==, id);
  g_assert_cmpint (test_member_int (ack->json, "version"), ==, 3);
  assert_on_server (f, 3, "Mine");
}

static void
test_take_theirs (TestOutbox    *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  set_up_theirs (f);
  id = submit_stale (f);

  g_assert_null (test_outbox_resolve (f, pulse_outbox_resolve_take_theirs_async, id));
  test_outbox_wait_counts (f, 0, 0, 0, 0);
  stored = test_outbox_cache_entries (f);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_null (pulse_outbox_dup_entry (f->outbox, id));
  g_assert_cmpuint (f->wire->len, ==, 1);
  g_assert_cmpuint (f->signals->len, ==, 1);
  assert_on_server (f, 2, "Theirs");

  /* Settled once: a second time finds nothing. */
  error = test_outbox_resolve (f, pulse_outbox_resolve_keep_mine_async, id);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);
}

/* Only a conflict is settled as one, and only a refusal discarded. */
static void
test_wrong_state (TestOutbox    *f,
                  gconstpointer  data)
{
  g_autoptr(GError) keep = NULL;
  g_autoptr(GError) take = NULL;
  g_autoptr(GError) discard = NULL;
  g_autoptr(GError) zero = NULL;
  gint64 id;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  id = test_outbox_submit (f, "POST", "template", "tpl-card", 0, TPL_MINE);

  keep = test_outbox_resolve (f, pulse_outbox_resolve_keep_mine_async, id);
  g_assert_error (keep, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_cmpstr (keep->message, ==, "entry_id: entry 1 is pending, not conflict");
  take = test_outbox_resolve (f, pulse_outbox_resolve_take_theirs_async, id);
  g_assert_error (take, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  discard = test_outbox_resolve (f, pulse_outbox_discard_async, id);
  g_assert_error (discard, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_cmpstr (discard->message, ==, "entry_id: entry 1 is pending, not rejected");
  zero = test_outbox_resolve (f, pulse_outbox_discard_async, 0);
  g_assert_error (zero, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);

  g_assert_cmpuint (pulse_outbox_get_n_pending (f->outbox), ==, 1);
}

/* A second edit of the item, saved while the first is held: it is built
 * on the first (version 2), waits behind it, and moves with it. */
static void
test_keep_mine_moves_later_edits (TestOutbox    *f,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  gint64 first, second;

  set_up_theirs (f);
  first = submit_stale (f);
  second = test_outbox_submit (f, "PUT", "template", "tpl-card", 1, TPL_MINE_2);
  stored = test_outbox_cache_entries (f);
  g_assert_cmpint (((PulseOutboxEntry *) g_ptr_array_index (stored, 1))->base_version, ==, 2);

  /* A template of another item is not held back. */
  test_outbox_submit (f, "POST", "template", "tpl-other", 0, TEST_TEMPLATE ("tpl-other", "O"));
  test_outbox_wait_signals (f, 2);
  g_assert_cmpstr (test_outbox_signal (f, 1)->id, ==, "tpl-other");
  g_assert_cmpuint (f->wire->len, ==, 2);
  g_assert_cmpuint (pulse_outbox_get_n_pending (f->outbox), ==, 1);

  g_assert_null (test_outbox_resolve (f, pulse_outbox_resolve_keep_mine_async, first));
  test_outbox_wait_signals (f, 4);
  test_outbox_wait_counts (f, 0, 0, 0, 0);

  g_assert_cmpuint (f->wire->len, ==, 4);
  g_assert_cmpstr (test_outbox_wire (f, 2)->if_match, ==, "2");
  g_assert_cmpstr (test_outbox_wire (f, 3)->if_match, ==, "3");
  g_assert_cmpint (test_outbox_signal (f, 2)->entry_id, ==, first);
  g_assert_cmpint (test_outbox_signal (f, 3)->entry_id, ==, second);
  g_assert_cmpint (test_member_int (test_outbox_signal (f, 3)->json, "version"), ==, 4);
  assert_on_server (f, 4, "Mine again");
}

/* Taking theirs over the first edit leaves the second, built on it, in
 * conflict with theirs: the user is asked again, nothing is overwritten. */
static void
test_take_theirs_holds_later_edits (TestOutbox    *f,
                                    gconstpointer  data)
{
  TestSignal *conflict;
  gint64 first, second;

  set_up_theirs (f);
  first = submit_stale (f);
  second = test_outbox_submit (f, "PUT", "template", "tpl-card", 1, TPL_MINE_2);

  g_assert_null (test_outbox_resolve (f, pulse_outbox_resolve_take_theirs_async, first));
  test_outbox_wait_signals (f, 2);
  test_outbox_wait_counts (f, 0, 0, 1, 0);
  conflict = test_outbox_signal (f, 1);
  g_assert_cmpstr (conflict->name, ==, "conflict");
  g_assert_cmpint (conflict->entry_id, ==, second);
  g_assert_cmpstr (test_member_string (conflict->json, "name"), ==, "Mine again");
  g_assert_cmpint (test_member_int (conflict->theirs, "version"), ==, 2);
  g_assert_cmpuint (f->wire->len, ==, 1);

  g_assert_null (test_outbox_resolve (f, pulse_outbox_resolve_keep_mine_async, second));
  test_outbox_wait_signals (f, 3);
  test_outbox_wait_counts (f, 0, 0, 0, 0);
  g_assert_cmpstr (test_outbox_wire (f, 1)->if_match, ==, "2");
  assert_on_server (f, 3, "Mine again");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TestOutbox, NULL, test_outbox_set_up, func, test_outbox_tear_down)

  ADD ("/pulse/session/outbox/conflict/keep-mine", test_keep_mine);
  ADD ("/pulse/session/outbox/conflict/take-theirs", test_take_theirs);
  ADD ("/pulse/session/outbox/conflict/wrong-state", test_wrong_state);
  ADD ("/pulse/session/outbox/conflict/keep-mine-moves-later-edits",
       test_keep_mine_moves_later_edits);
  ADD ("/pulse/session/outbox/conflict/take-theirs-holds-later-edits",
       test_take_theirs_holds_later_edits);

  return g_test_run ();
}
