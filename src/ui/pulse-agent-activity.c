/* pulse-agent-activity.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-idle-budget.h"
#include "pulse-agent-activity.h"
#include "pulse-ticket.h"

/**
 * PulseAgentActivity:
 *
 * When each agent's contacts came in, from a live list of #PulseTicket
 * (the session's ticket list: the open tickets and the last day's), for
 * the agents page's sparklines: contacts per hour over the last 24 hours.
 *
 * It follows the list through `items-changed` alone, keeping a mirror of
 * each position's assignee and creation time, so a change costs the
 * positions it names: a removed ticket is found in the mirror without
 * asking the list for it, and only added tickets are read. After each
 * change it emits #PulseAgentActivity::agent-changed once per agent whose
 * contacts changed. Agent ids are interned: there are a few hundred.
 *
 * A change of a few tickets (the live case) is read at once. A big one
 * (a snapshot's 50,000 tickets after a reset) would decode every ticket
 * the list had not decoded yet in one go, so it is read in idle slices
 * of at most 4 ms instead; until then the counts are partial, and
 * agent-changed follows each slice.
 */
struct _PulseAgentActivity
{
  GObject     parent_instance;

  GListModel *tickets;
  GArray     *entries;
  GHashTable *agents;
  guint       first_unread;
  guint       reader_id;
};

typedef struct
{
  const char *agent_id;
  gint64      created_at;
  gboolean    read;
} Entry;

/* Changes up to this many tickets are read at once; bigger ones in slices. */
#define READ_AT_ONCE 256

G_DEFINE_FINAL_TYPE (PulseAgentActivity, pulse_agent_activity, G_TYPE_OBJECT)

enum {
  AGENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_time (PulseAgentActivity *self,
          const char         *agent_id,
          gint64              created_at)
{
  GArray *times = g_hash_table_lookup (self->agents, agent_id);

  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->agents, (gpointer) agent_id, times);
    }
  g_array_append_val (times, created_at);
}

static void
remove_time (PulseAgentActivity *self,
             const char         *agent_id,
             gint64              created_at)
{
  GArray *times = g_hash_table_lookup (self->agents, agent_id);

  if (times == NULL)
    return;

  for (guint i = 0; i < times->len; i++)
    {
      if (g_array_index (times, gint64, i) == created_at)
        {
          g_array_remove_index_fast (times, i);
          return;
        }
    }
}

static void
read_entry (PulseAgentActivity *self,
            guint               position,
            Entry              *entry)
{
  g_autoptr(PulseTicket) ticket = g_list_model_get_item (self->tickets, position);
  const char *assignee = ticket != NULL ? pulse_ticket_get_assignee_id (ticket) : NULL;

  entry->agent_id = assignee != NULL && assignee[0] != '\0' ? g_intern_string (assignee) : NULL;
  entry->created_at = ticket != NULL ? pulse_ticket_get_created_at (ticket) : 0;
}

/* Reads the mirror's entry at @index from the list. */
static void
take_entry (PulseAgentActivity *self,
            guint               index,
            GHashTable         *touched)
{
  Entry *entry = &g_array_index (self->entries, Entry, index);

  read_entry (self, index, entry);
  entry->read = TRUE;
  if (entry->agent_id == NULL)
    return;

  add_time (self, entry->agent_id, entry->created_at);
  g_hash_table_add (touched, (gpointer) entry->agent_id);
}

static void
emit_touched (PulseAgentActivity *self,
              GHashTable         *touched)
{
  GHashTableIter iter;
  gpointer agent_id;

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &agent_id, NULL))
    g_signal_emit (self, signals[AGENT_CHANGED], 0, (const char *) agent_id);
}

static gboolean
read_slice_cb (gpointer user_data)
{
  PulseAgentActivity *self = user_data;
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  gint64 deadline = pulse_idle_budget_deadline ();
  guint i;

  for (i = self->first_unread; i < self->entries->len; i++)
    {
      if (!g_array_index (self->entries, Entry, i).read)
        take_entry (self, i, touched);
      if (i % 64 == 63 && g_get_monotonic_time () > deadline)
        {
          i++;
          break;
        }
    }

  self->first_unread = i < self->entries->len ? i : G_MAXUINT;
  if (self->first_unread == G_MAXUINT)
    self->reader_id = 0;
  emit_touched (self, touched);

  return self->reader_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_items_changed_cb (GListModel         *tickets,
                     guint               position,
                     guint               removed,
                     guint               added,
                     PulseAgentActivity *self)
{
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) fresh = g_array_sized_new (FALSE, TRUE, sizeof (Entry), added);

  g_assert (position + removed <= self->entries->len);

  for (guint i = position; i < position + removed; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (!entry->read || entry->agent_id == NULL)
        continue;
      remove_time (self, entry->agent_id, entry->created_at);
      g_hash_table_add (touched, (gpointer) entry->agent_id);
    }
  g_array_remove_range (self->entries, position, removed);
  g_array_set_size (fresh, added);
  g_array_insert_vals (self->entries, position, fresh->data, added);

  /* Entries before @position did not move; unread ones after it may have. */
  if (self->first_unread != G_MAXUINT)
    self->first_unread = MIN (self->first_unread, position);

  if (added <= READ_AT_ONCE)
    {
      for (guint i = 0; i < added; i++)
        take_entry (self, position + i, touched);
    }
  else
    {
      self->first_unread = MIN (self->first_unread, position);
      if (self->reader_id == 0)
        self->reader_id = g_idle_add (read_slice_cb, self);
    }

  emit_touched (self, touched);
}

static void
pulse_agent_activity_dispose (GObject *object)
{
  PulseAgentActivity *self = PULSE_AGENT_ACTIVITY (object);

  if (self->tickets != NULL)
    g_signal_handlers_disconnect_by_func (self->tickets, on_items_changed_cb, self);
  g_clear_object (&self->tickets);
  g_clear_handle_id (&self->reader_id, g_source_remove);

  G_OBJECT_CLASS (pulse_agent_activity_parent_class)->dispose (object);
}

static void
pulse_agent_activity_finalize (GObject *object)
{
  PulseAgentActivity *self = PULSE_AGENT_ACTIVITY (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->agents, g_hash_table_unref);

  G_OBJECT_CLASS (pulse_agent_activity_parent_class)->finalize (object);
}

static void
pulse_agent_activity_class_init (PulseAgentActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_agent_activity_dispose;
  object_class->finalize = pulse_agent_activity_finalize;

  /**
   * PulseAgentActivity::agent-changed:
   * @agent_id: the agent
   *
   * The agent's contacts changed: one came in, left the list or moved
   * to another agent.
   */
  signals[AGENT_CHANGED] =
    g_signal_new ("agent-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
pulse_agent_activity_init (PulseAgentActivity *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->first_unread = G_MAXUINT;
  self->agents = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
}

/**
 * pulse_agent_activity_new:
 * @tickets: a list of #PulseTicket
 *
 * Reads every ticket of @tickets once (in slices when there are many),
 * then follows its changes.
 *
 * Returns: (transfer full): the activity of @tickets' assignees.
 */
PulseAgentActivity *
pulse_agent_activity_new (GListModel *tickets)
{
  PulseAgentActivity *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (tickets), NULL);

  self = g_object_new (PULSE_TYPE_AGENT_ACTIVITY, NULL);
  self->tickets = g_object_ref (tickets);
  g_signal_connect (tickets, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  on_items_changed_cb (tickets, 0, 0, g_list_model_get_n_items (tickets), self);
  return self;
}

/**
 * pulse_agent_activity_get_count:
 * @agent_id: an agent
 *
 * Returns: how many of the list's tickets are assigned to @agent_id.
 */
guint
pulse_agent_activity_get_count (PulseAgentActivity *self,
                                const char         *agent_id)
{
  GArray *times;

  g_return_val_if_fail (PULSE_IS_AGENT_ACTIVITY (self), 0);

  times = agent_id != NULL ? g_hash_table_lookup (self->agents, g_intern_string (agent_id))
                           : NULL;
  return times != NULL ? times->len : 0;
}

/**
 * pulse_agent_activity_bins_start:
 * @now_usec: the time now, µs since the epoch
 *
 * Bins are whole UTC hours and the last one is the hour in progress, so
 * the sparkline moves once an hour, not every second.
 *
 * Returns: where the first of the %PULSE_AGENT_ACTIVITY_BINS bins begins.
 */
gint64
pulse_agent_activity_bins_start (gint64 now_usec)
{
  gint64 hour = now_usec - now_usec % PULSE_AGENT_ACTIVITY_BIN_USEC;

  if (now_usec < 0 && now_usec % PULSE_AGENT_ACTIVITY_BIN_USEC != 0)
    hour -= PULSE_AGENT_ACTIVITY_BIN_USEC;

  return hour - (PULSE_AGENT_ACTIVITY_BINS - 1) * PULSE_AGENT_ACTIVITY_BIN_USEC;
}

/**
 * pulse_agent_activity_bin:
 * @times: (array length=n_times): creation times, µs
 * @n_times: their number
 * @now_usec: the time now
 * @bins: (out caller-allocates) (array fixed-size=24): contacts per hour
 *
 * Counts @times into hourly bins, oldest first; times before the first
 * bin or after the hour in progress are left out.
 */
void
pulse_agent_activity_bin (const gint64 *times,
                          guint         n_times,
                          gint64        now_usec,
                          guint        *bins)
{
  gint64 start = pulse_agent_activity_bins_start (now_usec);
  gint64 end = start + PULSE_AGENT_ACTIVITY_BINS * PULSE_AGENT_ACTIVITY_BIN_USEC;

  for (guint i = 0; i < PULSE_AGENT_ACTIVITY_BINS; i++)
    bins[i] = 0;

  for (guint i = 0; i < n_times; i++)
    {
      if (times[i] >= start && times[i] < end)
        bins[(times[i] - start) / PULSE_AGENT_ACTIVITY_BIN_USEC]++;
    }
}

/**
 * pulse_agent_activity_get_bins:
 * @agent_id: an agent
 * @now_usec: the time now
 * @bins: (out caller-allocates) (array fixed-size=24): contacts per hour
 *
 * The agent's contacts per hour over the last 24 hours, by creation
 * time, oldest hour first (see pulse_agent_activity_bin()).
 */
void
pulse_agent_activity_get_bins (PulseAgentActivity *self,
                               const char         *agent_id,
                               gint64              now_usec,
                               guint              *bins)
{
  GArray *times;

  g_return_if_fail (PULSE_IS_AGENT_ACTIVITY (self));
  g_return_if_fail (bins != NULL);

  times = agent_id != NULL ? g_hash_table_lookup (self->agents, g_intern_string (agent_id))
                           : NULL;
  pulse_agent_activity_bin (times != NULL ? (const gint64 *) times->data : NULL,
                            times != NULL ? times->len : 0, now_usec, bins);
}
