/* pulse-channel-set.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NOTE for other codecs (PulseAgent, queues…): this is the shared helper for
 * a set of channels. In memory a set is a guint bitmask of
 * PULSE_CHANNEL_SET_BIT (kind); on the wire it is an array of channel nicks
 * (["email","chat"]) in enum order. The empty set means "every channel".
 * Use pulse_channel_set_read() / pulse_channel_set_write() rather than a
 * copy of the loop; tests are in tests/test-channel-set.c.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-json.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_CHANNEL_SET_BIT(kind) (1u << (guint) (kind))

/* Every bit that names a channel kind; PulseChannelKind ends at IN_APP
 * (tests/test-channel-set.c fails if a kind is added after it). */
#define PULSE_CHANNEL_SET_MASK (PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_IN_APP + 1) - 1)

gboolean  pulse_channel_set_read      (PulseJsonReader *reader,
                                       const char      *member,
                                       guint           *out);
void      pulse_channel_set_write     (JsonBuilder     *builder,
                                       const char      *member,
                                       guint            set);
gboolean  pulse_channel_set_contains  (guint            set,
                                       PulseChannelKind kind);

G_END_DECLS
