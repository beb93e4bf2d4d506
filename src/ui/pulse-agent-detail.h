/* pulse-agent-detail.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-agent-list.h"
#include "pulse-contact-list.h"
#include "pulse-conversation-view.h"

G_BEGIN_DECLS

#define PULSE_TYPE_AGENT_DETAIL (pulse_agent_detail_get_type ())

G_DECLARE_FINAL_TYPE (PulseAgentDetail, pulse_agent_detail, PULSE, AGENT_DETAIL, AdwBin)

void                   pulse_agent_detail_set_list         (PulseAgentDetail *self,
                                                            PulseSession     *session,
                                                            PulseAgentList   *list);
void                   pulse_agent_detail_set_row          (PulseAgentDetail *self,
                                                            PulseAgentRow    *row);
PulseAgentRow         *pulse_agent_detail_get_row          (PulseAgentDetail *self);
void                   pulse_agent_detail_tick             (PulseAgentDetail *self,
                                                            gint64            now_usec);
const char            *pulse_agent_detail_get_kpi_text     (PulseAgentDetail *self,
                                                            guint             index,
                                                            gboolean          team);

G_END_DECLS
