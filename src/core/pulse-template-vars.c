/* pulse-template-vars.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The variables a reply template may use: what an online lender or a
 * payment app knows about the client, the loan, the payment and the
 * agent when it answers. docs/templates.md documents the same list; the
 * test checks the two agree.
 */

#include "config.h"

#include <string.h>

#include "pulse-template-vars.h"

#define TEXT   PULSE_TEMPLATE_VAR_TEXT
#define MONEY  PULSE_TEMPLATE_VAR_MONEY
#define DATE   PULSE_TEMPLATE_VAR_DATE
#define NUMBER PULSE_TEMPLATE_VAR_NUMBER
#define URL    PULSE_TEMPLATE_VAR_URL

/* Sorted by name, so the editor's list reads like the documentation. */
static const PulseTemplateVar vars[] = {
  { "agent.first_name", TEXT, "Andrii", "Андрій", "first name of the agent who answers" },
  { "card.last4", TEXT, "4821", NULL, "last four digits of the client's card" },
  { "client.email", TEXT, "olena.k@example.com", NULL, "client's e-mail address" },
  { "client.first_name", TEXT, "Olena", "Олена", "client's first name" },
  { "client.full_name", TEXT, "Olena Kovalenko", "Олена Коваленко", "client's full name" },
  { "client.last_name", TEXT, "Kovalenko", "Коваленко", "client's last name" },
  { "client.phone", TEXT, "+380 67 123 45 67", NULL, "client's phone number" },
  { "company.name", TEXT, "Pulse Credit", NULL, "the lender's or app's brand name" },
  { "company.site", URL, "https://pulsecredit.example.com", NULL, "the company's web site" },
  { "company.support_phone", TEXT, "0 800 300 500", NULL, "support line number" },
  { "loan.amount", MONEY, "12500.00 UAH", NULL, "amount lent" },
  { "loan.balance", MONEY, "8340.50 UAH", NULL, "amount still owed" },
  { "loan.due_date", DATE, "2026-12-15", NULL, "date the next repayment is due" },
  { "loan.id", TEXT, "L-2026-004512", NULL, "loan agreement number" },
  { "loan.overdue_days", NUMBER, "3", NULL, "days the repayment is late (0 when on time)" },
  { "loan.term_days", NUMBER, "30", NULL, "length of the loan in days" },
  { "payment.amount", MONEY, "1500.00 UAH", NULL, "amount of the client's last payment" },
  { "payment.date", DATE, "2026-12-01", NULL, "date of the client's last payment" },
  { "payment.id", TEXT, "P-884213", NULL, "payment reference" },
  { "payment.link", URL, "https://pay.pulsecredit.example.com/p/884213", NULL,
    "personal link to pay online" },
  { "ticket.id", TEXT, "t-1001", NULL, "the contact's number, for reference" },
};

/**
 * pulse_template_vars_get_all:
 * @n_vars: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_vars): the documented
 *   variables, sorted by name.
 */
const PulseTemplateVar *
pulse_template_vars_get_all (guint *n_vars)
{
  g_return_val_if_fail (n_vars != NULL, NULL);

  *n_vars = G_N_ELEMENTS (vars);
  return vars;
}

/**
 * pulse_template_vars_lookup:
 * @name: (nullable): a variable name
 *
 * Returns: (transfer none) (nullable): the documented variable, or %NULL
 *   when @name is not one.
 */
const PulseTemplateVar *
pulse_template_vars_lookup (const char *name)
{
  gsize lo = 0, hi = G_N_ELEMENTS (vars);

  if (name == NULL)
    return NULL;

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      int order = strcmp (name, vars[mid].name);

      if (order == 0)
        return &vars[mid];
      if (order < 0)
        hi = mid;
      else
        lo = mid + 1;
    }

  return NULL;
}

static gboolean
is_cyrillic_language (const char *language)
{
  static const char *cyrillic[] = { "uk", "ru", "kk", "be", "bg", "sr", NULL };

  for (guint i = 0; language != NULL && cyrillic[i] != NULL; i++)
    if (g_ascii_strncasecmp (language, cyrillic[i], 2) == 0 &&
        (language[2] == '\0' || language[2] == '-' || language[2] == '_'))
      return TRUE;

  return FALSE;
}

/**
 * pulse_template_var_get_sample:
 * @var: a documented variable
 * @language: (nullable): the template's language
 *
 * Returns: (transfer none): the preview's value of @var: a name in
 *   Cyrillic for a Ukrainian, Russian or Kazakh template, else the
 *   plain sample.
 */
const char *
pulse_template_var_get_sample (const PulseTemplateVar *var,
                               const char             *language)
{
  g_return_val_if_fail (var != NULL, NULL);

  if (var->sample_cyrillic != NULL && is_cyrillic_language (language))
    return var->sample_cyrillic;

  return var->sample;
}

/**
 * pulse_template_var_type_to_string:
 *
 * Returns: (transfer none): "text", "money", "date", "number" or "url".
 */
const char *
pulse_template_var_type_to_string (PulseTemplateVarType type)
{
  static const char *names[] = { "text", "money", "date", "number", "url" };

  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (names), "text");

  return names[type];
}
