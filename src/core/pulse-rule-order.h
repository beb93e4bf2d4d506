/* pulse-rule-order.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void pulse_rule_order_positions (const int *current,
                                 int       *positions,
                                 guint      n);

G_END_DECLS
