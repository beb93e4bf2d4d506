/* pulse-cache-outbox.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox of a #PulseCache: the requests a user saved, kept until the
 * server has acknowledged them or the user has let them go. Each change is
 * its own transaction, on disk when the call returns, so a crash or a
 * power cut after "saved" loses nothing. Sending is the session's: it
 * sends pending entries in id order with their idempotency keys, so one
 * sent twice (the answer lost in a crash) is applied once. Reading the
 * outbox is in pulse-cache-outbox-read.c.
 */

#include "config.h"

#include "pulse-cache-outbox.h"
#include "pulse-cache-private.h"
#include "pulse-json.h"

#define MAX_PATH    2048
#define MAX_KEY     128
#define MAX_KIND    64
#define MAX_MESSAGE 4096

static const char * const methods[] = { "POST", "PUT", "PATCH", "DELETE" };

static gboolean
check_key (const char  *key,
           GError     **error)
{
  if (!_pulse_cache_check_text ("idempotency_key", key, MAX_KEY, error))
    return FALSE;

  for (const char *p = key; *p != '\0'; p++)
    {
      if (!g_ascii_isgraph (*p))
        {
          g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                               "idempotency_key: must be printable ASCII without spaces");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_version (gint64   version,
               GError **error)
{
  if (version >= 0)
    return TRUE;

  g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                       "base_version: must not be negative");
  return FALSE;
}

static gboolean
check_request (const char  *method,
               const char  *path,
               GError     **error)
{
  gboolean known = FALSE;

  for (guint i = 0; method != NULL && i < G_N_ELEMENTS (methods); i++)
    known |= g_str_equal (method, methods[i]);

  if (!known)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "method: must be POST, PUT, PATCH or DELETE, got %s",
                   method != NULL ? method : "none");
      return FALSE;
    }

  if (!_pulse_cache_check_text ("path", path, MAX_PATH, error))
    return FALSE;

  if (path[0] != '/')
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "path: must start with /");
      return FALSE;
    }

  return TRUE;
}

static void
bind_optional_json (PulseStmt *stmt,
                    int        column,
                    JsonNode  *node)
{
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_text (stmt, column, pulse_json_to_string (node), -1, g_free);
}

/* Runs one writer statement as its own transaction. With @returning, the
 * statement's single row's first column goes to *value; a statement that
 * changes no row is NOT_FOUND for entry @id. */
static gboolean
write_one (PulseCache  *self,
           PulseStmt   *stmt,
           gint64       id,
           gint64      *value,
           GError     **error)
{
  gboolean has_row = FALSE;
  gboolean ok;

  ok = pulse_db_step (self->writer, stmt, &has_row, error);
  if (ok && has_row && value != NULL)
    *value = sqlite3_column_int64 (stmt, 0);
  /* The change commits when the statement ends, so step it to its end:
   * that is where a failed commit would show. */
  while (ok && has_row)
    ok = pulse_db_step (self->writer, stmt, &has_row, error);

  if (ok && pulse_db_changes (self->writer) == 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND,
                   "no outbox entry %" G_GINT64_FORMAT, id);
      return FALSE;
    }

  return ok;
}

static gint64
insert_entry (PulseCache  *self,
              const char  *method,
              const char  *path,
              JsonNode    *body,
              const char  *key,
              const char  *entity_kind,
              const char  *entity_id,
              gint64       base_version,
              GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  gint64 id = 0;

  stmt = pulse_db_prepare (self->writer,
                           "INSERT INTO outbox (method, path, body, idempotency_key, entity_kind,"
                           " entity_id, base_version, created_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, method, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  bind_optional_json (stmt, 3, body);
  sqlite3_bind_text (stmt, 4, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entity_kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, base_version);
  sqlite3_bind_int64 (stmt, 8, g_get_real_time ());

  if (!write_one (self, stmt, 0, &id, error))
    return 0;
  return id;
}

/**
 * pulse_cache_outbox_enqueue:
 * @method: "POST", "PUT", "PATCH" or "DELETE"
 * @path: the request path ("/api/v1/rules/rule-card")
 * @body: (nullable): the request body
 * @idempotency_key: 1 to 128 printable ASCII characters, unique in the
 *   outbox; the session sends it with every attempt
 * @entity_kind: (nullable): the kind of the item edited, for the UI
 * @entity_id: (nullable): its id
 * @base_version: the version edited (sent as `If-Match`), 0 for none
 *
 * Saves a request to send. It is on disk when this returns.
 *
 * Returns: the entry's id (its place in the order), or 0 on error
 *   (%PULSE_ERROR_INVALID_DATA naming the argument, or
 *   %PULSE_STORE_ERROR_CONSTRAINT for a key already in the outbox).
 */
gint64
pulse_cache_outbox_enqueue (PulseCache  *self,
                            const char  *method,
                            const char  *path,
                            JsonNode    *body,
                            const char  *idempotency_key,
                            const char  *entity_kind,
                            const char  *entity_id,
                            gint64       base_version,
                            GError     **error)
{
  gint64 id;

  g_return_val_if_fail (PULSE_IS_CACHE (self), 0);

  if (!check_request (method, path, error) || !check_key (idempotency_key, error) ||
      !check_version (base_version, error) ||
      (entity_kind != NULL && !_pulse_cache_check_text ("entity_kind", entity_kind, MAX_KIND,
                                                        error)) ||
      (entity_id != NULL && !_pulse_cache_check_text ("entity_id", entity_id,
                                                      PULSE_JSON_MAX_ID, error)) ||
      !_pulse_cache_acquire_writer (self, error))
    return 0;

  id = insert_entry (self, method, path, body, idempotency_key, entity_kind, entity_id,
                     base_version, error);
  _pulse_cache_release_writer (self);
  return id;
}

/* Prepares @sql on the writer, binds ?1 to @id and lets @bind add the
 * rest, then runs it as one transaction. */
static gboolean
update_entry (PulseCache  *self,
              gint64       id,
              const char  *sql,
              void       (*bind) (PulseStmt *stmt, gconstpointer data),
              gconstpointer data,
              gint64      *value,
              GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  gboolean ok = FALSE;

  if (!_pulse_cache_acquire_writer (self, error))
    return FALSE;

  stmt = pulse_db_prepare (self->writer, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (bind != NULL)
        bind (stmt, data);
      ok = write_one (self, stmt, id, value, error);
    }

  _pulse_cache_release_writer (self);
  return ok;
}

/**
 * pulse_cache_outbox_remove:
 *
 * Removes an entry the server acknowledged, or one the user discarded.
 *
 * Returns: %FALSE on error (%PULSE_ERROR_NOT_FOUND if there is no @id).
 */
gboolean
pulse_cache_outbox_remove (PulseCache  *self,
                           gint64       id,
                           GError     **error)
{
  g_return_val_if_fail (PULSE_IS_CACHE (self), FALSE);

  return update_entry (self, id, "DELETE FROM outbox WHERE id = ?1", NULL, NULL, NULL, error);
}

typedef struct
{
  gint64      at;
  gint64      version;
  guint       status;
  const char *message;
  JsonNode   *json;
  const char *key;
} Update;

static void
bind_failed (PulseStmt     *stmt,
             gconstpointer  data)
{
  const Update *u = data;

  sqlite3_bind_int64 (stmt, 2, u->at);
  sqlite3_bind_text (stmt, 3, g_utf8_make_valid (u->message, -1), -1, g_free);
}

/**
 * pulse_cache_outbox_mark_failed:
 * @next_attempt_at: when to try again (µs)
 * @message: why it failed ("offline", "HTTP 503 …"), kept for the UI
 * @attempts: (out) (optional): how many attempts have failed now
 *
 * Records a failed attempt that may pass if retried; the entry stays
 * in the order, to send.
 *
 * Returns: %FALSE on error (%PULSE_ERROR_NOT_FOUND if there is no @id).
 */
gboolean
pulse_cache_outbox_mark_failed (PulseCache  *self,
                                gint64       id,
                                gint64       next_attempt_at,
                                const char  *message,
                                guint       *attempts,
                                GError     **error)
{
  Update u = { .at = next_attempt_at, .message = message };
  gint64 count = 0;

  g_return_val_if_fail (PULSE_IS_CACHE (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (!update_entry (self, id, "UPDATE outbox SET state = 'failed', attempts = attempts + 1,"
                               " next_attempt_at = ?2, last_error = substr (?3, 1, 4096)"
                               " WHERE id = ?1 RETURNING attempts", bind_failed, &u,
                     &count, error))
    return FALSE;

  if (attempts != NULL)
    *attempts = (guint) CLAMP (count, 0, G_MAXUINT);
  return TRUE;
}

static void
bind_conflict (PulseStmt     *stmt,
               gconstpointer  data)
{
  const Update *u = data;

  bind_optional_json (stmt, 2, u->json);
}

/**
 * pulse_cache_outbox_mark_conflict:
 * @theirs: the item as the server has it (the 412 answer's `current`)
 *
 * Holds the entry for the user to choose between mine and theirs; it is
 * not sent again until pulse_cache_outbox_requeue().
 *
 * Returns: %FALSE on error (%PULSE_ERROR_NOT_FOUND if there is no @id).
 */
gboolean
pulse_cache_outbox_mark_conflict (PulseCache  *self,
                                  gint64       id,
                                  JsonNode    *theirs,
                                  GError     **error)
{
  Update u = { .json = theirs };

  g_return_val_if_fail (PULSE_IS_CACHE (self), FALSE);
  g_return_val_if_fail (theirs != NULL, FALSE);

  return update_entry (self, id, "UPDATE outbox SET state = 'conflict', last_status = 412,"
                                 " theirs = ?2 WHERE id = ?1", bind_conflict, &u, NULL, error);
}

static void
bind_rejected (PulseStmt     *stmt,
               gconstpointer  data)
{
  const Update *u = data;

  sqlite3_bind_int64 (stmt, 2, u->status);
  sqlite3_bind_text (stmt, 3, g_utf8_make_valid (u->message, -1), -1, g_free);
}

/**
 * pulse_cache_outbox_mark_rejected:
 * @status: the HTTP status, 400 to 499 but not 412 (a conflict)
 * @message: the server's error message, kept for the UI
 *
 * Holds an entry the server refused, with its error, until the user
 * edits and requeues it or removes it. It is never dropped silently.
 *
 * Returns: %FALSE on error (%PULSE_ERROR_NOT_FOUND if there is no @id,
 *   %PULSE_ERROR_INVALID_DATA for a status that is not a refusal).
 */
gboolean
pulse_cache_outbox_mark_rejected (PulseCache  *self,
                                  gint64       id,
                                  guint        status,
                                  const char  *message,
                                  GError     **error)
{
  Update u = { .status = status, .message = message };

  g_return_val_if_fail (PULSE_IS_CACHE (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (status < 400 || status > 499 || status == 412)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "status: a rejection is a 4xx other than 412, got %u", status);
      return FALSE;
    }

  return update_entry (self, id, "UPDATE outbox SET state = 'rejected', last_status = ?2,"
                                 " last_error = substr (?3, 1, 4096) WHERE id = ?1",
                       bind_rejected, &u, NULL, error);
}

static void
bind_requeue (PulseStmt     *stmt,
              gconstpointer  data)
{
  const Update *u = data;

  sqlite3_bind_int64 (stmt, 2, u->version);
  bind_optional_json (stmt, 3, u->json);
  sqlite3_bind_text (stmt, 4, u->key, -1, SQLITE_STATIC);
}

/**
 * pulse_cache_outbox_requeue:
 * @base_version: the version the edit now goes against (after a conflict,
 *   the server's)
 * @body: (nullable): the request body to send now
 * @idempotency_key: a new key: the server refuses an old key with another
 *   body
 *
 * Makes a held or failed entry pending again, keeping its place in the
 * order, with its attempts, error and "theirs" cleared.
 *
 * Returns: %FALSE on error (%PULSE_ERROR_NOT_FOUND if there is no @id).
 */
gboolean
pulse_cache_outbox_requeue (PulseCache  *self,
                            gint64       id,
                            gint64       base_version,
                            JsonNode    *body,
                            const char  *idempotency_key,
                            GError     **error)
{
  Update u = { .version = base_version, .json = body, .key = idempotency_key };

  g_return_val_if_fail (PULSE_IS_CACHE (self), FALSE);

  if (!check_key (idempotency_key, error) || !check_version (base_version, error))
    return FALSE;

  return update_entry (self, id, "UPDATE outbox SET state = 'pending', base_version = ?2,"
                                 " body = ?3, idempotency_key = ?4, attempts = 0,"
                                 " next_attempt_at = 0, last_status = 0, last_error = NULL,"
                                 " theirs = NULL WHERE id = ?1", bind_requeue, &u, NULL, error);
}
