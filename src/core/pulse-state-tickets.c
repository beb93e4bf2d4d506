/* pulse-state-tickets.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ticket events on a #PulseState (docs/protocol-ingest.md, Ingest
 * events), and tickets the state gets out of band.
 *
 * A snapshot holds open tickets and those changed in the last 24 hours,
 * but a customer may write again on a ticket closed last week: its
 * `message.created` then names a ticket the state lacks. Such events are
 * held and the caller fetches the ticket. The fetched copy may be older
 * than the held events (they are replayed on it) or newer than events
 * still to come (those are skipped: the copy has them), since the fetch
 * and the stream are not ordered with each other.
 *
 * The ticket an event makes is built in pulse-state-ticket-build.c.
 */

#include "config.h"

#include "pulse-state-private.h"
#include "pulse-ticket-private.h"

/* Holds @entry for its ticket, replacing the one before. */
static void
put_entry (PulseState       *self,
           const char       *id,
           PulseStateTicket *entry,
           gint64            ahead,
           PulseStateAction  action,
           PulseStateChange *change)
{
  entry->ahead = ahead;
  g_hash_table_insert (self->tickets, g_strdup (id), entry);
  _pulse_state_report (change, PULSE_STATE_KIND_TICKET, action, id, entry->node);
}

static gboolean
hold (PulseState            *self,
      PulseStateTicketEvent *event,
      PulseStateChange      *change)
{
  GPtrArray *events = g_hash_table_lookup (self->held, event->ticket_id);
  gboolean first = events == NULL;
  const char *id = event->ticket_id;

  if (first)
    {
      events = g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_state_ticket_event_free);
      g_hash_table_insert (self->held, g_strdup (id), events);
    }

  g_ptr_array_add (events, event);
  _pulse_state_report (change, PULSE_STATE_KIND_TICKET,
                       first ? PULSE_STATE_ACTION_MISSING : PULSE_STATE_ACTION_NONE, id, NULL);
  return TRUE;
}

static gboolean
create (PulseState             *self,
        PulseStateTicketEvent  *event,
        PulseStateTicket       *entry,
        PulseStateChange       *change,
        GError                **error)
{
  if (entry != NULL && event->version <= entry->ahead)
    {
      _pulse_state_report (change, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE,
                           event->ticket_id, NULL);
      return TRUE;
    }

  if (entry != NULL || g_hash_table_contains (self->held, event->ticket_id))
    return _pulse_state_conflict (error, "the state has a ticket “%s” already",
                                  event->ticket_id);

  put_entry (self, event->ticket_id, _pulse_state_build_ticket (event, NULL, error), 0,
             PULSE_STATE_ACTION_CREATED, change);
  return TRUE;
}

gboolean
_pulse_state_apply_ticket (PulseState        *self,
                           const char        *type,
                           JsonNode          *data,
                           PulseStateChange  *change,
                           GError           **error)
{
  g_autoptr(PulseStateTicketEvent) event = _pulse_state_read_ticket_event (type, data, error);
  PulseStateTicket *entry, *next;

  if (event == NULL)
    return FALSE;

  entry = g_hash_table_lookup (self->tickets, event->ticket_id);
  if (event->op == PULSE_STATE_OP_CREATED)
    return create (self, event, entry, change, error);
  if (entry == NULL)
    return hold (self, g_steal_pointer (&event), change);

  /* The state fetched this ticket at a version the stream has not yet
   * reached: what comes up to it is in already. */
  if (event->version <= entry->ahead)
    {
      _pulse_state_report (change, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE,
                           event->ticket_id, NULL);
      return TRUE;
    }

  if (event->version != entry->version + 1)
    return _pulse_state_conflict (error, "%s: expected %" G_GINT64_FORMAT " (the ticket is at %"
                                  G_GINT64_FORMAT "), got %" G_GINT64_FORMAT,
                                  event->op == PULSE_STATE_OP_UPDATED ? "version"
                                                                      : "ticket_version",
                                  entry->version + 1, entry->version, event->version);

  next = _pulse_state_build_ticket (event, entry, error);
  if (next == NULL)
    return FALSE;

  put_entry (self, event->ticket_id, next, 0, PULSE_STATE_ACTION_UPDATED, change);
  return TRUE;
}

/* @entry (taken) with the held events after its version replayed on it. */
static PulseStateTicket *
replay_held (PulseStateTicket  *entry,
             GPtrArray         *held,
             GError           **error)
{
  PulseStateTicket *current = entry;

  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      PulseStateTicketEvent *event = held->pdata[i];
      PulseStateTicket *next;

      if (event->version <= current->version)
        continue;
      if (event->version != current->version + 1)
        {
          _pulse_state_conflict (error, "ticket “%s”: a held event has version %"
                                 G_GINT64_FORMAT ", the ticket is at %" G_GINT64_FORMAT,
                                 event->ticket_id, event->version, current->version);
          _pulse_state_ticket_free (current);
          return NULL;
        }

      next = _pulse_state_build_ticket (event, current, error);
      _pulse_state_ticket_free (current);
      if (next == NULL)
        return NULL;
      current = next;
    }

  return current;
}

/* Puts @entry (taken), a ticket fetched or read back, at its version,
 * with the held events after it replayed on it. */
gboolean
_pulse_state_put_fetched (PulseState        *self,
                          PulseStateTicket  *entry,
                          PulseStateChange  *change,
                          GError           **error)
{
  g_autofree char *id = g_strdup (_pulse_state_item_id (entry->node));
  PulseStateTicket *stored = g_hash_table_lookup (self->tickets, id);
  gint64 version = entry->version;
  PulseStateTicket *result;

  change->seq = self->seq;
  if (stored != NULL && stored->version >= version)
    {
      _pulse_state_ticket_free (entry);
      _pulse_state_report (change, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE, id, NULL);
      return TRUE;
    }

  result = replay_held (entry, g_hash_table_lookup (self->held, id), error);
  if (result == NULL)
    return FALSE;

  put_entry (self, id, result, version,
             stored != NULL ? PULSE_STATE_ACTION_UPDATED : PULSE_STATE_ACTION_CREATED, change);
  g_hash_table_remove (self->held, id);
  return TRUE;
}

static gboolean
put_ticket (PulseState        *self,
            JsonNode          *ticket,
            gboolean           stored,
            PulseStateChange  *change,
            GError           **error)
{
  g_auto(PulseStateChange) scratch = { 0 };
  g_autoptr(PulseTicket) fetched = NULL;

  g_assert (PULSE_IS_STATE (self));
  g_assert (ticket != NULL);

  if (change == NULL)
    change = &scratch;
  pulse_state_change_clear (change);
  change->seq = self->seq;

  fetched = pulse_ticket_new_from_json (ticket, error);
  if (fetched == NULL)
    return FALSE;

  /* A stored ticket is the canonical form already: kept, not written
   * again (that would be most of the cost of reading a cache). */
  return _pulse_state_put_fetched (self,
                            stored ? _pulse_state_ticket_new_for_node (fetched, ticket)
                                   : _pulse_state_ticket_new (fetched, ticket),
                            change, error);
}

/**
 * pulse_state_put_ticket:
 * @ticket: a ticket with its messages and ratings, as `GET
 *   /api/v1/tickets/{id}` gives it
 * @change: (out caller-allocates) (optional): what it did, as for
 *   pulse_state_apply()
 * @error: return location for a %PULSE_ERROR error
 *
 * Adds a ticket fetched out of band, usually one an event was held for
 * (%PULSE_STATE_ACTION_MISSING). The held events newer than @ticket are
 * applied on it, and events up to @ticket's version that the stream still
 * brings are skipped, since @ticket has them. A ticket the state holds at
 * the same or a newer version is left as it is (%TRUE,
 * %PULSE_STATE_ACTION_NONE). The state's seq does not change.
 *
 * Returns: %TRUE on success; %PULSE_ERROR_INVALID_DATA for a bad ticket
 *   (naming the field), %PULSE_ERROR_CONFLICT if the held events do not
 *   follow on from @ticket. On error nothing changes.
 */
gboolean
pulse_state_put_ticket (PulseState        *self,
                        JsonNode          *ticket,
                        PulseStateChange  *change,
                        GError           **error)
{
  g_return_val_if_fail (PULSE_IS_STATE (self), FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);

  return put_ticket (self, ticket, FALSE, change, error);
}

/**
 * pulse_state_put_stored_ticket:
 * @ticket: a ticket as this state's pulse_state_lookup() gave it before,
 *   read back from the client's own cache: the codec's canonical form
 * @change: (out caller-allocates) (optional): what it did
 * @error: return location for a %PULSE_ERROR error
 *
 * As pulse_state_put_ticket(), but @ticket is held as given (a reference
 * is taken; do not change it) rather than written again by the codec,
 * which is most of the cost of reading a large cache. It is still
 * decoded and checked. Only give it what the state itself produced.
 *
 * Returns: %TRUE on success, as pulse_state_put_ticket().
 */
gboolean
pulse_state_put_stored_ticket (PulseState        *self,
                               JsonNode          *ticket,
                               PulseStateChange  *change,
                               GError           **error)
{
  g_return_val_if_fail (PULSE_IS_STATE (self), FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);

  return put_ticket (self, ticket, TRUE, change, error);
}
