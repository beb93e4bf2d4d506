/* test-ui-csv.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables as CSV: quoting, formula injection, numbers, and a model of
 * queue rows written out line by line.
 */

#include "config.h"

#include <locale.h>

#include "pulse-csv.h"
#include "pulse-queue-row.h"
#include "pulse-test-util.h"

static void
assert_field (const char *field,
              const char *expected)
{
  g_autoptr(GString) csv = g_string_new (NULL);

  pulse_csv_append_field (csv, field);
  g_assert_cmpstr (csv->str, ==, expected);
}

static void
test_fields (void)
{
  assert_field ("plain", "plain");
  assert_field (NULL, "");
  assert_field ("a,b", "\"a,b\"");
  assert_field ("say \"hi\"", "\"say \"\"hi\"\"\"");
  assert_field ("two\nlines", "\"two\nlines\"");
  assert_field (" padded", "\" padded\"");
  assert_field ("Україна · чат", "Україна · чат");
  /* A formula never runs in the spreadsheet; a negative number stays one. */
  assert_field ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
  assert_field ("@SUM(A1)", "'@SUM(A1)");
  assert_field ("-12.5", "-12.5");
  assert_field ("+380 44", "'+380 44");
}

static void
test_model (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"q-1\",\"version\":1,\"name\":\"Ukraine, chat\",\"channel\":\"chat\","
    "\"country\":\"UA\",\"language\":\"uk\",\"sl_target_seconds\":20,"
    "\"sl_goal\":0.8}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseQueue) queue = pulse_queue_new_from_json (node, &error);
  g_autoptr(GListStore) rows = g_list_store_new (PULSE_TYPE_QUEUE_ROW);
  g_autoptr(PulseQueueRow) row = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PulseQueueLoad load = { .waiting = 3, .oldest_since = 1000000, .agents_online = 2 };
  PulseKpiSummary summary = { .contacts = 10, .sl_contacts = 8, .service_level = 0.625 };
  static const PulseCsvColumn columns[] = {
    { "Queue", "title" },
    { "Waiting", "waiting" },
    { "Longest wait (s)", "oldest-wait" },
    { "Service level", "service-level" },
    { "No such", "no-such-property" },
  };
  const char *text;
  gsize size;

  g_assert_no_error (error);
  row = pulse_queue_row_new (queue);
  g_list_store_append (rows, row);
  bytes = pulse_csv_from_model (G_LIST_MODEL (rows), columns, G_N_ELEMENTS (columns));
  text = g_bytes_get_data (bytes, &size);
  /* Nothing counted yet: no wait and no service level are empty, not -1. */
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBFQueue,Waiting,Longest wait (s),Service level,No such\r\n"
                   "\"Ukraine, chat\",0,,,\r\n");

  pulse_queue_row_update (row, &load, &summary, 61 * G_USEC_PER_SEC);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = pulse_csv_from_model (G_LIST_MODEL (rows), columns, G_N_ELEMENTS (columns));
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==,
                   "\xEF\xBB\xBFQueue,Waiting,Longest wait (s),Service level,No such\r\n"
                   "\"Ukraine, chat\",3,60,0.625,\r\n");
}

int
main (int   argc,
      char *argv[])
{
  /* A decimal comma must not leak into the numbers. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/csv/fields", test_fields);
  g_test_add_func ("/pulse/ui/csv/model", test_model);

  return g_test_run ();
}
