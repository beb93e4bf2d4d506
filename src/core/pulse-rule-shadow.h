/* pulse-rule-shadow.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-rule.h"

G_BEGIN_DECLS

gboolean   pulse_rule_covers       (PulseRule  *earlier,
                                    PulseRule  *later);
PulseRule *pulse_rule_find_shadow  (GPtrArray  *rules,
                                    PulseRule  *rule);

G_END_DECLS
