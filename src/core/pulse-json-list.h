/* pulse-json-list.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arrays of nested values ("phrases", "grades", "plan"): each item is
 * decoded by its own codec, and a problem is reported with the item's path
 * ("phrases[1].mode: unknown value “fuzzy”").
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-json.h"

G_BEGIN_DECLS

typedef gpointer  (*PulseJsonListDecodeFunc) (JsonNode *node, GError **error);
typedef JsonNode *(*PulseJsonListEncodeFunc) (gconstpointer item);

/* Codecs return their own struct type; these cast them for the list. */
#define PULSE_JSON_LIST_DECODE(f) ((PulseJsonListDecodeFunc) (void (*) (void)) (f))
#define PULSE_JSON_LIST_ENCODE(f) ((PulseJsonListEncodeFunc) (void (*) (void)) (f))

GPtrArray *pulse_json_list_read   (PulseJsonReader         *reader,
                                   const char              *member,
                                   PulseJsonFlags           flags,
                                   PulseJsonListDecodeFunc  decode,
                                   GDestroyNotify           free_func);
void       pulse_json_list_write  (JsonBuilder             *builder,
                                   const char              *member,
                                   GPtrArray               *items,
                                   PulseJsonListEncodeFunc  encode);

G_END_DECLS
