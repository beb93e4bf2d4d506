/* pulse-agent-csv.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Agents table as CSV: who, their team and status, and the period's
 * figures as raw numbers (seconds, shares as fractions) from the row's
 * summary. No GTK.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-agent-csv.h"
#include "pulse-agent-format.h"
#include "pulse-agent-row.h"
#include "pulse-csv.h"

static char *
number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || value < 0)
    return NULL;

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

#define SUMMARY_FIELD(name, member)                                             \
  static char *                                                                 \
  name (GObject *row)                                                           \
  {                                                                             \
    const PulseKpiSummary *summary;                                             \
                                                                                \
    summary = pulse_agent_row_get_summary (PULSE_AGENT_ROW (row));              \
                                                                                \
    return summary != NULL ? number ((double) summary->member) : NULL;          \
  }

SUMMARY_FIELD (contacts_text, contacts)
SUMMARY_FIELD (first_response_text, first_response_median_s)
SUMMARY_FIELD (handle_time_text, handle_time_mean_s)
SUMMARY_FIELD (csat_text, csat)
SUMMARY_FIELD (qa_text, qa_score)
SUMMARY_FIELD (fcr_text, fcr)
SUMMARY_FIELD (repeat_text, repeat_rate)

static char *
status_text (GObject *row)
{
  PulseAgent *agent = pulse_agent_row_get_agent (PULSE_AGENT_ROW (row));

  return g_strdup (pulse_agent_format_status (pulse_agent_get_status (agent)));
}

static const PulseCsvColumn columns[] = {
  { N_("Name"), "name", NULL },
  { N_("Email"), "email", NULL },
  { N_("Team"), "team-name", NULL },
  { N_("Status"), NULL, status_text },
  { N_("Contacts"), NULL, contacts_text },
  { N_("First response, median (s)"), NULL, first_response_text },
  { N_("Handle time, mean (s)"), NULL, handle_time_text },
  { N_("CSAT"), NULL, csat_text },
  { N_("QA score"), NULL, qa_text },
  { N_("First-contact resolution"), NULL, fcr_text },
  { N_("Repeat contacts"), NULL, repeat_text },
};

/**
 * pulse_agent_csv_from_rows:
 * @rows: a #GListModel of #PulseAgentRow, in the order shown
 *
 * Returns: (transfer full): the table as CSV.
 */
GBytes *
pulse_agent_csv_from_rows (GListModel *rows)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);

  return pulse_csv_from_model (rows, columns, G_N_ELEMENTS (columns));
}
