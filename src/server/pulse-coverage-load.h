/* pulse-coverage-load.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-coverage.h"
#include "pulse-db.h"

G_BEGIN_DECLS

gboolean pulse_coverage_load (PulseCoverage  *coverage,
                              PulseDb        *db,
                              const char     *queue_id,
                              GCancellable   *cancellable,
                              GError        **error);

G_END_DECLS
