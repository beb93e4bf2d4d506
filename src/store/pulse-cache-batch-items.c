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

/* Binds the columns reads select on, taken from the ticket's JSON. The
 * status is kept as text: a status a newer server adds is stored (and
 * counts as open), not refused. */
static gboolean
bind_ticket (PulseStmt   *stmt,
             JsonNode    *ticket,
             char       **out_id,
             JsonArray  **messages,
             GError     **error)
{
  PulseJsonReader reader;
  g_autofree char *id = NULL;
  gint64 created_at, updated_at;
  gsize head_length, tail_length;
  char *head, *tail;

  if (!pulse_json_reader_init (&reader, ticket, "a ticket", error))
    return FALSE;

  id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  sqlite3_bind_int64 (stmt, 2, pulse_json_reader_get_int (&reader, "version",
                                                          PULSE_JSON_REQUIRED,
                                                          0, G_MAXINT64, 0));
  created_at = pulse_json_reader_get_time (&reader, "created_at", PULSE_JSON_REQUIRED);
  updated_at = pulse_json_reader_get_time (&reader, "updated_at", PULSE_JSON_OPTIONAL);
  sqlite3_bind_int64 (stmt, 3, created_at);
  sqlite3_bind_int64 (stmt, 4, updated_at != 0 ? updated_at : created_at);
  sqlite3_bind_text (stmt, 5, pulse_json_reader_dup_string (&reader, "status",
                                                            PULSE_JSON_REQUIRED, MAX_STATUS),
                     -1, g_free);
  sqlite3_bind_text (stmt, 6, pulse_json_reader_dup_string (&reader, "queue_id",
                                                            PULSE_JSON_REQUIRED,
                                                            PULSE_JSON_MAX_ID),
                     -1, g_free);

  if (id != NULL && *id == '\0')
    pulse_json_reader_fail (&reader, "id", "must not be empty");

  if (!pulse_json_reader_finish (&reader, error))
    {
      g_prefix_error (error, "ticket %s: ", id != NULL && *id != '\0' ? id : "without an id");
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  *out_id = g_steal_pointer (&id);
  *messages = _pulse_cache_ticket_to_strings (ticket, &head, &head_length, &tail, &tail_length);
  sqlite3_bind_text64 (stmt, 7, head, head_length, g_free, SQLITE_UTF8);
  if (tail != NULL)
    sqlite3_bind_text64 (stmt, 8, tail, tail_length, g_free, SQLITE_UTF8);
  return TRUE;
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
  g_autofree char *id = NULL;
  JsonArray *messages = NULL;
  gboolean put = FALSE;
  PulseStmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_pulse_cache_batch_check_usable (self, error))
    return FALSE;

  stmt = _pulse_cache_get_stmt (self->cache, PULSE_CACHE_STMT_PUT_TICKET, &local_error);
  if (stmt == NULL)
    return _pulse_cache_batch_fail (self, g_steal_pointer (&local_error), error);

  if (!bind_ticket (stmt, ticket, &id, &messages, &local_error))
    {
      sqlite3_clear_bindings (stmt);
      return _pulse_cache_batch_fail (self, g_steal_pointer (&local_error), error);
    }

  if (!run_versioned (self, stmt, &put, error))
    return FALSE;
  if (applied != NULL)
    *applied = put;

  /* A stale put leaves the messages of the newer version alone. */
  if (put && !_pulse_cache_put_messages (self->cache, id, messages, &local_error))
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
  return run_versioned (self, stmt, applied, error);
}
