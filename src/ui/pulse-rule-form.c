/* pulse-rule-form.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule editor's values and their checks, without widgets: a message
 * names the field at fault in words the editor shows as they are.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-rule-form.h"
#include "pulse-text.h"
#include "pulse-utils.h"

static char *
join_values (const char * const *values)
{
  return values != NULL && values[0] != NULL ? g_strjoinv (", ", (GStrv) values) : NULL;
}

static void
read_actions (PulseRuleForm *form,
              PulseRule     *rule)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  for (guint i = 0; i < pulse_rule_get_n_actions (rule); i++)
    {
      const PulseRuleAction *action = pulse_rule_get_action (rule, i);
      int priority = -1;

      switch (action->kind)
        {
        case PULSE_RULE_ACTION_KIND_AUTO_REPLY:
          pulse_set_str (&form->reply_template_id, action->value);
          break;
        case PULSE_RULE_ACTION_KIND_TAG:
          g_ptr_array_add (tags, action->value);
          break;
        case PULSE_RULE_ACTION_KIND_ROUTE:
          pulse_set_str (&form->route_queue_id, action->value);
          break;
        case PULSE_RULE_ACTION_KIND_ASSIGN:
          pulse_set_str (&form->assign_agent_id, action->value);
          break;
        case PULSE_RULE_ACTION_KIND_PRIORITY:
          if (pulse_enum_from_nick (PULSE_TYPE_PRIORITY, action->value, &priority))
            form->priority = priority;
          break;
        case PULSE_RULE_ACTION_KIND_CLOSE:
        default:
          form->close = TRUE;
          break;
        }
    }

  g_ptr_array_add (tags, NULL);
  form->add_tags = join_values ((const char * const *) tags->pdata);
}

/**
 * pulse_rule_form_new:
 * @rule: (nullable): the rule to edit, or %NULL for a new one
 * @position: a new rule's position (ignored with @rule)
 *
 * Returns: (transfer full): the form for @rule; a new rule is enabled
 *   with one empty phrase.
 */
PulseRuleForm *
pulse_rule_form_new (PulseRule *rule,
                     int        position)
{
  PulseRuleForm *form = g_new0 (PulseRuleForm, 1);

  form->phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_rule_phrase_free);
  form->priority = -1;
  if (rule == NULL)
    {
      form->position = position;
      form->enabled = TRUE;
      g_ptr_array_add (form->phrases, pulse_rule_phrase_new ("", PULSE_MATCH_MODE_PHRASE,
                                                             PULSE_MATCH_FIELD_ANY));
      return form;
    }

  form->id = g_strdup (pulse_rule_get_id (rule));
  form->version = pulse_rule_get_version (rule);
  form->position = pulse_rule_get_position (rule);
  form->name = g_strdup (pulse_rule_get_name (rule));
  form->enabled = pulse_rule_get_enabled (rule);
  for (guint i = 0; i < pulse_rule_get_n_phrases (rule); i++)
    g_ptr_array_add (form->phrases, pulse_rule_phrase_copy (pulse_rule_get_phrase (rule, i)));
  form->channels = pulse_rule_get_channels (rule);
  form->queue_id = g_strdup (pulse_rule_get_queue_ids (rule)[0]);
  form->tags = join_values (pulse_rule_get_tags (rule));
  form->language = g_strdup (pulse_rule_get_language (rule));
  form->windowed = pulse_rule_get_active_from (rule) >= 0;
  if (form->windowed)
    {
      form->active_from = pulse_rule_form_format_minute (pulse_rule_get_active_from (rule));
      form->active_to = pulse_rule_form_format_minute (pulse_rule_get_active_to (rule));
    }
  read_actions (form, rule);
  return form;
}

void
pulse_rule_form_free (PulseRuleForm *form)
{
  if (form == NULL)
    return;

  g_free (form->id);
  g_free (form->name);
  g_ptr_array_unref (form->phrases);
  g_free (form->queue_id);
  g_free (form->tags);
  g_free (form->language);
  g_free (form->active_from);
  g_free (form->active_to);
  g_free (form->reply_template_id);
  g_free (form->add_tags);
  g_free (form->route_queue_id);
  g_free (form->assign_agent_id);
  g_free (form);
}

/**
 * pulse_rule_form_format_minute:
 * @minute: minutes since midnight, 0…1440
 *
 * Returns: (transfer full): "HH:MM"
 */
char *
pulse_rule_form_format_minute (int minute)
{
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

/**
 * pulse_rule_form_parse_minute:
 * @text: "H:MM" or "HH:MM"
 * @end: whether 24:00 (the midnight ending the day) is allowed
 * @minute: (out): minutes since midnight
 *
 * Returns: whether @text is such a time
 */
gboolean
pulse_rule_form_parse_minute (const char *text,
                              gboolean    end,
                              int        *minute)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = NULL;
  guint64 hours = 0, minutes = 0;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  parts = g_strsplit (copy, ":", 0);
  if (g_strv_length (parts) != 2 || strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 24, &hours, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minutes, NULL) ||
      (hours == 24 && (!end || minutes != 0)))
    return FALSE;

  *minute = (int) (hours * 60 + minutes);
  return TRUE;
}

/* Comma-separated names, trimmed, empty ones dropped. */
static GStrv
split_names (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", 0);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (names, parts[i]);
    }

  return g_strv_builder_end (names);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, message);
  return FALSE;
}

static gboolean
check_phrases (PulseRuleForm  *form,
               GError        **error)
{
  for (guint i = 0; i < form->phrases->len; i++)
    {
      const PulseRulePhrase *phrase = g_ptr_array_index (form->phrases, i);
      g_autoptr(GArray) words = pulse_text_tokenize (phrase->text);
      g_autofree char *message = NULL;

      if (is_blank (phrase->text))
        /* Translators: %u is the phrase's number in the editor */
        message = g_strdup_printf (_("Phrase %u: type the words to look for, or remove the "
                                     "phrase."), i + 1);
      else if (words->len == 0)
        /* Translators: %u is the phrase's number, %s what was typed */
        message = g_strdup_printf (_("Phrase %u: “%s” has no letters or digits to match."),
                                   i + 1, phrase->text);
      if (message != NULL)
        return fail (error, message);
    }

  return TRUE;
}

static gboolean
check_window (PulseRuleForm  *form,
              int            *from,
              int            *to,
              GError        **error)
{
  g_autofree char *message = NULL;

  *from = *to = -1;
  if (!form->windowed)
    return TRUE;

  if (!pulse_rule_form_parse_minute (form->active_from, FALSE, from))
    /* Translators: %s is what was typed as the window's start */
    message = g_strdup_printf (_("Time window: the start “%s” is not a time; write it as "
                                 "HH:MM, from 00:00 to 23:59."),
                               form->active_from != NULL ? form->active_from : "");
  else if (!pulse_rule_form_parse_minute (form->active_to, TRUE, to))
    /* Translators: %s is what was typed as the window's end */
    message = g_strdup_printf (_("Time window: the end “%s” is not a time; write it as HH:MM, "
                                 "from 00:00 to 24:00."),
                               form->active_to != NULL ? form->active_to : "");
  else if (*from == *to)
    message = g_strdup (_("Time window: the start and the end must differ."));

  return message == NULL || fail (error, message);
}

static gboolean
check_form (PulseRuleForm  *form,
            int            *from,
            int            *to,
            GError        **error)
{
  g_auto(GStrv) add_tags = split_names (form->add_tags);

  if (is_blank (form->name))
    return fail (error, _("Name: give the rule a name the team will recognise."));
  if (g_utf8_strlen (form->name, -1) > 200)
    return fail (error, _("Name: keep it under 200 characters."));
  if (!check_phrases (form, error) || !check_window (form, from, to, error))
    return FALSE;
  if (form->reply_template_id == NULL && add_tags[0] == NULL && form->route_queue_id == NULL &&
      form->assign_agent_id == NULL && form->priority < 0 && !form->close)
    return fail (error, _("Actions: choose at least one thing the rule does."));

  return TRUE;
}

static void
add_action (JsonBuilder         *builder,
            PulseRuleActionKind  kind,
            const char          *value)
{
  json_builder_begin_object (builder);
  pulse_json_add_enum (builder, "kind", PULSE_TYPE_RULE_ACTION_KIND, kind);
  pulse_json_add_string (builder, "value", value);
  json_builder_end_object (builder);
}

static void
build_actions (JsonBuilder   *builder,
               PulseRuleForm *form)
{
  g_auto(GStrv) add_tags = split_names (form->add_tags);

  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  if (form->reply_template_id != NULL)
    add_action (builder, PULSE_RULE_ACTION_KIND_AUTO_REPLY, form->reply_template_id);
  for (guint i = 0; add_tags[i] != NULL; i++)
    add_action (builder, PULSE_RULE_ACTION_KIND_TAG, add_tags[i]);
  if (form->route_queue_id != NULL)
    add_action (builder, PULSE_RULE_ACTION_KIND_ROUTE, form->route_queue_id);
  if (form->assign_agent_id != NULL)
    add_action (builder, PULSE_RULE_ACTION_KIND_ASSIGN, form->assign_agent_id);
  if (form->priority >= 0)
    add_action (builder, PULSE_RULE_ACTION_KIND_PRIORITY,
                pulse_enum_to_nick (PULSE_TYPE_PRIORITY, form->priority));
  if (form->close)
    add_action (builder, PULSE_RULE_ACTION_KIND_CLOSE, NULL);
  json_builder_end_array (builder);
}

static JsonNode *
build_rule (PulseRuleForm *form,
            int            from,
            int            to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_auto(GStrv) tags = split_names (form->tags);
  g_autofree char *name = g_strstrip (g_strdup (form->name));
  const char *queues[] = { form->queue_id, NULL };

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", form->id);
  pulse_json_add_int (builder, "version", form->version);
  pulse_json_add_string (builder, "name", name);
  pulse_json_add_int (builder, "position", form->position);
  pulse_json_add_boolean (builder, "enabled", form->enabled);
  json_builder_set_member_name (builder, "phrases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < form->phrases->len; i++)
    json_builder_add_value (builder, pulse_rule_phrase_to_json (g_ptr_array_index (form->phrases,
                                                                                   i)));
  json_builder_end_array (builder);
  pulse_channel_set_write (builder, "channels", form->channels);
  pulse_json_add_strv (builder, "queue_ids", queues);
  pulse_json_add_strv (builder, "tags", (const char * const *) tags);
  pulse_json_add_string (builder, "language", form->language);
  if (from >= 0)
    {
      pulse_json_add_int (builder, "active_from", from);
      pulse_json_add_int (builder, "active_to", to);
    }
  build_actions (builder, form);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * pulse_rule_form_to_json:
 * @form: the editor's values; a new rule without an id gets one here
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error whose
 *   translated message starts with the field at fault ("Phrase 2: …")
 *
 * Checks @form and builds the rule's full wire form, which the rule
 * codec accepts.
 *
 * Returns: (transfer full) (nullable): the rule, or %NULL on error
 */
JsonNode *
pulse_rule_form_to_json (PulseRuleForm  *form,
                         GError        **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PulseRule) rule = NULL;
  g_autoptr(GError) local_error = NULL;
  int from = -1, to = -1;

  g_return_val_if_fail (form != NULL, NULL);

  if (!check_form (form, &from, &to, error))
    return NULL;

  if (form->id == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      form->id = g_strconcat ("rule-", uuid, NULL);
    }
  node = build_rule (form, from, to);
  rule = pulse_rule_new_from_json (node, &local_error);
  if (rule == NULL)
    {
      /* Translators: %s is the codec's reason, in English */
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   _("The rule cannot be saved: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&node);
}
