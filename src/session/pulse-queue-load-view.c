/* pulse-queue-load-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-queue-load-view.h"
#include "pulse-sorted-bag.h"
#include "pulse-ticket-fill.h"
#include "pulse-ticket-memo.h"

/**
 * PulseQueueLoadView:
 *
 * The ticket side of each queue's live load (pulse_queue_load_compute():
 * who waits, since when, what came in the last hour), kept by the same
 * #PulseStateChange stream as the lists. Per queue, the creation times
 * of its tickets and of those waiting are held sorted, so reading the
 * loads costs a few lookups per queue, not a pass over every open
 * ticket; the Queues and Overview pages read them every frame while
 * contacts stream in.
 *
 * A reset takes the state's tickets in idle slices (#PulseTicketFill);
 * until #PulseQueueLoadView:loaded, the loads are partial and callers
 * count from the lists instead (pulse_session_dup_queue_loads()).
 */

#define HOUR_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

typedef struct
{
  PulseSortedBag *created;  /* created_at of every ticket of the queue */
  PulseSortedBag *waiting;  /* created_at of those waiting for an answer */
} QueueTickets;

/* What a ticket adds, to take it back out when it changes. */
typedef struct
{
  char     *queue_id;
  gint64    created_at;
  gboolean  waiting;
} Mark;

struct _PulseQueueLoadView
{
  GObject          parent_instance;

  GHashTable      *queues;  /* queue id → QueueTickets */
  GHashTable      *marks;   /* ticket id → Mark */
  PulseState      *state;
  PulseTicketFill *fill;
};

G_DEFINE_FINAL_TYPE (PulseQueueLoadView, pulse_queue_load_view, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
queue_tickets_free (QueueTickets *tickets)
{
  pulse_sorted_bag_free (tickets->created);
  pulse_sorted_bag_free (tickets->waiting);
  g_free (tickets);
}

static void
mark_free (Mark *mark)
{
  g_free (mark->queue_id);
  g_free (mark);
}

static QueueTickets *
tickets_of (PulseQueueLoadView *self,
            const char         *queue_id)
{
  QueueTickets *tickets = g_hash_table_lookup (self->queues, queue_id);

  if (tickets == NULL)
    {
      tickets = g_new0 (QueueTickets, 1);
      tickets->created = pulse_sorted_bag_new ();
      tickets->waiting = pulse_sorted_bag_new ();
      g_hash_table_insert (self->queues, g_strdup (queue_id), tickets);
    }

  return tickets;
}

static void
unmark (PulseQueueLoadView *self,
        const char         *id)
{
  Mark *mark = g_hash_table_lookup (self->marks, id);
  QueueTickets *tickets;

  if (mark == NULL)
    return;

  tickets = tickets_of (self, mark->queue_id);
  pulse_sorted_bag_remove (tickets->created, mark->created_at);
  if (mark->waiting)
    pulse_sorted_bag_remove (tickets->waiting, mark->created_at);
  g_hash_table_remove (self->marks, id);
}

static void
mark_ticket (PulseQueueLoadView *self,
             const char         *id,
             JsonNode           *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTicket) ticket = pulse_ticket_memo_decode (node, &error);
  QueueTickets *tickets;
  Mark *mark;

  unmark (self, id);
  /* The state decoded it before it took it: this is a bug, not input. */
  if (ticket == NULL)
    {
      g_critical ("queue loads: a ticket cannot be read: %s", error->message);
      return;
    }

  mark = g_new0 (Mark, 1);
  mark->queue_id = g_strdup (pulse_ticket_get_queue_id (ticket) ?: "");
  mark->created_at = pulse_ticket_get_created_at (ticket);
  mark->waiting = pulse_queue_load_is_waiting (ticket);
  g_hash_table_insert (self->marks, g_strdup (id), mark);

  tickets = tickets_of (self, mark->queue_id);
  pulse_sorted_bag_insert (tickets->created, mark->created_at);
  if (mark->waiting)
    pulse_sorted_bag_insert (tickets->waiting, mark->created_at);
}

static void
fill_one (gpointer    user_data,
          const char *id,
          JsonNode   *node)
{
  mark_ticket (user_data, id, node);
}

static gboolean
fill_done (gpointer user_data)
{
  PulseQueueLoadView *self = user_data;

  g_clear_pointer (&self->fill, pulse_ticket_fill_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  return G_SOURCE_REMOVE;
}

static void
pulse_queue_load_view_dispose (GObject *object)
{
  PulseQueueLoadView *self = PULSE_QUEUE_LOAD_VIEW (object);

  g_clear_pointer (&self->fill, pulse_ticket_fill_free);
  g_clear_object (&self->state);
  G_OBJECT_CLASS (pulse_queue_load_view_parent_class)->dispose (object);
}

static void
pulse_queue_load_view_finalize (GObject *object)
{
  PulseQueueLoadView *self = PULSE_QUEUE_LOAD_VIEW (object);

  g_hash_table_unref (self->queues);
  g_hash_table_unref (self->marks);
  G_OBJECT_CLASS (pulse_queue_load_view_parent_class)->finalize (object);
}

static void
pulse_queue_load_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PulseQueueLoadView *self = PULSE_QUEUE_LOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, pulse_queue_load_view_get_loaded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_queue_load_view_class_init (PulseQueueLoadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_queue_load_view_dispose;
  object_class->finalize = pulse_queue_load_view_finalize;
  object_class->get_property = pulse_queue_load_view_get_property;

  /**
   * PulseQueueLoadView:loaded:
   *
   * Whether the tickets of the last reset are all counted.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_queue_load_view_init (PulseQueueLoadView *self)
{
  self->queues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) queue_tickets_free);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) mark_free);
}

/**
 * pulse_queue_load_view_new:
 *
 * Returns: (transfer full): an empty view; give it a state with
 *   pulse_queue_load_view_reset()
 */
PulseQueueLoadView *
pulse_queue_load_view_new (void)
{
  return g_object_new (PULSE_TYPE_QUEUE_LOAD_VIEW, NULL);
}

gboolean
pulse_queue_load_view_get_loaded (PulseQueueLoadView *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE_LOAD_VIEW (self), FALSE);

  return self->fill == NULL;
}

/**
 * pulse_queue_load_view_reset:
 * @state: the state to count, loaded from the cache or a new snapshot
 *
 * Counts @state's tickets again, in idle slices. Give the view the
 * changes of this same state afterwards.
 */
void
pulse_queue_load_view_reset (PulseQueueLoadView *self,
                             PulseState         *state)
{
  gboolean was_loaded;

  g_return_if_fail (PULSE_IS_QUEUE_LOAD_VIEW (self));
  g_return_if_fail (PULSE_IS_STATE (state));

  was_loaded = self->fill == NULL;
  g_clear_pointer (&self->fill, pulse_ticket_fill_free);
  g_set_object (&self->state, state);
  g_hash_table_remove_all (self->marks);
  g_hash_table_remove_all (self->queues);
  self->fill = pulse_ticket_fill_start (state, fill_one, fill_done, self);
  if (was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/**
 * pulse_queue_load_view_apply:
 * @change: what the state's last pulse_state_apply() did
 *
 * Follows one change of a ticket.
 */
void
pulse_queue_load_view_apply (PulseQueueLoadView     *self,
                             const PulseStateChange *change)
{
  g_return_if_fail (PULSE_IS_QUEUE_LOAD_VIEW (self));
  g_return_if_fail (change != NULL);

  if (change->kind != PULSE_STATE_KIND_TICKET || change->id == NULL)
    return;

  if (change->action == PULSE_STATE_ACTION_DELETED)
    unmark (self, change->id);
  else if (change->action == PULSE_STATE_ACTION_CREATED
           || change->action == PULSE_STATE_ACTION_UPDATED)
    mark_ticket (self, change->id, change->item);
}

/**
 * pulse_queue_load_view_compute:
 * @queues: a #GListModel of #PulseQueue
 * @agents: a #GListModel of #PulseAgent
 * @now: the time the load is for, µs since the epoch
 *
 * Returns: (transfer full) (element-type utf8 PulseQueueLoad): what
 *   pulse_queue_load_compute() gives for the tickets followed
 */
GHashTable *
pulse_queue_load_view_compute (PulseQueueLoadView *self,
                               GListModel         *queues,
                               GListModel         *agents,
                               gint64              now)
{
  GHashTable *loads;
  GHashTableIter iter;
  gpointer id, value;

  g_return_val_if_fail (PULSE_IS_QUEUE_LOAD_VIEW (self), NULL);

  loads = pulse_queue_load_table_new (queues);
  g_hash_table_iter_init (&iter, loads);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      PulseQueueLoad *load = value;
      QueueTickets *tickets = g_hash_table_lookup (self->queues, id);

      if (tickets == NULL)
        continue;

      /* Created in (now − 1 h, now], as pulse_queue_load_compute(). */
      load->incoming_last_hour = pulse_sorted_bag_count_at_most (tickets->created, now)
                                 - pulse_sorted_bag_count_at_most (tickets->created,
                                                                   now - HOUR_USEC);
      load->waiting = pulse_sorted_bag_get_size (tickets->waiting);
      if (load->waiting > 0)
        load->oldest_since = pulse_sorted_bag_get_nth (tickets->waiting, 0);
    }

  pulse_queue_load_count_agents (loads, queues, agents);
  return loads;
}
