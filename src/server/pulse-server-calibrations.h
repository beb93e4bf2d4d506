/* pulse-server-calibrations.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-server-mutation.h"

G_BEGIN_DECLS

gboolean pulse_server_calibrations_prepare (PulseServerMutation  *m,
                                            JsonObject           *body,
                                            GError              **error);

G_END_DECLS
