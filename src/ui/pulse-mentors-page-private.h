/* pulse-mentors-page-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseMentorsPage is split by concern: pulse-mentors-page.c follows the
 * session and rebuilds the page when what it shows changed;
 * pulse-mentors-page-rows.c makes the rows it shows.
 */

#pragma once

#include "pulse-mentor-detail.h"
#include "pulse-mentors-board.h"
#include "pulse-mentors-page.h"

G_BEGIN_DECLS

struct _PulseMentorsPage
{
  AdwBin             parent_instance;

  GtkStack          *stack;
  AdwLeaflet        *leaflet;
  GtkWidget         *detail_box;
  GtkWidget         *back_button;
  GtkLabel          *hint;
  GtkWidget         *overdue_group;
  GtkListBox        *overdue_list;
  GtkListBox        *newcomers_list;
  GtkWidget         *mentors_group;
  GtkListBox        *mentors_list;
  GtkStack          *detail_stack;
  PulseMentorDetail *detail;

  PulseSession      *session;
  GListModel        *mentorships;
  GListModel        *agents;
  GListModel        *teams;
  guint              rebuild_id;
  char              *signature;
  char              *selected;
  gboolean           building;
};

GtkWidget *_pulse_mentors_page_newcomer_row (PulseMentorsBoard *board,
                                             PulseAgent        *agent);
void       _pulse_mentors_page_fill_overdue (PulseMentorsPage  *self,
                                             PulseMentorsBoard *board);
void       _pulse_mentors_page_fill_mentors (PulseMentorsPage  *self,
                                             PulseMentorsBoard *board);

G_END_DECLS
