/* pulse-test-sync.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "pulse-json.h"
#include "pulse-test-sync.h"
#include "pulse-time-utils.h"

#define MINUTE PULSE_USEC_PER_MINUTE
#define HOUR   PULSE_USEC_PER_HOUR

static void
on_request_read_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  SyncFixture *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *expected = g_strconcat ("Bearer ", fixture->viewer, NULL);
  GUri *uri = soup_server_message_get_uri (msg);
  char *request;

  /* Only the console's requests: the test reads and ingests with others. */
  if (g_strcmp0 (auth, expected) != 0)
    return;

  request = g_strconcat (g_uri_get_path (uri), g_uri_get_query (uri) != NULL ? "?" : "",
                         g_uri_get_query (uri), NULL);
  g_ptr_array_add (fixture->requests, request);
  if (fixture->on_request != NULL)
    fixture->on_request (fixture, request);
}

static void
listen_on (SyncFixture *fixture,
           guint        port)
{
  g_autoptr(GError) error = NULL;

  g_signal_connect (pulse_server_get_soup (fixture->ts->server), "request-read",
                    G_CALLBACK (on_request_read_cb), fixture);
  if (port == 0)
    return;

  g_assert_true (pulse_server_listen (fixture->ts->server, "127.0.0.1", port, &error));
  g_assert_no_error (error);
}

void
pulse_test_sync_set_up (SyncFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->ts = pulse_test_server_new ();
  fixture->port = pulse_server_get_port (fixture->ts->server);
  fixture->viewer = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_VIEWER);
  fixture->integration = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_INTEGRATION);
  fixture->requests = g_ptr_array_new_with_free_func (g_free);
  listen_on (fixture, 0);

  fixture->dir = g_dir_make_tmp ("pulse-test-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->cache_path = g_build_filename (fixture->dir, "cache.db", NULL);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* The integrity check's worker may close the cache last, and
       * SQLite then removes its -wal and -shm itself. */
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else if (g_remove (path) != 0)
        g_assert_cmpint (errno, ==, ENOENT);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

void
pulse_test_sync_tear_down (SyncFixture   *fixture,
                           gconstpointer  data)
{
  if (fixture->ts->server == NULL)
    pulse_test_sync_start_server (fixture);
  g_clear_pointer (&fixture->ts, pulse_test_server_free);
  g_clear_pointer (&fixture->requests, g_ptr_array_unref);
  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->cache_path, g_free);
}

/* The port stops answering: connections are refused from now on. */
void
pulse_test_sync_stop_server (SyncFixture *fixture)
{
  soup_session_abort (fixture->ts->soup);
  g_clear_object (&fixture->ts->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The same server again, on its port and over its database. */
void
pulse_test_sync_start_server (SyncFixture *fixture)
{
  g_assert_null (fixture->ts->server);
  fixture->ts->server = pulse_server_new (fixture->ts->db);
  listen_on (fixture, fixture->port);
}

/* Requests of the console that start with @prefix. */
guint
pulse_test_sync_count (SyncFixture *fixture,
                       const char  *prefix)
{
  guint n = 0;

  for (guint i = 0; i < fixture->requests->len; i++)
    n += g_str_has_prefix (fixture->requests->pdata[i], prefix);

  return n;
}

/* The first request from index @from on that starts with @prefix. */
const char *
pulse_test_sync_find (SyncFixture *fixture,
                      const char  *prefix,
                      guint        from)
{
  for (guint i = from; i < fixture->requests->len; i++)
    if (g_str_has_prefix (fixture->requests->pdata[i], prefix))
      return fixture->requests->pdata[i];

  return NULL;
}

void
pulse_test_sync_ingest (SyncFixture *fixture,
                        const char  *endpoint,
                        const char  *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  g_autoptr(PulseTestResponse) response = NULL;

  response = pulse_test_server_request (fixture->ts, "POST", path, fixture->integration, body,
                                        NULL);
  if (response->status != 200)
    {
      g_autofree char *text = pulse_json_to_string (response->body);

      g_test_message ("POST %s answered %s", path, text);
    }
  g_assert_cmpuint (response->status, ==, 200);
}

/* A team, a chat queue and an agent. */
void
pulse_test_sync_ingest_directory (SyncFixture *fixture)
{
  pulse_test_sync_ingest (fixture, "directory",
    "{\"teams\":[{\"id\":\"team-ua\",\"name\":\"Ukraine\",\"timezone\":\"Europe/Kyiv\"}],"
    "\"queues\":[{\"id\":\"q-ua-chat\",\"name\":\"Ukraine chat\",\"channel\":\"chat\","
    "\"country\":\"UA\",\"language\":\"uk\",\"team_id\":\"team-ua\",\"sl_target_seconds\":20,"
    "\"sl_goal\":0.8}],"
    "\"agents\":[{\"id\":\"agent-7\",\"name\":\"Olena K.\",\"team_id\":\"team-ua\","
    "\"position\":\"agent\",\"status\":\"offline\",\"status_since\":\"2020-01-05T08:00:00Z\","
    "\"channels\":[\"chat\"]}]}");
}

char *
pulse_test_sync_ticket_json (const char *id,
                             const char *status,
                             gint64      created_at,
                             gint64      updated_at)
{
  g_autofree char *created = pulse_time_format (created_at);
  g_autofree char *updated = pulse_time_format (updated_at);

  return g_strdup_printf ("{\"id\":\"%s\",\"queue_id\":\"q-ua-chat\",\"channel\":\"chat\","
                          "\"subject\":\"Кредит\",\"customer_id\":\"cust-%s\","
                          "\"status\":\"%s\",\"created_at\":\"%s\",\"updated_at\":\"%s\","
                          "\"messages\":[{\"id\":\"m-1\",\"author_kind\":\"customer\","
                          "\"at\":\"%s\",\"body\":\"Де мої гроші?\"}]}",
                          id, id, status, created, updated, created);
}

/* @count tickets "<prefix>-N", ticket N updated @step × N after
 * @updated_at (and created then), in batches of 1,000. */
void
pulse_test_sync_ingest_tickets (SyncFixture *fixture,
                                const char  *prefix,
                                guint        count,
                                const char  *status,
                                gint64       updated_at,
                                gint64       step)
{
  for (guint batch = 0; batch * 1000 < count; batch++)
    {
      g_autoptr(GString) body = g_string_new ("{\"items\":[");

      for (guint i = batch * 1000; i < MIN (count, (batch + 1) * 1000); i++)
        {
          g_autofree char *id = g_strdup_printf ("%s-%04u", prefix, i);
          gint64 at = updated_at + (gint64) i * step;
          g_autofree char *ticket = pulse_test_sync_ticket_json (id, status, at, at);

          g_string_append_printf (body, "%s%s", i > batch * 1000 ? "," : "", ticket);
        }
      g_string_append (body, "]}");
      pulse_test_sync_ingest (fixture, "tickets", body->str);
    }
}

gint64
pulse_test_sync_server_seq (SyncFixture *fixture)
{
  g_autoptr(PulseTestResponse) response = NULL;

  response = pulse_test_server_request (fixture->ts, "GET", "/api/v1/health", NULL, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  return json_object_get_int_member (pulse_test_response_object (response), "seq");
}

/* A fresh snapshot, read with another token than the console's. */
PulseState *
pulse_test_sync_server_state (SyncFixture *fixture)
{
  g_autoptr(PulseTestResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  PulseState *state;

  response = pulse_test_server_request (fixture->ts, "GET", "/api/v1/snapshot",
                                        pulse_test_server_get_token (fixture->ts, PULSE_ROLE_HEAD),
                                        NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  state = pulse_state_new_from_snapshot (response->body, &error);
  g_assert_no_error (error);
  return state;
}

/* The sync's state is what a snapshot taken now holds. */
void
pulse_test_sync_assert_matches (SyncFixture *fixture,
                                PulseSync   *sync)
{
  g_autoptr(PulseState) server = pulse_test_sync_server_state (fixture);
  PulseState *ours = pulse_sync_get_state_snapshot (sync);
  gint64 now = g_get_real_time ();

  if (!pulse_state_equal (ours, server, now))
    {
      g_autoptr(JsonNode) a = pulse_state_to_snapshot_json (ours, now);
      g_autoptr(JsonNode) b = pulse_state_to_snapshot_json (server, now);
      g_autofree char *text_a = pulse_json_to_string (a);
      g_autofree char *text_b = pulse_json_to_string (b);

      g_assert_cmpstr (text_a, ==, text_b);
    }
}

/* Three open tickets, two resolved in the last hour (both in every
 * snapshot) and two closed five days ago (in none). */
void
pulse_test_sync_ingest_state (SyncFixture *fixture)
{
  gint64 now = g_get_real_time ();

  pulse_test_sync_ingest_directory (fixture);
  pulse_test_sync_ingest_tickets (fixture, "open", 3, "open", now - 2 * PULSE_TEST_DAY, MINUTE);
  pulse_test_sync_ingest_tickets (fixture, "done", 2, "resolved", now - HOUR, MINUTE);
  pulse_test_sync_ingest_tickets (fixture, "old", 2, "closed", now - 5 * PULSE_TEST_DAY, MINUTE);
}

/* Four events: a new ticket, a reply, an agent's status, a day's
 * applications. */
void
pulse_test_sync_ingest_changes (SyncFixture *fixture)
{
  gint64 at = g_get_real_time ();
  g_autofree char *now = pulse_time_format (at);
  g_autofree char *ticket = pulse_test_sync_ticket_json ("t-new", "new", at, at);
  g_autofree char *message = g_strdup_printf (
    "{\"ticket_id\":\"open-0001\",\"message\":{\"id\":\"m-2\",\"author_kind\":\"agent\","
    "\"author_id\":\"agent-7\",\"at\":\"%s\",\"body\":\"Перевіряю.\"}}", now);
  g_autofree char *status = g_strdup_printf (
    "{\"agent_id\":\"agent-7\",\"status\":\"available\",\"at\":\"%s\"}", now);

  pulse_test_sync_ingest (fixture, "tickets", ticket);
  pulse_test_sync_ingest (fixture, "messages", message);
  pulse_test_sync_ingest (fixture, "agent-status", status);
  pulse_test_sync_ingest (fixture, "applications",
                          "{\"date\":\"2026-11-20\",\"country\":\"UA\",\"count\":120}");
}
