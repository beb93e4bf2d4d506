/* pulse-quality-page-open.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the Quality page's tables lead: each exports as CSV, as shown
 * (sorted), and a negative rating opens today's low-rated contacts with
 * its own conversation in front. Part of PulseQualityPage.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-csv-export.h"
#include "pulse-drill-down.h"
#include "pulse-entity-list.h"
#include "pulse-period.h"
#include "pulse-quality-csv.h"
#include "pulse-quality-page-private.h"

/**
 * pulse_quality_page_dup_csv:
 * @list: negative ratings, by team or by agent
 *
 * Returns: (transfer full): that table as shown, as CSV.
 */
GBytes *
pulse_quality_page_dup_csv (PulseQualityPage *self,
                            PulseQualityList  list)
{
  GtkColumnView *view;

  g_return_val_if_fail (PULSE_IS_QUALITY_PAGE (self), NULL);

  view = list == PULSE_QUALITY_LIST_NEGATIVE ? self->negative_view
         : list == PULSE_QUALITY_LIST_TEAMS ? self->teams_view : self->agents_view;
  return pulse_quality_csv_from_rows (G_LIST_MODEL (gtk_column_view_get_model (view)), list);
}

void
_pulse_quality_page_export_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  const char *which = g_variant_get_string (parameter, NULL);
  PulseQualityList list = g_str_equal (which, "negative") ? PULSE_QUALITY_LIST_NEGATIVE
                          : g_str_equal (which, "teams") ? PULSE_QUALITY_LIST_TEAMS
                          : PULSE_QUALITY_LIST_AGENTS;
  g_autoptr(GBytes) csv = pulse_quality_page_dup_csv (PULSE_QUALITY_PAGE (widget), list);

  pulse_csv_export_save (widget, pulse_quality_csv_file_name (list), csv);
}

/* A negative rating opens today's low-rated contacts with its own
 * conversation in front. */
void
_pulse_quality_page_negative_activated (PulseQualityPage *self,
                                        guint             position)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (self->negative_view));
  g_autoptr(PulseQualityRow) row = g_list_model_get_item (rows, position);
  g_auto(PulseContactFilter) filter = { 0 };
  PulseDrillDown *drill;
  gpointer ticket;

  if (row == NULL)
    return;

  pulse_period_day_range (g_get_real_time (), 0, &filter.from, &filter.to);
  filter.focus = PULSE_CONTACT_FOCUS_LOW_RATING;
  drill = pulse_drill_down_open (GTK_WIDGET (self), self->session, _("Negative ratings today"),
                                 &filter);
  ticket = pulse_entity_list_lookup (PULSE_ENTITY_LIST (pulse_session_get_list (
                                       self->session, PULSE_STATE_KIND_TICKET)),
                                     pulse_quality_row_get_id (row));
  if (ticket != NULL)
    pulse_drill_down_show_ticket (drill, ticket);
}
