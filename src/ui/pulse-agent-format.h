/* pulse-agent-format.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pulse-kpi-view.h"
#include "pulse-types.h"

G_BEGIN_DECLS

GDateTime  *pulse_agent_format_new_local_time   (gint64             usec);
char       *pulse_agent_format_count            (gint64             count);
char       *pulse_agent_format_elapsed          (gint64             since_usec,
                                                 gint64             now_usec);
char       *pulse_agent_format_time             (gint64             at_usec,
                                                 gint64             now_usec);
char       *pulse_agent_format_channels         (guint              channels);
const char *pulse_agent_format_status           (PulseAgentStatus   status);
const char *pulse_agent_format_status_icon      (PulseAgentStatus   status);
const char *pulse_agent_format_ticket_status    (PulseTicketStatus  status);
const char *pulse_agent_format_ticket_status_icon (PulseTicketStatus status);
const char *pulse_agent_format_position         (PulseAgentPosition position);
char       *pulse_agent_format_rating           (PulseRatingKind    kind,
                                                 int                score);
const char *pulse_agent_format_priority         (PulsePriority      priority);
char       *pulse_agent_format_ratings          (PulseTicket       *ticket,
                                                 gboolean           comments);
char       *pulse_agent_format_first_response   (PulseTicket       *ticket);
const char *pulse_agent_format_period_title     (PulseKpiView      *view);
char       *pulse_agent_format_hired            (PulseAgent        *agent,
                                                 gint64             now_usec);
const char *pulse_agent_format_author_kind      (PulseAuthorKind    kind,
                                                 const char       **icon_name);

G_END_DECLS
