/* pulse-mentor-detail.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent-format.h"
#include "pulse-audit-list.h"
#include "pulse-mentor-detail-private.h"
#include "pulse-mentor-figures.h"
#include "pulse-mentors-board.h"
#include "pulse-mentors-save.h"
#include "pulse-mentors-text.h"
#include "pulse-mentorship-edit.h"
#include "pulse-mentorship-plan.h"

/*
 * PulseMentorDetail:
 *
 * One newcomer on the Mentors page: their mentor (assign or move), the
 * probation plan with each milestone's date (editable) and a sign-off
 * that opens its channel on the server, the final test with its result
 * and the decision, and their figures beside their team's. Every change
 * is saved through the outbox; a role that may not edit sees it all with
 * the controls off.
 */

G_DEFINE_FINAL_TYPE (PulseMentorDetail, pulse_mentor_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_pulse_mentor_detail_save (PulseMentorDetail *self,
                           JsonNode          *after,
                           const char        *title)
{
  g_autoptr(JsonNode) owned = after;

  return pulse_mentors_save (GTK_WIDGET (self), self->mentorship, owned, title);
}

static const char *
newcomer_name (PulseMentorDetail *self)
{
  const char *name = pulse_agent_get_name (self->newcomer);

  return name != NULL ? name : pulse_agent_get_id (self->newcomer);
}

/* How the edit kit's toasts name the item: "“Probation of Ivan P.” saved". */
char *
_pulse_mentor_detail_dup_title (PulseMentorDetail *self)
{
  /* Translators: how a toast names a newcomer's mentorship */
  return g_strdup_printf (_("Probation of %s"), newcomer_name (self));
}

static void
fill_candidates (PulseMentorDetail *self,
                 GHashTable        *loads)
{
  GListModel *agents = pulse_session_get_list (self->session, PULSE_STATE_KIND_AGENT);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = self->mentorship != NULL
                        ? pulse_mentorship_get_mentor_id (self->mentorship) : NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  self->candidates = pulse_mentors_board_dup_candidates (agents, self->newcomer, loads,
                                                         self->now);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      PulseAgent *agent = self->candidates->pdata[i];
      guint load = GPOINTER_TO_UINT (g_hash_table_lookup (loads, pulse_agent_get_id (agent)));
      g_autofree char *text = pulse_mentors_text_load (load, PULSE_MENTORS_LIMIT);
      /* Translators: a mentor to choose: their name and load */
      g_autofree char *item = g_strdup_printf (_("%s · %s"), pulse_agent_get_name (agent), text);

      gtk_string_list_append (names, item);
      if (g_strcmp0 (pulse_agent_get_id (agent), current) == 0)
        selected = i;
    }

  gtk_drop_down_set_model (self->mentor_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->mentor_dropdown, selected != GTK_INVALID_LIST_POSITION
                              ? selected : 0);
}

static void
fill_test (PulseMentorDetail *self,
           gboolean           editable)
{
  PulseMentorship *m = self->mentorship;
  g_autofree char *subtitle = pulse_mentors_text_test (m, self->now);
  g_autofree char *entry_text = pulse_mentors_text_entry (pulse_mentorship_get_test_at (m));
  PulseMentorshipDecision decision = pulse_mentorship_get_decision (m);
  double score = pulse_mentorship_get_test_score (m);

  adw_action_row_set_subtitle (self->test_row, subtitle);
  gtk_editable_set_text (GTK_EDITABLE (self->test_entry), entry_text);
  gtk_spin_button_set_value (self->score_spin, score >= 0 ? score : 0);
  adw_action_row_set_subtitle (self->decision_row,
                               decision == PULSE_MENTORSHIP_DECISION_EXTEND
                               ? _("Probation extended")
                               : decision == PULSE_MENTORSHIP_DECISION_PASS ? _("Passed")
                               : decision == PULSE_MENTORSHIP_DECISION_FAIL ? _("Failed")
                               : _("Not decided yet"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_entry), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->score_spin), editable);
  gtk_widget_set_sensitive (self->decision_box, editable);
}

static void
on_test_date_cb (PulseMentorDetail *self)
{
  g_autofree char *title = NULL;
  gint64 date = 0;

  if (self->mentorship == NULL)
    return;
  if (!pulse_mentors_parse_entry (gtk_editable_get_text (GTK_EDITABLE (self->test_entry)),
                                  pulse_mentorship_get_test_at (self->mentorship), &date))
    {
      pulse_mentors_toast (GTK_WIDGET (self), _("Write the date as YYYY-MM-DD, e.g. 2026-10-01"));
      return;
    }

  title = _pulse_mentor_detail_dup_title (self);
  _pulse_mentor_detail_save (self, pulse_mentorship_edit_set_date (self->mentorship, -1, date),
                             title);
}

static void
on_decide_clicked_cb (PulseMentorDetail *self,
                      GtkButton         *button)
{
  PulseMentorshipDecision decision = PULSE_MENTORSHIP_DECISION_FAIL;
  g_autofree char *title = NULL;

  if (self->mentorship == NULL)
    return;
  if (GTK_WIDGET (button) == self->pass_button)
    decision = PULSE_MENTORSHIP_DECISION_PASS;
  else if (GTK_WIDGET (button) == self->extend_button)
    decision = PULSE_MENTORSHIP_DECISION_EXTEND;

  title = _pulse_mentor_detail_dup_title (self);
  _pulse_mentor_detail_save (self,
                             pulse_mentorship_edit_decide (self->mentorship, decision,
                                                           gtk_spin_button_get_value (
                                                             self->score_spin)),
                             title);
}

static void
on_assign_clicked_cb (PulseMentorDetail *self)
{
  guint selected = gtk_drop_down_get_selected (self->mentor_dropdown);
  PulseAgent *mentor;
  g_autofree char *title = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) plan = NULL;
  gint64 start;

  if (self->newcomer == NULL || selected >= self->candidates->len)
    return;

  mentor = self->candidates->pdata[selected];
  title = _pulse_mentor_detail_dup_title (self);
  if (self->mentorship != NULL && pulse_mentorship_is_open (self->mentorship))
    {
      if (g_strcmp0 (pulse_mentorship_get_mentor_id (self->mentorship),
                     pulse_agent_get_id (mentor)) == 0)
        return;
      _pulse_mentor_detail_save (self,
                                 pulse_mentorship_edit_set_mentor (self->mentorship,
                                                                   pulse_agent_get_id (mentor)),
                                 title);
      return;
    }

  /* A new probation starts at the hire, or today for an agent hired long ago. */
  start = pulse_agent_get_hired_at (self->newcomer);
  if (start == 0 || !pulse_agent_is_newcomer (self->newcomer, self->now))
    start = self->now;
  uuid = g_uuid_string_random ();
  id = g_strconcat ("mt-", uuid, NULL);
  plan = pulse_mentorship_edit_new_plan (id, pulse_agent_get_id (mentor),
                                         pulse_agent_get_id (self->newcomer), start);
  pulse_mentors_save (GTK_WIDGET (self), NULL, plan, title);
}

static void
pulse_mentor_detail_dispose (GObject *object)
{
  PulseMentorDetail *self = PULSE_MENTOR_DETAIL (object);

  g_clear_object (&self->newcomer);
  g_clear_object (&self->mentorship);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_MENTOR_DETAIL);

  G_OBJECT_CLASS (pulse_mentor_detail_parent_class)->dispose (object);
}

static void
pulse_mentor_detail_finalize (GObject *object)
{
  PulseMentorDetail *self = PULSE_MENTOR_DETAIL (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (pulse_mentor_detail_parent_class)->finalize (object);
}

static void
pulse_mentor_detail_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PulseMentorDetail *self = PULSE_MENTOR_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_set_object (&self->session, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_mentor_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PulseMentorDetail *self = PULSE_MENTOR_DETAIL (object);

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
pulse_mentor_detail_class_init (PulseMentorDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_mentor_detail_dispose;
  object_class->finalize = pulse_mentor_detail_finalize;
  object_class->get_property = pulse_mentor_detail_get_property;
  object_class->set_property = pulse_mentor_detail_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-mentor-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, title);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, mentor_group);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, mentor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, assign_button);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, plan_group);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, plan_list);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, test_group);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, test_row);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, test_entry);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, score_spin);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, decision_row);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, decision_box);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, pass_button);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, extend_button);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, fail_button);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, kpi_group);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, kpi_list);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorDetail, audit_group);
  gtk_widget_class_bind_template_callback (widget_class, on_assign_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_test_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_decide_clicked_cb);
}

static void
pulse_mentor_detail_init (PulseMentorDetail *self)
{
  self->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->audit_list = pulse_audit_list_new ();
  adw_preferences_group_add (self->audit_group, self->audit_list);
}

static void
show_heading (PulseMentorDetail *self)
{
  guint open = pulse_agent_get_channels (self->newcomer);
  g_autofree char *channels = pulse_agent_format_channels (open);
  g_autofree char *hired = pulse_mentors_text_date (pulse_agent_get_hired_at (self->newcomer));
  g_autofree char *line = NULL;

  gtk_label_set_text (self->title, newcomer_name (self));
  if (open == 0)
    /* Translators: under a newcomer's name: the hire date, and no channel open to them */
    line = g_strdup_printf (_("Hired %s · no channel open yet"), hired);
  else
    /* Translators: under a newcomer's name: the hire date and the channels they answer */
    line = g_strdup_printf (_("Hired %s · answers %s"), hired, channels);
  gtk_label_set_text (self->subtitle, line);
}

/**
 * pulse_mentor_detail_show:
 * @newcomer: the newcomer
 * @mentorship: (nullable): their probation, or %NULL while they have no
 *   mentor
 * @loads: open mentorships per mentor id (GUINT_TO_POINTER)
 * @now_usec: the time milestones are judged at
 *
 * Shows @newcomer, again with what changed when called with new objects.
 */
void
pulse_mentor_detail_show (PulseMentorDetail *self,
                          PulseAgent        *newcomer,
                          PulseMentorship   *mentorship,
                          GHashTable        *loads,
                          gint64             now_usec)
{
  gboolean editable;
  gboolean has_plan;

  g_return_if_fail (PULSE_IS_MENTOR_DETAIL (self));
  g_return_if_fail (PULSE_IS_AGENT (newcomer));

  editable = pulse_mentors_can_edit (self->session);
  g_set_object (&self->newcomer, newcomer);
  g_set_object (&self->mentorship, mentorship);
  self->now = now_usec;
  has_plan = mentorship != NULL;

  show_heading (self);
  fill_candidates (self, loads);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mentor_dropdown), editable);
  gtk_widget_set_sensitive (self->assign_button, editable && self->candidates->len > 0);
  adw_preferences_group_set_description (self->mentor_group, has_plan
                                         ? NULL : _("No mentor yet: choose one to start the "
                                                    "usual probation plan"));
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group), has_plan);
  gtk_widget_set_visible (GTK_WIDGET (self->test_group), has_plan);
  if (has_plan)
    {
      _pulse_mentor_detail_fill_plan (self, editable);
      fill_test (self, editable);
    }
  pulse_mentor_figures_fill (self->kpi_list, self->kpi_group, self->session, newcomer);

  /* The server lets only a kind's editors read its history. */
  gtk_widget_set_visible (GTK_WIDGET (self->audit_group), has_plan && editable);
  if (has_plan && editable)
    pulse_audit_list_show (PULSE_AUDIT_LIST (self->audit_list), self->session, "mentorship",
                           pulse_mentorship_get_id (mentorship));
}
