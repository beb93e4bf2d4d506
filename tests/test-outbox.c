/* test-outbox.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseOutbox against a real in-process pulse-server and a real cache
 * file: saved before sent, sent when the server is up, retried when it is
 * not, never applied twice across a crash, and never blocking the main
 * loop on the cache.
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include "pulse-cache-batch.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-test-outbox.h"

#define TPL_CARD TEST_TEMPLATE ("tpl-card", "Card blocked")

static void
assert_template_on_server (TestOutbox *f,
                           const char *id,
                           gint64      version,
                           const char *name)
{
  g_autofree char *path = g_strconcat ("/api/v1/templates/", id, NULL);
  g_autoptr(PulseTestResponse) response = test_outbox_get (f, path);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (test_member_int (response->body, "version"), ==, version);
  g_assert_cmpstr (test_member_string (response->body, "name"), ==, name);
}

static void
test_saved_offline_sent_online (TestOutbox    *f,
                                gconstpointer  data)
{
  g_autoptr(PulseTestResponse) missing = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  PulseOutboxEntry *entry;
  TestSignal *ack;
  gint64 id;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  id = test_outbox_submit (f, "POST", "template", NULL, 0, TPL_CARD);

  /* Saved, with the id taken from the body and a fresh UUID as its key,
   * and nothing sent while offline. */
  g_assert_cmpuint (pulse_outbox_get_n_pending (f->outbox), ==, 1);
  stored = test_outbox_cache_entries (f);
  g_assert_cmpuint (stored->len, ==, 1);
  entry = g_ptr_array_index (stored, 0);
  g_assert_cmpint (entry->id, ==, id);
  g_assert_cmpstr (entry->method, ==, "POST");
  g_assert_cmpstr (entry->path, ==, "/api/v1/templates");
  g_assert_cmpstr (entry->entity_kind, ==, "template");
  g_assert_cmpstr (entry->entity_id, ==, "tpl-card");
  g_assert_true (g_uuid_string_is_valid (entry->idempotency_key));
  g_assert_cmpint (entry->state, ==, PULSE_OUTBOX_PENDING);
  g_assert_cmpuint (f->wire->len, ==, 0);
  missing = test_outbox_get (f, "/api/v1/templates/tpl-card");
  g_assert_cmpuint (missing->status, ==, 404);

  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_signals (f, 1);
  test_outbox_wait_counts (f, 0, 0, 0, 0);

  ack = test_outbox_signal (f, 0);
  g_assert_cmpstr (ack->name, ==, "acknowledged");
  g_assert_cmpint (ack->entry_id, ==, id);
  g_assert_cmpstr (ack->kind, ==, "template");
  g_assert_cmpstr (ack->id, ==, "tpl-card");
  g_assert_cmpint (test_member_int (ack->json, "version"), ==, 1);

  g_assert_cmpuint (f->wire->len, ==, 1);
  g_assert_cmpuint (test_outbox_wire (f, 0)->status, ==, 201);
  g_assert_cmpstr (test_outbox_wire (f, 0)->key, ==, entry->idempotency_key);
  g_assert_null (test_outbox_wire (f, 0)->if_match);
  g_assert_cmpuint (test_outbox_count_items (f, "templates"), ==, 1);
  assert_template_on_server (f, "tpl-card", 1, "Card blocked");

  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = test_outbox_cache_entries (f);
  g_assert_cmpuint (stored->len, ==, 0);
}

static void
test_server_down_then_up (TestOutbox    *f,
                          gconstpointer  data)
{
  g_autoptr(PulseOutboxEntry) failed = NULL;
  gint64 id;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  test_outbox_stop_server (f);
  pulse_outbox_set_online (f->outbox, TRUE);
  id = test_outbox_submit (f, "POST", "template", "tpl-card", 0, TPL_CARD);

  /* Refused connections: kept as failed, with why, and retried. */
  test_outbox_wait_counts (f, 0, 1, 0, 0);
  failed = pulse_outbox_dup_entry (f->outbox, id);
  g_assert_nonnull (failed);
  g_assert_cmpint (failed->state, ==, PULSE_OUTBOX_FAILED);
  g_assert_cmpuint (failed->attempts, >=, 1);
  g_assert_true (g_str_has_prefix (failed->last_error, "not sent: "));
  g_assert_cmpint (failed->next_attempt_at, >, 0);
  test_outbox_wait_wire (f, 2);
  g_assert_cmpuint (f->signals->len, ==, 0);

  test_outbox_start_server (f);
  test_outbox_wait_signals (f, 1);
  test_outbox_wait_counts (f, 0, 0, 0, 0);
  g_assert_cmpstr (test_outbox_signal (f, 0)->name, ==, "acknowledged");
  g_assert_cmpint (test_outbox_signal (f, 0)->entry_id, ==, id);

  /* Every attempt carried the same key; the last one got through. */
  for (guint i = 0; i < f->wire->len; i++)
    {
      TestWire *wire = test_outbox_wire (f, i);

      g_assert_cmpstr (wire->key, ==, failed->idempotency_key);
      g_assert_cmpuint (wire->status, ==, i + 1 < f->wire->len ? 0 : 201);
    }
  g_assert_cmpuint (test_outbox_count_items (f, "templates"), ==, 1);
}

static void
test_replay_after_crash (TestOutbox    *f,
                         gconstpointer  data)
{
  g_autoptr(PulseTestResponse) first = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *body = NULL;
  g_autofree char *key = NULL;
  PulseOutboxEntry *entry;
  TestWire *wire;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  test_outbox_submit (f, "POST", "template", "tpl-card", 0, TPL_CARD);
  stored = test_outbox_cache_entries (f);
  entry = g_ptr_array_index (stored, 0);
  key = g_strdup (entry->idempotency_key);
  body = pulse_json_to_string (entry->body);

  /* The request reached the server and was committed, but the console
   * died before it read the answer. */
  test_outbox_drop (f);
  first = pulse_test_server_request (f->server, "POST", "/api/v1/templates",
                                     pulse_test_server_get_token (f->server, PULSE_ROLE_LEAD),
                                     body, "Idempotency-Key", key, NULL);
  g_assert_cmpuint (first->status, ==, 201);
  g_assert_null (soup_message_headers_get_one (first->headers, "Idempotent-Replayed"));

  test_outbox_restart (f);
  g_assert_cmpuint (pulse_outbox_get_n_pending (f->outbox), ==, 1);
  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_signals (f, 1);
  test_outbox_wait_counts (f, 0, 0, 0, 0);

  wire = test_outbox_wire (f, 0);
  g_assert_cmpuint (f->wire->len, ==, 1);
  g_assert_cmpstr (wire->key, ==, key);
  g_assert_cmpuint (wire->status, ==, 201);
  g_assert_true (wire->replayed);
  g_assert_cmpstr (test_outbox_signal (f, 0)->name, ==, "acknowledged");
  g_assert_cmpint (test_member_int (test_outbox_signal (f, 0)->json, "version"), ==, 1);
  g_assert_cmpuint (test_outbox_count_items (f, "templates"), ==, 1);
  assert_template_on_server (f, "tpl-card", 1, "Card blocked");
}

static void
test_restart_resends_in_order (TestOutbox    *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(PulseTestResponse) gone = NULL;
  const char *methods[] = { "POST", "PUT", "DELETE" };
  const char *if_match[] = { NULL, "1", "2" };

  test_outbox_start (f, PULSE_ROLE_LEAD);
  test_outbox_submit (f, "POST", "template", "tpl-card", 0, TPL_CARD);
  test_outbox_submit (f, "PUT", "template", "tpl-card", 0, TEST_TEMPLATE ("tpl-card", "Card"));
  test_outbox_submit (f, "DELETE", "template", "tpl-card", 0, NULL);
  stored = test_outbox_cache_entries (f);
  g_assert_cmpuint (stored->len, ==, 3);

  test_outbox_restart (f);
  g_assert_cmpuint (pulse_outbox_get_n_pending (f->outbox), ==, 3);
  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_signals (f, 3);
  test_outbox_wait_counts (f, 0, 0, 0, 0);

  /* In the order saved, each on the version the one before gives, with
   * the keys saved before the restart. */
  g_assert_cmpuint (f->wire->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      PulseOutboxEntry *entry = g_ptr_array_index (stored, i);
      TestWire *wire = test_outbox_wire (f, i);
      TestSignal *ack = test_outbox_signal (f, i);

      g_assert_cmpstr (wire->method, ==, methods[i]);
      g_assert_cmpstr (wire->if_match, ==, if_match[i]);
      g_assert_cmpstr (wire->key, ==, entry->idempotency_key);
      g_assert_cmpuint (wire->status, ==, i == 0 ? 201 : 200);
      g_assert_cmpstr (ack->name, ==, "acknowledged");
      g_assert_cmpint (ack->entry_id, ==, entry->id);
      g_assert_cmpint (test_member_int (ack->json, "version"), ==, i + 1);
    }
  gone = test_outbox_get (f, "/api/v1/templates/tpl-card");
  g_assert_cmpuint (gone->status, ==, 404);
}

static void
test_retries_service_unavailable (TestOutbox    *f,
                                  gconstpointer  data)
{
  g_autoptr(PulseOutboxEntry) failed = NULL;
  gint64 id;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  test_outbox_fail_next (f, "POST", 2);
  id = test_outbox_submit (f, "POST", "template", "tpl-card", 0, TPL_CARD);
  pulse_outbox_set_online (f->outbox, TRUE);

  test_outbox_wait_wire (f, 1);
  test_outbox_wait_counts (f, 0, 1, 0, 0);
  failed = pulse_outbox_dup_entry (f->outbox, id);
  g_assert_cmpstr (failed->last_error, ==, "not sent: HTTP 503");
  g_assert_cmpuint (failed->last_status, ==, 0);

  test_outbox_wait_signals (f, 1);
  test_outbox_wait_counts (f, 0, 0, 0, 0);
  g_assert_cmpuint (f->wire->len, ==, 3);
  g_assert_cmpuint (test_outbox_wire (f, 0)->status, ==, 503);
  g_assert_cmpuint (test_outbox_wire (f, 1)->status, ==, 503);
  g_assert_cmpuint (test_outbox_wire (f, 2)->status, ==, 201);
  g_assert_cmpstr (test_outbox_wire (f, 0)->key, ==, test_outbox_wire (f, 2)->key);
  g_assert_cmpuint (test_outbox_count_items (f, "templates"), ==, 1);
}

/* A full disk under the cache (RLIMIT_FSIZE, in this process): the
 * server's answer cannot be recorded, so the entry is sent again after a
 * pause, answered from the server's memory of its key. Warned once, not
 * at every retry; applied once when the disk has room again. */
static void
test_answer_not_recorded (TestOutbox    *f,
                          gconstpointer  data)
{
  struct rlimit before, full;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  test_outbox_submit (f, "POST", "template", "tpl-card", 0, TPL_CARD);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &before), ==, 0);
  full = before;
  full.rlim_cur = 1;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
  g_test_expect_message ("pulse-session", G_LOG_LEVEL_WARNING,
                         "outbox: cannot record the server's answer, sending again later: *");
  pulse_outbox_set_online (f->outbox, TRUE);
  /* The third send comes after the second answer failed to be recorded. */
  test_outbox_wait_wire (f, 3);
  g_test_assert_expected_messages ();
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &before), ==, 0);

  test_outbox_wait_counts (f, 0, 0, 0, 0);
  for (guint i = 0; i < f->wire->len; i++)
    g_assert_cmpstr (test_outbox_wire (f, i)->key, ==, test_outbox_wire (f, 0)->key);
  g_assert_cmpuint (test_outbox_count_items (f, "templates"), ==, 1);
  assert_template_on_server (f, "tpl-card", 1, "Card blocked");
}

typedef struct
{
  guint ticks;
  guint target;
} Ticker;

static gboolean
on_tick_cb (gpointer user_data)
{
  ((Ticker *) user_data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
has_ticked (gpointer user_data)
{
  Ticker *ticker = user_data;

  return ticker->ticks >= ticker->target;
}

static void
on_submitted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(gint64 *) user_data = pulse_outbox_submit_finish (PULSE_OUTBOX (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_positive (gpointer user_data)
{
  return *(gint64 *) user_data > 0;
}

/* The main thread holds the cache's writer (as the sync engine does
 * during a batch). Were the outbox to write on the main thread, the
 * cache would refuse it at once; in a worker, the write waits while the
 * main loop goes on, and completes once the batch is done. */
static void
test_never_blocks_main_loop (TestOutbox    *f,
                             gconstpointer  data)
{
  g_autoptr(PulseCacheBatch) batch = NULL;
  g_autoptr(JsonNode) body = pulse_test_parse (TPL_CARD);
  g_autoptr(GError) error = NULL;
  Ticker ticker = { 0, 5 };
  gint64 id = 0;
  guint tick_id;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  tick_id = g_timeout_add (5, on_tick_cb, &ticker);

  batch = pulse_cache_batch_begin (f->cache, &error);
  g_assert_no_error (error);
  pulse_outbox_submit_async (f->outbox, "POST", "template", "tpl-card", 0, body, NULL,
                             on_submitted_cb, &id);
  pulse_test_wait_for (has_ticked, &ticker, 10000);
  g_assert_cmpint (id, ==, 0);
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  g_assert_no_error (error);
  pulse_test_wait_for (is_positive, &id, 10000);
  g_assert_cmpuint (pulse_outbox_get_n_pending (f->outbox), ==, 1);

  /* The answer is recorded in a worker too: sent and answered while the
   * batch is open, acknowledged once it closes. */
  g_clear_pointer (&batch, pulse_cache_batch_free);
  batch = pulse_cache_batch_begin (f->cache, &error);
  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_wire (f, 1);
  ticker.target = ticker.ticks + 5;
  pulse_test_wait_for (has_ticked, &ticker, 10000);
  g_assert_cmpuint (f->signals->len, ==, 0);
  g_assert_cmpint (pulse_outbox_get_sending (f->outbox), ==, id);
  g_assert_cmpuint (test_outbox_count_items (f, "templates"), ==, 1);
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  test_outbox_wait_signals (f, 1);
  test_outbox_wait_counts (f, 0, 0, 0, 0);
  g_assert_cmpint (pulse_outbox_get_sending (f->outbox), ==, 0);

  g_source_remove (tick_id);
}

static void
assert_refused (TestOutbox *f,
                const char *method,
                const char *kind,
                const char *id,
                gint64      base_version,
                const char *body,
                const char *message_part)
{
  g_autoptr(GError) error = test_outbox_submit_error (f, method, kind, id, base_version, body);

  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  if (strstr (error->message, message_part) == NULL)
    g_test_message ("“%s” does not name %s", error->message, message_part);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_bad_input (TestOutbox    *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;

  test_outbox_start (f, PULSE_ROLE_LEAD);
  assert_refused (f, "PATCH", "template", "tpl-card", 1, TPL_CARD, "method: ");
  assert_refused (f, NULL, "template", "tpl-card", 1, TPL_CARD, "method: ");
  assert_refused (f, "POST", "ticket", NULL, 0, TPL_CARD, "kind: ");
  assert_refused (f, "POST", NULL, NULL, 0, TPL_CARD, "kind: ");
  assert_refused (f, "POST", "template", NULL, 0, "[1, 2]", "body: ");
  assert_refused (f, "POST", "template", NULL, 0, NULL, "body: ");
  assert_refused (f, "DELETE", "template", "tpl-card", 1, TPL_CARD, "body: ");
  assert_refused (f, "PUT", "template", NULL, 1, TPL_CARD, "id: ");
  assert_refused (f, "PUT", "template", "", 1, TPL_CARD, "id: ");
  assert_refused (f, "PUT", "template", "tpl-other", 1, TPL_CARD, "id: ");
  assert_refused (f, "PUT", "template", "tpl-card", 0, TPL_CARD, "base_version: ");
  assert_refused (f, "DELETE", "template", "tpl-card", -1, NULL, "base_version: ");

  /* A body whose id is not a string is the server's to judge. */
  test_outbox_submit (f, "POST", "template", NULL, 0, "{\"id\": {\"a\": 1}}");

  stored = test_outbox_cache_entries (f);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_null (((PulseOutboxEntry *) g_ptr_array_index (stored, 0))->entity_id);
  g_assert_cmpuint (pulse_outbox_get_n_pending (f->outbox), ==, 1);
}

typedef struct
{
  gboolean  answered;
  guint     status;
  JsonNode *answer;
  guint     retry_after;
  GError   *error;
} Sent;

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Sent *sent = user_data;

  sent->answered = pulse_client_send_json_finish (PULSE_CLIENT (object), result, &sent->status,
                                                  &sent->answer, &sent->retry_after, NULL,
                                                  &sent->error);
  g_assert_true (sent->answered == (sent->error == NULL));
  if (!sent->answered)
    sent->status = 1;
}

static gboolean
is_sent (gpointer user_data)
{
  return ((Sent *) user_data)->status != 0;
}

static void
send_json (PulseClient *client,
           const char  *method,
           const char  *path,
           const char  *body,
           Sent        *sent)
{
  g_autoptr(JsonNode) node = body != NULL ? pulse_test_parse (body) : NULL;

  pulse_client_send_json_async (client, method, path, node, NULL, "k-1", NULL, on_sent_cb, sent);
  pulse_test_wait_for (is_sent, sent, 10000);
}

static void
sent_clear (Sent *sent)
{
  g_clear_pointer (&sent->answer, json_node_unref);
  g_clear_error (&sent->error);
  memset (sent, 0, sizeof *sent);
}

/* The client's mutation call hands back every status with its answer. */
static void
test_client_send_json (TestOutbox    *f,
                       gconstpointer  data)
{
  const char *lead = pulse_test_server_get_token (f->server, PULSE_ROLE_LEAD);
  g_autoptr(PulseClient) client = pulse_client_new (f->server->url, lead);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 3600);
  JsonNode *error;
  Sent sent = { 0 };

  send_json (client, "POST", "/api/v1/templates", "{\"id\":\"tpl-card\"}", &sent);
  g_assert_true (sent.answered);
  g_assert_cmpuint (sent.status, ==, 422);
  error = json_object_get_member (json_node_get_object (sent.answer), "error");
  g_assert_cmpstr (test_member_string (error, "code"), ==, "invalid_data");
  sent_clear (&sent);

  /* An HTTP date works as well as seconds; an empty body is no answer. */
  f->fail_retry_after = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  test_outbox_fail_next (f, "DELETE", 1);
  send_json (client, "DELETE", "/api/v1/templates/tpl-card", NULL, &sent);
  g_assert_cmpuint (sent.status, ==, 503);
  g_assert_null (sent.answer);
  g_assert_cmpuint (sent.retry_after, >=, 3598);
  g_assert_cmpuint (sent.retry_after, <=, 3600);
  sent_clear (&sent);

  test_outbox_stop_server (f);
  send_json (client, "POST", "/api/v1/templates", TPL_CARD, &sent);
  g_assert_false (sent.answered);
  g_assert_error (sent.error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE);
  sent_clear (&sent);
  soup_session_abort (pulse_client_get_soup (client));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TestOutbox, NULL, test_outbox_set_up, func, test_outbox_tear_down)

  ADD ("/pulse/session/outbox/saved-offline-sent-online", test_saved_offline_sent_online);
  ADD ("/pulse/session/outbox/server-down-then-up", test_server_down_then_up);
  ADD ("/pulse/session/outbox/replay-after-crash", test_replay_after_crash);
  ADD ("/pulse/session/outbox/restart-resends-in-order", test_restart_resends_in_order);
  ADD ("/pulse/session/outbox/retries-service-unavailable", test_retries_service_unavailable);
  ADD ("/pulse/session/outbox/answer-not-recorded", test_answer_not_recorded);
  ADD ("/pulse/session/outbox/never-blocks-main-loop", test_never_blocks_main_loop);
  ADD ("/pulse/session/outbox/bad-input", test_bad_input);
  ADD ("/pulse/session/outbox/client-send-json", test_client_send_json);

  return g_test_run ();
}
