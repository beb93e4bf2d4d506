/* pulse-format.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

char *pulse_format_wait      (gint64 seconds);
char *pulse_format_seconds   (double seconds);
char *pulse_format_share     (double share);
char *pulse_format_score     (double value,
                              int    digits);
const char *pulse_format_channel (PulseChannelKind channel);
char       *pulse_format_tag     (const char      *tag);
char       *pulse_format_member  (const char      *member);

G_END_DECLS
