/* pulse-review-form-state-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseReviewFormState is split by concern: pulse-review-form-state.c
 * keeps the lines and the grades as the reviewer sets them;
 * pulse-review-form-state-review.c scores them and builds the review.
 */

#pragma once

#include "pulse-review-form-state.h"

G_BEGIN_DECLS

struct _PulseReviewFormState
{
  PulseScorecard    *scorecard;
  PulseReviewSample *sample;
  GArray            *lines;
  const char        *read_only_reason;
  gboolean           can_edit;
  gboolean           dirty;
};

G_END_DECLS
