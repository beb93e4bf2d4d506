/* pulse-queue.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_QUEUE (pulse_queue_get_type ())

/* A week: the longest service-level target or patience we accept. */
#define PULSE_QUEUE_MAX_SECONDS (7 * 24 * 60 * 60)

G_DECLARE_FINAL_TYPE (PulseQueue, pulse_queue, PULSE, QUEUE, GObject)

PulseQueue       *pulse_queue_new                    (const char        *id);
PulseQueue       *pulse_queue_new_from_json          (JsonNode          *node,
                                                      GError           **error);
JsonNode         *pulse_queue_to_json                (PulseQueue        *self);
gboolean          pulse_queue_country_is_valid       (const char        *country);
gboolean          pulse_queue_language_is_valid      (const char        *language);
const char       *pulse_queue_get_id                 (PulseQueue        *self);
gint64            pulse_queue_get_version            (PulseQueue        *self);
void              pulse_queue_set_version            (PulseQueue        *self,
                                                      gint64             version);
const char       *pulse_queue_get_name               (PulseQueue        *self);
void              pulse_queue_set_name               (PulseQueue        *self,
                                                      const char        *name);
PulseChannelKind  pulse_queue_get_channel            (PulseQueue        *self);
const char       *pulse_queue_get_country            (PulseQueue        *self);
const char       *pulse_queue_get_language           (PulseQueue        *self);
const char       *pulse_queue_get_timezone           (PulseQueue        *self);
void              pulse_queue_set_timezone           (PulseQueue        *self,
                                                      const char        *timezone);
const char       *pulse_queue_get_team_id            (PulseQueue        *self);
void              pulse_queue_set_team_id            (PulseQueue        *self,
                                                      const char        *team_id);
int               pulse_queue_get_sl_target_seconds  (PulseQueue        *self);
void              pulse_queue_set_sl_target_seconds  (PulseQueue        *self,
                                                      int                seconds);
double            pulse_queue_get_sl_goal            (PulseQueue        *self);
void              pulse_queue_set_sl_goal            (PulseQueue        *self,
                                                      double             goal);
int               pulse_queue_get_patience_seconds   (PulseQueue        *self);
void              pulse_queue_set_patience_seconds   (PulseQueue        *self,
                                                      int                seconds);

G_END_DECLS
