/* pulse-rt-fetch.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-rt-fetch.h"

/* What the bridge asks of each transaction (pulse_rt_txn_read()). */
#define TXN_FIELDS "fields=Type,ObjectId,Creator,Created,Field"

typedef struct
{
  PulseRtClient           *client;
  const PulseRtMapOptions *options;
  GHashTable              *queue_cache;  /* "N" → mapped queue, the bridge's */
  GArray                  *tickets;      /* gint64, ascending */
  GPtrArray               *txns;         /* PulseRtTxn*, ascending id per ticket */
  guint                    next_ticket;
  guint                    next_txn;
  gboolean                 initial;
  guint                    next_history;
  gboolean                 queues_listed;
  GHashTable              *rt_tickets;   /* gint64* → JsonNode */
  GHashTable              *bodies;       /* gint64* → char* */
  GPtrArray               *queues_to_read;
} Fetch;

static void step (GTask *task);

static void
fetch_free (gpointer data)
{
  Fetch *fetch = data;

  g_array_unref (fetch->tickets);
  g_ptr_array_unref (fetch->txns);
  g_hash_table_unref (fetch->rt_tickets);
  g_hash_table_unref (fetch->bodies);
  g_ptr_array_unref (fetch->queues_to_read);
  g_object_unref (fetch->client);
  g_free (fetch);
}

static gint64 *
key_new (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

/**
 * pulse_rt_query_path:
 * @collection: "transactions", "tickets"
 * @query: TicketSQL or TransactionSQL, unescaped
 * @rest: (nullable): more of the query string, already escaped
 *
 * Returns: (transfer full): `collection?query=…&rest`.
 */
char *
pulse_rt_query_path (const char *collection,
                     const char *query,
                     const char *rest)
{
  g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);

  return g_strconcat (collection, "?query=", escaped, rest != NULL ? "&" : "", rest, NULL);
}

static gboolean
is_message (const PulseRtTxn *txn)
{
  return g_str_equal (txn->type, "Create") || g_str_equal (txn->type, "Correspond");
}

static void
got_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data);

static void
get (GTask      *task,
     const char *path,
     const char *tag)
{
  Fetch *fetch = g_task_get_task_data (task);

  g_object_set_data (G_OBJECT (task), "pulse-rt-step", (gpointer) tag);
  pulse_rt_client_get_async (fetch->client, path, g_task_get_cancellable (task), got_cb, task);
}

/* The first text/plain part of a transaction, "" if none. */
static char *
first_text (JsonNode *page)
{
  JsonArray *items;

  if (!JSON_NODE_HOLDS_OBJECT (page) ||
      !json_object_has_member (json_node_get_object (page), "items"))
    return g_strdup ("");
  items = json_object_get_array_member (json_node_get_object (page), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *part = json_array_get_object_element (items, i);
      const char *type = json_object_get_string_member_with_default (part, "ContentType", "");
      const char *content = json_object_get_string_member_with_default (part, "Content", NULL);

      if (g_ascii_strncasecmp (type, "text/plain", 10) == 0 && content != NULL &&
          content[strspn (content, " \t\r\n")] != '\0')
        return pulse_rt_decode_content (content, FALSE);
    }
  return g_strdup ("");
}

static void
add_history (Fetch    *fetch,
             JsonNode *page)
{
  JsonArray *items = json_object_get_array_member (json_node_get_object (page), "items");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      PulseRtTxn *txn = g_new0 (PulseRtTxn, 1);

      if (pulse_rt_txn_read (txn, json_array_get_element (items, i), NULL))
        g_ptr_array_add (fetch->txns, txn);
      else
        g_free (txn);
    }
}

static void
got_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  const char *tag = g_object_get_data (G_OBJECT (task), "pulse-rt-step");
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = pulse_rt_client_get_finish (PULSE_RT_CLIENT (source), result, &error);
  /* A ticket RT will not show us (deleted, no right) is left out. */
  if (node == NULL && g_str_equal (tag, "ticket") && error->domain == G_IO_ERROR &&
      error->code == G_IO_ERROR_NOT_FOUND)
    g_clear_error (&error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (g_str_equal (tag, "ticket") && node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    g_hash_table_insert (fetch->rt_tickets,
                         key_new (g_array_index (fetch->tickets, gint64, fetch->next_ticket - 1)),
                         g_steal_pointer (&node));
  else if (g_str_equal (tag, "history") && JSON_NODE_HOLDS_OBJECT (node))
    add_history (fetch, node);
  else if (g_str_equal (tag, "body"))
    g_hash_table_insert (fetch->bodies,
                         key_new (((PulseRtTxn *) fetch->txns->pdata[fetch->next_txn - 1])->id),
                         first_text (node));
  else if (g_str_equal (tag, "queue") && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *queue = pulse_rt_map_queue (json_node_get_object (node), fetch->options, &error);

      if (queue == NULL)
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
      g_hash_table_insert (fetch->queue_cache, g_ptr_array_steal_index (fetch->queues_to_read, 0),
                           queue);
    }
  step (task);
}

static gboolean
list_queues (Fetch *fetch)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, fetch->rt_tickets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      char *queue = pulse_rt_member_link (json_node_get_object (value), "Queue");

      /* Two tickets of one queue name it twice. Checked before adding:
       * g_hash_table_add() takes the key even when it is there already. */
      if (queue == NULL || g_hash_table_contains (fetch->queue_cache, queue)
          || g_hash_table_contains (seen, queue))
        {
          g_free (queue);
          continue;
        }
      g_hash_table_add (seen, queue);
      g_ptr_array_add (fetch->queues_to_read, g_strdup (queue));
    }
  fetch->queues_listed = TRUE;
  return fetch->queues_to_read->len > 0;
}

/* The next read, or FALSE when there is none left. */
static gboolean
next_read (Fetch        *fetch,
           char        **path,
           const char  **tag)
{
  gint64 number;

  if (fetch->next_ticket < fetch->tickets->len)
    {
      number = g_array_index (fetch->tickets, gint64, fetch->next_ticket++);
      *path = g_strdup_printf ("ticket/%" G_GINT64_FORMAT, number);
      *tag = "ticket";
      return TRUE;
    }
  if (fetch->initial && fetch->next_history < fetch->tickets->len)
    {
      g_autofree char *query = NULL;

      number = g_array_index (fetch->tickets, gint64, fetch->next_history++);
      query = g_strdup_printf ("ObjectType = 'RT::Ticket' AND ObjectId = %" G_GINT64_FORMAT
                               " AND (Type = 'Create' OR Type = 'Correspond')", number);
      *path = pulse_rt_query_path ("transactions", query,
                                   "orderby=id&order=ASC&per_page=100&" TXN_FIELDS);
      *tag = "history";
      return TRUE;
    }
  while (fetch->next_txn < fetch->txns->len)
    {
      PulseRtTxn *txn = fetch->txns->pdata[fetch->next_txn++];

      if (!is_message (txn) || !g_hash_table_contains (fetch->rt_tickets, &txn->ticket_id))
        continue;
      *path = g_strdup_printf ("transaction/%" G_GINT64_FORMAT
                               "/attachments?fields=ContentType,Content&per_page=100", txn->id);
      *tag = "body";
      return TRUE;
    }
  if ((fetch->queues_listed || list_queues (fetch)) && fetch->queues_to_read->len > 0)
    {
      *path = g_strconcat ("queue/", (char *) fetch->queues_to_read->pdata[0], NULL);
      *tag = "queue";
      return TRUE;
    }
  return FALSE;
}

static void
add_agent (GPtrArray  *agents,
           GHashTable *seen,
           const char *name)
{
  if (name == NULL || g_ascii_strcasecmp (name, "Nobody") == 0 ||
      g_str_equal (name, "RT_System") || g_str_equal (name, "6") ||
      !g_hash_table_add (seen, g_strdup (name)))
    return;
  g_ptr_array_add (agents, pulse_rt_map_agent (name));
}

static gboolean
map_one_ticket (Fetch         *fetch,
                gint64         number,
                PulseRtBatch  *batch,
                GHashTable    *seen,
                GError       **error)
{
  JsonObject *rt_ticket = json_node_get_object (g_hash_table_lookup (fetch->rt_tickets, &number));
  g_autofree char *queue = pulse_rt_member_link (rt_ticket, "Queue");
  g_autofree char *owner = pulse_rt_member_link (rt_ticket, "Owner");
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonNode *queue_item = queue != NULL ? g_hash_table_lookup (fetch->queue_cache, queue) : NULL;
  JsonNode *ticket;

  if (queue_item == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "ticket %" G_GINT64_FORMAT
                   ": its queue %s could not be read", number, queue != NULL ? queue : "?");
      return FALSE;
    }
  if (g_hash_table_add (seen, g_strconcat ("queue:", queue, NULL)))
    g_ptr_array_add (batch->queues, json_node_copy (queue_item));
  add_agent (batch->agents, seen, owner);

  for (guint i = 0; i < fetch->txns->len; i++)
    {
      PulseRtTxn *txn = fetch->txns->pdata[i];
      const char *body = g_hash_table_lookup (fetch->bodies, &txn->id);

      if (txn->ticket_id != number || !is_message (txn) || body == NULL)
        continue;
      if (!g_str_equal (txn->type, "Create") && !pulse_rt_is_requestor (rt_ticket, txn->creator))
        add_agent (batch->agents, seen, txn->creator);
      g_ptr_array_add (messages, pulse_rt_map_message (txn, rt_ticket, body));
    }

  ticket = pulse_rt_map_ticket (rt_ticket, json_object_get_string_member (
    json_node_get_object (queue_item), "channel"), messages, error);
  if (ticket == NULL)
    return FALSE;
  g_ptr_array_add (batch->tickets, ticket);
  return TRUE;
}

static void
finish (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PulseRtBatch *batch = g_new0 (PulseRtBatch, 1);
  GError *error = NULL;

  batch->cursor = -1;
  batch->queues = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  batch->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  batch->tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  for (guint i = 0; i < fetch->tickets->len; i++)
    {
      gint64 number = g_array_index (fetch->tickets, gint64, i);

      if (g_hash_table_contains (fetch->rt_tickets, &number) &&
          !map_one_ticket (fetch, number, batch, seen, &error))
        {
          pulse_rt_batch_clear (batch);
          g_free (batch);
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
    }
  g_task_return_pointer (task, batch, NULL);
  g_object_unref (task);
}

static void
step (GTask *task)
{
  g_autofree char *path = NULL;
  const char *tag = NULL;

  if (next_read (g_task_get_task_data (task), &path, &tag))
    get (task, path, tag);
  else
    finish (task);
}

/**
 * pulse_rt_fetch_async:
 * @options: how queues map (kept by the caller until the end)
 * @queue_cache: RT queue number ("3") → mapped queue, filled as queues
 *   are read; the caller's, kept across batches
 * @tickets: (element-type gint64): the RT tickets to read, ascending
 * @txns: (element-type PulseRtTxn) (nullable): their new transactions,
 *   taken; %NULL for the initial load, which reads each ticket's Create
 *   and Correspond transactions (the first 100)
 *
 * Reads what the batch needs, one request at a time.
 */
void
pulse_rt_fetch_async (PulseRtClient            *client,
                      const PulseRtMapOptions  *options,
                      GHashTable               *queue_cache,
                      GArray                   *tickets,
                      GPtrArray                *txns,
                      GCancellable             *cancellable,
                      GAsyncReadyCallback       callback,
                      gpointer                  user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->client = g_object_ref (client);
  fetch->options = options;
  fetch->queue_cache = queue_cache;
  fetch->tickets = g_array_ref (tickets);
  fetch->initial = txns == NULL;
  fetch->txns = txns != NULL ? txns : g_ptr_array_new_with_free_func (pulse_rt_txn_free);
  fetch->rt_tickets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) json_node_unref);
  fetch->bodies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  fetch->queues_to_read = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, fetch, fetch_free);
  step (task);
}

/**
 * pulse_rt_fetch_finish:
 * @batch: (out caller-allocates): the mapped items, cursor -1; clear with
 *   pulse_rt_batch_clear()
 *
 * Returns: %TRUE, or %FALSE with the error of the read that failed.
 */
gboolean
pulse_rt_fetch_finish (GAsyncResult  *result,
                       PulseRtBatch  *batch,
                       GError       **error)
{
  g_autofree PulseRtBatch *done = g_task_propagate_pointer (G_TASK (result), error);

  if (done == NULL)
    return FALSE;
  *batch = *done;
  return TRUE;
}

/**
 * pulse_rt_batch_clear:
 *
 * Frees the item lists of a batch pulse_rt_fetch_finish() filled in.
 */
void
pulse_rt_batch_clear (PulseRtBatch *batch)
{
  g_clear_pointer (&batch->queues, g_ptr_array_unref);
  g_clear_pointer (&batch->agents, g_ptr_array_unref);
  g_clear_pointer (&batch->tickets, g_ptr_array_unref);
}
