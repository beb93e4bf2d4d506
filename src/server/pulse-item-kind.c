/* pulse-item-kind.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-calibration-session.h"
#include "pulse-followup.h"
#include "pulse-item-kind.h"
#include "pulse-mentorship.h"
#include "pulse-review-sample.h"
#include "pulse-rule.h"
#include "pulse-scorecard.h"
#include "pulse-shift.h"
#include "pulse-template.h"

/* The codecs take their own types; the table holds them as generic ones. */
#define DECODE(f)      ((PulseItemDecodeFunc) (void (*) (void)) (f))
#define ENCODE(f)      ((PulseItemEncodeFunc) (void (*) (void)) (f))
#define GET_ID(f)      ((PulseItemGetIdFunc) (void (*) (void)) (f))
#define SET_VERSION(f) ((PulseItemSetVersionFunc) (void (*) (void)) (f))

#define KIND(collection, kind, edit, prefix) \
  { collection, kind, edit, DECODE (prefix##_new_from_json), ENCODE (prefix##_to_json), \
    GET_ID (prefix##_get_id), SET_VERSION (prefix##_set_version) }

/* The role matrix of DESIGN.md decides who edits each collection. */
static const PulseItemKind kinds[] = {
  KIND ("rules", "rule", PULSE_PERMISSION_EDIT_RULES, pulse_rule),
  KIND ("templates", "template", PULSE_PERMISSION_EDIT_TEMPLATES, pulse_template),
  KIND ("scorecards", "scorecard", PULSE_PERMISSION_EDIT_SCORECARDS, pulse_scorecard),
  KIND ("mentorships", "mentorship", PULSE_PERMISSION_EDIT_MENTORSHIPS, pulse_mentorship),
  KIND ("shifts", "shift", PULSE_PERMISSION_EDIT_SHIFTS, pulse_shift),
  KIND ("reviews", "review", PULSE_PERMISSION_EDIT_REVIEWS, pulse_review_sample),
  KIND ("followups", "followup", PULSE_PERMISSION_EDIT_FOLLOWUPS, pulse_followup),
  KIND ("calibrations", "calibration", PULSE_PERMISSION_SETTLE_CALIBRATIONS,
        pulse_calibration_session),
};

/**
 * pulse_item_kind_get_all:
 * @n_kinds: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_kinds): every managed collection.
 */
const PulseItemKind *
pulse_item_kind_get_all (guint *n_kinds)
{
  g_return_val_if_fail (n_kinds != NULL, NULL);

  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

/**
 * pulse_item_kind_find_collection:
 * @collection: a path segment such as "rules"
 *
 * Returns: (transfer none) (nullable): the collection, or %NULL.
 */
const PulseItemKind *
pulse_item_kind_find_collection (const char *collection)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (kinds[i].collection, collection) == 0)
        return &kinds[i];
    }

  return NULL;
}

/**
 * pulse_item_kind_find:
 * @kind: a stored kind such as "rule"
 *
 * Returns: (transfer none) (nullable): the collection, or %NULL.
 */
const PulseItemKind *
pulse_item_kind_find (const char *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (kinds[i].kind, kind) == 0)
        return &kinds[i];
    }

  return NULL;
}
