/* pulse-csv.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table as CSV (RFC 4180): the rows of a list model, one property per
 * column, numbers as numbers so a spreadsheet can sum them. No GTK.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pulse-csv.h"

/**
 * pulse_csv_append_field:
 * @csv: the text so far
 * @field: (nullable): one value; %NULL is an empty field
 *
 * Appends @field, quoted when it holds a comma, a quote, a line break or
 * leading or trailing spaces, with quotes doubled. A field that a
 * spreadsheet would run as a formula (starting with =, +, - or @ and not
 * a number) is prefixed with an apostrophe, so an exported subject can
 * never execute.
 */
void
pulse_csv_append_field (GString    *csv,
                        const char *field)
{
  gboolean quote;
  char *end = NULL;

  if (field == NULL || field[0] == '\0')
    return;

  if (strchr ("=+-@", field[0]) != NULL)
    {
      g_ascii_strtod (field, &end);
      if (*end != '\0')
        {
          g_autofree char *safe = g_strconcat ("'", field, NULL);

          pulse_csv_append_field (csv, safe);
          return;
        }
    }

  quote = strpbrk (field, ",\"\r\n") != NULL || g_ascii_isspace (field[0])
          || g_ascii_isspace (field[strlen (field) - 1]);
  if (!quote)
    {
      g_string_append (csv, field);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static char *
value_to_text (const GValue *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_auto(GValue) text = G_VALUE_INIT;
  double number;

  /* Doubles in the C locale, so a decimal comma never splits a field;
   * NaN (no figure) and the -1 some rows use for "none" stay empty. */
  if (G_VALUE_HOLDS_DOUBLE (value))
    {
      number = g_value_get_double (value);
      if (isnan (number) || number < 0)
        return NULL;
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", number));
    }
  if (G_VALUE_HOLDS_INT64 (value) && g_value_get_int64 (value) < 0)
    return NULL;

  g_value_init (&text, G_TYPE_STRING);
  if (!g_value_transform (value, &text))
    return NULL;

  return g_value_dup_string (&text);
}

/**
 * pulse_csv_from_model:
 * @rows: a #GListModel of objects that have the columns' properties
 * @columns: (array length=n_columns): the columns, in order; their
 *   titles marked with N_() and translated here
 * @n_columns: how many
 *
 * Writes a heading line and one line per row, CRLF-terminated, UTF-8
 * with a byte-order mark (so spreadsheets read Cyrillic correctly).
 *
 * Returns: (transfer full): the CSV text.
 */
GBytes *
pulse_csv_from_model (GListModel           *rows,
                      const PulseCsvColumn *columns,
                      guint                 n_columns)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF");
  guint n = g_list_model_get_n_items (rows);

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (csv, ',');
      pulse_csv_append_field (csv, _(columns[c].title));
    }
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      for (guint c = 0; c < n_columns; c++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *text = NULL;
          GParamSpec *pspec = NULL;

          if (c > 0)
            g_string_append_c (csv, ',');
          if (columns[c].property == NULL && columns[c].text != NULL)
            {
              text = columns[c].text (row);
              pulse_csv_append_field (csv, text);
              continue;
            }
          if (columns[c].property != NULL)
            pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (row), columns[c].property);
          if (pspec == NULL)
            continue;

          g_value_init (&value, pspec->value_type);
          g_object_get_property (row, columns[c].property, &value);
          text = value_to_text (&value);
          pulse_csv_append_field (csv, text);
        }
      g_string_append (csv, "\r\n");
    }

  return g_string_free_to_bytes (csv);
}
