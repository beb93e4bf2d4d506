/* pulse-review-sample-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-review-sample.c (the GObject) and
 * pulse-review-sample-json.c (its codec), and by nothing else.
 */

#pragma once

#include "pulse-review-sample.h"

G_BEGIN_DECLS

struct _PulseReviewSample
{
  GObject            parent_instance;

  char              *id;
  gint64             version;
  char              *ticket_id;
  char              *message_id;
  char              *agent_id;
  char              *reviewer_id;
  char              *scorecard_id;
  gint64             scorecard_version;
  PulseSampleReason  reason;
  PulseReviewStatus  status;
  GPtrArray         *grades;
  double             score;
  char              *calibration_group;
  gint64             created_at;
  gint64             submitted_at;
};

G_END_DECLS
