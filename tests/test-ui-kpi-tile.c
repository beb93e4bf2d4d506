/* test-ui-kpi-tile.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's headline figures against hand-written expectations:
 * how each is written, how it moved, and whether that is for the better.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pulse-kpi-tile.h"

static PulseKpiSummary
empty_summary (void)
{
  PulseKpiSummary summary = { 0 };

  summary.first_response_median_s = summary.first_response_p90_s = NAN;
  summary.handle_time_mean_s = summary.handle_time_median_s = NAN;
  summary.service_level = summary.csat = summary.nps = summary.ces = NAN;
  summary.fcr = summary.repeat_rate = summary.automation_share = NAN;
  summary.interactions_per_application = summary.qa_score = NAN;
  return summary;
}

static void
assert_figure (PulseKpiTileKind       kind,
               const PulseKpiSummary *current,
               const PulseKpiSummary *previous,
               const char            *value,
               const char            *caption,
               PulseStatTrend         trend)
{
  g_auto(PulseKpiTileFigure) figure = { NULL };

  pulse_kpi_tile_compute (kind, current, previous, &figure);
  g_assert_cmpstr (figure.value, ==, value);
  g_assert_cmpstr (figure.caption, ==, caption);
  g_assert_cmpint (figure.trend, ==, trend);
}

static void
test_changes (void)
{
  PulseKpiSummary now = empty_summary (), before = empty_summary ();

  now.contacts = 1150;
  before.contacts = 1000;
  now.service_level = 0.84;
  before.service_level = 0.80;
  now.first_response_median_s = 42;
  before.first_response_median_s = 30;
  now.first_response_p90_s = 190;
  now.nps = 31.0;
  before.nps = 28.5;
  now.ces = 2.3;
  before.ces = 2.31;
  now.repeat_rate = 0.12;
  before.repeat_rate = 0.10;

  /* Counts move relatively and are neither good nor bad. */
  assert_figure (PULSE_KPI_TILE_CONTACTS, &now, &before, "1150", "▲ 15 % vs before",
                 PULSE_STAT_TREND_NONE);
  /* Shares move in points: 80 % → 84 % is 4 points up, for the better. */
  assert_figure (PULSE_KPI_TILE_SERVICE_LEVEL, &now, &before, "84 %", "▲ 4 pts vs before",
                 PULSE_STAT_TREND_BETTER);
  /* A slower first reply (30 s → 42 s, +40 %) is worse; p90 beside it. */
  assert_figure (PULSE_KPI_TILE_FIRST_RESPONSE, &now, &before, "42 s",
                 "▲ 40 % vs before · p90 3 min 10 s", PULSE_STAT_TREND_WORSE);
  assert_figure (PULSE_KPI_TILE_NPS, &now, &before, "31", "▲ 2.5 pts vs before",
                 PULSE_STAT_TREND_BETTER);
  /* 2.31 → 2.3 is below half a point: about the same. */
  assert_figure (PULSE_KPI_TILE_CES, &now, &before, "2.3", "▼ 0.0 pts vs before",
                 PULSE_STAT_TREND_SAME);
  /* More repeats is worse. */
  assert_figure (PULSE_KPI_TILE_REPEAT_RATE, &now, &before, "12 %", "▲ 2 pts vs before",
                 PULSE_STAT_TREND_WORSE);
}

static void
test_no_figures (void)
{
  PulseKpiSummary now = empty_summary (), before = empty_summary ();

  now.first_response_p90_s = 75;
  before.csat = 0.7;

  /* No previous period: no change, but the p90 still shows. */
  assert_figure (PULSE_KPI_TILE_FIRST_RESPONSE, &now, NULL, "–", "p90 1 min 15 s",
                 PULSE_STAT_TREND_NONE);
  /* Nothing rated now: an en dash, not 0 %, and no change. */
  assert_figure (PULSE_KPI_TILE_CSAT, &now, &before, "–", NULL, PULSE_STAT_TREND_NONE);
  /* From zero contacts: the arrow alone. */
  now.contacts = 5;
  before.contacts = 0;
  assert_figure (PULSE_KPI_TILE_CONTACTS, &now, &before, "5", "▲ vs before",
                 PULSE_STAT_TREND_NONE);
}

static void
test_every_kind (void)
{
  for (PulseKpiTileKind kind = 0; kind < PULSE_KPI_TILE_N_KINDS; kind++)
    {
      g_assert_nonnull (pulse_kpi_tile_get_title (kind));
      g_assert_cmpuint (strlen (pulse_kpi_tile_get_definition (kind)), >, 20);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/kpi-tile/changes", test_changes);
  g_test_add_func ("/pulse/ui/kpi-tile/no-figures", test_no_figures);
  g_test_add_func ("/pulse/ui/kpi-tile/every-kind", test_every_kind);

  return g_test_run ();
}
