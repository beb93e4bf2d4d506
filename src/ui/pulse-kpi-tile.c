/* pulse-kpi-tile.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's headline figures: which, how each is written, what each
 * means (DESIGN.md, Definitions), and how it moved against the previous
 * period. Shares move in percentage points, scores in points, counts and
 * times relatively; each figure knows whether up is better. No GTK.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-format.h"
#include "pulse-kpi-tile.h"

/* Changes smaller than these read as "about the same". */
#define SAME_POINTS 0.5
#define SAME_RELATIVE 0.02

typedef enum
{
  UNIT_COUNT,
  UNIT_SHARE,
  UNIT_SECONDS,
  UNIT_SCORE,
} Unit;

typedef enum
{
  BETTER_NEITHER,
  BETTER_HIGHER,
  BETTER_LOWER,
} Better;

typedef struct
{
  Unit   unit;
  Better better;
  int    digits;
} TileInfo;

static const TileInfo tiles[PULSE_KPI_TILE_N_KINDS] = {
  [PULSE_KPI_TILE_CONTACTS] = { UNIT_COUNT, BETTER_NEITHER, 0 },
  [PULSE_KPI_TILE_SERVICE_LEVEL] = { UNIT_SHARE, BETTER_HIGHER, 0 },
  [PULSE_KPI_TILE_FIRST_RESPONSE] = { UNIT_SECONDS, BETTER_LOWER, 0 },
  [PULSE_KPI_TILE_HANDLE_TIME] = { UNIT_SECONDS, BETTER_LOWER, 0 },
  [PULSE_KPI_TILE_CSAT] = { UNIT_SHARE, BETTER_HIGHER, 0 },
  [PULSE_KPI_TILE_NPS] = { UNIT_SCORE, BETTER_HIGHER, 0 },
  [PULSE_KPI_TILE_CES] = { UNIT_SCORE, BETTER_LOWER, 1 },
  [PULSE_KPI_TILE_FCR] = { UNIT_SHARE, BETTER_HIGHER, 0 },
  [PULSE_KPI_TILE_REPEAT_RATE] = { UNIT_SHARE, BETTER_LOWER, 0 },
  [PULSE_KPI_TILE_AUTOMATION] = { UNIT_SHARE, BETTER_HIGHER, 0 },
  [PULSE_KPI_TILE_PER_APPLICATION] = { UNIT_SCORE, BETTER_LOWER, 2 },
  [PULSE_KPI_TILE_QA_SCORE] = { UNIT_SCORE, BETTER_HIGHER, 1 },
};

/**
 * pulse_kpi_tile_get_title:
 *
 * Returns: (transfer none): the figure's name.
 */
const char *
pulse_kpi_tile_get_title (PulseKpiTileKind kind)
{
  switch (kind)
    {
    case PULSE_KPI_TILE_CONTACTS:
      return _("Contacts");
    case PULSE_KPI_TILE_SERVICE_LEVEL:
      return _("Service level");
    case PULSE_KPI_TILE_FIRST_RESPONSE:
      return _("First response");
    case PULSE_KPI_TILE_HANDLE_TIME:
      return _("Handle time");
    case PULSE_KPI_TILE_CSAT:
      return _("CSAT");
    case PULSE_KPI_TILE_NPS:
      return _("NPS");
    case PULSE_KPI_TILE_CES:
      return _("Customer effort");
    case PULSE_KPI_TILE_FCR:
      return _("First-contact resolution");
    case PULSE_KPI_TILE_REPEAT_RATE:
      return _("Repeat contacts");
    case PULSE_KPI_TILE_AUTOMATION:
      return _("Automated");
    case PULSE_KPI_TILE_PER_APPLICATION:
      return _("Contacts per application");
    case PULSE_KPI_TILE_QA_SCORE:
      return _("QA score");
    case PULSE_KPI_TILE_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pulse_kpi_tile_get_definition:
 *
 * Returns: (transfer none): how the figure is counted, for its tooltip.
 */
const char *
pulse_kpi_tile_get_definition (PulseKpiTileKind kind)
{
  switch (kind)
    {
    case PULSE_KPI_TILE_CONTACTS:
      return _("Contacts created in the period, in every channel.");
    case PULSE_KPI_TILE_SERVICE_LEVEL:
      return _("Share of contacts answered by a person within their queue’s target "
               "(20 s for chat and phone, hours for email). Abandoned contacts count as missed.");
    case PULSE_KPI_TILE_FIRST_RESPONSE:
      return _("Median time to the first reply by a person; bot and rule replies do not "
               "count. The 90th percentile is shown beside it.");
    case PULSE_KPI_TILE_HANDLE_TIME:
      return _("Mean time agents spent handling a contact.");
    case PULSE_KPI_TILE_CSAT:
      return _("Share of 4 and 5 among satisfaction ratings on a 1–5 scale.");
    case PULSE_KPI_TILE_NPS:
      return _("Promoters (9–10) minus detractors (0–6), in percent of NPS answers.");
    case PULSE_KPI_TILE_CES:
      return _("Mean customer-effort score on a 1–7 scale; lower means less effort.");
    case PULSE_KPI_TILE_FCR:
      return _("Share of customers who did not contact support again within 7 days of "
               "their first contact in the period.");
    case PULSE_KPI_TILE_REPEAT_RATE:
      return _("Share of contacts followed by another from the same customer within 7 days.");
    case PULSE_KPI_TILE_AUTOMATION:
      return _("Share of contacts closed by a rule or the bot with no reply by a person.");
    case PULSE_KPI_TILE_PER_APPLICATION:
      return _("Contacts divided by loan applications in the same days.");
    case PULSE_KPI_TILE_QA_SCORE:
      return _("Mean score of the replies graded in quality review; a failed critical "
               "criterion scores 0.");
    case PULSE_KPI_TILE_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pulse_kpi_tile_get_raw:
 * @summary: the period's figures
 *
 * Returns: the figure as a number, NaN when the period has none.
 */
double
pulse_kpi_tile_get_raw (PulseKpiTileKind       kind,
                        const PulseKpiSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NAN);

  switch (kind)
    {
    case PULSE_KPI_TILE_CONTACTS:
      return (double) summary->contacts;
    case PULSE_KPI_TILE_SERVICE_LEVEL:
      return summary->service_level;
    case PULSE_KPI_TILE_FIRST_RESPONSE:
      return summary->first_response_median_s;
    case PULSE_KPI_TILE_HANDLE_TIME:
      return summary->handle_time_mean_s;
    case PULSE_KPI_TILE_CSAT:
      return summary->csat;
    case PULSE_KPI_TILE_NPS:
      return summary->nps;
    case PULSE_KPI_TILE_CES:
      return summary->ces;
    case PULSE_KPI_TILE_FCR:
      return summary->fcr;
    case PULSE_KPI_TILE_REPEAT_RATE:
      return summary->repeat_rate;
    case PULSE_KPI_TILE_AUTOMATION:
      return summary->automation_share;
    case PULSE_KPI_TILE_PER_APPLICATION:
      return summary->interactions_per_application;
    case PULSE_KPI_TILE_QA_SCORE:
      return summary->qa_score;
    case PULSE_KPI_TILE_N_KINDS:
    default:
      g_return_val_if_reached (NAN);
    }
}

static char *
format_value (const TileInfo *info,
              double          value)
{
  switch (info->unit)
    {
    case UNIT_COUNT:
      return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.0f", value);
    case UNIT_SHARE:
      return pulse_format_share (value);
    case UNIT_SECONDS:
      return pulse_format_seconds (value);
    case UNIT_SCORE:
    default:
      return pulse_format_score (value, info->digits);
    }
}

/* The change, signed, in the figure's own terms; *size is its size in
 * points (shares and scores) or as a fraction (counts and times). */
static char *
format_change (const TileInfo *info,
               double          current,
               double          previous,
               double         *size)
{
  const char *arrow = current > previous ? "▲" : current < previous ? "▼" : "=";

  if (info->unit == UNIT_SHARE || info->unit == UNIT_SCORE)
    {
      double points = (current - previous) * (info->unit == UNIT_SHARE ? 100.0 : 1.0);

      *size = fabs (points);
      /* Translators: a change in percentage points or score points against the previous
       * period, e.g. "▲ 3.5 pts" */
      return g_strdup_printf (_("%s %.*f pts"), arrow,
                              info->unit == UNIT_SHARE ? 0 : MAX (1, info->digits), fabs (points));
    }

  if (previous == 0)
    {
      *size = current == 0 ? 0 : INFINITY;
      return g_strdup_printf ("%s", arrow);
    }

  *size = fabs (current - previous) / previous;
  /* Translators: a relative change against the previous period, e.g. "▼ 12 %" */
  return g_strdup_printf (_("%s %.0f %%"), arrow, *size * 100.0);
}

static PulseStatTrend
judge (const TileInfo *info,
       double          current,
       double          previous,
       double          size)
{
  double same = info->unit == UNIT_SHARE || info->unit == UNIT_SCORE ? SAME_POINTS : SAME_RELATIVE;

  if (size < same)
    return PULSE_STAT_TREND_SAME;
  if (info->better == BETTER_NEITHER)
    return PULSE_STAT_TREND_NONE;
  if ((current > previous) == (info->better == BETTER_HIGHER))
    return PULSE_STAT_TREND_BETTER;

  return PULSE_STAT_TREND_WORSE;
}

/**
 * pulse_kpi_tile_compute:
 * @current: the period's figures
 * @previous: (nullable): the previous period's, or %NULL for no
 *   comparison
 * @figure: (out caller-allocates): what the tile shows
 *
 * Writes the figure and its change. Without a previous figure the
 * caption is left empty, except first response, which shows its 90th
 * percentile there.
 */
void
pulse_kpi_tile_compute (PulseKpiTileKind       kind,
                        const PulseKpiSummary *current,
                        const PulseKpiSummary *previous,
                        PulseKpiTileFigure    *figure)
{
  const TileInfo *info;
  double now, before, size = 0;

  g_return_if_fail (kind < PULSE_KPI_TILE_N_KINDS);
  g_return_if_fail (current != NULL);
  g_return_if_fail (figure != NULL);

  info = &tiles[kind];
  now = pulse_kpi_tile_get_raw (kind, current);
  before = previous != NULL ? pulse_kpi_tile_get_raw (kind, previous) : NAN;
  figure->value = format_value (info, now);
  figure->caption = NULL;
  figure->trend = PULSE_STAT_TREND_NONE;

  if (!isnan (now) && !isnan (before))
    {
      g_autofree char *change = format_change (info, now, before, &size);

      figure->trend = judge (info, now, before, size);
      /* Translators: a figure's change and what it is against, e.g. "▲ 3 pts vs before" */
      figure->caption = g_strdup_printf (_("%s vs before"), change);
    }

  if (kind == PULSE_KPI_TILE_FIRST_RESPONSE && !isnan (current->first_response_p90_s))
    {
      g_autofree char *p90 = pulse_format_seconds (current->first_response_p90_s);
      g_autofree char *change = g_steal_pointer (&figure->caption);

      /* Translators: the 90th percentile of first response, e.g. "p90 3 min 10 s" */
      figure->caption = change != NULL ? g_strdup_printf (_("%s · p90 %s"), change, p90)
                                       : g_strdup_printf (_("p90 %s"), p90);
    }
}

void
pulse_kpi_tile_figure_clear (PulseKpiTileFigure *figure)
{
  g_clear_pointer (&figure->value, g_free);
  g_clear_pointer (&figure->caption, g_free);
  figure->trend = PULSE_STAT_TREND_NONE;
}
