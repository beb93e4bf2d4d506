/* pulse-ticket-work.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

/**
 * PulseTicketWork:
 * @header: the ticket whose header (all but messages and ratings) the row
 *   takes
 * @version: the version the row will have
 * @updated_at: the updated-at the row will have (µs)
 * @messages: (element-type PulseMessage): in time order
 * @message_ids: the ids in @messages
 * @ratings: (element-type PulseRating): in time order
 * @dirty: whether the row must be written
 * @assembled: (nullable): the ticket last assembled, still current while
 *   its version is @version
 * @body: (nullable): the wire form of @assembled, when already made
 *
 * A ticket as an ingest request leaves it, before its row is written.
 */
typedef struct
{
  PulseTicket *header;      /* whose header (all but messages, ratings) the row takes */
  gint64       version;
  gint64       updated_at;
  GPtrArray   *messages;    /* PulseMessage, in time order */
  GHashTable  *message_ids;
  GPtrArray   *ratings;     /* PulseRating, in time order */
  gboolean     dirty;
  PulseTicket *assembled;
  JsonNode    *body;
} PulseTicketWork;

PulseTicketWork *pulse_ticket_work_new            (PulseTicket      *ticket);
void             pulse_ticket_work_free           (PulseTicketWork  *work);
gboolean         pulse_ticket_work_add_message    (PulseTicketWork  *work,
                                                   PulseMessage     *message);
gboolean         pulse_ticket_work_add_rating     (PulseTicketWork  *work,
                                                   PulseRating      *rating);
PulseTicket     *pulse_ticket_work_assemble       (PulseTicketWork  *work,
                                                   GError          **error);
gboolean         pulse_ticket_work_is_canonical   (PulseTicketWork  *work,
                                                   PulseTicket      *ticket);
gint64           pulse_ticket_work_latest         (PulseTicket      *ticket);
JsonNode        *pulse_ticket_work_header         (PulseTicket      *ticket,
                                                   gint64            version,
                                                   gint64            updated_at,
                                                   gboolean          comparable);
gboolean         pulse_ticket_work_headers_differ (PulseTicket      *a,
                                                   PulseTicket      *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTicketWork, pulse_ticket_work_free)

G_END_DECLS
