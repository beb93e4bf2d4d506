/* pulse-scorecard-criterion.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PULSE_TYPE_SCORECARD_CRITERION (pulse_scorecard_criterion_get_type ())

typedef struct _PulseScorecardCriterion PulseScorecardCriterion;

/**
 * PulseScorecardCriterion:
 * @id: unique within its scorecard; grades refer to it
 * @name: what the reviewer checks
 * @description: (nullable): guidance for the reviewer
 * @weight: its share of the score, above 0 and at most 100
 * @critical: a failed critical criterion makes the whole score 0
 *
 * One graded point of a scorecard. Wire form:
 * `{"id","name","description"?,"weight","critical"}`; critical defaults to
 * false.
 */
struct _PulseScorecardCriterion
{
  char     *id;
  char     *name;
  char     *description;
  double    weight;
  gboolean  critical;
};

GType                    pulse_scorecard_criterion_get_type      (void) G_GNUC_CONST;
PulseScorecardCriterion *pulse_scorecard_criterion_new           (const char   *id,
                                                                  const char   *name,
                                                                  double        weight,
                                                                  gboolean      critical);
PulseScorecardCriterion *pulse_scorecard_criterion_copy
                                    (const PulseScorecardCriterion  *self);
void                     pulse_scorecard_criterion_free
                                    (PulseScorecardCriterion        *self);
PulseScorecardCriterion *pulse_scorecard_criterion_new_from_json
                                    (JsonNode                       *node,
                                     GError                        **error);
JsonNode                *pulse_scorecard_criterion_to_json
                                    (const PulseScorecardCriterion  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseScorecardCriterion, pulse_scorecard_criterion_free)

G_END_DECLS
