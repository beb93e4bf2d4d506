/* bench-server-metrics.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-server-metrics [--tickets N] [--days D]
 *
 * How long `/api/v1/metrics` takes over 90 days, per group, and whether
 * the server keeps answering meanwhile. A synthetic helpdesk (6 queues in
 * 3 countries, 150 agents in 10 teams, 60,000 customers, daily loan
 * applications) is fed through the ingest code (pulse_ingest_ticket() in
 * pulse_server_commit(), 1,000 tickets a transaction) into a WAL
 * database file; then each group is asked for while `/health` is polled
 * every 10 ms on another connection: its slowest answer says how long
 * the main loop was ever held. Figures are printed, never asserted.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "pulse-ingest.h"
#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-server.h"
#include "pulse-time-utils.h"
#include "pulse-token-store.h"

#define BATCH       1000
#define N_AGENTS    150
#define N_CUSTOMERS 60000
#define PROBE_PAUSE_USEC (10 * 1000)
/* 2026-08-01T00:00:00Z: the history starts here. */
#define FIRST_DAY_S G_GINT64_CONSTANT (1785542400)

static const char * const queues[][3] = {
  { "q-ua-chat", "chat", "UA" }, { "q-ua-mail", "email", "UA" },
  { "q-es-chat", "chat", "ES" }, { "q-es-phone", "phone", "ES" },
  { "q-kz-chat", "chat", "KZ" }, { "q-kz-tg", "telegram", "KZ" },
};

typedef struct
{
  PulseServer *server;
  GRand       *rand;
  guint        first;
  guint        count;
  guint        per_day;
} Batch;

typedef struct
{
  GBytes  *body;
  guint    status;
  gboolean done;
} Pending;

static char *
ticket_json (GRand *rand,
             guint  index,
             gint64 created_s)
{
  guint q = g_rand_int_range (rand, 0, G_N_ELEMENTS (queues));
  guint roll = g_rand_int_range (rand, 0, 100);
  gint64 reply_s = created_s + g_rand_int_range (rand, 3, roll < 80 ? 120 : 1800);
  g_autofree char *created = pulse_time_format (created_s * G_USEC_PER_SEC);
  g_autofree char *replied = pulse_time_format (reply_s * G_USEC_PER_SEC);
  g_autofree char *rated = pulse_time_format ((reply_s + 300) * G_USEC_PER_SEC);
  g_autofree char *reply = NULL;
  g_autofree char *ratings = NULL;
  const char *status = roll < 4 ? "abandoned" : roll < 7 ? "open" : "resolved";

  if (roll < 4 || (roll >= 4 && roll < 7 && index % 2 == 0))
    reply = g_strdup ("");
  else
    reply = g_strdup_printf (",{\"id\":\"m2\",\"author_kind\":\"%s\",\"author_id\":\"agent-%u\","
                             "\"at\":\"%s\",\"body\":\"Hello! Your card is unblocked now.\"}",
                             roll < 17 ? "bot" : "agent", g_rand_int_range (rand, 0, N_AGENTS),
                             replied);
  ratings = g_strdup_printf ("{\"kind\":\"csat\",\"score\":%d,\"at\":\"%s\"},"
                             "{\"kind\":\"nps\",\"score\":%d,\"at\":\"%s\"}",
                             g_rand_int_range (rand, 1, 6), rated,
                             g_rand_int_range (rand, 0, 11), rated);

  return g_strdup_printf ("{\"id\":\"t-%07u\",\"queue_id\":\"%s\",\"channel\":\"%s\","
                          "\"subject\":\"Card question\",\"customer_id\":\"c-%05u\","
                          "\"status\":\"%s\",\"assignee_id\":\"agent-%u\",\"created_at\":\"%s\","
                          "\"messages\":[{\"id\":\"m1\",\"author_kind\":\"customer\","
                          "\"at\":\"%s\",\"body\":\"My card is blocked, what should I do?\"}%s],"
                          "\"ratings\":[%s]}",
                          index, queues[q][0], queues[q][1],
                          g_rand_int_range (rand, 0, N_CUSTOMERS), status,
                          g_rand_int_range (rand, 0, N_AGENTS), created, created, reply,
                          roll % 3 == 0 ? ratings : "");
}

static gboolean
ingest_json (PulseIngest      *ingest,
             PulseIngestFunc   func,
             const char       *text,
             GError          **error)
{
  g_autoptr(JsonNode) node = pulse_json_parse (text, -1, error);

  return node != NULL && func (ingest, node, error);
}

static gboolean
ingest_batch_cb (PulseDb   *db,
                 gpointer   user_data,
                 GError   **error)
{
  Batch *batch = user_data;
  PulseIngest ingest;
  gboolean ok = TRUE;

  pulse_ingest_init (&ingest, batch->server);
  for (guint i = batch->first; ok && i < batch->first + batch->count; i++)
    {
      gint64 created_s = FIRST_DAY_S + (gint64) i * 86400 / batch->per_day;
      g_autofree char *text = ticket_json (batch->rand, i, created_s);

      ok = ingest_json (&ingest, pulse_ingest_ticket, text, error);
    }
  ok = ok && pulse_ingest_flush_tickets (&ingest, error);
  pulse_ingest_clear (&ingest);
  return ok;
}

static gboolean
ingest_directory_cb (PulseDb   *db,
                     gpointer   user_data,
                     GError   **error)
{
  Batch *batch = user_data;
  g_autoptr(GString) text = g_string_new ("{\"queues\":[");
  PulseIngest ingest;
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    g_string_append_printf (text, "%s{\"id\":\"%s\",\"name\":\"%s\",\"channel\":\"%s\","
                            "\"country\":\"%s\",\"language\":\"en\",\"sl_target_seconds\":%d,"
                            "\"sl_goal\":0.8}", i > 0 ? "," : "", queues[i][0], queues[i][0],
                            queues[i][1], queues[i][2],
                            g_str_equal (queues[i][1], "email") ? 3600 : 60);
  g_string_append (text, "],\"teams\":[");
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (text, "%s{\"id\":\"team-%u\",\"name\":\"Team %u\"}",
                            i > 0 ? "," : "", i, i);
  g_string_append (text, "],\"agents\":[");
  for (guint i = 0; i < N_AGENTS; i++)
    g_string_append_printf (text, "%s{\"id\":\"agent-%u\",\"name\":\"Agent %u\","
                            "\"team_id\":\"team-%u\",\"position\":\"agent\","
                            "\"status\":\"offline\",\"status_since\":\"2026-08-01T00:00:00Z\","
                            "\"channels\":[\"chat\"]}", i > 0 ? "," : "", i, i, i % 10);
  g_string_append (text, "]}");

  pulse_ingest_init (&ingest, batch->server);
  ok = ingest_json (&ingest, pulse_ingest_directory, text->str, error);
  for (guint day = 0; ok && day < 120; day++)
    for (guint c = 0; ok && c < G_N_ELEMENTS (queues); c += 2)
      {
        g_autofree char *date = pulse_time_format ((FIRST_DAY_S + day * 86400) * G_USEC_PER_SEC);
        g_autofree char *item = NULL;

        date[10] = '\0';
        item = g_strdup_printf ("{\"date\":\"%s\",\"country\":\"%s\",\"count\":%u}", date,
                                queues[c][2], 300 + g_rand_int_range (batch->rand, 0, 200));
        ok = ingest_json (&ingest, pulse_ingest_applications, item, error);
      }
  pulse_ingest_clear (&ingest);
  return ok;
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *pending = user_data;

  pending->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  pending->done = TRUE;
}

static void
send_get (SoupSession *session,
          const char  *url,
          const char  *token,
          Pending     *pending)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  *pending = (Pending) { NULL, 0, FALSE };
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_sent_cb,
                                    pending);
}

static void
ingest_all (PulseServer *server,
            guint        n_tickets,
            guint        days)
{
  g_autoptr(GError) error = NULL;
  Batch batch = { server, g_rand_new_with_seed (42), 0, 0, MAX (1, n_tickets / days) };
  gint64 start = g_get_monotonic_time ();

  if (!pulse_server_commit (server, ingest_directory_cb, &batch, &error))
    g_error ("directory: %s", error->message);
  for (guint first = 0; first < n_tickets; first += BATCH)
    {
      batch.first = first;
      batch.count = MIN (BATCH, n_tickets - first);
      if (!pulse_server_commit (server, ingest_batch_cb, &batch, &error))
        g_error ("ingest: %s", error->message);
    }

  g_print ("ingested %u tickets over %u days (%u a day) in %.1f s\n\n", n_tickets, days,
           batch.per_day, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_rand_free (batch.rand);
}

/* Asks for @group over 90 days while polling /health; prints one row. */
static gboolean
on_timer_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the loop for a while without spinning; the server answers meanwhile. */
static void
serve_until (gint64 due)
{
  gboolean fired = FALSE;

  g_timeout_add (MAX (1, (due - g_get_monotonic_time ()) / 1000), on_timer_cb, &fired);
  while (!fired)
    g_main_context_iteration (NULL, TRUE);
}

static void
time_group (SoupSession *session,
            const char  *url,
            const char  *token,
            const char  *group)
{
  g_autofree char *from = pulse_time_format ((FIRST_DAY_S + 86400) * G_USEC_PER_SEC);
  g_autofree char *to = pulse_time_format ((FIRST_DAY_S + 91 * 86400) * G_USEC_PER_SEC);
  g_autofree char *metrics_url = g_strdup_printf ("%s/api/v1/metrics?from=%s&to=%s&group=%s",
                                                  url, from, to, group);
  g_autofree char *health_url = g_strconcat (url, "/api/v1/health", NULL);
  g_autoptr(JsonNode) answer = NULL;
  Pending metrics, health;
  gint64 start = g_get_monotonic_time ();
  gint64 slowest = 0;
  guint probes = 0;
  JsonObject *total;

  send_get (session, metrics_url, token, &metrics);
  while (!metrics.done)
    {
      gint64 sent = g_get_monotonic_time ();

      send_get (session, health_url, token, &health);
      while (!health.done)
        g_main_context_iteration (NULL, TRUE);
      slowest = MAX (slowest, g_get_monotonic_time () - sent);
      probes++;
      g_clear_pointer (&health.body, g_bytes_unref);
      /* A console's pace, not a flood that would compete with the worker. */
      serve_until (g_get_monotonic_time () + PROBE_PAUSE_USEC);
    }

  answer = pulse_json_parse (g_bytes_get_data (metrics.body, NULL),
                             g_bytes_get_size (metrics.body), NULL);
  g_bytes_unref (metrics.body);
  if (answer == NULL || !json_object_has_member (json_node_get_object (answer), "total"))
    g_error ("metrics by %s: no figures", group);
  total = json_object_get_object_member (json_node_get_object (answer), "total");

  g_print ("| %-8s | %9.2f | %8" G_GINT64_FORMAT " | %6u | %14u | %13.1f |\n", group,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
           json_object_get_int_member (total, "contacts"),
           json_array_get_length (json_object_get_array_member (json_node_get_object (answer),
                                                                "groups")),
           probes, slowest / 1000.0);
}

static void
run (const char *db_path,
     guint       n_tickets,
     guint       days)
{
  static const char * const groups[] = { "none", "agent", "team", "queue", "channel",
                                         "country" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseDb) db = pulse_server_schema_open (db_path, &error);
  g_autoptr(PulseServer) server = NULL;
  g_autoptr(PulseTokenStore) tokens = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;

  if (db == NULL)
    g_error ("database: %s", error->message);
  server = pulse_server_new (db);
  if (!pulse_server_listen (server, "127.0.0.1", 0, &error))
    g_error ("listen: %s", error->message);
  url = pulse_server_dup_url (server);
  tokens = pulse_token_store_new (db);
  token = pulse_token_store_add (tokens, "bench", PULSE_ROLE_HEAD, NULL, &error);
  if (token == NULL)
    g_error ("token: %s", error->message);

  ingest_all (server, n_tickets, days);

  g_print ("/metrics over 90 days (and the 7 after), WAL database in %s\n\n", db_path);
  g_print ("| group    | seconds   | contacts | groups | /health probes | slowest (ms) |\n");
  g_print ("|:---------|----------:|---------:|-------:|---------------:|-------------:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    time_group (session, url, token, groups[i]);

  soup_session_abort (session);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— /metrics over 90 days");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  int tickets = 200000;
  int days = 100;
  GOptionEntry entries[] = {
    { "tickets", 'n', 0, G_OPTION_ARG_INT, &tickets, "Tickets to ingest (default 200000)", "N" },
    { "days", 'd', 0, G_OPTION_ARG_INT, &days, "Days they span (default 100)", "D" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || tickets < 1000 || days < 98)
    {
      g_printerr ("bench-server-metrics: %s\n",
                  error != NULL ? error->message : "--tickets ≥ 1000, --days ≥ 98");
      return 2;
    }

  dir = g_dir_make_tmp ("pulse-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("temporary directory: %s", error->message);
  db_path = g_build_filename (dir, "pulse.db", NULL);

  run (db_path, tickets, days);

  for (guint i = 0; i < 3; i++)
    {
      static const char *suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
