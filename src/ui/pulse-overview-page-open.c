/* pulse-overview-page-open.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Overview's figures open: the contacts behind a tile or a bar
 * (PulseDrillDown), and the page on paper or as a PDF.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-contact-hours.h"
#include "pulse-drill-down.h"
#include "pulse-overview-page-private.h"
#include "pulse-print.h"

/**
 * pulse_overview_page_print:
 * @pdf_path: (nullable): write a PDF there rather than open the print
 *   dialog
 * @error: where a failure goes
 *
 * Prints the overview as it is on screen.
 *
 * Returns: %TRUE unless printing failed.
 */
gboolean
pulse_overview_page_print (PulseOverviewPage  *self,
                           const char         *pdf_path,
                           GError            **error)
{
  g_return_val_if_fail (PULSE_IS_OVERVIEW_PAGE (self), FALSE);

  /* Translators: the print job's name */
  return pulse_print_widget (self->content, _("Pulse overview"), pdf_path, error);
}

void
_pulse_overview_page_print_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!pulse_overview_page_print (PULSE_OVERVIEW_PAGE (widget), NULL, &error))
    g_warning ("Printing the overview failed: %s", error->message);
}

/* What a tile's contacts are: the rated for CSAT, the automated for the
 * automation share, all of the period's for the rest. */
void
_pulse_overview_page_tile_activated (PulseOverviewPage *self,
                      GtkFlowBoxChild   *child)
{
  PulseKpiTileKind kind = gtk_flow_box_child_get_index (child);
  g_auto(PulseContactFilter) filter = { 0 };

  pulse_drill_down_set_period (self->session, &filter);
  filter.focus = kind == PULSE_KPI_TILE_CSAT ? PULSE_CONTACT_FOCUS_RATED
                 : kind == PULSE_KPI_TILE_AUTOMATION ? PULSE_CONTACT_FOCUS_AUTOMATED
                 : PULSE_CONTACT_FOCUS_ALL;
  pulse_drill_down_open (GTK_WIDGET (self), self->session, pulse_kpi_tile_get_title (kind),
                         &filter);
}

void
_pulse_overview_page_bar_activated (PulseOverviewPage *self,
                     guint              index)
{
  g_auto(PulseContactFilter) filter = { 0 };
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *title = NULL;
  gint64 now = g_get_real_time ();

  /* The bars' hours: the last one is now's. */
  filter.from = (now / HOUR_USEC - (HOURS - 1) + index) * HOUR_USEC;
  filter.to = filter.from + HOUR_USEC;
  start = g_date_time_new_from_unix_local (filter.from / G_USEC_PER_SEC);
  /* Translators: a drill-down's title: contacts of one hour, e.g. "Contacts 14:00–15:00" */
  title = g_date_time_format (start, _("Contacts %H:00–%H:59"));
  pulse_drill_down_open (GTK_WIDGET (self), self->session, title, &filter);
}


/* A queue's alert opens its contacts waiting now; a spike, the hour's
 * contacts of its category. */
void
_pulse_overview_page_alert_activated (PulseOverviewPage *self,
                                      GtkListBoxRow     *row)
{
  const char *queue_id = g_object_get_data (G_OBJECT (row), "pulse-queue-id");
  const char *tag = g_object_get_data (G_OBJECT (row), "pulse-tag");
  g_auto(PulseContactFilter) filter = { 0 };

  if (queue_id == NULL && tag == NULL)
    return;

  filter.to = g_get_real_time () + G_USEC_PER_SEC;
  filter.from = tag != NULL ? filter.to - HOUR_USEC : 0;
  filter.queue_id = g_strdup (queue_id);
  filter.tag = g_strdup (tag);
  filter.focus = queue_id != NULL ? PULSE_CONTACT_FOCUS_WAITING : PULSE_CONTACT_FOCUS_ALL;
  pulse_drill_down_open (GTK_WIDGET (self), self->session,
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), &filter);
}
