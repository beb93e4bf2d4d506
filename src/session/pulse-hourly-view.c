/* pulse-hourly-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object, following the state's changes, and reading the figures;
 * the hours themselves are in pulse-hourly-view-hours.c.
 */

#include "config.h"

#include "pulse-hourly-view-private.h"

/**
 * PulseHourlyView:
 *
 * The last clock hours, hour by hour, as pulse_hourly_figures() reads
 * them, kept by the same #PulseStateChange stream as the lists: one
 * #PulseKpi per hour, and a changed ticket is one replace in its hour's.
 * Reading the figures costs a summary per hour, not a pass over the
 * day's contacts, so the Overview can show them at any rate without
 * holding up a frame.
 *
 * The state holds every ticket created in the last day (open ones, and
 * closed ones changed since), so the hours need nothing from the cache.
 * A reset adds the state's tickets in idle slices (#PulseTicketFill);
 * #PulseHourlyView:loaded says when they are all in.
 *
 * The hours move on when the figures are read at a later hour: the
 * oldest are dropped, new ones start empty, and a ticket stamped after
 * the last hour (the server's clock ahead of ours) is kept aside and
 * counted once its hour comes.
 */

G_DEFINE_FINAL_TYPE (PulseHourlyView, pulse_hourly_view, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill_one (gpointer    user_data,
          const char *id,
          JsonNode   *node)
{
  _pulse_hourly_view_place (user_data, id, node);
}

static gboolean
fill_done (gpointer user_data)
{
  PulseHourlyView *self = user_data;

  g_clear_pointer (&self->fill, pulse_ticket_fill_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  return G_SOURCE_REMOVE;
}

void
_pulse_hourly_view_start_fill (PulseHourlyView *self)
{
  gboolean was_loaded = self->fill == NULL;

  g_clear_pointer (&self->fill, pulse_ticket_fill_free);
  if (self->state == NULL)
    return;

  self->fill = pulse_ticket_fill_start (self->state, fill_one, fill_done, self);
  if (was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
pulse_hourly_view_dispose (GObject *object)
{
  PulseHourlyView *self = PULSE_HOURLY_VIEW (object);

  g_clear_pointer (&self->fill, pulse_ticket_fill_free);
  g_clear_object (&self->state);
  G_OBJECT_CLASS (pulse_hourly_view_parent_class)->dispose (object);
}

static void
pulse_hourly_view_finalize (GObject *object)
{
  PulseHourlyView *self = PULSE_HOURLY_VIEW (object);

  g_ptr_array_unref (self->hours);
  g_hash_table_unref (self->queues);
  g_hash_table_unref (self->placed);
  g_hash_table_unref (self->later);
  G_OBJECT_CLASS (pulse_hourly_view_parent_class)->finalize (object);
}

static void
pulse_hourly_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PulseHourlyView *self = PULSE_HOURLY_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, pulse_hourly_view_get_loaded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_hourly_view_class_init (PulseHourlyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_hourly_view_dispose;
  object_class->finalize = pulse_hourly_view_finalize;
  object_class->get_property = pulse_hourly_view_get_property;

  /**
   * PulseHourlyView:loaded:
   *
   * Whether the tickets of the last reset are all counted.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_hourly_view_init (PulseHourlyView *self)
{
  self->hours = g_ptr_array_new_with_free_func (g_object_unref);
  self->queues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_node_unref);
  self->placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->later = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) json_node_unref);
}

/**
 * pulse_hourly_view_new:
 * @n_hours: how many clock hours, the last one the current hour
 *
 * Returns: (transfer full): an empty view; give it a state with
 *   pulse_hourly_view_reset()
 */
PulseHourlyView *
pulse_hourly_view_new (guint n_hours)
{
  PulseHourlyView *self;

  g_return_val_if_fail (n_hours > 0 && n_hours <= 24 * 90, NULL);

  self = g_object_new (PULSE_TYPE_HOURLY_VIEW, NULL);
  self->n_hours = n_hours;
  _pulse_hourly_view_new_hours (self, _pulse_hourly_view_hour_of (g_get_real_time ())
                                      - (gint64) (n_hours - 1) * HOUR_USEC);
  return self;
}

guint
pulse_hourly_view_get_n_hours (PulseHourlyView *self)
{
  g_return_val_if_fail (PULSE_IS_HOURLY_VIEW (self), 0);

  return self->n_hours;
}

gboolean
pulse_hourly_view_get_loaded (PulseHourlyView *self)
{
  g_return_val_if_fail (PULSE_IS_HOURLY_VIEW (self), FALSE);

  return self->fill == NULL;
}

static void
take_queues (PulseHourlyView *self,
             PulseState      *state)
{
  g_autoptr(GPtrArray) queues = pulse_state_list_items (state, PULSE_STATE_KIND_QUEUE);

  g_hash_table_remove_all (self->queues);
  for (guint i = 0; i < queues->len; i++)
    {
      JsonNode *node = queues->pdata[i];
      const char *id = json_object_get_string_member (json_node_get_object (node), "id");

      g_hash_table_replace (self->queues, g_strdup (id), json_node_ref (node));
    }
}

/**
 * pulse_hourly_view_reset:
 * @state: the state to count, loaded from the cache or a new snapshot
 * @now: the time, µs since the epoch: the last hour is the one under way
 *
 * Counts @state's tickets again, in idle slices. The view keeps @state
 * to tell a ticket that changed since: give it the changes of this same
 * state afterwards.
 */
void
pulse_hourly_view_reset (PulseHourlyView *self,
                         PulseState      *state,
                         gint64           now)
{
  g_return_if_fail (PULSE_IS_HOURLY_VIEW (self));
  g_return_if_fail (PULSE_IS_STATE (state));

  g_set_object (&self->state, state);
  take_queues (self, state);
  _pulse_hourly_view_new_hours (self, _pulse_hourly_view_hour_of (now)
                                      - (gint64) (self->n_hours - 1) * HOUR_USEC);
  _pulse_hourly_view_start_fill (self);
}

static void
apply_queue (PulseHourlyView        *self,
             const PulseStateChange *change)
{
  /* A queue removed keeps its target in the hours: its contacts stay. */
  if (change->action == PULSE_STATE_ACTION_DELETED)
    {
      g_hash_table_remove (self->queues, change->id);
      return;
    }

  g_hash_table_replace (self->queues, g_strdup (change->id), json_node_ref (change->item));
  for (guint h = 0; h < self->hours->len; h++)
    _pulse_hourly_view_set_queue (self->hours->pdata[h], change->item);
}

/**
 * pulse_hourly_view_apply:
 * @change: what the state's last pulse_state_apply() did
 *
 * Follows one change: a ticket moves into its hour (or out), a queue's
 * target is given to every hour.
 */
void
pulse_hourly_view_apply (PulseHourlyView        *self,
                         const PulseStateChange *change)
{
  g_return_if_fail (PULSE_IS_HOURLY_VIEW (self));
  g_return_if_fail (change != NULL);

  if (change->id == NULL)
    return;

  switch (change->action)
    {
    case PULSE_STATE_ACTION_CREATED:
    case PULSE_STATE_ACTION_UPDATED:
    case PULSE_STATE_ACTION_DELETED:
      break;
    default:
      return;
    }

  if (change->kind == PULSE_STATE_KIND_QUEUE)
    apply_queue (self, change);
  else if (change->kind != PULSE_STATE_KIND_TICKET)
    return;
  else if (change->action == PULSE_STATE_ACTION_DELETED)
    _pulse_hourly_view_unplace (self, change->id);
  else
    _pulse_hourly_view_place (self, change->id, change->item);
}

/**
 * pulse_hourly_view_dup_figures:
 * @now: the time, µs since the epoch; the hours move on to end at its
 *
 * Returns: (transfer full) (element-type PulseHourFigures): the hours,
 *   oldest first, as pulse_hourly_figures() gives them
 */
GArray *
pulse_hourly_view_dup_figures (PulseHourlyView *self,
                               gint64           now)
{
  GArray *hours;

  g_return_val_if_fail (PULSE_IS_HOURLY_VIEW (self), NULL);

  _pulse_hourly_view_roll_to (self, now);
  hours = g_array_sized_new (FALSE, TRUE, sizeof (PulseHourFigures), self->n_hours);
  g_array_set_size (hours, self->n_hours);
  for (guint h = 0; h < self->n_hours; h++)
    {
      PulseHourFigures *hour = &g_array_index (hours, PulseHourFigures, h);

      hour->start = self->first + h * HOUR_USEC;
      pulse_hour_figures_fill (hour, self->hours->pdata[h], now);
    }

  return hours;
}
