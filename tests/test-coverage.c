/* test-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shift coverage in core: which model and defaults a queue plans with,
 * the agents an interval needs, which agents serve a queue, and the
 * checks on a request. Expected figures are worked out in the comments.
 */

#include "config.h"

#include <math.h>

#include "pulse-coverage.h"
#include "pulse-erlang.h"
#include "pulse-error.h"
#include "pulse-forecast-interval.h"
#include "pulse-test-coverage.h"

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
    { "1970-01-01T00:00:00Z", "1970-01-01T01:00:00Z", 0.3, 0, "from: must be after 1970" },
    { "9999-12-31T00:00:00Z", "9999-12-31T23:59:59Z", 0.3, 0, "to: must be on a 30-minute" },
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
  g_test_add_func ("/pulse/core/coverage/request-check", test_request_check);

  return g_test_run ();
}
