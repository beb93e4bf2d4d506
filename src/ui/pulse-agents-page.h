/* pulse-agents-page.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-agent-columns.h"
#include "pulse-agent-list.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_AGENTS_PAGE (pulse_agents_page_get_type ())

G_DECLARE_FINAL_TYPE (PulseAgentsPage, pulse_agents_page, PULSE, AGENTS_PAGE, AdwBin)

GtkWidget         *pulse_agents_page_new         (PulseSession    *session);
PulseAgentList    *pulse_agents_page_get_list    (PulseAgentsPage *self);
PulseAgentColumns *pulse_agents_page_get_columns (PulseAgentsPage *self);

GBytes *pulse_agents_page_dup_csv (PulseAgentsPage *self);

G_END_DECLS
