/* pulse-mentor-detail-plan.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The probation plan: one row per milestone, in plan order, with its
 * state, its date (editable; Enter saves it) and the sign-off that opens
 * its channel to the newcomer, or takes it back. Part of PulseMentorDetail.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-enums.h"
#include "pulse-format.h"
#include "pulse-json.h"
#include "pulse-mentor-detail-private.h"
#include "pulse-mentors-save.h"
#include "pulse-mentors-text.h"
#include "pulse-mentorship-edit.h"

static void
on_sign_off_clicked_cb (GtkButton *button,
                        gpointer   user_data)
{
  PulseMentorDetail *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step"));
  const PulseMentorshipStep *step = pulse_mentorship_get_step (self->mentorship, index);
  gboolean undo = step->signed_off_at != 0;
  g_autofree char *title = _pulse_mentor_detail_dup_title (self);

  _pulse_mentor_detail_save (self,
                             pulse_mentorship_edit_sign_off (self->mentorship, index,
                                                             undo ? 0 : g_get_real_time (),
                                                             pulse_session_get_user_name (
                                                               self->session)),
                             title);
}

static void
on_step_date_cb (GtkEntry *entry,
                 gpointer  user_data)
{
  PulseMentorDetail *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "step"));
  const PulseMentorshipStep *step = pulse_mentorship_get_step (self->mentorship, index);
  g_autofree char *title = NULL;
  gint64 date = 0;

  if (!pulse_mentors_parse_entry (gtk_editable_get_text (GTK_EDITABLE (entry)), step->opens_at,
                                  &date))
    {
      pulse_mentors_toast (GTK_WIDGET (self), _("Write the date as YYYY-MM-DD, e.g. 2026-10-01"));
      return;
    }

  title = _pulse_mentor_detail_dup_title (self);
  _pulse_mentor_detail_save (self,
                             pulse_mentorship_edit_set_date (self->mentorship, (int) index, date),
                             title);
}

static GtkWidget *
step_row (PulseMentorDetail *self,
          guint              index,
          gboolean           editable)
{
  const PulseMentorshipStep *step = pulse_mentorship_get_step (self->mentorship, index);
  PulseMilestoneState state = pulse_mentorship_step_state (self->mentorship, index, self->now);
  const char *nick = pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, step->channel);
  g_autofree char *subtitle = pulse_mentors_text_step (self->mentorship, index, self->now);
  g_autofree char *entry_text = pulse_mentors_text_entry (step->opens_at);
  g_autofree char *entry_name = g_strconcat ("date-", nick, NULL);
  g_autofree char *button_name = g_strconcat ("sign-off-", nick, NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dot = gtk_label_new (pulse_mentors_text_state (state));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pulse_format_channel (step->channel));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (dot, "milestone-state");
  gtk_widget_add_css_class (dot, pulse_mentors_state_class (state));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);

  gtk_editable_set_text (GTK_EDITABLE (entry), entry_text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 10);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_name (entry, entry_name);
  gtk_widget_set_sensitive (entry, editable && step->signed_off_at == 0);
  gtk_widget_set_tooltip_text (entry, _("The milestone's date, as YYYY-MM-DD; Enter saves it"));
  g_object_set_data (G_OBJECT (entry), "step", GUINT_TO_POINTER (index));
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_step_date_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);

  button = gtk_button_new_with_label (step->signed_off_at != 0 ? _("Take Back")
                                                              : _("Sign Off"));
  gtk_widget_set_name (button, button_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, editable);
  gtk_widget_set_tooltip_text (button, step->signed_off_at != 0
                               ? _("Close the channel to the newcomer again")
                               : _("The newcomer is ready: open the channel to them"));
  if (step->signed_off_at == 0)
    gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data (G_OBJECT (button), "step", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_sign_off_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

void
_pulse_mentor_detail_fill_plan (PulseMentorDetail *self,
                                gboolean           editable)
{
  g_autofree char *progress = NULL;
  g_autofree char *started = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GArray) order = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list))) != NULL)
    gtk_list_box_remove (self->plan_list, child);

  order = pulse_mentorship_dup_order (self->mentorship);
  for (guint k = 0; k < order->len; k++)
    gtk_list_box_append (self->plan_list,
                         step_row (self, g_array_index (order, guint, k), editable));

  progress = pulse_mentors_text_progress (self->mentorship);
  started = pulse_mentors_text_date (pulse_mentorship_get_started_at (self->mentorship));
  /* Translators: under "Probation Plan": the start and "2 of 4 milestones" */
  description = g_strdup_printf (_("Started %s · %s done"), started, progress);
  adw_preferences_group_set_description (self->plan_group, description);
}
