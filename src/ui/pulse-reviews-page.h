/* pulse-reviews-page.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-review-form.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_REVIEWS_PAGE (pulse_reviews_page_get_type ())

G_DECLARE_FINAL_TYPE (PulseReviewsPage, pulse_reviews_page, PULSE, REVIEWS_PAGE, AdwBin)

GtkWidget       *pulse_reviews_page_new         (PulseSession     *session);
GListModel      *pulse_reviews_page_get_queue   (PulseReviewsPage *self);
PulseReviewForm *pulse_reviews_page_get_form    (PulseReviewsPage *self);
gboolean         pulse_reviews_page_open        (PulseReviewsPage *self,
                                                 const char       *sample_id);

G_END_DECLS
