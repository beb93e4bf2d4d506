/* test-kpi-handle.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handle time in the KPIs, with the answers worked out by hand in the
 * comment above each test.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-kpi.h"
#include "pulse-test-kpi.h"
#include "pulse-test-util.h"
#include "pulse-ticket.h"

#define LATER AT (DAYS (30))

typedef struct
{
  const char        *id;
  int                handle_seconds;
  PulseTicketStatus  status;
  gboolean           automated;
  gboolean           replied;
} Row;

/* Eight contacts. Counted: 100, 300, 200, 1000 and the 400 s of the
 * contact abandoned after a human reply. Left out: the one without a
 * handle time, the automated one (50 s) and the one abandoned before any
 * reply (0 s). Sample 100, 200, 300, 400, 1000: n = 5, mean 2000/5 =
 * 400 s, median the third value, 300 s. */
static const Row week_rows[] = {
  { "t0", 100, PULSE_TICKET_STATUS_RESOLVED, FALSE, TRUE },
  { "t1", 300, PULSE_TICKET_STATUS_CLOSED, FALSE, TRUE },
  { "t2", 200, PULSE_TICKET_STATUS_RESOLVED, FALSE, TRUE },
  { "t3", 1000, PULSE_TICKET_STATUS_OPEN, FALSE, TRUE },
  { "t4", PULSE_KPI_NO_HANDLE_TIME, PULSE_TICKET_STATUS_RESOLVED, FALSE, TRUE },
  { "t5", 50, PULSE_TICKET_STATUS_RESOLVED, TRUE, FALSE },
  { "t6", 0, PULSE_TICKET_STATUS_ABANDONED, FALSE, FALSE },
  { "t7", 400, PULSE_TICKET_STATUS_ABANDONED, FALSE, TRUE },
};

static void
add_rows (PulseKpi  *kpi,
          const Row *rows,
          guint      n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      PulseKpiContact contact = pulse_test_kpi_contact (rows[i].id, "c", 3600 * (i + 1));

      contact.assignee_id = i % 2 == 0 ? "a-even" : "a-odd";
      contact.handle_seconds = rows[i].handle_seconds;
      contact.status = rows[i].status;
      contact.automated = rows[i].automated;
      if (rows[i].replied)
        contact.first_response_at = contact.created_at + 30 * G_USEC_PER_SEC;
      pulse_test_kpi_add (kpi, &contact);
    }
}

static void
test_mean_and_median (void)
{
  g_autoptr(PulseKpi) kpi = pulse_kpi_new (PULSE_KPI_GROUP_NONE, AT (0), AT (DAYS (7)));
  g_autoptr(PulseKpiSummary) summary = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *object;

  add_rows (kpi, week_rows, G_N_ELEMENTS (week_rows));
  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (summary->contacts, ==, 8);
  g_assert_cmpint (summary->handled, ==, 5);
  assert_figure (summary->handle_time_mean_s, 400.0);
  assert_figure (summary->handle_time_median_s, 300.0);

  json = pulse_kpi_summary_to_json (summary);
  object = json_node_get_object (json);
  g_assert_cmpfloat (json_object_get_double_member (object, "handle_time_mean_s"), ==, 400.0);
  g_assert_cmpfloat (json_object_get_double_member (object, "handle_time_median_s"), ==, 300.0);
}

/* By agent. Even rows t0, t2, t4, t6: 100 and 200 count (t4 unknown, t6
 * abandoned unanswered): mean 150, median 150 (halfway). Odd rows t1, t3,
 * t5, t7: 300, 1000, 400 (t5 automated): mean 1700/3 = 566.67, median
 * 400. An even count interpolates, so the median need not be a sample. */
static void
test_by_agent (void)
{
  g_autoptr(PulseKpi) kpi = pulse_kpi_new (PULSE_KPI_GROUP_AGENT, AT (0), AT (DAYS (7)));
  g_autoptr(PulseKpiSummary) even = NULL;
  g_autoptr(PulseKpiSummary) odd = NULL;

  add_rows (kpi, week_rows, G_N_ELEMENTS (week_rows));
  even = pulse_kpi_dup_summary (kpi, "a-even", LATER);
  odd = pulse_kpi_dup_summary (kpi, "a-odd", LATER);
  g_assert_cmpint (even->handled, ==, 2);
  assert_figure (even->handle_time_mean_s, 150.0);
  assert_figure (even->handle_time_median_s, 150.0);
  g_assert_cmpint (odd->handled, ==, 3);
  assert_figure (odd->handle_time_mean_s, 1700.0 / 3);
  assert_figure (odd->handle_time_median_s, 400.0);
}

/* Only unknown, automated and unanswered-abandoned contacts: no sample,
 * so both figures are null on the wire, not 0. */
static void
test_no_sample_is_null (void)
{
  static const Row rows[] = {
    { "u", PULSE_KPI_NO_HANDLE_TIME, PULSE_TICKET_STATUS_RESOLVED, FALSE, TRUE },
    { "bot", 20, PULSE_TICKET_STATUS_CLOSED, TRUE, FALSE },
    { "gone", 0, PULSE_TICKET_STATUS_ABANDONED, FALSE, FALSE },
  };
  g_autoptr(PulseKpi) kpi = pulse_kpi_new (PULSE_KPI_GROUP_NONE, AT (0), AT (DAYS (7)));
  g_autoptr(PulseKpiSummary) summary = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *object;

  add_rows (kpi, rows, G_N_ELEMENTS (rows));
  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (summary->contacts, ==, 3);
  g_assert_cmpint (summary->handled, ==, 0);
  g_assert_true (isnan (summary->handle_time_mean_s));
  g_assert_true (isnan (summary->handle_time_median_s));

  json = pulse_kpi_summary_to_json (summary);
  object = json_node_get_object (json);
  g_assert_true (json_object_get_null_member (object, "handle_time_mean_s"));
  g_assert_true (json_object_get_null_member (object, "handle_time_median_s"));
}

/* A handle time of 0 is a sample (an instant close by an agent), unlike
 * an unknown one: 0 and 90 give mean 45, median 45. Replacing the 0 with
 * an unknown handle time leaves 90 alone; taking that contact out too
 * leaves no sample. */
static void
test_zero_is_known_and_replace (void)
{
  g_autoptr(PulseKpi) kpi = pulse_kpi_new (PULSE_KPI_GROUP_NONE, AT (0), AT (DAYS (7)));
  g_autoptr(PulseKpiSummary) both = NULL;
  g_autoptr(PulseKpiSummary) one = NULL;
  g_autoptr(PulseKpiSummary) none = NULL;
  PulseKpiContact zero = pulse_test_kpi_contact ("zero", "c", 100);
  PulseKpiContact ninety = pulse_test_kpi_contact ("ninety", "c", 200);

  zero.handle_seconds = 0;
  ninety.handle_seconds = 90;
  pulse_test_kpi_add (kpi, &zero);
  pulse_test_kpi_add (kpi, &ninety);
  both = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (both->handled, ==, 2);
  assert_figure (both->handle_time_mean_s, 45.0);
  assert_figure (both->handle_time_median_s, 45.0);

  zero.handle_seconds = PULSE_KPI_NO_HANDLE_TIME;
  pulse_test_kpi_add (kpi, &zero);
  one = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (one->handled, ==, 1);
  assert_figure (one->handle_time_mean_s, 90.0);
  assert_figure (one->handle_time_median_s, 90.0);

  g_assert_true (pulse_kpi_remove_ticket (kpi, "ninety"));
  none = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (none->handled, ==, 0);
  g_assert_true (isnan (none->handle_time_mean_s));
}

/* From a ticket: its handle_seconds reaches the contact and the figures;
 * a ticket without one gives an unknown handle time. */
static void
test_from_ticket (void)
{
  static const char json[] =
    "{\"id\":\"t-1\",\"version\":1,\"queue_id\":\"q-chat\",\"channel\":\"phone\","
    "\"subject\":\"Card\",\"customer_id\":\"c-1\",\"status\":\"resolved\","
    "\"created_at\":\"2026-11-02T09:00:00Z\",\"handle_seconds\":347,\"messages\":["
    "{\"id\":\"m1\",\"author_kind\":\"agent\",\"author_id\":\"a-1\","
    "\"at\":\"2026-11-02T09:00:20Z\",\"body\":\"Hello\"}]}";
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (node, &error);
  g_autoptr(PulseTicket) bare = pulse_ticket_new ("bare");
  g_autoptr(PulseKpi) kpi = pulse_kpi_new (PULSE_KPI_GROUP_NONE, AT (0), AT (DAYS (7)));
  g_autoptr(PulseKpiSummary) summary = NULL;
  PulseKpiContact contact;

  g_assert_no_error (error);
  pulse_kpi_contact_init_from_ticket (&contact, ticket);
  g_assert_cmpint (contact.handle_seconds, ==, 347);
  pulse_kpi_contact_init_from_ticket (&contact, bare);
  g_assert_cmpint (contact.handle_seconds, ==, PULSE_KPI_NO_HANDLE_TIME);
  pulse_kpi_contact_init (&contact);
  g_assert_cmpint (contact.handle_seconds, ==, PULSE_KPI_NO_HANDLE_TIME);

  pulse_kpi_add_ticket (kpi, ticket);
  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (summary->handled, ==, 1);
  assert_figure (summary->handle_time_mean_s, 347.0);
  assert_figure (summary->handle_time_median_s, 347.0);
}

static void
test_bad_handle_seconds (void)
{
  static const int values[] = { -2, G_MININT, PULSE_TICKET_MAX_HANDLE_SECONDS + 1, G_MAXINT };
  g_autoptr(PulseKpi) kpi = pulse_kpi_new (PULSE_KPI_GROUP_NONE, AT (0), AT (DAYS (7)));
  PulseKpiContact edge = pulse_test_kpi_contact ("edge", "c", 100);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      PulseKpiContact contact = pulse_test_kpi_contact ("t", "c", 100);
      g_autoptr(GError) error = NULL;

      contact.handle_seconds = values[i];
      g_assert_false (pulse_kpi_add_contact (kpi, &contact, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, "handle_seconds: must be 0…604800"));
    }
  g_assert_cmpuint (pulse_kpi_get_n_tickets (kpi), ==, 0);

  edge.handle_seconds = PULSE_TICKET_MAX_HANDLE_SECONDS;
  pulse_test_kpi_add (kpi, &edge);
  g_assert_cmpuint (pulse_kpi_get_n_tickets (kpi), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/kpi-handle/mean-and-median", test_mean_and_median);
  g_test_add_func ("/pulse/core/kpi-handle/by-agent", test_by_agent);
  g_test_add_func ("/pulse/core/kpi-handle/no-sample-is-null", test_no_sample_is_null);
  g_test_add_func ("/pulse/core/kpi-handle/zero-is-known-and-replace",
                   test_zero_is_known_and_replace);
  g_test_add_func ("/pulse/core/kpi-handle/from-ticket", test_from_ticket);
  g_test_add_func ("/pulse/core/kpi-handle/bad-handle-seconds", test_bad_handle_seconds);

  return g_test_run ();
}
