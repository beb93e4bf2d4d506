/* pulse-cache-read-tickets.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tickets of a #PulseCache read for a first state: the open ones, in
 * parts for several threads, and many by id at once (the first state
 * reads every ticket closed in the last day by id, some 10,000 at a
 * million tickets of history, and preparing a statement for each was a
 * quarter of that start).
 */

#include "config.h"

#include "pulse-cache-private.h"
#include "pulse-json.h"

/**
 * pulse_cache_get_tickets:
 * @ids: (array zero-terminated=1): the tickets wanted
 *
 * Reads the tickets of @ids that the cache holds, in one committed state
 * (one statement, stepped once per id). An id the cache does not hold is
 * left out.
 *
 * Returns: (transfer full) (element-type JsonNode): the tickets found, in
 *   the order of @ids; %NULL on error.
 */
GPtrArray *
pulse_cache_get_tickets (PulseCache          *self,
                         const char * const  *ids,
                         GError             **error)
{
  g_auto(PulseCacheRead) read = { 0 };
  g_autoptr(GPtrArray) tickets = NULL;

  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  /* One read transaction for all the steps, so they see one state. */
  if (!_pulse_cache_read_begin (self, &read, "SELECT " PULSE_CACHE_TICKET_BODY_SQL
                                " FROM ticket AS t WHERE t.id = ?1", error) ||
      !pulse_db_exec (read.db, "BEGIN", error))
    return NULL;

  tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) one = NULL;

      sqlite3_bind_text (read.stmt, 1, ids[i], -1, SQLITE_STATIC);
      one = _pulse_cache_collect_json (&read, 0, error);
      sqlite3_reset (read.stmt);
      if (one == NULL)
        {
          pulse_db_exec (read.db, "ROLLBACK", NULL);
          return NULL;
        }
      if (one->len > 0)
        g_ptr_array_add (tickets, json_node_ref (one->pdata[0]));
    }

  if (!pulse_db_exec (read.db, "COMMIT", error))
    return NULL;
  return g_steal_pointer (&tickets);
}

/**
 * pulse_cache_list_open_tickets:
 *
 * Open means any status but resolved, closed and abandoned.
 *
 * Returns: (transfer full) (element-type JsonNode): the open tickets by
 *   (created_at, id); %NULL on error.
 */
GPtrArray *
pulse_cache_list_open_tickets (PulseCache  *self,
                               GError     **error)
{
  return pulse_cache_list_open_tickets_part (self, 0, 1, error);
}

/**
 * pulse_cache_list_open_tickets_part:
 * @part: which part, from 0
 * @n_parts: into how many parts the open tickets are split
 *
 * One of @n_parts disjoint parts of the open tickets, which together are
 * all of them as one committed state has them if nothing writes between
 * the reads: for reading (and parsing) them in several threads at once.
 *
 * Returns: (transfer full) (element-type JsonNode): the part's open
 *   tickets by (created_at, id); %NULL on error.
 */
GPtrArray *
pulse_cache_list_open_tickets_part (PulseCache  *self,
                                    guint        part,
                                    guint        n_parts,
                                    GError     **error)
{
  g_auto(PulseCacheRead) read = { 0 };

  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);
  g_return_val_if_fail (part < n_parts, NULL);

  if (!_pulse_cache_read_begin (self, &read,
                                "SELECT " PULSE_CACHE_TICKET_BODY_SQL " FROM ticket AS t"
                                " WHERE " PULSE_CACHE_OPEN_SQL " AND t.rowid % ?2 = ?1"
                                " ORDER BY created_at, id", error))
    return NULL;

  sqlite3_bind_int64 (read.stmt, 1, part);
  sqlite3_bind_int64 (read.stmt, 2, n_parts);
  return _pulse_cache_collect_json (&read, 0, error);
}
