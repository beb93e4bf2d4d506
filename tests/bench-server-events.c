/* bench-server-events.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-server-events [--events N]
 *
 * How fast events go through pulse_server_commit() and out of /events.
 * The server runs on the main thread with a database file (WAL, as in
 * production); the WebSocket clients (libsoup's, as the console uses) run
 * on a second thread with their own main context, so the server's loop
 * does nothing but serve. Each event carries its emit time (monotonic,
 * taken inside the commit), and the clients record emit-to-receive
 * latency. Clients read `seq` and the time with a scan, not a full JSON
 * parse, so that one client thread can keep up with 100 streams.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-server.h"
#include "pulse-token-store.h"

#define PAD_BYTES 256

typedef struct _Group Group;

typedef struct
{
  Group                   *group;
  SoupWebsocketConnection *conn;
  gint64                   last_seq;
} Client;

struct _Group
{
  GThread      *thread;
  GMainContext *context;
  GMainContext *server_context;
  GMainLoop    *loop;
  SoupSession  *session;
  char         *url;
  char         *token;
  Client       *clients;
  guint         n_clients;
  int           connected;   /* atomic */
  int           done;        /* atomic: clients that reached the target */
  int           errors;      /* atomic: gaps, duplicates, closes */
  gint64        target;      /* owned by the client thread during a round */
  GArray       *latencies;   /* gint64 µs, client thread during a round */
};

typedef struct
{
  PulseEventLog *log;
  guint          count;
  const char    *pad;
} Batch;

static gint64
scan_int (const char *text,
          gsize       length,
          const char *key)
{
  const char *at = g_strstr_len (text, length, key);

  return at != NULL ? g_ascii_strtoll (at + strlen (key), NULL, 10) : -1;
}

static void
on_message_cb (SoupWebsocketConnection *conn,
               int                      type,
               GBytes                  *message,
               gpointer                 user_data)
{
  Client *client = user_data;
  Group *group = client->group;
  gsize length;
  const char *text = g_bytes_get_data (message, &length);
  gint64 now = g_get_monotonic_time ();
  gint64 seq = scan_int (text, length, "\"seq\":");
  gint64 latency = now - scan_int (text, length, "\"t\":");

  if (seq != client->last_seq + 1)
    g_atomic_int_inc (&group->errors);
  client->last_seq = seq;
  g_array_append_val (group->latencies, latency);

  if (seq == group->target)
    {
      g_atomic_int_inc (&group->done);
      g_main_context_wakeup (group->server_context);
    }
}

static void
on_closed_cb (SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  Client *client = user_data;

  g_atomic_int_inc (&client->group->errors);
  g_main_context_wakeup (client->group->server_context);
}

static void
on_connected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Client *client = user_data;
  g_autoptr(GError) error = NULL;

  client->conn = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (client->conn == NULL)
    g_error ("cannot connect: %s", error->message);

  g_signal_connect (client->conn, "message", G_CALLBACK (on_message_cb), client);
  g_signal_connect (client->conn, "closed", G_CALLBACK (on_closed_cb), client);
  g_atomic_int_inc (&client->group->connected);
  g_main_context_wakeup (client->group->server_context);
}

static gpointer
client_thread (gpointer user_data)
{
  Group *group = user_data;
  g_autofree char *auth = g_strconcat ("Bearer ", group->token, NULL);

  g_main_context_push_thread_default (group->context);
  group->session = soup_session_new ();

  for (guint i = 0; i < group->n_clients; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", group->url);

      group->clients[i].group = group;
      group->clients[i].last_seq = group->target;
      soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization", auth);
      soup_session_websocket_connect_async (group->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                            NULL, on_connected_cb, &group->clients[i]);
    }

  g_main_loop_run (group->loop);

  for (guint i = 0; i < group->n_clients; i++)
    {
      g_signal_handlers_disconnect_by_data (group->clients[i].conn, &group->clients[i]);
      g_clear_object (&group->clients[i].conn);
    }
  soup_session_abort (group->session);
  while (g_main_context_iteration (group->context, FALSE))
    ;
  g_clear_object (&group->session);
  g_main_context_pop_thread_default (group->context);
  return NULL;
}

typedef struct
{
  Group    *group;
  gint64    target;
  GMutex    lock;
  GCond     cond;
  gboolean  done;
} RoundStart;

/* Runs on the client thread: the round's state belongs to it. */
static gboolean
start_round_cb (gpointer user_data)
{
  RoundStart *start = user_data;

  g_array_set_size (start->group->latencies, 0);
  start->group->target = start->target;
  g_atomic_int_set (&start->group->done, 0);

  g_mutex_lock (&start->lock);
  start->done = TRUE;
  g_cond_signal (&start->cond);
  g_mutex_unlock (&start->lock);
  return G_SOURCE_REMOVE;
}

static void
start_round (Group  *group,
             gint64  target)
{
  RoundStart start = { group, target };

  g_mutex_init (&start.lock);
  g_cond_init (&start.cond);
  g_main_context_invoke (group->context, start_round_cb, &start);
  g_mutex_lock (&start.lock);
  while (!start.done)
    g_cond_wait (&start.cond, &start.lock);
  g_mutex_unlock (&start.lock);
  g_mutex_clear (&start.lock);
  g_cond_clear (&start.cond);
}

static void
wait_until (int  *counter,
            int   value,
            int  *errors)
{
  while (g_atomic_int_get (counter) < value)
    {
      if (errors != NULL && g_atomic_int_get (errors) > 0)
        g_error ("a client saw a gap, a duplicate or a close");
      g_main_context_iteration (NULL, TRUE);
    }
}

static Group *
group_start (const char *base_url,
             const char *token,
             guint       n_clients,
             gint64      since)
{
  Group *group = g_new0 (Group, 1);

  group->url = g_strdup_printf ("%s/api/v1/events?since=%" G_GINT64_FORMAT, base_url, since);
  group->token = g_strdup (token);
  group->n_clients = n_clients;
  group->clients = g_new0 (Client, n_clients);
  group->target = since;
  group->latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  group->context = g_main_context_new ();
  group->server_context = g_main_context_default ();
  group->loop = g_main_loop_new (group->context, FALSE);
  group->thread = g_thread_new ("bench-clients", client_thread, group);

  wait_until (&group->connected, n_clients, NULL);
  return group;
}

static void
group_stop (Group *group)
{
  g_main_loop_quit (group->loop);
  g_thread_join (group->thread);
  g_main_loop_unref (group->loop);
  g_main_context_unref (group->context);
  g_array_unref (group->latencies);
  g_free (group->clients);
  g_free (group->url);
  g_free (group->token);
  g_free (group);
}

static gboolean
append_batch (PulseDb   *db,
              gpointer   user_data,
              GError   **error)
{
  Batch *batch = user_data;

  for (guint i = 0; i < batch->count; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      pulse_json_add_int (builder, "t", g_get_monotonic_time ());
      pulse_json_add_string (builder, "id", "ticket-0001");
      pulse_json_add_string (builder, "pad", batch->pad);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);

      if (pulse_event_log_append (batch->log, "ticket.updated", node, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
on_timer_cb (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

/* Serves (runs the loop) until @due, a monotonic time, without spinning. */
static void
serve_until (gint64 due)
{
  gint64 now;

  while ((now = g_get_monotonic_time ()) < due)
    {
      GSource *timer = g_timeout_source_new ((due - now + 999) / 1000);

      g_source_set_callback (timer, on_timer_cb, NULL, NULL);
      g_source_attach (timer, NULL);
      g_main_context_iteration (NULL, TRUE);
      g_source_destroy (timer);
      g_source_unref (timer);
    }
}

/* Appends @n events, @per_commit per transaction, letting the server's
 * loop run between commits; with @rate > 0, @rate events a second.
 * Returns the seconds it took. */
static double
append_events (PulseServer *server,
               guint        n,
               guint        per_commit,
               guint        rate)
{
  g_autofree char *pad = g_strnfill (PAD_BYTES, 'p');
  gint64 start = g_get_monotonic_time ();

  for (guint done = 0; done < n; done += per_commit)
    {
      Batch batch = { pulse_server_get_event_log (server), MIN (per_commit, n - done), pad };
      g_autoptr(GError) error = NULL;

      if (rate > 0)
        serve_until (start + done * (gint64) G_USEC_PER_SEC / rate);
      if (!pulse_server_commit (server, append_batch, &batch, &error))
        g_error ("commit: %s", error->message);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *sorted,
               double  p)
{
  guint index = MIN (sorted->len - 1, (guint) (p * sorted->len));

  return g_array_index (sorted, gint64, index) / 1000.0;
}

static void
run_round (PulseServer *server,
           Group       *group,
           guint        n,
           guint        per_commit,
           guint        rate)
{
  g_autofree char *how = rate > 0 ? g_strdup_printf ("%u, %u ev/s", per_commit, rate)
                                  : g_strdup_printf ("%u", per_commit);
  PulseEventLog *log = pulse_server_get_event_log (server);
  gint64 target = pulse_event_log_get_last_seq (log) + n;
  gint64 start;
  double append_s;
  double total_s;

  start_round (group, target);
  start = g_get_monotonic_time ();
  append_s = append_events (server, n, per_commit, rate);
  wait_until (&group->done, group->n_clients, &group->errors);
  total_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  /* The clients are done with the round: their array is ours to read. */
  g_array_sort (group->latencies, compare_gint64);
  g_print ("| %7u | %-14s | %11.0f | %14.0f | %8.2f | %8.2f |\n", group->n_clients, how,
           n / append_s, n * (double) group->n_clients / total_s,
           percentile_ms (group->latencies, 0.50), percentile_ms (group->latencies, 0.99));
  /* For tools/bench-table.py: throughput of the unpaced rounds, latency
   * of the paced one (the unpaced ones measure queueing). */
  if (rate == 0)
    {
      g_print ("BENCH server.append_c%u_b%u %.0f ev/s\n", group->n_clients, per_commit,
               n / append_s);
      g_print ("BENCH server.delivered_c%u_b%u %.0f ev/s\n", group->n_clients, per_commit,
               n * (double) group->n_clients / total_s);
    }
  else
    {
      g_print ("BENCH server.latency_p50_c%u %.2f ms\n", group->n_clients,
               percentile_ms (group->latencies, 0.50));
      g_print ("BENCH server.latency_p99_c%u %.2f ms\n", group->n_clients,
               percentile_ms (group->latencies, 0.99));
    }
}

static char *
add_token (PulseServer *server)
{
  g_autoptr(GError) error = NULL;
  char *token = pulse_token_store_add (pulse_server_get_token_store (server), "bench",
                                       PULSE_ROLE_VIEWER, NULL, &error);

  if (token == NULL)
    g_error ("token: %s", error->message);
  return token;
}

static void
run (const char *db_path,
     guint       n)
{
  static const guint fanouts[] = { 1, 10, 100 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseDb) db = pulse_server_schema_open (db_path, &error);
  g_autoptr(PulseServer) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;

  if (db == NULL)
    g_error ("database: %s", error->message);
  server = pulse_server_new (db);
  if (!pulse_server_listen (server, "127.0.0.1", 0, &error))
    g_error ("listen: %s", error->message);
  url = pulse_server_dup_url (server);
  token = add_token (server);

  g_print ("%u events of %d bytes of padding per round; WAL database in %s\n\n", n, PAD_BYTES,
           db_path);
  g_print ("| clients | per commit     | append ev/s | delivered ev/s | p50 (ms) | p99 (ms) |\n");
  g_print ("|--------:|:---------------|------------:|---------------:|---------:|---------:|\n");
  for (guint per_commit = 1; per_commit <= 100; per_commit *= 100)
    {
      double rate = n / append_events (server, n, per_commit, 0);

      g_print ("| %7u | %-14u | %11.0f | %14s | %8s | %8s |\n", 0, per_commit, rate, "-", "-",
               "-");
      g_print ("BENCH server.append_c0_b%u %.0f ev/s\n", per_commit, rate);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fanouts); i++)
    {
      gint64 since = pulse_event_log_get_last_seq (pulse_server_get_event_log (server));
      Group *group = group_start (url, token, fanouts[i], since);

      run_round (server, group, n, 1, 0);
      run_round (server, group, n, 100, 0);
      /* A steady load well above a contact centre's, for latency when the
       * server is not saturated. */
      run_round (server, group, MIN (n, 3000), 1, 1000);
      group_stop (group);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— /events throughput and latency");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  int events = 10000;
  GOptionEntry entries[] = {
    { "events", 'n', 0, G_OPTION_ARG_INT, &events, "Events per round (default 10000)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || events < 100)
    {
      g_printerr ("bench-server-events: %s\n", error != NULL ? error->message : "--events ≥ 100");
      return 2;
    }

  dir = g_dir_make_tmp ("pulse-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("temporary directory: %s", error->message);
  db_path = g_build_filename (dir, "pulse.db", NULL);

  run (db_path, events);

  for (guint i = 0; i < 3; i++)
    {
      static const char *suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
