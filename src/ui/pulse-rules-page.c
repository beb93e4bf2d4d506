/* pulse-rules-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-format.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-role-policy.h"
#include "pulse-rule-text.h"
#include "pulse-rules-page.h"
#include "pulse-session-rules.h"
#include "pulse-window.h"

/*
 * PulseRulesPage:
 *
 * The automation rules in execution order — the first whose conditions
 * hold fires — each with what it looks for and does and a switch to
 * turn it off, which goes through the outbox like every edit; and above
 * them a test bench: a message typed or pasted is run through the
 * server's rules (`POST /api/v1/rules/test`, nothing saved), showing the
 * rule that fires, the one that would fire next, the words they matched
 * and words whose look-alike Latin and Cyrillic letters keep a rule
 * from firing. Editing a rule's conditions is the next step (issue 8).
 */
struct _PulseRulesPage
{
  AdwBin            parent_instance;

  GtkDropDown      *channel_dropdown;
  GtkEntry         *subject_entry;
  GtkTextView      *text_view;
  GtkLabel         *test_status;
  GtkWidget        *test_button;
  GtkListBox       *results;
  GtkLabel         *rules_hint;
  GtkListBox       *rules_list;

  PulseSession     *session;
  GtkSortListModel *sorted;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (PulseRulesPage, pulse_rules_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
can_edit (PulseRulesPage *self)
{
  return pulse_role_can (pulse_session_get_role (self->session), PULSE_PERMISSION_EDIT_RULES);
}

static void
toast (PulseRulesPage *self,
       const char     *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PULSE_IS_WINDOW (root))
    pulse_window_add_toast (PULSE_WINDOW (root), text);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PulseRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (pulse_session_set_rule_enabled_finish (PULSE_SESSION (object), result, &error))
    return;

  /* Translators: a toast when switching a rule failed, with the reason */
  text = g_strdup_printf (_("The rule was not changed: %s"), error->message);
  toast (self, text);
}

static gboolean
on_switch_state_cb (GtkSwitch *button,
                    gboolean   state,
                    gpointer   user_data)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                    PULSE_TYPE_RULES_PAGE));
  PulseRule *rule = user_data;

  if (self == NULL || state == pulse_rule_get_enabled (rule))
    return FALSE;

  pulse_session_set_rule_enabled_async (self->session, rule, state, NULL, saved_cb,
                                        g_object_ref (self));
  return FALSE;
}

static GtkWidget *
create_rule_row (gpointer item,
                 gpointer user_data)
{
  PulseRulesPage *self = user_data;
  PulseRule *rule = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_switch_new ();
  g_autofree char *title = g_strdup_printf ("%d. %s", pulse_rule_get_position (rule),
                                            pulse_rule_get_name (rule));
  g_autofree char *summary = pulse_rule_text_summary (rule);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_switch_set_active (GTK_SWITCH (button), pulse_rule_get_enabled (rule));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, can_edit (self));
  gtk_widget_set_tooltip_text (button, pulse_rule_get_enabled (rule)
                               ? _("Runs on new contacts") : _("Switched off"));
  g_signal_connect_object (button, "state-set", G_CALLBACK (on_switch_state_cb), rule, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  if (!pulse_rule_get_enabled (rule))
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static int
by_position (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  int x = pulse_rule_get_position ((PulseRule *) a);
  int y = pulse_rule_get_position ((PulseRule *) b);

  return x < y ? -1 : x > y ? 1 : g_strcmp0 (pulse_rule_get_id ((PulseRule *) a),
                                           pulse_rule_get_id ((PulseRule *) b));
}

static void
update_hint (PulseRulesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  if (n == 0)
    gtk_label_set_label (self->rules_hint, _("The server has no automation rules yet."));
  else if (can_edit (self))
    gtk_label_set_label (self->rules_hint, _("The first rule whose conditions hold fires. "
                                             "A rule switched off no longer runs on new "
                                             "contacts; the change is saved even offline."));
  else
    gtk_label_set_label (self->rules_hint, _("The first rule whose conditions hold fires. "
                                             "Your role may read rules but not change them."));
}

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
dup_text (PulseRulesPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_answer (PulseRulesPage *self,
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
  g_autoptr(PulseRulesPage) self = user_data;
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
on_test_cb (PulseRulesPage *self)
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
on_rules_changed_cb (PulseRulesPage *self)
{
  update_hint (self);
}

static void
pulse_rules_page_constructed (GObject *object)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (object);
  GtkCustomSorter *sorter = gtk_custom_sorter_new (by_position, NULL, NULL);

  G_OBJECT_CLASS (pulse_rules_page_parent_class)->constructed (object);

  self->sorted = gtk_sort_list_model_new (
    G_LIST_MODEL (g_object_ref (pulse_session_get_list (self->session, PULSE_STATE_KIND_RULE))),
    GTK_SORTER (sorter));
  gtk_list_box_bind_model (self->rules_list, G_LIST_MODEL (self->sorted), create_rule_row,
                           self, NULL);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_rules_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::role", G_CALLBACK (on_rules_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_hint (self);
}

static void
pulse_rules_page_dispose (GObject *object)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->rules_list != NULL)
    gtk_list_box_bind_model (self->rules_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_RULES_PAGE);

  G_OBJECT_CLASS (pulse_rules_page_parent_class)->dispose (object);
}

static void
pulse_rules_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (object);

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
pulse_rules_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_rules_page_class_init (PulseRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_rules_page_constructed;
  object_class->dispose = pulse_rules_page_dispose;
  object_class->get_property = pulse_rules_page_get_property;
  object_class->set_property = pulse_rules_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-rules-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, test_status);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, test_button);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, results);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, rules_hint);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, rules_list);
  gtk_widget_class_bind_template_callback (widget_class, on_test_cb);
}

static void
pulse_rules_page_init (PulseRulesPage *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (PulseChannelKind kind = PULSE_CHANNEL_KIND_EMAIL; kind <= PULSE_CHANNEL_KIND_IN_APP; kind++)
    gtk_string_list_append (channels, pulse_format_channel (kind));
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  gtk_drop_down_set_selected (self->channel_dropdown, PULSE_CHANNEL_KIND_CHAT);
}

GtkWidget *
pulse_rules_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_RULES_PAGE, "session", session, NULL);
}
