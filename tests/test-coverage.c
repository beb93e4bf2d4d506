/* test-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shift coverage in core: the staffing plan of a queue, time on the line
 * from shifts and status history, and whole computations on hand-made
 * histories whose figures are worked out in the comments.
 */

#include "config.h"

#include <math.h>

#include "pulse-agent.h"
#include "pulse-coverage-presence.h"
#include "pulse-coverage.h"
#include "pulse-erlang.h"
#include "pulse-error.h"
#include "pulse-forecast-interval.h"
#include "pulse-json.h"
#include "pulse-queue.h"
#include "pulse-shift.h"
#include "pulse-test-util.h"

#define MINUTE PULSE_USEC_PER_MINUTE
#define HOUR   PULSE_USEC_PER_HOUR
#define WEEK   PULSE_FORECAST_WEEK_USEC

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static PulseQueue *
make_queue (const char *id,
            const char *channel,
            const char *extra)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"version\":1,\"name\":\"%s\",\"channel\":\"%s\",\"country\":\"UA\","
    "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8%s}",
    id, id, channel, extra != NULL ? extra : "");
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseQueue *queue = pulse_queue_new_from_json (node, &error);

  g_assert_no_error (error);
  return queue;
}

static PulseAgent *
make_agent (const char *id,
            const char *channels,
            const char *languages,
            const char *team)
{
  g_autofree char *team_member = team != NULL ? g_strdup_printf (",\"team_id\":\"%s\"", team)
                                              : g_strdup ("");
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"version\":1,\"name\":\"%s\",\"position\":\"agent\",\"status\":\"offline\","
    "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[%s],\"languages\":[%s]%s}",
    id, id, channels, languages, team_member);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseAgent *agent = pulse_agent_new_from_json (node, &error);

  g_assert_no_error (error);
  return agent;
}

static PulseShift *
make_shift (const char     *agent_id,
            PulseShiftKind  kind,
            const char     *starts_at,
            const char     *ends_at,
            const char     *break_start,
            const char     *break_end)
{
  PulseShift *shift = pulse_shift_new ("s", agent_id);

  pulse_shift_set_kind (shift, kind);
  pulse_shift_set_starts_at (shift, at (starts_at));
  pulse_shift_set_ends_at (shift, at (ends_at));
  if (break_start != NULL)
    {
      PulseShiftBreak pause = { at (break_start), at (break_end) };

      pulse_shift_set_breaks (shift, &pause, 1);
    }

  return shift;
}

static void
test_plan_models (void)
{
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(PulseQueue) patient = make_queue ("q-a", "phone", ",\"patience_seconds\":90");
  g_autoptr(PulseQueue) mail = make_queue ("q-mail", "email", NULL);
  g_autoptr(PulseQueue) slow_chat = make_queue ("q-chat", "chat", NULL);
  g_autoptr(PulseQueue) perfect = make_queue ("q-100", "chat", NULL);
  PulseCoveragePlan plan;

  pulse_queue_set_sl_target_seconds (slow_chat, 1800);
  pulse_queue_set_sl_goal (perfect, 1.0);

  pulse_coverage_plan_init (&plan, phone, 0.3, 0);
  g_assert_cmpint (plan.model, ==, PULSE_COVERAGE_MODEL_ERLANG_C);
  g_assert_cmpuint (plan.concurrency, ==, 1);
  g_assert_cmpfloat (plan.default_handle_s, ==, 300);
  g_assert_cmpfloat (plan.goal, ==, 0.8);
  g_assert_cmpfloat (plan.target_s, ==, 20);

  pulse_coverage_plan_init (&plan, phone, 0.3, 0.9);
  g_assert_cmpfloat (plan.goal, ==, 0.9);

  pulse_coverage_plan_init (&plan, patient, 0.3, 0);
  g_assert_cmpint (plan.model, ==, PULSE_COVERAGE_MODEL_ERLANG_A);
  g_assert_cmpfloat (plan.patience_s, ==, 90);

  pulse_coverage_plan_init (&plan, mail, 0.3, 0);
  g_assert_cmpint (plan.model, ==, PULSE_COVERAGE_MODEL_WORKLOAD);
  g_assert_cmpfloat (plan.default_handle_s, ==, 480);
  g_assert_cmpstr (pulse_coverage_model_to_string (plan.model), ==, "workload");

  /* A 30-minute target is a backlog whatever the channel. */
  pulse_coverage_plan_init (&plan, slow_chat, 0.3, 0);
  g_assert_cmpint (plan.model, ==, PULSE_COVERAGE_MODEL_WORKLOAD);
  g_assert_cmpuint (plan.concurrency, ==, 2);

  pulse_coverage_plan_init (&plan, perfect, 0.3, 0);
  g_assert_cmpfloat (plan.goal, ==, PULSE_COVERAGE_MAX_GOAL);
}

static void
test_channel_defaults (void)
{
  static const struct
  {
    PulseChannelKind channel;
    guint            concurrency;
    double           handle_s;
  } cases[] = {
    { PULSE_CHANNEL_KIND_EMAIL, 1, 480 },
    { PULSE_CHANNEL_KIND_CHAT, 2, 600 },
    { PULSE_CHANNEL_KIND_TELEGRAM, 2, 600 },
    { PULSE_CHANNEL_KIND_VIBER, 2, 600 },
    { PULSE_CHANNEL_KIND_WHATSAPP, 2, 600 },
    { PULSE_CHANNEL_KIND_PHONE, 1, 300 },
    { PULSE_CHANNEL_KIND_SOCIAL, 2, 600 },
    { PULSE_CHANNEL_KIND_IN_APP, 2, 600 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpuint (pulse_coverage_channel_concurrency (cases[i].channel), ==,
                        cases[i].concurrency);
      g_assert_cmpfloat (pulse_coverage_channel_handle_seconds (cases[i].channel), ==,
                         cases[i].handle_s);
    }
}

/* DESIGN.md's case: 100 calls in 30 minutes at 180 s is a load of 10
 * Erlangs; 80 % in 20 s needs 14 on the line (Erlang C: 13 agents give
 * 79.6 %, 14 give 88.8 %), and 14 / 0.7 = 20 scheduled. */
static void
test_staff_erlang_c (void)
{
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(PulseQueue) chat = make_queue ("q-chat", "chat", NULL);
  PulseCoverageStaffing staffing;
  PulseCoveragePlan plan;

  pulse_coverage_plan_init (&plan, phone, 0.3, 0);
  pulse_coverage_plan_staff (&plan, 100, 180, &staffing);
  g_assert_cmpuint (staffing.required, ==, 14);
  g_assert_cmpuint (staffing.required_with_shrinkage, ==, 20);
  g_assert_cmpfloat (staffing.handle_s, ==, 180);
  g_assert_false (staffing.handle_clamped);
  g_assert_false (staffing.capped);

  /* 4 calls at 450 s: 1 Erlang. 2 agents answer 68.1 % within 20 s,
   * 3 agents 91.7 %: 3, and ⌈3 / 0.7⌉ = 5. */
  pulse_coverage_plan_staff (&plan, 4, 450, &staffing);
  g_assert_cmpuint (staffing.required, ==, 3);
  g_assert_cmpuint (staffing.required_with_shrinkage, ==, 5);

  /* Nothing forecast, no one needed. */
  pulse_coverage_plan_staff (&plan, 0, 450, &staffing);
  g_assert_cmpuint (staffing.required, ==, 0);
  g_assert_cmpuint (staffing.required_with_shrinkage, ==, 0);

  /* Two chats at once: the 14 slots of the same load are 7 agents. */
  pulse_coverage_plan_init (&plan, chat, 0, 0);
  pulse_coverage_plan_staff (&plan, 100, 180, &staffing);
  g_assert_cmpuint (staffing.required, ==, 7);
  g_assert_cmpuint (staffing.required_with_shrinkage, ==, 7);
}

/* With patience known, Erlang A: customers who give up shorten the queue,
 * so fewer agents reach the same goal than Erlang C says. */
static void
test_staff_erlang_a (void)
{
  g_autoptr(PulseQueue) patient = make_queue ("q-a", "phone", ",\"patience_seconds\":60");
  PulseErlangRequest request = { 100, 1800, 180, 20, 0.8, 0.3, 1, 60 };
  PulseErlangStaffing expected;
  PulseCoverageStaffing staffing;
  PulseCoveragePlan plan;

  g_assert_true (pulse_erlang_required_agents (&request, &expected, NULL));
  pulse_coverage_plan_init (&plan, patient, 0.3, 0);
  pulse_coverage_plan_staff (&plan, 100, 180, &staffing);
  g_assert_cmpuint (staffing.required, ==, expected.required);
  g_assert_cmpuint (staffing.required, <, 14);
}

/* E-mail: 30 in 30 minutes at 480 s is 8 Erlangs of work; at 85 %
 * occupancy 9.41 agents, so 10, and ⌈10 / 0.7⌉ = 15. */
static void
test_staff_workload (void)
{
  g_autoptr(PulseQueue) mail = make_queue ("q-mail", "email", NULL);
  PulseCoverageStaffing staffing;
  PulseCoveragePlan plan;

  pulse_coverage_plan_init (&plan, mail, 0.3, 0);
  pulse_coverage_plan_staff (&plan, 30, 480, &staffing);
  g_assert_cmpuint (staffing.required, ==, 10);
  g_assert_cmpuint (staffing.required_with_shrinkage, ==, 15);

  /* Exactly 17 Erlangs at 85 %: 20 agents, not 21 from rounding. */
  pulse_coverage_plan_staff (&plan, 127.5, 240, &staffing);
  g_assert_cmpuint (staffing.required, ==, 20);
}

static void
test_staff_handle_bounds (void)
{
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  PulseCoverageStaffing staffing;
  PulseCoveragePlan plan;

  pulse_coverage_plan_init (&plan, phone, 0.3, 0);

  /* Unknown: the phone default of 300 s; 6 calls are 1 Erlang again. */
  pulse_coverage_plan_staff (&plan, 6, -1, &staffing);
  g_assert_cmpfloat (staffing.handle_s, ==, 300);
  g_assert_false (staffing.handle_clamped);
  g_assert_cmpuint (staffing.required, ==, 3);

  /* Contacts all handled in 0 s still need a positive handle time. */
  pulse_coverage_plan_staff (&plan, 6, 0, &staffing);
  g_assert_cmpfloat (staffing.handle_s, ==, 1);
  g_assert_true (staffing.handle_clamped);

  pulse_coverage_plan_staff (&plan, 1, 200000, &staffing);
  g_assert_cmpfloat (staffing.handle_s, ==, 86400);
  g_assert_true (staffing.handle_clamped);

  /* Beyond any staffing: cut to what an interval can carry. */
  pulse_coverage_plan_staff (&plan, 1e6, 86400, &staffing);
  g_assert_true (staffing.capped);
  g_assert_cmpuint (staffing.required, ==, PULSE_FORECAST_INTERVAL_MAX_AGENTS);
  g_assert_cmpuint (staffing.required_with_shrinkage, ==, PULSE_FORECAST_INTERVAL_MAX_AGENTS);
}

static void
test_language_matches (void)
{
  static const struct
  {
    const char *spoken;
    const char *wanted;
    gboolean    matches;
  } cases[] = {
    { "uk", "uk", TRUE },
    { "pt", "pt-br", TRUE },
    { "pt-br", "pt", TRUE },
    { "pt-br", "pt-br", TRUE },
    { "pt-pt", "pt-br", FALSE },
    { "uk", "ru", FALSE },
    { "u", "uk", FALSE },
    { "ukr", "uk", FALSE },
    { "zh-hant", "zh-hans", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (pulse_coverage_language_matches (cases[i].spoken, cases[i].wanted), ==,
                     cases[i].matches);
}

static void
test_agent_serves (void)
{
  g_autoptr(PulseQueue) open = make_queue ("q-open", "chat", NULL);
  g_autoptr(PulseQueue) team = make_queue ("q-team", "chat", ",\"team_id\":\"team-ua\"");
  g_autoptr(PulseAgent) chat_uk = make_agent ("a1", "\"chat\"", "\"en\",\"uk\"", NULL);
  g_autoptr(PulseAgent) chat_uk_team = make_agent ("a2", "\"chat\"", "\"uk\"", "team-ua");
  g_autoptr(PulseAgent) chat_uk_other = make_agent ("a3", "\"chat\"", "\"uk\"", "team-pl");
  g_autoptr(PulseAgent) phone_uk = make_agent ("a4", "\"phone\"", "\"uk\"", "team-ua");
  g_autoptr(PulseAgent) chat_pl = make_agent ("a5", "\"chat\"", "\"pl\"", "team-ua");
  g_autoptr(PulseAgent) no_languages = make_agent ("a6", "\"chat\"", "", "team-ua");

  g_assert_true (pulse_coverage_agent_serves (chat_uk, open));
  g_assert_false (pulse_coverage_agent_serves (chat_uk, team));
  g_assert_true (pulse_coverage_agent_serves (chat_uk_team, team));
  g_assert_true (pulse_coverage_agent_serves (chat_uk_team, open));
  g_assert_false (pulse_coverage_agent_serves (chat_uk_other, team));
  g_assert_false (pulse_coverage_agent_serves (phone_uk, team));
  g_assert_false (pulse_coverage_agent_serves (chat_pl, team));
  g_assert_false (pulse_coverage_agent_serves (no_languages, team));
}

/* 09:00–13:00 with a 10:00–10:15 break; a second work shift 12:00–14:00
 * overlaps the first (counted once) and an absence 13:30–14:00 removes
 * its last half hour. From 09:00, eleven intervals. */
static void
test_shift_time (void)
{
  g_autoptr(PulseShift) morning = make_shift ("a", PULSE_SHIFT_KIND_WORK,
                                              "2026-11-16T09:00:00Z", "2026-11-16T13:00:00Z",
                                              "2026-11-16T10:00:00Z", "2026-11-16T10:15:00Z");
  g_autoptr(PulseShift) extra = make_shift ("a", PULSE_SHIFT_KIND_WORK, "2026-11-16T12:00:00Z",
                                            "2026-11-16T14:00:00Z", NULL, NULL);
  g_autoptr(PulseShift) doctor = make_shift ("a", PULSE_SHIFT_KIND_ABSENCE,
                                             "2026-11-16T13:30:00Z", "2026-11-16T14:00:00Z",
                                             NULL, NULL);
  g_autoptr(PulseShift) late = make_shift ("a", PULSE_SHIFT_KIND_WORK, "2026-11-16T13:40:00Z",
                                           "2026-11-16T16:00:00Z", NULL, NULL);
  PulseShift *shifts[] = { extra, doctor, morning };
  const gint64 expected[11] = { 30, 30, 15, 30, 30, 30, 30, 30, 30, 0, 0 };
  gint64 usec[11] = { 0 };

  pulse_coverage_add_shift_time (shifts, G_N_ELEMENTS (shifts), at ("2026-11-16T09:00:00Z"),
                                 11, usec);
  for (guint i = 0; i < 11; i++)
    g_assert_cmpint (usec[i], ==, expected[i] * MINUTE);

  /* Starting at 13:40 inside the absence: on the line from 14:00 on. */
  memset (usec, 0, sizeof usec);
  shifts[0] = doctor;
  shifts[1] = late;
  pulse_coverage_add_shift_time (shifts, 2, at ("2026-11-16T09:00:00Z"), 11, usec);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpint (usec[i], ==, 0);
  g_assert_cmpint (usec[10], ==, 30 * MINUTE);

  /* Starting at 13:40 with nothing in the way: 20 minutes of 13:30. */
  memset (usec, 0, sizeof usec);
  pulse_coverage_add_shift_time (&late, 1, at ("2026-11-16T13:30:00Z"), 2, usec);
  g_assert_cmpint (usec[0], ==, 20 * MINUTE);
  g_assert_cmpint (usec[1], ==, 30 * MINUTE);

  /* Training is off the line. */
  memset (usec, 0, sizeof usec);
  pulse_shift_set_kind (late, PULSE_SHIFT_KIND_TRAINING);
  pulse_coverage_add_shift_time (&late, 1, at ("2026-11-16T13:30:00Z"), 2, usec);
  g_assert_cmpint (usec[0] + usec[1], ==, 0);
}

static void
test_status_time (void)
{
  const PulseCoverageStatus history[] = {
    { at ("2026-11-16T08:00:00Z"), PULSE_AGENT_STATUS_AVAILABLE },
    { at ("2026-11-16T10:00:00Z"), PULSE_AGENT_STATUS_BREAK },
    { at ("2026-11-16T10:15:00Z"), PULSE_AGENT_STATUS_BUSY },
    { at ("2026-11-16T10:35:00Z"), PULSE_AGENT_STATUS_AFTER_CALL },
    { at ("2026-11-16T10:40:00Z"), PULSE_AGENT_STATUS_OFFLINE },
    { at ("2026-11-16T10:50:00Z"), PULSE_AGENT_STATUS_AWAY },
  };
  gint64 usec[4] = { 0 };

  /* 09:00 and 09:30 whole; 10:00: 10:15–10:30; 10:30: 10:30–10:40. */
  pulse_coverage_add_status_time (history, G_N_ELEMENTS (history), at ("2026-11-16T09:00:00Z"),
                                  at ("2026-11-16T11:00:00Z"), 4, usec);
  g_assert_cmpint (usec[0], ==, 30 * MINUTE);
  g_assert_cmpint (usec[1], ==, 30 * MINUTE);
  g_assert_cmpint (usec[2], ==, 15 * MINUTE);
  g_assert_cmpint (usec[3], ==, 10 * MINUTE);

  /* Known only until 10:20: the current interval has 5 minutes so far. */
  memset (usec, 0, sizeof usec);
  pulse_coverage_add_status_time (history, G_N_ELEMENTS (history), at ("2026-11-16T09:00:00Z"),
                                  at ("2026-11-16T10:20:00Z"), 3, usec);
  g_assert_cmpint (usec[2], ==, 5 * MINUTE);

  g_assert_true (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_AVAILABLE));
  g_assert_true (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_BUSY));
  g_assert_true (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_AFTER_CALL));
  g_assert_false (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_BREAK));
  g_assert_false (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_AWAY));
  g_assert_false (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_OFFLINE));
}

static void
test_agents_from_usec (void)
{
  g_assert_cmpuint (pulse_coverage_agents_from_usec (0, 30 * MINUTE), ==, 0);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (15 * MINUTE, 30 * MINUTE), ==, 1);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (15 * MINUTE - 1, 30 * MINUTE), ==, 0);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (45 * MINUTE, 30 * MINUTE), ==, 2);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (4 * 20 * MINUTE, 30 * MINUTE), ==, 3);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (7, 7), ==, 1);
}

static void
test_request_check (void)
{
  static const struct
  {
    const char *from;
    const char *to;
    double      shrinkage;
    double      goal;
    const char *message;
  } cases[] = {
    { "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", 0.3, 0, NULL },
    { "2026-11-16T10:00:00Z", "2027-01-11T10:00:00Z", 0.0, 0.95, NULL },
    { "2026-11-16T10:15:00Z", "2026-11-16T11:00:00Z", 0.3, 0, "from: must be on a 30-minute" },
    { "2026-11-16T10:00:00Z", "2026-11-16T10:00:00Z", 0.3, 0, "to: must be after from" },
    { "2026-11-16T10:00:00Z", "2026-11-16T09:00:00Z", 0.3, 0, "to: must be after from" },
    { "2026-11-16T10:00:00Z", "2026-11-16T10:45:00Z", 0.3, 0, "to: must be on a 30-minute" },
    { "2026-11-16T10:00:00Z", "2027-01-11T10:30:00Z", 0.3, 0, "to: must be at most 8 weeks" },
    { "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", -0.1, 0, "shrinkage: must be 0 or" },
    { "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", 1.0, 0, "shrinkage: must be 0 or" },
    { "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", NAN, 0, "shrinkage: must be 0 or" },
    { "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", 0.3, 1.0, "goal: must be above 0" },
    { "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", 0.3, -0.5, "goal: must be above 0" },
    { "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", 0.3, NAN, "goal: must be above 0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PulseCoverageRequest request = {
        at (cases[i].from), at (cases[i].to), at ("2026-12-01T00:00:00Z"),
        cases[i].shrinkage, cases[i].goal,
      };
      g_autoptr(GError) error = NULL;
      gboolean ok = pulse_coverage_request_check (&request, &error);

      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
    }
}

/* Six Mondays of history, 100 calls of 180 s each in 10:00–10:30 and
 * none in 10:30–11:00 (the queue had other calls, so that is a real 0). */
static void
add_constant_history (PulseCoverage *coverage,
                      const char    *queue_id,
                      gint64         monday_10)
{
  for (guint week = 1; week <= 6; week++)
    {
      gint64 start = monday_10 - week * WEEK;

      for (guint c = 0; c < 100; c++)
        g_assert_true (pulse_coverage_add_contact (coverage, queue_id, start + c * 18 * 1000000,
                                                   180));
      g_assert_true (pulse_coverage_add_contact (coverage, queue_id, start + 2 * HOUR, 180));
    }
}

static PulseForecastInterval *
interval_of (GPtrArray *queues,
             guint      queue,
             guint      index)
{
  PulseCoverageQueue *entry = queues->pdata[queue];

  g_assert_cmpuint (index, <, entry->intervals->len);
  return entry->intervals->pdata[index];
}

static PulseCoverage *
coverage_new (const char *from,
              const char *to,
              const char *now)
{
  PulseCoverageRequest request = { at (from), at (to), at (now), 0.3, 0 };

  return pulse_coverage_new (&request);
}

static void
add_people (PulseCoverage *coverage)
{
  g_autoptr(PulseAgent) a1 = make_agent ("a1", "\"phone\"", "\"uk\"", NULL);
  g_autoptr(PulseAgent) a2 = make_agent ("a2", "\"phone\",\"chat\"", "\"uk\"", NULL);
  g_autoptr(PulseAgent) a3 = make_agent ("a3", "\"chat\"", "\"uk\"", NULL);
  g_autoptr(PulseShift) s1 = make_shift ("a1", PULSE_SHIFT_KIND_WORK, "2026-11-16T09:00:00Z",
                                         "2026-11-16T13:00:00Z", "2026-11-16T10:00:00Z",
                                         "2026-11-16T10:15:00Z");
  g_autoptr(PulseShift) s2 = make_shift ("a2", PULSE_SHIFT_KIND_WORK, "2026-11-16T10:00:00Z",
                                         "2026-11-16T12:00:00Z", NULL, NULL);
  g_autoptr(PulseShift) s3 = make_shift ("a3", PULSE_SHIFT_KIND_WORK, "2026-11-16T08:00:00Z",
                                         "2026-11-16T16:00:00Z", NULL, NULL);

  pulse_coverage_add_agent (coverage, a1);
  pulse_coverage_add_agent (coverage, a2);
  pulse_coverage_add_agent (coverage, a3);
  pulse_coverage_add_shift (coverage, s1);
  pulse_coverage_add_shift (coverage, s2);
  pulse_coverage_add_shift (coverage, s3);

  /* a1 09:00 available, 10:00 break, 10:15 back; a2 in at 10:10 and
   * online but for 10:50–11:00; a3 (chat only) online all along. */
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T10:40:00Z"),
                             PULSE_AGENT_STATUS_AFTER_CALL);
  pulse_coverage_add_status (coverage, "a1", at ("2026-11-16T09:00:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
  pulse_coverage_add_status (coverage, "a1", at ("2026-11-16T10:00:00Z"),
                             PULSE_AGENT_STATUS_BREAK);
  pulse_coverage_add_status (coverage, "a1", at ("2026-11-16T10:15:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T10:10:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T10:20:00Z"),
                             PULSE_AGENT_STATUS_BUSY);
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T10:50:00Z"),
                             PULSE_AGENT_STATUS_OFFLINE);
  pulse_coverage_add_status (coverage, "a3", at ("2026-11-16T08:00:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
}

static void
assert_flags (PulseForecastInterval *interval,
              const char            *expected)
{
  g_autofree char *flags = g_strjoinv (",", (GStrv) pulse_forecast_interval_get_flags (interval));

  g_assert_cmpstr (flags, ==, expected);
}

/* Ahead of time: the forecast is the mean of six equal Mondays, 100 at
 * 180 s → 14 and 20 (DESIGN.md's case); 10:30 had none → 0, its handle
 * time the queue's mean (under 20 handled calls of its own). A queue with
 * no history forecasts 0 with the phone default of 300 s. Scheduled:
 * 10:00 a1 half (break) + a2 whole = 1.5 → 2; 10:30 both whole = 2; a3
 * takes no calls. Nothing has happened yet, so no actuals or online. */
static void
test_compute_ahead (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-11-16T00:00:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(PulseQueue) fresh = make_queue ("q-fresh", "phone", NULL);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  PulseForecastInterval *interval;

  pulse_coverage_add_queue (coverage, phone);
  pulse_coverage_add_queue (coverage, fresh);
  add_people (coverage);
  add_constant_history (coverage, "q-phone", at ("2026-11-16T10:00:00Z"));
  g_assert_false (pulse_coverage_add_contact (coverage, "q-other", at ("2026-11-09T10:00:00Z"),
                                              60));
  g_assert_cmpint (pulse_coverage_get_history_from (coverage), ==, at ("2026-10-05T00:00:00Z"));
  g_assert_cmpint (pulse_coverage_get_until (coverage), ==, at ("2026-11-16T00:00:00Z"));

  queues = pulse_coverage_compute (coverage, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queues->len, ==, 2);
  g_assert_cmpuint (((PulseCoverageQueue *) queues->pdata[0])->n_agents, ==, 2);
  g_assert_cmpuint (((PulseCoverageQueue *) queues->pdata[1])->n_agents, ==, 2);

  interval = interval_of (queues, 0, 0);
  g_assert_cmpfloat_with_epsilon (pulse_forecast_interval_get_forecast_arrivals (interval), 100,
                                  1e-9);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (interval), ==, 180);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 14);
  g_assert_cmpint (pulse_forecast_interval_get_required_with_shrinkage (interval), ==, 20);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 2);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, -1);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, -1);
  assert_flags (interval, "");

  interval = interval_of (queues, 0, 1);
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 0);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (interval), ==, 180);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 0);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 2);
  assert_flags (interval, "handle-fallback");

  /* The same agents count for the second queue: per queue, not pooled. */
  interval = interval_of (queues, 1, 0);
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 0);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (interval), ==, 300);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 2);
  assert_flags (interval, "no-history,no-handle");
}

static void
add_actuals (PulseCoverage *coverage)
{
  /* 90 calls in 10:00–10:30 (one every 20 s), 3 in 10:30–11:00. */
  for (guint c = 0; c < 90; c++)
    g_assert_true (pulse_coverage_add_contact (coverage, "q-phone",
                                               at ("2026-11-16T10:00:00Z") + c * 20 * 1000000,
                                               -1));
  for (guint c = 0; c < 3; c++)
    g_assert_true (pulse_coverage_add_contact (coverage, "q-phone",
                                               at ("2026-11-16T10:40:00Z") + c * MINUTE, -1));
}

/* Afterwards: the forecast is still the one made before (100, not the 90
 * that came), beside the actuals. Online: 10:00 a1 15 min + a2 20 min =
 * 35/30 → 1; 10:30 a1 30 + a2 20 (offline at 10:50) = 50/30 → 2. */
static void
test_compute_past (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-12-01T08:00:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  PulseForecastInterval *interval;

  pulse_coverage_add_queue (coverage, phone);
  add_people (coverage);
  add_constant_history (coverage, "q-phone", at ("2026-11-16T10:00:00Z"));
  add_actuals (coverage);
  g_assert_cmpint (pulse_coverage_get_history_from (coverage), ==, at ("2026-10-05T10:00:00Z"));
  g_assert_cmpint (pulse_coverage_get_until (coverage), ==, at ("2026-11-16T11:00:00Z"));

  queues = pulse_coverage_compute (coverage, NULL, &error);
  g_assert_no_error (error);

  interval = interval_of (queues, 0, 0);
  g_assert_cmpfloat_with_epsilon (pulse_forecast_interval_get_forecast_arrivals (interval), 100,
                                  1e-9);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 14);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, 90);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 2);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 1);

  interval = interval_of (queues, 0, 1);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, 3);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 2);
}

/* At 10:20 the first interval is under way: 20 minutes measured, a1 5
 * and a2 10 of them online (15/20 → 1), 60 of the calls in so far; the
 * second has not started. */
static void
test_compute_current (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-11-16T10:20:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  PulseForecastInterval *interval;

  pulse_coverage_add_queue (coverage, phone);
  add_people (coverage);
  add_constant_history (coverage, "q-phone", at ("2026-11-16T10:00:00Z"));
  for (guint c = 0; c < 60; c++)
    g_assert_true (pulse_coverage_add_contact (coverage, "q-phone",
                                               at ("2026-11-16T10:00:00Z") + c * 20 * 1000000,
                                               -1));
  g_assert_cmpint (pulse_coverage_get_until (coverage), ==, at ("2026-11-16T10:20:00Z"));

  queues = pulse_coverage_compute (coverage, NULL, &error);
  g_assert_no_error (error);

  interval = interval_of (queues, 0, 0);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, 60);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 1);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 14);

  interval = interval_of (queues, 0, 1);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, -1);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, -1);
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 0);
}

/* An interval starting exactly now has started: online is who is online
 * at that instant (a1 on break, a2 not in yet, so 0), no call yet. */
static void
test_compute_starting_now (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-11-16T10:00:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  PulseForecastInterval *interval;

  pulse_coverage_add_queue (coverage, phone);
  add_people (coverage);
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T09:59:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
  g_assert_cmpint (pulse_coverage_get_until (coverage), ==, at ("2026-11-16T10:00:00Z") + 1);

  queues = pulse_coverage_compute (coverage, NULL, &error);
  g_assert_no_error (error);
  interval = interval_of (queues, 0, 0);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, 0);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 1);
  interval = interval_of (queues, 0, 1);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, -1);
}

static void
test_compute_cancelled (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-11-16T00:00:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;

  pulse_coverage_add_queue (coverage, phone);
  g_cancellable_cancel (cancellable);
  queues = pulse_coverage_compute (coverage, cancellable, &error);
  g_assert_null (queues);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_to_json (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T10:30:00Z",
                                                    "2026-12-01T08:00:00Z");
  g_autoptr(PulseQueue) mail = make_queue ("q-mail", "email", NULL);
  g_autoptr(PulseQueue) patient = make_queue ("q-a", "phone", ",\"patience_seconds\":60");
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autofree char *text = NULL;

  pulse_coverage_add_queue (coverage, mail);
  pulse_coverage_add_queue (coverage, patient);
  queues = pulse_coverage_compute (coverage, NULL, NULL);
  node = pulse_coverage_to_json (coverage, queues);
  text = pulse_json_to_string (node);

  /* Compared as JSON: the writer spells 0.3 with 17 digits. */
  expected = pulse_test_parse (
    "{\"from\":\"2026-11-16T10:00:00Z\",\"to\":\"2026-11-16T10:30:00Z\","
    "\"as_of\":\"2026-12-01T08:00:00Z\",\"shrinkage\":0.3,\"queues\":["
    "{\"queue_id\":\"q-mail\",\"name\":\"q-mail\",\"channel\":\"email\","
    "\"model\":\"workload\",\"sl_target_seconds\":20,\"sl_goal\":0.8,\"occupancy\":0.85,"
    "\"concurrency\":1,\"agents\":0,\"intervals\":[{\"queue_id\":\"q-mail\","
    "\"starts_at\":\"2026-11-16T10:00:00Z\",\"forecast_arrivals\":0.0,"
    "\"actual_arrivals\":0,\"handle_time_seconds\":480.0,\"required\":0,"
    "\"required_with_shrinkage\":0,\"scheduled\":0,\"online\":0,"
    "\"flags\":[\"no-history\",\"no-handle\"]}]},"
    "{\"queue_id\":\"q-a\",\"name\":\"q-a\",\"channel\":\"phone\",\"model\":\"erlang-a\","
    "\"sl_target_seconds\":20,\"sl_goal\":0.8,\"patience_seconds\":60,\"concurrency\":1,"
    "\"agents\":0,\"intervals\":[{\"queue_id\":\"q-a\","
    "\"starts_at\":\"2026-11-16T10:00:00Z\",\"forecast_arrivals\":0.0,"
    "\"actual_arrivals\":0,\"handle_time_seconds\":300.0,\"required\":0,"
    "\"required_with_shrinkage\":0,\"scheduled\":0,\"online\":0,"
    "\"flags\":[\"no-history\",\"no-handle\"]}]}]}");
  if (!json_node_equal (expected, node))
    g_error ("unexpected document: %s", text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/coverage/plan-models", test_plan_models);
  g_test_add_func ("/pulse/core/coverage/channel-defaults", test_channel_defaults);
  g_test_add_func ("/pulse/core/coverage/staff-erlang-c", test_staff_erlang_c);
  g_test_add_func ("/pulse/core/coverage/staff-erlang-a", test_staff_erlang_a);
  g_test_add_func ("/pulse/core/coverage/staff-workload", test_staff_workload);
  g_test_add_func ("/pulse/core/coverage/staff-handle-bounds", test_staff_handle_bounds);
  g_test_add_func ("/pulse/core/coverage/language-matches", test_language_matches);
  g_test_add_func ("/pulse/core/coverage/agent-serves", test_agent_serves);
  g_test_add_func ("/pulse/core/coverage/shift-time", test_shift_time);
  g_test_add_func ("/pulse/core/coverage/status-time", test_status_time);
  g_test_add_func ("/pulse/core/coverage/agents-from-usec", test_agents_from_usec);
  g_test_add_func ("/pulse/core/coverage/request-check", test_request_check);
  g_test_add_func ("/pulse/core/coverage/compute-ahead", test_compute_ahead);
  g_test_add_func ("/pulse/core/coverage/compute-past", test_compute_past);
  g_test_add_func ("/pulse/core/coverage/compute-current", test_compute_current);
  g_test_add_func ("/pulse/core/coverage/compute-starting-now", test_compute_starting_now);
  g_test_add_func ("/pulse/core/coverage/compute-cancelled", test_compute_cancelled);
  g_test_add_func ("/pulse/core/coverage/to-json", test_to_json);

  return g_test_run ();
}
