/* pulse-rt-bridge.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The poll loop. RT has no push, so the bridge asks for ticket
 * transactions after its cursor (`id > C`, ordered by id, 100 at most)
 * and pages by moving the cursor, never by page number: RT computes
 * pages before it drops what a non-superuser may not see, so numbered
 * pages can skip records. A full page polls again at once; an empty one
 * waits the poll interval; a failure waits an exponential backoff.
 */

#include "config.h"

#include "pulse-backoff.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-rt-bridge.h"
#include "pulse-rt-fetch.h"

#define PAGE_SIZE 100
#define TXN_FIELDS "fields=Type,ObjectId,Creator,Created,Field"

struct _PulseRtBridge
{
  GObject            parent_instance;
  PulseServer       *server;
  PulseRtClient     *client;
  char              *source;
  char              *country;
  char              *language;
  GHashTable        *channels;
  PulseRtMapOptions  map;
  GHashTable        *queue_cache;
  guint              poll_ms;
  PulseBackoff       backoff;
  GCancellable      *cancellable;
  guint              timeout_id;
  gboolean           down;
  gboolean           loaded;        /* the initial load is done */
  gint64             cursor;        /* the last transaction ingested */
  gint64             initial_after; /* initial load: tickets after this id */
  gint64             initial_top;   /* initial load: the newest transaction then */
  gboolean           top_known;
};

G_DEFINE_FINAL_TYPE (PulseRtBridge, pulse_rt_bridge, G_TYPE_OBJECT)

static void poll_now (PulseRtBridge *self);

static void
pulse_rt_bridge_dispose (GObject *object)
{
  PulseRtBridge *self = PULSE_RT_BRIDGE (object);

  pulse_rt_bridge_stop (self);
  g_clear_object (&self->client);
  g_clear_object (&self->server);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->queue_cache, g_hash_table_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);

  G_OBJECT_CLASS (pulse_rt_bridge_parent_class)->dispose (object);
}

static void
pulse_rt_bridge_finalize (GObject *object)
{
  PulseRtBridge *self = PULSE_RT_BRIDGE (object);

  g_free (self->source);
  g_free (self->country);
  g_free (self->language);

  G_OBJECT_CLASS (pulse_rt_bridge_parent_class)->finalize (object);
}

static void
pulse_rt_bridge_class_init (PulseRtBridgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_rt_bridge_dispose;
  object_class->finalize = pulse_rt_bridge_finalize;
}

static void
pulse_rt_bridge_init (PulseRtBridge *self)
{
  self->queue_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) json_node_unref);
  self->channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
check_options (const PulseRtBridgeOptions  *options,
               GError                     **error)
{
  GHashTableIter iter;
  gpointer key, value;
  int kind;

  if (options->url == NULL || !g_str_has_prefix (options->url, "http"))
    return g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                        "--rt-url wants http:// or https://, got “%s”",
                        options->url != NULL ? options->url : ""), FALSE;
  if (options->user == NULL || *options->user == '\0')
    return g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                "--rt-user is required"), FALSE;
  if (options->secret == NULL || *options->secret == '\0')
    return g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                "no RT password or token: use --rt-password-file, "
                                "PULSE_RT_PASSWORD or PULSE_RT_TOKEN"), FALSE;
  if (options->poll_ms < 100 || options->poll_ms > 3600000)
    return g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                        "--rt-poll must be 0.1 to 3600 seconds, got %g",
                        options->poll_ms / 1000.0), FALSE;
  if (options->channels == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, options->channels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!pulse_enum_from_nick (PULSE_TYPE_CHANNEL_KIND, value, &kind))
      return g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                          "--rt-channel %s=%s: unknown channel", (char *) key,
                          (char *) value), FALSE;
  return TRUE;
}

/**
 * pulse_rt_bridge_new:
 * @server: the server it feeds
 * @options: where RT is and how its queues map; copied
 *
 * Reads the bridge's cursor from the server database; nothing is sent
 * to RT before pulse_rt_bridge_start().
 *
 * Returns: (transfer full) (nullable): the bridge, or %NULL with an
 *   error naming the option.
 */
PulseRtBridge *
pulse_rt_bridge_new (PulseServer                 *server,
                     const PulseRtBridgeOptions  *options,
                     GError                     **error)
{
  g_autoptr(PulseRtBridge) self = NULL;
  GError *local_error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PULSE_IS_SERVER (server), NULL);

  if (!check_options (options, error))
    return NULL;

  self = g_object_new (PULSE_TYPE_RT_BRIDGE, NULL);
  self->server = g_object_ref (server);
  self->client = pulse_rt_client_new (options->url, options->user, options->secret,
                                      options->secret_is_token);
  self->source = g_strdup (options->url);
  self->country = g_strdup (options->country != NULL ? options->country : "UA");
  self->language = g_strdup (options->language != NULL ? options->language : "uk");
  if (options->channels != NULL)
    {
      g_hash_table_iter_init (&iter, options->channels);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->channels, g_strdup (key), g_strdup (value));
    }
  self->map = (PulseRtMapOptions) { self->channels, self->country, self->language };
  self->poll_ms = options->poll_ms;
  pulse_backoff_init (&self->backoff, 500, MAX (options->backoff_cap_ms, 1000),
                      (guint64) g_get_real_time ());
  self->loaded = pulse_rt_cursor_load (pulse_server_get_db (server), self->source,
                                       &self->cursor, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gboolean
poll_cb (gpointer user_data)
{
  PulseRtBridge *self = user_data;

  self->timeout_id = 0;
  poll_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (PulseRtBridge *self,
          guint          delay_ms)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay_ms, poll_cb, self);
}

/* Every failure is a poll to retry later: RT down, a refused login, a
 * batch the server refused. The cursor did not move, so nothing is lost. */
static void
failed (PulseRtBridge *self,
        GError        *error)
{
  guint delay;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  delay = pulse_backoff_next_ms (&self->backoff);
  g_warning ("rt bridge: %s; retrying in %.1f s", error->message, delay / 1000.0);
  self->down = TRUE;
  schedule (self, delay);
}

static void
succeeded (PulseRtBridge *self,
           gboolean       more)
{
  if (self->down)
    g_message ("rt bridge: %s answers again", self->source);
  self->down = FALSE;
  pulse_backoff_reset (&self->backoff);
  schedule (self, more ? 0 : self->poll_ms);
}

/* One poll's state across its callbacks; holds the bridge alive. */
typedef struct
{
  PulseRtBridge *self;
  gint64         cursor;      /* what the batch moves the cursor to, or -1 */
  gint64         after;       /* initial load: the last ticket of the page */
  gboolean       more;        /* the page was full */
} Poll;

static Poll *
poll_new (PulseRtBridge *self)
{
  Poll *poll = g_new0 (Poll, 1);

  poll->self = g_object_ref (self);
  poll->cursor = -1;
  return poll;
}

static void
poll_free (Poll *poll)
{
  g_object_unref (poll->self);
  g_free (poll);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Poll, poll_free)

static void
commit_batch (Poll         *poll,
              PulseRtBatch *batch)
{
  PulseRtBridge *self = poll->self;
  g_autoptr(GError) error = NULL;
  guint events = 0;

  batch->source = self->source;
  batch->cursor = poll->cursor;
  if (!pulse_rt_commit (self->server, batch, &events, &error))
    {
      g_prefix_error (&error, "RT transactions up to %" G_GINT64_FORMAT " not ingested: ",
                      poll->cursor);
      failed (self, error);
      return;
    }

  if (events > 0)
    g_debug ("rt bridge: %u tickets, %u events, cursor %" G_GINT64_FORMAT,
             batch->tickets != NULL ? batch->tickets->len : 0, events, poll->cursor);
  if (poll->cursor >= 0)
    {
      self->cursor = poll->cursor;
      self->loaded = TRUE;
    }
  self->initial_after = poll->after;
  succeeded (self, poll->more || !self->loaded);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Poll) poll = user_data;
  PulseRtBatch batch = { 0 };
  g_autoptr(GError) error = NULL;

  if (!pulse_rt_fetch_finish (result, &batch, &error))
    {
      failed (poll->self, error);
      return;
    }
  commit_batch (poll, &batch);
  pulse_rt_batch_clear (&batch);
}

static void
txns_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Poll) poll = user_data;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tickets = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *txns = NULL;
  PulseRtBridge *self;
  JsonArray *items;

  page = pulse_rt_client_get_finish (PULSE_RT_CLIENT (source), result, &error);
  items = page != NULL ? pulse_rt_page_items (page, &error) : NULL;
  if (items == NULL)
    {
      failed (poll->self, error);
      return;
    }
  if (json_array_get_length (items) == 0)
    {
      succeeded (poll->self, FALSE);
      return;
    }

  txns = g_ptr_array_new_with_free_func (pulse_rt_txn_free);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      PulseRtTxn *txn = g_new0 (PulseRtTxn, 1);

      if (!pulse_rt_txn_read (txn, json_array_get_element (items, i), &error))
        {
          g_free (txn);
          g_ptr_array_unref (txns);
          failed (poll->self, error);
          return;
        }
      poll->cursor = MAX (poll->cursor, txn->id);
      g_ptr_array_add (txns, txn);
      g_array_append_val (tickets, txn->ticket_id);
    }
  poll->more = json_array_get_length (items) >= PAGE_SIZE;
  pulse_rt_sort_unique (tickets);
  self = poll->self;
  pulse_rt_fetch_async (self->client, &self->map, self->queue_cache, tickets, txns,
                        self->cancellable, fetched_cb, g_steal_pointer (&poll));
}

static void
active_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Poll) poll = user_data;
  PulseRtBridge *self = poll->self;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tickets = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *items;
  gint64 number;

  page = pulse_rt_client_get_finish (PULSE_RT_CLIENT (source), result, &error);
  items = page != NULL ? pulse_rt_page_items (page, &error) : NULL;
  if (items == NULL)
    {
      failed (self, error);
      return;
    }

  poll->after = self->initial_after;
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (pulse_rt_read_int (json_array_get_element (items, i), &number))
      {
        g_array_append_val (tickets, number);
        poll->after = MAX (poll->after, number);
      }
  pulse_rt_sort_unique (tickets);
  /* The last page of active tickets ends the initial load: from then on
   * the transactions after the newest one seen before it started. */
  poll->more = json_array_get_length (items) >= PAGE_SIZE;
  poll->cursor = poll->more ? -1 : self->initial_top;
  pulse_rt_fetch_async (self->client, &self->map, self->queue_cache, tickets, NULL,
                        self->cancellable, fetched_cb, g_steal_pointer (&poll));
}

static void
top_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(Poll) poll = user_data;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  page = pulse_rt_client_get_finish (PULSE_RT_CLIENT (source), result, &error);
  items = page != NULL ? pulse_rt_page_items (page, &error) : NULL;
  if (items == NULL)
    {
      failed (poll->self, error);
      return;
    }

  poll->self->initial_top = 0;
  if (json_array_get_length (items) > 0)
    pulse_rt_read_int (json_array_get_element (items, 0), &poll->self->initial_top);
  poll->self->top_known = TRUE;
  succeeded (poll->self, TRUE);
}

static void
poll_now (PulseRtBridge *self)
{
  g_autofree char *query = NULL;
  g_autofree char *path = NULL;
  GAsyncReadyCallback callback;

  if (self->loaded)
    {
      query = g_strdup_printf ("ObjectType = 'RT::Ticket' AND id > %" G_GINT64_FORMAT,
                               self->cursor);
      path = pulse_rt_query_path ("transactions", query,
                                  "orderby=id&order=ASC&per_page=100&" TXN_FIELDS);
      callback = txns_cb;
    }
  else if (!self->top_known)
    {
      path = pulse_rt_query_path ("transactions", "ObjectType = 'RT::Ticket'",
                                  "orderby=id&order=DESC&per_page=1&fields=id");
      callback = top_cb;
    }
  else
    {
      query = g_strdup_printf ("Status = '__Active__' AND id > %" G_GINT64_FORMAT,
                               self->initial_after);
      path = pulse_rt_query_path ("tickets", query, "orderby=id&order=ASC&per_page=100");
      callback = active_cb;
    }
  pulse_rt_client_get_async (self->client, path, self->cancellable, callback, poll_new (self));
}

/**
 * pulse_rt_bridge_start:
 *
 * Starts polling on the thread-default main context: the initial load
 * of RT's active tickets if this database has no cursor for this RT,
 * then its transactions after the cursor.
 */
void
pulse_rt_bridge_start (PulseRtBridge *self)
{
  g_return_if_fail (PULSE_IS_RT_BRIDGE (self));

  pulse_rt_bridge_stop (self);
  self->cancellable = g_cancellable_new ();
  g_message ("rt bridge: following %s as %s, %s, every %.1f s", self->source,
             pulse_rt_client_get_user (self->client),
             self->loaded ? "after its last transaction" : "initial load first",
             self->poll_ms / 1000.0);
  schedule (self, 0);
}

/**
 * pulse_rt_bridge_stop:
 *
 * Cancels the poll in flight; what it had not committed is read again
 * by the next start.
 */
void
pulse_rt_bridge_stop (PulseRtBridge *self)
{
  g_return_if_fail (PULSE_IS_RT_BRIDGE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/**
 * pulse_rt_bridge_get_cursor:
 *
 * Returns: the last RT transaction id ingested, or -1 before the initial
 *   load is done.
 */
gint64
pulse_rt_bridge_get_cursor (PulseRtBridge *self)
{
  g_return_val_if_fail (PULSE_IS_RT_BRIDGE (self), -1);

  return self->loaded ? self->cursor : -1;
}
