/* pulse-time-utils.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times travel as RFC 3339 UTC strings and live in memory as microseconds
 * since the Unix epoch (the unit of g_get_real_time()), with 0 meaning
 * "not set". An integer keeps a million cached contacts small and makes
 * KPI arithmetic plain subtraction.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PULSE_USEC_PER_SECOND G_USEC_PER_SEC
#define PULSE_USEC_PER_MINUTE (G_USEC_PER_SEC * G_GINT64_CONSTANT (60))
#define PULSE_USEC_PER_HOUR   (PULSE_USEC_PER_MINUTE * 60)
#define PULSE_USEC_PER_DAY    (PULSE_USEC_PER_HOUR * 24)

gboolean  pulse_time_parse   (const char *text,
                              gint64     *usec);
char     *pulse_time_format  (gint64      usec);

G_END_DECLS
