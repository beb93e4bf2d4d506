/* pulse-server-token-command.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int pulse_server_token_command (const char  *db_path,
                                int          argc,
                                char       **argv);

G_END_DECLS
