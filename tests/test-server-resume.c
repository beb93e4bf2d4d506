/* test-server-resume.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Resume with concurrent writers: a writer keeps an in-process server
 * busy (tickets, messages, ratings, agent status, directory changes,
 * applications, rule create/update/delete) while a client takes a
 * snapshot, streams events into a PulseState, is cut off at several
 * points and resumes from its last seq. Once the writer stops and the
 * client has caught up, its state equals a fresh snapshot. One case
 * prunes the event log while the client is away, so it must resync.
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-state.h"
#include "pulse-test-util.h"
#include "pulse-test-writer.h"

#define WAIT_MS 180000  /* ASan with full unwinding is slow */

typedef struct
{
  guint32      seed;
  guint        n_writes;
  const guint *disconnect_at;  /* events applied before each cut, rising, 0 ends */
  int          prune_at;       /* the cut after which the log is pruned, or -1 */
} Scenario;

typedef struct
{
  PulseTestServer         *ts;
  const Scenario          *scenario;
  SoupSession             *soup;
  PulseState              *state;
  guint                    generation;  /* bumped with each snapshot */
  SoupMessage             *msg;         /* the snapshot or upgrade under way */
  SoupWebsocketConnection *conn;
  gboolean                 busy;        /* a snapshot or a connect is under way */
  gboolean                 closing;     /* we cut the stream; frames now are dropped */
  gboolean                 resyncing;
  gboolean                 prune_next;  /* prune the log before the next connect */
  gulong                   appended_id;
  guint                    prune_idle_id;
  guint                    n_applied;
  guint                    next_cut;
  guint                    n_snapshots;
  guint                    n_connects;
  guint                    n_resyncs;
  guint                    n_fetched;
  gint64                   n_pruned;
  GHashTable              *fetching;    /* ticket ids */
} Client;

static void client_connect  (Client *client);
static void client_snapshot (Client *client);

static PulseEventLog *
server_log (Client *client)
{
  return pulse_server_get_event_log (client->ts->server);
}

static SoupMessage *
new_get (Client     *client,
         const char *path)
{
  g_autofree char *url = g_strconcat (client->ts->url, path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ",
                                       pulse_test_server_get_token (client->ts, PULSE_ROLE_VIEWER),
                                       NULL);
  SoupMessage *msg = soup_message_new ("GET", url);

  g_assert_nonnull (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  return msg;
}

static JsonNode *
finish_get (SoupSession  *soup,
            GAsyncResult *result,
            SoupMessage  *msg)
{
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (soup, result, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_nonnull (body);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  node = pulse_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  return node;
}

typedef struct
{
  Client      *client;
  SoupMessage *msg;
  guint        generation;
  char        *ticket_id;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->msg);
  g_free (fetch->ticket_id);
  g_free (fetch);
}

static void
on_ticket_fetched_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Fetch *fetch = user_data;
  Client *client = fetch->client;
  g_autoptr(JsonNode) ticket = finish_get (SOUP_SESSION (object), result, fetch->msg);
  g_autoptr(GError) error = NULL;

  g_hash_table_remove (client->fetching, fetch->ticket_id);
  /* A resync since has a state of its own, with its own fetches. */
  if (fetch->generation == client->generation)
    {
      g_assert_true (pulse_state_put_ticket (client->state, ticket, NULL, &error));
      g_assert_no_error (error);
      client->n_fetched++;
    }
  fetch_free (fetch);
}

static void
fetch_ticket (Client     *client,
              const char *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/tickets/", id, NULL);
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->client = client;
  fetch->msg = new_get (client, path);
  fetch->generation = client->generation;
  fetch->ticket_id = g_strdup (id);
  g_hash_table_add (client->fetching, g_strdup (id));
  soup_session_send_and_read_async (client->soup, fetch->msg, G_PRIORITY_DEFAULT, NULL,
                                    on_ticket_fetched_cb, fetch);
}

/* Cuts the stream as a dropped connection would: what is still in
 * flight is lost, and the client comes back with its last seq. */
static void
cut (Client *client)
{
  client->closing = TRUE;
  client->next_cut++;
  if ((int) client->next_cut - 1 == client->scenario->prune_at)
    client->prune_next = TRUE;
  soup_websocket_connection_close (client->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
}

static void
on_message_cb (SoupWebsocketConnection *conn,
               int                      type,
               GBytes                  *message,
               gpointer                 user_data)
{
  Client *client = user_data;
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) event = NULL;
  const guint *cuts = client->scenario->disconnect_at;

  if (client->closing || client->resyncing)
    return;

  event = pulse_json_parse (g_bytes_get_data (message, NULL), g_bytes_get_size (message), &error);
  g_assert_no_error (error);

  if (!pulse_state_apply (client->state, event, &change, &error))
    {
      if (change.action != PULSE_STATE_ACTION_RESYNC)
        g_error ("the client could not apply an event: %s", error->message);
      /* The server closes the stream after a resync. */
      client->resyncing = TRUE;
      client->n_resyncs++;
      return;
    }

  client->n_applied++;
  if (change.action == PULSE_STATE_ACTION_MISSING)
    fetch_ticket (client, change.id);
  if (cuts[client->next_cut] != 0 && client->n_applied == cuts[client->next_cut])
    cut (client);
}

/* Behind the server and away: drop every event so far, so coming back
 * needs events the log no longer has. */
static gboolean
prune_and_connect (Client *client)
{
  g_autoptr(GError) error = NULL;

  if (pulse_event_log_get_last_seq (server_log (client)) <= pulse_state_get_seq (client->state))
    return FALSE;

  client->n_pruned = pulse_event_log_prune_before (server_log (client), g_get_real_time () + 1,
                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (client->n_pruned, >, 0);
  client->prune_next = FALSE;
  g_clear_signal_handler (&client->appended_id, server_log (client));
  client_connect (client);
  return TRUE;
}

static gboolean
prune_idle_cb (gpointer user_data)
{
  Client *client = user_data;

  client->prune_idle_id = 0;
  if (client->prune_next)
    prune_and_connect (client);
  return G_SOURCE_REMOVE;
}

/* Not from inside the signal: the streams listen to it too. */
static void
on_appended_cb (PulseEventLog *log,
                gint64         last_seq,
                gpointer       user_data)
{
  Client *client = user_data;

  if (client->prune_next && client->prune_idle_id == 0 &&
      last_seq > pulse_state_get_seq (client->state))
    client->prune_idle_id = g_idle_add (prune_idle_cb, client);
}

static gboolean
reconnect_idle_cb (gpointer user_data)
{
  Client *client = user_data;

  g_clear_object (&client->conn);
  g_clear_object (&client->msg);
  client->closing = FALSE;
  if (client->resyncing)
    client_snapshot (client);
  else if (client->prune_next)
    {
      if (!prune_and_connect (client) && client->appended_id == 0)
        client->appended_id = g_signal_connect (server_log (client), "appended",
                                                G_CALLBACK (on_appended_cb), client);
    }
  else
    client_connect (client);
  return G_SOURCE_REMOVE;
}

static void
on_closed_cb (SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  Client *client = user_data;

  g_signal_handlers_disconnect_by_data (conn, client);
  g_idle_add (reconnect_idle_cb, client);
}

static void
on_connected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Client *client = user_data;
  g_autoptr(GError) error = NULL;

  client->conn = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
  /* An event can hold a 64 KiB message body, escaped. */
  soup_websocket_connection_set_max_incoming_payload_size (client->conn, 16 * 1024 * 1024);
  g_signal_connect (client->conn, "message", G_CALLBACK (on_message_cb), client);
  g_signal_connect (client->conn, "closed", G_CALLBACK (on_closed_cb), client);
  client->busy = FALSE;
}

static void
client_connect (Client *client)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/events?since=%" G_GINT64_FORMAT,
                                           pulse_state_get_seq (client->state));

  client->busy = TRUE;
  client->n_connects++;
  client->msg = new_get (client, path);
  soup_session_websocket_connect_async (client->soup, client->msg, NULL, NULL,
                                        G_PRIORITY_DEFAULT, NULL, on_connected_cb, client);
}

static void
on_snapshot_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Client *client = user_data;
  g_autoptr(SoupMessage) msg = g_steal_pointer (&client->msg);
  g_autoptr(JsonNode) snapshot = finish_get (SOUP_SESSION (object), result, msg);
  g_autoptr(GError) error = NULL;

  g_clear_object (&client->state);
  client->state = pulse_state_new_from_snapshot (snapshot, &error);
  g_assert_no_error (error);
  client->generation++;
  client->n_snapshots++;
  client->resyncing = FALSE;
  client_connect (client);
}

static void
client_snapshot (Client *client)
{
  client->busy = TRUE;
  client->msg = new_get (client, "/api/v1/snapshot");
  soup_session_send_and_read_async (client->soup, client->msg, G_PRIORITY_DEFAULT, NULL,
                                    on_snapshot_cb, client);
}

typedef struct
{
  Client *client;
  PulseTestWriter *writer;
} Run;

static gboolean
caught_up (gpointer user_data)
{
  Run *run = user_data;
  Client *client = run->client;
  g_auto(GStrv) missing = NULL;

  if (!pulse_test_writer_is_done (run->writer) || client->busy || client->closing ||
      client->resyncing || client->prune_next || client->conn == NULL ||
      g_hash_table_size (client->fetching) > 0)
    return FALSE;

  missing = pulse_state_dup_missing_tickets (client->state);
  return missing[0] == NULL &&
         pulse_state_get_seq (client->state) == pulse_event_log_get_last_seq (server_log (client));
}

/* The client's state against a snapshot taken now, both cut to the same
 * moment (the snapshot leaves out old closed tickets and old days). */
static void
assert_matches_fresh_snapshot (Client *client)
{
  g_autoptr(PulseTestResponse) answer = NULL;
  g_autoptr(PulseState) fresh = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now;

  answer = pulse_test_server_request (client->ts, "GET", "/api/v1/snapshot",
                                      pulse_test_server_get_token (client->ts, PULSE_ROLE_VIEWER),
                                      NULL, NULL);
  g_assert_cmpuint (answer->status, ==, SOUP_STATUS_OK);
  fresh = pulse_state_new_from_snapshot (answer->body, &error);
  g_assert_no_error (error);
  now = g_get_real_time ();

  if (!pulse_state_equal (client->state, fresh, now))
    {
      g_autoptr(JsonNode) mine = pulse_state_to_snapshot_json (client->state, now);
      g_autoptr(JsonNode) theirs = pulse_state_to_snapshot_json (fresh, now);
      g_autofree char *mine_text = pulse_json_to_string (mine);
      g_autofree char *theirs_text = pulse_json_to_string (theirs);

      g_assert_cmpstr (mine_text, ==, theirs_text);
    }
}

static void
test_resume (gconstpointer data)
{
  const Scenario *scenario = data;
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestWriter) writer = NULL;
  Client client = { 0 };
  Run run = { &client, NULL };
  guint n_cuts = 0;

  while (scenario->disconnect_at[n_cuts] != 0)
    n_cuts++;

  client.ts = ts;
  client.scenario = scenario;
  client.soup = soup_session_new_with_options ("max-conns-per-host", 4, NULL);
  client.fetching = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  writer = pulse_test_writer_new (ts, scenario->seed);
  pulse_test_writer_seed (writer);
  run.writer = writer;

  /* The snapshot is taken while the writer is already at work. */
  pulse_test_writer_start (writer, scenario->n_writes);
  client_snapshot (&client);
  pulse_test_wait_for (caught_up, &run, WAIT_MS);

  g_test_message ("seed %u: %u events applied, %u connects, %u snapshots, %u fetched, "
                  "%" G_GINT64_FORMAT " pruned", scenario->seed, client.n_applied,
                  client.n_connects, client.n_snapshots, client.n_fetched, client.n_pruned);
  g_assert_cmpuint (client.next_cut, ==, n_cuts);
  g_assert_cmpuint (client.n_connects, ==, n_cuts + 1 + client.n_resyncs);
  g_assert_cmpuint (client.n_resyncs, ==, scenario->prune_at >= 0 ? 1 : 0);
  g_assert_cmpuint (client.n_snapshots, ==, 1 + client.n_resyncs);
  g_assert_cmpuint (client.n_fetched, >, 0);
  assert_matches_fresh_snapshot (&client);

  soup_websocket_connection_close (client.conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_signal_handlers_disconnect_by_data (client.conn, &client);
  soup_session_abort (client.soup);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_signal_handler (&client.appended_id, server_log (&client));
  g_clear_handle_id (&client.prune_idle_id, g_source_remove);
  g_clear_object (&client.conn);
  g_clear_object (&client.msg);
  g_clear_object (&client.state);
  g_clear_object (&client.soup);
  g_hash_table_unref (client.fetching);
}

/* Cuts early, mid-stream, twice in a row and one event after a resume.
 * Sized to stay well inside the suite's timeout under ASan. */
static const guint cuts_a[] = { 3, 40, 41, 100, 0 };
static const guint cuts_b[] = { 1, 25, 70, 71, 72, 120, 0 };
static const guint cuts_c[] = { 50, 110, 0 };

static const Scenario scenarios[] = {
  { 20261201, 160, cuts_a, -1 },
  { 7, 170, cuts_b, -1 },
  { 424242, 170, cuts_c, 0 },   /* the log is pruned after the first cut */
  { 99, 160, cuts_a, 2 },       /* ... and after a cut in the middle */
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/pulse/server/resume/seed-a", &scenarios[0], test_resume);
  g_test_add_data_func ("/pulse/server/resume/seed-b", &scenarios[1], test_resume);
  g_test_add_data_func ("/pulse/server/resume/prune-first-cut", &scenarios[2], test_resume);
  g_test_add_data_func ("/pulse/server/resume/prune-mid-stream", &scenarios[3], test_resume);

  return g_test_run ();
}
