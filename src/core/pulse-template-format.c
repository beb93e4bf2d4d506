/* pulse-template-format.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a variable's value is written in the customer's language: money
 * and numbers with that language's digit grouping and decimal sign,
 * dates with the month's name. The console's own locale plays no part:
 * a Ukrainian reply reads the same whoever previews it, so the rules
 * are a small table here (after CLDR) rather than the C library's.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pulse-template-format.h"

#define NBSP "\u00a0"

typedef struct
{
  const char *language;
  const char *group;        /* between groups of three digits */
  const char *decimal;
  guint       min_grouped;  /* digits before grouping starts */
  const char *date_format;  /* %d day, %m month name, %y year */
  const char *months[12];
} LanguageRules;

static const LanguageRules rules[] = {
  { "uk", NBSP, ",", 4, "%d %m %y",
    { "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
      "вересня", "жовтня", "листопада", "грудня" } },
  { "ru", NBSP, ",", 4, "%d %m %y",
    { "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
      "сентября", "октября", "ноября", "декабря" } },
  { "kk", NBSP, ",", 4, "%y ж. %d %m",
    { "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
      "қыркүйек", "қазан", "қараша", "желтоқсан" } },
  /* Spanish groups only from five digits: 1500, but 12.500. */
  { "es", ".", ",", 5, "%d de %m de %y",
    { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
      "septiembre", "octubre", "noviembre", "diciembre" } },
  { "en", ",", ".", 4, "%d %m %y",
    { "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December" } },
};

static const LanguageRules *
rules_for (const char *language)
{
  for (gsize i = 0; language != NULL && i < G_N_ELEMENTS (rules); i++)
    if (g_ascii_strncasecmp (language, rules[i].language, 2) == 0 &&
        (language[2] == '\0' || language[2] == '-' || language[2] == '_'))
      return &rules[i];

  return &rules[G_N_ELEMENTS (rules) - 1];
}

/* @digits are ASCII digits only. */
static void
append_grouped (GString             *out,
                const char          *digits,
                const LanguageRules *lr)
{
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && n >= lr->min_grouped && (n - i) % 3 == 0)
        g_string_append (out, lr->group);
      g_string_append_c (out, digits[i]);
    }
}

static gboolean
all_digits (const char *text,
            gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "[-]digits[.digits]" → grouped, with the language's decimal sign. */
static char *
format_number (const char          *value,
               const LanguageRules *lr)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *whole = NULL;
  const char *dot;
  gboolean negative = value[0] == '-';

  if (negative)
    value++;
  dot = strchr (value, '.');
  whole = g_strndup (value, dot != NULL ? (gsize) (dot - value) : strlen (value));
  if (!all_digits (whole, strlen (whole)) ||
      (dot != NULL && !all_digits (dot + 1, strlen (dot + 1))))
    return NULL;

  if (negative)
    g_string_append (out, "-");
  append_grouped (out, whole, lr);
  if (dot != NULL)
    g_string_append_printf (out, "%s%s", lr->decimal, dot + 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "12500.00 UAH" → "12 500,00 UAH" (a no-break space before the code). */
static char *
format_money (const char          *value,
              const LanguageRules *lr)
{
  g_auto(GStrv) parts = g_strsplit (value, " ", -1);
  g_autofree char *amount = NULL;

  if (g_strv_length (parts) != 2 || strlen (parts[1]) != 3)
    return NULL;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (parts[1][i]))
      return NULL;

  amount = format_number (parts[0], lr);
  if (amount == NULL)
    return NULL;

  return g_strconcat (amount, NBSP, parts[1], NULL);
}

static char *
format_date (const char          *value,
             const LanguageRules *lr)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int y, m, d;

  if (strlen (value) != 10 || value[4] != '-' || value[7] != '-' ||
      !all_digits (value, 4) || !all_digits (value + 5, 2) || !all_digits (value + 8, 2))
    return NULL;

  y = atoi (value);
  m = atoi (value + 5);
  d = atoi (value + 8);
  if (!g_date_valid_dmy (d, m, y))
    return NULL;

  for (const char *f = lr->date_format; *f != '\0'; f++)
    {
      if (f[0] == '%' && f[1] == 'd')
        g_string_append_printf (out, "%d", d);
      else if (f[0] == '%' && f[1] == 'm')
        g_string_append (out, lr->months[m - 1]);
      else if (f[0] == '%' && f[1] == 'y')
        g_string_append_printf (out, "%d", y);
      else
        {
          g_string_append_c (out, *f);
          continue;
        }
      f++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pulse_template_format_value:
 * @type: what @value holds
 * @value: the raw value: "12500.00 UAH" for money, "2026-12-15" for a
 *   date, "1500" for a number
 * @language: (nullable): the template's language; English rules for one
 *   without its own
 *
 * Writes @value the way a reply in @language does: `12 500,00 UAH` and
 * `15 грудня 2026` in Ukrainian, `12.500,00 UAH` and `15 de diciembre de
 * 2026` in Spanish, `12,500.00 UAH` and `15 December 2026` in English.
 * Text and links are returned as they are.
 *
 * Returns: (transfer full) (nullable): the value as shown, or %NULL when
 *   @value is not of @type (the caller shows it as given).
 */
char *
pulse_template_format_value (PulseTemplateVarType  type,
                             const char           *value,
                             const char           *language)
{
  const LanguageRules *lr = rules_for (language);

  g_return_val_if_fail (value != NULL, NULL);

  switch (type)
    {
    case PULSE_TEMPLATE_VAR_MONEY:
      return format_money (value, lr);
    case PULSE_TEMPLATE_VAR_DATE:
      return format_date (value, lr);
    case PULSE_TEMPLATE_VAR_NUMBER:
      return strchr (value, '.') == NULL ? format_number (value, lr) : NULL;
    case PULSE_TEMPLATE_VAR_TEXT:
    case PULSE_TEMPLATE_VAR_URL:
    default:
      return g_strdup (value);
    }
}
