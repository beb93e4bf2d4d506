/* pulse-item-diff.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * PulseItemChange:
 * @member: the top-level member that differs
 * @before: (nullable): its value on the left, as short text; %NULL if absent
 * @after: (nullable): its value on the right, as short text; %NULL if absent
 *
 * One difference between two versions of a managed item.
 */
typedef struct
{
  char *member;
  char *before;
  char *after;
} PulseItemChange;

void       pulse_item_change_free (PulseItemChange *change);
GPtrArray *pulse_item_diff        (JsonNode        *before,
                                   JsonNode        *after);
char      *pulse_item_value_text  (JsonNode        *value);

G_END_DECLS
