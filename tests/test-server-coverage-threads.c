/* test-server-coverage-threads.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET /api/v1/coverage` runs on a worker thread: the server answers other
 * requests meanwhile, and a client that leaves mid-computation costs the
 * work but no warning or leak.
 */

#include "config.h"

#include "pulse-test-fixture.h"
#include "pulse-test-util.h"

typedef PulseTestFixture Fixture;

#define TEST(path, func) \
  g_test_add ("/pulse/server/coverage/" path, Fixture, NULL, pulse_test_fixture_set_up, func, \
              pulse_test_fixture_tear_down)

#define RANGE "/api/v1/coverage?from=2026-09-14T00:00:00Z&to=2026-11-09T00:00:00Z"

/* Four chat queues and one agent who serves them. Eight weeks of all four
 * are some 10,000 intervals: a quarter of a second of work. */
static void
ingest_queues (Fixture *fixture)
{
  g_autoptr(GString) body = g_string_new ("{\"queues\":[");
  g_autoptr(JsonNode) answer = NULL;

  for (guint q = 0; q < 4; q++)
    g_string_append_printf (body,
                            "%s{\"id\":\"q-%02u\",\"name\":\"Queue %u\",\"channel\":\"chat\","
                            "\"country\":\"UA\",\"language\":\"uk\",\"sl_target_seconds\":20,"
                            "\"sl_goal\":0.8}", q > 0 ? "," : "", q, q);
  g_string_append (body, "],\"agents\":[{\"id\":\"a1\",\"name\":\"A1\",\"position\":\"agent\","
                   "\"status\":\"offline\",\"status_since\":\"2026-09-01T00:00:00Z\","
                   "\"channels\":[\"chat\"],\"languages\":[\"uk\"]}]}");
  answer = pulse_test_fixture_request (fixture, "POST", "/api/v1/ingest/directory",
                                       fixture->integration, body->str, 200);
}

typedef struct
{
  SoupMessage *msg;
  GBytes      *body;
  gboolean     done;
} Pending;

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *pending = user_data;

  pending->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  pending->done = TRUE;
}

static void
send_async (Fixture      *fixture,
            const char   *path,
            const char   *token,
            Pending      *pending,
            GCancellable *cancellable)
{
  g_autofree char *url = g_strconcat (fixture->ts->url, path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

  pending->msg = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (pending->msg), "Authorization",
                                auth);
  soup_session_send_and_read_async (fixture->ts->soup, pending->msg, G_PRIORITY_DEFAULT,
                                    cancellable, on_sent_cb, pending);
}

typedef struct
{
  Pending big;
  Pending health;
} Race;

static gboolean
either_done (gpointer user_data)
{
  Race *race = user_data;

  return race->big.done || race->health.done;
}

static gboolean
big_done (gpointer user_data)
{
  return ((Race *) user_data)->big.done;
}

static gboolean
pending_done (gpointer user_data)
{
  return ((Pending *) user_data)->done;
}

/* /health, asked right after a long coverage request, answers while it
 * runs: the work is on a worker thread and takes the database lock a row
 * at a time. */
static void
test_health_during_coverage (Fixture       *fixture,
                             gconstpointer  data)
{
  Race race = { { 0 }, { 0 } };

  ingest_queues (fixture);
  send_async (fixture, RANGE, fixture->viewer, &race.big, NULL);
  send_async (fixture, "/api/v1/health", fixture->viewer, &race.health, NULL);

  g_assert_true (pulse_test_wait_for (either_done, &race, 30000));
  g_assert_true (race.health.done);
  g_assert_false (race.big.done);
  g_assert_cmpuint (soup_message_get_status (race.health.msg), ==, 200);

  g_assert_true (pulse_test_wait_for (big_done, &race, 60000));
  g_assert_cmpuint (soup_message_get_status (race.big.msg), ==, 200);
  g_assert_nonnull (race.big.body);
  g_assert_cmpuint (g_bytes_get_size (race.big.body), >, 1000000);

  g_object_unref (race.big.msg);
  g_object_unref (race.health.msg);
  g_bytes_unref (race.big.body);
  g_clear_pointer (&race.health.body, g_bytes_unref);
}

/* The server's side of the coverage request, watched until it is gone. */
typedef struct
{
  SoupServerMessage *msg;
  gboolean           seen;
} Watch;

static void
on_request_read_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  Watch *watch = user_data;

  if (watch->seen
      || !g_str_equal (g_uri_get_path (soup_server_message_get_uri (msg)), "/api/v1/coverage"))
    return;

  watch->seen = TRUE;
  watch->msg = msg;
  g_object_add_weak_pointer (G_OBJECT (msg), (gpointer *) &watch->msg);
}

static gboolean
seen (gpointer user_data)
{
  return ((Watch *) user_data)->seen;
}

static gboolean
gone (gpointer user_data)
{
  return ((Watch *) user_data)->msg == NULL;
}

/* The client gives up while the worker runs. libsoup 3.2 does not read a
 * paused connection, so it learns of the close when the answer is written;
 * that write fails quietly, the request is freed, and the server goes on
 * serving. */
static void
test_client_gone (Fixture       *fixture,
                  gconstpointer  data)
{
  SoupServer *soup = pulse_server_get_soup (fixture->server);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JsonNode) health = NULL;
  Pending big = { 0 };
  Watch watch = { NULL, FALSE };
  gulong handler;

  ingest_queues (fixture);
  handler = g_signal_connect (soup, "request-read", G_CALLBACK (on_request_read_cb), &watch);
  send_async (fixture, RANGE, fixture->viewer, &big, cancellable);
  g_assert_true (pulse_test_wait_for (seen, &watch, 10000));
  g_cancellable_cancel (cancellable);

  g_assert_true (pulse_test_wait_for (gone, &watch, 60000));
  g_signal_handler_disconnect (soup, handler);
  g_assert_true (pulse_test_wait_for (pending_done, &big, 10000));
  g_assert_null (big.body);

  health = pulse_test_fixture_request (fixture, "GET", "/api/v1/health", NULL, NULL, 200);
  g_object_unref (big.msg);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("health-during-coverage", test_health_during_coverage);
  TEST ("client-gone", test_client_gone);

  return g_test_run ();
}
