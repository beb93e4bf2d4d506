/* pulse-mentors-save.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-mentorship.h"
#include "pulse-session.h"

G_BEGIN_DECLS

void     pulse_mentors_toast    (GtkWidget       *widget,
                                 const char      *text);
gboolean pulse_mentors_can_edit (PulseSession    *session);
gboolean pulse_mentors_save     (GtkWidget       *widget,
                                 PulseMentorship *before,
                                 JsonNode        *after,
                                 const char      *title);

G_END_DECLS
