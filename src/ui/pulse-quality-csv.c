/* pulse-quality-csv.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Quality page's tables as CSV. Scores and shares are written as the
 * page shows them: a row without a score has none to write. No GTK.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-csv.h"
#include "pulse-quality-csv.h"

static const PulseCsvColumn negative_columns[] = {
  { N_("Time"), "time-text", NULL },
  { N_("Score"), "value-text", NULL },
  { N_("Agent"), "title", NULL },
  { N_("Queue"), "subtitle", NULL },
  { N_("Comment"), "detail", NULL },
};

static const PulseCsvColumn score_columns[] = {
  { N_("Name"), "title", NULL },
  { N_("Team"), "subtitle", NULL },
  { N_("QA score"), "value-text", NULL },
  { N_("Reviews"), "count", NULL },
  { N_("CSAT"), "extra-text", NULL },
};

/**
 * pulse_quality_csv_from_rows:
 * @rows: the table's #PulseQualityRow objects, in the order shown
 * @list: which table (negative ratings, by team or by agent)
 *
 * Returns: (transfer full): the table as CSV.
 */
GBytes *
pulse_quality_csv_from_rows (GListModel       *rows,
                             PulseQualityList  list)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);

  if (list == PULSE_QUALITY_LIST_NEGATIVE)
    return pulse_csv_from_model (rows, negative_columns, G_N_ELEMENTS (negative_columns));

  return pulse_csv_from_model (rows, score_columns, G_N_ELEMENTS (score_columns));
}

/* The file name an export of @list suggests. */
const char *
pulse_quality_csv_file_name (PulseQualityList list)
{
  switch (list)
    {
    case PULSE_QUALITY_LIST_NEGATIVE:
      /* Translators: file names the Quality page's exports suggest */
      return _("negative-ratings.csv");
    case PULSE_QUALITY_LIST_TEAMS:
      return _("qa-by-team.csv");
    case PULSE_QUALITY_LIST_AGENTS:
    default:
      return _("qa-by-agent.csv");
    }
}
