/* pulse-coverage-load.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads what shift coverage needs from the server database into a
 * #PulseCoverage: queues and agents (directory), shifts (managed items),
 * status history and past tickets. Meant for a worker thread: every query
 * takes the database lock one step at a time, so requests on the main
 * thread go on between the rows.
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-agent.h"
#include "pulse-coverage-load.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-queue.h"
#include "pulse-shift.h"

/* How often a long scan looks at the cancellable. */
#define ROWS_PER_CHECK 4096

typedef GObject *(*DecodeFunc) (JsonNode *node, GError **error);
typedef void     (*AddFunc)    (PulseCoverage *coverage, gpointer object);

typedef struct
{
  PulseCoverage *coverage;
  PulseDb       *db;
  GCancellable  *cancellable;
} Load;

/* Steps @stmt to its end, decoding column 0 of each row with @decode and
 * handing the object to @add. */
static gboolean
read_items (Load        *load,
            PulseStmt   *stmt,
            DecodeFunc   decode,
            AddFunc      add,
            guint       *n_rows,
            GError     **error)
{
  gboolean has_row = FALSE;
  gboolean ok;

  while ((ok = pulse_db_step (load->db, stmt, &has_row, error)) && has_row)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GObject) object = NULL;

      node = pulse_json_parse ((const char *) sqlite3_column_text (stmt, 0), -1, error);
      object = node != NULL ? decode (node, error) : NULL;
      if (object == NULL)
        {
          g_prefix_error (error, "a stored item: ");
          return FALSE;
        }
      add (load->coverage, object);
      if (n_rows != NULL)
        (*n_rows)++;
    }

  return ok;
}

static gboolean
load_queues (Load        *load,
             const char  *queue_id,
             GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  guint n_rows = 0;

  stmt = pulse_db_prepare (load->db,
                           "SELECT body FROM directory WHERE kind = 'queue' "
                           "AND (?1 IS NULL OR id = ?1) ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, queue_id, -1, SQLITE_STATIC);
  if (!read_items (load, stmt, (DecodeFunc) (void (*) (void)) pulse_queue_new_from_json,
                   (AddFunc) (void (*) (void)) pulse_coverage_add_queue, &n_rows, error))
    return FALSE;

  if (queue_id != NULL && n_rows == 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND, "queue: no queue “%s”", queue_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_agents (Load    *load,
             GError **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  stmt = pulse_db_prepare (load->db,
                           "SELECT body FROM directory WHERE kind = 'agent' ORDER BY id", error);

  return stmt != NULL
         && read_items (load, stmt, (DecodeFunc) (void (*) (void)) pulse_agent_new_from_json,
                        (AddFunc) (void (*) (void)) pulse_coverage_add_agent, NULL, error);
}

/* Shifts are items with no time columns: their RFC 3339 texts are
 * compared instead, which orders them exactly but within a second (a
 * fractional part sorts before "Z"), so the bounds have a second's margin
 * and the computation drops what misses the range. */
static gboolean
load_shifts (Load    *load,
             gint64   from,
             gint64   to,
             GError **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  g_autofree char *lower = pulse_time_format (from - G_USEC_PER_SEC);
  g_autofree char *upper = pulse_time_format (to + G_USEC_PER_SEC);

  stmt = pulse_db_prepare (load->db,
                           "SELECT body FROM item WHERE kind = 'shift' "
                           "AND json_extract (body, '$.ends_at') > ?1 "
                           "AND json_extract (body, '$.starts_at') < ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_STATIC);
  return read_items (load, stmt, (DecodeFunc) (void (*) (void)) pulse_shift_new_from_json,
                     (AddFunc) (void (*) (void)) pulse_coverage_add_shift, NULL, error);
}

/* One agent's history: the last report at or before @from (the status
 * the range opens with) and every later one before @until. */
static gboolean
load_history (Load        *load,
              PulseStmt   *stmt,
              const char  *agent_id,
              GError     **error)
{
  gboolean has_row = FALSE;
  gboolean ok;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, agent_id, -1, SQLITE_TRANSIENT);
  while ((ok = pulse_db_step (load->db, stmt, &has_row, error)) && has_row)
    {
      int status = PULSE_AGENT_STATUS_OFFLINE;

      /* Stored by ingest from the enum, so always a known nick. */
      if (!pulse_enum_from_nick (PULSE_TYPE_AGENT_STATUS,
                                 (const char *) sqlite3_column_text (stmt, 1), &status))
        continue;
      pulse_coverage_add_status (load->coverage, agent_id, sqlite3_column_int64 (stmt, 0),
                                 status);
    }

  return ok;
}

static gboolean
load_statuses (Load        *load,
               GPtrArray   *agent_ids,
               gint64       from,
               gint64       until,
               GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  stmt = pulse_db_prepare (load->db,
                           "SELECT since, status FROM agent_status WHERE agent_id = ?1 "
                           "AND since < ?3 AND since >= coalesce ((SELECT max (since) "
                           "FROM agent_status WHERE agent_id = ?1 AND since <= ?2), 0) "
                           "ORDER BY since", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, until);
  for (guint i = 0; i < agent_ids->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (load->cancellable, error)
          || !load_history (load, stmt, agent_ids->pdata[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Tickets created in [history_from, until). A ticket's updated_at is never
 * before its creation, so the (updated_at, id) index skips older history;
 * its rowids are gathered first so that the rows are then read in table
 * order (measured: twice as fast as visiting them in index order). */
static gboolean
load_contacts (Load        *load,
               const char  *queue_id,
               GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;
  guint rows = 0;

  stmt = pulse_db_prepare (load->db,
                           "SELECT queue_id, created_at, json_extract (body, '$.handle_seconds') "
                           "FROM ticket WHERE rowid IN (SELECT rowid FROM ticket "
                           "WHERE updated_at >= ?1) AND created_at >= ?1 AND created_at < ?2 "
                           "AND (?3 IS NULL OR queue_id = ?3)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pulse_coverage_get_history_from (load->coverage));
  sqlite3_bind_int64 (stmt, 2, pulse_coverage_get_until (load->coverage));
  sqlite3_bind_text (stmt, 3, queue_id, -1, SQLITE_STATIC);
  while ((ok = pulse_db_step (load->db, stmt, &has_row, error)) && has_row)
    {
      int handle = sqlite3_column_type (stmt, 2) == SQLITE_INTEGER ? sqlite3_column_int (stmt, 2)
                                                                    : PULSE_FORECAST_NO_HANDLE_TIME;

      pulse_coverage_add_contact (load->coverage, (const char *) sqlite3_column_text (stmt, 0),
                                  sqlite3_column_int64 (stmt, 1), handle);
      if (++rows % ROWS_PER_CHECK == 0
          && g_cancellable_set_error_if_cancelled (load->cancellable, error))
        return FALSE;
    }

  return ok;
}

/**
 * pulse_coverage_load:
 * @coverage: a computation with nothing added yet
 * @db: the server database
 * @queue_id: (nullable): the one queue to cover, or %NULL for every queue
 * @cancellable: (nullable): checked between queries and during long ones
 * @error: return location for a %PULSE_ERROR_NOT_FOUND error naming
 *   `queue`, %G_IO_ERROR_CANCELLED, or a store error
 *
 * Adds the queues (by id), every agent, the shifts near the range, the
 * status history of every agent from the range's start and the tickets
 * the forecasts and actual counts read. Each query sees the database as
 * it is when it runs; there is no transaction around them all, so a
 * large computation never holds the lock against other requests.
 *
 * Returns: %TRUE when everything was read.
 */
gboolean
pulse_coverage_load (PulseCoverage  *coverage,
                     PulseDb        *db,
                     const char     *queue_id,
                     GCancellable   *cancellable,
                     GError        **error)
{
  Load load = { coverage, db, cancellable };
  const PulseCoverageRequest *request;
  g_autoptr(GPtrArray) agent_ids = NULL;

  g_return_val_if_fail (coverage != NULL, FALSE);
  g_return_val_if_fail (PULSE_IS_DB (db), FALSE);

  request = pulse_coverage_get_request (coverage);
  if (!load_queues (&load, queue_id, error) || !load_agents (&load, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !load_shifts (&load, request->from, request->to, error))
    return FALSE;

  agent_ids = pulse_coverage_dup_agent_ids (coverage);
  if (pulse_coverage_get_until (coverage) > request->from
      && !load_statuses (&load, agent_ids, request->from, pulse_coverage_get_until (coverage),
                         error))
    return FALSE;

  return !g_cancellable_set_error_if_cancelled (cancellable, error)
         && load_contacts (&load, queue_id, error);
}
