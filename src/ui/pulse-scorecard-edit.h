/* pulse-scorecard-edit.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-scorecard.h"

G_BEGIN_DECLS

/**
 * PulseScorecardEditCriterion:
 * @id: (nullable): the criterion's id; %NULL for one added in the editor,
 *   which gets an id from its name when saved
 * @name: what the reviewer checks
 * @description: (nullable): guidance for the reviewer
 * @weight: its share of the score
 * @critical: whether failing it scores the reply 0
 */
typedef struct
{
  char     *id;
  char     *name;
  char     *description;
  double    weight;
  gboolean  critical;
} PulseScorecardEditCriterion;

/**
 * PulseScorecardEditSection:
 * @name: the heading
 * @criteria: (element-type PulseScorecardEditCriterion): in order
 */
typedef struct
{
  char      *name;
  GPtrArray *criteria;
} PulseScorecardEditSection;

/**
 * PulseScorecardEdit:
 * @id: the scorecard's id
 * @version: the version edited, 0 for a new scorecard
 * @name: its name
 * @sections: (element-type PulseScorecardEditSection): in order
 *
 * A scorecard being edited, as plain data the editor changes freely; a
 * save turns it into the next version's wire form.
 */
typedef struct
{
  char      *id;
  gint64     version;
  char      *name;
  GPtrArray *sections;
} PulseScorecardEdit;

PulseScorecardEdit          *pulse_scorecard_edit_new           (PulseScorecard     *scorecard);
PulseScorecardEdit          *pulse_scorecard_edit_new_blank     (const char         *id,
                                                                 const char         *name);
void                         pulse_scorecard_edit_free          (PulseScorecardEdit *self);
PulseScorecardEditSection   *pulse_scorecard_edit_add_section   (PulseScorecardEdit *self,
                                                                 const char         *name);
PulseScorecardEditCriterion *pulse_scorecard_edit_add_criterion (PulseScorecardEdit *self,
                                                                 guint               section,
                                                                 const char         *name,
                                                                 double              weight);
void                         pulse_scorecard_edit_remove        (PulseScorecardEdit *self,
                                                                 guint               section,
                                                                 int                 criterion);
PulseScorecardEditCriterion *pulse_scorecard_edit_get_criterion (PulseScorecardEdit *self,
                                                                 guint               section,
                                                                 guint               criterion);
char                        *pulse_scorecard_edit_check         (PulseScorecardEdit *self);
JsonNode                    *pulse_scorecard_edit_to_json       (PulseScorecardEdit *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseScorecardEdit, pulse_scorecard_edit_free)

G_END_DECLS
