/* pulse-review-form.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent.h"
#include "pulse-conversation-view.h"
#include "pulse-entity-list.h"
#include "pulse-review-criterion-row.h"
#include "pulse-review-form-private.h"
#include "pulse-review-queue-state.h"
#include "pulse-session-items.h"

/*
 * PulseReviewForm:
 *
 * Grading one sample: the whole conversation with the reply under review
 * highlighted, and beside it the scorecard (the version the sample was
 * drawn on), one row per criterion, with the live score of what is
 * graded so far. Keys: 1 pass, 2 fail, 0 not applicable (then on to the
 * next criterion not graded), Ctrl+S saves a draft, Ctrl+Enter submits.
 * Both are edits of the review through the outbox, so they survive a
 * restart; a conflict is the window's to show.
 */

G_DEFINE_FINAL_TYPE (PulseReviewForm, pulse_review_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gpointer
_pulse_review_form_lookup (PulseReviewForm *self,
                           PulseStateKind   kind,
                           const char      *id)
{
  GListModel *list = pulse_session_get_list (self->session, kind);

  return id != NULL && PULSE_IS_ENTITY_LIST (list)
         ? pulse_entity_list_lookup (PULSE_ENTITY_LIST (list), id) : NULL;
}

char *
_pulse_review_form_dup_agent_name (PulseReviewForm   *self,
                                   PulseReviewSample *sample)
{
  const char *id = pulse_review_sample_get_agent_id (sample);
  PulseAgent *agent = _pulse_review_form_lookup (self, PULSE_STATE_KIND_AGENT, id);

  return g_strdup (agent != NULL ? pulse_agent_get_name (agent) : id);
}

static void
update_actions (PulseReviewForm *self)
{
  gboolean editable = self->state != NULL && pulse_review_form_state_get_editable (self->state);
  gboolean graded = editable && self->current >= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.grade", graded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save-draft",
                                 editable && pulse_review_form_state_get_dirty (self->state));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.submit",
                                 self->state != NULL &&
                                 pulse_review_form_state_can_submit (self->state));
}

/* Shows the state: every row, the score, how far, why read-only. */
static void
show_state (PulseReviewForm *self)
{
  const char *reason = pulse_review_form_state_get_read_only_reason (self->state);
  gboolean editable = pulse_review_form_state_get_editable (self->state);
  g_autofree char *score = pulse_review_form_state_dup_score_text (self->state);
  g_autofree char *progress = pulse_review_form_state_dup_progress_text (self->state);

  for (guint i = 0; i < self->rows->len; i++)
    pulse_review_criterion_row_show (self->rows->pdata[i],
                                     pulse_review_form_state_get_line (self->state, i),
                                     editable);
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->progress_label, progress);
  gtk_label_set_text (self->read_only_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), reason != NULL);
  update_actions (self);
}

static void
on_result_chosen_cb (PulseReviewCriterionRow *row,
                     int                      result,
                     PulseReviewForm         *self)
{
  self->current = pulse_review_criterion_row_get_index (row);
  pulse_review_form_state_set_result (self->state, self->current, result);
  show_state (self);
}

static void
on_comment_changed_cb (PulseReviewCriterionRow *row,
                       const char              *comment,
                       PulseReviewForm         *self)
{
  if (pulse_review_form_state_set_comment (self->state,
                                           pulse_review_criterion_row_get_index (row), comment))
    {
      g_autofree char *progress = pulse_review_form_state_dup_progress_text (self->state);

      /* Not show_state (): the entry being typed in keeps its text and cursor. */
      gtk_label_set_text (self->progress_label, progress);
      update_actions (self);
    }
}

static void
on_row_focus_enter_cb (GtkEventControllerFocus *controller,
                       PulseReviewForm         *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->current = pulse_review_criterion_row_get_index (PULSE_REVIEW_CRITERION_ROW (row));
  update_actions (self);
}

static void
remove_rows (PulseReviewForm *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->criteria_box))) != NULL)
    gtk_box_remove (self->criteria_box, child);
  g_ptr_array_set_size (self->rows, 0);
}

/* Section headings and criterion rows, in scorecard order. */
static void
add_rows (PulseReviewForm *self)
{
  const char *section = NULL;

  for (guint i = 0; i < pulse_review_form_state_get_n_lines (self->state); i++)
    {
      const PulseReviewFormLine *line = pulse_review_form_state_get_line (self->state, i);
      GtkWidget *row = pulse_review_criterion_row_new (i);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      if (g_strcmp0 (section, line->section) != 0)
        {
          GtkWidget *heading = gtk_label_new (line->section);

          gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_set_margin_top (heading, i > 0 ? 8 : 0);
          gtk_box_append (self->criteria_box, heading);
          section = line->section;
        }
      g_signal_connect (row, "result-chosen", G_CALLBACK (on_result_chosen_cb), self);
      g_signal_connect (row, "comment-changed", G_CALLBACK (on_comment_changed_cb), self);
      g_signal_connect (focus, "enter", G_CALLBACK (on_row_focus_enter_cb), self);
      gtk_widget_add_controller (row, focus);
      gtk_box_append (self->criteria_box, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
show_header (PulseReviewForm   *self,
             PulseReviewSample *sample)
{
  PulseScorecard *scorecard = pulse_review_form_state_get_scorecard (self->state);
  g_autofree char *agent = _pulse_review_form_dup_agent_name (self, sample);
  g_autofree char *subtitle = NULL;

  /* Translators: under the agent's name: why drawn · status · scorecard */
  subtitle = g_strdup_printf (_("%s · %s · %s"),
                              pulse_review_queue_reason_label (pulse_review_sample_get_reason (
                                sample)),
                              pulse_review_queue_status_label (sample),
                              scorecard != NULL ? pulse_scorecard_get_name (scorecard)
                                                : pulse_review_sample_get_scorecard_id (sample));
  gtk_label_set_text (self->title_label, agent);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
show_conversation (PulseReviewForm   *self,
                   PulseReviewSample *sample)
{
  pulse_conversation_view_set_highlighted_message_id (self->conversation,
                                                      pulse_review_sample_get_message_id (sample));
  pulse_conversation_view_set_ticket (self->conversation,
                                      _pulse_review_form_lookup (
                                        self, PULSE_STATE_KIND_TICKET,
                                        pulse_review_sample_get_ticket_id (sample)));
}

static gboolean
can_edit (PulseReviewForm *self)
{
  return pulse_session_can_edit (self->session, "review");
}

/* A new form for @sample; the rows stay when the lines are the same
 * scorecard's, so focus and a comment being typed survive an update. */
void
_pulse_review_form_start (PulseReviewForm   *self,
                          PulseReviewSample *sample)
{
  /* @sample may be the old state's, which is freed below. */
  g_autoptr(PulseReviewSample) keep = g_object_ref (sample);
  PulseScorecard *scorecard = _pulse_review_form_find_scorecard (self, sample);
  PulseReviewSample *shown = self->state != NULL ? pulse_review_form_state_get_sample (self->state)
                                                 : NULL;
  gboolean same_lines = shown != NULL && self->rows->len > 0 &&
                        g_strcmp0 (pulse_review_sample_get_id (shown),
                                   pulse_review_sample_get_id (sample)) == 0 &&
                        pulse_review_form_state_get_scorecard (self->state) == scorecard;

  g_clear_pointer (&self->state, pulse_review_form_state_free);
  self->state = pulse_review_form_state_new (scorecard, sample, can_edit (self));
  if (!same_lines)
    {
      remove_rows (self);
      add_rows (self);
      self->current = pulse_review_form_state_get_n_lines (self->state) > 0
                      ? pulse_review_form_state_next_ungraded (self->state,
                          pulse_review_form_state_get_n_lines (self->state) - 1)
                      : -1;
    }
  show_header (self, sample);
  show_state (self);
}

/* A scorecard came (the session loads lists one by one) or changed:
 * a form with nothing typed yet starts again on it. */
static void
on_scorecards_changed_cb (GListModel      *list,
                          guint            position,
                          guint            removed,
                          guint            added,
                          PulseReviewForm *self)
{
  if (self->state != NULL && !pulse_review_form_state_get_dirty (self->state))
    _pulse_review_form_start (self, pulse_review_form_state_get_sample (self->state));
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PulseReviewForm *self = PULSE_REVIEW_FORM (widget);
  int next;

  if (self->state == NULL || self->current < 0)
    return;

  pulse_review_form_state_set_result (self->state, self->current, g_variant_get_int32 (parameter));
  next = pulse_review_form_state_next_ungraded (self->state, self->current);
  if (next >= 0)
    {
      self->current = next;
      pulse_review_criterion_row_focus (self->rows->pdata[next]);
    }
  show_state (self);
}

static void
save_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _pulse_review_form_save (PULSE_REVIEW_FORM (widget), PULSE_REVIEW_STATUS_DRAFT);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _pulse_review_form_save (PULSE_REVIEW_FORM (widget), PULSE_REVIEW_STATUS_SUBMITTED);
}

static void
pulse_review_form_dispose (GObject *object)
{
  PulseReviewForm *self = PULSE_REVIEW_FORM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_REVIEW_FORM);
  g_clear_pointer (&self->state, pulse_review_form_state_free);
  g_clear_pointer (&self->old_scorecards, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pulse_review_form_parent_class)->dispose (object);
}

static void
pulse_review_form_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PulseReviewForm *self = PULSE_REVIEW_FORM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_review_form_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PulseReviewForm *self = PULSE_REVIEW_FORM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      /* Set once, by whoever makes the form (a template has no session). */
      g_set_object (&self->session, g_value_get_object (value));
      pulse_conversation_view_set_session (self->conversation, self->session);
      if (self->session != NULL)
        g_signal_connect_object (pulse_session_get_list (self->session,
                                                         PULSE_STATE_KIND_SCORECARD),
                                 "items-changed", G_CALLBACK (on_scorecards_changed_cb), self,
                                 G_CONNECT_AFTER);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_grade_key (GtkWidgetClass *widget_class,
               guint           key,
               guint           keypad_key,
               int             result)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, "review.grade", "i", result);
  gtk_widget_class_add_binding_action (widget_class, keypad_key, 0, "review.grade", "i", result);
}

static void
pulse_review_form_class_init (PulseReviewFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_review_form_dispose;
  object_class->get_property = pulse_review_form_get_property;
  object_class->set_property = pulse_review_form_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "review.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "review.save-draft", NULL, save_draft_action);
  gtk_widget_class_install_action (widget_class, "review.submit", NULL, submit_action);
  add_grade_key (widget_class, GDK_KEY_1, GDK_KEY_KP_1, PULSE_CRITERION_RESULT_PASS);
  add_grade_key (widget_class, GDK_KEY_2, GDK_KEY_KP_2, PULSE_CRITERION_RESULT_FAIL);
  add_grade_key (widget_class, GDK_KEY_0, GDK_KEY_KP_0, PULSE_CRITERION_RESULT_NOT_APPLICABLE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "review.save-draft", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "review.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "review.submit", NULL);

  g_type_ensure (PULSE_TYPE_CONVERSATION_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-review-form.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseReviewForm, conversation);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewForm, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewForm, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewForm, score_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewForm, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewForm, criteria_box);
}

static void
pulse_review_form_init (PulseReviewForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pulse_conversation_view_set_compact (self->conversation, TRUE);
  self->rows = g_ptr_array_new ();
  self->old_scorecards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->current = -1;
  update_actions (self);
}

GtkWidget *
pulse_review_form_new (PulseSession *session)
{
  return g_object_new (PULSE_TYPE_REVIEW_FORM, "session", session, NULL);
}

/**
 * pulse_review_form_get_sample:
 *
 * Returns: (transfer none) (nullable): the sample being graded.
 */
PulseReviewSample *
pulse_review_form_get_sample (PulseReviewForm *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_FORM (self), NULL);

  return self->state != NULL ? pulse_review_form_state_get_sample (self->state) : NULL;
}

/**
 * pulse_review_form_set_sample:
 * @sample: (nullable): the sample to grade, or a newer version of the
 *   one being graded
 *
 * A newer version of the same sample keeps grades not saved yet (they
 * will be saved on it); with none, the form shows the new version.
 */
void
pulse_review_form_set_sample (PulseReviewForm   *self,
                              PulseReviewSample *sample)
{
  PulseReviewSample *shown;

  g_return_if_fail (PULSE_IS_REVIEW_FORM (self));

  shown = pulse_review_form_get_sample (self);
  if (sample == shown)
    return;

  if (sample == NULL)
    {
      g_clear_pointer (&self->state, pulse_review_form_state_free);
      remove_rows (self);
      self->current = -1;
      pulse_conversation_view_set_ticket (self->conversation, NULL);
      update_actions (self);
      return;
    }

  if (shown != NULL &&
      g_strcmp0 (pulse_review_sample_get_id (shown), pulse_review_sample_get_id (sample)) == 0 &&
      pulse_review_form_state_get_dirty (self->state))
    {
      pulse_review_form_state_rebase (self->state, sample);
      show_header (self, sample);
      show_state (self);
    }
  else
    _pulse_review_form_start (self, sample);
  show_conversation (self, sample);
}

/**
 * pulse_review_form_get_state:
 *
 * Returns: (transfer none) (nullable): the form's state, for tests.
 */
PulseReviewFormState *
pulse_review_form_get_state (PulseReviewForm *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_FORM (self), NULL);

  return self->state;
}

/**
 * pulse_review_form_get_current:
 *
 * Returns: the line the keys grade, or -1 when there is none.
 */
int
pulse_review_form_get_current (PulseReviewForm *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_FORM (self), -1);

  return self->current;
}
