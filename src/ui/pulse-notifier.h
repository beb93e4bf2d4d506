/* pulse-notifier.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_NOTIFIER (pulse_notifier_get_type ())

G_DECLARE_FINAL_TYPE (PulseNotifier, pulse_notifier, PULSE, NOTIFIER, GObject)

PulseNotifier *pulse_notifier_new       (PulseSession *session,
                                         GSettings    *settings,
                                         GtkWindow    *window);
void           pulse_notifier_check     (PulseNotifier *self);
gboolean       pulse_notifier_is_raised (PulseNotifier *self,
                                         const char    *key);

G_END_DECLS
