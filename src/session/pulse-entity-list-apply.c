/* pulse-entity-list-apply.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #PulseEntityList following its state: a whole new state (reset), and
 * one change at a time (apply).
 */

#include "config.h"

#include "pulse-entity-list-private.h"

static void
insert (PulseEntityList *self,
        const char      *id,
        JsonNode        *node)
{
  PulseEntityEntry *entry = _pulse_entity_entry_new (self->kind, id, node);

  entry->iter = g_sequence_insert_sorted (self->items, entry, _pulse_entity_entry_compare,
                                          (gpointer) self->kind);
  g_hash_table_insert (self->by_id, entry->id, entry);
  _pulse_entity_list_changed (self, g_sequence_iter_get_position (entry->iter), 0, 1);
}

/* The new version on the object views hold, or a new object. Returns
 * TRUE if the object was replaced. */
static gboolean
update_object (PulseEntityList  *self,
               PulseEntityEntry *entry,
               JsonNode         *node)
{
  g_autoptr(GObject) source = NULL;
  g_autoptr(GError) error = NULL;

  if (entry->object == NULL)
    return FALSE;

  source = self->kind->decode (node, &error);
  if (source == NULL)
    {
      g_critical ("%s “%s”: the new version cannot be shown: %s", self->kind->collection,
                  entry->id, error->message);
      return FALSE;
    }

  if (_pulse_entity_update_in_place (self->kind, entry->object, source, node))
    return FALSE;

  g_set_object (&entry->object, source);
  return TRUE;
}

static void
update (PulseEntityList  *self,
        PulseEntityEntry *entry,
        JsonNode         *node)
{
  guint old_position = g_sequence_iter_get_position (entry->iter);
  g_autofree char *name_key = NULL;
  gboolean replaced;
  guint position;
  gint64 key;

  _pulse_entity_read_key (self->kind, node, &key, &name_key);
  replaced = update_object (self, entry, node);
  g_clear_pointer (&entry->node, json_node_unref);
  entry->node = json_node_ref (node);

  if (key != entry->key || g_strcmp0 (name_key, entry->name_key) != 0)
    {
      entry->key = key;
      g_free (entry->name_key);
      entry->name_key = g_steal_pointer (&name_key);
      g_sequence_sort_changed (entry->iter, _pulse_entity_entry_compare, (gpointer) self->kind);
    }

  /* A ticket's update is announced even when its object took it in
   * place: its conversation or ratings changed, which filters, sorters
   * and pages built on the list read from it. The same object comes
   * back, so a view keeps its row and a selection stays. */
  position = g_sequence_iter_get_position (entry->iter);
  if (position != old_position)
    {
      guint span = MAX (position, old_position) - MIN (position, old_position) + 1;

      _pulse_entity_list_changed (self, MIN (position, old_position), span, span);
    }
  else if (replaced || self->kind->kind == PULSE_STATE_KIND_TICKET)
    _pulse_entity_list_changed (self, position, 1, 1);
}

static void
remove_entry (PulseEntityList  *self,
              PulseEntityEntry *entry)
{
  guint position = g_sequence_iter_get_position (entry->iter);

  g_hash_table_remove (self->by_id, entry->id);
  g_sequence_remove (entry->iter);
  _pulse_entity_list_changed (self, position, 1, 0);
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b,
                  gpointer      kind)
{
  return _pulse_entity_entry_compare (*(gpointer const *) a, *(gpointer const *) b, kind);
}

static const char *
node_id (JsonNode *node)
{
  return json_object_get_string_member (json_node_get_object (node), "id");
}

/* Into an empty list: the entries of @self->staged_nodes made, up to
 * @max of them, and once all are made sorted, waiting for fill steps to
 * append them in order. */
static void
stage (PulseEntityList *self,
       guint            max)
{
  GPtrArray *nodes = self->staged_nodes;

  if (self->staged == NULL)
    self->staged = g_ptr_array_new_full (nodes->len, (GDestroyNotify) _pulse_entity_entry_free);
  for (guint i = 0; i < max && self->staged->len < nodes->len; i++)
    {
      JsonNode *node = nodes->pdata[self->staged->len];

      g_ptr_array_add (self->staged, _pulse_entity_entry_new (self->kind, node_id (node), node));
    }
  if (self->staged->len < nodes->len)
    return;

  g_ptr_array_sort_with_data (self->staged, compare_pointers, (gpointer) self->kind);
  g_clear_pointer (&self->staged_nodes, g_ptr_array_unref);
  self->staged_next = 0;
}

/* @nodes (the state's) wait to be staged. */
static void
keep_nodes (PulseEntityList *self,
            GPtrArray       *nodes)
{
  self->staged_nodes = g_ptr_array_new_full (nodes->len, (GDestroyNotify) json_node_unref);
  for (guint i = 0; i < nodes->len; i++)
    g_ptr_array_add (self->staged_nodes, json_node_ref (nodes->pdata[i]));
}

void
_pulse_entity_list_drop_staged (PulseEntityList *self)
{
  g_clear_pointer (&self->staged_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->staged, g_ptr_array_unref);
  self->staged_next = 0;
}

/**
 * pulse_entity_list_fill_step:
 * @max_items: how many waiting items to append at most (%G_MAXUINT: all)
 *
 * Takes the next step of a fill that pulse_entity_list_reset_in_steps()
 * began. The first steps make the waiting items' entries, @max_items a
 * step, and sort them, appending nothing; each step after appends the
 * next @max_items with one `items-changed` at the list's end.
 *
 * Returns: %TRUE if items still wait for a later step.
 */
gboolean
pulse_entity_list_fill_step (PulseEntityList *self,
                             guint            max_items)
{
  guint position, n;

  g_return_val_if_fail (PULSE_IS_ENTITY_LIST (self), FALSE);

  /* Making and sorting the entries is a step, or several, of its own. */
  if (self->staged_nodes != NULL)
    {
      stage (self, max_items);
      return TRUE;
    }
  if (self->staged == NULL)
    return FALSE;

  position = _pulse_entity_list_get_length (self);
  n = MIN (max_items, self->staged->len - self->staged_next);
  for (guint i = 0; i < n; i++)
    {
      PulseEntityEntry *entry = g_steal_pointer (&self->staged->pdata[self->staged_next++]);

      entry->iter = g_sequence_append (self->items, entry);
      g_hash_table_insert (self->by_id, entry->id, entry);
    }
  if (self->staged_next == self->staged->len)
    _pulse_entity_list_drop_staged (self);

  if (n > 0)
    _pulse_entity_list_changed (self, position, 0, n);
  return self->staged != NULL;
}

/* Whatever waits goes in now: before a change, which must land where it
 * sorts among all of them. */
void
_pulse_entity_list_finish_fill (PulseEntityList *self)
{
  while (pulse_entity_list_fill_step (self, G_MAXUINT))
    ;
}

/**
 * pulse_entity_list_get_filling:
 *
 * Returns: whether a fill in steps has items waiting.
 */
gboolean
pulse_entity_list_get_filling (PulseEntityList *self)
{
  g_return_val_if_fail (PULSE_IS_ENTITY_LIST (self), FALSE);

  return self->staged != NULL || self->staged_nodes != NULL;
}

/* Whether @a and @b are the same version of one item. The protocol bumps
 * an item's version on every change, so equal versions are equal items:
 * 50,000 tickets of a new snapshot need no deep comparison. */
static gboolean
same_version (JsonNode *a,
              JsonNode *b)
{
  JsonObject *oa = json_node_get_object (a);
  JsonObject *ob = json_node_get_object (b);

  if (a == b)
    return TRUE;
  if (!json_object_has_member (oa, "version") || !json_object_has_member (ob, "version"))
    return json_node_equal (a, b);

  return json_object_get_int_member (oa, "version") == json_object_get_int_member (ob, "version");
}

/* Into a list that holds items: only what differs changes, as one batch,
 * so views keep the rows and objects of everything else and see one
 * `items-changed` per stretch touched (see end_batch). An item is
 * unchanged when it is at the same version. */
static void
patch (PulseEntityList *self,
       GPtrArray       *nodes)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GSequenceIter *iter;

  for (guint i = 0; i < nodes->len; i++)
    g_hash_table_insert (wanted, (gpointer) node_id (nodes->pdata[i]), nodes->pdata[i]);

  pulse_entity_list_begin_batch (self);
  for (iter = g_sequence_get_begin_iter (self->items); !g_sequence_iter_is_end (iter);
       iter = g_sequence_iter_next (iter))
    {
      PulseEntityEntry *entry = g_sequence_get (iter);

      if (!g_hash_table_contains (wanted, entry->id))
        g_ptr_array_add (gone, entry);
    }
  for (guint i = 0; i < gone->len; i++)
    remove_entry (self, gone->pdata[i]);

  for (guint i = 0; i < nodes->len; i++)
    {
      JsonNode *node = nodes->pdata[i];
      PulseEntityEntry *entry = g_hash_table_lookup (self->by_id, node_id (node));

      if (entry == NULL)
        insert (self, node_id (node), node);
      else if (!same_version (entry->node, node))
        update (self, entry, node);
      else if (entry->node != node)
        {
          /* The same: hold the new state's node, so later changes share it. */
          json_node_unref (entry->node);
          entry->node = json_node_ref (node);
        }
    }
  pulse_entity_list_end_batch (self);
}

/* Everything goes: one signal, no per-item work. */
static void
clear (PulseEntityList *self)
{
  guint n = _pulse_entity_list_get_length (self);

  g_hash_table_remove_all (self->by_id);
  g_sequence_remove_range (g_sequence_get_begin_iter (self->items),
                           g_sequence_get_end_iter (self->items));
  _pulse_entity_list_changed (self, 0, n, 0);
}

/* Items still waiting from an earlier fill were never shown: a new
 * state replaces them. Returns whether the list was empty and now has
 * @nodes waiting for fill steps. */
static gboolean
reset_nodes (PulseEntityList *self,
             GPtrArray       *nodes)
{
  _pulse_entity_list_drop_staged (self);
  if (_pulse_entity_list_get_length (self) == 0)
    {
      if (nodes->len == 0)
        return FALSE;
      keep_nodes (self, nodes);
      return TRUE;
    }

  if (nodes->len == 0)
    clear (self);
  else
    patch (self, nodes);
  return FALSE;
}

/**
 * pulse_entity_list_reset_from_json:
 * @dump: a state as pulse_state_to_json() writes it
 *
 * As pulse_entity_list_reset(), from a dump (an object without the
 * list's collection empties it).
 */
void
pulse_entity_list_reset_from_json (PulseEntityList *self,
                                   JsonNode        *dump)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  JsonArray *array = NULL;
  JsonObject *object;

  g_return_if_fail (PULSE_IS_ENTITY_LIST (self));
  g_return_if_fail (dump != NULL && JSON_NODE_HOLDS_OBJECT (dump));

  object = json_node_get_object (dump);
  if (json_object_has_member (object, self->kind->collection))
    array = json_object_get_array_member (object, self->kind->collection);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (nodes, json_array_get_element (array, i));

  if (reset_nodes (self, nodes))
    _pulse_entity_list_finish_fill (self);
}

/**
 * pulse_entity_list_reset:
 * @state: the state to show, loaded from the cache or a new snapshot
 *
 * Makes the list hold @state's items of its kind. Into an empty list
 * that is one `items-changed (0, 0, n)`. Otherwise only what differs
 * changes (see pulse_entity_list_apply() for each item), all in one
 * batch: one `items-changed` per stretch touched (see
 * pulse_entity_list_end_batch()), nothing when @state holds what the
 * list shows. Objects are kept
 * wherever the new version can be copied onto them, so a view's
 * selection survives a new snapshot. No dump of @state is written.
 */
void
pulse_entity_list_reset (PulseEntityList *self,
                         PulseState      *state)
{
  g_autoptr(GPtrArray) nodes = NULL;

  g_return_if_fail (PULSE_IS_ENTITY_LIST (self));
  g_return_if_fail (PULSE_IS_STATE (state));

  nodes = pulse_state_list_items (state, self->kind->kind);
  if (reset_nodes (self, nodes))
    _pulse_entity_list_finish_fill (self);
}

/**
 * pulse_entity_list_reset_in_steps:
 * @state: the state to show
 *
 * As pulse_entity_list_reset(), except into an empty list: there the
 * items wait, and pulse_entity_list_fill_step() sorts them, then
 * appends them, a number at a time.
 * Nothing is appended yet.
 *
 * Returns: %TRUE if items wait for pulse_entity_list_fill_step().
 */
gboolean
pulse_entity_list_reset_in_steps (PulseEntityList *self,
                                  PulseState      *state)
{
  g_autoptr(GPtrArray) nodes = NULL;

  g_return_val_if_fail (PULSE_IS_ENTITY_LIST (self), FALSE);
  g_return_val_if_fail (PULSE_IS_STATE (state), FALSE);

  nodes = pulse_state_list_items (state, self->kind->kind);
  return reset_nodes (self, nodes);
}

/**
 * pulse_entity_list_apply:
 * @change: what pulse_state_apply() or pulse_state_put_ticket() reported
 *
 * Follows one change of the state; changes of other kinds, and actions
 * that changed nothing (none, missing, resync), are ignored.
 *
 * - Created: the item goes in at its place, `items-changed (pos, 0, 1)`.
 *   An id the list has already is taken as an update.
 * - Updated: see #PulseEntityList for identity and moves; no signal when
 *   the object took the new version in place and did not move, except
 *   for a ticket: `items-changed (pos, 1, 1)` with the same object. An id
 *   the list lacks is taken as a creation.
 * - Deleted: `items-changed (pos, 1, 0)`; an unknown id is ignored.
 */
void
pulse_entity_list_apply (PulseEntityList        *self,
                         const PulseStateChange *change)
{
  PulseEntityEntry *entry;

  g_return_if_fail (PULSE_IS_ENTITY_LIST (self));
  g_return_if_fail (change != NULL);

  if (change->kind != self->kind->kind || change->id == NULL)
    return;

  _pulse_entity_list_finish_fill (self);
  entry = g_hash_table_lookup (self->by_id, change->id);
  switch (change->action)
    {
    case PULSE_STATE_ACTION_CREATED:
    case PULSE_STATE_ACTION_UPDATED:
      g_return_if_fail (change->item != NULL);
      if (entry == NULL)
        insert (self, change->id, change->item);
      else
        update (self, entry, change->item);
      break;
    case PULSE_STATE_ACTION_DELETED:
      if (entry != NULL)
        remove_entry (self, entry);
      break;
    case PULSE_STATE_ACTION_NONE:
    case PULSE_STATE_ACTION_MISSING:
    case PULSE_STATE_ACTION_RESYNC:
    default:
      break;
    }
}
