/* pulse-session-templates.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-session.h"
#include "pulse-template-usage.h"

G_BEGIN_DECLS

/* How far back template usage is counted: the history the cache keeps. */
#define PULSE_SESSION_TEMPLATE_USAGE_DAYS 90

void        pulse_session_count_template_usage_async  (PulseSession         *self,
                                                       gint64                now,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GHashTable *pulse_session_count_template_usage_finish (PulseSession         *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
