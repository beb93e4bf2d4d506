/* pulse-sync-store.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What PulseSync keeps in its #PulseCache, and how it writes it (reading
 * it back at start is pulse-sync-load.c). Everything here runs in a
 * worker thread on data copied for it, never on the object.
 *
 * Layout: each item of the state is an entity of its kind
 * (pulse_sync_kind_to_cache_kind()), applications under
 * "<date>/<country>"; tickets in the ticket table. Two kinds are ours:
 *
 * - PULSE_SYNC_KIND_RECENT marks a closed ticket changed in the last 24
 *   hours. The cache pages tickets by creation, but a snapshot holds the
 *   closed tickets *updated* in the last day (an email answered after
 *   three days is among them), so the state read at start finds them
 *   through these marks;
 * - PULSE_SYNC_KIND_HISTORY is where history paging stands.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-sync-private.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

static const PulseSyncKindName kind_names[] = {
  { PULSE_STATE_KIND_QUEUE, "queue", "queues" },
  { PULSE_STATE_KIND_TEAM, "team", "teams" },
  { PULSE_STATE_KIND_AGENT, "agent", "agents" },
  { PULSE_STATE_KIND_CHANNEL, "channel", "channels" },
  { PULSE_STATE_KIND_RULE, "rule", "rules" },
  { PULSE_STATE_KIND_TEMPLATE, "template", "templates" },
  { PULSE_STATE_KIND_SCORECARD, "scorecard", "scorecards" },
  { PULSE_STATE_KIND_MENTORSHIP, "mentorship", "mentorships" },
  { PULSE_STATE_KIND_SHIFT, "shift", "shifts" },
  { PULSE_STATE_KIND_REVIEW, "review", "reviews" },
  { PULSE_STATE_KIND_FOLLOWUP, "followup", "followups" },
  { PULSE_STATE_KIND_CALIBRATION, "calibration", "calibrations" },
  { PULSE_STATE_KIND_APPLICATIONS, "applications", "applications" },
};

/**
 * pulse_sync_kind_to_cache_kind:
 * @kind: a kind of #PulseState item, not %PULSE_STATE_KIND_TICKET
 *
 * The entity kind under which #PulseSync stores items of @kind in its
 * cache, for pulse_cache_list_entities(). Applications are stored with
 * the id "<date>/<country>"; tickets have a table of their own.
 *
 * Returns: (nullable): the kind ("queue", "rule", "applications" …), or
 *   %NULL for tickets and %PULSE_STATE_KIND_NONE.
 */
const PulseSyncKindName *
_pulse_sync_kind_names (guint *n)
{
  *n = G_N_ELEMENTS (kind_names);
  return kind_names;
}

const char *
pulse_sync_kind_to_cache_kind (PulseStateKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == kind)
      return kind_names[i].cache_kind;

  return NULL;
}

static gint64
item_version (JsonNode *item)
{
  return json_object_get_int_member_with_default (json_node_get_object (item), "version", 0);
}

/* The cache's notion (pulse-cache-private.h): only these are history. */
static gboolean
status_is_open (const char *status)
{
  return g_strcmp0 (status, "resolved") != 0 && g_strcmp0 (status, "closed") != 0 &&
         g_strcmp0 (status, "abandoned") != 0;
}

/* max (updated_at, created_at), as snapshots sort and filter tickets. */
static gint64
ticket_sort_key (JsonObject *ticket)
{
  const char *created = json_object_get_string_member_with_default (ticket, "created_at", NULL);
  const char *updated = json_object_get_string_member_with_default (ticket, "updated_at", NULL);
  gint64 created_at = 0, updated_at = 0;

  if (created != NULL)
    pulse_time_parse (created, &created_at);
  if (updated != NULL)
    pulse_time_parse (updated, &updated_at);

  return MAX (created_at, updated_at);
}

/* Stores @ticket, and marks it when it is closed but still in the
 * snapshot's window. */
static gboolean
put_ticket (PulseCacheBatch  *batch,
            JsonNode         *ticket,
            gint64            now,
            GError          **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) mark = NULL;
  JsonObject *object = json_node_get_object (ticket);
  const char *id = json_object_get_string_member_with_default (object, "id", NULL);
  gint64 at;

  if (!pulse_cache_batch_put_ticket (batch, ticket, NULL, error))
    return FALSE;

  at = ticket_sort_key (object);
  if (status_is_open (json_object_get_string_member_with_default (object, "status", NULL)) ||
      at < now - PULSE_SYNC_RECENT_WINDOW)
    return TRUE;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_int (builder, "at", at);
  json_builder_end_object (builder);
  mark = json_builder_get_root (builder);
  return pulse_cache_batch_put_entity (batch, PULSE_SYNC_KIND_RECENT, id, item_version (ticket),
                                       mark, NULL, error);
}

static char *
applications_key (JsonNode *item)
{
  JsonObject *object = json_node_get_object (item);

  return g_strconcat (json_object_get_string_member (object, "date"), "/",
                      json_object_get_string_member (object, "country"), NULL);
}

static gboolean
write_op (PulseCacheBatch  *batch,
          PulseSyncOp      *op,
          gint64            now,
          GError          **error)
{
  const char *kind = pulse_sync_kind_to_cache_kind (op->kind);
  g_autofree char *key = NULL;

  if (op->item == NULL || op->action == PULSE_STATE_ACTION_NONE)
    return TRUE;

  if (op->kind == PULSE_STATE_KIND_TICKET)
    return op->action == PULSE_STATE_ACTION_DELETED || put_ticket (batch, op->item, now, error);

  if (op->kind == PULSE_STATE_KIND_APPLICATIONS)
    {
      key = applications_key (op->item);
      return pulse_cache_batch_put_entity (batch, kind, key, 0, op->item, NULL, error);
    }

  /* A deletion has the version after the item's last. */
  if (op->action == PULSE_STATE_ACTION_DELETED)
    return pulse_cache_batch_delete_entity (batch, kind, op->id, item_version (op->item) + 1,
                                            NULL, error);

  return pulse_cache_batch_put_entity (batch, kind, op->id, item_version (op->item), op->item,
                                       NULL, error);
}

/**
 * _pulse_sync_store_write_ops:
 * @seq: the state's seq once @ops are applied
 * @last_event_at: when the last event arrived (µs), or 0
 *
 * One transaction: the changes and the seq they bring the cache to, so
 * the cache is always the state at some seq.
 */
gboolean
_pulse_sync_store_write_ops (PulseCache  *cache,
                             GPtrArray   *ops,
                             gint64       seq,
                             gint64       last_event_at,
                             gint64       now,
                             GError     **error)
{
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, error);
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);

  if (batch == NULL)
    return FALSE;

  /* Newest first, each ticket once: a later op carries the whole ticket
   * at a higher version, so an earlier one would only be overwritten in
   * this same transaction (a burst on one chat is many events). Other
   * kinds go in order: a deletion and a re-creation must not merge. */
  for (guint i = ops->len; i > 0; i--)
    {
      PulseSyncOp *op = ops->pdata[i - 1];

      if (op->kind == PULSE_STATE_KIND_TICKET && op->item != NULL &&
          !g_hash_table_contains (latest, op->id))
        g_hash_table_insert (latest, op->id, op);
    }
  for (guint i = 0; i < ops->len; i++)
    {
      PulseSyncOp *op = ops->pdata[i];

      if (op->kind == PULSE_STATE_KIND_TICKET && op->item != NULL &&
          g_hash_table_lookup (latest, op->id) != op)
        continue;
      if (!write_op (batch, op, now, error))
        return FALSE;
    }

  pulse_cache_batch_set_seq (batch, seq);
  if (last_event_at != 0)
    pulse_cache_batch_set_last_event_at (batch, last_event_at);
  return pulse_cache_batch_commit (batch, error);
}

static gboolean
put_history (PulseCacheBatch         *batch,
             const PulseSyncHistory  *history,
             GError                 **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  pulse_json_add_time (builder, "since", history->since);
  json_builder_set_member_name (builder, "cursor");
  if (history->cursor != NULL)
    json_builder_add_string_value (builder, history->cursor);
  else
    json_builder_add_null_value (builder);
  pulse_json_add_boolean (builder, "complete", history->complete);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  return pulse_cache_batch_put_entity (batch, PULSE_SYNC_KIND_HISTORY, PULSE_SYNC_HISTORY_ID, 0,
                                       body, NULL, error);
}

static gboolean
put_item (PulseCacheBatch          *batch,
          const PulseSyncKindName  *name,
          JsonNode                 *item,
          GError                  **error)
{
  g_autofree char *key = NULL;

  if (name->kind == PULSE_STATE_KIND_APPLICATIONS)
    {
      key = applications_key (item);
      return pulse_cache_batch_put_entity (batch, name->cache_kind, key, 0, item, NULL, error);
    }

  return pulse_cache_batch_put_entity (batch, name->cache_kind,
                                       json_object_get_string_member (json_node_get_object (item),
                                                                      "id"),
                                       item_version (item), item, NULL, error);
}

/* Every list of @dump (the state's own, canonical) into one replacing
 * batch: readers see the old state until all of the new one is in. */
static gboolean
write_snapshot (PulseCache              *cache,
                PulseState              *state,
                const PulseSyncHistory  *history,
                gint64                   now,
                GError                 **error)
{
  g_autoptr(JsonNode) dump = pulse_state_to_json (state);
  JsonObject *object = json_node_get_object (dump);
  g_autoptr(PulseCacheBatch) batch = NULL;
  JsonArray *tickets;

  batch = pulse_cache_batch_begin_replace (cache, PULSE_CACHE_REPLACE_ENTITIES |
                                           PULSE_CACHE_REPLACE_OPEN_TICKETS, now, error);
  if (batch == NULL)
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    {
      JsonArray *items = json_object_get_array_member (object, kind_names[k].collection);

      for (guint i = 0; i < json_array_get_length (items); i++)
        if (!put_item (batch, &kind_names[k], json_array_get_element (items, i), error))
          return FALSE;
    }

  tickets = json_object_get_array_member (object, "tickets");
  for (guint i = 0; i < json_array_get_length (tickets); i++)
    if (!put_ticket (batch, json_array_get_element (tickets, i), now, error))
      return FALSE;

  if (!put_history (batch, history, error))
    return FALSE;

  pulse_cache_batch_set_seq (batch, pulse_state_get_seq (state));
  return pulse_cache_batch_commit (batch, error);
}

/**
 * _pulse_sync_store_replace:
 * @cache: (nullable): where to store the snapshot, if anywhere
 * @snapshot: the body of `GET /api/v1/snapshot`
 * @history: the history record to store with it
 * @cache_error: set if the state was read but not stored
 * @error: set if @snapshot is not a state
 *
 * Returns: (transfer full) (nullable): the state @snapshot holds.
 */
PulseState *
_pulse_sync_store_replace (PulseCache              *cache,
                           JsonNode                *snapshot,
                           const PulseSyncHistory  *history,
                           gint64                   now,
                           GError                 **cache_error,
                           GError                 **error)
{
  g_autoptr(PulseState) state = pulse_state_new_from_snapshot (snapshot, error);

  if (state == NULL)
    return NULL;

  if (cache != NULL)
    write_snapshot (cache, state, history, now, cache_error);

  return g_steal_pointer (&state);
}

/**
 * _pulse_sync_store_write_page:
 * @tickets: one page of `GET /api/v1/tickets`
 * @history: where paging stands after this page
 *
 * Stores the page and the position in one transaction, so a restart goes
 * on after the last page stored. A ticket the stream brought at a newer
 * version stays (the cache keeps the higher version).
 */
gboolean
_pulse_sync_store_write_page (PulseCache              *cache,
                              JsonArray               *tickets,
                              const PulseSyncHistory  *history,
                              gint64                   now,
                              GError                 **error)
{
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, error);

  if (batch == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (tickets); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(PulseTicket) ticket = NULL;
      g_autoptr(JsonNode) node = NULL;

      ticket = pulse_ticket_new_from_json (json_array_get_element (tickets, i), &local_error);
      if (ticket == NULL)
        {
          g_message ("history: leaving out tickets[%u]: %s", i, local_error->message);
          continue;
        }

      node = pulse_ticket_to_json (ticket);
      if (!put_ticket (batch, node, now, error))
        return FALSE;
    }

  return put_history (batch, history, error) && pulse_cache_batch_commit (batch, error);
}

/**
 * _pulse_sync_store_prune:
 *
 * Drops closed history older than %PULSE_CACHE_HISTORY_DAYS and the
 * marks of tickets that left the snapshot's window.
 */
gboolean
_pulse_sync_store_prune (PulseCache  *cache,
                         gint64       now,
                         GError     **error)
{
  g_autoptr(PulseCacheBatch) batch = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  gint64 removed;

  removed = pulse_cache_prune_tickets_before (cache, now - PULSE_CACHE_HISTORY_DAYS *
                                              PULSE_USEC_PER_DAY, error);
  if (removed < 0)
    return FALSE;

  marks = pulse_cache_list_entities (cache, PULSE_SYNC_KIND_RECENT, error);
  if (marks == NULL || (batch = pulse_cache_batch_begin (cache, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < marks->len; i++)
    {
      JsonObject *mark = json_node_get_object (marks->pdata[i]);
      const char *id = json_object_get_string_member_with_default (mark, "id", NULL);

      if (id != NULL && json_object_get_int_member_with_default (mark, "at", 0) <
                          now - PULSE_SYNC_RECENT_WINDOW &&
          !pulse_cache_batch_delete_entity (batch, PULSE_SYNC_KIND_RECENT, id, G_MAXINT64,
                                            NULL, error))
        return FALSE;
    }

  g_debug ("cache: pruned %" G_GINT64_FORMAT " tickets", removed);
  return pulse_cache_batch_commit (batch, error);
}
