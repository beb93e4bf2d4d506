/* pulse-mentor-detail-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseMentorDetail is split by concern: pulse-mentor-detail.c shows the
 * newcomer, their mentor, the final test and decision, and saves what is
 * changed there; pulse-mentor-detail-plan.c shows and edits the plan's
 * milestones.
 */

#pragma once

#include "pulse-mentor-detail.h"
#include "pulse-mentorship-plan.h"

G_BEGIN_DECLS

struct _PulseMentorDetail
{
  AdwBin               parent_instance;

  GtkLabel            *title;
  GtkLabel            *subtitle;
  AdwPreferencesGroup *mentor_group;
  GtkDropDown         *mentor_dropdown;
  GtkWidget           *assign_button;
  AdwPreferencesGroup *plan_group;
  GtkListBox          *plan_list;
  AdwPreferencesGroup *test_group;
  AdwActionRow        *test_row;
  GtkEntry            *test_entry;
  GtkSpinButton       *score_spin;
  AdwActionRow        *decision_row;
  GtkWidget           *decision_box;
  GtkWidget           *pass_button;
  GtkWidget           *extend_button;
  GtkWidget           *fail_button;
  AdwPreferencesGroup *kpi_group;
  GtkListBox          *kpi_list;
  AdwPreferencesGroup *audit_group;
  GtkWidget           *audit_list;

  PulseSession        *session;
  PulseAgent          *newcomer;
  PulseMentorship     *mentorship;
  GPtrArray           *candidates;
  gint64               now;
};

gboolean  _pulse_mentor_detail_save      (PulseMentorDetail *self,
                                          JsonNode          *after,
                                          const char        *title);
char     *_pulse_mentor_detail_dup_title (PulseMentorDetail *self);
void      _pulse_mentor_detail_fill_plan (PulseMentorDetail *self,
                                          gboolean           editable);

G_END_DECLS
