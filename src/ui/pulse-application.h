/* pulse-application.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PULSE_TYPE_APPLICATION (pulse_application_get_type ())

G_DECLARE_FINAL_TYPE (PulseApplication, pulse_application, PULSE, APPLICATION, AdwApplication)

PulseApplication *pulse_application_new (void);

G_END_DECLS
