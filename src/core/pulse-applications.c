/* pulse-applications.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-applications.h"
#include "pulse-json.h"
#include "pulse-queue.h"

/* "YYYY-MM-DD", a real calendar day, as ingest accepts it. */
static gboolean
day_is_valid (const char *day)
{
  guint64 year, month, mday;

  if (strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (day[i]))
      return FALSE;

  year = g_ascii_strtoull (day, NULL, 10);
  month = g_ascii_strtoull (day + 5, NULL, 10);
  mday = g_ascii_strtoull (day + 8, NULL, 10);
  return year >= 1970 && year <= 9999 && month >= 1 && month <= 12 && mday >= 1 &&
         g_date_valid_dmy (mday, month, year);
}

/**
 * pulse_applications_new_from_json:
 * @node: `{"date":"YYYY-MM-DD","country":"UA","count":120}`
 *
 * Checks an applications count: a real UTC day, an ISO 3166 alpha-2
 * country in upper case, a count from 0 to 2³¹ − 1. Ingest and the
 * console's state read it the same way.
 *
 * Returns: (transfer full) (nullable): the canonical form, or %NULL with
 *   a %PULSE_ERROR_INVALID_DATA error naming the field.
 */
JsonNode *
pulse_applications_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autofree char *date = NULL;
  g_autofree char *country = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  PulseJsonReader reader;
  gint64 count;

  if (!pulse_json_reader_init (&reader, node, "an applications count", error))
    return NULL;

  date = pulse_json_reader_dup_string (&reader, "date", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  if (date != NULL && !day_is_valid (date))
    pulse_json_reader_fail (&reader, "date", "must be a day such as “2026-11-20”");
  country = pulse_json_reader_dup_string (&reader, "country", PULSE_JSON_REQUIRED,
                                          PULSE_JSON_MAX_ID);
  if (country != NULL && !pulse_queue_country_is_valid (country))
    pulse_json_reader_fail (&reader, "country",
                            "must be two uppercase ASCII letters (ISO 3166 alpha-2)");
  count = pulse_json_reader_get_int (&reader, "count", PULSE_JSON_REQUIRED, 0, G_MAXINT32, 0);
  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "date", date);
  pulse_json_add_string (builder, "country", country);
  pulse_json_add_int (builder, "count", count);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
