/* pulse-adherence-report.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wire form: `{"from","to","as_of","agents":[{"agent_id",
 * "planned_seconds","adherent_seconds","out_seconds","unplanned_seconds",
 * "state"}…]}`, state one of "off", "in", "missing", "break", "unplanned"
 * or null.
 */

#include "config.h"

#include "pulse-adherence-report.h"
#include "pulse-json.h"

/* A week of seconds is far below this; a bigger figure is a unit mix-up. */
#define MAX_SECONDS (G_GINT64_CONSTANT (60) * 24 * 60 * 60)

/**
 * pulse_adherence_entry_new:
 * @agent_id: the agent
 *
 * Returns: (transfer full): an entry with no time and no state.
 */
PulseAdherenceEntry *
pulse_adherence_entry_new (const char *agent_id)
{
  PulseAdherenceEntry *entry = g_new0 (PulseAdherenceEntry, 1);

  entry->agent_id = g_strdup (agent_id);
  return entry;
}

/**
 * pulse_adherence_entry_free:
 * @entry: (nullable): an entry
 */
void
pulse_adherence_entry_free (PulseAdherenceEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->agent_id);
  g_free (entry);
}

/**
 * pulse_adherence_report_new:
 * @from: the range's start, microseconds
 * @to: its end
 * @as_of: when it is measured
 *
 * Returns: (transfer full): a report with no agents yet.
 */
PulseAdherenceReport *
pulse_adherence_report_new (gint64 from,
                            gint64 to,
                            gint64 as_of)
{
  PulseAdherenceReport *report = g_new0 (PulseAdherenceReport, 1);

  *report = (PulseAdherenceReport) { from, to, as_of, NULL };
  report->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_adherence_entry_free);
  return report;
}

/**
 * pulse_adherence_report_free:
 * @report: (nullable): a report
 */
void
pulse_adherence_report_free (PulseAdherenceReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->entries);
  g_free (report);
}

static gint64
read_seconds (PulseJsonReader *reader,
              const char      *member)
{
  return pulse_json_reader_get_int (reader, member, PULSE_JSON_REQUIRED, 0, MAX_SECONDS, 0)
         * G_USEC_PER_SEC;
}

static PulseAdherenceEntry *
read_entry (JsonNode  *node,
            GError   **error)
{
  PulseJsonReader reader;
  g_autofree char *state = NULL;
  PulseAdherenceEntry *entry;

  if (!pulse_json_reader_init (&reader, node, "an agent", error))
    return NULL;

  entry = g_new0 (PulseAdherenceEntry, 1);
  entry->agent_id = pulse_json_reader_dup_string (&reader, "agent_id", PULSE_JSON_REQUIRED,
                                                  PULSE_JSON_MAX_ID);
  entry->figures.planned_usec = read_seconds (&reader, "planned_seconds");
  entry->figures.adherent_usec = read_seconds (&reader, "adherent_seconds");
  entry->figures.out_usec = read_seconds (&reader, "out_seconds");
  entry->figures.unplanned_usec = read_seconds (&reader, "unplanned_seconds");
  state = pulse_json_reader_dup_string (&reader, "state", PULSE_JSON_OPTIONAL, 16);
  if (state != NULL && !pulse_adherence_state_from_string (state, &entry->state))
    pulse_json_reader_fail (&reader, "state", "is not an adherence state");
  entry->has_state = state != NULL;
  if (!pulse_json_reader_failed (&reader)
      && entry->figures.adherent_usec + entry->figures.out_usec != entry->figures.planned_usec)
    pulse_json_reader_fail (&reader, "out_seconds", "must be planned less adherent");

  if (!pulse_json_reader_finish (&reader, error))
    {
      pulse_adherence_entry_free (entry);
      return NULL;
    }

  return entry;
}

static gboolean
read_entries (PulseAdherenceReport  *report,
              JsonArray             *array,
              GError               **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local = NULL;
      PulseAdherenceEntry *entry = read_entry (json_array_get_element (array, i), &local);

      if (entry == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local), "agents[%u].", i);
          return FALSE;
        }
      g_ptr_array_add (report->entries, entry);
    }

  return TRUE;
}

/**
 * pulse_adherence_report_new_from_json:
 * @node: an answer of `GET /api/v1/adherence`
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the report, or %NULL on error.
 */
PulseAdherenceReport *
pulse_adherence_report_new_from_json (JsonNode  *node,
                                      GError   **error)
{
  PulseJsonReader reader;
  g_autoptr(PulseAdherenceReport) report = NULL;
  JsonArray *agents;

  g_return_val_if_fail (node != NULL, NULL);

  if (!pulse_json_reader_init (&reader, node, "an adherence answer", error))
    return NULL;

  report = pulse_adherence_report_new (0, 0, 0);
  report->from = pulse_json_reader_get_time (&reader, "from", PULSE_JSON_REQUIRED);
  report->to = pulse_json_reader_get_time (&reader, "to", PULSE_JSON_REQUIRED);
  report->as_of = pulse_json_reader_get_time (&reader, "as_of", PULSE_JSON_REQUIRED);
  agents = pulse_json_reader_get_array (&reader, "agents", PULSE_JSON_REQUIRED,
                                        PULSE_JSON_MAX_ITEMS);
  if (!pulse_json_reader_failed (&reader) && report->to <= report->from)
    pulse_json_reader_fail (&reader, "to", "must be after from");
  if (!pulse_json_reader_finish (&reader, error) || !read_entries (report, agents, error))
    return NULL;

  return g_steal_pointer (&report);
}

static void
add_entry (JsonBuilder               *builder,
           const PulseAdherenceEntry *entry)
{
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "agent_id", entry->agent_id);
  pulse_json_add_int (builder, "planned_seconds", entry->figures.planned_usec / G_USEC_PER_SEC);
  pulse_json_add_int (builder, "adherent_seconds",
                      entry->figures.adherent_usec / G_USEC_PER_SEC);
  /* From the two rounded figures, so the three always add up. */
  pulse_json_add_int (builder, "out_seconds",
                      entry->figures.planned_usec / G_USEC_PER_SEC
                      - entry->figures.adherent_usec / G_USEC_PER_SEC);
  pulse_json_add_int (builder, "unplanned_seconds",
                      entry->figures.unplanned_usec / G_USEC_PER_SEC);
  json_builder_set_member_name (builder, "state");
  if (entry->has_state)
    json_builder_add_string_value (builder, pulse_adherence_state_to_string (entry->state));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/**
 * pulse_adherence_report_to_json:
 * @report: a report
 *
 * Returns: (transfer full): its wire form.
 */
JsonNode *
pulse_adherence_report_to_json (PulseAdherenceReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_time (builder, "from", report->from);
  pulse_json_add_time (builder, "to", report->to);
  pulse_json_add_time (builder, "as_of", report->as_of);
  json_builder_set_member_name (builder, "agents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->entries->len; i++)
    add_entry (builder, report->entries->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_adherence_report_find:
 * @report: a report
 * @agent_id: an agent
 *
 * Returns: (transfer none) (nullable): the agent's entry.
 */
const PulseAdherenceEntry *
pulse_adherence_report_find (PulseAdherenceReport *report,
                             const char           *agent_id)
{
  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->entries->len; i++)
    {
      PulseAdherenceEntry *entry = report->entries->pdata[i];

      if (g_strcmp0 (entry->agent_id, agent_id) == 0)
        return entry;
    }

  return NULL;
}
