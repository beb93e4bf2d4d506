/* pulse-review-criterion-row.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-review-form-state.h"

G_BEGIN_DECLS

#define PULSE_TYPE_REVIEW_CRITERION_ROW (pulse_review_criterion_row_get_type ())

G_DECLARE_FINAL_TYPE (PulseReviewCriterionRow, pulse_review_criterion_row, PULSE,
                      REVIEW_CRITERION_ROW, GtkBox)

GtkWidget *pulse_review_criterion_row_new        (guint                      index);
guint      pulse_review_criterion_row_get_index  (PulseReviewCriterionRow   *self);
void       pulse_review_criterion_row_show       (PulseReviewCriterionRow   *self,
                                                  const PulseReviewFormLine *line,
                                                  gboolean                   editable);
void       pulse_review_criterion_row_focus      (PulseReviewCriterionRow   *self);

G_END_DECLS
