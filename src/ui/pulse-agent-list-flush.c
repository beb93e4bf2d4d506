/* pulse-agent-list-flush.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flushes: row updates noted as they come (a property changed on some
 * rows, an agent's contacts changed) wait for the next flush, which runs
 * once per main-loop turn or when the owner says, brings the sparklines
 * and figures of those rows up to date and emits
 * #PulseAgentList::rows-changed once per property. Part of PulseAgentList.
 */

#include "config.h"

#include "pulse-agent-list-private.h"
#include "pulse-before-frame.h"

static gboolean flush_cb (gpointer user_data);

static void
update_bins_max (PulseAgentList *self)
{
  GHashTableIter iter;
  gpointer row;

  self->bins_max = 0;
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      const guint *bins = pulse_agent_row_get_bins (row);

      for (guint i = 0; i < PULSE_AGENT_ACTIVITY_BINS; i++)
        self->bins_max = MAX (self->bins_max, bins[i]);
    }
}

/* Something waits for the next flush: schedule one, or tell the owner. */
void
_pulse_agent_list_request_flush (PulseAgentList *self)
{
  if (self->flushing || self->flush_requested)
    return;

  self->flush_requested = TRUE;
  /* Else before the next frame, which shows the rows in their new order
   * (pulse-before-frame.c). */
  if (self->manual_flush)
    g_signal_emit (self, _pulse_agent_list_signals[PENDING], 0);
  else
    pulse_before_frame_schedule (&self->pending_id, flush_cb, self);
}

void
_pulse_agent_list_schedule_rows_changed (PulseAgentList *self,
                                         const char     *property)
{
  g_hash_table_add (self->pending, (gpointer) g_intern_string (property));
  _pulse_agent_list_request_flush (self);
}

static void
update_stale_bins (PulseAgentList *self)
{
  g_autoptr(GHashTable) stale = g_steal_pointer (&self->stale_bins);
  GHashTableIter iter;
  gpointer agent_id;

  self->stale_bins = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, stale);
  while (g_hash_table_iter_next (&iter, &agent_id, NULL))
    {
      PulseAgentRow *row = g_hash_table_lookup (self->by_id, agent_id);
      guint bins[PULSE_AGENT_ACTIVITY_BINS];

      if (row == NULL)
        continue;
      pulse_agent_activity_get_bins (self->activity, agent_id,
                                     self->bins_start + 23 * PULSE_AGENT_ACTIVITY_BIN_USEC, bins);
      if (pulse_agent_row_set_bins (row, bins))
        g_hash_table_add (self->pending, (gpointer) g_intern_static_string ("bins"));
    }
}

static gboolean
flush_cb (gpointer user_data)
{
  PulseAgentList *self = user_data;

  self->pending_id = 0;
  pulse_agent_list_flush (self);
  return G_SOURCE_REMOVE;
}

/**
 * pulse_agent_list_set_manual_flush:
 * @manual: whether the owner calls pulse_agent_list_flush()
 *
 * With @manual, row updates wait for pulse_agent_list_flush(), and
 * #PulseAgentList::pending says when one is due; a page flushes once per
 * frame while it is shown, and not at all while it is hidden. Without,
 * the list flushes itself once per main-loop turn (the default).
 */
void
pulse_agent_list_set_manual_flush (PulseAgentList *self,
                                   gboolean        manual)
{
  g_return_if_fail (PULSE_IS_AGENT_LIST (self));

  self->manual_flush = !!manual;
  if (self->manual_flush)
    g_clear_handle_id (&self->pending_id, g_source_remove);
  if (self->flush_requested)
    {
      self->flush_requested = FALSE;
      _pulse_agent_list_request_flush (self);
    }
}

/**
 * pulse_agent_list_flush:
 *
 * Brings the rows whose contacts or figures changed since the last flush
 * up to date, then emits #PulseAgentList::rows-changed once per property
 * that changed. Rows with nothing new are not touched.
 *
 * Returns: whether there was anything to do.
 */
gboolean
pulse_agent_list_flush (PulseAgentList *self)
{
  g_autoptr(GHashTable) pending = NULL;
  GHashTableIter iter;
  gpointer property;

  g_return_val_if_fail (PULSE_IS_AGENT_LIST (self), FALSE);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  if (!self->flush_requested)
    return FALSE;

  self->flush_requested = FALSE;
  self->flushing = TRUE;
  update_stale_bins (self);
  if (self->stale_summaries)
    {
      self->stale_summaries = FALSE;
      _pulse_agent_list_update_summaries (self);
    }
  self->flushing = FALSE;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_hash_table_new (NULL, NULL);
  if (g_hash_table_contains (pending, g_intern_static_string ("bins")))
    update_bins_max (self);
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &property, NULL))
    g_signal_emit (self, _pulse_agent_list_signals[ROWS_CHANGED], 0, (const char *) property);

  return TRUE;
}
