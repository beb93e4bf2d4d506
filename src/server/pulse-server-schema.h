/* pulse-server-schema.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#include "pulse-db.h"

const char * const *pulse_server_schema_get_migrations (void);
char               *pulse_server_schema_default_path   (void);
PulseDb            *pulse_server_schema_open           (const char  *path,
                                                        GError     **error);

G_END_DECLS
