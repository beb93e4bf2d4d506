/* pulse-calibration-settle.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog in which a lead or head settles a calibration sample's
 * reference grading: a verdict per criterion, preset from the reference
 * already settled or else from the reviewers' majority, and a note. It
 * is saved with the edit kit; the server fills in and scores the rest.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-calibration-settle.h"
#include "pulse-item-edit.h"
#include "pulse-qa-text.h"
#include "pulse-review-sample.h"
#include "pulse-scorecard.h"

typedef struct
{
  GtkWidget    *parent;
  PulseSession *session;
  char         *group_id;
  JsonNode     *before;
  GPtrArray    *criteria;
  GPtrArray    *choices;
  GtkEditable  *note;
} Settle;

static void
settle_free (Settle *settle)
{
  g_clear_weak_pointer (&settle->parent);
  g_clear_object (&settle->session);
  g_clear_pointer (&settle->before, json_node_unref);
  g_free (settle->group_id);
  g_ptr_array_unref (settle->criteria);
  g_ptr_array_unref (settle->choices);
  g_free (settle);
}

/**
 * pulse_calibration_settle_criteria:
 * @members: (element-type PulseReviewSample): a calibration group
 *
 * Returns: (transfer container) (element-type utf8): the criterion ids
 *   to settle: the scorecard's in order, or, without it, those graded.
 */
GPtrArray *
pulse_calibration_settle_criteria (PulseSession *session,
                                   GPtrArray    *members)
{
  GListModel *scorecards = pulse_session_get_list (session, PULSE_STATE_KIND_SCORECARD);
  const char *scorecard_id = pulse_review_sample_get_scorecard_id (members->pdata[0]);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (scorecards) && ids->len == 0; i++)
    {
      g_autoptr(PulseScorecard) scorecard = g_list_model_get_item (scorecards, i);

      if (g_strcmp0 (pulse_scorecard_get_id (scorecard), scorecard_id) != 0)
        continue;
      for (guint s = 0; s < pulse_scorecard_get_n_sections (scorecard); s++)
        {
          const PulseScorecardSection *section = pulse_scorecard_get_section (scorecard, s);

          for (guint c = 0; c < section->criteria->len; c++)
            g_ptr_array_add (ids, g_strdup (((PulseScorecardCriterion *)
                                             section->criteria->pdata[c])->id));
        }
    }

  for (guint i = 0; ids->len == 0 && i < pulse_review_sample_get_n_grades (members->pdata[0]);
       i++)
    g_ptr_array_add (ids, g_strdup (pulse_review_sample_get_grade (members->pdata[0],
                                                                    i)->criterion_id));

  return ids;
}

/* The settled verdict, else the one most reviewers gave (the first on a tie). */
static PulseCriterionResult
preset (GPtrArray               *members,
        PulseCalibrationSession *settled,
        const char              *criterion_id)
{
  const PulseReviewGrade *reference = settled != NULL
    ? pulse_calibration_session_find_grade (settled, criterion_id) : NULL;
  guint votes[3] = { 0 };
  PulseCriterionResult best = PULSE_CRITERION_RESULT_PASS;

  if (reference != NULL)
    return reference->result;

  for (guint i = 0; i < members->len; i++)
    {
      const PulseReviewGrade *grade = pulse_review_sample_find_grade (members->pdata[i],
                                                                      criterion_id);

      if (grade != NULL && pulse_review_sample_get_status (members->pdata[i]) ==
                           PULSE_REVIEW_STATUS_SUBMITTED)
        votes[grade->result]++;
    }
  for (guint r = 0; r < 3; r++)
    if (votes[r] > votes[best])
      best = r;

  return best;
}

static JsonNode *
settle_body (Settle *settle)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *note = gtk_editable_get_text (settle->note);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, settle->group_id);
  json_builder_set_member_name (builder, "grades");
  json_builder_begin_array (builder);
  for (guint i = 0; i < settle->criteria->len; i++)
    {
      guint selected = gtk_drop_down_get_selected (settle->choices->pdata[i]);
      g_autoptr(PulseReviewGrade) grade =
        pulse_review_grade_new (settle->criteria->pdata[i], (PulseCriterionResult) selected, NULL);

      json_builder_add_value (builder, pulse_review_grade_to_json (grade));
    }
  json_builder_end_array (builder);
  if (note != NULL && note[0] != '\0')
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Settle           *settle)
{
  g_autoptr(JsonNode) after = NULL;

  /* Through the edit kit, from the window the view is in: the outbox, a
   * toast with Undo, conflicts settled window-wide. */
  if (g_str_equal (response, "settle") && settle->parent != NULL)
    {
      after = settle_body (settle);
      pulse_item_edit_save (settle->parent, "calibration", settle->before, after,
                            _("Reference grading"));
    }
}

static GtkWidget *
criterion_line (Settle               *settle,
                const char           *scorecard_id,
                const char           *criterion_id,
                PulseCriterionResult  result)
{
  const char *choices[] = { _("Pass"), _("Fail"), _("N/A"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (pulse_qa_criterion_name (settle->session, scorecard_id,
                                                             criterion_id));
  GtkWidget *choice = gtk_drop_down_new_from_strings (choices);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), result);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), choice);
  g_ptr_array_add (settle->choices, choice);
  return box;
}

/**
 * pulse_calibration_settle_present:
 * @parent: a widget in the window the dialog belongs to
 * @group_id: the calibration group
 * @members: (element-type PulseReviewSample): its reviews
 * @settled: (nullable): its reference grading, if one was settled
 *
 * Asks for the reference grading and saves it with the edit kit
 * (pulse_item_edit_save()): a create, or an update of @settled at its
 * version.
 */
void
pulse_calibration_settle_present (GtkWidget               *parent,
                                  PulseSession            *session,
                                  const char              *group_id,
                                  GPtrArray               *members,
                                  PulseCalibrationSession *settled)
{
  Settle *settle = g_new0 (Settle, 1);
  const char *scorecard_id = pulse_review_sample_get_scorecard_id (members->pdata[0]);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *note = gtk_entry_new ();
  GtkWidget *dialog;

  settle->session = g_object_ref (session);
  settle->group_id = g_strdup (group_id);
  settle->before = settled != NULL ? pulse_calibration_session_to_json (settled) : NULL;
  g_set_weak_pointer (&settle->parent, parent);
  settle->criteria = pulse_calibration_settle_criteria (session, members);
  settle->choices = g_ptr_array_new ();
  for (guint i = 0; i < settle->criteria->len; i++)
    gtk_box_append (GTK_BOX (box),
                    criterion_line (settle, scorecard_id, settle->criteria->pdata[i],
                                    preset (members, settled, settle->criteria->pdata[i])));

  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note for the reviewers (optional)"));
  if (settled != NULL && pulse_calibration_session_get_note (settled) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (note), pulse_calibration_session_get_note (settled));
  settle->note = GTK_EDITABLE (note);
  gtk_box_append (GTK_BOX (box), note);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                   _("Settle the Reference Grading"),
                                   _("The verdict the reviewers' gradings are measured against."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "settle", _("_Settle"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "settle",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "settle");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), settle,
                         (GClosureNotify) (void (*) (void)) settle_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
