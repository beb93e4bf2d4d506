/* pulse-rule-figures-text.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char     *pulse_rule_figures_text_correct         (const char  *text);
char     *pulse_rule_figures_text_phrase_warning  (const char  *text);
char     *pulse_rule_figures_text_line            (JsonObject  *figures);
char     *pulse_rule_figures_text_channels        (JsonObject  *figures);
gboolean  pulse_rule_figures_text_never_fired     (JsonObject  *figures);
char     *pulse_rule_figures_text_replay          (JsonObject  *answer);
char     *pulse_rule_figures_text_answered        (JsonObject  *answer);

G_END_DECLS
