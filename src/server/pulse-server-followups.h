/* pulse-server-followups.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-server-mutation.h"
#include "pulse-server.h"
#include "pulse-rating.h"
#include "pulse-ticket.h"
#include "pulse-token-store.h"

G_BEGIN_DECLS

GHashTable *pulse_server_followups_lead_teams     (PulseServer          *server,
                                                   PulseTokenInfo       *who);
gboolean    pulse_server_followups_review_stored  (PulseServer          *server,
                                                   JsonNode             *before,
                                                   JsonNode             *after,
                                                   GError              **error);
gboolean    pulse_server_followups_rating_added   (PulseServer          *server,
                                                   PulseTicket          *ticket,
                                                   GPtrArray            *messages,
                                                   PulseRating          *rating,
                                                   GError              **error);
gboolean    pulse_server_followups_check_team     (PulseServerMutation  *m,
                                                   const char           *team_id,
                                                   GError              **error);
gboolean    pulse_server_followups_prepare        (PulseServerMutation  *m,
                                                   JsonObject           *body,
                                                   GError              **error);
GPtrArray  *pulse_server_followups_filter         (PulseServer          *server,
                                                   PulseTokenInfo       *who,
                                                   GPtrArray            *items);

G_END_DECLS
