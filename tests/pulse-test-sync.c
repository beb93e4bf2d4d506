/* pulse-test-sync.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pulse-json.h"
#include "pulse-test-sync.h"
#include "pulse-time-utils.h"

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

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
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

/* The console: a viewer's client, the fixture's cache file, short waits. */
PulseSync *
pulse_test_sync_new (SyncFixture *fixture)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", fixture->port);
  g_autoptr(PulseClient) client = pulse_client_new (url, fixture->viewer);
  PulseSync *sync = pulse_sync_new (client, fixture->cache_path);

  pulse_sync_set_timing (sync, 5, 50, 200);
  return sync;
}

static gboolean
is_live (gpointer data)
{
  return pulse_sync_get_is_live (data);
}

void
pulse_test_sync_wait_live (PulseSync *sync)
{
  pulse_test_wait_for (is_live, sync, PULSE_TEST_SYNC_WAIT_MS);
}

typedef struct
{
  PulseSync *sync;
  gint64     seq;
  int        state;
  gboolean   done;
} Wait;

static gboolean
seq_reached (gpointer data)
{
  Wait *wait = data;

  return pulse_sync_get_seq (wait->sync) >= wait->seq;
}

void
pulse_test_sync_wait_seq (PulseSync *sync,
                          gint64     seq)
{
  Wait wait = { sync, seq, 0, FALSE };

  pulse_test_wait_for (seq_reached, &wait, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, seq);
}

static gboolean
state_reached (gpointer data)
{
  Wait *wait = data;

  return (int) pulse_sync_get_state (wait->sync) == wait->state;
}

void
pulse_test_sync_wait_state (PulseSync            *sync,
                            PulseConnectionState  state)
{
  Wait wait = { sync, 0, state, FALSE };

  pulse_test_wait_for (state_reached, &wait, PULSE_TEST_SYNC_WAIT_MS);
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_sync_flush_finish (PULSE_SYNC (object), result, &error));
  g_assert_no_error (error);
  wait->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Wait *) data)->done;
}

/* Everything applied so far is in the cache. */
void
pulse_test_sync_flush (PulseSync *sync)
{
  Wait wait = { sync, 0, 0, FALSE };

  pulse_sync_flush_async (sync, NULL, flushed_cb, &wait);
  pulse_test_wait_for (is_done, &wait, PULSE_TEST_SYNC_WAIT_MS);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Takes @sync: stops it, flushes, and waits until its last worker is
 * done and it is finalized, as when the console quits. */
void
pulse_test_sync_close (PulseSync *sync)
{
  gpointer weak = sync;

  pulse_sync_stop (sync);
  pulse_test_sync_flush (sync);
  g_object_add_weak_pointer (G_OBJECT (sync), &weak);
  g_object_unref (sync);
  pulse_test_wait_for (is_gone, &weak, PULSE_TEST_SYNC_WAIT_MS);
}

static void
on_reset_cb (PulseSync *sync,
             gpointer   user_data)
{
  SyncRecorder *rec = user_data;
  PulseState *state = pulse_sync_get_state_snapshot (sync);
  guint tickets = pulse_state_get_n_items (state, PULSE_STATE_KIND_TICKET);
  gint64 seq = pulse_state_get_seq (state);

  rec->resets++;
  g_array_append_val (rec->reset_tickets, tickets);
  g_array_append_val (rec->reset_seqs, seq);
  rec->live_at_reset |= pulse_sync_get_is_live (sync);
}

static void
on_changed_cb (PulseSync              *sync,
               const PulseStateChange *change,
               gpointer                user_data)
{
  SyncRecorder *rec = user_data;

  g_assert_nonnull (change);
  g_assert_true (change->action == PULSE_STATE_ACTION_CREATED ||
                 change->action == PULSE_STATE_ACTION_UPDATED ||
                 change->action == PULSE_STATE_ACTION_DELETED);
  rec->changes++;
}

static void
on_state_cb (PulseSync  *sync,
             GParamSpec *pspec,
             gpointer    user_data)
{
  SyncRecorder *rec = user_data;
  PulseConnectionState state = pulse_sync_get_state (sync);

  g_array_append_val (rec->states, state);
}

SyncRecorder *
pulse_test_sync_recorder_new (PulseSync *sync)
{
  SyncRecorder *rec = g_new0 (SyncRecorder, 1);

  /* No reference: free the recorder before closing the sync. */
  rec->sync = sync;
  rec->reset_tickets = g_array_new (FALSE, FALSE, sizeof (guint));
  rec->reset_seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  rec->states = g_array_new (FALSE, FALSE, sizeof (PulseConnectionState));
  g_signal_connect (sync, "reset", G_CALLBACK (on_reset_cb), rec);
  g_signal_connect (sync, "changed", G_CALLBACK (on_changed_cb), rec);
  g_signal_connect (sync, "notify::state", G_CALLBACK (on_state_cb), rec);
  return rec;
}

void
pulse_test_sync_recorder_free (SyncRecorder *rec)
{
  g_signal_handlers_disconnect_by_data (rec->sync, rec);
  g_array_unref (rec->reset_tickets);
  g_array_unref (rec->reset_seqs);
  g_array_unref (rec->states);
  g_free (rec);
}

typedef struct
{
  SyncRecorder *rec;
  guint         count;
} ResetWait;

static gboolean
resets_reached (gpointer data)
{
  ResetWait *wait = data;

  return wait->rec->resets >= wait->count;
}

void
pulse_test_sync_wait_resets (SyncRecorder *rec,
                             guint         count)
{
  ResetWait wait = { rec, count };

  pulse_test_wait_for (resets_reached, &wait, PULSE_TEST_SYNC_WAIT_MS);
}
