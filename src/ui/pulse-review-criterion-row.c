/* pulse-review-criterion-row.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-format.h"
#include "pulse-review-criterion-row.h"

/*
 * PulseReviewCriterionRow:
 *
 * One criterion of the grading form: its name, weight, whether it is
 * critical and its guidance; pass, fail and not applicable as one group
 * of toggles, and a comment for the agent. It only shows a line of the
 * form's state and says what the reviewer chose ("result-chosen",
 * "comment-changed"); the form decides.
 */
struct _PulseReviewCriterionRow
{
  GtkBox           parent_instance;

  GtkLabel        *name_label;
  GtkLabel        *critical_label;
  GtkLabel        *weight_label;
  GtkLabel        *description_label;
  GtkToggleButton *pass_button;
  GtkToggleButton *fail_button;
  GtkToggleButton *na_button;
  GtkEntry        *comment_entry;

  guint            index;
  gboolean         showing;
};

G_DEFINE_FINAL_TYPE (PulseReviewCriterionRow, pulse_review_criterion_row, GTK_TYPE_BOX)

enum {
  RESULT_CHOSEN,
  COMMENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_result_toggled_cb (GtkToggleButton         *button,
                      PulseReviewCriterionRow *self)
{
  int result;

  if (self->showing || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->pass_button)
    result = PULSE_CRITERION_RESULT_PASS;
  else if (button == self->fail_button)
    result = PULSE_CRITERION_RESULT_FAIL;
  else
    result = PULSE_CRITERION_RESULT_NOT_APPLICABLE;

  g_signal_emit (self, signals[RESULT_CHOSEN], 0, result);
}

static void
on_comment_changed_cb (GtkEditable             *editable,
                       PulseReviewCriterionRow *self)
{
  if (!self->showing)
    g_signal_emit (self, signals[COMMENT_CHANGED], 0, gtk_editable_get_text (editable));
}

static void
pulse_review_criterion_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PULSE_TYPE_REVIEW_CRITERION_ROW);

  G_OBJECT_CLASS (pulse_review_criterion_row_parent_class)->dispose (object);
}

static void
pulse_review_criterion_row_class_init (PulseReviewCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_review_criterion_row_dispose;

  /**
   * PulseReviewCriterionRow::result-chosen:
   * @result: the #PulseCriterionResult the reviewer picked
   */
  signals[RESULT_CHOSEN] =
    g_signal_new ("result-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * PulseReviewCriterionRow::comment-changed:
   * @comment: the comment as typed
   */
  signals[COMMENT_CHANGED] =
    g_signal_new ("comment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-review-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseReviewCriterionRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewCriterionRow, critical_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewCriterionRow, weight_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewCriterionRow,
                                        description_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewCriterionRow, pass_button);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewCriterionRow, fail_button);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewCriterionRow, na_button);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewCriterionRow, comment_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_result_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_changed_cb);
}

static void
pulse_review_criterion_row_init (PulseReviewCriterionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_review_criterion_row_new (guint index)
{
  PulseReviewCriterionRow *self = g_object_new (PULSE_TYPE_REVIEW_CRITERION_ROW, NULL);

  self->index = index;
  return GTK_WIDGET (self);
}

guint
pulse_review_criterion_row_get_index (PulseReviewCriterionRow *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_CRITERION_ROW (self), 0);

  return self->index;
}

/* Each toggle as the line says; an ungraded line has none active. */
static void
show_result (PulseReviewCriterionRow *self,
             int                      result)
{
  gtk_toggle_button_set_active (self->pass_button, result == PULSE_CRITERION_RESULT_PASS);
  gtk_toggle_button_set_active (self->fail_button, result == PULSE_CRITERION_RESULT_FAIL);
  gtk_toggle_button_set_active (self->na_button,
                                result == PULSE_CRITERION_RESULT_NOT_APPLICABLE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "graded-pass");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "graded-fail");
  if (result == PULSE_CRITERION_RESULT_PASS)
    gtk_widget_add_css_class (GTK_WIDGET (self), "graded-pass");
  else if (result == PULSE_CRITERION_RESULT_FAIL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "graded-fail");
}

/**
 * pulse_review_criterion_row_show:
 * @line: the form's line for this row
 * @editable: whether the reviewer may change it
 *
 * Shows @line without emitting the row's signals; the comment is only
 * replaced when it differs, so the cursor stays where the reviewer types.
 */
void
pulse_review_criterion_row_show (PulseReviewCriterionRow   *self,
                                 const PulseReviewFormLine *line,
                                 gboolean                   editable)
{
  const char *description = line->criterion->description;
  const char *comment = line->comment != NULL ? line->comment : "";
  g_autofree char *weight = pulse_format_score (line->criterion->weight, 0);
  g_autofree char *weight_text = NULL;
  g_autofree char *shown = NULL;

  g_return_if_fail (PULSE_IS_REVIEW_CRITERION_ROW (self));

  self->showing = TRUE;
  gtk_label_set_text (self->name_label, line->criterion->name);
  gtk_widget_set_visible (GTK_WIDGET (self->critical_label), line->criterion->critical);
  /* Translators: a criterion's weight in the score, e.g. "weight 20" */
  weight_text = g_strdup_printf (_("weight %s"), weight);
  gtk_label_set_text (self->weight_label, weight_text);
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && description[0] != '\0');
  show_result (self, line->result);
  shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_entry))));
  if (g_strcmp0 (shown, comment) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), comment);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pass_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fail_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->na_button), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->comment_entry), editable);
  self->showing = FALSE;
}

/**
 * pulse_review_criterion_row_focus:
 *
 * Moves the keyboard focus to the row's grade toggles.
 */
void
pulse_review_criterion_row_focus (PulseReviewCriterionRow *self)
{
  g_return_if_fail (PULSE_IS_REVIEW_CRITERION_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->pass_button));
}
