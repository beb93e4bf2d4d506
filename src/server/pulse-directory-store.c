/* pulse-directory-store.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-directory-store.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"

/**
 * PulseDirectoryStore:
 *
 * Who and what the helpdesk is made of, as ingest reports it: queues,
 * teams, agents and channels (kinds "queue", "team", "agent", "channel"),
 * each kept as the canonical JSON of its core codec with its version; the
 * daily counts of loan applications per country; and the history of
 * agent status changes, kept for adherence. Calls are meant to run inside
 * the route's pulse_db_transaction().
 */
struct _PulseDirectoryStore
{
  GObject  parent_instance;

  PulseDb *db;
};

G_DEFINE_FINAL_TYPE (PulseDirectoryStore, pulse_directory_store, G_TYPE_OBJECT)

static void
pulse_directory_store_finalize (GObject *object)
{
  PulseDirectoryStore *self = (PulseDirectoryStore *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (pulse_directory_store_parent_class)->finalize (object);
}

static void
pulse_directory_store_class_init (PulseDirectoryStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_directory_store_finalize;
}

static void
pulse_directory_store_init (PulseDirectoryStore *self)
{
}

/**
 * pulse_directory_store_new:
 * @db: the server database
 *
 * Returns: (transfer full): the directory kept in @db.
 */
PulseDirectoryStore *
pulse_directory_store_new (PulseDb *db)
{
  PulseDirectoryStore *self;

  g_return_val_if_fail (PULSE_IS_DB (db), NULL);

  self = g_object_new (PULSE_TYPE_DIRECTORY_STORE, NULL);
  self->db = g_object_ref (db);
  return self;
}

/**
 * pulse_directory_store_get:
 * @kind: "queue", "team", "agent" or "channel"
 *
 * Returns: (transfer full) (nullable): the item's JSON, or %NULL with
 *   %PULSE_ERROR_NOT_FOUND (or a store error).
 */
JsonNode *
pulse_directory_store_get (PulseDirectoryStore  *self,
                           const char           *kind,
                           const char           *id,
                           GError              **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (PULSE_IS_DIRECTORY_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);

  stmt = pulse_db_prepare (self->db, "SELECT body FROM directory WHERE kind = ?1 AND id = ?2",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  items = pulse_db_collect_json (self->db, stmt, G_MAXUINT, error);
  if (items == NULL)
    return NULL;

  if (items->len == 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND, "no %s “%s”", kind, id);
      return NULL;
    }

  return json_node_ref (items->pdata[0]);
}

/**
 * pulse_directory_store_put:
 * @body: the item's canonical JSON, with @id and @version in it
 *
 * Inserts or replaces the item. Version checks are the caller's.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_directory_store_put (PulseDirectoryStore  *self,
                           const char           *kind,
                           const char           *id,
                           gint64                version,
                           JsonNode             *body,
                           GError              **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_DIRECTORY_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && id != NULL && body != NULL, FALSE);

  stmt = pulse_db_prepare (self->db,
                           "INSERT OR REPLACE INTO directory (kind, id, version, body) "
                           "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, version);
  sqlite3_bind_text (stmt, 4, pulse_json_to_string (body), -1, g_free);
  return pulse_db_step (self->db, stmt, NULL, error);
}

/**
 * pulse_directory_store_list:
 *
 * Returns: (transfer full) (element-type utf8): every item of @kind, by
 *   id, as JSON text; %NULL on error.
 */
GPtrArray *
pulse_directory_store_list (PulseDirectoryStore  *self,
                            const char           *kind,
                            GError              **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_DIRECTORY_STORE (self), NULL);

  stmt = pulse_db_prepare (self->db, "SELECT body FROM directory WHERE kind = ?1 ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  return pulse_db_collect_text (self->db, stmt, error);
}

/**
 * pulse_directory_store_get_applications:
 * @day: a day, "YYYY-MM-DD"
 * @country: an ISO 3166 alpha-2 code
 * @count: (out): the stored count
 *
 * Returns: %TRUE if a count for @day and @country is stored.
 */
gboolean
pulse_directory_store_get_applications (PulseDirectoryStore *self,
                                        const char          *day,
                                        const char          *country,
                                        gint64              *count)
{
  g_autoptr(PulseStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_DIRECTORY_STORE (self), FALSE);

  stmt = pulse_db_prepare (self->db,
                           "SELECT count FROM application WHERE day = ?1 AND country = ?2", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, country, -1, SQLITE_STATIC);
  if (!pulse_db_step (self->db, stmt, &has_row, NULL) || !has_row)
    return FALSE;

  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * pulse_directory_store_put_applications:
 *
 * Replaces the count of loan applications for @day and @country.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_directory_store_put_applications (PulseDirectoryStore  *self,
                                        const char           *day,
                                        const char           *country,
                                        gint64                count,
                                        GError              **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_DIRECTORY_STORE (self), FALSE);

  stmt = pulse_db_prepare (self->db,
                           "INSERT OR REPLACE INTO application (day, country, count) "
                           "VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, country, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, count);
  return pulse_db_step (self->db, stmt, NULL, error);
}

/**
 * pulse_directory_store_list_applications:
 * @since_day: the first day included, "YYYY-MM-DD"
 *
 * Returns: (transfer full) (element-type utf8): `{"date","country",
 *   "count"}` objects by day and country, as JSON text; %NULL on error.
 */
GPtrArray *
pulse_directory_store_list_applications (PulseDirectoryStore  *self,
                                         const char           *since_day,
                                         GError              **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_DIRECTORY_STORE (self), NULL);

  stmt = pulse_db_prepare (self->db,
                           "SELECT json_object ('date', day, 'country', country, 'count', count) "
                           "FROM application WHERE day >= ?1 ORDER BY day, country", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, since_day, -1, SQLITE_STATIC);
  return pulse_db_collect_text (self->db, stmt, error);
}

/**
 * pulse_directory_store_add_agent_status:
 * @since: when the agent took @status (µs)
 *
 * Records that @agent_id took @status at @since. A second report for the
 * same agent and time replaces the first.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_directory_store_add_agent_status (PulseDirectoryStore  *self,
                                        const char           *agent_id,
                                        gint64                since,
                                        PulseAgentStatus      status,
                                        GError              **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_DIRECTORY_STORE (self), FALSE);

  stmt = pulse_db_prepare (self->db,
                           "INSERT OR REPLACE INTO agent_status (agent_id, since, status) "
                           "VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, agent_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, since);
  sqlite3_bind_text (stmt, 3, pulse_enum_to_nick (PULSE_TYPE_AGENT_STATUS, status), -1,
                     SQLITE_STATIC);
  return pulse_db_step (self->db, stmt, NULL, error);
}
