/* pulse-agent-activity.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The sparkline's span: one bin per hour over the last 24 hours. */
#define PULSE_AGENT_ACTIVITY_BINS 24
#define PULSE_AGENT_ACTIVITY_BIN_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

#define PULSE_TYPE_AGENT_ACTIVITY (pulse_agent_activity_get_type ())

G_DECLARE_FINAL_TYPE (PulseAgentActivity, pulse_agent_activity, PULSE, AGENT_ACTIVITY, GObject)

PulseAgentActivity *pulse_agent_activity_new        (GListModel          *tickets);
guint               pulse_agent_activity_get_count  (PulseAgentActivity  *self,
                                                     const char          *agent_id);
void                pulse_agent_activity_get_bins   (PulseAgentActivity  *self,
                                                     const char          *agent_id,
                                                     gint64               now_usec,
                                                     guint               *bins);
gint64              pulse_agent_activity_bins_start (gint64               now_usec);
void                pulse_agent_activity_bin        (const gint64        *times,
                                                     guint                n_times,
                                                     gint64               now_usec,
                                                     guint               *bins);

G_END_DECLS
