/* test-server-tickets.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ticket history pages, single tickets and the snapshot against a real
 * server.
 */

#include "config.h"

#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-test-fixture.h"
#include "pulse-time-utils.h"

typedef PulseTestFixture Fixture;

#define TEST(path, func) \
  g_test_add ("/pulse/server/" path, Fixture, NULL, pulse_test_fixture_set_up, func, \
              pulse_test_fixture_tear_down)

/* 2026-11-20T00:00:00Z */
#define BASE_USEC G_GINT64_CONSTANT (1795132800000000)

static char *
ticket_json (const char *id,
             const char *status,
             gint64      updated_at)
{
  g_autofree char *created = pulse_time_format (MIN (updated_at, BASE_USEC));
  g_autofree char *updated = pulse_time_format (updated_at);

  return g_strdup_printf ("{\"id\":\"%s\",\"queue_id\":\"q-ua-chat\",\"channel\":\"chat\","
                          "\"subject\":\"Кредит\",\"customer_id\":\"cust-%s\","
                          "\"status\":\"%s\",\"created_at\":\"%s\",\"updated_at\":\"%s\"}",
                          id, id, status, created, updated);
}

static void
ingest (Fixture    *fixture,
        const char *endpoint,
        const char *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);

  json_node_unref (pulse_test_fixture_request (fixture, "POST", path, fixture->integration, body,
                                              200));
}

/* Tickets t-0000 … t-(@count - 1), t-N updated N seconds after
 * BASE_USEC, in batches of 1000. */
static void
ingest_history (Fixture *fixture,
                guint    count)
{
  for (guint batch = 0; batch * 1000 < count; batch++)
    {
      g_autoptr(GString) body = g_string_new ("{\"items\":[");

      for (guint i = batch * 1000; i < MIN (count, (batch + 1) * 1000); i++)
        {
          g_autofree char *id = g_strdup_printf ("t-%04u", i);
          g_autofree char *ticket = ticket_json (id, "resolved",
                                                 BASE_USEC + (gint64) i * G_USEC_PER_SEC);

          g_string_append_printf (body, "%s%s", i > batch * 1000 ? "," : "", ticket);
        }
      g_string_append (body, "]}");
      ingest (fixture, "tickets", body->str);
    }
}

/* Fetches one page; returns the next cursor (or NULL) and adds each
 * ticket's "id@version" to @seen. */
static char *
get_page (Fixture    *fixture,
          const char *query,
          GPtrArray  *seen)
{
  g_autofree char *path = g_strconcat ("/api/v1/tickets", query, NULL);
  g_autoptr(JsonNode) page = pulse_test_fixture_request (fixture, "GET", path, fixture->head,
                                                        NULL, 200);
  JsonObject *object = json_node_get_object (page);
  JsonArray *tickets = json_object_get_array_member (object, "tickets");
  JsonNode *next = json_object_get_member (object, "next_cursor");

  for (guint i = 0; i < json_array_get_length (tickets); i++)
    {
      JsonObject *ticket = json_array_get_object_element (tickets, i);

      g_ptr_array_add (seen, g_strdup_printf ("%s@%" G_GINT64_FORMAT,
                                              json_object_get_string_member (ticket, "id"),
                                              json_object_get_int_member (ticket, "version")));
    }

  g_assert_nonnull (next);
  return JSON_NODE_HOLDS_NULL (next) ? NULL : g_strdup (json_node_get_string (next));
}

static gboolean
contains (GPtrArray  *seen,
          const char *entry)
{
  return g_ptr_array_find_with_equal_func (seen, entry, g_str_equal, NULL);
}

static void
test_history_paging_under_writes (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  g_autofree char *query = NULL;
  g_autofree char *seen_one = NULL;
  g_autofree char *unseen_one = NULL;
  gint64 later = BASE_USEC + G_GINT64_CONSTANT (3000) * G_USEC_PER_SEC;
  guint pages = 1;

  ingest_history (fixture, 2500);
  cursor = get_page (fixture, "?limit=1000", seen);
  g_assert_cmpuint (seen->len, ==, 1000);
  g_assert_cmpstr (seen->pdata[999], ==, "t-0999@1");

  /* Mid-way, one ticket already paged and one not yet paged change. */
  seen_one = ticket_json ("t-0500", "closed", later);
  unseen_one = ticket_json ("t-1500", "closed", later);
  ingest (fixture, "tickets", seen_one);
  ingest (fixture, "tickets", unseen_one);

  while (cursor != NULL)
    {
      g_free (query);
      query = g_strdup_printf ("?limit=1000&cursor=%s", cursor);
      g_clear_pointer (&cursor, g_free);
      cursor = get_page (fixture, query, seen);
      pages++;
    }

  /* 1000 + 1000 (t-1000 … t-2000 but t-1500) + 501 (t-2001 … t-2499,
   * then both changed tickets, which moved to the end). */
  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (seen->len, ==, 2501);
  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *v1 = g_strdup_printf ("t-%04u@1", i);
      g_autofree char *v2 = g_strdup_printf ("t-%04u@2", i);

      g_assert_true (contains (seen, v1) || contains (seen, v2));
    }
  g_assert_true (contains (seen, "t-0500@1"));
  g_assert_true (contains (seen, "t-0500@2"));
  g_assert_false (contains (seen, "t-1500@1"));
  g_assert_cmpstr (seen->pdata[2499], ==, "t-0500@2");
  g_assert_cmpstr (seen->pdata[2500], ==, "t-1500@2");
}

static void
test_history_filters (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  g_autofree char *next = NULL;
  g_autofree char *query = NULL;

  ingest_history (fixture, 600);

  /* Default limit 500; since is included, until is not. */
  cursor = get_page (fixture, "", seen);
  g_assert_cmpuint (seen->len, ==, 500);
  g_assert_nonnull (cursor);
  g_ptr_array_set_size (seen, 0);
  next = get_page (fixture, "?since=2026-11-20T00:00:10Z&until=2026-11-20T00:00:13Z", seen);
  g_assert_null (next);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (seen->pdata[0], ==, "t-0010@1");
  g_assert_cmpstr (seen->pdata[2], ==, "t-0012@1");

  /* A cursor keeps to the bounds it is used with. */
  g_ptr_array_set_size (seen, 0);
  g_clear_pointer (&next, g_free);
  next = get_page (fixture, "?since=2026-11-20T00:00:10Z&until=2026-11-20T00:00:13Z&limit=2",
                   seen);
  g_assert_nonnull (next);
  query = g_strdup_printf ("?since=2026-11-20T00:00:10Z&until=2026-11-20T00:00:13Z&limit=2"
                           "&cursor=%s", next);
  g_clear_pointer (&next, g_free);
  next = get_page (fixture, query, seen);
  g_assert_null (next);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (seen->pdata[2], ==, "t-0012@1");
}

static void
test_history_bad_queries (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const bad[][2] = {
    { "?limit=0", "limit:" },
    { "?limit=1001", "limit:" },
    { "?limit=ten", "limit:" },
    { "?since=yesterday", "since:" },
    { "?until=2026-11-20", "until:" },
    { "?cursor=bm9wZQ", "cursor:" },
    { "?cursor=%25%25", "cursor:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/tickets", bad[i][0], NULL);
      g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "GET", path, fixture->head,
                                                              NULL, 400);

      pulse_test_assert_error (answer, "bad_request", bad[i][1]);
    }
}

static void
test_one_ticket (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *ticket = ticket_json ("t 1/ü", "open", BASE_USEC);
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) none = NULL;

  ingest (fixture, "tickets", ticket);
  found = pulse_test_fixture_request (fixture, "GET", "/api/v1/tickets/t%201%2F%C3%BC",
                                     fixture->viewer, NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (found), "id"), ==,
                   "t 1/ü");
  missing = pulse_test_fixture_request (fixture, "GET", "/api/v1/tickets/t-404", fixture->viewer,
                                       NULL, 404);
  pulse_test_assert_error (missing, "not_found", "no ticket “t-404”");
  none = pulse_test_fixture_request (fixture, "GET", "/api/v1/tickets/t-404", NULL, NULL, 401);
  pulse_test_assert_error (none, "unauthorized", NULL);
}

static void
put_rule (Fixture *fixture)
{
  g_autoptr(PulseItemStore) items = pulse_item_store_new (fixture->db);
  g_autoptr(JsonNode) rule = pulse_json_parse ("{\"id\":\"r-1\",\"version\":1}", -1, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_item_store_put (items, "rule", "r-1", 1, rule, &error));
  g_assert_no_error (error);
}

static guint
count_of (JsonObject *snapshot,
          const char *member)
{
  return json_array_get_length (json_object_get_array_member (snapshot, member));
}

/* Six events: a team, three tickets (open for 30 days, closed an hour
 * ago, closed 25 hours ago), applications 89 and 90 days ago; and a rule,
 * which makes no event here. */
static void
ingest_state (Fixture *fixture)
{
  gint64 now = g_get_real_time ();
  g_autofree char *open = ticket_json ("t-open", "open", now - 30 * PULSE_USEC_PER_DAY);
  g_autofree char *recent = ticket_json ("t-recent", "closed", now - PULSE_USEC_PER_HOUR);
  g_autofree char *old = ticket_json ("t-old", "closed", now - 25 * PULSE_USEC_PER_HOUR);
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) day_89 = g_date_time_add_days (today, -89);
  g_autoptr(GDateTime) day_90 = g_date_time_add_days (today, -90);
  g_autofree char *kept = g_date_time_format (day_89, "{\"date\":\"%Y-%m-%d\",\"country\":\"UA\","
                                                      "\"count\":7}");
  g_autofree char *dropped = g_date_time_format (day_90, "{\"date\":\"%Y-%m-%d\","
                                                         "\"country\":\"UA\",\"count\":9}");

  ingest (fixture, "directory", "{\"teams\":[{\"id\":\"team-ua\",\"name\":\"Kyiv desk\"}]}");
  ingest (fixture, "tickets", open);
  ingest (fixture, "tickets", recent);
  ingest (fixture, "tickets", old);
  ingest (fixture, "applications", kept);
  ingest (fixture, "applications", dropped);
  put_rule (fixture);
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const members[] = {
    "queues", "teams", "agents", "channels", "tickets", "applications", "rules", "templates",
    "scorecards", "mentorships", "shifts", "reviews",
  };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) health = NULL;
  JsonObject *snapshot;
  JsonArray *tickets;

  ingest_state (fixture);
  node = pulse_test_fixture_request (fixture, "GET", "/api/v1/snapshot", fixture->viewer, NULL,
                                    200);
  snapshot = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_nonnull (json_object_get_array_member (snapshot, members[i]));

  /* Consistent with the log: the seq of the last of its 6 events. */
  g_assert_cmpint (json_object_get_int_member (snapshot, "seq"), ==, 6);
  health = pulse_test_fixture_request (fixture, "GET", "/api/v1/health", NULL, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (health), "seq"), ==, 6);

  g_assert_cmpuint (count_of (snapshot, "teams"), ==, 1);
  g_assert_cmpuint (count_of (snapshot, "queues"), ==, 0);
  g_assert_cmpuint (count_of (snapshot, "rules"), ==, 1);
  g_assert_cmpuint (count_of (snapshot, "applications"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (snapshot, "applications"), 0), "count"), ==, 7);

  /* Open tickets whatever their age, closed ones from the last 24 h. */
  tickets = json_object_get_array_member (snapshot, "tickets");
  g_assert_cmpuint (json_array_get_length (tickets), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tickets, 0),
                                                  "id"), ==, "t-open");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tickets, 1),
                                                  "id"), ==, "t-recent");
}

static void
test_snapshot_access (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(JsonNode) post = NULL;
  g_autoptr(JsonNode) deeper = NULL;

  none = pulse_test_fixture_request (fixture, "GET", "/api/v1/snapshot", NULL, NULL, 401);
  pulse_test_assert_error (none, "unauthorized", NULL);
  post = pulse_test_fixture_request (fixture, "POST", "/api/v1/snapshot", fixture->head, "{}",
                                    405);
  pulse_test_assert_error (post, "method_not_allowed", NULL);
  deeper = pulse_test_fixture_request (fixture, "GET", "/api/v1/snapshot/tickets", fixture->head,
                                      NULL, 404);
  pulse_test_assert_error (deeper, "not_found", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("tickets/history-paging-under-writes", test_history_paging_under_writes);
  TEST ("tickets/history-filters", test_history_filters);
  TEST ("tickets/history-bad-queries", test_history_bad_queries);
  TEST ("tickets/one-ticket", test_one_ticket);
  TEST ("snapshot/contents", test_snapshot);
  TEST ("snapshot/access", test_snapshot_access);

  return g_test_run ();
}
