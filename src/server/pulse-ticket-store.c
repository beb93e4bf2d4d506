/* pulse-ticket-store.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-ticket-store.h"
#include "pulse-ticket.h"

/**
 * PulseTicketStore:
 *
 * The server's tickets, each kept as the canonical JSON of its core codec
 * (with its messages and ratings), beside the columns that history pages
 * and the snapshot query. What is served is exactly what was validated.
 * Calls are meant to run inside the route's pulse_db_transaction(),
 * together with the events they cause.
 */
struct _PulseTicketStore
{
  GObject    parent_instance;

  PulseDb   *db;
  /* Prepared once per store: a batch reads and writes thousands of rows. */
  PulseStmt *get_stmt;
  PulseStmt *put_stmt;
};

G_DEFINE_FINAL_TYPE (PulseTicketStore, pulse_ticket_store, G_TYPE_OBJECT)

static void
pulse_ticket_store_finalize (GObject *object)
{
  PulseTicketStore *self = (PulseTicketStore *)object;

  g_clear_pointer (&self->get_stmt, pulse_stmt_free);
  g_clear_pointer (&self->put_stmt, pulse_stmt_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (pulse_ticket_store_parent_class)->finalize (object);
}

static void
pulse_ticket_store_class_init (PulseTicketStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_ticket_store_finalize;
}

static void
pulse_ticket_store_init (PulseTicketStore *self)
{
}

/**
 * pulse_ticket_store_new:
 * @db: the server database
 *
 * Returns: (transfer full): the tickets kept in @db.
 */
PulseTicketStore *
pulse_ticket_store_new (PulseDb *db)
{
  PulseTicketStore *self;

  g_return_val_if_fail (PULSE_IS_DB (db), NULL);

  self = g_object_new (PULSE_TYPE_TICKET_STORE, NULL);
  self->db = g_object_ref (db);
  return self;
}

/* The statement kept in @slot, prepared on first use and reset since. */
static PulseStmt *
cached_stmt (PulseTicketStore  *self,
             PulseStmt        **slot,
             const char        *sql,
             GError           **error)
{
  if (*slot == NULL)
    *slot = pulse_db_prepare (self->db, sql, error);
  else
    {
      sqlite3_reset (*slot);
      sqlite3_clear_bindings (*slot);
    }

  return *slot;
}

/**
 * pulse_ticket_store_get:
 * @id: the ticket's id
 *
 * Returns: (transfer full) (nullable): the ticket's wire form with its
 *   messages and ratings, or %NULL with %PULSE_ERROR_NOT_FOUND (or a
 *   store error).
 */
JsonNode *
pulse_ticket_store_get (PulseTicketStore  *self,
                        const char        *id,
                        GError           **error)
{
  g_autoptr(GPtrArray) bodies = NULL;
  PulseStmt *stmt;

  g_return_val_if_fail (PULSE_IS_TICKET_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = cached_stmt (self, &self->get_stmt, "SELECT body FROM ticket WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  bodies = pulse_db_collect_json (self->db, stmt, 1, error);
  sqlite3_reset (stmt);
  if (bodies == NULL)
    return NULL;

  if (bodies->len == 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND, "no ticket “%s”", id);
      return NULL;
    }

  return json_node_ref (bodies->pdata[0]);
}

/**
 * pulse_ticket_store_put:
 * @ticket: the ticket as it should be stored, version included
 * @body: (nullable): the wire form of @ticket if the caller has it
 *
 * Inserts or replaces @ticket. Merging, version and stale checks are the
 * caller's; the sort key is @ticket's updated-at, or its created-at when
 * it has none.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_ticket_store_put (PulseTicketStore  *self,
                        PulseTicket       *ticket,
                        JsonNode          *body,
                        GError           **error)
{
  g_autoptr(JsonNode) made = NULL;
  PulseStmt *stmt;
  gint64 created_at;
  gboolean ok;

  g_return_val_if_fail (PULSE_IS_TICKET_STORE (self), FALSE);
  g_return_val_if_fail (PULSE_IS_TICKET (ticket), FALSE);

  stmt = cached_stmt (self, &self->put_stmt,
                      "INSERT OR REPLACE INTO ticket (id, version, created_at, updated_at, "
                      "customer_id, queue_id, status, body) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;

  if (body == NULL)
    body = made = pulse_ticket_to_json (ticket);
  created_at = pulse_ticket_get_created_at (ticket);
  sqlite3_bind_text (stmt, 1, pulse_ticket_get_id (ticket), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, pulse_ticket_get_version (ticket));
  sqlite3_bind_int64 (stmt, 3, created_at);
  sqlite3_bind_int64 (stmt, 4, MAX (pulse_ticket_get_updated_at (ticket), created_at));
  sqlite3_bind_text (stmt, 5, pulse_ticket_get_customer_id (ticket), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, pulse_ticket_get_queue_id (ticket), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, pulse_enum_to_nick (PULSE_TYPE_TICKET_STATUS,
                                                  pulse_ticket_get_status (ticket)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, pulse_json_to_string (body), -1, g_free);
  ok = pulse_db_step (self->db, stmt, NULL, error);
  /* Let go of the ticket's strings, which were bound without a copy. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* One row beyond the page tells whether another page follows. */
static PulseStmt *
prepare_page (PulseTicketStore  *self,
              gint64             since,
              gint64             until,
              gint64             after_updated_at,
              const char        *after_id,
              guint              limit,
              GError           **error)
{
  gboolean from_cursor = after_id != NULL && after_updated_at >= since;
  PulseStmt *stmt;

  /* One lower bound only, the position: with a second one on updated_at
   * SQLite seeks by that and every page would scan again from `since`.
   * Without a cursor, (updated_at, id) >= (since, '') is updated_at >=
   * since, as no id sorts before the empty string. */
  stmt = pulse_db_prepare (self->db,
                           from_cursor
                           ? "SELECT body, updated_at, id FROM ticket "
                             "WHERE (updated_at, id) > (?1, ?3) AND updated_at < ?2 "
                             "ORDER BY updated_at, id LIMIT ?4 + 1"
                           : "SELECT body, updated_at, id FROM ticket "
                             "WHERE (updated_at, id) >= (?1, ?3) AND updated_at < ?2 "
                             "ORDER BY updated_at, id LIMIT ?4 + 1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from_cursor ? after_updated_at : since);
  sqlite3_bind_int64 (stmt, 2, until > 0 ? until : G_MAXINT64);
  sqlite3_bind_text (stmt, 3, from_cursor ? after_id : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, limit);
  return stmt;
}

/**
 * pulse_ticket_store_list_page:
 * @since: the earliest updated-at included (µs)
 * @until: the first updated-at excluded, or 0 for no bound
 * @after_updated_at: with @after_id, the position of the last ticket of
 *   the previous page
 * @after_id: (nullable): %NULL for the first page
 * @limit: the most tickets returned, at most %PULSE_TICKET_STORE_MAX_PAGE
 * @more: (out): whether tickets follow this page
 * @last_updated_at: (out): the sort key of the page's last ticket
 * @last_id: (out) (transfer full) (nullable): the page's last ticket
 *
 * One page of history in (updated-at, id) order. Since a ticket's
 * updated-at never moves back, a ticket not yet paged cannot slip behind
 * a position already passed; one updated meanwhile may come again later.
 *
 * Returns: (transfer full) (element-type utf8): the tickets' wire forms
 *   as JSON text, or %NULL on error.
 */
GPtrArray *
pulse_ticket_store_list_page (PulseTicketStore  *self,
                              gint64             since,
                              gint64             until,
                              gint64             after_updated_at,
                              const char        *after_id,
                              guint              limit,
                              gboolean          *more,
                              gint64            *last_updated_at,
                              char             **last_id,
                              GError           **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_TICKET_STORE (self), NULL);
  g_return_val_if_fail (limit > 0 && limit <= PULSE_TICKET_STORE_MAX_PAGE, NULL);

  stmt = prepare_page (self, since, until, after_updated_at, after_id, limit, error);
  if (stmt == NULL)
    return NULL;

  *more = FALSE;
  *last_id = NULL;
  while (pulse_db_step (self->db, stmt, &has_row, &local_error) && has_row)
    {
      if (page->len == limit)
        {
          *more = TRUE;
          break;
        }

      g_ptr_array_add (page, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      *last_updated_at = sqlite3_column_int64 (stmt, 1);
      g_free (*last_id);
      *last_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }

  if (local_error != NULL)
    {
      g_clear_pointer (last_id, g_free);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&page);
}

/**
 * pulse_ticket_store_list_live:
 * @updated_since: closed tickets updated at or after this (µs) are kept
 *
 * What the snapshot serves: every ticket still open (new, open or
 * pending) and every other ticket updated since @updated_since, in
 * (updated-at, id) order.
 *
 * Returns: (transfer full) (element-type utf8): the tickets' wire forms
 *   as JSON text, or %NULL on error.
 */
GPtrArray *
pulse_ticket_store_list_live (PulseTicketStore  *self,
                              gint64             updated_since,
                              GError           **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_TICKET_STORE (self), NULL);

  /* Two disjoint ranges, each on its index, rather than one OR that
   * would read the whole history. */
  stmt = pulse_db_prepare (self->db,
                           "SELECT body, updated_at, id FROM ticket WHERE updated_at >= ?1 "
                           "UNION ALL "
                           "SELECT body, updated_at, id FROM ticket "
                           "WHERE status IN (?2, ?3, ?4) AND updated_at < ?1 "
                           "ORDER BY 2, 3", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, updated_since);
  sqlite3_bind_text (stmt, 2, pulse_enum_to_nick (PULSE_TYPE_TICKET_STATUS,
                                                  PULSE_TICKET_STATUS_NEW), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pulse_enum_to_nick (PULSE_TYPE_TICKET_STATUS,
                                                  PULSE_TICKET_STATUS_OPEN), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, pulse_enum_to_nick (PULSE_TYPE_TICKET_STATUS,
                                                  PULSE_TICKET_STATUS_PENDING), -1, SQLITE_STATIC);
  return pulse_db_collect_text (self->db, stmt, error);
}
