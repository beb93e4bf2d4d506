/* test-sync-e2e-kpi.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The console's KPIs, computed incrementally by a PulseKpiView that
 * follows a PulseSync, equal those of `/api/v1/metrics` for every group.
 * A seeded data set of 10 days: agent replies, bot- and rule-closed
 * tickets, CSAT/NPS/CES ratings, repeat customers, two queues with
 * targets and countries, applications. Every ticket was updated in the
 * last 20 hours, so the snapshot (and the sync's state) holds them all.
 */

#include "config.h"

#include <math.h>

#include "pulse-json.h"
#include "pulse-kpi-view.h"
#include "pulse-test-sync.h"
#include "pulse-time-utils.h"

#define N_TICKETS   240  /* per round; two rounds */
#define N_CUSTOMERS 140
#define SEED        20261201
#define HOUR_US     PULSE_USEC_PER_HOUR
#define EPSILON     1e-6

static const char *statuses[] = { "open", "pending", "resolved", "resolved", "closed",
                                  "abandoned" };
static const char *agents[] = { "a-1", "a-2", "a-3" };

static void
ingest_directory (SyncFixture *fixture)
{
  pulse_test_sync_ingest (fixture, "directory",
    "{\"teams\":[{\"id\":\"team-a\",\"name\":\"A\",\"timezone\":\"Europe/Kyiv\"},"
    "{\"id\":\"team-b\",\"name\":\"B\",\"timezone\":\"Europe/Warsaw\"}],"
    "\"queues\":[{\"id\":\"q-ua\",\"name\":\"UA chat\",\"channel\":\"chat\",\"country\":\"UA\","
    "\"language\":\"uk\",\"team_id\":\"team-a\",\"sl_target_seconds\":60,\"sl_goal\":0.8},"
    "{\"id\":\"q-pl\",\"name\":\"PL mail\",\"channel\":\"email\",\"country\":\"PL\","
    "\"language\":\"pl\",\"team_id\":\"team-b\",\"sl_target_seconds\":300,\"sl_goal\":0.9}],"
    "\"agents\":[{\"id\":\"a-1\",\"name\":\"One\",\"team_id\":\"team-a\",\"position\":\"agent\","
    "\"status\":\"available\",\"status_since\":\"2026-11-01T08:00:00Z\",\"channels\":[\"chat\"]},"
    "{\"id\":\"a-2\",\"name\":\"Two\",\"team_id\":\"team-b\",\"position\":\"agent\","
    "\"status\":\"available\",\"status_since\":\"2026-11-01T08:00:00Z\",\"channels\":[\"email\"]},"
    "{\"id\":\"a-3\",\"name\":\"Three\",\"position\":\"agent\",\"status\":\"offline\","
    "\"status_since\":\"2026-11-01T08:00:00Z\",\"channels\":[]}]}");
}

/* Applications of the 11 UTC days that touch the window, per country. */
static void
ingest_applications (SyncFixture *fixture,
                     GRand       *rand,
                     gint64       to)
{
  for (int day = -11; day <= 0; day++)
    for (guint c = 0; c < 2; c++)
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (to / G_USEC_PER_SEC + day * 86400);
        g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");
        g_autofree char *body = g_strdup_printf ("{\"date\":\"%s\",\"country\":\"%s\","
                                                 "\"count\":%d}", date, c == 0 ? "UA" : "PL",
                                                 g_rand_int_range (rand, 20, 400));

        pulse_test_sync_ingest (fixture, "applications", body);
      }
}

static void
add_message (GString    *s,
             const char *id,
             guint       n,
             const char *kind,
             const char *author,
             gint64      at)
{
  g_autofree char *text = pulse_time_format (at);

  g_string_append_printf (s, "%s{\"id\":\"%s-m%u\",\"author_kind\":\"%s\",", n > 0 ? "," : "",
                          id, n, kind);
  if (author != NULL)
    g_string_append_printf (s, "\"author_id\":\"%s\",", author);
  if (g_str_equal (kind, "rule"))
    g_string_append (s, "\"rule_id\":\"rule-close\",");
  g_string_append_printf (s, "\"at\":\"%s\",\"body\":\"B\"}", text);
}

static void
add_ratings (GString *s,
             GRand   *rand,
             gint64   at)
{
  g_autofree char *text = pulse_time_format (at);
  const char *kinds[] = { "csat", "nps", "ces" };
  const int top[] = { 5, 10, 7 }, bottom[] = { 1, 0, 1 };
  guint n = 0;

  g_string_append (s, "],\"ratings\":[");
  for (guint k = 0; k < 3; k++)
    if (g_rand_int_range (rand, 0, 3) > 0)
      g_string_append_printf (s, "%s{\"kind\":\"%s\",\"score\":%d,\"at\":\"%s\"}",
                              n++ > 0 ? "," : "", kinds[k],
                              g_rand_int_range (rand, bottom[k], top[k] + 1), text);
}

/* Ticket @i, created in [@from, @now - 2 h), updated in the last 20 h. */
static char *
ticket_json (GRand  *rand,
             guint   i,
             gint64  from,
             gint64  now)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *id = g_strdup_printf ("t-%04u", i);
  const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
  gboolean ua = g_rand_boolean (rand);
  gboolean done = g_str_equal (status, "resolved") || g_str_equal (status, "closed");
  int how = g_rand_int_range (rand, 0, 10);  /* 0–5 agent, 6–7 bot or rule, 8–9 none */
  const char *agent = agents[g_rand_int_range (rand, 0, 3)];
  gint64 created = from + (gint64) (g_rand_double (rand) * (now - 2 * HOUR_US - from));
  gint64 last = created + (gint64) g_rand_int_range (rand, 5, 900) * G_USEC_PER_SEC;
  gint64 back = (gint64) g_rand_int_range (rand, 0, 20 * 3600) * G_USEC_PER_SEC;
  gint64 updated = MAX (last, now - back);
  g_autofree char *created_text = pulse_time_format (created);
  g_autofree char *updated_text = pulse_time_format (updated);

  g_string_append_printf (s, "{\"id\":\"%s\",\"queue_id\":\"%s\",\"channel\":\"%s\","
                          "\"subject\":\"S\",\"customer_id\":\"c-%u\",\"status\":\"%s\","
                          "\"created_at\":\"%s\",\"updated_at\":\"%s\",", id,
                          ua ? "q-ua" : "q-pl", ua ? "chat" : "email",
                          g_rand_int_range (rand, 0, N_CUSTOMERS), status, created_text,
                          updated_text);
  if (how < 6)
    g_string_append_printf (s, "\"assignee_id\":\"%s\",", agent);
  if (how < 6 && g_rand_boolean (rand))
    g_string_append_printf (s, "\"handle_seconds\":%d,", g_rand_int_range (rand, 30, 3000));
  g_string_append (s, "\"messages\":[");
  add_message (s, id, 0, "customer", NULL, created);
  if (how < 6)
    add_message (s, id, 1, "agent", agent, last);
  else if (how < 8)
    add_message (s, id, 1, how == 6 ? "bot" : "rule", NULL, last);
  if (done)
    add_ratings (s, rand, last);
  g_string_append (s, "]}");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Tickets t-@first… and, every fifth of them, t-@again… once more: a
 * new status, reply and ratings for a ticket the console already has. */
static void
ingest_tickets (SyncFixture *fixture,
                GRand       *rand,
                guint        first,
                gint64       from,
                gint64       now)
{
  for (guint batch = first / 60; batch * 60 < first + N_TICKETS; batch++)
    {
      g_autoptr(GString) body = g_string_new ("{\"items\":[");

      for (guint i = batch * 60; i < MIN (first + N_TICKETS, (batch + 1) * 60); i++)
        {
          guint id = first > 0 && i % 5 == 0 ? i - first : i;
          g_autofree char *ticket = ticket_json (rand, id, from, now);

          g_string_append_printf (body, "%s%s", i > batch * 60 ? "," : "", ticket);
        }
      g_string_append (body, "]}");
      pulse_test_sync_ingest (fixture, "tickets", body->str);
    }
}

/* @a and @b agree; numbers within EPSILON, null on both sides alike. */
static void
assert_same (JsonNode   *a,
             JsonNode   *b,
             const char *path)
{
  g_assert_nonnull (b);
  if (JSON_NODE_HOLDS_NULL (a) || JSON_NODE_HOLDS_NULL (b))
    {
      if (JSON_NODE_HOLDS_NULL (a) != JSON_NODE_HOLDS_NULL (b))
        g_error ("%s: %s on the view, %s on the server", path,
                 JSON_NODE_HOLDS_NULL (a) ? "null" : "a figure",
                 JSON_NODE_HOLDS_NULL (b) ? "null" : "a figure");
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (a))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (a));

      g_assert_true (JSON_NODE_HOLDS_OBJECT (b));
      g_assert_cmpuint (json_object_get_size (json_node_get_object (a)), ==,
                        json_object_get_size (json_node_get_object (b)));
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *sub = g_strconcat (path, ".", l->data, NULL);

          assert_same (json_object_get_member (json_node_get_object (a), l->data),
                       json_object_get_member (json_node_get_object (b), l->data), sub);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

      g_assert_cmpuint (json_array_get_length (x), ==, json_array_get_length (y));
      for (guint i = 0; i < json_array_get_length (x); i++)
        {
          g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);

          assert_same (json_array_get_element (x, i), json_array_get_element (y, i), sub);
        }
    }
  else if (json_node_get_value_type (a) == G_TYPE_STRING)
    g_assert_cmpstr (json_node_get_string (a), ==, json_node_get_string (b));
  else
    {
      double x = json_node_get_double (a), y = json_node_get_double (b);

      if (fabs (x - y) > EPSILON * MAX (1.0, fabs (y)))
        g_error ("%s: %.9g on the view, %.9g on the server", path, x, y);
    }
}

static gboolean
view_is_loaded (gpointer view)
{
  return pulse_kpi_view_get_loaded (view);
}

static void
on_reset_cb (PulseSync    *sync,
             PulseKpiView *view)
{
  pulse_kpi_view_reset (view, pulse_sync_get_state_snapshot (sync));
}

static void
on_changed_cb (PulseSync              *sync,
               const PulseStateChange *change,
               PulseKpiView           *view)
{
  pulse_kpi_view_apply (view, change);
}

/* The server's figures for @group; the view counts at their clock. */
static void
assert_group (SyncFixture   *fixture,
              PulseKpiView  *view,
              PulseKpiGroup  group,
              const char    *name,
              gint64         from,
              gint64         to)
{
  g_autofree char *from_text = pulse_time_format (from);
  g_autofree char *to_text = pulse_time_format (to);
  g_autofree char *path = g_strdup_printf ("/api/v1/metrics?from=%s&to=%s&group=%s", from_text,
                                           to_text, name);
  g_autoptr(PulseTestResponse) response = NULL;
  g_autoptr(JsonNode) ours = NULL;
  JsonObject *object;
  gint64 now = 0;

  response = pulse_test_server_request (fixture->ts, "GET", path, fixture->viewer, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  object = pulse_test_response_object (response);
  g_assert_true (pulse_time_parse (json_object_get_string_member (object, "generated_at"),
                                   &now));
  json_object_remove_member (object, "from");
  json_object_remove_member (object, "to");
  json_object_remove_member (object, "generated_at");

  pulse_kpi_view_set_group (view, group);
  pulse_kpi_view_set_now (view, now);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (pulse_test_wait_for (view_is_loaded, view, PULSE_TEST_SYNC_WAIT_MS));
  ours = pulse_kpi_view_to_json (view);
  assert_same (ours, response->body, name);
  if (group == PULSE_KPI_GROUP_NONE)
    {
      g_autofree char *text = pulse_json_to_string (json_object_get_member (object, "total"));

      g_test_message ("total: %s", text);
    }
  g_test_message ("group %s: %u keys", name,
                  json_array_get_length (json_object_get_array_member (object, "groups")));
}

static void
test_metrics_equal (SyncFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(PulseSync) sync = pulse_test_sync_new (fixture);
  g_autoptr(PulseKpiView) view = pulse_kpi_view_new (pulse_sync_get_cache (sync));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC;
  gint64 to = now + HOUR_US, from = to - 10 * PULSE_TEST_DAY;

  pulse_kpi_view_set_range (view, from, to);
  g_signal_connect (sync, "reset", G_CALLBACK (on_reset_cb), view);
  g_signal_connect (sync, "changed", G_CALLBACK (on_changed_cb), view);

  /* Half before the sync starts (its first snapshot), half as events. */
  ingest_directory (fixture);
  ingest_applications (fixture, rand, to);
  ingest_tickets (fixture, rand, 0, from, now);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  ingest_tickets (fixture, rand, N_TICKETS, from, now);
  pulse_test_sync_wait_seq (sync, pulse_test_sync_server_seq (fixture));
  pulse_test_sync_assert_matches (fixture, sync);

  assert_group (fixture, view, PULSE_KPI_GROUP_NONE, "none", from, to);
  assert_group (fixture, view, PULSE_KPI_GROUP_AGENT, "agent", from, to);
  assert_group (fixture, view, PULSE_KPI_GROUP_QUEUE, "queue", from, to);
  assert_group (fixture, view, PULSE_KPI_GROUP_COUNTRY, "country", from, to);

  pulse_test_sync_close (g_steal_pointer (&sync));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pulse/session/sync-e2e-kpi/metrics-equal", SyncFixture, NULL,
              pulse_test_sync_set_up, test_metrics_equal, pulse_test_sync_tear_down);

  return g_test_run ();
}
