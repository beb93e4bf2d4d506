/* pulse-queue-row.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pulse-format.h"
#include "pulse-queue-row.h"

/* Within this many points above its goal, a service level is at risk. */
#define AT_RISK_MARGIN 0.05

/**
 * PulseQueueRow:
 *
 * One row of the Queues page: a queue with its live load and the
 * period's figures, as numbers to sort by and as text to show. No GTK:
 * the page's column view binds to its properties. An update notifies
 * only what changed, so a second's tick redraws only the waits.
 */
struct _PulseQueueRow
{
  GObject           parent_instance;

  PulseQueue       *queue;
  PulseQueueHealth  health;
  guint             waiting;
  gint64            oldest_wait;   /* seconds; -1: nobody waits */
  guint             incoming;
  gint64            contacts;
  gint64            abandoned;
  double            service_level; /* NaN: no contact measured yet */
  guint             agents_online;
  guint             agents_available;
};

G_DEFINE_FINAL_TYPE (PulseQueueRow, pulse_queue_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUEUE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_HEALTH,
  PROP_HEALTH_LABEL,
  PROP_WAITING,
  PROP_WAITING_TEXT,
  PROP_OLDEST_WAIT,
  PROP_OLDEST_WAIT_TEXT,
  PROP_SERVICE_LEVEL,
  PROP_SERVICE_LEVEL_TEXT,
  PROP_GOAL_TEXT,
  PROP_INCOMING,
  PROP_INCOMING_TEXT,
  PROP_CONTACTS,
  PROP_ABANDONED,
  PROP_ABANDONED_TEXT,
  PROP_AGENTS_ONLINE,
  PROP_AGENTS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
health_label (PulseQueueHealth health)
{
  switch (health)
    {
    case PULSE_QUEUE_HEALTH_BREACH:
      return C_("queue health", "Breach");
    case PULSE_QUEUE_HEALTH_AT_RISK:
      return C_("queue health", "At risk");
    case PULSE_QUEUE_HEALTH_OK:
      return C_("queue health", "Within target");
    case PULSE_QUEUE_HEALTH_QUIET:
    default:
      return C_("queue health", "Quiet");
    }
}

static char *
subtitle (PulseQueue *queue)
{
  const char *country = pulse_queue_get_country (queue);
  const char *channel = pulse_format_channel (pulse_queue_get_channel (queue));

  if (country == NULL || country[0] == '\0')
    return g_strdup (channel);

  return g_strdup_printf ("%s · %s", country, channel);
}

static char *
goal_text (PulseQueue *queue)
{
  g_autofree char *goal = pulse_format_share (pulse_queue_get_sl_goal (queue));
  g_autofree char *target = pulse_format_seconds (pulse_queue_get_sl_target_seconds (queue));

  /* Translators: a queue's service-level goal, e.g. "goal 80 % in 20 s" */
  return g_strdup_printf (_("goal %s in %s"), goal, target);
}

static char *
agents_text (PulseQueueRow *self)
{
  if (self->agents_online == 0)
    return g_strdup ("0");

  /* Translators: agents signed in for a queue and, of them, free now */
  return g_strdup_printf (_("%u · %u free"), self->agents_online, self->agents_available);
}

static void
pulse_queue_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PulseQueueRow *self = PULSE_QUEUE_ROW (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      g_value_set_object (value, self->queue);
      break;
    case PROP_TITLE:
      g_value_set_string (value, pulse_queue_get_name (self->queue));
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, subtitle (self->queue));
      break;
    case PROP_HEALTH:
      g_value_set_int (value, self->health);
      break;
    case PROP_HEALTH_LABEL:
      g_value_set_string (value, health_label (self->health));
      break;
    case PROP_WAITING:
      g_value_set_uint (value, self->waiting);
      break;
    case PROP_WAITING_TEXT:
      g_value_take_string (value, g_strdup_printf ("%u", self->waiting));
      break;
    case PROP_OLDEST_WAIT:
      g_value_set_int64 (value, self->oldest_wait);
      break;
    case PROP_OLDEST_WAIT_TEXT:
      g_value_take_string (value, pulse_format_wait (self->oldest_wait));
      break;
    case PROP_SERVICE_LEVEL:
      g_value_set_double (value, isnan (self->service_level) ? -1.0 : self->service_level);
      break;
    case PROP_SERVICE_LEVEL_TEXT:
      g_value_take_string (value, pulse_format_share (self->service_level));
      break;
    case PROP_GOAL_TEXT:
      g_value_take_string (value, goal_text (self->queue));
      break;
    case PROP_INCOMING:
      g_value_set_uint (value, self->incoming);
      break;
    case PROP_INCOMING_TEXT:
      g_value_take_string (value, g_strdup_printf ("%u", self->incoming));
      break;
    case PROP_CONTACTS:
      g_value_set_int64 (value, self->contacts);
      break;
    case PROP_ABANDONED:
      g_value_set_int64 (value, self->abandoned);
      break;
    case PROP_ABANDONED_TEXT:
      g_value_take_string (value, g_strdup_printf ("%" G_GINT64_FORMAT, self->abandoned));
      break;
    case PROP_AGENTS_ONLINE:
      g_value_set_uint (value, self->agents_online);
      break;
    case PROP_AGENTS_TEXT:
      g_value_take_string (value, agents_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_queue_row_dispose (GObject *object)
{
  PulseQueueRow *self = PULSE_QUEUE_ROW (object);

  g_clear_object (&self->queue);

  G_OBJECT_CLASS (pulse_queue_row_parent_class)->dispose (object);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
pulse_queue_row_class_init (PulseQueueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pulse_queue_row_dispose;
  object_class->get_property = pulse_queue_row_get_property;

  properties[PROP_QUEUE] = g_param_spec_object ("queue", NULL, NULL, PULSE_TYPE_QUEUE, ro);
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_SUBTITLE] = string_property ("subtitle");
  properties[PROP_HEALTH] = g_param_spec_int ("health", NULL, NULL, 0, 3, 0, ro);
  properties[PROP_HEALTH_LABEL] = string_property ("health-label");
  properties[PROP_WAITING] = g_param_spec_uint ("waiting", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_WAITING_TEXT] = string_property ("waiting-text");
  properties[PROP_OLDEST_WAIT] =
    g_param_spec_int64 ("oldest-wait", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_OLDEST_WAIT_TEXT] = string_property ("oldest-wait-text");
  properties[PROP_SERVICE_LEVEL] =
    g_param_spec_double ("service-level", NULL, NULL, -1.0, 1.0, -1.0, ro);
  properties[PROP_SERVICE_LEVEL_TEXT] = string_property ("service-level-text");
  properties[PROP_GOAL_TEXT] = string_property ("goal-text");
  properties[PROP_INCOMING] = g_param_spec_uint ("incoming", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_INCOMING_TEXT] = string_property ("incoming-text");
  properties[PROP_CONTACTS] =
    g_param_spec_int64 ("contacts", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ABANDONED] =
    g_param_spec_int64 ("abandoned", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ABANDONED_TEXT] = string_property ("abandoned-text");
  properties[PROP_AGENTS_ONLINE] =
    g_param_spec_uint ("agents-online", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_AGENTS_TEXT] = string_property ("agents-text");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_queue_row_init (PulseQueueRow *self)
{
  self->oldest_wait = -1;
  self->service_level = NAN;
}

/**
 * pulse_queue_row_new:
 * @queue: the queue shown
 *
 * Returns: (transfer full): a row with nothing counted yet.
 */
PulseQueueRow *
pulse_queue_row_new (PulseQueue *queue)
{
  PulseQueueRow *self;

  g_return_val_if_fail (PULSE_IS_QUEUE (queue), NULL);

  self = g_object_new (PULSE_TYPE_QUEUE_ROW, NULL);
  self->queue = g_object_ref (queue);
  return self;
}

PulseQueue *
pulse_queue_row_get_queue (PulseQueueRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE_ROW (self), NULL);

  return self->queue;
}

/**
 * pulse_queue_row_set_queue:
 * @queue: the queue's new version
 *
 * Takes a new version of the same queue (a renamed queue, a new target).
 */
void
pulse_queue_row_set_queue (PulseQueueRow *self,
                           PulseQueue    *queue)
{
  g_return_if_fail (PULSE_IS_QUEUE_ROW (self));
  g_return_if_fail (PULSE_IS_QUEUE (queue));

  if (!g_set_object (&self->queue, queue))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL_TEXT]);
}

static PulseQueueHealth
compute_health (PulseQueueRow *self)
{
  int target = pulse_queue_get_sl_target_seconds (self->queue);
  double goal = pulse_queue_get_sl_goal (self->queue);

  if ((target > 0 && self->oldest_wait > target)
      || (!isnan (self->service_level) && self->service_level < goal))
    return PULSE_QUEUE_HEALTH_BREACH;

  if ((target > 0 && self->oldest_wait > target / 2)
      || (!isnan (self->service_level) && self->service_level < goal + AT_RISK_MARGIN))
    return PULSE_QUEUE_HEALTH_AT_RISK;

  if (self->oldest_wait < 0 && self->contacts == 0)
    return PULSE_QUEUE_HEALTH_QUIET;

  return PULSE_QUEUE_HEALTH_OK;
}

#define SET(field, value, ...)                                                   \
  G_STMT_START {                                                                 \
    if (self->field != (value))                                                  \
      {                                                                          \
        int props[] = { __VA_ARGS__ };                                           \
        self->field = (value);                                                   \
        for (guint i_ = 0; i_ < G_N_ELEMENTS (props); i_++)                      \
          g_object_notify_by_pspec (G_OBJECT (self), properties[props[i_]]);     \
      }                                                                          \
  } G_STMT_END

/**
 * pulse_queue_row_update:
 * @load: (nullable): the queue's live load, or %NULL for none
 * @summary: (nullable): the queue's figures for the period, or %NULL
 * @now: the time of the update, µs since the epoch
 *
 * Takes new figures, notifying the properties that changed.
 */
void
pulse_queue_row_update (PulseQueueRow         *self,
                        const PulseQueueLoad  *load,
                        const PulseKpiSummary *summary,
                        gint64                 now)
{
  static const PulseQueueLoad no_load = { 0 };
  gint64 oldest;
  double level;

  g_return_if_fail (PULSE_IS_QUEUE_ROW (self));

  load = load != NULL ? load : &no_load;
  oldest = load->oldest_since > 0 ? MAX (0, (now - load->oldest_since) / G_USEC_PER_SEC) : -1;
  level = summary != NULL && summary->sl_contacts > 0 ? summary->service_level : NAN;

  g_object_freeze_notify (G_OBJECT (self));
  SET (waiting, load->waiting, PROP_WAITING, PROP_WAITING_TEXT);
  SET (oldest_wait, oldest, PROP_OLDEST_WAIT, PROP_OLDEST_WAIT_TEXT);
  SET (incoming, load->incoming_last_hour, PROP_INCOMING, PROP_INCOMING_TEXT);
  SET (agents_online, load->agents_online, PROP_AGENTS_ONLINE, PROP_AGENTS_TEXT);
  SET (agents_available, load->agents_available, PROP_AGENTS_TEXT);
  SET (contacts, summary != NULL ? summary->contacts : 0, PROP_CONTACTS);
  SET (abandoned, summary != NULL ? summary->abandoned : 0, PROP_ABANDONED, PROP_ABANDONED_TEXT);
  if (!(self->service_level == level || (isnan (self->service_level) && isnan (level))))
    {
      self->service_level = level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_LEVEL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_LEVEL_TEXT]);
    }
  SET (health, compute_health (self), PROP_HEALTH, PROP_HEALTH_LABEL);
  g_object_thaw_notify (G_OBJECT (self));
}

PulseQueueHealth
pulse_queue_row_get_health (PulseQueueRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE_ROW (self), PULSE_QUEUE_HEALTH_QUIET);

  return self->health;
}

guint
pulse_queue_row_get_waiting (PulseQueueRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE_ROW (self), 0);

  return self->waiting;
}

/* Seconds the longest-waiting contact has waited, or -1. */
gint64
pulse_queue_row_get_oldest_wait (PulseQueueRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE_ROW (self), -1);

  return self->oldest_wait;
}

/* The period's service level, or NaN before any contact is measured. */
double
pulse_queue_row_get_service_level (PulseQueueRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE_ROW (self), NAN);

  return self->service_level;
}

/**
 * pulse_queue_row_matches:
 * @search: (nullable): what the user typed
 *
 * Returns: %TRUE if the queue's name, country or channel contains
 *   @search, ignoring case; an empty search matches every row.
 */
gboolean
pulse_queue_row_matches (PulseQueueRow *self,
                         const char    *search)
{
  g_autofree char *needle = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *sub = NULL;

  g_return_val_if_fail (PULSE_IS_QUEUE_ROW (self), FALSE);

  if (search == NULL || search[0] == '\0')
    return TRUE;

  sub = subtitle (self->queue);
  text = g_strdup_printf ("%s\n%s", pulse_queue_get_name (self->queue), sub);
  folded = g_utf8_casefold (text, -1);
  needle = g_utf8_casefold (search, -1);
  return strstr (folded, needle) != NULL;
}

/**
 * pulse_queue_row_dup_alert:
 *
 * Returns: (transfer full) (nullable): what is wrong with the queue in
 *   one line ("longest wait 5:00 against 20 s · service level 62 %
 *   against 80 %"), or %NULL when it is within target.
 */
char *
pulse_queue_row_dup_alert (PulseQueueRow *self)
{
  int target;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PULSE_IS_QUEUE_ROW (self), NULL);

  if (self->health < PULSE_QUEUE_HEALTH_AT_RISK)
    return NULL;

  target = pulse_queue_get_sl_target_seconds (self->queue);
  if (target > 0 && self->oldest_wait > target / 2)
    {
      g_autofree char *wait = pulse_format_wait (self->oldest_wait);
      g_autofree char *limit = pulse_format_seconds (target);

      /* Translators: a queue alert, e.g. "longest wait 5:00 against 20 s" */
      g_ptr_array_add (parts, g_strdup_printf (_("longest wait %s against %s"), wait, limit));
    }

  if (!isnan (self->service_level)
      && self->service_level < pulse_queue_get_sl_goal (self->queue) + AT_RISK_MARGIN)
    {
      g_autofree char *level = pulse_format_share (self->service_level);
      g_autofree char *goal = pulse_format_share (pulse_queue_get_sl_goal (self->queue));

      /* Translators: a queue alert, e.g. "service level 62 % against 80 %" */
      g_ptr_array_add (parts, g_strdup_printf (_("service level %s against %s"), level, goal));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}
