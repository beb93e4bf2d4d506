/* pulse-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-calibration-session.h"
#include "pulse-channel.h"
#include "pulse-followup.h"
#include "pulse-mentorship.h"
#include "pulse-queue.h"
#include "pulse-review-sample.h"
#include "pulse-rule.h"
#include "pulse-scorecard.h"
#include "pulse-shift.h"
#include "pulse-state-private.h"
#include "pulse-team.h"
#include "pulse-template.h"
#include "pulse-error.h"
#include "pulse-ticket-private.h"

/**
 * PulseState:
 *
 * The helpdesk's state as the console knows it: what `GET
 * /api/v1/snapshot` gave, with every later event of `/api/v1/events`
 * applied, each item held as the canonical JSON of its core codec.
 *
 * It is the one implementation of "apply an event" (docs/protocol.md,
 * docs/protocol-ingest.md): the session's sync engine feeds it frames in
 * order and updates its cache and list models from what each call
 * reports. Every item is decoded by its codec before anything changes,
 * so a bad event leaves the state as it was.
 */

G_DEFINE_FINAL_TYPE (PulseState, pulse_state, G_TYPE_OBJECT)

/**
 * _pulse_state_conflict:
 *
 * Sets a %PULSE_ERROR_CONFLICT: the event does not fit the state (an
 * event lost, or a state the server does not stream for).
 *
 * Returns: %FALSE, to return at once
 */
gboolean
_pulse_state_conflict (GError     **error,
                       const char  *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PULSE_ERROR, PULSE_ERROR_CONFLICT, format, args));
  va_end (args);
  return FALSE;
}

#define KIND(k, name, collection, prefix, deletable) \
  { k, name, collection, PULSE_JSON_LIST_DECODE (prefix##_new_from_json), \
    PULSE_JSON_LIST_ENCODE (prefix##_to_json), deletable }

/* Indexed by PulseStateKind; directory kinds have no `.deleted`. */
static const PulseStateKindInfo kinds[PULSE_STATE_N_ITEM_KINDS] = {
  { PULSE_STATE_KIND_NONE, NULL, NULL, NULL, NULL, FALSE },
  KIND (PULSE_STATE_KIND_QUEUE, "queue", "queues", pulse_queue, FALSE),
  KIND (PULSE_STATE_KIND_TEAM, "team", "teams", pulse_team, FALSE),
  KIND (PULSE_STATE_KIND_AGENT, "agent", "agents", pulse_agent, FALSE),
  KIND (PULSE_STATE_KIND_CHANNEL, "channel", "channels", pulse_channel, FALSE),
  KIND (PULSE_STATE_KIND_RULE, "rule", "rules", pulse_rule, TRUE),
  KIND (PULSE_STATE_KIND_TEMPLATE, "template", "templates", pulse_template, TRUE),
  KIND (PULSE_STATE_KIND_SCORECARD, "scorecard", "scorecards", pulse_scorecard, TRUE),
  KIND (PULSE_STATE_KIND_MENTORSHIP, "mentorship", "mentorships", pulse_mentorship, TRUE),
  KIND (PULSE_STATE_KIND_SHIFT, "shift", "shifts", pulse_shift, TRUE),
  KIND (PULSE_STATE_KIND_REVIEW, "review", "reviews", pulse_review_sample, TRUE),
  KIND (PULSE_STATE_KIND_FOLLOWUP, "followup", "followups", pulse_followup, TRUE),
  KIND (PULSE_STATE_KIND_CALIBRATION, "calibration", "calibrations", pulse_calibration_session,
        TRUE),
};

const PulseStateKindInfo *
_pulse_state_kind_info (PulseStateKind kind)
{
  g_assert (kind > PULSE_STATE_KIND_NONE && kind < PULSE_STATE_N_ITEM_KINDS);

  return &kinds[kind];
}

/* The item kind whose events start with @name ("rule"), or NULL. */
const PulseStateKindInfo *
_pulse_state_find_kind (const char *name)
{
  for (guint k = PULSE_STATE_KIND_QUEUE; k < PULSE_STATE_N_ITEM_KINDS; k++)
    if (g_str_equal (kinds[k].name, name))
      return &kinds[k];

  return NULL;
}

/* Decoded and written again: what the server stores is its codec's
 * output, so both sides of a comparison go through the same writer. */
JsonNode *
_pulse_state_canonical (const PulseStateKindInfo  *info,
                        JsonNode                  *node,
                        GError                   **error)
{
  g_autoptr(GObject) object = info->decode (node, error);

  if (object == NULL)
    return NULL;

  return info->encode (object);
}

/* A new object with @node's members, in their order, each shared:
 * json_node_copy() would share the object itself, and stored nodes are
 * never changed in place, so the copy's members are replaced, never
 * edited. */
JsonObject *
_pulse_state_copy_object (JsonNode *node)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, json_node_ref (member));

  return copy;
}

const char *
_pulse_state_item_id (JsonNode *item)
{
  return json_object_get_string_member (json_node_get_object (item), "id");
}

gint64
_pulse_state_item_version (JsonNode *item)
{
  return json_object_get_int_member (json_node_get_object (item), "version");
}

void
_pulse_state_report (PulseStateChange *change,
                     PulseStateKind    kind,
                     PulseStateAction  action,
                     const char       *id,
                     JsonNode         *item)
{
  change->kind = kind;
  change->action = action;
  g_free (change->id);
  change->id = g_strdup (id);
  g_clear_pointer (&change->item, json_node_unref);
  change->item = item != NULL ? json_node_ref (item) : NULL;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of @table in byte order, as SQLite's ORDER BY sorts text. */
const char **
_pulse_state_sorted_keys (GHashTable *table,
                          guint      *n)
{
  const char **keys = (const char **) g_hash_table_get_keys_as_array (table, n);

  g_qsort_with_data (keys, *n, sizeof (char *), compare_keys, NULL);
  return keys;
}

/* @ticket's entry, holding @node: its canonical form, made already. */
PulseStateTicket *
_pulse_state_ticket_new_for_node (PulseTicket *ticket,
                                  JsonNode    *node)
{
  PulseStateTicket *entry = g_new0 (PulseStateTicket, 1);

  entry->node = json_node_ref (node);
  entry->created_at = pulse_ticket_get_created_at (ticket);
  entry->version = pulse_ticket_get_version (ticket);
  entry->sort_key = MAX (pulse_ticket_get_updated_at (ticket),
                         pulse_ticket_get_created_at (ticket));
  entry->open = pulse_ticket_get_status (ticket) <= PULSE_TICKET_STATUS_PENDING;
  return entry;
}

/* Whether the state may hold @source, @ticket's wire form as it came, as
 * its canonical form: it already is that, and cannot change under the
 * state (a node that is not sealed could, through whoever else holds it). */
gboolean
_pulse_state_keeps_ticket (PulseTicket *ticket,
                           JsonNode    *source,
                           gboolean     header_only)
{
  return json_node_is_immutable (source) &&
         _pulse_ticket_matches_json (ticket, source, header_only);
}

/* @ticket's entry, decoded from @source: @source itself when it is the
 * canonical form already (the server writes it so), else written again. */
PulseStateTicket *
_pulse_state_ticket_new (PulseTicket *ticket,
                         JsonNode    *source)
{
  g_autoptr(JsonNode) node = NULL;

  if (_pulse_state_keeps_ticket (ticket, source, FALSE))
    return _pulse_state_ticket_new_for_node (ticket, source);

  node = pulse_ticket_to_json (ticket);
  return _pulse_state_ticket_new_for_node (ticket, node);
}

void
_pulse_state_ticket_free (PulseStateTicket *entry)
{
  if (entry == NULL)
    return;

  g_clear_pointer (&entry->node, json_node_unref);
  g_clear_pointer (&entry->message_ids, g_hash_table_unref);
  g_free (entry);
}

static void
pulse_state_finalize (GObject *object)
{
  PulseState *self = (PulseState *)object;

  for (guint k = PULSE_STATE_KIND_QUEUE; k < PULSE_STATE_N_ITEM_KINDS; k++)
    g_clear_pointer (&self->items[k], g_hash_table_unref);
  g_clear_pointer (&self->tickets, g_hash_table_unref);
  g_clear_pointer (&self->applications, g_hash_table_unref);
  g_clear_pointer (&self->held, g_hash_table_unref);

  G_OBJECT_CLASS (pulse_state_parent_class)->finalize (object);
}

static void
pulse_state_class_init (PulseStateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_state_finalize;
}

static void
pulse_state_init (PulseState *self)
{
  for (guint k = PULSE_STATE_KIND_QUEUE; k < PULSE_STATE_N_ITEM_KINDS; k++)
    self->items[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) json_node_unref);
  self->tickets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) _pulse_state_ticket_free);
  self->applications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) json_node_unref);
  self->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
}

/**
 * pulse_state_change_clear:
 * @change: a change filled by pulse_state_apply(), or `{ 0 }`
 *
 * Frees what @change holds and zeroes it.
 */
void
pulse_state_change_clear (PulseStateChange *change)
{
  g_return_if_fail (change != NULL);

  g_clear_pointer (&change->id, g_free);
  g_clear_pointer (&change->country, g_free);
  g_clear_pointer (&change->item, json_node_unref);
  *change = (PulseStateChange) { 0 };
}

/**
 * pulse_state_get_seq:
 *
 * Returns: the seq of the last event applied (or the snapshot's).
 */
gint64
pulse_state_get_seq (PulseState *self)
{
  g_return_val_if_fail (PULSE_IS_STATE (self), 0);

  return self->seq;
}

/**
 * pulse_state_lookup:
 * @kind: an item kind, or %PULSE_STATE_KIND_TICKET
 * @id: the item's id
 *
 * Returns: (transfer none) (nullable): the item's canonical wire form (a
 *   ticket with its messages and ratings), or %NULL if the state has
 *   none. Do not change it; it stays valid until the item changes.
 */
JsonNode *
pulse_state_lookup (PulseState     *self,
                    PulseStateKind  kind,
                    const char     *id)
{
  PulseStateTicket *entry;

  g_return_val_if_fail (PULSE_IS_STATE (self), NULL);
  g_return_val_if_fail (kind > PULSE_STATE_KIND_NONE && kind <= PULSE_STATE_KIND_TICKET, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (kind < PULSE_STATE_N_ITEM_KINDS)
    return g_hash_table_lookup (self->items[kind], id);

  entry = g_hash_table_lookup (self->tickets, id);
  return entry != NULL ? entry->node : NULL;
}

/**
 * pulse_state_lookup_applications:
 * @date: a day, "YYYY-MM-DD"
 * @country: an ISO 3166 alpha-2 code
 * @count: (out) (optional): the day's loan applications in @country
 *
 * Returns: %TRUE if the state has a count for @date and @country.
 */
gboolean
pulse_state_lookup_applications (PulseState *self,
                                 const char *date,
                                 const char *country,
                                 gint64     *count)
{
  g_autofree char *key = NULL;
  JsonNode *node;

  g_return_val_if_fail (PULSE_IS_STATE (self), FALSE);
  g_return_val_if_fail (date != NULL && country != NULL, FALSE);

  key = g_strconcat (date, "/", country, NULL);
  node = g_hash_table_lookup (self->applications, key);
  if (node != NULL && count != NULL)
    *count = json_object_get_int_member (json_node_get_object (node), "count");

  return node != NULL;
}

/**
 * pulse_state_get_n_missing:
 *
 * Returns: how many tickets events named that the state lacks: their
 *   events are held until pulse_state_put_ticket() brings them
 *   (%PULSE_STATE_ACTION_MISSING).
 */
guint
pulse_state_get_n_missing (PulseState *self)
{
  g_return_val_if_fail (PULSE_IS_STATE (self), 0);

  return g_hash_table_size (self->held);
}

/**
 * pulse_state_get_n_items:
 * @kind: a kind, tickets and applications included
 *
 * Returns: how many items of @kind the state holds.
 */
guint
pulse_state_get_n_items (PulseState     *self,
                         PulseStateKind  kind)
{
  g_return_val_if_fail (PULSE_IS_STATE (self), 0);
  g_return_val_if_fail (kind > PULSE_STATE_KIND_NONE && kind <= PULSE_STATE_KIND_APPLICATIONS, 0);

  if (kind == PULSE_STATE_KIND_TICKET)
    return g_hash_table_size (self->tickets);
  if (kind == PULSE_STATE_KIND_APPLICATIONS)
    return g_hash_table_size (self->applications);

  return g_hash_table_size (self->items[kind]);
}

/**
 * pulse_state_list_items:
 * @kind: an item kind, %PULSE_STATE_KIND_TICKET or
 *   %PULSE_STATE_KIND_APPLICATIONS
 *
 * Every item of @kind, as pulse_state_lookup() gives them, without
 * writing a dump: what a list model needs to follow a new state.
 *
 * Returns: (transfer container) (element-type JsonNode): the items' nodes,
 *   in no particular order; the nodes are the state's (do not change
 *   them) and stay valid until their item changes.
 */
GPtrArray *
pulse_state_list_items (PulseState     *self,
                        PulseStateKind  kind)
{
  GHashTableIter iter;
  GPtrArray *items;
  gpointer value;

  g_return_val_if_fail (PULSE_IS_STATE (self), NULL);
  g_return_val_if_fail (kind > PULSE_STATE_KIND_NONE && kind <= PULSE_STATE_KIND_APPLICATIONS,
                        NULL);

  if (kind == PULSE_STATE_KIND_APPLICATIONS)
    {
      items = g_ptr_array_sized_new (g_hash_table_size (self->applications));
      g_hash_table_iter_init (&iter, self->applications);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (items, value);
      return items;
    }

  if (kind == PULSE_STATE_KIND_TICKET)
    {
      items = g_ptr_array_sized_new (g_hash_table_size (self->tickets));
      g_hash_table_iter_init (&iter, self->tickets);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (items, ((PulseStateTicket *) value)->node);
      return items;
    }

  items = g_ptr_array_sized_new (g_hash_table_size (self->items[kind]));
  g_hash_table_iter_init (&iter, self->items[kind]);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (items, value);
  return items;
}

/**
 * pulse_state_dup_missing_tickets:
 *
 * The tickets that events were held for, waiting for
 * pulse_state_put_ticket(): what to fetch again after a failed fetch.
 *
 * Returns: (transfer full): their ids, sorted; empty if none.
 */
GStrv
pulse_state_dup_missing_tickets (PulseState *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree const char **ids = NULL;
  guint n = 0;

  g_return_val_if_fail (PULSE_IS_STATE (self), NULL);

  ids = _pulse_state_sorted_keys (self->held, &n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, ids[i]);

  return g_strv_builder_end (builder);
}
