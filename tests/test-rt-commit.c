/* test-rt-commit.c — the RT bridge's batch commit: the cursor moves with
 * what it covers, a batch sent twice changes nothing, a refused batch
 * leaves the cursor where it was.
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-rt-commit.h"
#include "pulse-rt-map.h"
#include "pulse-server-schema.h"

#define SOURCE "http://rt.example"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = pulse_json_parse (text, -1, &error);

  g_assert_no_error (error);
  return node;
}

static GPtrArray *
items (const char *first)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  if (first != NULL)
    g_ptr_array_add (array, parse (first));
  return array;
}

static gint64
cursor_of (PulseDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 cursor = -1;

  if (!pulse_rt_cursor_load (db, SOURCE, &cursor, &error))
    {
      g_assert_no_error (error);
      return -1;
    }
  return cursor;
}

static void
test_commit (void)
{
  g_autoptr(PulseDb) db = pulse_db_open (":memory:", pulse_server_schema_get_migrations (), NULL);
  g_autoptr(PulseServer) server = pulse_server_new (db);
  g_autoptr(GPtrArray) queues = items ("{\"id\":\"rt-q-3\",\"name\":\"Support UA\","
                                       "\"channel\":\"email\",\"country\":\"UA\","
                                       "\"language\":\"uk\",\"sl_target_seconds\":3600,"
                                       "\"sl_goal\":0.8}");
  g_autoptr(GPtrArray) agents = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GPtrArray) tickets = items ("{\"id\":\"rt-7\",\"queue_id\":\"rt-q-3\","
                                        "\"channel\":\"email\",\"subject\":\"S\","
                                        "\"customer_id\":\"rt-c-x\",\"status\":\"open\","
                                        "\"priority\":\"low\",\"assignee_id\":\"rt-u-alice\","
                                        "\"created_at\":\"2026-11-20T09:30:00Z\","
                                        "\"messages\":[{\"id\":\"rt-txn-38\","
                                        "\"author_kind\":\"customer\","
                                        "\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"B\"}]}");
  g_autoptr(GPtrArray) bad = items ("{\"id\":\"rt-8\",\"queue_id\":\"rt-q-3\","
                                    "\"channel\":\"fax\",\"subject\":\"S\","
                                    "\"customer_id\":\"rt-c-x\",\"status\":\"open\","
                                    "\"created_at\":\"2026-11-20T09:30:00Z\"}");
  PulseRtBatch batch = { SOURCE, 42, queues, agents, tickets };
  PulseRtBatch refused = { SOURCE, 50, NULL, NULL, bad };
  g_autoptr(GError) error = NULL;
  guint events = 99;

  g_ptr_array_add (agents, pulse_rt_map_agent ("alice"));
  g_assert_cmpint (cursor_of (db), ==, -1);

  /* queue.created, agent.created, ticket.created */
  g_assert_true (pulse_rt_commit (server, &batch, &events, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (events, ==, 3);
  g_assert_cmpint (cursor_of (db), ==, 42);

  /* A crash after the fetch and before the commit reads the batch again. */
  g_assert_true (pulse_rt_commit (server, &batch, &events, &error));
  g_assert_cmpuint (events, ==, 0);

  g_assert_false (pulse_rt_commit (server, &refused, &events, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "channel"));
  g_assert_cmpuint (events, ==, 0);
  g_assert_cmpint (cursor_of (db), ==, 42);
  g_assert_cmpint (pulse_db_query_int (db, "SELECT count(*) FROM ticket", NULL), ==, 1);

  /* -1 leaves the cursor: an initial-load page that is not the last. */
  batch.cursor = -1;
  g_assert_true (pulse_rt_commit (server, &batch, &events, NULL));
  g_assert_cmpint (cursor_of (db), ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/rt-commit/cursor-and-ingest", test_commit);

  return g_test_run ();
}
