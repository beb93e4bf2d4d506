/* pulse-quality-page.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-quality-board.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_QUALITY_PAGE (pulse_quality_page_get_type ())

G_DECLARE_FINAL_TYPE (PulseQualityPage, pulse_quality_page, PULSE, QUALITY_PAGE, AdwBin)

GtkWidget *pulse_quality_page_new (PulseSession *session);

GBytes *pulse_quality_page_dup_csv (PulseQualityPage *self,
                                    PulseQualityList  list);

G_END_DECLS
