/* pulse-item-kind.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The managed collections the server offers CRUD on, each with its core
 * codec and the permission that edits it.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-role-policy.h"

G_BEGIN_DECLS

typedef GObject    *(*PulseItemDecodeFunc)     (JsonNode *node, GError **error);
typedef JsonNode   *(*PulseItemEncodeFunc)     (gpointer item);
typedef const char *(*PulseItemGetIdFunc)      (gpointer item);
typedef void        (*PulseItemSetVersionFunc) (gpointer item, gint64 version);

/**
 * PulseItemKind:
 * @collection: the path segment and snapshot member ("rules")
 * @kind: the stored kind, audit entity type and event prefix ("rule")
 * @edit: the permission that creates, updates and deletes
 *
 * One managed collection.
 */
typedef struct
{
  const char              *collection;
  const char              *kind;
  PulsePermission          edit;
  PulseItemDecodeFunc      decode;
  PulseItemEncodeFunc      encode;
  PulseItemGetIdFunc       get_id;
  PulseItemSetVersionFunc  set_version;
} PulseItemKind;

const PulseItemKind *pulse_item_kind_get_all         (guint      *n_kinds);
const PulseItemKind *pulse_item_kind_find_collection (const char *collection);
const PulseItemKind *pulse_item_kind_find            (const char *kind);

G_END_DECLS
