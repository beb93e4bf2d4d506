/* test-kpi-groups.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a #PulseKpi splits contacts and reviews into groups, follows lookup
 * changes, and answers as JSON.
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-kpi.h"
#include "pulse-review-sample.h"
#include "pulse-test-kpi.h"
#include "pulse-test-util.h"

#define LATER AT (DAYS (30))

static PulseKpi *
make_kpi (PulseKpiGroup group)
{
  PulseKpi *kpi = pulse_kpi_new (group, AT (0), AT (DAYS (7)));

  pulse_kpi_set_queue (kpi, "q-ua-chat", "UA", 20);
  pulse_kpi_set_queue (kpi, "q-ua-mail", "UA", 3600);
  pulse_kpi_set_queue (kpi, "q-pl-mail", "PL", 3600);
  pulse_kpi_set_queue (kpi, "q-nowhere", NULL, 60);
  pulse_kpi_set_agent_team (kpi, "agent-1", "team-x");
  pulse_kpi_set_agent_team (kpi, "agent-2", "team-y");
  return kpi;
}

/* Five contacts: two of agent-1 (UA chat, UA mail), one of agent-2 (PL
 * mail), one of agent-3 (no team; a queue with no country), one
 * unassigned (UA chat). */
static void
add_five (PulseKpi *kpi)
{
  static const struct {
    const char *id, *queue, *agent; PulseChannelKind channel;
  } rows[] = {
    { "t1", "q-ua-chat", "agent-1", PULSE_CHANNEL_KIND_CHAT },
    { "t2", "q-ua-mail", "agent-1", PULSE_CHANNEL_KIND_EMAIL },
    { "t3", "q-pl-mail", "agent-2", PULSE_CHANNEL_KIND_EMAIL },
    { "t4", "q-nowhere", "agent-3", PULSE_CHANNEL_KIND_PHONE },
    { "t5", "q-ua-chat", NULL, PULSE_CHANNEL_KIND_CHAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      PulseKpiContact contact = pulse_test_kpi_contact (rows[i].id, rows[i].id, 3600 * i);

      contact.queue_id = rows[i].queue;
      contact.assignee_id = rows[i].agent;
      contact.channel = rows[i].channel;
      pulse_test_kpi_add (kpi, &contact);
    }
}

static void
assert_groups (PulseKpi           *kpi,
               const char * const *keys,
               const gint64       *contacts,
               gint64              ungrouped)
{
  g_auto(GStrv) found = pulse_kpi_dup_keys (kpi);
  g_autoptr(PulseKpiSummary) rest = pulse_kpi_dup_ungrouped (kpi, LATER);
  g_autoptr(PulseKpiSummary) total = pulse_kpi_dup_summary (kpi, NULL, LATER);

  g_assert_cmpstrv (found, keys);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(PulseKpiSummary) summary = pulse_kpi_dup_summary (kpi, keys[i], LATER);

      g_assert_cmpint (summary->contacts, ==, contacts[i]);
    }
  g_assert_cmpint (rest->contacts, ==, ungrouped);
  g_assert_cmpint (total->contacts, ==, 5);
}

static void
test_by_agent (void)
{
  g_autoptr(PulseKpi) kpi = make_kpi (PULSE_KPI_GROUP_AGENT);
  const char * const keys[] = { "agent-1", "agent-2", "agent-3", NULL };
  const gint64 contacts[] = { 2, 1, 1 };

  add_five (kpi);
  assert_groups (kpi, keys, contacts, 1);
}

/* agent-3 has no team. Moving agent-2 to team-x after the fact moves its
 * contact, and team-y, now empty, goes. */
static void
test_by_team (void)
{
  g_autoptr(PulseKpi) kpi = make_kpi (PULSE_KPI_GROUP_TEAM);
  const char * const before[] = { "team-x", "team-y", NULL };
  const gint64 before_contacts[] = { 2, 1 };
  const char * const after[] = { "team-x", NULL };
  const gint64 after_contacts[] = { 3 };

  add_five (kpi);
  assert_groups (kpi, before, before_contacts, 2);
  pulse_kpi_set_agent_team (kpi, "agent-2", "team-x");
  assert_groups (kpi, after, after_contacts, 2);
}

static void
test_by_queue_and_channel (void)
{
  g_autoptr(PulseKpi) queues = make_kpi (PULSE_KPI_GROUP_QUEUE);
  g_autoptr(PulseKpi) channels = make_kpi (PULSE_KPI_GROUP_CHANNEL);
  const char * const queue_keys[] = { "q-nowhere", "q-pl-mail", "q-ua-chat", "q-ua-mail", NULL };
  const gint64 queue_contacts[] = { 1, 1, 2, 1 };
  const char * const channel_keys[] = { "chat", "email", "phone", NULL };
  const gint64 channel_contacts[] = { 2, 2, 1 };

  add_five (queues);
  assert_groups (queues, queue_keys, queue_contacts, 0);
  add_five (channels);
  assert_groups (channels, channel_keys, channel_contacts, 0);
}

/* The queue without a country is ungrouped; giving q-pl-mail the country
 * UA afterwards moves its contact. */
static void
test_by_country (void)
{
  g_autoptr(PulseKpi) kpi = make_kpi (PULSE_KPI_GROUP_COUNTRY);
  const char * const before[] = { "PL", "UA", NULL };
  const gint64 before_contacts[] = { 1, 3 };
  const char * const after[] = { "UA", NULL };
  const gint64 after_contacts[] = { 4 };

  add_five (kpi);
  assert_groups (kpi, before, before_contacts, 1);
  pulse_kpi_set_queue (kpi, "q-pl-mail", "UA", 3600);
  assert_groups (kpi, after, after_contacts, 1);
}

/* A reply after 30 s misses a 20 s target; once the queue's target is
 * 60 s, the same contact meets it. */
static void
test_target_change (void)
{
  g_autoptr(PulseKpi) kpi = make_kpi (PULSE_KPI_GROUP_NONE);
  g_autoptr(PulseKpiSummary) strict = NULL;
  g_autoptr(PulseKpiSummary) relaxed = NULL;
  PulseKpiContact contact = pulse_test_kpi_contact ("t", "c", 100);

  contact.queue_id = "q-ua-chat";
  contact.first_response_at = contact.created_at + 30 * G_USEC_PER_SEC;
  pulse_test_kpi_add (kpi, &contact);
  strict = pulse_kpi_dup_summary (kpi, NULL, LATER);
  assert_figure (strict->service_level, 0.0);

  pulse_kpi_set_queue (kpi, "q-ua-chat", "UA", 60);
  relaxed = pulse_kpi_dup_summary (kpi, NULL, LATER);
  assert_figure (relaxed->service_level, 1.0);
}

/* An hour's target (3.6e9 µs, beyond 32 bits): a reply after 50 minutes
 * meets it, one after 67 minutes does not. SL = 1 / 2. */
static void
test_email_target (void)
{
  g_autoptr(PulseKpi) kpi = make_kpi (PULSE_KPI_GROUP_NONE);
  g_autoptr(PulseKpiSummary) summary = NULL;
  PulseKpiContact quick = pulse_test_kpi_contact ("quick", "c1", 100);
  PulseKpiContact slow = pulse_test_kpi_contact ("slow", "c2", 200);

  quick.queue_id = "q-ua-mail";
  quick.first_response_at = quick.created_at + G_GINT64_CONSTANT (3000) * G_USEC_PER_SEC;
  slow.queue_id = "q-ua-mail";
  slow.first_response_at = slow.created_at + G_GINT64_CONSTANT (4000) * G_USEC_PER_SEC;
  pulse_test_kpi_add (kpi, &quick);
  pulse_test_kpi_add (kpi, &slow);

  summary = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (summary->sl_contacts, ==, 2);
  assert_figure (summary->service_level, 0.5);
  assert_figure (summary->first_response_median_s, 3500.0);
}

/* The customer's first contact (day 1) went to agent-1, the repeat (day 3)
 * to agent-2: FCR counts the customer once, under agent-1, as not
 * resolved; agent-2 has no FCR customer. The repeat rate is per contact:
 * agent-1 1/1, agent-2 0/1. */
static void
test_fcr_attribution (void)
{
  g_autoptr(PulseKpi) kpi = make_kpi (PULSE_KPI_GROUP_AGENT);
  g_autoptr(PulseKpiSummary) first = NULL;
  g_autoptr(PulseKpiSummary) second = NULL;
  PulseKpiContact a = pulse_test_kpi_contact ("a", "cust", DAYS (1));
  PulseKpiContact b = pulse_test_kpi_contact ("b", "cust", DAYS (3));

  a.assignee_id = "agent-1";
  b.assignee_id = "agent-2";
  pulse_test_kpi_add (kpi, &b);
  pulse_test_kpi_add (kpi, &a);

  first = pulse_kpi_dup_summary (kpi, "agent-1", LATER);
  second = pulse_kpi_dup_summary (kpi, "agent-2", LATER);
  g_assert_cmpint (first->fcr_customers, ==, 1);
  assert_figure (first->fcr, 0.0);
  assert_figure (first->repeat_rate, 1.0);
  g_assert_cmpint (second->fcr_customers, ==, 0);
  g_assert_true (isnan (second->fcr));
  assert_figure (second->repeat_rate, 0.0);
}

static PulseReviewSample *
make_review (const char *id,
             const char *ticket_id,
             const char *agent_id,
             const char *status,
             double      score,
             const char *created_at)
{
  g_autofree char *json = NULL;
  g_autofree char *score_part = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  PulseReviewSample *sample;
  gboolean submitted = g_str_equal (status, "submitted");

  score_part = submitted ? g_strdup_printf (",\"score\":%.2f,\"submitted_at\":\"%s\"",
                                            score, "2026-12-30T00:00:00Z")
                         : g_strdup ("");
  json = g_strdup_printf ("{\"id\":\"%s\",\"version\":1,\"ticket_id\":\"%s\",\"message_id\":\"m\","
                          "\"agent_id\":\"%s\",\"scorecard_id\":\"sc\",\"scorecard_version\":1,"
                          "\"reason\":\"random\",\"status\":\"%s\",\"created_at\":\"%s\"%s}",
                          id, ticket_id, agent_id, status, created_at, score_part);
  node = pulse_test_parse (json);
  sample = pulse_review_sample_new_from_json (node, &error);
  g_assert_no_error (error);
  return sample;
}

static void
add_review (PulseKpi   *kpi,
            const char *id,
            const char *ticket_id,
            const char *agent_id,
            const char *status,
            double      score,
            const char *created_at)
{
  g_autoptr(PulseReviewSample) sample = make_review (id, ticket_id, agent_id, status, score,
                                                     created_at);

  pulse_kpi_add_review (kpi, sample);
}

/* Submitted in the window: 80 and 90.5 for agent-1, 62.25 for agent-2;
 * a draft and a review created after the window do not count.
 * agent-1: 85.25; total: (80 + 90.5 + 62.25) / 3 = 77.5833. Re-scoring
 * the 62.25 as 70.25: total 80.25. Taking it out: agent-2 goes. */
static void
test_reviews_by_agent (void)
{
  g_autoptr(PulseKpi) kpi = make_kpi (PULSE_KPI_GROUP_AGENT);
  g_autoptr(PulseKpiSummary) agent = NULL;
  g_autoptr(PulseKpiSummary) total = NULL;
  g_autoptr(PulseKpiSummary) rescored = NULL;
  g_auto(GStrv) keys = NULL;

  add_review (kpi, "r1", "t1", "agent-1", "submitted", 80, "2026-11-02T10:00:00Z");
  add_review (kpi, "r2", "t2", "agent-1", "submitted", 90.5, "2026-11-03T10:00:00Z");
  add_review (kpi, "r3", "t3", "agent-2", "submitted", 62.25, "2026-11-04T10:00:00Z");
  add_review (kpi, "r4", "t4", "agent-1", "draft", 0, "2026-11-04T10:00:00Z");
  add_review (kpi, "r5", "t5", "agent-1", "submitted", 10, "2026-11-12T10:00:00Z");

  agent = pulse_kpi_dup_summary (kpi, "agent-1", LATER);
  g_assert_cmpint (agent->reviews, ==, 2);
  assert_figure (agent->qa_score, 85.25);
  total = pulse_kpi_dup_summary (kpi, NULL, LATER);
  assert_figure (total->qa_score, (80 + 90.5 + 62.25) / 3);

  add_review (kpi, "r3", "t3", "agent-2", "submitted", 70.25, "2026-11-04T10:00:00Z");
  rescored = pulse_kpi_dup_summary (kpi, NULL, LATER);
  g_assert_cmpint (rescored->reviews, ==, 3);
  assert_figure (rescored->qa_score, 80.25);

  g_assert_true (pulse_kpi_remove_review (kpi, "r3"));
  g_assert_false (pulse_kpi_remove_review (kpi, "r4"));
  keys = pulse_kpi_dup_keys (kpi);
  g_assert_cmpstrv (keys, ((const char * const []) { "agent-1", NULL }));
}

/* By queue a review follows its ticket: ungrouped until the ticket is
 * added, then in the ticket's queue, ungrouped again once it goes. */
static void
test_reviews_follow_ticket (void)
{
  g_autoptr(PulseKpi) kpi = make_kpi (PULSE_KPI_GROUP_QUEUE);
  g_autoptr(PulseKpiSummary) loose = NULL;
  g_autoptr(PulseKpiSummary) queue = NULL;
  g_autoptr(PulseKpiSummary) back = NULL;
  g_auto(GStrv) keys = NULL;
  PulseKpiContact contact = pulse_test_kpi_contact ("t1", "c", 100);

  add_review (kpi, "r1", "t1", "agent-1", "submitted", 75, "2026-11-02T10:00:00Z");
  loose = pulse_kpi_dup_ungrouped (kpi, LATER);
  assert_figure (loose->qa_score, 75.0);

  contact.queue_id = "q-pl-mail";
  pulse_test_kpi_add (kpi, &contact);
  queue = pulse_kpi_dup_summary (kpi, "q-pl-mail", LATER);
  assert_figure (queue->qa_score, 75.0);
  g_assert_cmpint (queue->contacts, ==, 1);

  g_assert_true (pulse_kpi_remove_ticket (kpi, "t1"));
  back = pulse_kpi_dup_ungrouped (kpi, LATER);
  assert_figure (back->qa_score, 75.0);
  keys = pulse_kpi_dup_keys (kpi);
  g_assert_cmpuint (g_strv_length (keys), ==, 0);
}

/* The /metrics answer for the five contacts by agent. */
static void
test_to_json (void)
{
  g_autoptr(PulseKpi) kpi = make_kpi (PULSE_KPI_GROUP_AGENT);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *groups;
  JsonObject *first;

  add_five (kpi);
  pulse_kpi_set_applications (kpi, NULL, 10);
  node = pulse_kpi_to_json (kpi, LATER);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "group"), ==, "agent");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "total"),
                                               "contacts"), ==, 5);
  assert_figure (json_object_get_double_member (json_object_get_object_member (root, "total"),
                                                "interactions_per_application"), 0.5);
  groups = json_object_get_array_member (root, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 3);
  first = json_array_get_object_element (groups, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "key"), ==, "agent-1");
  g_assert_cmpint (json_object_get_int_member (first, "contacts"), ==, 2);
  g_assert_true (json_object_get_null_member (first, "csat"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "ungrouped"),
                                               "contacts"), ==, 1);

  g_assert_cmpstr (pulse_enum_to_nick (PULSE_TYPE_KPI_GROUP, PULSE_KPI_GROUP_COUNTRY), ==,
                   "country");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/kpi-groups/by-agent", test_by_agent);
  g_test_add_func ("/pulse/core/kpi-groups/by-team", test_by_team);
  g_test_add_func ("/pulse/core/kpi-groups/by-queue-and-channel", test_by_queue_and_channel);
  g_test_add_func ("/pulse/core/kpi-groups/by-country", test_by_country);
  g_test_add_func ("/pulse/core/kpi-groups/target-change", test_target_change);
  g_test_add_func ("/pulse/core/kpi-groups/email-target", test_email_target);
  g_test_add_func ("/pulse/core/kpi-groups/fcr-attribution", test_fcr_attribution);
  g_test_add_func ("/pulse/core/kpi-groups/reviews-by-agent", test_reviews_by_agent);
  g_test_add_func ("/pulse/core/kpi-groups/reviews-follow-ticket", test_reviews_follow_ticket);
  g_test_add_func ("/pulse/core/kpi-groups/to-json", test_to_json);

  return g_test_run ();
}
