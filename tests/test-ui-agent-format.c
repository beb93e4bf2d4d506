/* test-ui-agent-format.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agents page's pure parts without a display: how figures, times and
 * statuses are written, contacts per hour (binning, and following a live
 * ticket list), and the rows' text, order and search.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pulse-agent-activity.h"
#include "pulse-agent-format.h"
#include "pulse-agent-row.h"
#include "pulse-test-util.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static void
assert_text (char       *text,
             const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_durations (void)
{
  assert_text (pulse_agent_format_count (1234), "1234");
}

static void
test_elapsed_and_times (void)
{
  gint64 now = at ("2026-11-30T10:20:00Z");
  gint64 second = G_USEC_PER_SEC;

  assert_text (pulse_agent_format_elapsed (0, now), "–");
  assert_text (pulse_agent_format_elapsed (now - 247 * second, now), "4:07");
  assert_text (pulse_agent_format_elapsed (now - 3723 * second, now), "1:02:03");
  assert_text (pulse_agent_format_elapsed (at ("2026-11-28T07:00:00Z"), now), "2 d 3 h");
  /* A helpdesk clock ahead of ours. */
  assert_text (pulse_agent_format_elapsed (now + 5 * G_USEC_PER_SEC, now), "0:00");

  /* TZ=UTC in the test environment. */
  assert_text (pulse_agent_format_time (at ("2026-11-30T09:30:00Z"), now), "09:30");
  assert_text (pulse_agent_format_time (at ("2026-11-29T14:05:00Z"), now), "Nov 29, 14:05");
}

static void
test_labels (void)
{
  assert_text (pulse_agent_format_channels (0), "None");
  assert_text (pulse_agent_format_channels ((1u << PULSE_CHANNEL_KIND_EMAIL)
                                            | (1u << PULSE_CHANNEL_KIND_PHONE)
                                            | (1u << PULSE_CHANNEL_KIND_CHAT)),
               "Email, Chat, Phone");
  g_assert_cmpstr (pulse_agent_format_status (PULSE_AGENT_STATUS_AFTER_CALL), ==,
                   "After Contact");
  g_assert_cmpstr (pulse_agent_format_status_icon (PULSE_AGENT_STATUS_BUSY), ==,
                   "user-busy-symbolic");
  g_assert_cmpstr (pulse_agent_format_ticket_status (PULSE_TICKET_STATUS_ABANDONED), ==,
                   "Abandoned");
  assert_text (pulse_agent_format_rating (PULSE_RATING_KIND_CSAT, 4), "CSAT 4/5");
  assert_text (pulse_agent_format_rating (PULSE_RATING_KIND_NPS, 9), "NPS 9/10");
}

static void
test_bins (void)
{
  gint64 now = at ("2026-11-30T10:20:00Z");
  const gint64 times[] = {
    at ("2026-11-30T10:05:00Z"),  /* the hour in progress: bin 23 */
    at ("2026-11-30T10:00:00Z"),  /* its first instant: bin 23 */
    at ("2026-11-30T09:59:59Z"),  /* bin 22 */
    at ("2026-11-29T11:00:00Z"),  /* the first bin's start: bin 0 */
    at ("2026-11-29T10:59:59Z"),  /* before it: left out */
    at ("2026-11-30T11:00:00Z"),  /* after the hour in progress: left out */
  };
  guint bins[PULSE_AGENT_ACTIVITY_BINS];

  g_assert_cmpint (pulse_agent_activity_bins_start (now), ==, at ("2026-11-29T11:00:00Z"));
  pulse_agent_activity_bin (times, G_N_ELEMENTS (times), now, bins);
  g_assert_cmpuint (bins[23], ==, 2);
  g_assert_cmpuint (bins[22], ==, 1);
  g_assert_cmpuint (bins[0], ==, 1);
  for (guint i = 1; i < 22; i++)
    g_assert_cmpuint (bins[i], ==, 0);
}

static PulseTicket *
new_ticket (const char *id,
            const char *assignee,
            const char *created)
{
  g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"version\":1,\"queue_id\":\"q-1\","
                                           "\"channel\":\"chat\",\"subject\":\"s\","
                                           "\"customer_id\":\"c-1\",\"status\":\"open\","
                                           "%s%s%s\"created_at\":\"%s\"}",
                                           id, assignee != NULL ? "\"assignee_id\":\"" : "",
                                           assignee != NULL ? assignee : "",
                                           assignee != NULL ? "\"," : "", created);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseTicket *ticket = pulse_ticket_new_from_json (node, &error);

  g_assert_no_error (error);
  return ticket;
}

static void
on_agent_changed_cb (PulseAgentActivity *activity,
                     const char         *agent_id,
                     GString            *log)
{
  g_string_append_printf (log, "%s;", agent_id);
}

static void
test_activity_follows_list (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PULSE_TYPE_TICKET);
  g_autoptr(PulseAgentActivity) activity = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(PulseTicket) t1 = new_ticket ("t-1", "a-1", "2026-11-30T10:05:00Z");
  g_autoptr(PulseTicket) t2 = new_ticket ("t-2", "a-1", "2026-11-30T09:10:00Z");
  g_autoptr(PulseTicket) t3 = new_ticket ("t-3", "a-2", "2026-11-30T09:20:00Z");
  g_autoptr(PulseTicket) t4 = new_ticket ("t-4", NULL, "2026-11-30T09:30:00Z");
  g_autoptr(PulseTicket) t2b = new_ticket ("t-2", "a-2", "2026-11-30T09:10:00Z");
  gint64 now = at ("2026-11-30T10:20:00Z");
  guint bins[PULSE_AGENT_ACTIVITY_BINS];

  g_list_store_append (store, t1);
  g_list_store_append (store, t2);
  activity = pulse_agent_activity_new (G_LIST_MODEL (store));
  g_signal_connect (activity, "agent-changed", G_CALLBACK (on_agent_changed_cb), log);
  g_assert_cmpuint (pulse_agent_activity_get_count (activity, "a-1"), ==, 2);

  /* Added: only the new ticket's agent changed; unassigned is ignored. */
  g_list_store_append (store, t3);
  g_list_store_append (store, t4);
  g_assert_cmpstr (log->str, ==, "a-2;");
  g_assert_cmpuint (pulse_agent_activity_get_count (activity, "a-2"), ==, 1);

  /* Reassigned (the list replaces the object): both agents changed. */
  g_string_truncate (log, 0);
  g_list_store_splice (store, 1, 1, (gpointer *) &t2b, 1);
  g_assert_cmpuint (pulse_agent_activity_get_count (activity, "a-1"), ==, 1);
  g_assert_cmpuint (pulse_agent_activity_get_count (activity, "a-2"), ==, 2);
  g_assert_true (strstr (log->str, "a-1;") != NULL && strstr (log->str, "a-2;") != NULL);

  pulse_agent_activity_get_bins (activity, "a-2", now, bins);
  g_assert_cmpuint (bins[22], ==, 2);
  g_assert_cmpuint (bins[23], ==, 0);

  /* Removed: found in the mirror, without asking the list. */
  g_list_store_remove (store, 0);
  g_assert_cmpuint (pulse_agent_activity_get_count (activity, "a-1"), ==, 0);
  pulse_agent_activity_get_bins (activity, "a-1", now, bins);
  g_assert_cmpuint (bins[23], ==, 0);
  g_assert_cmpuint (pulse_agent_activity_get_count (activity, "nobody"), ==, 0);
}

static gboolean
has_read_all (gpointer user_data)
{
  return pulse_agent_activity_get_count (user_data, "a-7") == 600;
}

/* A big list (a snapshot after a reset) is read in idle slices. */
static void
test_activity_in_slices (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PULSE_TYPE_TICKET);
  g_autoptr(PulseAgentActivity) activity = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(PulseTicket) extra = new_ticket ("t-x", "a-7", "2026-11-30T10:10:00Z");
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *id = g_strdup_printf ("t-%u", i);

      g_ptr_array_add (tickets, new_ticket (id, "a-7", "2026-11-30T10:05:00Z"));
    }
  g_list_store_splice (store, 0, 0, tickets->pdata, tickets->len);

  activity = pulse_agent_activity_new (G_LIST_MODEL (store));
  g_signal_connect (activity, "agent-changed", G_CALLBACK (on_agent_changed_cb), log);
  g_assert_cmpuint (pulse_agent_activity_get_count (activity, "a-7"), <, 600);

  /* A live change meanwhile is read at once and not counted twice. */
  g_list_store_insert (store, 0, extra);
  g_list_store_remove (store, 1);
  g_assert_true (pulse_test_wait_for (has_read_all, activity, 10000));
  g_assert_true (strstr (log->str, "a-7;") != NULL);
}

static PulseAgentRow *
new_row (const char *id,
         const char *name,
         const char *email,
         const char *team_id)
{
  g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"version\":1,\"name\":\"%s\","
                                           "\"email\":\"%s\",\"team_id\":\"%s\","
                                           "\"position\":\"agent\",\"status\":\"available\","
                                           "\"status_since\":\"2026-11-30T10:00:00Z\","
                                           "\"channels\":[\"email\",\"chat\"]}",
                                           id, name, email, team_id);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseAgent) agent = pulse_agent_new_from_json (node, &error);

  g_assert_no_error (error);
  return pulse_agent_row_new (agent);
}

static PulseKpiSummary
summary_of (gint64 contacts,
            double first_response,
            double csat)
{
  PulseKpiSummary summary = { 0 };

  summary.contacts = contacts;
  summary.first_response_median_s = first_response;
  summary.handle_time_mean_s = NAN;
  summary.csat = csat;
  summary.qa_score = NAN;
  summary.fcr = NAN;
  summary.repeat_rate = NAN;
  return summary;
}

static guint notified;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  notified++;
}

static void
test_rows (void)
{
  g_autoptr(PulseAgentRow) olena = new_row ("a-1", "Олена Коваленко", "olena@pulse.test", "t-1");
  g_autoptr(PulseAgentRow) ivan = new_row ("a-2", "Іван Петренко", "ivan@pulse.test", "t-2");
  PulseKpiSummary a = summary_of (5, 90, 2.0 / 3.0);
  PulseKpiSummary b = summary_of (3, NAN, NAN);
  gint64 now = at ("2026-11-30T10:04:07Z");

  /* No KPI view yet: an ellipsis, not a zero. */
  assert_text (pulse_agent_row_dup_text (olena, PULSE_AGENT_COLUMN_CONTACTS, now), "…");

  g_signal_connect (olena, "notify::summary", G_CALLBACK (on_notify_cb), NULL);
  g_assert_true (pulse_agent_row_set_summary (olena, &a));
  g_assert_false (pulse_agent_row_set_summary (olena, &a));
  g_assert_cmpuint (notified, ==, 1);
  pulse_agent_row_set_summary (ivan, &b);

  assert_text (pulse_agent_row_dup_text (olena, PULSE_AGENT_COLUMN_CONTACTS, now), "5");
  assert_text (pulse_agent_row_dup_text (olena, PULSE_AGENT_COLUMN_FIRST_RESPONSE, now),
               "1 min 30 s");
  assert_text (pulse_agent_row_dup_text (olena, PULSE_AGENT_COLUMN_CSAT, now), "67 %");
  assert_text (pulse_agent_row_dup_text (ivan, PULSE_AGENT_COLUMN_CSAT, now), "–");
  assert_text (pulse_agent_row_dup_text (olena, PULSE_AGENT_COLUMN_TIME_IN_STATUS, now), "4:07");
  assert_text (pulse_agent_row_dup_text (olena, PULSE_AGENT_COLUMN_STATUS, now), "Available");
  assert_text (pulse_agent_row_dup_text (olena, PULSE_AGENT_COLUMN_CHANNELS, now), "Email, Chat");
  assert_text (pulse_agent_row_dup_text (olena, PULSE_AGENT_COLUMN_TEAM, now), "–");

  /* Order: figures ascending, a missing one first; names by collation. */
  g_assert_cmpint (pulse_agent_row_compare (ivan, olena, PULSE_AGENT_COLUMN_CONTACTS), <, 0);
  g_assert_cmpint (pulse_agent_row_compare (ivan, olena, PULSE_AGENT_COLUMN_FIRST_RESPONSE), <, 0);
  g_assert_cmpint (pulse_agent_row_compare (olena, ivan, PULSE_AGENT_COLUMN_CSAT), >, 0);
  /* "І" (U+0406) sorts before "О" in Ukrainian and in the C collation. */
  g_assert_cmpint (pulse_agent_row_compare (ivan, olena, PULSE_AGENT_COLUMN_NAME), <, 0);
  /* Equal figures fall back to the name: a total order. */
  g_assert_cmpint (pulse_agent_row_compare (ivan, olena, PULSE_AGENT_COLUMN_STATUS), <, 0);
  g_assert_cmpint (pulse_agent_row_compare (olena, olena, PULSE_AGENT_COLUMN_STATUS), ==, 0);

  /* Search is case-insensitive, in the name or the email, within a team. */
  g_assert_true (pulse_agent_row_matches (olena, "олена", NULL));
  g_assert_true (pulse_agent_row_matches (olena, "olena@", NULL));
  g_assert_false (pulse_agent_row_matches (olena, "ivan", NULL));
  g_assert_true (pulse_agent_row_matches (olena, NULL, "t-1"));
  g_assert_false (pulse_agent_row_matches (olena, "олена", "t-2"));
}

static void
test_row_activity (void)
{
  g_autoptr(PulseAgentRow) row = new_row ("a-1", "Lucía Fernández", "lucia@pulse.test", "t-1");
  guint bins[PULSE_AGENT_ACTIVITY_BINS] = { 0 };
  gint64 now = at ("2026-11-30T10:20:00Z");

  assert_text (pulse_agent_row_dup_activity_tooltip (row, now),
               "Contacts per hour over the last 24 hours, by arrival: none");
  bins[3] = 2;
  bins[20] = 4;
  bins[23] = 1;
  g_assert_true (pulse_agent_row_set_bins (row, bins));
  g_assert_false (pulse_agent_row_set_bins (row, bins));
  g_assert_cmpuint (pulse_agent_row_get_bins_total (row), ==, 7);
  /* Bin 20 begins 20 hours after 2026-11-29T11:00Z. */
  assert_text (pulse_agent_row_dup_activity_tooltip (row, now),
               "Contacts per hour over the last 24 hours, by arrival: 7 in all, "
               "at most 4 in the hour from 07:00");
}

static void
test_ticket_text (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"t-1\",\"version\":1,\"queue_id\":\"q-1\",\"channel\":\"chat\","
    "\"subject\":\"s\",\"customer_id\":\"c-1\",\"status\":\"resolved\","
    "\"priority\":\"high\",\"created_at\":\"2026-11-30T09:30:00Z\","
    "\"messages\":[{\"id\":\"m-1\",\"author_kind\":\"customer\","
    "\"at\":\"2026-11-30T09:30:00Z\",\"body\":\"?\"},"
    "{\"id\":\"m-2\",\"author_kind\":\"rule\",\"rule_id\":\"r-1\","
    "\"at\":\"2026-11-30T09:30:01Z\",\"body\":\"auto\"},"
    "{\"id\":\"m-3\",\"author_kind\":\"agent\",\"author_id\":\"a-1\","
    "\"at\":\"2026-11-30T09:33:05Z\",\"body\":\"!\"}],"
    "\"ratings\":[{\"kind\":\"csat\",\"score\":4,\"at\":\"2026-11-30T09:40:00Z\","
    "\"comment\":\"ok\"},{\"kind\":\"nps\",\"score\":9,"
    "\"at\":\"2026-11-30T09:41:00Z\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (node, &error);
  g_autoptr(PulseTicket) bare = new_ticket ("t-2", NULL, "2026-11-30T09:30:00Z");
  const char *icon = NULL;

  g_assert_no_error (error);
  /* The rule's reply does not count: 09:33:05 − 09:30:00. */
  assert_text (pulse_agent_format_first_response (ticket), "3 min 05 s");
  assert_text (pulse_agent_format_first_response (bare), "No human reply yet");
  assert_text (pulse_agent_format_ratings (ticket, FALSE), "CSAT 4/5 · NPS 9/10");
  assert_text (pulse_agent_format_ratings (ticket, TRUE), "CSAT 4/5 — “ok”\nNPS 9/10");
  assert_text (pulse_agent_format_ratings (bare, FALSE), "–");
  assert_text (pulse_agent_format_ratings (bare, TRUE), "Not rated");
  g_assert_cmpstr (pulse_agent_format_priority (pulse_ticket_get_priority (ticket)), ==, "High");
  g_assert_cmpstr (pulse_agent_format_author_kind (PULSE_AUTHOR_KIND_RULE, &icon), ==,
                   "Automation Rule");
  g_assert_cmpstr (icon, ==, "system-run-symbolic");
  g_assert_cmpstr (pulse_agent_format_period_title (NULL), ==, "Figures for Today");
}

static void
test_hired (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"a-1\",\"version\":1,\"name\":\"n\",\"position\":\"agent\","
    "\"status\":\"offline\",\"status_since\":\"2026-11-30T10:00:00Z\","
    "\"hired_at\":\"2026-10-21T00:00:00Z\"}");
  g_autoptr(PulseAgent) agent = pulse_agent_new_from_json (node, NULL);
  g_autoptr(PulseAgent) unknown = pulse_agent_new ("a-2");

  g_assert_nonnull (agent);
  /* 40 days after hiring: still on probation (92 days). */
  assert_text (pulse_agent_format_hired (agent, at ("2026-11-30T10:00:00Z")),
               "October 21, 2026 · newcomer on probation");
  assert_text (pulse_agent_format_hired (agent, at ("2027-03-01T10:00:00Z")), "October 21, 2026");
  assert_text (pulse_agent_format_hired (unknown, at ("2026-11-30T10:00:00Z")), "–");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/agent-format/durations", test_durations);
  g_test_add_func ("/pulse/ui/agent-format/elapsed-and-times", test_elapsed_and_times);
  g_test_add_func ("/pulse/ui/agent-format/labels", test_labels);
  g_test_add_func ("/pulse/ui/agent-format/bins", test_bins);
  g_test_add_func ("/pulse/ui/agent-format/activity-follows-list", test_activity_follows_list);
  g_test_add_func ("/pulse/ui/agent-format/activity-in-slices", test_activity_in_slices);
  g_test_add_func ("/pulse/ui/agent-format/rows", test_rows);
  g_test_add_func ("/pulse/ui/agent-format/row-activity", test_row_activity);
  g_test_add_func ("/pulse/ui/agent-format/ticket-text", test_ticket_text);
  g_test_add_func ("/pulse/ui/agent-format/hired", test_hired);

  return g_test_run ();
}
