/* pulse-event-log.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-db.h"

G_BEGIN_DECLS

#define PULSE_TYPE_EVENT_LOG (pulse_event_log_get_type ())

G_DECLARE_FINAL_TYPE (PulseEventLog, pulse_event_log, PULSE, EVENT_LOG, GObject)

PulseEventLog *pulse_event_log_new          (PulseDb        *db);
gint64         pulse_event_log_append       (PulseEventLog  *self,
                                             const char     *type,
                                             JsonNode       *data,
                                             GError        **error);
gint64         pulse_event_log_get_last_seq (PulseEventLog  *self);
gint64         pulse_event_log_get_first_seq (PulseEventLog *self);
GPtrArray     *pulse_event_log_read_since   (PulseEventLog  *self,
                                             gint64          since,
                                             guint           limit,
                                             GError        **error);
void           pulse_event_log_notify_appended (PulseEventLog *self);
gint64         pulse_event_log_prune_before (PulseEventLog  *self,
                                             gint64          before_usec,
                                             GError        **error);

G_END_DECLS
