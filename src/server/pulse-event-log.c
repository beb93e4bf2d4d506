/* pulse-event-log.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-time-utils.h"

/**
 * PulseEventLog:
 *
 * The server's ordered history of state changes, the source of the
 * `/events` stream. pulse_event_log_append() is meant to run inside the
 * pulse_db_transaction() that makes the change, so the change and its
 * event are written together or not at all. Events are handed out as
 * their wire form, `{"seq","type","at","data"}`, ready to send.
 */
struct _PulseEventLog
{
  GObject  parent_instance;

  PulseDb *db;
};

G_DEFINE_FINAL_TYPE (PulseEventLog, pulse_event_log, G_TYPE_OBJECT)

enum {
  APPENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pulse_event_log_finalize (GObject *object)
{
  PulseEventLog *self = (PulseEventLog *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (pulse_event_log_parent_class)->finalize (object);
}

static void
pulse_event_log_class_init (PulseEventLogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_event_log_finalize;

  /**
   * PulseEventLog::appended:
   * @self: the log
   * @last_seq: the newest sequence number now in the log
   *
   * Emitted by pulse_event_log_notify_appended() once a transaction that
   * appended events has committed, so streams can send them. Never
   * emitted from inside a transaction: a listener would read rows that
   * might still roll back.
   */
  signals[APPENDED] =
    g_signal_new ("appended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
pulse_event_log_init (PulseEventLog *self)
{
}

/**
 * pulse_event_log_new:
 * @db: the server database
 *
 * Returns: (transfer full): the event log kept in @db.
 */
PulseEventLog *
pulse_event_log_new (PulseDb *db)
{
  PulseEventLog *self;

  g_return_val_if_fail (PULSE_IS_DB (db), NULL);

  self = g_object_new (PULSE_TYPE_EVENT_LOG, NULL);
  self->db = g_object_ref (db);
  return self;
}

/**
 * pulse_event_log_append:
 * @type: the event type, such as "ticket.created"
 * @data: the event's data object
 *
 * Returns: the new event's sequence number, or 0 with @error set.
 */
gint64
pulse_event_log_append (PulseEventLog  *self,
                        const char     *type,
                        JsonNode       *data,
                        GError        **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  g_autofree char *text = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_EVENT_LOG (self), 0);
  g_return_val_if_fail (type != NULL && data != NULL, 0);

  stmt = pulse_db_prepare (self->db,
                           "INSERT INTO event (type, at, data) VALUES (?1, ?2, ?3) RETURNING seq",
                           error);
  if (stmt == NULL)
    return 0;

  text = pulse_json_to_string (data);
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  if (!pulse_db_step (self->db, stmt, &has_row, error) || !has_row)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static gint64
query_seq (PulseEventLog *self,
           const char    *sql)
{
  return pulse_db_query_int (self->db, sql, NULL);
}

/**
 * pulse_event_log_get_last_seq:
 *
 * Returns: the newest event's number, or 0 if none was ever written. It
 *   stays put when old events are pruned.
 */
gint64
pulse_event_log_get_last_seq (PulseEventLog *self)
{
  g_return_val_if_fail (PULSE_IS_EVENT_LOG (self), 0);

  /* sqlite_sequence remembers the highest seq even if its row is gone. */
  return query_seq (self, "SELECT coalesce ((SELECT seq FROM sqlite_sequence WHERE name = 'event'), 0)");
}

/**
 * pulse_event_log_get_first_seq:
 *
 * Returns: the oldest event still kept, or 0 if the log is empty. A
 *   client resuming from before it (`since` < first − 1) must resync.
 */
gint64
pulse_event_log_get_first_seq (PulseEventLog *self)
{
  g_return_val_if_fail (PULSE_IS_EVENT_LOG (self), 0);

  return query_seq (self, "SELECT coalesce (min (seq), 0) FROM event");
}

static JsonNode *
event_from_row (PulseStmt  *stmt,
                GError    **error)
{
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const char *text = (const char *) sqlite3_column_text (stmt, 3);

  data = pulse_json_parse (text, -1, error);
  if (data == NULL)
    return NULL;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "seq", sqlite3_column_int64 (stmt, 0));
  pulse_json_add_string (builder, "type", (const char *) sqlite3_column_text (stmt, 1));
  pulse_json_add_time (builder, "at", sqlite3_column_int64 (stmt, 2));
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, g_steal_pointer (&data));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_event_log_read_since:
 * @since: the last sequence number the reader has
 * @limit: the most events to return
 *
 * Returns: (transfer full) (element-type JsonNode): up to @limit events
 *   after @since in order, as their wire form; %NULL on error.
 */
GPtrArray *
pulse_event_log_read_since (PulseEventLog  *self,
                            gint64          since,
                            guint           limit,
                            GError        **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(PulseStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_EVENT_LOG (self), NULL);

  stmt = pulse_db_prepare (self->db,
                           "SELECT seq, type, at, data FROM event WHERE seq > ?1 "
                           "ORDER BY seq LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit);
  while (pulse_db_step (self->db, stmt, &has_row, &local_error) && has_row)
    {
      JsonNode *event = event_from_row (stmt, &local_error);

      if (event == NULL)
        break;
      g_ptr_array_add (events, event);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&events);
}

/**
 * pulse_event_log_prune_before:
 * @before_usec: events older than this are dropped
 *
 * Keeps the log to its retention period. Clients that were further
 * behind get a `resync` when they come back.
 *
 * Returns: how many events were dropped, or -1 on error.
 */
gint64
pulse_event_log_prune_before (PulseEventLog  *self,
                              gint64          before_usec,
                              GError        **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_EVENT_LOG (self), -1);

  stmt = pulse_db_prepare (self->db, "DELETE FROM event WHERE at < ?1", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, before_usec);
  if (!pulse_db_step (self->db, stmt, NULL, error))
    return -1;

  return pulse_db_changes (self->db);
}

/**
 * pulse_event_log_notify_appended:
 *
 * Tells listeners that committed events wait after their last seq. Call
 * it after the pulse_db_transaction() that appended them returned.
 */
void
pulse_event_log_notify_appended (PulseEventLog *self)
{
  g_return_if_fail (PULSE_IS_EVENT_LOG (self));

  g_signal_emit (self, signals[APPENDED], 0, pulse_event_log_get_last_seq (self));
}
