/* pulse-mentor-figures.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-agent.h"
#include "pulse-session.h"

G_BEGIN_DECLS

void pulse_mentor_figures_fill (GtkListBox          *list,
                                AdwPreferencesGroup *group,
                                PulseSession        *session,
                                PulseAgent          *newcomer);

G_END_DECLS
