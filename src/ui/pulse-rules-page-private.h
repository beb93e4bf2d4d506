/* pulse-rules-page-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseRulesPage's insides, shared by pulse-rules-page.c (the list, its
 * figures and the editor) and pulse-rules-page-order.c (moving rules).
 */

#pragma once

#include "pulse-rule-bench.h"
#include "pulse-rules-page.h"

G_BEGIN_DECLS

struct _PulseRulesPage
{
  AdwBin            parent_instance;

  PulseRuleBench   *bench;
  GtkWidget        *new_button;
  GtkLabel         *rules_hint;
  GtkListBox       *rules_list;

  PulseSession     *session;
  GtkSortListModel *sorted;
  JsonNode         *figures;
  GCancellable     *cancellable;
  guint             figures_id;
  gboolean          figures_stale;
  char             *focus_id;
};

GPtrArray *_pulse_rules_page_ordered_rules     (PulseRulesPage *self);
gboolean   _pulse_rules_page_can_edit          (PulseRulesPage *self);
void       _pulse_rules_page_toast             (PulseRulesPage *self,
                                                const char     *text);
int        _pulse_rules_page_index_of          (PulseRulesPage *self,
                                                const char     *id);
gboolean   _pulse_rules_page_move_to           (PulseRulesPage *self,
                                                const char     *id,
                                                int             index);
void       _pulse_rules_page_add_drag_and_drop (GtkWidget      *row);
void       _pulse_rules_page_install_moves     (GtkWidgetClass *widget_class);

G_END_DECLS
