/* pulse-followups-view.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_FOLLOWUPS_VIEW (pulse_followups_view_get_type ())

G_DECLARE_FINAL_TYPE (PulseFollowupsView, pulse_followups_view, PULSE, FOLLOWUPS_VIEW, AdwBin)

GtkWidget *pulse_followups_view_new (PulseSession *session);

G_END_DECLS
