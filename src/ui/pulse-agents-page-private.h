/* pulse-agents-page-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseAgentsPage is split by concern: pulse-agents-page.c shows the
 * table, its states and the agent's detail, and exports the CSV;
 * pulse-agents-page-models.c sets up and follows the models under the
 * table.
 */

#pragma once

#include "pulse-agent-columns.h"
#include "pulse-agent-detail.h"
#include "pulse-agent-list.h"
#include "pulse-agents-page.h"

G_BEGIN_DECLS

struct _PulseAgentsPage
{
  AdwBin              parent_instance;

  PulseSession       *session;
  PulseAgentList     *list;
  PulseAgentColumns  *columns;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkStringList      *team_names;
  GPtrArray          *team_ids;
  char               *query;
  guint               tick_id;
  guint               flush_id;

  GtkStack           *main_stack;
  GtkStack           *content_stack;
  GtkWidget          *toolbar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *team_dropdown;
  GtkRevealer        *loading_revealer;
  GtkSpinner         *loading_spinner;
  GtkLabel           *loading_label;
  GtkColumnView      *column_view;
  PulseAgentDetail   *detail;
};

void _pulse_agents_page_update_loading (PulseAgentsPage *self);
void _pulse_agents_page_update_content (PulseAgentsPage *self);
void _pulse_agents_page_update_teams   (PulseAgentsPage *self);
void _pulse_agents_page_setup_models   (PulseAgentsPage *self);

G_END_DECLS
