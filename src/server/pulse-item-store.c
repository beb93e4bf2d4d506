/* pulse-item-store.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-time-utils.h"

/* Retried requests are answered the same way for this long. */
#define ANSWER_LIFETIME (24 * PULSE_USEC_PER_HOUR)

/**
 * PulseItemStore:
 *
 * The managed collections of the server (rules, templates, scorecards,
 * mentorships, shifts, reviews), their audit trail and the remembered
 * answers of idempotent requests. Items are kept as the canonical JSON of
 * their core codec, so what is served is exactly what was validated.
 * Every call is meant to run inside the route's pulse_db_transaction(),
 * together with the event it causes.
 */
struct _PulseItemStore
{
  GObject  parent_instance;

  PulseDb *db;
};

G_DEFINE_FINAL_TYPE (PulseItemStore, pulse_item_store, G_TYPE_OBJECT)

static void
pulse_item_store_finalize (GObject *object)
{
  PulseItemStore *self = (PulseItemStore *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (pulse_item_store_parent_class)->finalize (object);
}

static void
pulse_item_store_class_init (PulseItemStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_item_store_finalize;
}

static void
pulse_item_store_init (PulseItemStore *self)
{
}

/**
 * pulse_item_store_new:
 * @db: the server database
 *
 * Returns: (transfer full): the item store kept in @db.
 */
PulseItemStore *
pulse_item_store_new (PulseDb *db)
{
  PulseItemStore *self;

  g_return_val_if_fail (PULSE_IS_DB (db), NULL);

  self = g_object_new (PULSE_TYPE_ITEM_STORE, NULL);
  self->db = g_object_ref (db);
  return self;
}

static void
bind_json (PulseStmt *stmt,
           int        column,
           JsonNode  *node)
{
  if (node == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, pulse_json_to_string (node), -1, g_free);
}

/**
 * pulse_item_store_get:
 *
 * Returns: (transfer full) (nullable): the item's JSON, or %NULL with
 *   %PULSE_ERROR_NOT_FOUND.
 */
JsonNode *
pulse_item_store_get (PulseItemStore  *self,
                      const char      *kind,
                      const char      *id,
                      GError         **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (PULSE_IS_ITEM_STORE (self), NULL);

  stmt = pulse_db_prepare (self->db, "SELECT body FROM item WHERE kind = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  items = pulse_db_collect_json (self->db, stmt, G_MAXUINT, error);
  if (items == NULL)
    return NULL;

  if (items->len == 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND, "no %s with id %s", kind, id);
      return NULL;
    }

  return json_node_ref (items->pdata[0]);
}

/**
 * pulse_item_store_list:
 *
 * Returns: (transfer full) (element-type JsonNode): every item of @kind,
 *   by id; %NULL on error.
 */
GPtrArray *
pulse_item_store_list (PulseItemStore  *self,
                       const char      *kind,
                       GError         **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_ITEM_STORE (self), NULL);

  stmt = pulse_db_prepare (self->db, "SELECT body FROM item WHERE kind = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  return pulse_db_collect_json (self->db, stmt, G_MAXUINT, error);
}

/**
 * pulse_item_store_put:
 * @body: the item's canonical JSON, with @id and @version in it
 *
 * Inserts or replaces the item. Version checks are the caller's.
 */
gboolean
pulse_item_store_put (PulseItemStore  *self,
                      const char      *kind,
                      const char      *id,
                      gint64           version,
                      JsonNode        *body,
                      GError         **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_ITEM_STORE (self), FALSE);

  stmt = pulse_db_prepare (self->db,
                           "INSERT OR REPLACE INTO item (kind, id, version, body, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, version);
  bind_json (stmt, 4, body);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  return pulse_db_step (self->db, stmt, NULL, error);
}

gboolean
pulse_item_store_delete (PulseItemStore  *self,
                         const char      *kind,
                         const char      *id,
                         GError         **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_ITEM_STORE (self), FALSE);

  stmt = pulse_db_prepare (self->db, "DELETE FROM item WHERE kind = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  return pulse_db_step (self->db, stmt, NULL, error);
}

/**
 * pulse_item_store_audit:
 * @who: the token that made the change
 * @before: (nullable): the item before (none for a create)
 * @after: (nullable): the item after (none for a delete)
 *
 * Records who changed what, when, from what to what.
 */
gboolean
pulse_item_store_audit (PulseItemStore    *self,
                        PulseTokenInfo    *who,
                        PulseAuditAction   action,
                        const char        *kind,
                        const char        *id,
                        gint64             version,
                        JsonNode          *before,
                        JsonNode          *after,
                        GError           **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_ITEM_STORE (self), FALSE);

  stmt = pulse_db_prepare (self->db,
                           "INSERT INTO audit (at, actor, role, action, entity_type, entity_id, "
                           "entity_version, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  sqlite3_bind_text (stmt, 2, who->user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pulse_enum_to_nick (PULSE_TYPE_ROLE, who->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, pulse_enum_to_nick (PULSE_TYPE_AUDIT_ACTION, action), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, version);
  bind_json (stmt, 8, before);
  bind_json (stmt, 9, after);
  return pulse_db_step (self->db, stmt, NULL, error);
}

/**
 * pulse_item_store_list_audit:
 * @kind: (nullable): only this entity type
 * @id: (nullable): only this entity
 * @limit: the most entries, newest first
 *
 * Returns: (transfer full) (element-type JsonNode): audit entries in the
 *   wire form of PulseAuditEntry plus `before` and `after`.
 */
GPtrArray *
pulse_item_store_list_audit (PulseItemStore  *self,
                             const char      *kind,
                             const char      *id,
                             guint            limit,
                             GError         **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_ITEM_STORE (self), NULL);

  /* SQLite builds the JSON, so a stored before/after is embedded as is. */
  stmt = pulse_db_prepare (self->db,
                           "SELECT json_object ('id', CAST (seq AS TEXT), 'seq', seq,"
                           "  'at', strftime ('%Y-%m-%dT%H:%M:%SZ', at / 1000000, 'unixepoch'),"
                           "  'actor', actor, 'role', role, 'action', action,"
                           "  'entity_type', entity_type, 'entity_id', entity_id,"
                           "  'entity_version', entity_version,"
                           "  'before', json (before), 'after', json (after)) "
                           "FROM audit WHERE (?1 IS NULL OR entity_type = ?1) "
                           "AND (?2 IS NULL OR entity_id = ?2) ORDER BY seq DESC LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit);
  return pulse_db_collect_json (self->db, stmt, G_MAXUINT, error);
}

/**
 * pulse_item_store_find_answer:
 * @token_id: who asked
 * @key: the request's Idempotency-Key
 * @request: (out) (transfer full): the digest of the request first sent
 * @status: (out): the status first answered
 * @response: (out) (transfer full): the body first answered
 *
 * Returns: %TRUE if this token already sent a request with @key in the
 *   last 24 hours.
 */
gboolean
pulse_item_store_find_answer (PulseItemStore  *self,
                              const char      *token_id,
                              const char      *key,
                              char           **request,
                              guint           *status,
                              char           **response)
{
  g_autoptr(PulseStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_ITEM_STORE (self), FALSE);

  stmt = pulse_db_prepare (self->db,
                           "SELECT status, response, request FROM idempotency "
                           "WHERE token_id = ?1 AND key = ?2 AND created_at >= ?3", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, token_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () - ANSWER_LIFETIME);
  if (!pulse_db_step (self->db, stmt, &has_row, NULL) || !has_row)
    return FALSE;

  *status = sqlite3_column_int (stmt, 0);
  *response = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  *request = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  return TRUE;
}

/**
 * pulse_item_store_remember_answer:
 *
 * Keeps the answer to a request with an Idempotency-Key, and forgets
 * answers older than 24 hours.
 */
gboolean
pulse_item_store_remember_answer (PulseItemStore  *self,
                                  const char      *token_id,
                                  const char      *key,
                                  const char      *request,
                                  guint            status,
                                  const char      *response,
                                  GError         **error)
{
  g_autoptr(PulseStmt) prune = NULL;
  g_autoptr(PulseStmt) stmt = NULL;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (PULSE_IS_ITEM_STORE (self), FALSE);

  prune = pulse_db_prepare (self->db, "DELETE FROM idempotency WHERE created_at < ?1", error);
  stmt = pulse_db_prepare (self->db,
                           "INSERT OR REPLACE INTO idempotency (token_id, key, created_at, status, "
                           "response, request) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (prune == NULL || stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (prune, 1, now - ANSWER_LIFETIME);
  sqlite3_bind_text (stmt, 1, token_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int (stmt, 4, status);
  sqlite3_bind_text (stmt, 5, response, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, request, -1, SQLITE_STATIC);
  return pulse_db_step (self->db, prune, NULL, error) && pulse_db_step (self->db, stmt, NULL, error);
}
