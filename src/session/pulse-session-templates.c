/* pulse-session-templates.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Templates page counts: the contacts of the last 90 days
 * answered with each template, and their CSAT. The cache's history is
 * read in a worker; the live tickets, newer, are laid over it on the
 * main thread. Part of PulseSession.
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-session-private.h"
#include "pulse-session-templates.h"

#define PAGE 2000

typedef struct
{
  PulseCache *cache;     /* nullable: no history */
  gint64      from;
  gint64      to;
  GHashTable *tickets;   /* id → PulseTicket, the latest version */
} Count;

static void
count_free (Count *count)
{
  g_clear_object (&count->cache);
  g_hash_table_unref (count->tickets);
  g_free (count);
}

static void
take (Count       *count,
      PulseTicket *ticket)
{
  gint64 created = pulse_ticket_get_created_at (ticket);

  if (created >= count->from && created < count->to)
    g_hash_table_replace (count->tickets, g_strdup (pulse_ticket_get_id (ticket)),
                          g_object_ref (ticket));
}

static void
count_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Count *count = task_data;
  g_auto(PulseCacheCursor) cursor = PULSE_CACHE_CURSOR_INIT;
  GError *error = NULL;
  gboolean more = count->cache != NULL;

  pulse_background_enter ();

  while (more)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      page = pulse_cache_list_tickets (count->cache, count->from, count->to, &cursor, PAGE,
                                       &error);
      if (page == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      for (guint i = 0; i < page->len; i++)
        {
          g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (page->pdata[i], NULL);

          if (ticket != NULL)
            take (count, ticket);
        }
      more = page->len == PAGE;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * pulse_session_count_template_usage_async:
 * @now: the present, in µs: contacts created in the
 *   %PULSE_SESSION_TEMPLATE_USAGE_DAYS days before it count
 * @cancellable: (nullable): to stop counting
 *
 * Counts, for each template, the contacts its messages answered
 * (pulse_template_usage_add_ticket()), from the cache's history and
 * the live tickets. Without a server followed, none.
 */
void
pulse_session_count_template_usage_async (PulseSession        *self,
                                          gint64               now,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PulseCache *cache;
  Count *count;

  g_return_if_fail (PULSE_IS_SESSION (self));

  cache = self->sync != NULL ? pulse_sync_get_cache (self->sync) : NULL;
  count = g_new0 (Count, 1);
  count->cache = cache != NULL ? g_object_ref (cache) : NULL;
  count->from = now - (gint64) PULSE_SESSION_TEMPLATE_USAGE_DAYS * G_TIME_SPAN_DAY;
  count->to = now + 1;
  count->tickets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_session_count_template_usage_async);
  g_task_set_task_data (task, count, (GDestroyNotify) count_free);
  pulse_background_run_in_thread (task, count_worker);
}

/**
 * pulse_session_count_template_usage_finish:
 *
 * Returns: (transfer full) (element-type utf8 PulseTemplateUsage)
 *   (nullable): template id → usage, only templates used at all; %NULL
 *   on error.
 */
GHashTable *
pulse_session_count_template_usage_finish (PulseSession  *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  Count *count;
  GListModel *live;
  GHashTable *usage;
  GHashTableIter iter;
  gpointer ticket;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  count = g_task_get_task_data (G_TASK (result));
  live = G_LIST_MODEL (self->lists[PULSE_STATE_KIND_TICKET]);
  for (guint i = 0; i < g_list_model_get_n_items (live); i++)
    {
      g_autoptr(PulseTicket) item = g_list_model_get_item (live, i);

      take (count, item);
    }

  usage = pulse_template_usage_new ();
  g_hash_table_iter_init (&iter, count->tickets);
  while (g_hash_table_iter_next (&iter, NULL, &ticket))
    pulse_template_usage_add_ticket (usage, ticket);

  return usage;
}
