/* pulse-scorecard-section.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-scorecard-criterion.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SCORECARD_SECTION (pulse_scorecard_section_get_type ())

typedef struct _PulseScorecardSection PulseScorecardSection;

/**
 * PulseScorecardSection:
 * @name: the heading reviewers see ("Tone", "Compliance")
 * @criteria: (element-type PulseScorecardCriterion): the section's
 *   criteria in order, owned by the section; may be empty
 *
 * A group of criteria on a scorecard. Wire form: `{"name","criteria"}`;
 * criteria may be absent (empty).
 */
struct _PulseScorecardSection
{
  char      *name;
  GPtrArray *criteria;
};

GType                  pulse_scorecard_section_get_type      (void) G_GNUC_CONST;
PulseScorecardSection *pulse_scorecard_section_new           (const char                   *name);
PulseScorecardSection *pulse_scorecard_section_copy          (const PulseScorecardSection  *self);
void                   pulse_scorecard_section_free          (PulseScorecardSection        *self);
PulseScorecardSection *pulse_scorecard_section_new_from_json (JsonNode                     *node,
                                                              GError                      **error);
JsonNode              *pulse_scorecard_section_to_json       (const PulseScorecardSection  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseScorecardSection, pulse_scorecard_section_free)

G_END_DECLS
