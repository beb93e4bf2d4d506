/* pulse-entity-list.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-state.h"

G_BEGIN_DECLS

#define PULSE_TYPE_ENTITY_LIST (pulse_entity_list_get_type ())

G_DECLARE_FINAL_TYPE (PulseEntityList, pulse_entity_list, PULSE, ENTITY_LIST, GObject)

PulseEntityList *pulse_entity_list_new              (PulseStateKind           kind);
PulseStateKind   pulse_entity_list_get_kind         (PulseEntityList         *self);
void             pulse_entity_list_reset            (PulseEntityList         *self,
                                                     PulseState              *state);
gboolean         pulse_entity_list_reset_in_steps   (PulseEntityList         *self,
                                                     PulseState              *state);
gboolean         pulse_entity_list_fill_step        (PulseEntityList         *self,
                                                     guint                    max_items);
gboolean         pulse_entity_list_get_filling      (PulseEntityList         *self);
void             pulse_entity_list_reset_from_json  (PulseEntityList         *self,
                                                     JsonNode                *dump);
void             pulse_entity_list_apply            (PulseEntityList         *self,
                                                     const PulseStateChange  *change);
void             pulse_entity_list_begin_batch      (PulseEntityList         *self);
void             pulse_entity_list_end_batch        (PulseEntityList         *self);
gpointer         pulse_entity_list_lookup           (PulseEntityList         *self,
                                                     const char              *id);
gboolean         pulse_entity_list_find             (PulseEntityList         *self,
                                                     const char              *id,
                                                     guint                   *position);

G_END_DECLS
