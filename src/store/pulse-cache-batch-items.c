/* pulse-cache-batch-items.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The puts and deletes of a #PulseCacheBatch.
 */

#include "config.h"

#include "pulse-cache-batch.h"
#include "pulse-cache-private.h"
#include "pulse-json.h"

#define MAX_KIND   64
#define MAX_STATUS 64

/* Steps a put or delete; a row left unchanged means a newer one is kept. */
static gboolean
run_versioned (PulseCacheBatch  *self,
               PulseStmt        *stmt,
               gboolean         *applied,
               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 changes = 0;

  if (!_pulse_cache_run (self->cache, stmt, &changes, &local_error))
    return _pulse_cache_batch_fail (self, g_steal_pointer (&local_error), error);

  if (changes == 0)
    self->n_stale++;
  if (applied != NULL)
    *applied = changes > 0;
  return TRUE;
}

static gboolean
check_item (const char  *kind,
            const char  *id,
            gint64       version,
            GError     **error)
{
  if ((kind != NULL && !_pulse_cache_check_text ("kind", kind, MAX_KIND, error)) ||
      !_pulse_cache_check_text ("id", id, PULSE_JSON_MAX_ID, error))
    return FALSE;

  if (version < 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "version: must not be negative, got %" G_GINT64_FORMAT, version);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_body (JsonNode  *body,
            GError   **error)
{
  if (body == NULL || JSON_NODE_HOLDS_NULL (body))
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "body: is required");
      return FALSE;
    }

  return TRUE;
}

/**
 * pulse_cache_batch_put_entity:
 * @kind: the collection ("queue", "rule", "applications" …)
 * @id: the item's id within @kind
 * @version: the item's version
 * @body: the item's canonical JSON
 * @applied: (out) (optional): %FALSE if a newer version is stored and
 *   this put was ignored
 *
 * Stores one item of @kind, replacing an older version.
 *
 * Returns: %FALSE on error; the batch has then failed.
 */
gboolean
pulse_cache_batch_put_entity (PulseCacheBatch  *self,
                              const char       *kind,
                              const char       *id,
                              gint64            version,
                              JsonNode         *body,
                              gboolean         *applied,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  PulseStmt *stmt;
  gsize length;
  char *text;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_pulse_cache_batch_check_usable (self, error))
    return FALSE;

  if (!check_item (kind != NULL ? kind : "", id, version, &local_error) ||
      !check_body (body, &local_error) ||
      (stmt = _pulse_cache_get_stmt (self->cache, PULSE_CACHE_STMT_PUT_ENTITY,
                                     &local_error)) == NULL)
    return _pulse_cache_batch_fail (self, g_steal_pointer (&local_error), error);

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, version);
  text = _pulse_cache_json_to_string (body, &length);
  sqlite3_bind_text64 (stmt, 4, text, length, g_free, SQLITE_UTF8);
  return run_versioned (self, stmt, applied, error);
}

/**
 * pulse_cache_batch_delete_entity:
 * @version: the version the deletion has (events carry it)
 * @applied: (out) (optional): %FALSE if no such item was stored at
 *   @version or older
 *
 * Returns: %FALSE on error; the batch has then failed.
 */
gboolean
pulse_cache_batch_delete_entity (PulseCacheBatch  *self,
                                 const char       *kind,
                                 const char       *id,
                                 gint64            version,
                                 gboolean         *applied,
                                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  PulseStmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_pulse_cache_batch_check_usable (self, error))
    return FALSE;

  if (!check_item (kind != NULL ? kind : "", id, version, &local_error) ||
      (stmt = _pulse_cache_get_stmt (self->cache, PULSE_CACHE_STMT_DELETE_ENTITY,
                                     &local_error)) == NULL)
    return _pulse_cache_batch_fail (self, g_steal_pointer (&local_error), error);

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, version);
  return run_versioned (self, stmt, applied, error);
}

/* A ticket's row: the columns reads select on, from its JSON, and its
 * text split around the messages (pulse-cache-messages.c). */
typedef struct
{
  char      *id;
  gint64     version;
  gint64     created_at;
  gint64     updated_at;
  char      *status;
  char      *queue_id;
  char      *head;
  gsize      head_length;
  char      *tail;
  gsize      tail_length;
  JsonArray *messages;
} TicketRow;

static void
ticket_row_clear (TicketRow *row)
{
  g_free (row->id);
  g_free (row->status);
  g_free (row->queue_id);
  g_free (row->head);
  g_free (row->tail);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TicketRow, ticket_row_clear)

/* The status is kept as text: a status a newer server adds is stored
 * (and counts as open), not refused. */
static gboolean
read_ticket_row (JsonNode   *ticket,
                 TicketRow  *row,
                 GError    **error)
{
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, ticket, "a ticket", error))
    return FALSE;

  row->id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  row->version = pulse_json_reader_get_int (&reader, "version", PULSE_JSON_REQUIRED, 0,
                                            G_MAXINT64, 0);
  row->created_at = pulse_json_reader_get_time (&reader, "created_at", PULSE_JSON_REQUIRED);
  row->updated_at = pulse_json_reader_get_time (&reader, "updated_at", PULSE_JSON_OPTIONAL);
  if (row->updated_at == 0)
    row->updated_at = row->created_at;
  row->status = pulse_json_reader_dup_string (&reader, "status", PULSE_JSON_REQUIRED,
                                              MAX_STATUS);
  row->queue_id = pulse_json_reader_dup_string (&reader, "queue_id", PULSE_JSON_REQUIRED,
                                                PULSE_JSON_MAX_ID);

  if (row->id != NULL && *row->id == '\0')
    pulse_json_reader_fail (&reader, "id", "must not be empty");

  if (!pulse_json_reader_finish (&reader, error))
    {
      g_prefix_error (error, "ticket %s: ", row->id != NULL && *row->id != '\0' ? row->id
                                                                              : "without an id");
      return FALSE;
    }

  row->messages = _pulse_cache_ticket_to_strings (ticket, &row->head, &row->head_length,
                                                  &row->tail, &row->tail_length);
  return TRUE;
}

/* ?1 … ?8 as PUT_TICKET and UPDATE_TICKET number them; @row outlives
 * the step. */
static void
bind_ticket_row (PulseStmt       *stmt,
                 const TicketRow *row)
{
  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row->version);
  sqlite3_bind_int64 (stmt, 3, row->created_at);
  sqlite3_bind_int64 (stmt, 4, row->updated_at);
  sqlite3_bind_text (stmt, 5, row->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row->queue_id, -1, SQLITE_STATIC);
  sqlite3_bind_text64 (stmt, 7, row->head, row->head_length, SQLITE_STATIC, SQLITE_UTF8);
  if (row->tail != NULL)
    sqlite3_bind_text64 (stmt, 8, row->tail, row->tail_length, SQLITE_STATIC, SQLITE_UTF8);
}

/* The header-only update first (most puts are one); the upsert for a new
 * ticket, a changed status or creation time, or a stale version. */
static gboolean
store_ticket_row (PulseCacheBatch  *self,
                  const TicketRow  *row,
                  gboolean         *put,
                  GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  PulseStmt *stmt;
  gint64 changes = 0;

  stmt = _pulse_cache_get_stmt (self->cache, PULSE_CACHE_STMT_UPDATE_TICKET, &local_error);
  if (stmt != NULL)
    {
      bind_ticket_row (stmt, row);
      if (_pulse_cache_run (self->cache, stmt, &changes, &local_error) && changes > 0)
        {
          *put = TRUE;
          return TRUE;
        }
    }
  if (local_error == NULL)
    stmt = _pulse_cache_get_stmt (self->cache, PULSE_CACHE_STMT_PUT_TICKET, &local_error);
  if (local_error != NULL)
    return _pulse_cache_batch_fail (self, g_steal_pointer (&local_error), error);

  bind_ticket_row (stmt, row);
  return run_versioned (self, stmt, put, error);
}

/**
 * pulse_cache_batch_put_ticket:
 * @ticket: the ticket's wire form, with its messages and ratings
 * @applied: (out) (optional): %FALSE if a newer version is stored
 *
 * Stores a ticket. Only `id`, `version`, `created_at`, `updated_at`,
 * `status` and `queue_id` are read (and must be valid); the rest is kept
 * as given. Its messages are rows of their own, and only those not stored
 * yet at their place are written (by `id`: messages never change once
 * sent), so a ticket that gained a message costs its header and that
 * message.
 *
 * Returns: %FALSE on error (an error naming the field); the batch has
 *   then failed.
 */
gboolean
pulse_cache_batch_put_ticket (PulseCacheBatch  *self,
                              JsonNode         *ticket,
                              gboolean         *applied,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(TicketRow) row = { 0 };
  gboolean put = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_pulse_cache_batch_check_usable (self, error))
    return FALSE;

  if (!read_ticket_row (ticket, &row, &local_error))
    return _pulse_cache_batch_fail (self, g_steal_pointer (&local_error), error);

  if (!store_ticket_row (self, &row, &put, error))
    return FALSE;
  if (applied != NULL)
    *applied = put;

  /* A stale put leaves the messages of the newer version alone. */
  if (put && !_pulse_cache_put_messages (self->cache, row.id, row.messages, &local_error))
    return _pulse_cache_batch_fail (self, g_steal_pointer (&local_error), error);

  return TRUE;
}

/**
 * pulse_cache_batch_delete_ticket:
 * @version: the version the deletion has
 * @applied: (out) (optional): %FALSE if no such ticket was stored at
 *   @version or older
 *
 * Returns: %FALSE on error; the batch has then failed.
 */
gboolean
pulse_cache_batch_delete_ticket (PulseCacheBatch  *self,
                                 const char       *id,
                                 gint64            version,
                                 gboolean         *applied,
                                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  PulseStmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_pulse_cache_batch_check_usable (self, error))
    return FALSE;

  if (!check_item (NULL, id, version, &local_error) ||
      (stmt = _pulse_cache_get_stmt (self->cache, PULSE_CACHE_STMT_DELETE_TICKET,
                                     &local_error)) == NULL)
    return _pulse_cache_batch_fail (self, g_steal_pointer (&local_error), error);

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, version);
  _pulse_cache_messages_forget (self->cache, id);
  return run_versioned (self, stmt, applied, error);
}
