/* pulse-rule-bench.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-enums.h"
#include "pulse-format.h"
#include "pulse-json.h"
#include "pulse-rule-bench.h"
#include "pulse-rule-text.h"
#include "pulse-session-rules.h"

/*
 * PulseRuleBench:
 *
 * The Rules page's test bench: a message typed or pasted is run through
 * the server's rules (`POST /api/v1/rules/test`, nothing saved), showing
 * the rule that fires, the one that would fire next, the words they
 * matched, and words whose look-alike Latin and Cyrillic letters keep a
 * rule from firing, with the spelling meant.
 */
struct _PulseRuleBench
{
  GtkBox            parent_instance;

  GtkDropDown      *channel_dropdown;
  GtkEntry         *subject_entry;
  GtkTextView      *text_view;
  GtkLabel         *test_status;
  GtkWidget        *test_button;
  GtkListBox       *results;

  PulseSession     *session;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (PulseRuleBench, pulse_rule_bench, GTK_TYPE_BOX)

static GtkWidget *
result_row (const PulseRuleTestLine *line)
{
  static const struct
  {
    const char *icon_name;
    const char *css_class;
  } looks[] = {
    [PULSE_RULE_TEST_LINE_FIRES] = { "emblem-ok-symbolic", "success" },
    [PULSE_RULE_TEST_LINE_NEXT] = { "go-next-symbolic", "accent" },
    [PULSE_RULE_TEST_LINE_MATCHES] = { "view-more-horizontal-symbolic", "dim-label" },
    [PULSE_RULE_TEST_LINE_WARNING] = { "dialog-warning-symbolic", "warning" },
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (looks[line->kind].icon_name);
  GtkWidget *badge = gtk_label_new (NULL);

  switch (line->kind)
    {
    case PULSE_RULE_TEST_LINE_FIRES:
      gtk_label_set_label (GTK_LABEL (badge), C_("rule test", "Fires"));
      break;
    case PULSE_RULE_TEST_LINE_NEXT:
      gtk_label_set_label (GTK_LABEL (badge), C_("rule test", "Would fire next"));
      break;
    case PULSE_RULE_TEST_LINE_MATCHES:
      gtk_label_set_label (GTK_LABEL (badge), C_("rule test", "Also matches"));
      break;
    case PULSE_RULE_TEST_LINE_WARNING:
    default:
      gtk_label_set_label (GTK_LABEL (badge), C_("rule test", "Look-alike letters"));
      break;
    }

  gtk_widget_add_css_class (icon, looks[line->kind].css_class);
  gtk_widget_add_css_class (badge, "caption");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line->subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  return row;
}

static char *
dup_text (PulseRuleBench *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_answer (PulseRuleBench *self,
             JsonObject     *answer)
{
  g_autofree char *text = dup_text (self);
  g_autoptr(GPtrArray) lines = NULL;
  GtkListBoxRow *old;

  lines = pulse_rule_text_explain (answer, gtk_editable_get_text (GTK_EDITABLE (
                                     self->subject_entry)), text);
  while ((old = gtk_list_box_get_row_at_index (self->results, 0)) != NULL)
    gtk_list_box_remove (self->results, GTK_WIDGET (old));
  for (guint i = 0; i < lines->len; i++)
    gtk_list_box_append (self->results, result_row (g_ptr_array_index (lines, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->results), lines->len > 0);
  gtk_label_set_label (self->test_status, lines->len > 0 ? NULL
                       : _("No rule would fire: the message reaches an agent unanswered."));
}

static void
tested_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PulseRuleBench) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;

  answer = pulse_session_test_rules_finish (PULSE_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->test_button, TRUE);
  if (answer == NULL)
    {
      gtk_label_set_label (self->test_status, error->message);
      return;
    }

  show_answer (self, json_node_get_object (answer));
}

static void
on_test_cb (PulseRuleBench *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) message = NULL;
  g_autofree char *text = dup_text (self);
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND,
                                                              channel));
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder,
                                 gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  message = json_builder_get_root (builder);

  gtk_widget_set_sensitive (self->test_button, FALSE);
  gtk_label_set_label (self->test_status, _("Testing…"));
  pulse_session_test_rules_async (self->session, message, self->cancellable, tested_cb,
                                  g_object_ref (self));
}

static void
pulse_rule_bench_dispose (GObject *object)
{
  PulseRuleBench *self = PULSE_RULE_BENCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_RULE_BENCH);

  G_OBJECT_CLASS (pulse_rule_bench_parent_class)->dispose (object);
}

static void
pulse_rule_bench_class_init (PulseRuleBenchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_rule_bench_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-rule-bench.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseRuleBench, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseRuleBench, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, PulseRuleBench, text_view);
  gtk_widget_class_bind_template_child (widget_class, PulseRuleBench, test_status);
  gtk_widget_class_bind_template_child (widget_class, PulseRuleBench, test_button);
  gtk_widget_class_bind_template_child (widget_class, PulseRuleBench, results);
  gtk_widget_class_bind_template_callback (widget_class, on_test_cb);
}

static void
pulse_rule_bench_init (PulseRuleBench *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (PulseChannelKind kind = PULSE_CHANNEL_KIND_EMAIL; kind <= PULSE_CHANNEL_KIND_IN_APP; kind++)
    gtk_string_list_append (channels, pulse_format_channel (kind));
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  gtk_drop_down_set_selected (self->channel_dropdown, PULSE_CHANNEL_KIND_CHAT);
}

/**
 * pulse_rule_bench_set_session:
 * @session: where the test goes
 */
void
pulse_rule_bench_set_session (PulseRuleBench *self,
                              PulseSession   *session)
{
  g_return_if_fail (PULSE_IS_RULE_BENCH (self));
  g_return_if_fail (PULSE_IS_SESSION (session));

  g_set_object (&self->session, session);
}
