/* pulse-mentorship-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-mentorship.c (the GObject) and pulse-mentorship-json.c
 * (its codec), and by nothing else.
 */

#pragma once

#include "pulse-mentorship.h"

G_BEGIN_DECLS

struct _PulseMentorship
{
  GObject                  parent_instance;

  char                    *id;
  gint64                   version;
  char                    *mentor_id;
  char                    *newcomer_id;
  PulseMentorshipStatus    status;
  gint64                   started_at;
  GPtrArray               *plan;
  gint64                   test_at;
  double                   test_score;
  PulseMentorshipDecision  decision;
  char                    *notes;
};

G_END_DECLS
