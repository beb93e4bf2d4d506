/* pulse-rule-replay-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-format.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-rule-figures-text.h"
#include "pulse-rule-replay-view.h"
#include "pulse-session-rules.h"
#include "pulse-time-utils.h"

/*
 * PulseRuleReplayView:
 *
 * The editor's replay: a window of 7, 30 or 90 days, a button, and the
 * server's answer (`POST /api/v1/rules/replay`): how many contacts the
 * draft would catch, the latest of them, and what the saved rule already
 * answered. The button emits "run"; the editor answers with
 * pulse_rule_replay_view_start() and the draft, or shows why there is
 * none.
 */
struct _PulseRuleReplayView
{
  GtkBox        parent_instance;

  GtkDropDown  *days_dropdown;
  GtkWidget    *run_button;
  GtkLabel     *status_label;
  GtkLabel     *answered_label;
  GtkListBox   *sample_list;

  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (PulseRuleReplayView, pulse_rule_replay_view, GTK_TYPE_BOX)

enum {
  RUN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static const guint day_choices[] = { 7, 30, 90 };

static void
clear_sample (PulseRuleReplayView *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->sample_list, 0)) != NULL)
    gtk_list_box_remove (self->sample_list, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->sample_list), FALSE);
}

static GtkWidget *
sample_row (JsonObject *sample)
{
  GtkWidget *row = adw_action_row_new ();
  const char *subject = json_object_get_string_member_with_default (sample, "subject", "");
  const char *at_text = json_object_get_string_member_with_default (sample, "at", "");
  int channel = 0;
  gint64 at = 0;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  pulse_enum_from_nick (PULSE_TYPE_CHANNEL_KIND,
                        json_object_get_string_member_with_default (sample, "channel", ""),
                        &channel);
  if (pulse_time_parse (at_text, &at))
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);

      when = g_date_time_format (time, "%d.%m.%Y %H:%M");
    }

  /* Translators: a contact a draft rule would catch: its id, channel and when */
  subtitle = g_strdup_printf (_("%s · %s · %s UTC"),
                              json_object_get_string_member_with_default (sample, "ticket_id",
                                                                          ""),
                              pulse_format_channel (channel), when != NULL ? when : at_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject[0] != '\0'
                                 ? subject : _("(no subject)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_answer (PulseRuleReplayView *self,
             JsonObject          *answer)
{
  g_autofree char *status = pulse_rule_figures_text_replay (answer);
  g_autofree char *answered = pulse_rule_figures_text_answered (answer);
  JsonArray *sample = json_object_has_member (answer, "sample")
                      ? json_object_get_array_member (answer, "sample") : NULL;

  gtk_label_set_label (self->status_label, status);
  gtk_label_set_label (self->answered_label, answered);
  gtk_widget_set_visible (GTK_WIDGET (self->answered_label), answered != NULL);
  for (guint i = 0; sample != NULL && i < json_array_get_length (sample); i++)
    gtk_list_box_append (self->sample_list,
                         sample_row (json_array_get_object_element (sample, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->sample_list),
                          sample != NULL && json_array_get_length (sample) > 0);
}

static void
replayed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PulseRuleReplayView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;

  answer = pulse_session_replay_rule_finish (PULSE_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->run_button, TRUE);
  if (answer == NULL)
    pulse_rule_replay_view_show_error (self, error->message);
  else
    show_answer (self, json_node_get_object (answer));
}

static void
on_run_clicked_cb (PulseRuleReplayView *self)
{
  g_signal_emit (self, signals[RUN], 0);
}

static void
pulse_rule_replay_view_dispose (GObject *object)
{
  PulseRuleReplayView *self = PULSE_RULE_REPLAY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_RULE_REPLAY_VIEW);

  G_OBJECT_CLASS (pulse_rule_replay_view_parent_class)->dispose (object);
}

static void
pulse_rule_replay_view_class_init (PulseRuleReplayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_rule_replay_view_dispose;

  /**
   * PulseRuleReplayView::run:
   *
   * The user asked for a replay; answer with
   * pulse_rule_replay_view_start().
   */
  signals[RUN] = g_signal_new ("run", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                               NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-rule-replay-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseRuleReplayView, days_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseRuleReplayView, run_button);
  gtk_widget_class_bind_template_child (widget_class, PulseRuleReplayView, status_label);
  gtk_widget_class_bind_template_child (widget_class, PulseRuleReplayView, answered_label);
  gtk_widget_class_bind_template_child (widget_class, PulseRuleReplayView, sample_list);
  gtk_widget_class_bind_template_callback (widget_class, on_run_clicked_cb);
}

static void
pulse_rule_replay_view_init (PulseRuleReplayView *self)
{
  g_autoptr(GtkStringList) days = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (day_choices); i++)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %u day",
                                                             "Last %u days", day_choices[i]),
                                                day_choices[i]);

      gtk_string_list_append (days, label);
    }
  gtk_drop_down_set_model (self->days_dropdown, G_LIST_MODEL (days));
  gtk_drop_down_set_selected (self->days_dropdown, 1);
}

/**
 * pulse_rule_replay_view_start:
 * @draft: the rule as the editor has it, in its wire form
 *
 * Asks the server to replay @draft over the chosen window.
 */
void
pulse_rule_replay_view_start (PulseRuleReplayView *self,
                              PulseSession        *session,
                              JsonNode            *draft)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  guint choice;

  g_return_if_fail (PULSE_IS_RULE_REPLAY_VIEW (self));
  g_return_if_fail (PULSE_IS_SESSION (session));
  g_return_if_fail (draft != NULL);

  choice = MIN (gtk_drop_down_get_selected (self->days_dropdown), G_N_ELEMENTS (day_choices) - 1);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_value (builder, json_node_copy (draft));
  pulse_json_add_int (builder, "days", day_choices[choice]);
  pulse_json_add_int (builder, "sample", 10);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  clear_sample (self);
  gtk_widget_set_visible (GTK_WIDGET (self->answered_label), FALSE);
  gtk_widget_set_sensitive (self->run_button, FALSE);
  gtk_label_set_label (self->status_label, _("Counting the contacts…"));
  pulse_session_replay_rule_async (session, request, self->cancellable, replayed_cb,
                                   g_object_ref (self));
}

void
pulse_rule_replay_view_show_error (PulseRuleReplayView *self,
                                   const char          *message)
{
  g_return_if_fail (PULSE_IS_RULE_REPLAY_VIEW (self));

  clear_sample (self);
  gtk_widget_set_visible (GTK_WIDGET (self->answered_label), FALSE);
  gtk_label_set_label (self->status_label, message);
}

/* Returns: the line that says what the replay found, or why it did not run. */
const char *
pulse_rule_replay_view_get_status (PulseRuleReplayView *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_REPLAY_VIEW (self), NULL);

  return gtk_label_get_label (self->status_label);
}
