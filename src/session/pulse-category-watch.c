/* pulse-category-watch.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-category-watch.h"
#include "pulse-json.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

#define DAY_USEC (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define PAGE 5000
/* The record is read again hourly, so its oldest week moves on. */
#define RELOAD_SECONDS 3600
/* Before GTK's redraw, so a frame shows the new counts. */
#define CHANGED_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

/**
 * PulseCategoryWatch:
 *
 * Contacts per category over the last four weeks and more, for the
 * week's top categories and the spike detector (docs/spikes.md): the
 * cache's tickets read in a worker thread, then every ticket that comes
 * into the live ticket list. A ticket counts once however often it is
 * seen. The record is read again every hour.
 *
 * The tags a ticket had when first seen are the ones counted: a rule
 * that tags it later shows up at the next reading.
 *
 * #PulseCategoryWatch::changed is coalesced to once per main-loop turn.
 */
struct _PulseCategoryWatch
{
  GObject             parent_instance;

  PulseCache         *cache;
  GListModel         *tickets;
  PulseCategoryRates *rates;    /* NULL until the first reading is in */
  GCancellable       *cancellable;
  guint               reload_id;
  guint               changed_id;
};

G_DEFINE_FINAL_TYPE (PulseCategoryWatch, pulse_category_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
emit_changed_cb (gpointer user_data)
{
  PulseCategoryWatch *self = user_data;

  self->changed_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_changed (PulseCategoryWatch *self)
{
  if (self->changed_id == 0)
    self->changed_id = g_idle_add_full (CHANGED_PRIORITY, emit_changed_cb, self, NULL);
}

/* The three members the record needs, read from the cached JSON without
 * decoding the whole ticket. A ticket that lacks them is left out. */
static void
add_node (PulseCategoryRates *rates,
          JsonNode           *node)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  const char *id, *created;
  JsonArray *array;
  gint64 created_at;

  if (object == NULL
      || (id = json_object_get_string_member_with_default (object, "id", NULL)) == NULL
      || (created = json_object_get_string_member_with_default (object, "created_at", NULL))
         == NULL
      || !pulse_time_parse (created, &created_at)
      || !json_object_has_member (object, "tags")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "tags")))
    return;

  array = json_object_get_array_member (object, "tags");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *tag = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
        g_ptr_array_add (tags, (gpointer) json_node_get_string (tag));
    }
  g_ptr_array_add (tags, NULL);
  pulse_category_rates_add (rates, id, (const char * const *) tags->pdata, created_at);
}

static void
read_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PulseCache *cache = task_data;
  g_auto(PulseCacheCursor) cursor = PULSE_CACHE_CURSOR_INIT;
  g_autoptr(PulseCategoryRates) rates = pulse_category_rates_new ();
  gint64 to = g_get_real_time () + DAY_USEC;
  gint64 from = to - (PULSE_CATEGORY_WATCH_DAYS + 1) * DAY_USEC;
  GError *error = NULL;
  gboolean more = TRUE;

  pulse_background_enter ();

  while (more)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      page = pulse_cache_list_tickets (cache, from, to, &cursor, PAGE, &error);
      if (page == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      for (guint i = 0; i < page->len; i++)
        add_node (rates, g_ptr_array_index (page, i));
      more = page->len == PAGE;
    }

  g_task_return_pointer (task, g_steal_pointer (&rates), g_object_unref);
}

static void
add_live (PulseCategoryWatch *self,
          guint               position,
          guint               n_added)
{
  for (guint i = position; i < position + n_added; i++)
    {
      g_autoptr(PulseTicket) ticket = g_list_model_get_item (self->tickets, i);

      if (ticket != NULL)
        pulse_category_rates_add (self->rates, pulse_ticket_get_id (ticket),
                                  pulse_ticket_get_tags (ticket),
                                  pulse_ticket_get_created_at (ticket));
    }
}

static void
on_tickets_changed_cb (GListModel         *tickets,
                       guint               position,
                       guint               removed,
                       guint               added,
                       PulseCategoryWatch *self)
{
  guint before;

  if (self->rates == NULL || added == 0)
    return;

  before = pulse_category_rates_get_size (self->rates);
  add_live (self, position, added);
  if (pulse_category_rates_get_size (self->rates) != before)
    schedule_changed (self);
}

static void
read_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PulseCategoryWatch *self = PULSE_CATEGORY_WATCH (source_object);
  g_autoptr(GError) error = NULL;
  PulseCategoryRates *rates = g_task_propagate_pointer (G_TASK (result), &error);

  if (rates == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Categories: reading the cache failed: %s", error->message);
      return;
    }

  g_clear_object (&self->rates);
  self->rates = rates;
  add_live (self, 0, g_list_model_get_n_items (self->tickets));
  schedule_changed (self);
}

/**
 * pulse_category_watch_reload:
 *
 * Reads the cache's record again in a worker; the counts so far stay
 * until the new ones are in.
 */
void
pulse_category_watch_reload (PulseCategoryWatch *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PULSE_IS_CATEGORY_WATCH (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, pulse_category_watch_reload);
  g_task_set_task_data (task, g_object_ref (self->cache), g_object_unref);
  pulse_background_run_in_thread (task, read_worker);
}

static gboolean
reload_cb (gpointer user_data)
{
  pulse_category_watch_reload (user_data);
  return G_SOURCE_CONTINUE;
}

static void
pulse_category_watch_dispose (GObject *object)
{
  PulseCategoryWatch *self = PULSE_CATEGORY_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->changed_id, g_source_remove);
  if (self->tickets != NULL)
    g_signal_handlers_disconnect_by_data (self->tickets, self);
  g_clear_object (&self->tickets);
  g_clear_object (&self->cache);
  g_clear_object (&self->rates);

  G_OBJECT_CLASS (pulse_category_watch_parent_class)->dispose (object);
}

static void
pulse_category_watch_class_init (PulseCategoryWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pulse_category_watch_dispose;

  /**
   * PulseCategoryWatch::changed:
   *
   * The counts changed: a reading came in or new contacts arrived.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pulse_category_watch_init (PulseCategoryWatch *self)
{
}

/**
 * pulse_category_watch_new:
 * @cache: where the history is
 * @tickets: the live #GListModel of #PulseTicket
 *
 * Starts reading at once.
 *
 * Returns: (transfer full): the watch.
 */
PulseCategoryWatch *
pulse_category_watch_new (PulseCache *cache,
                          GListModel *tickets)
{
  PulseCategoryWatch *self;

  g_return_val_if_fail (PULSE_IS_CACHE (cache), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (tickets), NULL);

  self = g_object_new (PULSE_TYPE_CATEGORY_WATCH, NULL);
  self->cache = g_object_ref (cache);
  self->tickets = g_object_ref (tickets);
  g_signal_connect (tickets, "items-changed", G_CALLBACK (on_tickets_changed_cb), self);
  self->reload_id = g_timeout_add_seconds (RELOAD_SECONDS, reload_cb, self);
  pulse_category_watch_reload (self);
  return self;
}

/**
 * pulse_category_watch_get_rates:
 *
 * Returns: (transfer none) (nullable): the counts, or %NULL before the
 *   first reading is in.
 */
PulseCategoryRates *
pulse_category_watch_get_rates (PulseCategoryWatch *self)
{
  g_return_val_if_fail (PULSE_IS_CATEGORY_WATCH (self), NULL);

  return self->rates;
}

gboolean
pulse_category_watch_get_loaded (PulseCategoryWatch *self)
{
  g_return_val_if_fail (PULSE_IS_CATEGORY_WATCH (self), FALSE);

  return self->rates != NULL;
}
