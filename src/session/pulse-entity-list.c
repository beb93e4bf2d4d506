/* pulse-entity-list.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-entity-list-private.h"

/**
 * PulseEntityList:
 *
 * The items of one kind of a #PulseState as a live #GListModel of core
 * objects (#PulseQueue, #PulseTicket …), kept in a fixed order from what
 * pulse_state_apply() reports, for GtkListView and GtkColumnView.
 *
 * Order (ties broken by id, so it is total): queues, teams, agents,
 * channels, templates and scorecards by name (case-folded, collated);
 * rules by position; shifts by start; tickets and reviews newest created
 * first; mentorships newest started first. A view that sorts otherwise
 * puts a GtkSortListModel on top.
 *
 * Items live in a balanced tree (#GSequence) with an id index, so a
 * change costs O(log n) whatever the list's length: no re-sort, no array
 * shift. An item's object is decoded on first use; until then the list
 * holds the state's JSON only, so 50,000 tickets cost no decoding that
 * no row asked for.
 *
 * Identity. An update keeps the object the list handed out and copies
 * the new version's properties onto it: rows and detail panes bound to
 * it follow through `notify`, and a selection keeps it. That works when
 * every property that changed is writable and the object then writes
 * exactly the new JSON; otherwise (state not shown as a writable
 * property, such as a rule's phrases) the object is replaced with
 * `items-changed (pos, 1, 1)`. Tickets are always kept: a new version,
 * a new message included, is copied onto the same #PulseTicket with
 * pulse_ticket_update_from(), whose messages model then emits one
 * addition, and the list emits `items-changed (pos, 1, 1)` with that
 * same object, so filter and sort models look at it again. An item whose sort key changed moves with one `items-changed`
 * spanning its old and new positions, so GtkSingleSelection finds the
 * same object in the added range and keeps it selected.
 *
 * Batches: between pulse_entity_list_begin_batch() and
 * pulse_entity_list_end_batch() the content changes at once but
 * `items-changed` waits; the end emits one signal per stretch the batch
 * touched (up to %MAX_RANGES, else one covering the first to the last
 * position touched; see end_batch), so a view re-reads what changed, not
 * everything between a new ticket at the top and an old one updated far
 * below. Do not return to the main loop inside a batch.
 *
 * Fills in steps: pulse_entity_list_reset_in_steps() keeps a new
 * state's items waiting in an empty list; the first
 * pulse_entity_list_fill_step() calls make and sort their entries, and
 * each later one appends the next of them with one `items-changed` at
 * the end, so 5,000 tickets and the views that follow them are spread
 * over several main-loop turns instead of one.
 * The list holds, and announces, only what was appended so far; a
 * change (pulse_entity_list_apply(), a batch) first appends the rest,
 * and a reset drops what waits, never shown.
 */

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PulseEntityList, pulse_entity_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_KIND,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint
_pulse_entity_list_get_length (PulseEntityList *self)
{
  return (guint) g_sequence_get_length (self->items);
}

/* Beyond this many stretches a batch is announced as one. */
#define MAX_RANGES 16

#define RANGE(i) (&g_array_index (ranges, PulseEntityRange, (i)))

/* All of a batch's stretches as one, from the first to the last. */
static void
collapse_ranges (GArray *ranges)
{
  PulseEntityRange all = { RANGE (0)->position, 0, 0 };
  guint end = RANGE (ranges->len - 1)->position + RANGE (ranges->len - 1)->added;
  guint added = 0;

  for (guint i = 0; i < ranges->len; i++)
    {
      all.removed += RANGE (i)->removed;
      added += RANGE (i)->added;
    }
  all.added = end - all.position;
  all.removed += all.added - added;  /* the untouched items between them */
  g_array_set_size (ranges, 0);
  g_array_append_val (ranges, all);
}

/* Merges a change (in the list as it was just before it) into the
 * batch's stretches, which are in the list as it is now. */
static void
note_range (GArray *ranges,
            guint   position,
            guint   removed,
            guint   added)
{
  PulseEntityRange merged = { position, 0, 0 };
  guint end = position + removed;
  guint covered = 0;
  guint first, last;

  /* The stretches the change overlaps or touches. */
  for (first = 0; first < ranges->len; first++)
    {
      if (RANGE (first)->position + RANGE (first)->added >= position)
        break;
    }
  for (last = first; last < ranges->len && RANGE (last)->position <= position + removed; last++)
    {
      merged.position = MIN (merged.position, RANGE (last)->position);
      end = MAX (end, RANGE (last)->position + RANGE (last)->added);
      merged.removed += RANGE (last)->removed;
      covered += RANGE (last)->added;
    }

  /* In [merged.position, end) what no stretch covered was untouched. */
  merged.removed += end - merged.position - covered;
  merged.added = end - merged.position - removed + added;
  for (guint i = last; i < ranges->len; i++)
    RANGE (i)->position = RANGE (i)->position + added - removed;
  g_array_remove_range (ranges, first, last - first);
  g_array_insert_val (ranges, first, merged);
  if (ranges->len > MAX_RANGES)
    collapse_ranges (ranges);
}

/* Announces that @removed items at @position became @added, now or at
 * the batch's end. */
void
_pulse_entity_list_changed (PulseEntityList *self,
                            guint            position,
                            guint            removed,
                            guint            added)
{
  if (self->batch_depth > 0)
    {
      note_range (self->batch_ranges, position, removed, added);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static PulseEntityEntry *
entry_at (PulseEntityList *self,
          guint            position)
{
  GSequenceIter *iter = g_sequence_get_iter_at_pos (self->items, position);

  return g_sequence_iter_is_end (iter) ? NULL : g_sequence_get (iter);
}

GObject *
_pulse_entity_list_object (PulseEntityList  *self,
                           PulseEntityEntry *entry)
{
  if (entry->object == NULL)
    entry->object = _pulse_entity_decode (self->kind, entry);

  return entry->object;
}

static gpointer
pulse_entity_list_get_item (GListModel *model,
                            guint       position)
{
  PulseEntityList *self = PULSE_ENTITY_LIST (model);
  PulseEntityEntry *entry = entry_at (self, position);

  return entry != NULL ? g_object_ref (_pulse_entity_list_object (self, entry)) : NULL;
}

static GType
pulse_entity_list_get_item_type (GListModel *model)
{
  return PULSE_ENTITY_LIST (model)->kind->get_type ();
}

static guint
pulse_entity_list_get_n_items (GListModel *model)
{
  return _pulse_entity_list_get_length (PULSE_ENTITY_LIST (model));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item = pulse_entity_list_get_item;
  iface->get_item_type = pulse_entity_list_get_item_type;
  iface->get_n_items = pulse_entity_list_get_n_items;
}

static void
pulse_entity_list_finalize (GObject *object)
{
  PulseEntityList *self = (PulseEntityList *)object;

  _pulse_entity_list_drop_staged (self);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_sequence_free);
  g_clear_pointer (&self->batch_ranges, g_array_unref);

  G_OBJECT_CLASS (pulse_entity_list_parent_class)->finalize (object);
}

static void
pulse_entity_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PulseEntityList *self = PULSE_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind->kind);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->kind->get_type ());
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, _pulse_entity_list_get_length (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_entity_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PulseEntityList *self = PULSE_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = _pulse_entity_kind_find (g_value_get_uint (value));
      if (self->kind == NULL)
        {
          g_critical ("No entity list holds state kind %u; holding tickets",
                      g_value_get_uint (value));
          self->kind = _pulse_entity_kind_find (PULSE_STATE_KIND_TICKET);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_entity_list_class_init (PulseEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_entity_list_finalize;
  object_class->get_property = pulse_entity_list_get_property;
  object_class->set_property = pulse_entity_list_set_property;

  /**
   * PulseEntityList:kind:
   *
   * The #PulseStateKind the list holds; any kind but applications.
   */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, PULSE_STATE_KIND_QUEUE, PULSE_STATE_KIND_TICKET,
                       PULSE_STATE_KIND_TICKET,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PulseEntityList:item-type:
   *
   * The #GType of the items, as g_list_model_get_item_type() gives it.
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * PulseEntityList:n-items:
   *
   * How many items the list holds; notified after `items-changed`.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_entity_list_init (PulseEntityList *self)
{
  self->items = g_sequence_new ((GDestroyNotify) _pulse_entity_entry_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->batch_ranges = g_array_new (FALSE, FALSE, sizeof (PulseEntityRange));
}

/**
 * pulse_entity_list_new:
 * @kind: what the list holds: any #PulseStateKind but
 *   %PULSE_STATE_KIND_NONE and %PULSE_STATE_KIND_APPLICATIONS
 *
 * Returns: (transfer full): an empty list; fill it with
 *   pulse_entity_list_reset().
 */
PulseEntityList *
pulse_entity_list_new (PulseStateKind kind)
{
  g_return_val_if_fail (_pulse_entity_kind_find (kind) != NULL, NULL);

  return g_object_new (PULSE_TYPE_ENTITY_LIST, "kind", (guint) kind, NULL);
}

/**
 * pulse_entity_list_get_kind:
 *
 * Returns: the kind of item the list holds.
 */
PulseStateKind
pulse_entity_list_get_kind (PulseEntityList *self)
{
  g_return_val_if_fail (PULSE_IS_ENTITY_LIST (self), PULSE_STATE_KIND_NONE);

  return self->kind->kind;
}

/**
 * pulse_entity_list_begin_batch:
 *
 * Holds `items-changed` back until the matching
 * pulse_entity_list_end_batch(); batches nest. Property notifications of
 * objects updated in place are not held.
 */
void
pulse_entity_list_begin_batch (PulseEntityList *self)
{
  g_return_if_fail (PULSE_IS_ENTITY_LIST (self));

  /* What a batch changes must find the whole fill in place. */
  _pulse_entity_list_finish_fill (self);
  if (self->batch_depth++ == 0)
    {
      g_array_set_size (self->batch_ranges, 0);
      self->batch_n_before = _pulse_entity_list_get_length (self);
    }
}

/**
 * pulse_entity_list_end_batch:
 *
 * Ends a batch. The outermost end emits one `items-changed` per stretch
 * of the list the batch touched, first to last, each from the list as
 * the signals before it left it to the list as it is now (so a view
 * replaying them in order reads each added item where it now is).
 * Untouched items between and around them are the same objects at the
 * same places. Past %MAX_RANGES stretches, one signal covers the first
 * to the last position touched.
 */
void
pulse_entity_list_end_batch (PulseEntityList *self)
{
  g_autoptr(GArray) ranges = NULL;

  g_return_if_fail (PULSE_IS_ENTITY_LIST (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0 || self->batch_ranges->len == 0)
    return;

  /* A handler may start a batch of its own. */
  ranges = g_steal_pointer (&self->batch_ranges);
  self->batch_ranges = g_array_new (FALSE, FALSE, sizeof (PulseEntityRange));
  for (guint i = 0; i < ranges->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), RANGE (i)->position, RANGE (i)->removed,
                                RANGE (i)->added);
  if (_pulse_entity_list_get_length (self) != self->batch_n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * pulse_entity_list_lookup:
 * @id: an item's id
 *
 * Returns: (transfer none) (nullable) (type GObject): the item with @id,
 *   or %NULL; it stays valid while the list holds it.
 */
gpointer
pulse_entity_list_lookup (PulseEntityList *self,
                          const char      *id)
{
  PulseEntityEntry *entry;

  g_return_val_if_fail (PULSE_IS_ENTITY_LIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = g_hash_table_lookup (self->by_id, id);
  return entry != NULL ? _pulse_entity_list_object (self, entry) : NULL;
}

/**
 * pulse_entity_list_find:
 * @id: an item's id
 * @position: (out) (optional): where it is
 *
 * Finds an item's position in O(log n), without decoding it.
 *
 * Returns: %TRUE if the list holds @id.
 */
gboolean
pulse_entity_list_find (PulseEntityList *self,
                        const char      *id,
                        guint           *position)
{
  PulseEntityEntry *entry;

  g_return_val_if_fail (PULSE_IS_ENTITY_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  entry = g_hash_table_lookup (self->by_id, id);
  if (entry != NULL && position != NULL)
    *position = g_sequence_iter_get_position (entry->iter);

  return entry != NULL;
}
