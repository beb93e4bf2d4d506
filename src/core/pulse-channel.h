/* pulse-channel.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_CHANNEL (pulse_channel_get_type ())

G_DECLARE_FINAL_TYPE (PulseChannel, pulse_channel, PULSE, CHANNEL, GObject)

PulseChannel     *pulse_channel_new                    (const char       *id,
                                                        PulseChannelKind  kind);
PulseChannel     *pulse_channel_new_from_json          (JsonNode         *node,
                                                        GError          **error);
JsonNode         *pulse_channel_to_json                (PulseChannel     *self);
const char       *pulse_channel_get_id                 (PulseChannel     *self);
gint64            pulse_channel_get_version            (PulseChannel     *self);
void              pulse_channel_set_version            (PulseChannel     *self,
                                                        gint64            version);
PulseChannelKind  pulse_channel_get_kind               (PulseChannel     *self);
const char       *pulse_channel_get_name               (PulseChannel     *self);
gboolean          pulse_channel_get_realtime           (PulseChannel     *self);
int               pulse_channel_get_sl_target_seconds  (PulseChannel     *self);
gboolean          pulse_channel_get_enabled            (PulseChannel     *self);

G_END_DECLS
