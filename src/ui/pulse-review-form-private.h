/* pulse-review-form-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseReviewForm is split by concern: pulse-review-form.c keeps the rows,
 * the keys and the state they show; pulse-review-form-session.c holds the
 * round trips to the session: the scorecard version a sample was drawn on
 * (fetched from its history when the session has a newer one) and saving
 * the review through the outbox.
 */

#pragma once

#include "pulse-conversation-view.h"
#include "pulse-review-form.h"

G_BEGIN_DECLS

struct _PulseReviewForm
{
  AdwBin                 parent_instance;

  PulseConversationView *conversation;
  GtkLabel              *title_label;
  GtkLabel              *subtitle_label;
  GtkLabel              *progress_label;
  GtkLabel              *score_label;
  GtkLabel              *read_only_label;
  GtkBox                *criteria_box;

  PulseSession          *session;
  GCancellable          *cancellable;
  GHashTable            *old_scorecards;
  PulseReviewFormState  *state;
  GPtrArray             *rows;
  int                    current;
};

gpointer        _pulse_review_form_lookup         (PulseReviewForm   *self,
                                                   PulseStateKind     kind,
                                                   const char        *id);
char           *_pulse_review_form_dup_agent_name (PulseReviewForm   *self,
                                                   PulseReviewSample *sample);
void            _pulse_review_form_start          (PulseReviewForm   *self,
                                                   PulseReviewSample *sample);
PulseScorecard *_pulse_review_form_find_scorecard (PulseReviewForm   *self,
                                                   PulseReviewSample *sample);
void            _pulse_review_form_save           (PulseReviewForm   *self,
                                                   PulseReviewStatus  status);

G_END_DECLS
