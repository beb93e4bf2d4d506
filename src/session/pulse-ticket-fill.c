/* pulse-ticket-fill.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A state's tickets handed to a view in idle slices, for the views that
 * count from the state alone (#PulseHourlyView, #PulseQueueLoadView).
 * Decoding a ticket costs ~12 µs and a state holds tens of thousands, so
 * a view that took them at once would hold up frames for a third of a
 * second. The slices share the main-loop iteration's budget with the
 * other slicers (pulse-idle-budget.c). A ticket that changed since the
 * fill started is skipped: the view took its new version from the
 * change.
 */

#include "config.h"

#include "pulse-idle-budget.h"
#include "pulse-ticket-fill.h"

/* Tickets a slice takes whatever the clock says (~0.3 ms): a busy
 * machine that preempts the main loop mid-slice must not spread a small
 * fill over many iterations, nor stop a fill behind another slicer that
 * spent the iteration's budget. */
#define FILL_MIN_TICKETS 16

struct _PulseTicketFill
{
  PulseState          *state;
  GPtrArray           *nodes;   /* JsonNode, held: a changed ticket frees its old node */
  guint                next;
  PulseTicketFillFunc  func;
  GSourceFunc          done;
  gpointer             user_data;
  guint                source_id;
};

static gboolean
slice_cb (gpointer data)
{
  PulseTicketFill *self = data;
  gint64 deadline = pulse_idle_budget_deadline ();
  guint taken = 0;

  while (self->next < self->nodes->len
         && (taken < FILL_MIN_TICKETS || g_get_monotonic_time () < deadline))
    {
      JsonNode *node = self->nodes->pdata[self->next++];
      const char *id = json_object_get_string_member (json_node_get_object (node), "id");

      if (pulse_state_lookup (self->state, PULSE_STATE_KIND_TICKET, id) == node)
        self->func (self->user_data, id, node);
      taken++;
    }

  if (self->next < self->nodes->len)
    return G_SOURCE_CONTINUE;

  /* Last: the owner may free the fill from @done. */
  self->source_id = 0;
  self->done (self->user_data);
  return G_SOURCE_REMOVE;
}

/**
 * pulse_ticket_fill_start:
 * @state: the state whose tickets to hand out
 * @func: takes each ticket still current when its slice comes
 * @done: called once, after the last ticket (its return value is ignored)
 * @user_data: for @func and @done
 *
 * Returns: (transfer full): the fill under way; freeing it stops it.
 */
PulseTicketFill *
pulse_ticket_fill_start (PulseState          *state,
                         PulseTicketFillFunc  func,
                         GSourceFunc          done,
                         gpointer             user_data)
{
  PulseTicketFill *self;

  g_return_val_if_fail (PULSE_IS_STATE (state), NULL);
  g_return_val_if_fail (func != NULL && done != NULL, NULL);

  self = g_new0 (PulseTicketFill, 1);
  self->state = g_object_ref (state);
  self->nodes = pulse_state_list_items (state, PULSE_STATE_KIND_TICKET);
  for (guint i = 0; i < self->nodes->len; i++)
    json_node_ref (self->nodes->pdata[i]);
  g_ptr_array_set_free_func (self->nodes, (GDestroyNotify) json_node_unref);
  self->func = func;
  self->done = done;
  self->user_data = user_data;
  self->source_id = g_idle_add (slice_cb, self);
  return self;
}

/**
 * pulse_ticket_fill_free:
 *
 * Stops the fill if it is still under way.
 */
void
pulse_ticket_fill_free (PulseTicketFill *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->source_id, g_source_remove);
  g_ptr_array_unref (self->nodes);
  g_object_unref (self->state);
  g_free (self);
}
