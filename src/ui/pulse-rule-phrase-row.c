/* pulse-rule-phrase-row.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-rule-figures-text.h"
#include "pulse-rule-phrase-row.h"

/*
 * PulseRulePhraseRow:
 *
 * One keyword phrase in the rule editor: the words, how they match
 * (whole words, the phrase, word starts) and where (subject, text or
 * both). While the words are typed it warns about look-alike Latin and
 * Cyrillic letters, shows the spelling rules compare, and offers to put
 * it in. Emits "remove-requested" from its remove button.
 */
struct _PulseRulePhraseRow
{
  GtkListBoxRow  parent_instance;

  GtkEntry      *entry;
  GtkDropDown   *mode_dropdown;
  GtkDropDown   *field_dropdown;
  GtkWidget     *remove_button;
  GtkRevealer   *warning_revealer;
  GtkLabel      *warning_label;
  GtkWidget     *fix_button;

  char          *warning;
  gboolean       editable;
};

G_DEFINE_FINAL_TYPE (PulseRulePhraseRow, pulse_rule_phrase_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
has_correction (const char *text)
{
  g_autofree char *corrected = pulse_rule_figures_text_correct (text);

  return g_strcmp0 (corrected, text) != 0;
}

static void
on_entry_changed_cb (PulseRulePhraseRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  g_free (self->warning);
  self->warning = pulse_rule_figures_text_phrase_warning (text);
  gtk_label_set_label (self->warning_label, self->warning);
  gtk_revealer_set_reveal_child (self->warning_revealer, self->warning != NULL);
  gtk_widget_set_visible (self->fix_button, self->editable && has_correction (text));
  if (self->warning != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "warning");
}

static void
on_fix_clicked_cb (PulseRulePhraseRow *self)
{
  pulse_rule_phrase_row_apply_correction (self);
}

static void
on_remove_clicked_cb (PulseRulePhraseRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
pulse_rule_phrase_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PULSE_TYPE_RULE_PHRASE_ROW);

  G_OBJECT_CLASS (pulse_rule_phrase_row_parent_class)->dispose (object);
}

static void
pulse_rule_phrase_row_finalize (GObject *object)
{
  PulseRulePhraseRow *self = PULSE_RULE_PHRASE_ROW (object);

  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (pulse_rule_phrase_row_parent_class)->finalize (object);
}

static void
pulse_rule_phrase_row_class_init (PulseRulePhraseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_rule_phrase_row_dispose;
  object_class->finalize = pulse_rule_phrase_row_finalize;

  /**
   * PulseRulePhraseRow::remove-requested:
   *
   * The user asked to remove the phrase.
   */
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-rule-phrase-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseRulePhraseRow, entry);
  gtk_widget_class_bind_template_child (widget_class, PulseRulePhraseRow, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseRulePhraseRow, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseRulePhraseRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, PulseRulePhraseRow, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, PulseRulePhraseRow, warning_label);
  gtk_widget_class_bind_template_child (widget_class, PulseRulePhraseRow, fix_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
pulse_rule_phrase_row_init (PulseRulePhraseRow *self)
{
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_rule_phrase_row_new (const PulseRulePhrase *phrase)
{
  PulseRulePhraseRow *self = g_object_new (PULSE_TYPE_RULE_PHRASE_ROW, NULL);

  g_return_val_if_fail (phrase != NULL, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), phrase->text);
  gtk_drop_down_set_selected (self->mode_dropdown, phrase->mode);
  gtk_drop_down_set_selected (self->field_dropdown, phrase->field);
  on_entry_changed_cb (self);
  return GTK_WIDGET (self);
}

/* Returns: (transfer full): the phrase as it now stands. */
PulseRulePhrase *
pulse_rule_phrase_row_dup_phrase (PulseRulePhraseRow *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_PHRASE_ROW (self), NULL);

  return pulse_rule_phrase_new (gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                                gtk_drop_down_get_selected (self->mode_dropdown),
                                gtk_drop_down_get_selected (self->field_dropdown));
}

void
pulse_rule_phrase_row_set_editable (PulseRulePhraseRow *self,
                                    gboolean            editable)
{
  g_return_if_fail (PULSE_IS_RULE_PHRASE_ROW (self));

  self->editable = editable;
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_dropdown), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_dropdown), editable);
  gtk_widget_set_visible (self->remove_button, editable);
  on_entry_changed_cb (self);
}

/* Returns: (nullable): the look-alike warning shown, if any. */
const char *
pulse_rule_phrase_row_get_warning (PulseRulePhraseRow *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_PHRASE_ROW (self), NULL);

  return self->warning;
}

/**
 * pulse_rule_phrase_row_apply_correction:
 *
 * Puts the corrected spelling in the entry.
 *
 * Returns: whether the words changed
 */
gboolean
pulse_rule_phrase_row_apply_correction (PulseRulePhraseRow *self)
{
  g_autofree char *corrected = NULL;
  const char *text;

  g_return_val_if_fail (PULSE_IS_RULE_PHRASE_ROW (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  corrected = pulse_rule_figures_text_correct (text);
  if (!self->editable || g_strcmp0 (corrected, text) == 0)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), corrected);
  return TRUE;
}
