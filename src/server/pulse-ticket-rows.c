/* pulse-ticket-rows.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's tickets read as contacts, for `/api/v1/metrics`: a few
 * columns and the members of the stored body the KPIs need, without
 * parsing the body whole.
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-kpi.h"
#include "pulse-ticket-rows.h"
#include "pulse-types.h"

/**
 * pulse_ticket_row_free:
 * @row: (nullable): a row of pulse_ticket_rows_list_created()
 */
void
pulse_ticket_row_free (PulseTicketRow *row)
{
  if (row == NULL)
    return;

  g_free (row->id);
  g_free (row->customer_id);
  g_free (row->queue_id);
  g_free (row->status);
  g_free (row->assignee_id);
  g_free (row->channel);
  g_free (row->first_agent_at);
  g_free (row->ratings);
  g_free (row);
}

static char *
dup_column (PulseStmt *stmt,
            int        column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static PulseTicketRow *
read_row (PulseStmt *stmt)
{
  PulseTicketRow *row = g_new0 (PulseTicketRow, 1);

  row->id = dup_column (stmt, 0);
  row->customer_id = dup_column (stmt, 1);
  row->queue_id = dup_column (stmt, 2);
  row->status = dup_column (stmt, 3);
  row->created_at = sqlite3_column_int64 (stmt, 4);
  row->has_details = sqlite3_column_int (stmt, 5);
  row->assignee_id = dup_column (stmt, 6);
  row->channel = dup_column (stmt, 7);
  row->first_agent_at = dup_column (stmt, 8);
  row->automated_replies = sqlite3_column_int (stmt, 9);
  row->ratings = dup_column (stmt, 10);
  row->handle_seconds = sqlite3_column_type (stmt, 11) == SQLITE_INTEGER
                        ? sqlite3_column_int (stmt, 11) : PULSE_KPI_NO_HANDLE_TIME;
  return row;
}

/* Steps through a list_created query, one row beyond @limit at most. */
static GPtrArray *
collect_rows (PulseDb    *db,
              PulseStmt  *stmt,
              guint       limit,
              gboolean   *more,
              GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                              pulse_ticket_row_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  *more = FALSE;
  while (pulse_db_step (db, stmt, &has_row, &local_error) && has_row)
    {
      if (rows->len == limit)
        {
          *more = TRUE;
          break;
        }
      g_ptr_array_add (rows, read_row (stmt));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* SQLite's JSON functions read the stored body far faster than parsing
 * it whole with json-glib, and only the few members the KPIs need. The
 * position (?3, ?4) is the only lower bound: with a second one on
 * created_at, SQLite seeks by that instead and every page would scan
 * the window again from its start. */
#define CREATED_SQL \
  "SELECT id, customer_id, queue_id, status, created_at, created_at < ?2, " \
  "CASE WHEN created_at < ?2 THEN body ->> '$.assignee_id' END, " \
  "CASE WHEN created_at < ?2 THEN body ->> '$.channel' END, " \
  "CASE WHEN created_at < ?2 THEN (SELECT m.value ->> '$.at' " \
  "  FROM json_each (body, '$.messages') AS m " \
  "  WHERE m.value ->> '$.author_kind' = ?6 ORDER BY m.key LIMIT 1) END, " \
  "CASE WHEN created_at < ?2 THEN (SELECT count (*) " \
  "  FROM json_each (body, '$.messages') AS m " \
  "  WHERE m.value ->> '$.author_kind' IN (?7, ?8)) ELSE 0 END, " \
  "CASE WHEN created_at < ?2 THEN (SELECT group_concat (r.key || ' ' " \
  "  || (r.value ->> '$.kind') || ' ' || (r.value ->> '$.score') || ' ' " \
  "  || (r.value ->> '$.at'), ',') FROM json_each (body, '$.ratings') AS r) END, " \
  "CASE WHEN created_at < ?2 THEN body ->> '$.handle_seconds' END " \
  "FROM ticket WHERE (created_at, id) > (?3, ?4) AND created_at < ?1 " \
  "ORDER BY created_at, id LIMIT ?5 + 1"

static void
bind_author_kind (PulseStmt       *stmt,
                  int              column,
                  PulseAuthorKind  kind)
{
  sqlite3_bind_text (stmt, column, pulse_enum_to_nick (PULSE_TYPE_AUTHOR_KIND, kind), -1,
                     SQLITE_STATIC);
}

/**
 * pulse_ticket_rows_list_created:
 * @db: the server database
 * @from: the earliest created-at included (µs)
 * @to: the first created-at excluded
 * @details_before: rows created before this (µs) carry the members read
 *   from the body; later ones only their columns, which is cheaper
 * @after_created_at: with @after_id, the position of the last row of the
 *   previous page
 * @after_id: (nullable): %NULL for the first page (as is a position
 *   before @from)
 * @limit: the most rows returned, 1 or more
 * @more: (out): whether rows follow this page
 *
 * One page of the tickets created in [@from, @to), in (created-at, id)
 * order, on the `ticket_created` index, as #PulseTicketRow: what the KPIs
 * read of a ticket. A caller streams a window of contacts page by page,
 * each page one short statement (run it inside pulse_db_transaction() to
 * hold the database for the page only), so writers go in between; a
 * ticket's creation does not move when it is updated, so paging skips
 * none that existed when it began.
 *
 * Returns: (transfer full) (element-type PulseTicketRow): the rows, or
 *   %NULL on error.
 */
GPtrArray *
pulse_ticket_rows_list_created (PulseDb     *db,
                                gint64       from,
                                gint64       to,
                                gint64       details_before,
                                gint64       after_created_at,
                                const char  *after_id,
                                guint        limit,
                                gboolean    *more,
                                GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_DB (db), NULL);
  g_return_val_if_fail (limit > 0 && more != NULL, NULL);

  stmt = pulse_db_prepare (db, CREATED_SQL, error);
  if (stmt == NULL)
    return NULL;

  /* Ids are never empty, so (from, "") is just before the window. */
  if (after_id == NULL || after_created_at < from)
    {
      after_created_at = from;
      after_id = "";
    }

  sqlite3_bind_int64 (stmt, 1, to);
  sqlite3_bind_int64 (stmt, 2, details_before);
  sqlite3_bind_int64 (stmt, 3, after_created_at);
  sqlite3_bind_text (stmt, 4, after_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, limit);
  bind_author_kind (stmt, 6, PULSE_AUTHOR_KIND_AGENT);
  bind_author_kind (stmt, 7, PULSE_AUTHOR_KIND_BOT);
  bind_author_kind (stmt, 8, PULSE_AUTHOR_KIND_RULE);
  return collect_rows (db, stmt, limit, more, error);
}
