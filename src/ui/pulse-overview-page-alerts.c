/* pulse-overview-page-alerts.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's alerts: categories that spike, then every queue in
 * breach or at risk and why, the first few listed and the rest in one
 * row that leads to the Queues page; rebuilt only when what they say
 * changes. Part of PulseOverviewPage.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-category-panel.h"
#include "pulse-format.h"
#include "pulse-health-icon.h"
#include "pulse-overview-page-private.h"

/* Alerts listed before "N more": the rest are on the Queues page. */
#define MAX_ALERTS 8

static GtkWidget *
alert_row (PulseQueueRow *row,
           const char    *text)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (PULSE_TYPE_HEALTH_ICON,
                                  "health", pulse_queue_row_get_health (row),
                                  "valign", GTK_ALIGN_CENTER,
                                  NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row),
                                 pulse_queue_get_name (pulse_queue_row_get_queue (row)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), text);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
  g_object_set_data_full (G_OBJECT (action_row), "pulse-queue-id",
                          g_strdup (pulse_queue_get_id (pulse_queue_row_get_queue (row))), g_free);
  return action_row;
}

static GtkWidget *
spike_row (const PulseCategorySpike *spike)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *name = pulse_format_tag (spike->tag);
  /* Translators: an alert's title: a category that spikes, e.g. "Spike: Fraud" */
  g_autofree char *title = g_strdup_printf (_("Spike: %s"), name);
  g_autofree char *text = pulse_category_panel_dup_spike_text (spike);

  gtk_widget_add_css_class (icon, "warning");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), text);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
  g_object_set_data_full (G_OBJECT (action_row), "pulse-tag", g_strdup (spike->tag), g_free);
  return action_row;
}

/* Spikes first: a category running away is the news of the hour. */
static void
collect_spikes (PulseOverviewPage *self,
                GString           *said,
                GPtrArray         *wanted)
{
  PulseCategoryWatch *watch = pulse_session_get_category_watch (self->session);
  PulseCategoryRates *rates = watch != NULL ? pulse_category_watch_get_rates (watch) : NULL;
  g_autoptr(GArray) spikes = NULL;

  if (rates == NULL)
    return;

  spikes = pulse_category_rates_spikes (rates, g_get_real_time (),
                                        PULSE_CATEGORY_SPIKE_WEEKS);
  for (guint i = 0; i < spikes->len; i++)
    {
      PulseCategorySpike *spike = &g_array_index (spikes, PulseCategorySpike, i);

      g_string_append_printf (said, "spike %s %" G_GINT64_FORMAT "\n", spike->tag,
                              spike->observed);
      if (wanted != NULL)
        g_ptr_array_add (wanted, g_object_ref_sink (spike_row (spike)));
    }
}

static void
collect_queues (PulseOverviewPage *self,
                GString           *said,
                GPtrArray         *wanted)
{
  GListModel *rows = pulse_queue_board_get_rows (self->board);
  guint n = g_list_model_get_n_items (rows);

  for (guint health = PULSE_QUEUE_HEALTH_BREACH; health >= PULSE_QUEUE_HEALTH_AT_RISK; health--)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PulseQueueRow) row = g_list_model_get_item (rows, i);
        g_autofree char *text = NULL;

        if (pulse_queue_row_get_health (row) != health
            || (text = pulse_queue_row_dup_alert (row)) == NULL)
          continue;

        g_string_append_printf (said, "%s\n%s\n",
                                pulse_queue_get_id (pulse_queue_row_get_queue (row)), text);
        if (wanted != NULL)
          g_ptr_array_add (wanted, g_object_ref_sink (alert_row (row, text)));
      }
}

/* The rest, in one row that leads to the Queues page. */
static GtkWidget *
more_row (guint n_more)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more alert",
                                                         "%u more alerts", n_more), n_more);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Every queue is on the Queues page"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "queues");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* The alerts are rebuilt only when what they say changes, so the list
 * does not flicker (or allocate) with the second's tick; the first
 * MAX_ALERTS are shown, spikes before queues, breaches before risks. */
void
_pulse_overview_page_update_alerts (PulseOverviewPage *self)
{
  g_autoptr(GString) said = g_string_new (NULL);
  g_autoptr(GPtrArray) wanted = NULL;
  GtkListBoxRow *old;

  collect_spikes (self, said, NULL);
  collect_queues (self, said, NULL);
  if (g_strcmp0 (said->str, self->alerts_shown) == 0)
    return;

  g_free (self->alerts_shown);
  self->alerts_shown = g_string_free (g_steal_pointer (&said), FALSE);
  wanted = g_ptr_array_new_with_free_func (g_object_unref);
  said = g_string_new (NULL);
  collect_spikes (self, said, wanted);
  collect_queues (self, said, wanted);

  while ((old = gtk_list_box_get_row_at_index (self->alerts, 0)) != NULL)
    gtk_list_box_remove (self->alerts, GTK_WIDGET (old));
  for (guint i = 0; i < MIN (wanted->len, MAX_ALERTS); i++)
    gtk_list_box_append (self->alerts, g_ptr_array_index (wanted, i));
  if (wanted->len > MAX_ALERTS)
    gtk_list_box_append (self->alerts, more_row (wanted->len - MAX_ALERTS));
}
