/* pulse-notifier.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Desktop notifications for what a lead must not miss while looking at
 * something else: a queue's service level today under the threshold for
 * several minutes, a contact in a real-time queue waiting past the limit,
 * a category spiking, today's CSAT under its threshold, and the
 * connection lost for over a minute. The thresholds are the preferences'
 * (GSettings `notify-*`); PulseAlertGate holds, tells once and clears
 * with hysteresis. A notification is sent only while the window is not
 * focused (the Overview shows the same alerts) and withdrawn when its
 * condition clears. Every CHECK_SECONDS, not per event: an alert is a
 * matter of minutes, and the checks read every open contact.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-alert-gate.h"
#include "pulse-category-panel.h"
#include "pulse-format.h"
#include "pulse-kpi-view.h"
#include "pulse-notifier.h"
#include "pulse-queue-load.h"
#include "pulse-queue.h"

#define CHECK_SECONDS 10
/* Service level and CSAT clear 3 points above their threshold; a wait
 * at four fifths of its limit. */
#define PERCENT_MARGIN 3.0
#define WAIT_CLEAR_SHARE 0.8

struct _PulseNotifier
{
  GObject         parent_instance;

  PulseSession   *session;
  GSettings      *settings;
  GtkWindow      *window;      /* weak */
  PulseKpiView   *today;
  PulseAlertGate *gate;
  guint           check_id;
  gint64          offline_since;
};

G_DEFINE_FINAL_TYPE (PulseNotifier, pulse_notifier, G_TYPE_OBJECT)

enum
{
  SIGNAL_RAISED,
  SIGNAL_CLEARED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
notification_id (const char *key)
{
  return g_strconcat ("alert-", key, NULL);
}

static void
raise_alert (PulseNotifier *self,
             const char    *key,
             const char    *title,
             const char    *body)
{
  GApplication *app = g_application_get_default ();
  gboolean to_desktop = g_settings_get_boolean (self->settings, "desktop-notifications")
                        && app != NULL
                        && (self->window == NULL || !gtk_window_is_active (self->window));

  if (to_desktop)
    {
      g_autoptr(GNotification) notification = g_notification_new (title);
      g_autofree char *id = notification_id (key);

      g_notification_set_body (notification, body);
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      g_notification_set_default_action_and_target (notification, "app.show-page", "s",
                                                    "overview");
      g_application_send_notification (app, id, notification);
    }

  g_signal_emit (self, signals[SIGNAL_RAISED], 0, key, title, body, to_desktop);
}

static void
clear_alert (PulseNotifier *self,
             const char    *key)
{
  GApplication *app = g_application_get_default ();
  g_autofree char *id = notification_id (key);

  if (app != NULL)
    g_application_withdraw_notification (app, id);
  g_signal_emit (self, signals[SIGNAL_CLEARED], 0, key);
}

/* Feeds one reading and tells what it changed. */
static void
feed (PulseNotifier     *self,
      const char        *key,
      PulseAlertReading  reading,
      gint64             hold_usec,
      gint64             now,
      const char        *title,
      const char        *body)
{
  switch (pulse_alert_gate_update (self->gate, key, reading, hold_usec, now))
    {
    case PULSE_ALERT_RAISED:
      raise_alert (self, key, title, body);
      break;
    case PULSE_ALERT_CLEARED:
      clear_alert (self, key);
      break;
    case PULSE_ALERT_UNCHANGED:
    default:
      break;
    }
}

static gboolean
is_real_time (PulseChannelKind channel)
{
  return channel != PULSE_CHANNEL_KIND_EMAIL && channel != PULSE_CHANNEL_KIND_SOCIAL;
}

static void
check_service_level (PulseNotifier *self,
                     PulseQueue    *queue,
                     gint64         now)
{
  int threshold = g_settings_get_int (self->settings, "notify-service-level");
  gint64 hold = (gint64) g_settings_get_int (self->settings, "notify-hold-minutes")
                * 60 * G_USEC_PER_SEC;
  g_autoptr(PulseKpiSummary) summary = NULL;
  g_autofree char *key = g_strconcat ("sl:", pulse_queue_get_id (queue), NULL);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  double percent;

  summary = self->today != NULL ? pulse_kpi_view_dup_summary (self->today,
                                                              pulse_queue_get_id (queue))
                                : NULL;
  if (threshold <= 0 || summary == NULL || summary->sl_contacts == 0)
    return;

  percent = 100 * summary->service_level;
  /* Translators: notification title; %s is a queue */
  title = g_strdup_printf (_("Service level under target: %s"), pulse_queue_get_name (queue));
  /* Translators: notification body: today's service level, then the threshold */
  body = g_strdup_printf (_("%.0f %% today, under %d %%"), floor (percent), threshold);
  feed (self, key, pulse_alert_reading_below (percent, threshold, PERCENT_MARGIN), hold, now,
        title, body);
}

static char *
wait_key (PulseQueue *queue)
{
  return g_strconcat ("wait:", pulse_queue_get_id (queue), NULL);
}

static void
check_wait (PulseNotifier        *self,
            PulseQueue           *queue,
            const PulseQueueLoad *load,
            gint64                now)
{
  int limit = g_settings_get_int (self->settings, "notify-oldest-wait");
  g_autofree char *key = wait_key (queue);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *waited = NULL;
  g_autofree char *limit_text = NULL;
  double seconds;

  if (limit <= 0 || !is_real_time (pulse_queue_get_channel (queue)))
    return;

  seconds = load != NULL && load->waiting > 0 ? (now - load->oldest_since) / 1e6 : 0;
  waited = pulse_format_wait ((gint64) seconds);
  limit_text = pulse_format_wait (limit);
  /* Translators: notification title; %s is a queue */
  title = g_strdup_printf (_("A contact waits too long: %s"), pulse_queue_get_name (queue));
  /* Translators: notification body: the longest wait, then the limit, as 4:05 */
  body = g_strdup_printf (_("Waiting %s, over the %s limit"), waited, limit_text);
  feed (self, key, pulse_alert_reading_above (seconds, limit, WAIT_CLEAR_SHARE * limit), 0, now,
        title, body);
}

/* Partial loads (a new state still being counted) would clear a wait
 * that is still too long: it stays as it was until they are whole. */
static void
keep_wait (PulseNotifier *self,
           PulseQueue    *queue)
{
  g_autofree char *key = wait_key (queue);

  pulse_alert_gate_keep (self->gate, key);
}

static void
check_queues (PulseNotifier *self,
              gint64         now)
{
  GListModel *queues = pulse_session_get_list (self->session, PULSE_STATE_KIND_QUEUE);
  g_autoptr(GHashTable) loads = NULL;
  guint n = g_list_model_get_n_items (queues);
  gboolean complete = FALSE;

  loads = pulse_session_dup_queue_loads (self->session, now, &complete);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueue) queue = g_list_model_get_item (queues, i);

      check_service_level (self, queue, now);
      if (complete)
        check_wait (self, queue, g_hash_table_lookup (loads, pulse_queue_get_id (queue)), now);
      else
        keep_wait (self, queue);
    }
}

static void
check_spikes (PulseNotifier *self,
              gint64         now)
{
  PulseCategoryWatch *watch = pulse_session_get_category_watch (self->session);
  PulseCategoryRates *rates = watch != NULL ? pulse_category_watch_get_rates (watch) : NULL;
  double factor = g_settings_get_double (self->settings, "notify-spike-factor");
  g_autoptr(GArray) spikes = NULL;

  if (rates == NULL)
    return;

  spikes = pulse_category_rates_spikes (rates, now, PULSE_CATEGORY_SPIKE_WEEKS);
  for (guint i = 0; i < spikes->len; i++)
    {
      PulseCategorySpike *spike = &g_array_index (spikes, PulseCategorySpike, i);
      g_autofree char *key = g_strconcat ("spike:", spike->tag, NULL);
      g_autofree char *name = pulse_format_tag (spike->tag);
      g_autofree char *title = NULL;
      g_autofree char *body = pulse_category_panel_dup_spike_text (spike);

      /* Translators: notification title: a category that spikes, e.g. "Spike: Fraud" */
      title = g_strdup_printf (_("Spike: %s"), name);
      /* A spike under the factor asked for is in the band: it neither
       * raises nor clears; gone from the list, it clears. */
      feed (self, key, spike->ratio >= factor ? PULSE_ALERT_BAD : PULSE_ALERT_BAND, 0, now,
            title, body);
    }
}

static void
check_csat (PulseNotifier *self,
            gint64         now)
{
  int threshold = g_settings_get_int (self->settings, "notify-csat");
  gint64 hold = (gint64) g_settings_get_int (self->settings, "notify-hold-minutes")
                * 60 * G_USEC_PER_SEC;
  g_autoptr(PulseKpiSummary) summary = NULL;
  g_autofree char *body = NULL;
  double percent;

  summary = self->today != NULL ? pulse_kpi_view_dup_summary (self->today, NULL) : NULL;
  if (threshold <= 0 || summary == NULL || summary->csat_ratings == 0)
    return;

  percent = 100 * summary->csat;
  /* Translators: notification body: today's CSAT, then the threshold */
  body = g_strdup_printf (_("%.0f %% of today’s ratings are 4 or 5, under %d %%"),
                          floor (percent), threshold);
  feed (self, "csat", pulse_alert_reading_below (percent, threshold, PERCENT_MARGIN), hold, now,
        _("CSAT under target"), body);
}

static void
check_connection (PulseNotifier *self,
                  gint64         now)
{
  gint64 hold = (gint64) g_settings_get_int (self->settings, "notify-offline-seconds")
                * G_USEC_PER_SEC;
  PulseConnectionState state = pulse_session_get_connection_state (self->session);
  gboolean lost = state == PULSE_CONNECTION_STATE_RECONNECTING
                  || state == PULSE_CONNECTION_STATE_OFFLINE;

  if (hold <= 0)
    return;

  feed (self, "offline", lost ? PULSE_ALERT_BAD : PULSE_ALERT_GOOD, hold, now,
        _("Connection to the server lost"),
        _("The figures are not live; Pulse keeps trying to reconnect."));
}

/**
 * pulse_notifier_check:
 *
 * Reads every condition now (it does so on its own every 10 seconds).
 */
void
pulse_notifier_check (PulseNotifier *self)
{
  gint64 now = g_get_real_time ();
  g_autoptr(GPtrArray) gone = NULL;

  g_return_if_fail (PULSE_IS_NOTIFIER (self));

  pulse_alert_gate_begin_round (self->gate);
  check_connection (self, now);
  if (pulse_session_get_sync (self->session) != NULL)
    {
      check_queues (self, now);
      check_spikes (self, now);
      check_csat (self, now);
    }
  gone = pulse_alert_gate_end_round (self->gate);
  for (guint i = 0; i < gone->len; i++)
    clear_alert (self, g_ptr_array_index (gone, i));
}

/**
 * pulse_notifier_is_raised:
 * @key: an alert: "sl:QUEUE", "wait:QUEUE", "spike:TAG", "csat", "offline"
 *
 * Returns: whether it is raised
 */
gboolean
pulse_notifier_is_raised (PulseNotifier *self,
                          const char    *key)
{
  g_return_val_if_fail (PULSE_IS_NOTIFIER (self), FALSE);

  return pulse_alert_gate_is_raised (self->gate, key);
}

static gboolean
check_cb (gpointer user_data)
{
  pulse_notifier_check (user_data);
  return G_SOURCE_CONTINUE;
}

/* A new sync engine (sign-in, another server) feeds views made after it. */
static void
take_view (PulseNotifier *self)
{
  g_clear_object (&self->today);
  self->today = pulse_session_new_kpi_view (self->session);
  if (self->today != NULL)
    {
      pulse_kpi_view_set_window (self->today, PULSE_KPI_WINDOW_TODAY);
      pulse_kpi_view_set_group (self->today, PULSE_KPI_GROUP_QUEUE);
    }
}

static void
pulse_notifier_dispose (GObject *object)
{
  PulseNotifier *self = PULSE_NOTIFIER (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->today);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_pointer (&self->gate, pulse_alert_gate_free);

  G_OBJECT_CLASS (pulse_notifier_parent_class)->dispose (object);
}

static void
pulse_notifier_class_init (PulseNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_notifier_dispose;

  /**
   * PulseNotifier::raised:
   * @key: the alert ("sl:q-ua-chat" …)
   * @title: its notification's title
   * @body: its notification's text
   * @to_desktop: whether it went to the desktop (the window was not
   *   focused and notifications are on)
   */
  signals[SIGNAL_RAISED] =
    g_signal_new ("raised", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);

  /**
   * PulseNotifier::cleared:
   * @key: the alert, now over; its notification is withdrawn
   */
  signals[SIGNAL_CLEARED] =
    g_signal_new ("cleared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pulse_notifier_init (PulseNotifier *self)
{
  self->gate = pulse_alert_gate_new ();
}

/**
 * pulse_notifier_new:
 * @session: the session whose figures to watch
 * @settings: the app's settings (the `notify-*` keys)
 * @window: (nullable): the window whose focus holds notifications back
 *
 * Returns: (transfer full): a notifier, checking every 10 seconds
 */
PulseNotifier *
pulse_notifier_new (PulseSession *session,
                    GSettings    *settings,
                    GtkWindow    *window)
{
  PulseNotifier *self;

  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PULSE_TYPE_NOTIFIER, NULL);
  self->session = g_object_ref (session);
  self->settings = g_object_ref (settings);
  g_set_weak_pointer (&self->window, window);
  g_signal_connect_object (session, "data-reset", G_CALLBACK (take_view), self,
                           G_CONNECT_SWAPPED);
  take_view (self);
  self->check_id = g_timeout_add_seconds (CHECK_SECONDS, check_cb, self);
  return self;
}
