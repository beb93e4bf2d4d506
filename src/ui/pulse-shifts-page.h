/* pulse-shifts-page.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SHIFTS_PAGE (pulse_shifts_page_get_type ())

G_DECLARE_FINAL_TYPE (PulseShiftsPage, pulse_shifts_page, PULSE, SHIFTS_PAGE, AdwBin)

GtkWidget *pulse_shifts_page_new           (PulseSession    *session);
GDateTime *pulse_shifts_page_get_first_day (PulseShiftsPage *self);
void       pulse_shifts_page_set_week      (PulseShiftsPage *self,
                                            GDateTime       *first_day);

G_END_DECLS
