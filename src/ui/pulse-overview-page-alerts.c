/* pulse-overview-page-alerts.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's alerts: categories that spike, then every queue in
 * breach or at risk and why, the first few listed and the rest in one
 * row that leads to the Queues page. Rows are rebuilt only when which
 * alerts show changes; a text that changes (a wait that grows) is set
 * on the row in place. Part of PulseOverviewPage.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-category-panel.h"
#include "pulse-format.h"
#include "pulse-health-icon.h"
#include "pulse-overview-page-private.h"

/* Alerts listed before "N more": the rest are on the Queues page. */
#define MAX_ALERTS 8

/* An alert to show, before any widget: rows are made only for the
 * first MAX_ALERTS, and kept while the same alerts stay in the same
 * order (their texts change every second: waits grow). */
typedef struct
{
  char             *key;      /* "queue QUEUE-ID" or "spike TAG" */
  char             *title;
  char             *text;
  PulseQueueHealth  health;   /* queues only */
  char             *queue_id; /* or NULL */
  char             *tag;      /* or NULL */
} Alert;

static void
alert_free (gpointer data)
{
  Alert *alert = data;

  g_free (alert->key);
  g_free (alert->title);
  g_free (alert->text);
  g_free (alert->queue_id);
  g_free (alert->tag);
  g_free (alert);
}

static GtkWidget *
alert_row (const Alert *alert)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *icon;

  if (alert->queue_id != NULL)
    {
      icon = g_object_new (PULSE_TYPE_HEALTH_ICON, "health", alert->health,
                           "valign", GTK_ALIGN_CENTER, NULL);
      g_object_set_data (G_OBJECT (action_row), "pulse-health-icon", icon);
      g_object_set_data_full (G_OBJECT (action_row), "pulse-queue-id",
                              g_strdup (alert->queue_id), g_free);
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      g_object_set_data_full (G_OBJECT (action_row), "pulse-tag", g_strdup (alert->tag), g_free);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), alert->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), alert->text);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
  g_object_set_data_full (G_OBJECT (action_row), "pulse-alert-key", g_strdup (alert->key), g_free);
  return action_row;
}

/* A kept row takes its alert's new text and health. */
static void
update_row (GtkWidget   *action_row,
            const Alert *alert)
{
  PulseHealthIcon *icon = g_object_get_data (G_OBJECT (action_row), "pulse-health-icon");

  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (action_row)), alert->text) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), alert->text);
  if (icon != NULL)
    pulse_health_icon_set_health (icon, alert->health);
}

static void
collect_spikes (PulseOverviewPage *self,
                GPtrArray         *alerts)
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
      g_autofree char *name = pulse_format_tag (spike->tag);
      Alert *alert = g_new0 (Alert, 1);

      alert->key = g_strconcat ("spike ", spike->tag, NULL);
      /* Translators: an alert's title: a category that spikes, e.g. "Spike: Fraud" */
      alert->title = g_strdup_printf (_("Spike: %s"), name);
      alert->text = pulse_category_panel_dup_spike_text (spike);
      alert->tag = g_strdup (spike->tag);
      g_ptr_array_add (alerts, alert);
    }
}

static void
collect_queues (PulseOverviewPage *self,
                GPtrArray         *alerts)
{
  GListModel *rows = pulse_queue_board_get_rows (self->board);
  guint n = g_list_model_get_n_items (rows);

  for (guint health = PULSE_QUEUE_HEALTH_BREACH; health >= PULSE_QUEUE_HEALTH_AT_RISK; health--)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PulseQueueRow) row = g_list_model_get_item (rows, i);
        PulseQueue *queue = pulse_queue_row_get_queue (row);
        g_autofree char *text = NULL;
        Alert *alert;

        if (pulse_queue_row_get_health (row) != health
            || (text = pulse_queue_row_dup_alert (row)) == NULL)
          continue;

        alert = g_new0 (Alert, 1);
        alert->key = g_strconcat ("queue ", pulse_queue_get_id (queue), NULL);
        alert->title = g_strdup (pulse_queue_get_name (queue));
        alert->text = g_steal_pointer (&text);
        alert->health = health;
        alert->queue_id = g_strdup (pulse_queue_get_id (queue));
        g_ptr_array_add (alerts, alert);
      }
}

static GtkWidget *
more_row (guint n_more)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more alert",
                                                         "%u more alerts", n_more), n_more);
  g_autofree char *key = g_strdup_printf ("more %u", n_more);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Every queue is on the Queues page"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "queues");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "pulse-alert-key", g_steal_pointer (&key), g_free);
  return row;
}

/* The keys the list should show, in order: the first MAX_ALERTS alerts,
 * then a "more" row if some are left out. */
static GPtrArray *
wanted_keys (GPtrArray *alerts)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < MIN (alerts->len, MAX_ALERTS); i++)
    g_ptr_array_add (keys, g_strdup (((Alert *) alerts->pdata[i])->key));
  if (alerts->len > MAX_ALERTS)
    g_ptr_array_add (keys, g_strdup_printf ("more %u", alerts->len - MAX_ALERTS));
  return keys;
}

static gboolean
shows_keys (GtkListBox *list,
            GPtrArray  *keys)
{
  GtkListBoxRow *row;
  guint i = 0;

  while ((row = gtk_list_box_get_row_at_index (list, (int) i)) != NULL)
    {
      if (i >= keys->len
          || g_strcmp0 (g_object_get_data (G_OBJECT (row), "pulse-alert-key"),
                        keys->pdata[i]) != 0)
        return FALSE;
      i++;
    }
  return i == keys->len;
}

void
_pulse_overview_page_update_alerts (PulseOverviewPage *self)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func (alert_free);
  g_autoptr(GPtrArray) keys = NULL;
  GtkListBoxRow *old;

  collect_spikes (self, alerts);
  collect_queues (self, alerts);
  keys = wanted_keys (alerts);

  if (shows_keys (self->alerts, keys))
    {
      for (guint i = 0; i < MIN (alerts->len, MAX_ALERTS); i++)
        update_row (GTK_WIDGET (gtk_list_box_get_row_at_index (self->alerts, (int) i)),
                    alerts->pdata[i]);
      return;
    }

  while ((old = gtk_list_box_get_row_at_index (self->alerts, 0)) != NULL)
    gtk_list_box_remove (self->alerts, GTK_WIDGET (old));
  for (guint i = 0; i < MIN (alerts->len, MAX_ALERTS); i++)
    gtk_list_box_append (self->alerts, alert_row (alerts->pdata[i]));
  if (alerts->len > MAX_ALERTS)
    gtk_list_box_append (self->alerts, more_row (alerts->len - MAX_ALERTS));
}
