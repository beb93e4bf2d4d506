/* pulse-session-contacts.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contacts behind a figure, for drill-downs: the cache's history of
 * the period read and filtered in a worker thread, then the live
 * tickets laid over it (the live version of a ticket wins), newest
 * first. Part of PulseSession.
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-session-contacts.h"
#include "pulse-session-private.h"

#define PAGE 2000

typedef struct
{
  PulseCache         *cache;     /* nullable: no history */
  PulseContactFilter  filter;
  GHashTable         *found;     /* id → PulseTicket */
  guint               matched;
} Find;

static void
find_free (Find *find)
{
  g_clear_object (&find->cache);
  pulse_contact_filter_clear (&find->filter);
  g_hash_table_unref (find->found);
  g_free (find);
}

static void
take (Find        *find,
      PulseTicket *ticket)
{
  if (pulse_contact_filter_matches (&find->filter, ticket))
    g_hash_table_replace (find->found, g_strdup (pulse_ticket_get_id (ticket)),
                          g_object_ref (ticket));
  else
    g_hash_table_remove (find->found, pulse_ticket_get_id (ticket));
}

static void
find_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Find *find = task_data;
  g_auto(PulseCacheCursor) cursor = PULSE_CACHE_CURSOR_INIT;
  GError *error = NULL;
  gboolean more = find->cache != NULL;

  pulse_background_enter ();

  while (more)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      page = pulse_cache_list_tickets (find->cache, find->filter.from, find->filter.to, &cursor,
                                       PAGE, &error);
      if (page == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      for (guint i = 0; i < page->len; i++)
        {
          g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (g_ptr_array_index (page, i),
                                                                      NULL);

          if (ticket != NULL)
            take (find, ticket);
        }
      more = page->len == PAGE;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * pulse_session_find_contacts_async:
 * @filter: which contacts
 * @cancellable: (nullable): to stop looking
 *
 * Finds the contacts of @filter: history from the cache in a worker,
 * then the live tickets. Without a server followed, none.
 */
void
pulse_session_find_contacts_async (PulseSession             *self,
                                   const PulseContactFilter *filter,
                                   GCancellable             *cancellable,
                                   GAsyncReadyCallback       callback,
                                   gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  PulseCache *cache;
  Find *find;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (filter != NULL);

  cache = self->sync != NULL ? pulse_sync_get_cache (self->sync) : NULL;
  find = g_new0 (Find, 1);
  find->cache = cache != NULL ? g_object_ref (cache) : NULL;
  pulse_contact_filter_copy (filter, &find->filter);
  find->found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_session_find_contacts_async);
  g_task_set_task_data (task, find, (GDestroyNotify) find_free);
  pulse_background_run_in_thread (task, find_worker);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  gint64 x = pulse_ticket_get_created_at (*(PulseTicket **) a);
  gint64 y = pulse_ticket_get_created_at (*(PulseTicket **) b);

  if (x != y)
    return x > y ? -1 : 1;

  return g_strcmp0 (pulse_ticket_get_id (*(PulseTicket **) a),
                    pulse_ticket_get_id (*(PulseTicket **) b));
}

/**
 * pulse_session_find_contacts_finish:
 * @n_matched: (out) (optional): how many matched in all, before the limit
 *
 * Returns: (transfer full) (nullable): a #GListModel of #PulseTicket,
 *   newest first, at most %PULSE_SESSION_CONTACTS_LIMIT; %NULL on error.
 */
GListModel *
pulse_session_find_contacts_finish (PulseSession  *self,
                                    GAsyncResult  *result,
                                    guint         *n_matched,
                                    GError       **error)
{
  Find *find;
  GListModel *live;
  GListStore *store;
  g_autoptr(GPtrArray) sorted = NULL;
  GHashTableIter iter;
  gpointer ticket;
  guint n;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  /* The live tickets are the newest versions: laid over the history
   * here, on the main thread that owns them. */
  find = g_task_get_task_data (G_TASK (result));
  live = G_LIST_MODEL (self->lists[PULSE_STATE_KIND_TICKET]);
  n = g_list_model_get_n_items (live);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseTicket) item = g_list_model_get_item (live, i);

      take (find, item);
    }

  sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, find->found);
  while (g_hash_table_iter_next (&iter, NULL, &ticket))
    g_ptr_array_add (sorted, ticket);
  g_ptr_array_sort (sorted, newest_first);

  store = g_list_store_new (PULSE_TYPE_TICKET);
  g_list_store_splice (store, 0, 0, sorted->pdata,
                       MIN (sorted->len, PULSE_SESSION_CONTACTS_LIMIT));
  if (n_matched != NULL)
    *n_matched = sorted->len;

  return G_LIST_MODEL (store);
}
