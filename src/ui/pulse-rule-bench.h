/* pulse-rule-bench.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_BENCH (pulse_rule_bench_get_type ())

G_DECLARE_FINAL_TYPE (PulseRuleBench, pulse_rule_bench, PULSE, RULE_BENCH, GtkBox)

void pulse_rule_bench_set_session (PulseRuleBench *self,
                                   PulseSession   *session);

G_END_DECLS
