/* test-rt-map.c — RT 5 REST 2 JSON → Pulse items, RT's quirks, and the
 * bridge's commit (cursor and ingest in one transaction).
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-rt-commit.h"
#include "pulse-rt-map.h"
#include "pulse-server-schema.h"
#include "pulse-ticket.h"

static JsonNode *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rt", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  JsonNode *node;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  node = pulse_json_parse (text, length, &error);
  g_assert_no_error (error);
  return node;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = pulse_json_parse (text, -1, &error);

  g_assert_no_error (error);
  return node;
}

static void
assert_json (JsonNode   *actual,
             const char *expected_text)
{
  g_autoptr(JsonNode) expected = parse (expected_text);

  if (!json_node_equal (actual, expected))
    {
      g_autofree char *text = pulse_json_to_string (actual);

      g_test_message ("got %s", text);
      g_assert_not_reached ();
    }
}

static void
test_read_int (void)
{
  const struct { const char *json; gboolean ok; gint64 value; } cases[] = {
    { "12", TRUE, 12 }, { "\"12\"", TRUE, 12 }, { "12.0", TRUE, 12 }, { "\"3.0\"", TRUE, 3 },
    { "{\"type\":\"ticket\",\"id\":\"9\"}", TRUE, 9 }, { "{\"id\":44}", TRUE, 44 },
    { "\"12a\"", FALSE, 0 }, { "1.5", FALSE, 0 }, { "\"\"", FALSE, 0 }, { "null", FALSE, 0 },
    { "[1]", FALSE, 0 }, { "{\"type\":\"user\"}", FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      gint64 value = -1;

      g_assert_cmpint (pulse_rt_read_int (node, &value), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (value, ==, cases[i].value);
    }
}

static void
test_sort_unique (void)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonNode) page = parse ("{\"count\":0}");
  g_autoptr(GError) error = NULL;
  const gint64 input[] = { 9, 7, 9, 8, 7, 12 };
  const gint64 expected[] = { 7, 8, 9, 12 };

  g_array_append_vals (numbers, input, G_N_ELEMENTS (input));
  pulse_rt_sort_unique (numbers);
  g_assert_cmpmem (numbers->data, numbers->len * sizeof (gint64), expected, sizeof expected);

  g_assert_null (pulse_rt_page_items (page, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_dates_and_pages (void)
{
  g_autoptr(JsonNode) ticket = load ("ticket-new.json");
  g_autoptr(JsonNode) page = load ("transactions.json");
  g_autoptr(JsonNode) pages = parse ("{\"a\":{\"pages\":1.5},\"b\":{\"pages\":\"3\"},\"c\":{}}");
  JsonObject *object = json_node_get_object (ticket);
  JsonObject *p = json_node_get_object (pages);
  gint64 usec = 0;

  /* 2026-11-20T09:30:00Z: 20,777 days and 9.5 h after the epoch. */
  g_assert_true (pulse_rt_member_time (object, "Created", &usec));
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1795167000) * G_USEC_PER_SEC);
  g_assert_false (pulse_rt_member_time (object, "Resolved", &usec));
  g_assert_false (pulse_rt_member_time (object, "Started", &usec));
  g_assert_false (pulse_rt_member_time (object, "Told", &usec));

  g_assert_cmpint (pulse_rt_page_count (json_node_get_object (page)), ==, 1);
  g_assert_cmpint (pulse_rt_page_count (json_object_get_object_member (p, "a")), ==, 2);
  g_assert_cmpint (pulse_rt_page_count (json_object_get_object_member (p, "b")), ==, 3);
  g_assert_cmpint (pulse_rt_page_count (json_object_get_object_member (p, "c")), ==, 0);
}

static void
test_content (void)
{
  g_autoptr(JsonNode) attachment = load ("attachment.json");
  const char *content = json_object_get_string_member (json_node_get_object (attachment),
                                                       "Content");
  g_autofree char *decoded = pulse_rt_decode_content (content, TRUE);
  g_autofree char *plain = pulse_rt_decode_content ("Дякую", FALSE);
  g_autofree char *broken = pulse_rt_decode_content ("a\xff" "b", FALSE);
  g_autofree char *none = pulse_rt_decode_content (NULL, TRUE);

  g_assert_cmpstr (decoded, ==, "Добрий день!");
  g_assert_cmpstr (plain, ==, "Дякую");
  g_assert_true (g_utf8_validate (broken, -1, NULL));
  g_assert_cmpstr (none, ==, "");
}

static void
test_status_priority (void)
{
  g_assert_cmpstr (pulse_rt_map_status ("new"), ==, "new");
  g_assert_cmpstr (pulse_rt_map_status ("stalled"), ==, "pending");
  g_assert_cmpstr (pulse_rt_map_status ("rejected"), ==, "closed");
  g_assert_cmpstr (pulse_rt_map_status ("waiting-for-bank"), ==, "open");
  g_assert_cmpstr (pulse_rt_map_status (NULL), ==, "open");
  g_assert_cmpstr (pulse_rt_map_priority (0), ==, "low");
  g_assert_cmpstr (pulse_rt_map_priority (50), ==, "normal");
  g_assert_cmpstr (pulse_rt_map_priority (95), ==, "high");
  g_assert_cmpstr (pulse_rt_map_priority (100), ==, "urgent");
}

static GPtrArray *
read_txns (void)
{
  g_autoptr(JsonNode) page = load ("transactions.json");
  JsonArray *items = json_object_get_array_member (json_node_get_object (page), "items");
  GPtrArray *txns = g_ptr_array_new_with_free_func (pulse_rt_txn_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      PulseRtTxn *txn = g_new0 (PulseRtTxn, 1);

      g_assert_true (pulse_rt_txn_read (txn, json_array_get_element (items, i), &error));
      g_assert_no_error (error);
      g_ptr_array_add (txns, txn);
    }
  return txns;
}

static void
test_transactions (void)
{
  g_autoptr(GPtrArray) txns = read_txns ();
  g_autoptr(JsonNode) bad = parse ("{\"id\":\"43\",\"Type\":\"Set\",\"Created\":\"x\"}");
  g_autoptr(GError) error = NULL;
  PulseRtTxn *txn;
  PulseRtTxn failed;

  g_assert_cmpuint (txns->len, ==, 5);
  txn = txns->pdata[1];
  g_assert_cmpint (txn->id, ==, 39);
  g_assert_cmpint (txn->ticket_id, ==, 7);
  g_assert_cmpstr (txn->type, ==, "EmailRecord");
  g_assert_cmpstr (txn->creator, ==, "RT_System");
  txn = txns->pdata[4];
  g_assert_cmpint (txn->id, ==, 42);
  g_assert_cmpstr (txn->field, ==, "Owner");

  g_assert_false (pulse_rt_txn_read (&failed, bad, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "transaction 43: ObjectId: missing or not valid");
}

static void
test_ticket (void)
{
  g_autoptr(JsonNode) ticket = load ("ticket-new.json");
  g_autoptr(GPtrArray) txns = read_txns ();
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(JsonNode) mapped = NULL;
  g_autoptr(PulseTicket) decoded = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *rt = json_node_get_object (ticket);
  const char *bodies[] = { "Моя картка", NULL, "Добрий день!", "Дякую", NULL };

  for (guint i = 0; i < txns->len; i++)
    if (bodies[i] != NULL)
      g_ptr_array_add (messages, pulse_rt_map_message (txns->pdata[i], rt, bodies[i]));
  g_assert_true (pulse_rt_is_requestor (rt, "OLENA@example.com"));
  g_assert_false (pulse_rt_is_requestor (rt, "alice"));

  mapped = pulse_rt_map_ticket (rt, "chat", messages, &error);
  g_assert_no_error (error);
  /* Nobody owns it, so no assignee; Resolved is 1970, so none; the
   * Create is the customer's even though root typed it. */
  assert_json (mapped,
               "{\"id\":\"rt-7\",\"queue_id\":\"rt-q-3\",\"channel\":\"chat\","
               "\"subject\":\"Картку заблоковано\",\"customer_id\":\"rt-c-olena@example.com\","
               "\"status\":\"new\",\"priority\":\"high\",\"created_at\":\"2026-11-20T09:30:00Z\","
               "\"updated_at\":\"2026-11-20T09:31:40Z\",\"messages\":["
               "{\"id\":\"rt-txn-38\",\"author_kind\":\"customer\","
               "\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"Моя картка\"},"
               "{\"id\":\"rt-txn-40\",\"author_kind\":\"agent\",\"author_id\":\"rt-u-alice\","
               "\"at\":\"2026-11-20T09:31:00Z\",\"body\":\"Добрий день!\"},"
               "{\"id\":\"rt-txn-41\",\"author_kind\":\"customer\","
               "\"at\":\"2026-11-20T09:31:30Z\",\"body\":\"Дякую\"}]}");

  /* What ingest reads: the ticket codec, strictly, with a version. */
  json_object_set_int_member (json_node_get_object (mapped), "version", 1);
  decoded = pulse_ticket_new_from_json (mapped, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decoded);
}

static void
test_ticket_resolved (void)
{
  g_autoptr(JsonNode) ticket = load ("ticket-resolved.json");
  g_autoptr(JsonNode) broken = parse ("{\"id\":9,\"Queue\":{\"id\":\"3\"},"
                                      "\"Created\":\"1970-01-01T00:00:00Z\"}");
  g_autoptr(JsonNode) mapped = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(GError) error = NULL;

  mapped = pulse_rt_map_ticket (json_node_get_object (ticket), "email", NULL, &error);
  g_assert_no_error (error);
  assert_json (mapped,
               "{\"id\":\"rt-8\",\"queue_id\":\"rt-q-4\",\"channel\":\"email\","
               "\"subject\":\"(no subject)\",\"customer_id\":\"rt-c-unknown\","
               "\"status\":\"resolved\",\"priority\":\"urgent\",\"assignee_id\":\"rt-u-alice\","
               "\"created_at\":\"2026-11-19T10:00:00Z\",\"updated_at\":\"2026-11-19T11:00:00Z\","
               "\"resolved_at\":\"2026-11-19T11:00:00Z\",\"messages\":[]}");

  none = pulse_rt_map_ticket (json_node_get_object (broken), "email", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
}

static void
test_queue_agent (void)
{
  g_autoptr(JsonNode) queue = load ("queue.json");
  g_autoptr(GHashTable) channels = g_hash_table_new (g_str_hash, g_str_equal);
  PulseRtMapOptions options = { channels, "UA", "uk" };
  g_autoptr(JsonNode) chat = NULL;
  g_autoptr(JsonNode) email = NULL;
  g_autoptr(JsonNode) agent = pulse_rt_map_agent ("alice");
  g_autoptr(GError) error = NULL;

  email = pulse_rt_map_queue (json_node_get_object (queue), &options, &error);
  g_assert_no_error (error);
  assert_json (email, "{\"id\":\"rt-q-3\",\"name\":\"Support UA\",\"channel\":\"email\","
                      "\"country\":\"UA\",\"language\":\"uk\",\"sl_target_seconds\":3600,"
                      "\"sl_goal\":0.8}");
  g_hash_table_insert (channels, (char *) "Support UA", (char *) "chat");
  chat = pulse_rt_map_queue (json_node_get_object (queue), &options, &error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (chat), "channel"), ==,
                   "chat");
  assert_json (agent, "{\"id\":\"rt-u-alice\",\"name\":\"alice\",\"position\":\"agent\","
                      "\"status\":\"offline\",\"status_since\":\"2000-01-01T00:00:00Z\","
                      "\"channels\":[]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/rt-map/read-int", test_read_int);
  g_test_add_func ("/pulse/server/rt-map/sort-unique", test_sort_unique);
  g_test_add_func ("/pulse/server/rt-map/dates-and-pages", test_dates_and_pages);
  g_test_add_func ("/pulse/server/rt-map/content", test_content);
  g_test_add_func ("/pulse/server/rt-map/status-priority", test_status_priority);
  g_test_add_func ("/pulse/server/rt-map/transactions", test_transactions);
  g_test_add_func ("/pulse/server/rt-map/ticket", test_ticket);
  g_test_add_func ("/pulse/server/rt-map/ticket-resolved", test_ticket_resolved);
  g_test_add_func ("/pulse/server/rt-map/queue-agent", test_queue_agent);

  return g_test_run ();
}
