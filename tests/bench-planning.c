/* bench-planning.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-planning [--runs N]
 *
 * What one planning interaction costs on the Shifts page at DESIGN.md's
 * scale: a week (336 intervals) of 40 queues, a third of them chat with a
 * known patience (Erlang A), a sixth email (workload), the rest phone
 * (Erlang C); 200 agents on 5/2 shifts in their own time zones. Measured:
 * a what-if change (every interval staffed again), a shift moved (every
 * queue's scheduled agents counted again), and the totals and gap and
 * surplus lists the page then shows. Figures are printed, never asserted.
 * The page staffs in a worker thread, so only the other two steps and
 * drawing run on the main thread.
 */

#include "config.h"

#include <math.h>

#include "pulse-agent.h"
#include "pulse-coverage-report.h"
#include "pulse-json.h"
#include "pulse-planning.h"
#include "pulse-queue.h"
#include "pulse-shift-pattern.h"
#include "pulse-shift.h"
#include "pulse-time-utils.h"

#define N_QUEUES    40
#define N_AGENTS    200
#define N_INTERVALS (7 * 48)

static const char * const languages[] = { "uk", "es", "pl", "en" };
static const char * const zones[] = { "Europe/Kyiv", "Europe/Madrid", "Europe/Warsaw", "UTC" };

static const char *
channel_of (guint q)
{
  return q % 6 == 5 ? "email" : q % 3 == 1 ? "chat" : "phone";
}

/* A day curve: a couple of contacts at night, up to 40 a half hour at
 * the peak for the busiest queues. */
static double
arrivals_at (guint q,
             guint i)
{
  double hour = (i % 48) / 2.0;
  double day = pow (sin (G_PI * CLAMP (hour - 7, 0, 14) / 14), 2);

  return 2 + 38 * day * (1 + q % 3) / 3;
}

static PulseCoverageReport *
make_report (gint64 from)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *from_text = pulse_time_format (from);
  g_autofree char *to_text = pulse_time_format (from + N_INTERVALS * 30 * PULSE_USEC_PER_MINUTE);
  g_autoptr(JsonNode) node = NULL;

  g_string_append_printf (json, "{\"from\":\"%s\",\"to\":\"%s\",\"as_of\":\"%s\","
                          "\"shrinkage\":0.3,\"queues\":[", from_text, to_text, from_text);
  for (guint q = 0; q < N_QUEUES; q++)
    {
      g_string_append_printf (json, "%s{\"queue_id\":\"q-%02u\",\"name\":\"Q%u\","
                              "\"channel\":\"%s\",\"model\":\"erlang-c\","
                              "\"sl_target_seconds\":20,\"sl_goal\":0.8,\"concurrency\":1,"
                              "\"agents\":5,\"intervals\":[",
                              q > 0 ? "," : "", q, q, channel_of (q));
      for (guint i = 0; i < N_INTERVALS; i++)
        {
          g_autofree char *at = pulse_time_format (from + i * 30 * PULSE_USEC_PER_MINUTE);

          g_string_append_printf (json, "%s{\"queue_id\":\"q-%02u\",\"starts_at\":\"%s\","
                                  "\"forecast_arrivals\":%.2f,\"actual_arrivals\":null,"
                                  "\"handle_time_seconds\":%u,\"required\":0,"
                                  "\"required_with_shrinkage\":0,\"scheduled\":0,"
                                  "\"online\":null,\"flags\":[]}",
                                  i > 0 ? "," : "", q, at, arrivals_at (q, i),
                                  180 + 60 * (q % 5));
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}");

  node = pulse_json_parse (json->str, -1, NULL);
  return pulse_coverage_report_new_from_json (node, NULL);
}

static GPtrArray *
make_queues (void)
{
  GPtrArray *queues = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint q = 0; q < N_QUEUES; q++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\":\"q-%02u\",\"version\":1,\"name\":\"Q%u\",\"channel\":\"%s\","
        "\"country\":\"UA\",\"language\":\"%s\",\"sl_target_seconds\":%d,\"sl_goal\":0.8%s}",
        q, q, channel_of (q), languages[q % G_N_ELEMENTS (languages)],
        g_str_equal (channel_of (q), "email") ? 3600 : 20,
        g_str_equal (channel_of (q), "chat") ? ",\"patience_seconds\":240" : "");
      g_autoptr(JsonNode) node = pulse_json_parse (json, -1, NULL);

      g_ptr_array_add (queues, pulse_queue_new_from_json (node, NULL));
    }

  return queues;
}

static GPtrArray *
make_agents (void)
{
  GPtrArray *agents = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint a = 0; a < N_AGENTS; a++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\":\"a-%03u\",\"version\":1,\"name\":\"A%u\",\"position\":\"agent\","
        "\"status\":\"offline\",\"status_since\":\"2026-11-01T00:00:00Z\","
        "\"channels\":[\"phone\",\"chat\"%s],\"languages\":[\"%s\"],\"timezone\":\"%s\"}",
        a, a, a % 4 == 0 ? ",\"email\"" : "", languages[a % G_N_ELEMENTS (languages)],
        zones[a % G_N_ELEMENTS (zones)]);
      g_autoptr(JsonNode) node = pulse_json_parse (json, -1, NULL);

      g_ptr_array_add (agents, pulse_agent_new_from_json (node, NULL));
    }

  return agents;
}

/* Everyone on 5/2, staggered so that every day is covered. */
static GPtrArray *
make_shifts (GPtrArray *agents)
{
  GPtrArray *shifts = g_ptr_array_new_with_free_func (g_object_unref);
  GDate *monday = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);
  PulseShiftPattern pattern;

  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_5_2);
  for (guint a = 0; a < agents->len; a++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[a % G_N_ELEMENTS (zones)]);
      g_autoptr(GPtrArray) mine = pulse_shift_pattern_expand (&pattern, "x", tz, monday, 7,
                                                              a % 7, NULL);

      for (guint s = 0; s < mine->len; s++)
        {
          g_autoptr(JsonNode) node = pulse_shift_to_json (mine->pdata[s]);
          JsonObject *object = json_node_get_object (node);
          g_autoptr(JsonNode) copy = NULL;

          json_object_set_string_member (object, "agent_id",
                                         pulse_agent_get_id (agents->pdata[a]));
          copy = json_node_copy (node);
          g_ptr_array_add (shifts, pulse_shift_new_from_json (copy, NULL));
        }
    }
  g_date_free (monday);

  return shifts;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report_line (const char *what,
             GArray     *ms)
{
  g_array_sort (ms, compare_doubles);
  g_print ("| %-44s | %7.2f | %7.2f | %7.2f |\n", what, g_array_index (ms, double, 0),
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  int runs = 21;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions of each step", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) queues = make_queues ();
  g_autoptr(GPtrArray) agents = make_agents ();
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(PulseCoverageReport) report = NULL;
  g_autoptr(PulsePlanning) planning = NULL;
  g_autoptr(GArray) whatif_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shifts_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lists_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 from = 0;
  guint n_gaps = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL) || runs < 1)
    return 2;

  g_assert_true (pulse_time_parse ("2026-12-07T00:00:00Z", &from));
  report = make_report (from);
  shifts = make_shifts (agents);
  planning = pulse_planning_new (report, (PulseQueue * const *) queues->pdata, queues->len);

  for (int r = 0; r < runs; r++)
    {
      /* What a planner steps through: ±10 % forecast, the goal on and
       * off, shrinkage a point up or down. */
      static const double multipliers[] = { 1.0, 1.1, 1.2, 0.9 };
      PulsePlanningWhatIf whatif = { r % 2 ? 0.9 : 0, multipliers[r % 4],
                                     0.29 + (r % 3) * 0.01 };
      PulseShift *moved = shifts->pdata[r % shifts->len];
      PulsePlanningCell total;
      g_autoptr(GArray) gaps = NULL;
      g_autoptr(GArray) surpluses = NULL;
      gint64 start;
      double ms;

      start = g_get_monotonic_time ();
      pulse_planning_set_whatif (planning, &whatif);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (whatif_ms, ms);

      pulse_shift_set_starts_at (moved, pulse_shift_get_starts_at (moved) + PULSE_USEC_PER_HOUR);
      start = g_get_monotonic_time ();
      pulse_planning_set_shifts (planning, (PulseAgent * const *) agents->pdata, agents->len,
                                 (PulseShift * const *) shifts->pdata, shifts->len);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (shifts_ms, ms);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < N_INTERVALS; i++)
        pulse_planning_get_total (planning, i, &total);
      gaps = pulse_planning_dup_runs (planning, TRUE);
      surpluses = pulse_planning_dup_runs (planning, FALSE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (lists_ms, ms);
      n_gaps = gaps->len;
    }

  g_print ("Planning a week of %u queues x %u intervals, %u agents, %u shifts, %d runs\n",
           N_QUEUES, N_INTERVALS, N_AGENTS, shifts->len, runs);
  g_print ("| %-44s | %7s | %7s | %7s |\n", "step", "min ms", "p50 ms", "max ms");
  report_line ("what-if: staff every interval again", whatif_ms);
  report_line ("shift moved: scheduled agents again", shifts_ms);
  report_line ("totals, gaps and surpluses", lists_ms);
  /* Sorted by report_line(): the medians, for tools/bench-table.py. */
  g_print ("BENCH planning.whatif %.2f ms\n", g_array_index (whatif_ms, double,
                                                             whatif_ms->len / 2));
  g_print ("BENCH planning.shift_moved %.2f ms\n", g_array_index (shifts_ms, double,
                                                                  shifts_ms->len / 2));
  g_print ("(%u gaps in the last run)\n", n_gaps);

  return 0;
}
