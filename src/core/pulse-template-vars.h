/* pulse-template-vars.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PulseTemplateVarType:
 * @PULSE_TEMPLATE_VAR_TEXT: shown as given
 * @PULSE_TEMPLATE_VAR_MONEY: "<amount> <currency>" ("12500.50 UAH"),
 *   shown with the language's digit grouping and decimal sign
 * @PULSE_TEMPLATE_VAR_DATE: "YYYY-MM-DD", shown as a date in the language
 * @PULSE_TEMPLATE_VAR_NUMBER: a whole number, shown with digit grouping
 * @PULSE_TEMPLATE_VAR_URL: an https:// link, shown as given
 *
 * What a template variable holds, which decides how it is shown.
 */
typedef enum
{
  PULSE_TEMPLATE_VAR_TEXT,
  PULSE_TEMPLATE_VAR_MONEY,
  PULSE_TEMPLATE_VAR_DATE,
  PULSE_TEMPLATE_VAR_NUMBER,
  PULSE_TEMPLATE_VAR_URL,
} PulseTemplateVarType;

/**
 * PulseTemplateVar:
 * @name: the name a body uses, `{{name}}`
 * @type: what it holds
 * @sample: the value the preview uses
 * @sample_cyrillic: (nullable): the preview's value in a language
 *   written in Cyrillic (uk, ru, kk), for names
 * @description: what it is, in English (docs/templates.md has the list)
 *
 * One of the documented variables (docs/templates.md).
 */
typedef struct
{
  const char           *name;
  PulseTemplateVarType  type;
  const char           *sample;
  const char           *sample_cyrillic;
  const char           *description;
} PulseTemplateVar;

const PulseTemplateVar *pulse_template_vars_get_all     (guint                   *n_vars);
const PulseTemplateVar *pulse_template_vars_lookup      (const char              *name);
const char             *pulse_template_var_get_sample   (const PulseTemplateVar  *var,
                                                         const char              *language);
const char             *pulse_template_var_type_to_string (PulseTemplateVarType   type);

G_END_DECLS
