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

  position = g_sequence_iter_get_position (entry->iter);
  if (position != old_position)
    {
      guint span = MAX (position, old_position) - MIN (position, old_position) + 1;

      _pulse_entity_list_changed (self, MIN (position, old_position), span, span);
    }
  else if (replaced)
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

/* @entry's object carried over to @fresh, the same item in a new state,
 * if it is (or can be brought in place to) the new version: a reset then
 * keeps what views hold. */
static void
carry_object (PulseEntityList  *self,
              PulseEntityEntry *entry,
              PulseEntityEntry *fresh)
{
  if (entry == NULL || entry->object == NULL)
    return;

  if (entry->node != fresh->node && !json_node_equal (entry->node, fresh->node))
    {
      g_autoptr(GObject) source = NULL;

      source = self->kind->decode (fresh->node, NULL);
      if (source == NULL
          || !_pulse_entity_update_in_place (self->kind, entry->object, source, fresh->node))
        return;
    }

  fresh->object = g_steal_pointer (&entry->object);
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b,
                  gpointer      kind)
{
  return _pulse_entity_entry_compare (*(gpointer const *) a, *(gpointer const *) b, kind);
}

/**
 * pulse_entity_list_reset_from_json:
 * @dump: a state as pulse_state_to_json() writes it
 *
 * As pulse_entity_list_reset(), from a dump made once for several lists.
 */
void
pulse_entity_list_reset_from_json (PulseEntityList *self,
                                   JsonNode        *dump)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  JsonArray *array = NULL;
  JsonObject *object;
  guint n_before;

  g_return_if_fail (PULSE_IS_ENTITY_LIST (self));
  g_return_if_fail (dump != NULL && JSON_NODE_HOLDS_OBJECT (dump));

  object = json_node_get_object (dump);
  if (json_object_has_member (object, self->kind->collection))
    array = json_object_get_array_member (object, self->kind->collection);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *id = json_object_get_string_member (json_node_get_object (node), "id");
      PulseEntityEntry *fresh = _pulse_entity_entry_new (self->kind, id, node);

      carry_object (self, g_hash_table_lookup (self->by_id, id), fresh);
      g_ptr_array_add (entries, fresh);
    }
  g_ptr_array_sort_with_data (entries, compare_pointers, (gpointer) self->kind);

  n_before = _pulse_entity_list_get_length (self);
  g_hash_table_remove_all (self->by_id);
  g_sequence_remove_range (g_sequence_get_begin_iter (self->items),
                           g_sequence_get_end_iter (self->items));
  for (guint i = 0; i < entries->len; i++)
    {
      PulseEntityEntry *entry = entries->pdata[i];

      entry->iter = g_sequence_append (self->items, entry);
      g_hash_table_insert (self->by_id, entry->id, entry);
    }

  if (n_before > 0 || entries->len > 0)
    _pulse_entity_list_changed (self, 0, n_before, entries->len);
}

/**
 * pulse_entity_list_reset:
 * @state: the state to show, loaded from the cache or a new snapshot
 *
 * Replaces the whole content with @state's items of the list's kind, with
 * one `items-changed` (nothing when both are empty). Objects of items
 * whose new version can be copied onto them are kept, so a view's
 * selection survives a new snapshot.
 */
void
pulse_entity_list_reset (PulseEntityList *self,
                         PulseState      *state)
{
  g_autoptr(JsonNode) dump = NULL;

  g_return_if_fail (PULSE_IS_ENTITY_LIST (self));
  g_return_if_fail (PULSE_IS_STATE (state));

  dump = pulse_state_to_json (state);
  pulse_entity_list_reset_from_json (self, dump);
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
 *   the object took the new version in place and did not move. An id the
 *   list lacks is taken as a creation.
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
