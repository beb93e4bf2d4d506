/* pulse-agent-row-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseAgentRow's columns: the text of each cell and the order of each
 * column's sort, from the row's public getters only.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-agent-format.h"
#include "pulse-format.h"
#include "pulse-agent-row.h"

/* What is shown while there is no KPI view yet (the cache is opening). */
#define LOADING "…"

/* Missing figures (NAN) sort before every figure, so ascending and
 * descending both keep them together at one end. */
static int
compare_doubles (double a,
                 double b)
{
  if (isnan (a) && isnan (b))
    return 0;
  if (isnan (a) || isnan (b))
    return isnan (a) ? -1 : 1;

  return (a > b) - (a < b);
}

static double
kpi_value (PulseAgentRow    *self,
           PulseAgentColumn  column)
{
  const PulseKpiSummary *summary = pulse_agent_row_get_summary (self);

  if (summary == NULL)
    return NAN;

  switch (column)
    {
    case PULSE_AGENT_COLUMN_CONTACTS: return (double) summary->contacts;
    case PULSE_AGENT_COLUMN_FIRST_RESPONSE: return summary->first_response_median_s;
    case PULSE_AGENT_COLUMN_HANDLE_TIME: return summary->handle_time_mean_s;
    case PULSE_AGENT_COLUMN_CSAT: return summary->csat;
    case PULSE_AGENT_COLUMN_QA_SCORE: return summary->qa_score;
    case PULSE_AGENT_COLUMN_FCR: return summary->fcr;
    case PULSE_AGENT_COLUMN_REPEAT_RATE: return summary->repeat_rate;
    default: return NAN;
    }
}

/* Who can take a contact first: available, then busy … offline last. */
static int
status_rank (PulseAgentStatus status)
{
  static const int ranks[] = {
    [PULSE_AGENT_STATUS_AVAILABLE] = 0,
    [PULSE_AGENT_STATUS_BUSY] = 1,
    [PULSE_AGENT_STATUS_AFTER_CALL] = 2,
    [PULSE_AGENT_STATUS_BREAK] = 3,
    [PULSE_AGENT_STATUS_AWAY] = 4,
    [PULSE_AGENT_STATUS_OFFLINE] = 5,
  };

  return (guint) status < G_N_ELEMENTS (ranks) ? ranks[status] : 6;
}

static int
count_bits (guint set)
{
  int n = 0;

  for (; set != 0; set &= set - 1)
    n++;

  return n;
}

static int
compare_strings (const char *a,
                 const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  return g_utf8_collate (a, b);
}

static int
compare_column (PulseAgentRow    *a,
                PulseAgentRow    *b,
                PulseAgentColumn  column)
{
  PulseAgent *agent_a = pulse_agent_row_get_agent (a);
  PulseAgent *agent_b = pulse_agent_row_get_agent (b);

  switch (column)
    {
    case PULSE_AGENT_COLUMN_NAME:
      return 0;
    case PULSE_AGENT_COLUMN_TEAM:
      return compare_strings (pulse_agent_row_get_team_name (a),
                              pulse_agent_row_get_team_name (b));
    case PULSE_AGENT_COLUMN_STATUS:
      if (status_rank (pulse_agent_get_status (agent_a))
          != status_rank (pulse_agent_get_status (agent_b)))
        return status_rank (pulse_agent_get_status (agent_a))
               - status_rank (pulse_agent_get_status (agent_b));
      return compare_column (a, b, PULSE_AGENT_COLUMN_TIME_IN_STATUS);
    case PULSE_AGENT_COLUMN_TIME_IN_STATUS:
      /* Longest in status last: the later the start, the shorter. */
      return compare_doubles (pulse_agent_get_status_since (agent_b) > 0
                                ? (double) pulse_agent_get_status_since (agent_b) : NAN,
                              pulse_agent_get_status_since (agent_a) > 0
                                ? (double) pulse_agent_get_status_since (agent_a) : NAN);
    case PULSE_AGENT_COLUMN_CHANNELS:
      return count_bits (pulse_agent_get_channels (agent_a))
             - count_bits (pulse_agent_get_channels (agent_b));
    case PULSE_AGENT_COLUMN_ACTIVITY:
      return (int) pulse_agent_row_get_bins_total (a) - (int) pulse_agent_row_get_bins_total (b);
    default:
      return compare_doubles (kpi_value (a, column), kpi_value (b, column));
    }
}

/**
 * pulse_agent_row_compare:
 * @column: the column sorted on
 *
 * Orders two rows by @column, ascending: names by collation, statuses
 * from available to offline (then by time in status), time in status
 * shortest first, figures
 * lowest first with missing ones (no contacts, no ratings) before all.
 * Ties fall back to the name, then the id, so the order is total and a
 * live update never shuffles equal rows.
 *
 * Returns: a negative, zero or positive number, as strcmp() does.
 */
int
pulse_agent_row_compare (PulseAgentRow    *a,
                         PulseAgentRow    *b,
                         PulseAgentColumn  column)
{
  int result;

  g_return_val_if_fail (PULSE_IS_AGENT_ROW (a), 0);
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (b), 0);

  result = compare_column (a, b, column);
  if (result == 0)
    result = compare_strings (pulse_agent_get_name (pulse_agent_row_get_agent (a)),
                              pulse_agent_get_name (pulse_agent_row_get_agent (b)));
  if (result == 0)
    result = g_strcmp0 (pulse_agent_row_get_id (a), pulse_agent_row_get_id (b));

  return result;
}

static char *
dup_kpi_text (const PulseKpiSummary *summary,
              PulseAgentColumn       column)
{
  if (summary == NULL)
    return g_strdup (LOADING);

  switch (column)
    {
    case PULSE_AGENT_COLUMN_CONTACTS:
      return pulse_agent_format_count (summary->contacts);
    case PULSE_AGENT_COLUMN_FIRST_RESPONSE:
      return pulse_format_seconds (summary->first_response_median_s);
    case PULSE_AGENT_COLUMN_HANDLE_TIME:
      return pulse_format_seconds (summary->handle_time_mean_s);
    case PULSE_AGENT_COLUMN_CSAT:
      return pulse_format_share (summary->csat);
    case PULSE_AGENT_COLUMN_QA_SCORE:
      return pulse_format_score (summary->qa_score, 1);
    case PULSE_AGENT_COLUMN_FCR:
      return pulse_format_share (summary->fcr);
    case PULSE_AGENT_COLUMN_REPEAT_RATE:
      return pulse_format_share (summary->repeat_rate);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pulse_agent_row_dup_text:
 * @column: a column
 * @now_usec: the time now, for the time in status
 *
 * Returns: (transfer full): the cell's text: an em dash for a figure
 *   with no data, an ellipsis while there is no KPI view.
 */
char *
pulse_agent_row_dup_text (PulseAgentRow    *self,
                          PulseAgentColumn  column,
                          gint64            now_usec)
{
  PulseAgent *agent;
  const char *text;

  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), NULL);

  agent = pulse_agent_row_get_agent (self);
  switch (column)
    {
    case PULSE_AGENT_COLUMN_NAME:
      text = pulse_agent_get_name (agent);
      return g_strdup (text != NULL && text[0] != '\0' ? text : pulse_agent_get_id (agent));
    case PULSE_AGENT_COLUMN_TEAM:
      text = pulse_agent_row_get_team_name (self);
      return g_strdup (text != NULL ? text : "–");
    case PULSE_AGENT_COLUMN_STATUS:
      return g_strdup (pulse_agent_format_status (pulse_agent_get_status (agent)));
    case PULSE_AGENT_COLUMN_TIME_IN_STATUS:
      return pulse_agent_format_elapsed (pulse_agent_get_status_since (agent), now_usec);
    case PULSE_AGENT_COLUMN_CHANNELS:
      return pulse_agent_format_channels (pulse_agent_get_channels (agent));
    case PULSE_AGENT_COLUMN_ACTIVITY:
      return pulse_agent_format_count (pulse_agent_row_get_bins_total (self));
    default:
      return dup_kpi_text (pulse_agent_row_get_summary (self), column);
    }
}

/**
 * pulse_agent_row_dup_activity_tooltip:
 * @now_usec: the time now
 *
 * Returns: (transfer full): what the sparkline shows, in words.
 */
char *
pulse_agent_row_dup_activity_tooltip (PulseAgentRow *self,
                                      gint64         now_usec)
{
  const guint *bins;
  guint total;
  guint peak = 0;
  guint peak_bin = 0;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *hour = NULL;

  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), NULL);

  bins = pulse_agent_row_get_bins (self);
  total = pulse_agent_row_get_bins_total (self);
  for (guint i = 0; i < PULSE_AGENT_ACTIVITY_BINS; i++)
    {
      if (bins[i] > peak)
        {
          peak = bins[i];
          peak_bin = i;
        }
    }

  if (total == 0)
    return g_strdup (_("Contacts per hour over the last 24 hours, by arrival: none"));

  local = pulse_agent_format_new_local_time (pulse_agent_activity_bins_start (now_usec)
                                             + peak_bin * PULSE_AGENT_ACTIVITY_BIN_USEC);
  hour = g_date_time_format (local, "%H:%M");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the sparkline's tooltip; %3$s is an hour */
                                       "Contacts per hour over the last 24 hours, by arrival: "
                                       "%1$u in all, at most %2$u in the hour from %3$s",
                                       "Contacts per hour over the last 24 hours, by arrival: "
                                       "%1$u in all, at most %2$u in the hour from %3$s",
                                       total),
                          total, peak, hour);
}
