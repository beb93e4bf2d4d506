/* pulse-rule-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules in words: what a rule looks for and does, and what the server's
 * test bench answered — which rule fires, which would fire next, on
 * which words, and the words whose look-alike letters keep a rule from
 * firing. No GTK.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pulse-rule-text.h"

static const char *
action_text (const PulseRuleAction *action)
{
  switch (action->kind)
    {
    case PULSE_RULE_ACTION_KIND_AUTO_REPLY:
      return C_("rule action", "reply with");
    case PULSE_RULE_ACTION_KIND_TAG:
      return C_("rule action", "tag");
    case PULSE_RULE_ACTION_KIND_ROUTE:
      return C_("rule action", "route to");
    case PULSE_RULE_ACTION_KIND_ASSIGN:
      return C_("rule action", "assign to");
    case PULSE_RULE_ACTION_KIND_PRIORITY:
      return C_("rule action", "priority");
    case PULSE_RULE_ACTION_KIND_CLOSE:
    default:
      return C_("rule action", "close");
    }
}

/**
 * pulse_rule_text_summary:
 * @rule: a rule
 *
 * Returns: (transfer full): «phrase», «phrase» → tag payment, close —
 *   what the rule looks for and what it does.
 */
char *
pulse_rule_text_summary (PulseRule *rule)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (PULSE_IS_RULE (rule), NULL);

  for (guint i = 0; i < pulse_rule_get_n_phrases (rule); i++)
    g_string_append_printf (text, "%s«%s»", i > 0 ? ", " : "",
                            pulse_rule_get_phrase (rule, i)->text);
  if (pulse_rule_get_n_phrases (rule) == 0)
    g_string_append (text, C_("rule conditions", "any message"));

  g_string_append (text, " → ");
  for (guint i = 0; i < pulse_rule_get_n_actions (rule); i++)
    {
      const PulseRuleAction *action = pulse_rule_get_action (rule, i);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", action_text (action));
      if (action->value != NULL && action->value[0] != '\0')
        g_string_append_printf (text, " %s", action->value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
line_free (gpointer data)
{
  PulseRuleTestLine *line = data;

  g_free (line->title);
  g_free (line->subtitle);
  g_free (line);
}

static void
add_line (GPtrArray             *lines,
          PulseRuleTestLineKind  kind,
          char                  *title,
          char                  *subtitle)
{
  PulseRuleTestLine *line = g_new0 (PulseRuleTestLine, 1);

  line->kind = kind;
  line->title = title;
  line->subtitle = subtitle;
  g_ptr_array_add (lines, line);
}

/* The words at [start, end) of the field named, if the offsets hold. */
static char *
cut (JsonObject *range,
     const char *subject,
     const char *text)
{
  const char *field = json_object_get_string_member_with_default (range, "field", "body");
  const char *source = g_strcmp0 (field, "subject") == 0 ? subject : text;
  gint64 start = json_object_get_int_member_with_default (range, "start", -1);
  gint64 end = json_object_get_int_member_with_default (range, "end", -1);

  if (source == NULL || start < 0 || end <= start || end > (gint64) strlen (source)
      || !g_utf8_validate (source + start, end - start, NULL))
    return NULL;

  return g_strndup (source + start, end - start);
}

static char *
matched_words (JsonObject *match,
               const char *subject,
               const char *text)
{
  g_autoptr(GString) words = g_string_new (NULL);
  JsonArray *phrases = json_object_has_member (match, "phrases")
                       ? json_object_get_array_member (match, "phrases") : NULL;

  for (guint i = 0; phrases != NULL && i < json_array_get_length (phrases); i++)
    {
      g_autofree char *piece = cut (json_array_get_object_element (phrases, i), subject, text);

      if (piece != NULL)
        g_string_append_printf (words, "%s«%s»", words->len > 0 ? ", " : "", piece);
    }

  if (words->len == 0)
    return g_strdup (_("Its other conditions hold"));

  /* Translators: the words of a message a rule matched, e.g. "On «не пришли деньги»" */
  return g_strdup_printf (_("On %s"), words->str);
}

/**
 * pulse_rule_text_explain:
 * @answer: the server's answer to `POST /api/v1/rules/test`
 * @subject: (nullable): the subject tested, for the words matched
 * @text: (nullable): the text tested
 *
 * Returns: (transfer full) (element-type PulseRuleTestLine): the matches
 *   in execution order, the firing one and the next marked, then the
 *   look-alike warnings with the corrected spelling.
 */
GPtrArray *
pulse_rule_text_explain (JsonObject *answer,
                         const char *subject,
                         const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  const char *fires = json_object_get_string_member_with_default (answer, "fires", NULL);
  const char *next = json_object_get_string_member_with_default (answer, "next", NULL);
  JsonArray *matches = json_object_has_member (answer, "matches")
                       ? json_object_get_array_member (answer, "matches") : NULL;
  JsonArray *warnings = json_object_has_member (answer, "warnings")
                        ? json_object_get_array_member (answer, "warnings") : NULL;

  for (guint i = 0; matches != NULL && i < json_array_get_length (matches); i++)
    {
      JsonObject *match = json_array_get_object_element (matches, i);
      const char *id = json_object_get_string_member_with_default (match, "rule_id", "");
      const char *name = json_object_get_string_member_with_default (match, "rule_name", id);

      add_line (lines,
                g_strcmp0 (id, fires) == 0 ? PULSE_RULE_TEST_LINE_FIRES
                : g_strcmp0 (id, next) == 0 ? PULSE_RULE_TEST_LINE_NEXT
                : PULSE_RULE_TEST_LINE_MATCHES,
                g_strdup_printf ("%" G_GINT64_FORMAT ". %s",
                                 json_object_get_int_member_with_default (match, "position", 0),
                                 name),
                matched_words (match, subject, text));
    }

  for (guint i = 0; warnings != NULL && i < json_array_get_length (warnings); i++)
    {
      JsonObject *warning = json_array_get_object_element (warnings, i);

      add_line (lines, PULSE_RULE_TEST_LINE_WARNING,
                g_strdup (json_object_get_string_member_with_default (warning, "word", "")),
                /* Translators: a word that mixes Latin and Cyrillic letters, and the
                 * spelling with one alphabet */
                g_strdup_printf (_("Mixes Latin and Cyrillic letters; did you mean “%s”?"),
                                 json_object_get_string_member_with_default (warning,
                                                                             "corrected", "")));
    }

  return lines;
}
