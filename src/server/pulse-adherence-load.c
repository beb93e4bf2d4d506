/* pulse-adherence-load.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schedule adherence from the server database: every agent of the
 * directory, their shifts near the range (managed items) and their
 * status history (the agent_status table ingest and the simulator write),
 * measured with the core computation. Meant for a worker thread, like the
 * coverage loader: each query takes the database lock on its own.
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-adherence-load.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-shift.h"
#include "pulse-time-utils.h"

typedef struct
{
  char      *agent_id;
  GPtrArray *shifts;   /* PulseShift */
  GArray    *history;  /* PulseCoverageStatus */
} Person;

static void
person_free (Person *person)
{
  g_free (person->agent_id);
  g_ptr_array_unref (person->shifts);
  g_array_unref (person->history);
  g_free (person);
}

static gboolean
load_people (PulseDb     *db,
             GPtrArray   *people,
             GHashTable  *by_id,
             GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;

  stmt = pulse_db_prepare (db, "SELECT id FROM directory WHERE kind = 'agent' ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((ok = pulse_db_step (db, stmt, &has_row, error)) && has_row)
    {
      Person *person = g_new0 (Person, 1);

      person->agent_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      person->shifts = g_ptr_array_new_with_free_func (g_object_unref);
      person->history = g_array_new (FALSE, FALSE, sizeof (PulseCoverageStatus));
      g_ptr_array_add (people, person);
      g_hash_table_insert (by_id, person->agent_id, person);
    }

  return ok;
}

/* As the coverage loader: RFC 3339 texts compared with a second's margin;
 * what lies outside is measured as nothing. */
static gboolean
load_shifts (PulseDb     *db,
             GHashTable  *by_id,
             gint64       from,
             gint64       to,
             GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  g_autofree char *lower = pulse_time_format (from - G_USEC_PER_SEC);
  g_autofree char *upper = pulse_time_format (to + G_USEC_PER_SEC);
  gboolean has_row = FALSE;
  gboolean ok;

  stmt = pulse_db_prepare (db,
                           "SELECT body FROM item WHERE kind = 'shift' "
                           "AND json_extract (body, '$.ends_at') > ?1 "
                           "AND json_extract (body, '$.starts_at') < ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_STATIC);
  while ((ok = pulse_db_step (db, stmt, &has_row, error)) && has_row)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(PulseShift) shift = NULL;
      Person *person;

      node = pulse_json_parse ((const char *) sqlite3_column_text (stmt, 0), -1, error);
      shift = node != NULL ? pulse_shift_new_from_json (node, error) : NULL;
      if (shift == NULL)
        {
          g_prefix_error (error, "a stored shift: ");
          return FALSE;
        }
      person = g_hash_table_lookup (by_id, pulse_shift_get_agent_id (shift));
      if (person != NULL)
        g_ptr_array_add (person->shifts, g_steal_pointer (&shift));
    }

  return ok;
}

static gboolean
load_history (PulseDb     *db,
              PulseStmt   *stmt,
              Person      *person,
              GError     **error)
{
  gboolean has_row = FALSE;
  gboolean ok;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, person->agent_id, -1, SQLITE_STATIC);
  while ((ok = pulse_db_step (db, stmt, &has_row, error)) && has_row)
    {
      PulseCoverageStatus entry = { sqlite3_column_int64 (stmt, 0), PULSE_AGENT_STATUS_OFFLINE };
      int status;

      if (!pulse_enum_from_nick (PULSE_TYPE_AGENT_STATUS,
                                 (const char *) sqlite3_column_text (stmt, 1), &status))
        continue;
      entry.status = status;
      g_array_append_val (person->history, entry);
    }

  return ok;
}

static gboolean
load_statuses (PulseDb       *db,
               GPtrArray     *people,
               gint64         from,
               gint64         until,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  stmt = pulse_db_prepare (db,
                           "SELECT since, status FROM agent_status WHERE agent_id = ?1 "
                           "AND since < ?3 AND since >= coalesce ((SELECT max (since) "
                           "FROM agent_status WHERE agent_id = ?1 AND since <= ?2), 0) "
                           "ORDER BY since", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, until);
  for (guint i = 0; i < people->len; i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || !load_history (db, stmt, people->pdata[i], error))
      return FALSE;

  return TRUE;
}

static PulseAdherenceEntry *
measure (Person *person,
         gint64  from,
         gint64  until,
         gint64  now,
         gint64  to)
{
  PulseAdherenceEntry *entry = pulse_adherence_entry_new (person->agent_id);
  PulseShift * const *shifts = (PulseShift * const *) person->shifts->pdata;
  const PulseCoverageStatus *history = (const PulseCoverageStatus *) person->history->data;

  pulse_adherence_compute (shifts, person->shifts->len, history, person->history->len, from,
                           until, &entry->figures);
  if (now >= from && now < to)
    {
      PulseAgentStatus status = PULSE_AGENT_STATUS_OFFLINE;

      for (guint i = 0; i < person->history->len && history[i].since <= now; i++)
        status = history[i].status;
      entry->has_state = TRUE;
      entry->state = pulse_adherence_state_at (shifts, person->shifts->len, status, now);
    }

  return entry;
}

/**
 * pulse_adherence_load:
 * @db: the server database
 * @from: the range's start, microseconds
 * @to: its end, after @from
 * @now: the time measured at: only [@from, min (@to, @now)) is measured,
 *   and the state is given when @now lies in the range
 * @cancellable: (nullable): checked between agents
 * @error: return location for %G_IO_ERROR_CANCELLED or a store error
 *
 * Returns: (transfer full) (nullable): every agent's adherence, by id.
 */
PulseAdherenceReport *
pulse_adherence_load (PulseDb       *db,
                      gint64         from,
                      gint64         to,
                      gint64         now,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PulseAdherenceReport) report = NULL;
  gint64 until = MIN (to, now);

  g_return_val_if_fail (PULSE_IS_DB (db), NULL);
  g_return_val_if_fail (from < to, NULL);

  if (!load_people (db, people, by_id, error) || !load_shifts (db, by_id, from, to, error)
      || (until > from && !load_statuses (db, people, from, until, cancellable, error)))
    return NULL;

  report = pulse_adherence_report_new (from, to, now);
  for (guint i = 0; i < people->len; i++)
    g_ptr_array_add (report->entries, measure (people->pdata[i], from, until, now, to));

  return g_steal_pointer (&report);
}
