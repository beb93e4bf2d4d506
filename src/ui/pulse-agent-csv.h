/* pulse-agent-csv.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *pulse_agent_csv_from_rows (GListModel *rows);

G_END_DECLS
