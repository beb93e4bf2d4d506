/* test-session-offline.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session signed in while its server is down: it shows what the cache
 * holds, not live, with the role of the last sign-in, queues an edit in
 * the outbox, and goes live (the edit sent once) when the server is back.
 * Without a cache, the same sign-in fails as offline.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pulse-session-items.h"
#include "pulse-session.h"
#include "pulse-test-sync.h"
#include "pulse-time-utils.h"

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
is_set (gpointer user_data)
{
  return *(gpointer *) user_data != NULL;
}

static char *
url_of (SyncFixture *fixture)
{
  return g_strdup_printf ("http://127.0.0.1:%u", fixture->port);
}

/* Signs in with @token; returns what the sign-in said. */
static gboolean
sign_in (PulseSession  *session,
         SyncFixture   *fixture,
         const char    *token,
         GError       **error)
{
  g_autofree char *url = url_of (fixture);
  g_autoptr(GAsyncResult) result = NULL;

  pulse_session_sign_in_async (session, url, token, NULL, on_done_cb, &result);
  g_assert_true (pulse_test_wait_for (is_set, &result, PULSE_TEST_SYNC_WAIT_MS));
  return pulse_session_connect_finish (session, result, error);
}

static gboolean
is_live (gpointer session)
{
  return pulse_session_get_connection_state (session) == PULSE_CONNECTION_STATE_LIVE;
}

static gboolean
is_lead (gpointer session)
{
  return pulse_session_get_role (session) == PULSE_ROLE_LEAD;
}

typedef struct
{
  PulseSession *session;
  guint         n;
} Count;

static gboolean
has_tickets (gpointer user_data)
{
  Count *count = user_data;

  return g_list_model_get_n_items (pulse_session_get_list (count->session,
                                                           PULSE_STATE_KIND_TICKET))
         == count->n;
}

static void
wait_tickets (PulseSession *session,
              guint         n)
{
  Count count = { session, n };

  g_assert_true (pulse_test_wait_for (has_tickets, &count, PULSE_TEST_SYNC_WAIT_MS));
}

static gboolean
outbox_is_empty (gpointer session)
{
  PulseOutbox *outbox = pulse_session_get_outbox (session);

  return pulse_outbox_get_n_pending (outbox) + pulse_outbox_get_n_failed (outbox) == 0
         && pulse_outbox_get_sending (outbox) == 0;
}

/* A new reply template, saved while the server is away. */
static void
save_template_offline (PulseSession *session)
{
  g_autoptr(JsonNode) item = json_from_string ("{\"id\":\"t-offline\",\"name\":\"Затримка\","
                                               "\"language\":\"uk\",\"channels\":[\"chat\"],"
                                               "\"body\":\"Перевіряємо платіж.\"}", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pulse_session_save_item_async (session, "template", item, 0, NULL, on_done_cb, &result);
  g_assert_true (pulse_test_wait_for (is_set, &result, PULSE_TEST_SYNC_WAIT_MS));
  g_assert_cmpint (pulse_session_save_item_finish (session, result, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (pulse_outbox_get_n_pending (pulse_session_get_outbox (session)), ==, 1);
}

static void
assert_template_once (SyncFixture *fixture)
{
  const char *head = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_HEAD);
  g_autoptr(PulseTestResponse) response = NULL;

  response = pulse_test_server_request (fixture->ts, "GET", "/api/v1/templates/t-offline", head,
                                        NULL, NULL);
  g_assert_cmpint (response->status, ==, 200);
  /* Created once: a second create of the id would have made version 2
   * or a refusal held in the outbox. */
  g_assert_cmpint (json_object_get_int_member (pulse_test_response_object (response),
                                               "version"), ==, 1);
}

/* The lead's session, live, its cache written; then it is closed. */
static void
first_sign_in (SyncFixture *fixture)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  const char *lead = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_LEAD);

  g_assert_true (sign_in (session, fixture, lead, &error));
  g_assert_no_error (error);
  g_assert_true (pulse_test_wait_for (is_live, session, PULSE_TEST_SYNC_WAIT_MS));
  wait_tickets (session, 3);
  g_assert_cmpint (pulse_session_get_role (session), ==, PULSE_ROLE_LEAD);
  pulse_test_sync_flush (pulse_session_get_sync (session));
}

static void
test_starts_from_the_cache (SyncFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  const char *lead = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_LEAD);
  gint64 now = g_get_real_time ();

  pulse_test_sync_ingest_directory (fixture);
  pulse_test_sync_ingest_tickets (fixture, "t", 3, "open", now - PULSE_TEST_DAY / 2,
                                  PULSE_USEC_PER_MINUTE);
  first_sign_in (fixture);
  pulse_test_sync_stop_server (fixture);

  /* Not g_test_expect_message(): libsecret says things of its own here
   * when a session bus has no Secret Service, which an expectation would
   * make fatal. */
  g_assert_true (sign_in (session, fixture, lead, &error));
  g_assert_no_error (error);
  wait_tickets (session, 3);
  g_assert_false (is_live (session));
  g_assert_cmpint (pulse_session_get_role (session), ==, PULSE_ROLE_LEAD);
  g_assert_true (pulse_session_can_edit (session, "template"));
  save_template_offline (session);

  pulse_test_sync_start_server (fixture);
  g_assert_true (pulse_test_wait_for (is_live, session, PULSE_TEST_SYNC_WAIT_MS));
  g_assert_true (pulse_test_wait_for (outbox_is_empty, session, PULSE_TEST_SYNC_WAIT_MS));
  assert_template_once (fixture);
  wait_tickets (session, 3);
  g_assert_cmpint (pulse_session_get_role (session), ==, PULSE_ROLE_LEAD);
  pulse_test_sync_wait_seq (pulse_session_get_sync (session),
                            pulse_test_sync_server_seq (fixture));
  pulse_test_sync_assert_matches (fixture, pulse_session_get_sync (session));
}

/* A cache with nobody remembered for it: shown, read only. */
static void
test_unknown_identity_reads_only (SyncFixture   *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *identities = g_build_filename (g_get_user_cache_dir (), "pulse", "identities",
                                                  NULL);
  const char *lead = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_LEAD);

  pulse_test_sync_ingest_directory (fixture);
  pulse_test_sync_ingest_tickets (fixture, "t", 3, "open", g_get_real_time () - PULSE_TEST_DAY / 2,
                                  PULSE_USEC_PER_MINUTE);
  first_sign_in (fixture);
  pulse_test_sync_stop_server (fixture);
  g_assert_cmpint (g_remove (identities), ==, 0);

  g_assert_true (sign_in (session, fixture, lead, &error));
  g_assert_no_error (error);
  wait_tickets (session, 3);
  g_assert_cmpint (pulse_session_get_role (session), ==, PULSE_ROLE_VIEWER);
  g_assert_false (pulse_session_can_edit (session, "template"));

  /* The server back: whoami tells the real role. */
  pulse_test_sync_start_server (fixture);
  g_assert_true (pulse_test_wait_for (is_live, session, PULSE_TEST_SYNC_WAIT_MS));
  g_assert_true (pulse_test_wait_for (is_lead, session, PULSE_TEST_SYNC_WAIT_MS));
}

/* No cache, nothing to show: the sign-in fails as before. */
static void
test_without_cache_is_offline (SyncFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;

  pulse_test_sync_stop_server (fixture);
  g_assert_false (sign_in (session, fixture, fixture->viewer, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_OFFLINE);
  g_assert_null (pulse_session_get_sync (session));
  pulse_test_sync_start_server (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pulse/session/offline/starts-from-the-cache", SyncFixture, NULL,
              pulse_test_sync_set_up, test_starts_from_the_cache, pulse_test_sync_tear_down);
  g_test_add ("/pulse/session/offline/unknown-identity-reads-only", SyncFixture, NULL,
              pulse_test_sync_set_up, test_unknown_identity_reads_only,
              pulse_test_sync_tear_down);
  g_test_add ("/pulse/session/offline/without-cache-is-offline", SyncFixture, NULL,
              pulse_test_sync_set_up, test_without_cache_is_offline, pulse_test_sync_tear_down);

  return g_test_run ();
}
