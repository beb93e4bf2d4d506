/* pulse-scorecards-page-editor.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scorecard editor's widgets: a card per section with its name and
 * its criteria (name, weight, critical, guidance), each widget tagged
 * with the criterion it edits and writing straight into the page's
 * #PulseScorecardEdit. Adding and removing go through the page's actions.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-scorecards-page-private.h"

/* Which criterion a widget edits: its section and place, set when the
 * widget is made; -1 for a section's own widgets. */
static void
tag (GtkWidget *widget,
     guint      section,
     int        criterion)
{
  g_object_set_data (G_OBJECT (widget), "section", GUINT_TO_POINTER (section));
  g_object_set_data (G_OBJECT (widget), "criterion", GINT_TO_POINTER (criterion + 1));
}

static PulseScorecardEditCriterion *
tagged_criterion (PulseScorecardsPage *self,
                  gpointer             widget)
{
  guint section = GPOINTER_TO_UINT (g_object_get_data (widget, "section"));
  int criterion = GPOINTER_TO_INT (g_object_get_data (widget, "criterion")) - 1;

  return pulse_scorecard_edit_get_criterion (self->edit, section, criterion);
}

static void
on_criterion_name_changed_cb (GtkEditable         *editable,
                              PulseScorecardsPage *self)
{
  PulseScorecardEditCriterion *criterion;

  /* Filling the widgets to show the editor is no edit. */
  if (self->showing)
    return;

  criterion = tagged_criterion (self, editable);
  g_free (criterion->name);
  criterion->name = g_strdup (gtk_editable_get_text (editable));
  _pulse_scorecards_page_changed (self);
}

static void
on_description_changed_cb (GtkEditable         *editable,
                           PulseScorecardsPage *self)
{
  PulseScorecardEditCriterion *criterion;

  /* Filling the widgets to show the editor is no edit. */
  if (self->showing)
    return;

  criterion = tagged_criterion (self, editable);
  g_free (criterion->description);
  criterion->description = g_strdup (gtk_editable_get_text (editable));
  _pulse_scorecards_page_changed (self);
}

static void
on_weight_changed_cb (GtkSpinButton       *button,
                      PulseScorecardsPage *self)
{
  /* Filling the widgets to show the editor is no edit. */
  if (self->showing)
    return;

  tagged_criterion (self, button)->weight = gtk_spin_button_get_value (button);
  _pulse_scorecards_page_changed (self);
}

static void
on_critical_toggled_cb (GtkCheckButton      *button,
                        PulseScorecardsPage *self)
{
  /* Filling the widgets to show the editor is no edit. */
  if (self->showing)
    return;

  tagged_criterion (self, button)->critical = gtk_check_button_get_active (button);
  _pulse_scorecards_page_changed (self);
}

static void
on_section_name_changed_cb (GtkEditable         *editable,
                            PulseScorecardsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "section"));
  PulseScorecardEditSection *section;

  /* Filling the widgets to show the editor is no edit. */
  if (self->showing)
    return;

  section = g_ptr_array_index (self->edit->sections, index);
  g_free (section->name);
  section->name = g_strdup (gtk_editable_get_text (editable));
  _pulse_scorecards_page_changed (self);
}

static GtkWidget *
new_entry (const char *text,
           const char *placeholder,
           const char *name,
           guint       section,
           int         criterion,
           GCallback   callback,
           gpointer    self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_name (entry, name);
  tag (entry, section, criterion);
  g_signal_connect (entry, "changed", callback, self);
  return entry;
}

static GtkWidget *
remove_button (guint section,
               int   criterion,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "scorecards.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ui)", section, criterion);
  return button;
}

static GtkWidget *
criterion_block (PulseScorecardsPage               *self,
                 const PulseScorecardEditCriterion *criterion,
                 guint                              section,
                 guint                              index)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *weight = gtk_spin_button_new_with_range (1, 100, 1);
  GtkWidget *critical = gtk_check_button_new_with_label (C_("criterion", "Critical"));
  g_autofree char *name = g_strdup_printf ("criterion-name-%u-%u", section, index);
  g_autofree char *guidance = g_strdup_printf ("criterion-description-%u-%u", section, index);

  gtk_box_append (GTK_BOX (line), new_entry (criterion->name, _("Criterion"), name, section,
                                             index, G_CALLBACK (on_criterion_name_changed_cb),
                                             self));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (weight), criterion->weight);
  gtk_widget_set_tooltip_text (weight, _("Weight in the score"));
  tag (weight, section, index);
  g_signal_connect (weight, "value-changed", G_CALLBACK (on_weight_changed_cb), self);
  gtk_box_append (GTK_BOX (line), weight);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (critical), criterion->critical);
  gtk_widget_set_tooltip_text (critical, _("Failing this criterion scores the whole reply 0"));
  tag (critical, section, index);
  g_signal_connect (critical, "toggled", G_CALLBACK (on_critical_toggled_cb), self);
  gtk_box_append (GTK_BOX (line), critical);
  gtk_box_append (GTK_BOX (line), remove_button (section, index, _("Remove Criterion")));
  gtk_box_append (GTK_BOX (block), line);
  gtk_box_append (GTK_BOX (block),
                  new_entry (criterion->description, _("Guidance for reviewers"), guidance,
                             section, index, G_CALLBACK (on_description_changed_cb), self));
  return block;
}

GtkWidget *
_pulse_scorecards_page_section_block (PulseScorecardsPage             *self,
                                      const PulseScorecardEditSection *section,
                                      guint                            index)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *add = gtk_button_new_with_label (_("Add Criterion"));
  g_autofree char *name = g_strdup_printf ("section-name-%u", index);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "scorecard-section");
  gtk_box_append (GTK_BOX (header), new_entry (section->name, _("Section"), name, index, -1,
                                               G_CALLBACK (on_section_name_changed_cb), self));
  gtk_box_append (GTK_BOX (header), remove_button (index, -1, _("Remove Section")));
  gtk_box_append (GTK_BOX (card), header);
  for (guint j = 0; j < section->criteria->len; j++)
    gtk_box_append (GTK_BOX (card),
                    criterion_block (self, g_ptr_array_index (section->criteria, j), index, j));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "scorecards.add-criterion");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "u", index);
  gtk_box_append (GTK_BOX (card), add);
  return card;
}

