/* pulse-template-format.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-template-vars.h"

G_BEGIN_DECLS

char *pulse_template_format_value (PulseTemplateVarType  type,
                                   const char           *value,
                                   const char           *language);

G_END_DECLS
