/* pulse-entity-list-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-entity-list.c (the model), pulse-entity-list-kinds.c
 * (what each kind decodes to and sorts by) and pulse-entity-list-update.c
 * (copying a new version onto the object a view already holds).
 */

#pragma once

#include "pulse-entity-list.h"
#include "pulse-json-list.h"

G_BEGIN_DECLS

/* How a kind sorts: by a number (ascending or descending), or by a
 * collation key of its name; the id breaks every tie. */
typedef enum
{
  PULSE_ENTITY_SORT_NAME,
  PULSE_ENTITY_SORT_ASCENDING,
  PULSE_ENTITY_SORT_DESCENDING,
} PulseEntitySort;

typedef struct
{
  PulseStateKind           kind;
  const char              *collection;  /* its member in pulse_state_to_json() */
  GType                  (*get_type) (void);
  PulseJsonListDecodeFunc  decode;
  PulseJsonListEncodeFunc  encode;
  PulseEntitySort          sort;
  const char              *key_member;  /* the canonical JSON member sorted on */
  gboolean                 key_is_time; /* an RFC 3339 string, else an integer */
} PulseEntityKind;

/* One item. The canonical JSON is shared with the state (nodes there are
 * never changed in place); the object is made on first get_item(). */
typedef struct
{
  char          *id;
  JsonNode      *node;
  GObject       *object;    /* NULL until someone asked for it */
  gint64         key;       /* number kinds */
  char          *name_key;  /* name kinds: g_utf8_collate_key() of the folded name */
  GSequenceIter *iter;
} PulseEntityEntry;

struct _PulseEntityList
{
  GObject                parent_instance;

  const PulseEntityKind *kind;
  GSequence             *items;       /* PulseEntityEntry, owned, in list order */
  GHashTable            *by_id;       /* entry->id → entry */

  GPtrArray             *staged_nodes; /* a fill's nodes (references), made into `staged` in steps */
  GPtrArray             *staged;       /* entries sorted, not in the list yet (a fill in steps) */
  guint                  staged_next;  /* the first of them not taken */

  guint                  batch_depth;
  GArray                *batch_ranges; /* PulseEntityRange, disjoint, ascending */
  guint                  batch_n_before;
};

/* What a batch changed in one stretch of the list: @removed items as it
 * was before the batch became the @added now at @position (counted in
 * the list as it is now). Between two ranges the items are untouched. */
typedef struct
{
  guint position;
  guint removed;
  guint added;
} PulseEntityRange;

void                   _pulse_entity_list_changed       (PulseEntityList        *self,
                                                         guint                   position,
                                                         guint                   removed,
                                                         guint                   added);
guint                  _pulse_entity_list_get_length    (PulseEntityList        *self);
void                   _pulse_entity_list_drop_staged   (PulseEntityList        *self);
void                   _pulse_entity_list_finish_fill   (PulseEntityList        *self);
GObject               *_pulse_entity_list_object        (PulseEntityList        *self,
                                                         PulseEntityEntry       *entry);

const PulseEntityKind *_pulse_entity_kind_find          (PulseStateKind          kind);
PulseEntityEntry      *_pulse_entity_entry_new          (const PulseEntityKind  *kind,
                                                         const char             *id,
                                                         JsonNode               *node);
void                   _pulse_entity_entry_free         (PulseEntityEntry       *entry);
void                   _pulse_entity_read_key           (const PulseEntityKind  *kind,
                                                         JsonNode               *node,
                                                         gint64                 *key,
                                                         char                  **name_key);
int                    _pulse_entity_entry_compare      (gconstpointer           a,
                                                         gconstpointer           b,
                                                         gpointer                kind);
GObject               *_pulse_entity_decode             (const PulseEntityKind  *kind,
                                                         PulseEntityEntry       *entry);
gboolean               _pulse_entity_update_in_place    (const PulseEntityKind  *kind,
                                                         GObject                *target,
                                                         GObject                *source,
                                                         JsonNode               *canonical);

G_END_DECLS
