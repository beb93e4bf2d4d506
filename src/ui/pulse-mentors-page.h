/* pulse-mentors-page.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_MENTORS_PAGE (pulse_mentors_page_get_type ())

G_DECLARE_FINAL_TYPE (PulseMentorsPage, pulse_mentors_page, PULSE, MENTORS_PAGE, AdwBin)

GtkWidget *pulse_mentors_page_new (PulseSession *session);

G_END_DECLS
