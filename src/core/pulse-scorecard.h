/* pulse-scorecard.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-scorecard-criterion.h"
#include "pulse-scorecard-section.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SCORECARD (pulse_scorecard_get_type ())

G_DECLARE_FINAL_TYPE (PulseScorecard, pulse_scorecard, PULSE, SCORECARD, GObject)

PulseScorecard                *pulse_scorecard_new             (const char      *id);
PulseScorecard                *pulse_scorecard_new_from_json   (JsonNode        *node,
                                                                GError         **error);
JsonNode                      *pulse_scorecard_to_json         (PulseScorecard  *self);
const char                    *pulse_scorecard_get_id          (PulseScorecard  *self);
gint64                         pulse_scorecard_get_version     (PulseScorecard  *self);
void                           pulse_scorecard_set_version     (PulseScorecard  *self,
                                                                gint64           version);
const char                    *pulse_scorecard_get_name        (PulseScorecard  *self);
void                           pulse_scorecard_set_name        (PulseScorecard  *self,
                                                                const char      *name);
guint                          pulse_scorecard_get_n_sections  (PulseScorecard  *self);
const PulseScorecardSection   *pulse_scorecard_get_section     (PulseScorecard  *self,
                                                                guint            index);
guint                          pulse_scorecard_get_n_criteria  (PulseScorecard  *self);
const PulseScorecardCriterion *pulse_scorecard_find_criterion  (PulseScorecard  *self,
                                                                const char      *id);

G_END_DECLS
