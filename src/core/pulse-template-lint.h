/* pulse-template-lint.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-template-issue.h"
#include "pulse-template.h"

G_BEGIN_DECLS

/* The longest reply, in characters as sent (disclosure included), that
 * a messenger channel (Telegram, Viber, WhatsApp) takes without lint
 * (docs/templates.md says why). */
#define PULSE_TEMPLATE_MESSENGER_LIMIT 1000

const char * const *pulse_template_lint_get_languages (void);
GPtrArray          *pulse_template_lint               (PulseTemplate      *self,
                                                       const char * const *family_languages);
GPtrArray          *pulse_template_lint_links         (const char         *body);

G_END_DECLS
