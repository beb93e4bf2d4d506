/* test-kpi.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each KPI definition on a handful of contacts, with the answer worked out
 * by hand in the comment above the test.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-kpi.h"
#include "pulse-test-kpi.h"
#include "pulse-test-util.h"
#include "pulse-ticket.h"

#define WEEK_FROM AT (0)
#define WEEK_TO   AT (DAYS (7))
#define LATER     AT (DAYS (30))

static PulseKpi *
week (void)
{
  PulseKpi *kpi = pulse_kpi_new (PULSE_KPI_GROUP_NONE, WEEK_FROM, WEEK_TO);

  pulse_kpi_set_queue (kpi, "q-chat", "UA", 20);
  return kpi;
}

/* No contacts: zero counts, every figure null. */
static void
test_empty (void)
{
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_autoptr(JsonNode) json = pulse_kpi_summary_to_json (summary);
  g_autofree char *text = pulse_json_to_string (json);

  g_assert_cmpint (summary->contacts, ==, 0);
  g_assert_true (isnan (summary->first_response_median_s));
  g_assert_cmpint (summary->handled, ==, 0);
  g_assert_true (isnan (summary->handle_time_mean_s));
  g_assert_true (isnan (summary->handle_time_median_s));
  g_assert_true (isnan (summary->service_level));
  g_assert_true (isnan (summary->csat) && isnan (summary->nps) && isnan (summary->ces));
  g_assert_true (isnan (summary->fcr) && isnan (summary->repeat_rate));
  g_assert_true (isnan (summary->automation_share));
  g_assert_true (isnan (summary->interactions_per_application));
  g_assert_true (isnan (summary->qa_score));
  g_assert_cmpstr (text, ==,
                   "{\"contacts\":0,\"abandoned\":0,\"first_response_median_s\":null,"
                   "\"first_response_p90_s\":null,\"handle_time_mean_s\":null,"
                   "\"handle_time_median_s\":null,\"service_level\":null,\"csat\":null,"
                   "\"nps\":null,\"ces\":null,\"fcr\":null,\"repeat_rate\":null,"
                   "\"automation_share\":null,\"interactions_per_application\":null,"
                   "\"qa_score\":null}");
}

/* Human replies after 10, 20, 30, 40 and 100 s; a sixth contact has none.
 * Five values, linear interpolation: median h = 4·0.5 = 2 → 30 s;
 * p90 h = 4·0.9 = 3.6 → 40 + 0.6·(100 − 40) = 76 s. */
static void
test_first_response (void)
{
  static const int replies[] = { 40, 10, 100, 30, 20 };
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) summary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      PulseKpiContact contact = pulse_test_kpi_contact (id, "c", 3600 * i);

      contact.first_response_at = contact.created_at + (gint64) replies[i] * G_USEC_PER_SEC;
      pulse_test_kpi_add (kpi, &contact);
    }
  {
    PulseKpiContact silent = pulse_test_kpi_contact ("silent", "c", 100);

    pulse_test_kpi_add (kpi, &silent);
  }

  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (summary->contacts, ==, 6);
  g_assert_cmpint (summary->responded, ==, 5);
  assert_figure (summary->first_response_median_s, 30.0);
  assert_figure (summary->first_response_p90_s, 76.0);
}

/* From a ticket: the bot answers at +2 s, the agent at +130 s; only the
 * agent counts. The CSAT rated 2 first and 5 later counts as 5. */
static void
test_from_ticket (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"t-1\",\"version\":1,\"queue_id\":\"q-chat\",\"channel\":\"chat\","
    "\"subject\":\"Card\",\"customer_id\":\"c-1\",\"status\":\"resolved\","
    "\"created_at\":\"2026-11-02T09:00:00Z\",\"messages\":["
    "{\"id\":\"m1\",\"author_kind\":\"customer\",\"at\":\"2026-11-02T09:00:00Z\",\"body\":\"?\"},"
    "{\"id\":\"m2\",\"author_kind\":\"bot\",\"at\":\"2026-11-02T09:00:02Z\",\"body\":\"Wait\"},"
    "{\"id\":\"m3\",\"author_kind\":\"agent\",\"author_id\":\"a-1\","
    "\"at\":\"2026-11-02T09:02:10Z\",\"body\":\"Done\"}],"
    "\"ratings\":[{\"kind\":\"csat\",\"score\":2,\"at\":\"2026-11-02T10:00:00Z\"},"
    "{\"kind\":\"csat\",\"score\":5,\"at\":\"2026-11-02T11:00:00Z\"},"
    "{\"kind\":\"ces\",\"score\":3,\"at\":\"2026-11-02T10:00:00Z\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (node, &error);
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) summary = NULL;
  PulseKpiContact contact;

  g_assert_no_error (error);
  pulse_kpi_contact_init_from_ticket (&contact, ticket);
  g_assert_cmpint (contact.first_response_at, ==, AT (9 * 3600 + 130));
  g_assert_cmpint (contact.csat, ==, 5);
  g_assert_cmpint (contact.nps, ==, PULSE_KPI_NO_RATING);
  g_assert_cmpint (contact.ces, ==, 3);
  g_assert_false (contact.automated);

  pulse_kpi_add_ticket (kpi, ticket);
  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  assert_figure (summary->first_response_median_s, 130.0);
  assert_figure (summary->csat, 1.0);
  assert_figure (summary->ces, 3.0);
  g_assert_cmpint (summary->sl_contacts, ==, 1);
  assert_figure (summary->service_level, 0.0);
}

static void
add_sl_case (PulseKpi          *kpi,
             const char        *id,
             const char        *queue_id,
             gint64             created_s,
             gint64             reply_after_s,
             PulseTicketStatus  status,
             gboolean           automated)
{
  PulseKpiContact contact = pulse_test_kpi_contact (id, NULL, created_s);

  contact.queue_id = queue_id;
  contact.status = status;
  contact.automated = automated;
  if (reply_after_s >= 0)
    contact.first_response_at = contact.created_at + reply_after_s * G_USEC_PER_SEC;
  pulse_test_kpi_add (kpi, &contact);
}

/* Target 20 s; `now` is 1000 s after the base.
 *   met: replies after 10 s and after exactly 20 s            → 2
 *   missed: reply after 25 s; abandoned unanswered;
 *           waiting since 970 s (30 s > 20 s)                  → 3
 *   left out: automated; closed without a reply; waiting since
 *           990 s (10 s, may still be answered in time);
 *           a queue with no known target                       → 4
 * SL = 2 / 5 = 0.4. At 1015 s the young waiting one has waited 25 s too:
 * 2 / 6. */
static void
test_service_level (void)
{
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) now = NULL;
  g_autoptr(PulseKpiSummary) later = NULL;

  add_sl_case (kpi, "met-10", "q-chat", 100, 10, PULSE_TICKET_STATUS_RESOLVED, FALSE);
  add_sl_case (kpi, "met-20", "q-chat", 200, 20, PULSE_TICKET_STATUS_CLOSED, FALSE);
  add_sl_case (kpi, "late", "q-chat", 300, 25, PULSE_TICKET_STATUS_OPEN, FALSE);
  add_sl_case (kpi, "gone", "q-chat", 400, -1, PULSE_TICKET_STATUS_ABANDONED, FALSE);
  add_sl_case (kpi, "old-wait", "q-chat", 970, -1, PULSE_TICKET_STATUS_NEW, FALSE);
  add_sl_case (kpi, "bot", "q-chat", 500, -1, PULSE_TICKET_STATUS_RESOLVED, TRUE);
  add_sl_case (kpi, "spam", "q-chat", 600, -1, PULSE_TICKET_STATUS_CLOSED, FALSE);
  add_sl_case (kpi, "young-wait", "q-chat", 990, -1, PULSE_TICKET_STATUS_PENDING, FALSE);
  add_sl_case (kpi, "no-target", "q-other", 700, 5, PULSE_TICKET_STATUS_RESOLVED, FALSE);

  now = pulse_kpi_dup_summary (kpi, NULL, AT (1000));
  g_assert_cmpint (now->sl_contacts, ==, 5);
  g_assert_cmpint (now->sl_met, ==, 2);
  assert_figure (now->service_level, 0.4);
  g_assert_cmpint (now->abandoned, ==, 1);

  later = pulse_kpi_dup_summary (kpi, NULL, AT (1015));
  g_assert_cmpint (later->sl_contacts, ==, 6);
  assert_figure (later->service_level, 2.0 / 6.0);
}

static void
add_rated (PulseKpi   *kpi,
           const char *id,
           int         csat,
           int         nps,
           int         ces)
{
  PulseKpiContact contact = pulse_test_kpi_contact (id, NULL, 60);

  contact.csat = csat;
  contact.nps = nps;
  contact.ces = ces;
  pulse_test_kpi_add (kpi, &contact);
}

/* CSAT 5, 4, 3, 1 → 2 of 4 satisfied = 0.5.
 * NPS 10, 9, 8, 6, 0, 7 → promoters 2, detractors 2 → 0; then a 10 more:
 *   (3 − 2) / 7 = 14.2857.
 * CES 1, 2, 6 → 9 / 3 = 3. One contact has no rating at all. */
static void
test_ratings (void)
{
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) summary = NULL;
  g_autoptr(PulseKpiSummary) more = NULL;
  const int none = PULSE_KPI_NO_RATING;

  add_rated (kpi, "a", 5, 10, 1);
  add_rated (kpi, "b", 4, 9, 2);
  add_rated (kpi, "c", 3, 8, 6);
  add_rated (kpi, "d", 1, 6, none);
  add_rated (kpi, "e", none, 0, none);
  add_rated (kpi, "f", none, 7, none);
  add_rated (kpi, "g", none, none, none);

  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (summary->csat_ratings, ==, 4);
  assert_figure (summary->csat, 0.5);
  g_assert_cmpint (summary->nps_ratings, ==, 6);
  assert_figure (summary->nps, 0.0);
  g_assert_cmpint (summary->ces_ratings, ==, 3);
  assert_figure (summary->ces, 3.0);

  add_rated (kpi, "h", none, 10, none);
  more = pulse_kpi_dup_summary (kpi, NULL, LATER);
  assert_figure (more->nps, 100.0 / 7.0);
}

/* Window: days 0–7. Customer A contacts on days 0, 2 and 12; B on day 1;
 * C on days 3 and 11 (8 days apart); D exactly 7 days apart, days 4 and
 * 11 (within 7 days: a repeat). Days 11 and 12 are outside the window:
 * they only show what followed.
 * Contacts in the window: A0 (next A2, 2 d: repeat), B1 (none), A2 (next
 * A12, 10 d), C3 (next C11, 8 d), D4 (next D11, 7 d: repeat).
 * Repeat rate = 2 / 5. FCR over customers, on their first contact in the
 * window: A (A0 repeated), B, C, D (D4 repeated) → 2 / 4.
 * At day 8.5 only contacts up to day 1.5 have had their 7 days: A0 and B1,
 * repeat rate 1 / 2 and FCR (A, B) 1 / 2; C and D wait to be measured. */
static void
test_fcr_and_repeats (void)
{
  static const struct { const char *id, *customer; double day; } rows[] = {
    { "a0", "A", 0 }, { "a2", "A", 2 }, { "a12", "A", 12 }, { "b1", "B", 1 },
    { "c3", "C", 3 }, { "c11", "C", 11 }, { "d4", "D", 4 }, { "d11", "D", 11 },
  };
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) done = NULL;
  g_autoptr(PulseKpiSummary) known = NULL;
  g_autoptr(PulseKpiSummary) early = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      PulseKpiContact contact = pulse_test_kpi_contact (rows[i].id, rows[i].customer,
                                                        DAYS (rows[i].day));

      pulse_test_kpi_add (kpi, &contact);
    }

  done = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (done->contacts, ==, 5);
  g_assert_cmpint (done->repeat_contacts, ==, 5);
  assert_figure (done->repeat_rate, 2.0 / 5.0);
  g_assert_cmpint (done->fcr_customers, ==, 4);
  assert_figure (done->fcr, 2.0 / 4.0);

  known = pulse_kpi_dup_summary (kpi, NULL, G_MAXINT64);
  g_assert_true (pulse_kpi_summary_equal (known, done));

  early = pulse_kpi_dup_summary (kpi, NULL, AT (DAYS (8.5)));
  g_assert_cmpint (early->repeat_contacts, ==, 2);
  assert_figure (early->repeat_rate, 0.5);
  g_assert_cmpint (early->fcr_customers, ==, 2);
  assert_figure (early->fcr, 0.5);
}

/* One customer contacting three times in the window, a day apart: the
 * first two are repeats, the last is not (nothing follows); one customer,
 * not resolved at first contact: FCR 0. Taking out the middle contact
 * leaves days 0 and 2, still a repeat. */
static void
test_one_customer_three_times (void)
{
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) summary = NULL;
  g_autoptr(PulseKpiSummary) after = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      PulseKpiContact contact = pulse_test_kpi_contact (id, "solo", DAYS (i));

      pulse_test_kpi_add (kpi, &contact);
    }

  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  assert_figure (summary->repeat_rate, 2.0 / 3.0);
  g_assert_cmpint (summary->fcr_customers, ==, 1);
  assert_figure (summary->fcr, 0.0);

  g_assert_true (pulse_kpi_remove_ticket (kpi, "t1"));
  after = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (after->contacts, ==, 2);
  assert_figure (after->repeat_rate, 0.5);
  assert_figure (after->fcr, 0.0);
}

/* Three contacts, all closed by the bot: share 1, and with no human
 * reply there is no first response and no service level. */
static void
test_all_automated (void)
{
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) summary = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("bot%u", i);
      PulseKpiContact contact = pulse_test_kpi_contact (id, "c", 60 * i);

      contact.automated = TRUE;
      pulse_test_kpi_add (kpi, &contact);
    }

  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (summary->automated, ==, 3);
  assert_figure (summary->automation_share, 1.0);
  g_assert_true (isnan (summary->first_response_median_s));
  g_assert_true (isnan (summary->service_level));
}

/* 4 contacts and 16 applications: 0.25 per application; 0 applications or
 * none given: no figure. */
static void
test_interactions_per_application (void)
{
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) unknown = NULL;
  g_autoptr(PulseKpiSummary) summary = NULL;
  g_autoptr(PulseKpiSummary) zero = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      PulseKpiContact contact = pulse_test_kpi_contact (id, "c", 60 * i);

      pulse_test_kpi_add (kpi, &contact);
    }

  unknown = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_true (isnan (unknown->interactions_per_application));
  pulse_kpi_set_applications (kpi, NULL, 16);
  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  assert_figure (summary->interactions_per_application, 0.25);
  pulse_kpi_set_applications (kpi, NULL, 0);
  zero = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_true (isnan (zero->interactions_per_application));
}

/* Contacts before `from` or at `to` are not counted. */
static void
test_window (void)
{
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) summary = NULL;
  PulseKpiContact before = pulse_test_kpi_contact ("before", "c", -1);
  PulseKpiContact first = pulse_test_kpi_contact ("first", "c", 0);
  PulseKpiContact last = pulse_test_kpi_contact ("last", "c", DAYS (7) - 1);
  PulseKpiContact at_end = pulse_test_kpi_contact ("end", "c", DAYS (7));

  pulse_test_kpi_add (kpi, &before);
  pulse_test_kpi_add (kpi, &first);
  pulse_test_kpi_add (kpi, &last);
  pulse_test_kpi_add (kpi, &at_end);
  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (summary->contacts, ==, 2);
  g_assert_cmpuint (pulse_kpi_get_n_tickets (kpi), ==, 4);
}

/* Replacing a contact counts it once, as its new version. */
static void
test_replace_and_remove (void)
{
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) first = NULL;
  g_autoptr(PulseKpiSummary) second = NULL;
  g_autoptr(PulseKpiSummary) gone = NULL;
  PulseKpiContact contact = pulse_test_kpi_contact ("t", "c", 100);

  contact.status = PULSE_TICKET_STATUS_ABANDONED;
  pulse_test_kpi_add (kpi, &contact);
  first = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (first->abandoned, ==, 1);

  contact.status = PULSE_TICKET_STATUS_RESOLVED;
  contact.first_response_at = contact.created_at + 5 * G_USEC_PER_SEC;
  pulse_test_kpi_add (kpi, &contact);
  second = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (second->contacts, ==, 1);
  g_assert_cmpint (second->abandoned, ==, 0);
  assert_figure (second->service_level, 1.0);

  g_assert_true (pulse_kpi_remove_ticket (kpi, "t"));
  g_assert_false (pulse_kpi_remove_ticket (kpi, "t"));
  gone = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (gone->contacts, ==, 0);
  g_assert_cmpint (gone->sl_contacts, ==, 0);
}

static void
test_bad_contacts (void)
{
  static const struct { const char *field; int value; const char *message_part; } cases[] = {
    { "id", 0, "id:" },
    { "csat", 0, "csat: must be 1…5" },
    { "nps", 11, "nps: must be 0…10" },
    { "ces", 8, "ces: must be 1…7" },
    { "created_at", -1, "created_at:" },
    { "status", 99, "status:" },
  };
  g_autoptr(PulseKpi) kpi = week ();
  g_autoptr(PulseKpiSummary) summary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PulseKpiContact contact = pulse_test_kpi_contact ("t", "c", 100);
      g_autoptr(GError) error = NULL;

      if (g_str_equal (cases[i].field, "id"))
        contact.id = NULL;
      else if (g_str_equal (cases[i].field, "csat"))
        contact.csat = cases[i].value;
      else if (g_str_equal (cases[i].field, "nps"))
        contact.nps = cases[i].value;
      else if (g_str_equal (cases[i].field, "ces"))
        contact.ces = cases[i].value;
      else if (g_str_equal (cases[i].field, "created_at"))
        contact.created_at = cases[i].value;
      else
        contact.status = cases[i].value;

      g_assert_false (pulse_kpi_add_contact (kpi, &contact, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message_part));
    }

  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (summary->contacts, ==, 0);
  g_assert_cmpuint (pulse_kpi_get_n_tickets (kpi), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/kpi/empty", test_empty);
  g_test_add_func ("/pulse/core/kpi/first-response", test_first_response);
  g_test_add_func ("/pulse/core/kpi/from-ticket", test_from_ticket);
  g_test_add_func ("/pulse/core/kpi/service-level", test_service_level);
  g_test_add_func ("/pulse/core/kpi/ratings", test_ratings);
  g_test_add_func ("/pulse/core/kpi/fcr-and-repeats", test_fcr_and_repeats);
  g_test_add_func ("/pulse/core/kpi/one-customer-three-times", test_one_customer_three_times);
  g_test_add_func ("/pulse/core/kpi/all-automated", test_all_automated);
  g_test_add_func ("/pulse/core/kpi/interactions-per-application",
                   test_interactions_per_application);
  g_test_add_func ("/pulse/core/kpi/window", test_window);
  g_test_add_func ("/pulse/core/kpi/replace-and-remove", test_replace_and_remove);
  g_test_add_func ("/pulse/core/kpi/bad-contacts", test_bad_contacts);

  return g_test_run ();
}
