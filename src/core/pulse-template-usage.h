/* pulse-template-usage.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-ticket.h"

G_BEGIN_DECLS

/**
 * PulseTemplateUsage:
 * @contacts: contacts answered with the template at least once
 * @rated: those of them with a CSAT rating
 * @satisfied: those rated 4 or 5
 *
 * How a template was used over a period, and how its contacts were rated.
 */
typedef struct
{
  guint contacts;
  guint rated;
  guint satisfied;
} PulseTemplateUsage;

GHashTable *pulse_template_usage_new        (void);
void        pulse_template_usage_add_ticket (GHashTable               *usage,
                                             PulseTicket              *ticket);
double      pulse_template_usage_get_csat   (const PulseTemplateUsage *usage);

G_END_DECLS
