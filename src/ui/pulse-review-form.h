/* pulse-review-form.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-review-form-state.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_REVIEW_FORM (pulse_review_form_get_type ())

G_DECLARE_FINAL_TYPE (PulseReviewForm, pulse_review_form, PULSE, REVIEW_FORM, AdwBin)

GtkWidget            *pulse_review_form_new        (PulseSession      *session);
PulseReviewSample    *pulse_review_form_get_sample (PulseReviewForm   *self);
void                  pulse_review_form_set_sample (PulseReviewForm   *self,
                                                    PulseReviewSample *sample);
PulseReviewFormState *pulse_review_form_get_state  (PulseReviewForm   *self);
int                   pulse_review_form_get_current (PulseReviewForm  *self);

G_END_DECLS
