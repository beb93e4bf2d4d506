/* pulse-adherence-load.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-adherence-report.h"
#include "pulse-db.h"

G_BEGIN_DECLS

PulseAdherenceReport *pulse_adherence_load (PulseDb       *db,
                                            gint64         from,
                                            gint64         to,
                                            gint64         now,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
