/* pulse-connection-indicator-state.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

/**
 * PulseConnectionIndicatorState:
 * @icon_name: a symbolic icon from the Adwaita theme
 * @label: the short, translated state ("Live", "Offline")
 * @css_class: the state's style class on the indicator
 * @tooltip: (owned): the server and the age of the data, one per line
 *
 * What the connection indicator shows. Every state has an icon and a
 * label as well as a colour, so colour is never the only cue.
 */
typedef struct
{
  const char *icon_name;
  const char *label;
  const char *css_class;
  char       *tooltip;
} PulseConnectionIndicatorState;

void  pulse_connection_indicator_state_compute (PulseConnectionIndicatorState *state,
                                                PulseConnectionState           connection_state,
                                                const char                    *server_url,
                                                gint64                         last_event_at,
                                                gint64                         now);
void  pulse_connection_indicator_state_clear   (PulseConnectionIndicatorState *state);
char *pulse_connection_indicator_format_age    (gint64                         last_event_at,
                                                gint64                         now);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PulseConnectionIndicatorState,
                                  pulse_connection_indicator_state_clear)

G_END_DECLS
