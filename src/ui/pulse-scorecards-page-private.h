/* pulse-scorecards-page-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-audit-list.h"
#include "pulse-scorecard-edit.h"
#include "pulse-scorecards-page.h"

G_BEGIN_DECLS

struct _PulseScorecardsPage
{
  AdwBin              parent_instance;

  GtkListBox         *list;
  GtkStack           *editor_stack;
  GtkLabel           *hint_label;
  GtkEntry           *name_entry;
  GtkLabel           *version_label;
  GtkBox             *sections_box;
  GtkLabel           *problem_label;
  PulseAuditList     *audit;

  PulseSession       *session;
  PulseScorecard     *scorecard;
  PulseScorecardEdit *edit;
  gboolean            dirty;
  gboolean            showing;
};

void       _pulse_scorecards_page_changed       (PulseScorecardsPage             *self);
GtkWidget *_pulse_scorecards_page_section_block (PulseScorecardsPage             *self,
                                                 const PulseScorecardEditSection *section,
                                                 guint                            index);

G_END_DECLS
