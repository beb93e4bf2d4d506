/* pulse-session-adherence.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-adherence-report.h"
#include "pulse-session.h"

G_BEGIN_DECLS

void                  pulse_session_fetch_adherence_async  (PulseSession         *self,
                                                            gint64                from,
                                                            gint64                to,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
PulseAdherenceReport *pulse_session_fetch_adherence_finish (PulseSession         *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
