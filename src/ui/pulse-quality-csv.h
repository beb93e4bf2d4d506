/* pulse-quality-csv.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-quality-board.h"

G_BEGIN_DECLS

GBytes     *pulse_quality_csv_from_rows (GListModel       *rows,
                                         PulseQualityList  list);
const char *pulse_quality_csv_file_name (PulseQualityList  list);

G_END_DECLS
