/* pulse-rt-commit.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-enums.h"
#include "pulse-event-log.h"
#include "pulse-ingest.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-rt-commit.h"

typedef struct
{
  PulseServer        *server;
  const PulseRtBatch *batch;
  PulseIngest         ingest;
  gint64              seq_before;
} Commit;

/**
 * pulse_rt_cursor_load:
 * @source: the helpdesk's URL
 * @cursor: (out): the last RT transaction id ingested
 *
 * Returns: %TRUE if a cursor is stored (the initial load is done);
 *   %FALSE with @error unset if none, or with @error on a database error.
 */
gboolean
pulse_rt_cursor_load (PulseDb     *db,
                      const char  *source,
                      gint64      *cursor,
                      GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = pulse_db_prepare (db, "SELECT cursor FROM bridge_cursor WHERE source = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_STATIC);
  if (!pulse_db_step (db, stmt, &has_row, error) || !has_row)
    return FALSE;
  *cursor = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
store_cursor (PulseDb     *db,
              const char  *source,
              gint64       cursor,
              GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  stmt = pulse_db_prepare (db,
                           "INSERT INTO bridge_cursor (source, cursor, updated_at) "
                           "VALUES (?, ?, ?) "
                           "ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, "
                           "updated_at = excluded.updated_at",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, cursor);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  return pulse_db_step (db, stmt, NULL, error);
}

static JsonNode *
directory_item (const PulseRtBatch *batch)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "queues");
  json_builder_begin_array (builder);
  for (guint i = 0; batch->queues != NULL && i < batch->queues->len; i++)
    json_builder_add_value (builder, json_node_copy (g_ptr_array_index (batch->queues, i)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "agents");
  json_builder_begin_array (builder);
  for (guint i = 0; batch->agents != NULL && i < batch->agents->len; i++)
    json_builder_add_value (builder, json_node_copy (g_ptr_array_index (batch->agents, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* One audit entry per batch that changed something, as ingest writes one
 * per request. */
static gboolean
audit_batch (Commit  *commit,
             GError **error)
{
  PulseTokenInfo who = { (char *) "rt-bridge", (char *) "rt-bridge", PULSE_ROLE_INTEGRATION, 0,
                         0 };
  gint64 seq = pulse_event_log_get_last_seq (pulse_server_get_event_log (commit->server));
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) after = NULL;

  if (seq == commit->seq_before)
    return TRUE;

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "source", commit->batch->source);
  pulse_json_add_int (builder, "cursor", commit->batch->cursor);
  pulse_json_add_int (builder, "events", seq - commit->seq_before);
  pulse_json_add_int (builder, "first_seq", commit->seq_before + 1);
  pulse_json_add_int (builder, "last_seq", seq);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);

  return pulse_item_store_audit (pulse_server_get_item_store (commit->server), &who,
                                 PULSE_AUDIT_ACTION_CREATE, "ingest", "rt-bridge", seq, NULL,
                                 after, error);
}

static gboolean
commit_cb (PulseDb   *db,
           gpointer   user_data,
           GError   **error)
{
  Commit *commit = user_data;
  const PulseRtBatch *batch = commit->batch;
  g_autoptr(JsonNode) directory = directory_item (batch);

  if (!pulse_ingest_directory (&commit->ingest, directory, error))
    return FALSE;
  for (guint i = 0; batch->tickets != NULL && i < batch->tickets->len; i++)
    if (!pulse_ingest_ticket (&commit->ingest, g_ptr_array_index (batch->tickets, i), error))
      return FALSE;

  return pulse_ingest_flush_tickets (&commit->ingest, error) &&
         audit_batch (commit, error) &&
         (batch->cursor < 0 || store_cursor (db, batch->source, batch->cursor, error));
}

/**
 * pulse_rt_commit:
 * @batch: what one poll read from RT, mapped
 * @events: (out) (optional): the events the batch appended
 *
 * Writes @batch and its cursor in one transaction, then wakes the event
 * streams. Items are read strictly, as ingest over HTTP reads them.
 *
 * Returns: %TRUE if the batch committed; on %FALSE nothing was written.
 */
gboolean
pulse_rt_commit (PulseServer         *server,
                 const PulseRtBatch  *batch,
                 guint               *events,
                 GError             **error)
{
  Commit commit = { server, batch, { 0 }, 0 };
  gboolean previous, ok;

  g_return_val_if_fail (PULSE_IS_SERVER (server), FALSE);

  pulse_ingest_init (&commit.ingest, server);
  commit.seq_before = pulse_event_log_get_last_seq (pulse_server_get_event_log (server));
  previous = pulse_json_set_strict (TRUE);
  ok = pulse_server_commit (server, commit_cb, &commit, error);
  pulse_json_set_strict (previous);
  pulse_ingest_clear (&commit.ingest);
  if (events != NULL)
    *events = ok ? (guint) (pulse_event_log_get_last_seq (pulse_server_get_event_log (server)) -
                            commit.seq_before) : 0;
  return ok;
}
