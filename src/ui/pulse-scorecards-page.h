/* pulse-scorecards-page.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-scorecard-edit.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SCORECARDS_PAGE (pulse_scorecards_page_get_type ())

G_DECLARE_FINAL_TYPE (PulseScorecardsPage, pulse_scorecards_page, PULSE, SCORECARDS_PAGE, AdwBin)

GtkWidget          *pulse_scorecards_page_new      (PulseSession        *session);
gboolean            pulse_scorecards_page_open     (PulseScorecardsPage *self,
                                                    const char          *id);
PulseScorecardEdit *pulse_scorecards_page_get_edit (PulseScorecardsPage *self);

G_END_DECLS
