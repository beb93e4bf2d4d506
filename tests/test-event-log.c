/* test-event-log.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-test-util.h"

typedef struct
{
  PulseDb       *db;
  PulseEventLog *log;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->db = pulse_server_schema_open (":memory:", &error);
  g_assert_no_error (error);
  fixture->log = pulse_event_log_new (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->log);
  g_clear_object (&fixture->db);
}

static gint64
append (Fixture    *fixture,
        const char *type,
        const char *data)
{
  g_autoptr(JsonNode) node = pulse_test_parse (data);
  g_autoptr(GError) error = NULL;
  gint64 seq = pulse_event_log_append (fixture->log, type, node, &error);

  g_assert_no_error (error);
  return seq;
}

static void
test_seq_grows_from_one (Fixture       *fixture,
                         gconstpointer  data)
{
  g_assert_cmpint (pulse_event_log_get_last_seq (fixture->log), ==, 0);
  g_assert_cmpint (pulse_event_log_get_first_seq (fixture->log), ==, 0);

  g_assert_cmpint (append (fixture, "ticket.created", "{\"id\":\"t1\"}"), ==, 1);
  g_assert_cmpint (append (fixture, "ticket.updated", "{\"id\":\"t1\"}"), ==, 2);
  g_assert_cmpint (pulse_event_log_get_last_seq (fixture->log), ==, 2);
  g_assert_cmpint (pulse_event_log_get_first_seq (fixture->log), ==, 1);
}

static void
test_read_since_in_order_with_limit (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *first;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *doc = g_strdup_printf ("{\"n\":%u}", i);

      append (fixture, "agent.status", doc);
    }

  events = pulse_event_log_read_since (fixture->log, 2, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);

  first = json_node_get_object (events->pdata[0]);
  g_assert_cmpint (json_object_get_int_member (first, "seq"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, "agent.status");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (first, "at"), "Z"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (first, "data"), "n"),
                   ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (events->pdata[1]), "seq"),
                   ==, 4);

  g_clear_pointer (&events, g_ptr_array_unref);
  events = pulse_event_log_read_since (fixture->log, 5, 100, &error);
  g_assert_cmpuint (events->len, ==, 0);
}

static gboolean
append_then_fail (PulseDb  *db,
                  gpointer  user_data,
                  GError  **error)
{
  Fixture *fixture = user_data;

  append (fixture, "rule.updated", "{\"id\":\"r1\"}");
  g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_CONFLICT, "stale version");
  return FALSE;
}

static void
test_rolled_back_change_leaves_no_event (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  append (fixture, "rule.created", "{\"id\":\"r1\"}");
  g_assert_false (pulse_db_transaction (fixture->db, append_then_fail, fixture, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_CONFLICT);

  g_assert_cmpint (pulse_event_log_get_first_seq (fixture->log), ==, 1);
  g_assert_cmpint (pulse_db_query_int (fixture->db, "SELECT count(*) FROM event", NULL), ==, 1);
  /* The next event still gets a fresh number after the rolled-back one. */
  g_assert_cmpint (append (fixture, "rule.updated", "{\"id\":\"r1\"}"), >=, 2);
}

static void
test_prune_keeps_seq_growing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  append (fixture, "a", "{}");
  append (fixture, "b", "{}");
  g_assert_cmpint (pulse_event_log_prune_before (fixture->log, G_MAXINT64, &error), ==, 2);
  g_assert_no_error (error);

  /* The log is empty but remembers where it was: no number is reused. */
  g_assert_cmpint (pulse_event_log_get_first_seq (fixture->log), ==, 0);
  g_assert_cmpint (pulse_event_log_get_last_seq (fixture->log), ==, 2);
  g_assert_cmpint (append (fixture, "c", "{}"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pulse/server/event-log/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("seq-grows-from-one", test_seq_grows_from_one);
  ADD ("read-since-in-order-with-limit", test_read_since_in_order_with_limit);
  ADD ("rolled-back-change-leaves-no-event", test_rolled_back_change_leaves_no_event);
  ADD ("prune-keeps-seq-growing", test_prune_keeps_seq_growing);

#undef ADD

  return g_test_run ();
}
