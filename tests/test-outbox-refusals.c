/* test-outbox-refusals.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseOutbox when the server refuses a change (422, 403: held with the
 * server's message until the user discards it) or asks it to slow down
 * (429: retried no sooner than Retry-After says).
 */

#include "config.h"

#include "pulse-server.h"
#include "pulse-test-outbox.h"

#define RULE_MISSPELT \
  "{\"id\":\"rule-card\",\"name\":\"Card blocked\",\"position\":1,\"enabeld\":true," \
  "\"enabled\":true,\"actions\":[{\"kind\":\"tag\",\"value\":\"card-blocked\"}]}"
#define RULE_FIXED \
  "{\"id\":\"rule-card\",\"name\":\"Card blocked\",\"position\":1,\"enabled\":false," \
  "\"actions\":[{\"kind\":\"tag\",\"value\":\"card-blocked\"}]}"

static void
assert_rejected (TestOutbox *f,
                 guint       signal,
                 gint64      id,
                 guint       status,
                 const char *message)
{
  g_autoptr(PulseOutboxEntry) held = pulse_outbox_dup_entry (f->outbox, id);
  g_autoptr(GPtrArray) stored = test_outbox_cache_entries (f);
  TestSignal *rejected = test_outbox_signal (f, signal);
  gboolean in_cache = FALSE;

  g_assert_cmpstr (rejected->name, ==, "rejected");
  g_assert_cmpint (rejected->entry_id, ==, id);
  g_assert_cmpuint (rejected->status, ==, status);
  g_assert_cmpstr (rejected->message, ==, message);

  /* Kept, visible on the item, in memory and on disk. */
  g_assert_nonnull (held);
  g_assert_cmpint (held->state, ==, PULSE_OUTBOX_REJECTED);
  g_assert_cmpuint (held->last_status, ==, status);
  g_assert_cmpstr (held->last_error, ==, message);
  for (guint i = 0; i < stored->len; i++)
    {
      PulseOutboxEntry *entry = g_ptr_array_index (stored, i);

      if (entry->id == id)
        in_cache = entry->state == PULSE_OUTBOX_REJECTED && entry->last_status == status;
    }
  g_assert_true (in_cache);
}

static void
test_invalid_body (TestOutbox    *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  gint64 bad, good;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  bad = test_outbox_submit (f, "POST", "rule", NULL, 0, RULE_MISSPELT);
  good = test_outbox_submit (f, "POST", "template", NULL, 0, TEST_TEMPLATE ("tpl-a", "A"));
  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_signals (f, 2);
  test_outbox_wait_counts (f, 0, 0, 0, 1);

  assert_rejected (f, 0, bad, 422, "enabeld: unknown member");
  /* Another item's change is not held back by the refusal. */
  g_assert_cmpstr (test_outbox_signal (f, 1)->name, ==, "acknowledged");
  g_assert_cmpint (test_outbox_signal (f, 1)->entry_id, ==, good);
  g_assert_cmpuint (test_outbox_count_items (f, "rules"), ==, 0);

  /* Only the user lets it go. */
  g_assert_null (test_outbox_resolve (f, pulse_outbox_discard_async, bad));
  test_outbox_wait_counts (f, 0, 0, 0, 0);
  stored = test_outbox_cache_entries (f);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_cmpuint (f->wire->len, ==, 2);
}

static void
test_forbidden (TestOutbox    *f,
                gconstpointer  data)
{
  gint64 id;

  test_outbox_start (f, PULSE_ROLE_VIEWER);
  id = test_outbox_submit (f, "POST", "template", "tpl-a", 0, TEST_TEMPLATE ("tpl-a", "A"));
  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_signals (f, 1);
  test_outbox_wait_counts (f, 0, 0, 0, 1);

  assert_rejected (f, 0, id, 403, "this token's role may not do that");
  g_assert_cmpuint (f->wire->len, ==, 1);
  g_assert_cmpuint (test_outbox_count_items (f, "templates"), ==, 0);

  /* Still there after a restart, and not sent again. */
  test_outbox_restart (f);
  pulse_outbox_set_online (f->outbox, TRUE);
  g_assert_cmpuint (pulse_outbox_get_n_rejected (f->outbox), ==, 1);
  g_assert_cmpuint (f->wire->len, ==, 1);
}

/* The update of a create that was refused waits behind it; when the
 * create is discarded, the update is refused too, without being sent. */
static void
test_discarded_create_refuses_its_updates (TestOutbox    *f,
                                           gconstpointer  data)
{
  TestSignal *dependent;
  gint64 create, update;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  create = test_outbox_submit (f, "POST", "rule", "rule-card", 0, RULE_MISSPELT);
  update = test_outbox_submit (f, "PUT", "rule", "rule-card", 0, RULE_FIXED);
  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_signals (f, 1);
  test_outbox_wait_counts (f, 1, 0, 0, 1);
  assert_rejected (f, 0, create, 422, "enabeld: unknown member");
  g_assert_cmpuint (f->wire->len, ==, 1);

  g_assert_null (test_outbox_resolve (f, pulse_outbox_discard_async, create));
  test_outbox_wait_signals (f, 2);
  test_outbox_wait_counts (f, 0, 0, 0, 1);
  dependent = test_outbox_signal (f, 1);
  g_assert_cmpint (dependent->entry_id, ==, update);
  assert_rejected (f, 1, update, 424, "not sent: the create of this item was discarded");
  g_assert_cmpuint (f->wire->len, ==, 1);
}

/* An update refused (a viewer's) and discarded: the next edit of the
 * item goes on one version lower, as the refused one took none. */
static void
test_discarded_update_lowers_later_edits (TestOutbox    *f,
                                          gconstpointer  data)
{
  const char *head = pulse_test_server_get_token (f->server, PULSE_ROLE_HEAD);
  g_autoptr(PulseTestResponse) created = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  gint64 refused, later;

  created = pulse_test_server_request (f->server, "POST", "/api/v1/templates", head,
                                       TEST_TEMPLATE ("tpl-a", "A"), NULL);
  g_assert_cmpuint (created->status, ==, 201);
  test_outbox_start (f, PULSE_ROLE_VIEWER);
  refused = test_outbox_submit (f, "PUT", "template", "tpl-a", 1, TEST_TEMPLATE ("tpl-a", "B"));
  later = test_outbox_submit (f, "DELETE", "template", "tpl-a", 1, NULL);
  stored = test_outbox_cache_entries (f);
  g_assert_cmpint (((PulseOutboxEntry *) g_ptr_array_index (stored, 1))->base_version, ==, 2);

  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_signals (f, 1);
  assert_rejected (f, 0, refused, 403, "this token's role may not do that");
  g_assert_null (test_outbox_resolve (f, pulse_outbox_discard_async, refused));

  test_outbox_wait_signals (f, 2);
  g_assert_cmpuint (f->wire->len, ==, 2);
  g_assert_cmpstr (test_outbox_wire (f, 1)->method, ==, "DELETE");
  g_assert_cmpstr (test_outbox_wire (f, 1)->if_match, ==, "1");
  assert_rejected (f, 1, later, 403, "this token's role may not do that");
}

static void
test_rate_limited (TestOutbox    *f,
                   gconstpointer  data)
{
  PulseServerConfig config;
  TestWire *limited, *retried;
  gint64 waited;

  pulse_server_config_init_defaults (&config);
  config.rate_limit_per_minute = 60;
  config.rate_limit_burst = 1;
  pulse_server_set_config (f->server->server, &config);

  /* The backoff alone would retry within 10 ms. */
  test_outbox_start (f, PULSE_ROLE_LEAD);
  pulse_outbox_set_retry_delays (f->outbox, 10, 10);
  test_outbox_submit (f, "POST", "template", "tpl-a", 0, TEST_TEMPLATE ("tpl-a", "A"));
  test_outbox_submit (f, "POST", "template", "tpl-b", 0, TEST_TEMPLATE ("tpl-b", "B"));
  pulse_outbox_set_online (f->outbox, TRUE);

  test_outbox_wait_wire (f, 2);
  limited = test_outbox_wire (f, 1);
  g_assert_cmpuint (limited->status, ==, 429);
  g_assert_cmpuint (limited->retry_after, ==, 1);
  test_outbox_wait_counts (f, 0, 1, 0, 0);

  /* "Retry now" does not override the server's Retry-After. */
  pulse_outbox_kick (f->outbox);
  g_assert_cmpuint (f->wire->len, ==, 2);

  test_outbox_wait_signals (f, 2);
  test_outbox_wait_counts (f, 0, 0, 0, 0);
  g_assert_cmpuint (f->wire->len, ==, 3);
  retried = test_outbox_wire (f, 2);
  g_assert_cmpuint (retried->status, ==, 201);
  g_assert_cmpstr (retried->key, ==, limited->key);
  waited = retried->sent_at - limited->answered_at;
  g_test_message ("retried %" G_GINT64_FORMAT " ms after the 429", waited / 1000);
  g_assert_cmpint (waited, >=, (gint64) limited->retry_after * G_USEC_PER_SEC);
  g_assert_cmpuint (test_outbox_count_items (f, "templates"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TestOutbox, NULL, test_outbox_set_up, func, test_outbox_tear_down)

  ADD ("/pulse/session/outbox/refusal/invalid-body", test_invalid_body);
  ADD ("/pulse/session/outbox/refusal/forbidden", test_forbidden);
  ADD ("/pulse/session/outbox/refusal/discarded-create-refuses-its-updates",
       test_discarded_create_refuses_its_updates);
  ADD ("/pulse/session/outbox/refusal/discarded-update-lowers-later-edits",
       test_discarded_update_lowers_later_edits);
  ADD ("/pulse/session/outbox/refusal/rate-limited", test_rate_limited);

  return g_test_run ();
}
