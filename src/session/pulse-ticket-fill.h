/* pulse-ticket-fill.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-state.h"

G_BEGIN_DECLS

/**
 * PulseTicketFillFunc:
 * @user_data: as given to pulse_ticket_fill_start()
 * @id: the ticket's id
 * @node: the ticket, as the state holds it
 *
 * Takes one of the state's tickets.
 */
typedef void (*PulseTicketFillFunc) (gpointer    user_data,
                                     const char *id,
                                     JsonNode   *node);

typedef struct _PulseTicketFill PulseTicketFill;

PulseTicketFill *pulse_ticket_fill_start (PulseState          *state,
                                          PulseTicketFillFunc  func,
                                          GSourceFunc          done,
                                          gpointer             user_data);
void             pulse_ticket_fill_free  (PulseTicketFill     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTicketFill, pulse_ticket_fill_free)

G_END_DECLS
