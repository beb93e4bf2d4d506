/* pulse-rule-runner.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What happens to a new contact: the first matching rule fires and its
 * actions change the ticket (tag, route, assign, priority, an automatic
 * reply, close).
 */

#pragma once

#include "pulse-rule-matcher.h"
#include "pulse-template.h"
#include "pulse-ticket.h"

G_BEGIN_DECLS

/**
 * PulseTemplateLookupFunc:
 * @template_id: the template an auto-reply action names
 * @user_data: the caller's data
 *
 * Returns: (transfer full) (nullable): the template, or %NULL if none has
 *   that id.
 */
typedef PulseTemplate *(*PulseTemplateLookupFunc) (const char *template_id,
                                                   gpointer    user_data);

PulseRule  *pulse_rule_runner_run            (PulseRuleMatcher         *matcher,
                                              PulseTicket              *ticket,
                                              PulseTemplateLookupFunc   lookup,
                                              gpointer                  user_data,
                                              GStrv                    *notes,
                                              GError                  **error);
const char *pulse_rule_runner_get_disclosure (const char               *language);
void        pulse_rule_runner_contact_from_ticket (PulseRuleContact *contact,
                                                   PulseTicket      *ticket);

G_END_DECLS
