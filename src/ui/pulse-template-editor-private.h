/* pulse-template-editor-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-template-editor.c (loading, editing, saving) and
 * pulse-template-editor-check.c (what the editor shows about the draft:
 * marks in the text, the preview, lint, usage), so neither outgrows the
 * size budget.
 */

#pragma once

#include "pulse-channel.h"
#include "pulse-template-editor.h"

G_BEGIN_DECLS

#define N_CHANNELS (PULSE_CHANNEL_KIND_IN_APP + 1)

struct _PulseTemplateEditor
{
  AdwBin           parent_instance;

  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkLabel        *readonly_label;
  GtkWidget       *delete_button;
  GtkWidget       *save_button;
  GtkBox          *language_box;
  GtkWidget       *add_language_button;
  GtkBox          *add_language_box;
  AdwEntryRow     *name_row;
  AdwEntryRow     *section_row;
  AdwEntryRow     *category_row;
  AdwActionRow    *disclosure_row;
  GtkSwitch       *disclosure_switch;
  GtkFlowBox      *channels_box;
  GtkCheckButton  *channel_checks[N_CHANNELS];
  GtkWidget       *variables_button;
  GtkListBox      *variables_list;
  GtkTextView     *body_view;
  GtkLabel        *body_status;
  GtkLabel        *preview_label;
  GtkListBox      *lint_list;
  GtkLabel        *usage_label;
  GtkLabel        *csat_label;
  GtkBox          *audit_box;
  GtkWidget       *audit;

  PulseSession    *session;
  GPtrArray       *versions;   /* PulseTemplate, as the server has them */
  GHashTable      *drafts;     /* id → PulseTemplate: the family being edited */
  GHashTable      *dirty;      /* ids changed and not yet saved */
  char            *family;
  char            *current;
  GHashTable      *usage;      /* nullable: id → PulseTemplateUsage */
  gboolean         loading;
};

PulseTemplate *_pulse_template_editor_get_draft     (PulseTemplateEditor *self);
PulseTemplate *_pulse_template_editor_find_version  (PulseTemplateEditor *self,
                                                     const char          *id);
gboolean       _pulse_template_editor_can_edit      (PulseTemplateEditor *self);
void           _pulse_template_editor_load          (PulseTemplateEditor *self);
GPtrArray     *_pulse_template_editor_sorted_drafts (PulseTemplateEditor *self);
void           _pulse_template_editor_fill_languages (PulseTemplateEditor *self);
GStrv          _pulse_template_editor_dup_languages (PulseTemplateEditor *self);
void           _pulse_template_editor_refresh       (PulseTemplateEditor *self);
void           _pulse_template_editor_show_usage    (PulseTemplateEditor *self);
void           _pulse_template_editor_fill_variables (PulseTemplateEditor *self);
const char    *_pulse_template_editor_language_name (const char          *language);

G_END_DECLS
