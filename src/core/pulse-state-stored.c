/* pulse-state-stored.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tickets read back from the client's cache, decoded and checked in a
 * worker and put in a #PulseState on its own thread: a start from a large
 * cache decodes thousands of them, in threads beside the first frame.
 */

#include "config.h"

#include "pulse-state-private.h"

/**
 * pulse_state_stored_ticket_new:
 * @ticket: a ticket as a state's pulse_state_lookup() gave it before,
 *   read back from the client's own cache
 * @error: return location for a %PULSE_ERROR error
 *
 * Decodes and checks @ticket as pulse_state_put_stored_ticket() does,
 * without a state: in a worker, so that the state's thread only puts it
 * (pulse_state_put_stored()). A reference to @ticket is kept.
 *
 * Returns: (transfer full) (nullable): the ticket, %NULL with
 *   %PULSE_ERROR_INVALID_DATA naming the field
 */
PulseStateStoredTicket *
pulse_state_stored_ticket_new (JsonNode  *ticket,
                               GError   **error)
{
  g_autoptr(PulseTicket) decoded = NULL;

  g_return_val_if_fail (ticket != NULL, NULL);

  decoded = pulse_ticket_new_from_json (ticket, error);
  return decoded != NULL ? _pulse_state_ticket_new_for_node (decoded, ticket) : NULL;
}

void
pulse_state_stored_ticket_free (PulseStateStoredTicket *stored)
{
  _pulse_state_ticket_free (stored);
}

/**
 * pulse_state_put_stored:
 * @stored: (transfer full): from pulse_state_stored_ticket_new()
 * @change: (out caller-allocates) (optional): what it did
 * @error: return location for a %PULSE_ERROR error
 *
 * As pulse_state_put_stored_ticket(), with the decoding done before.
 *
 * Returns: %TRUE on success, as pulse_state_put_ticket().
 */
gboolean
pulse_state_put_stored (PulseState              *self,
                        PulseStateStoredTicket  *stored,
                        PulseStateChange        *change,
                        GError                 **error)
{
  g_auto(PulseStateChange) scratch = { 0 };

  g_return_val_if_fail (PULSE_IS_STATE (self), FALSE);
  g_return_val_if_fail (stored != NULL, FALSE);

  if (change == NULL)
    change = &scratch;
  pulse_state_change_clear (change);
  return _pulse_state_put_fetched (self, stored, change, error);
}
