/* pulse-agent-columns.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-agent-row.h"

G_BEGIN_DECLS

typedef struct _PulseAgentColumns PulseAgentColumns;

PulseAgentColumns   *pulse_agent_columns_new        (GtkColumnView     *view);
void                 pulse_agent_columns_free       (PulseAgentColumns *self);
GtkColumnViewColumn *pulse_agent_columns_get        (PulseAgentColumns *self,
                                                     PulseAgentColumn   column);
void                 pulse_agent_columns_set_now    (PulseAgentColumns *self,
                                                     gint64             now_usec);
gint64               pulse_agent_columns_get_now    (PulseAgentColumns *self);
guint                pulse_agent_columns_tick       (PulseAgentColumns *self,
                                                     gint64             now_usec);
void                 pulse_agent_columns_set_scale  (PulseAgentColumns *self,
                                                     guint              scale);
void                 pulse_agent_columns_resort     (PulseAgentColumns *self,
                                                     const char        *property);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseAgentColumns, pulse_agent_columns_free)

G_END_DECLS
