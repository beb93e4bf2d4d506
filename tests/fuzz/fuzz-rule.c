/* fuzz-rule.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rule text normalisation and matching. The input is a control byte,
 * then lines: the rules (a JSON array of rules, or else the text of one
 * phrase whose mode and field the control byte picks), the contact's
 * subject, and its body (the rest). The text functions run on subject
 * and body; the matcher evaluates the contact.
 *
 * Checks: folding is idempotent; words and warnings lie in the text, in
 * order; the text index finds every word by its key; every hit lies in
 * the field it names.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "pulse-json.h"
#include "pulse-rule-matcher.h"
#include "pulse-rule-match-result.h"
#include "pulse-rule.h"
#include "pulse-text-index.h"
#include "pulse-text.h"

static const char * const modes[] = { "phrase", "whole-word", "prefix" };
static const char * const fields[] = { "any", "subject", "body" };

static void
check_span (gsize       start,
            gsize       end,
            gsize       length,
            gsize       after,
            const char *what)
{
  if (start >= end || end > length || start < after)
    {
      fprintf (stderr, "%s [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT ") out of place "
               "(text %" G_GSIZE_FORMAT " bytes, previous end %" G_GSIZE_FORMAT ")\n",
               what, start, end, length, after);
      abort ();
    }
}

static void
check_text (const char *text)
{
  g_autofree char *folded = pulse_text_normalize (text);
  g_autofree char *twice = pulse_text_normalize (folded);
  g_autoptr(GArray) words = pulse_text_tokenize (text);
  g_autoptr(GPtrArray) warnings = pulse_text_find_mixed_scripts (text);
  g_autoptr(GHashTable) vocabulary = pulse_text_index_vocabulary_new ();
  g_autoptr(PulseTextIndex) index = NULL;
  gsize length = strlen (text);
  gsize after = 0;

  if (strcmp (folded, twice) != 0)
    {
      fprintf (stderr, "folding is not idempotent:\n  %s\n  %s\n", folded, twice);
      abort ();
    }

  for (guint i = 0; i < words->len; i++)
    {
      const PulseTextWord *word = &g_array_index (words, PulseTextWord, i);

      check_span (word->start, word->end, length, after, "word");
      g_assert (word->folded != NULL && word->key != NULL);
      after = word->end;
    }

  after = 0;
  for (guint i = 0; i < warnings->len; i++)
    {
      const PulseTextWarning *warning = g_ptr_array_index (warnings, i);

      check_span (warning->start, warning->end, length, after, "mixed-script warning");
      after = warning->end;
    }

  /* Every word is found by its own key as a prefix, at its position. */
  index = pulse_text_index_new (text, vocabulary);
  for (guint i = 0; i < pulse_text_index_get_n_words (index); i++)
    {
      const PulseTextWord *word = pulse_text_index_get_word (index, i);
      const guint *positions = NULL;
      guint n_positions = 0;
      gboolean found = FALSE;

      if (pulse_text_index_find_prefix (index, word->key, &positions, &n_positions))
        for (guint k = 0; k < n_positions && !found; k++)
          found = positions[k] == i;
      if (!found)
        {
          fprintf (stderr, "word %u “%s” is not found by its key “%s”\n", i, word->folded,
                   word->key);
          abort ();
        }
    }
}

/* One rule with @phrase, its mode and field from @control. */
static PulseRule *
phrase_rule (const char *phrase,
             guint8      control)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", "r-fuzz");
  pulse_json_add_int (builder, "version", 1);
  pulse_json_add_string (builder, "name", "Fuzz");
  pulse_json_add_int (builder, "position", 0);
  pulse_json_add_boolean (builder, "enabled", TRUE);
  json_builder_set_member_name (builder, "phrases");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "text", phrase);
  pulse_json_add_string (builder, "mode", modes[control % G_N_ELEMENTS (modes)]);
  pulse_json_add_string (builder, "field", fields[(control / 3) % G_N_ELEMENTS (fields)]);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "kind", "close");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  return pulse_rule_new_from_json (node, NULL);
}

static GPtrArray *
read_rules (const char *line,
            guint8      control)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) node = pulse_json_parse (line, -1, NULL);
  PulseRule *rule;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          rule = pulse_rule_new_from_json (json_array_get_element (array, i), NULL);
          if (rule != NULL)
            g_ptr_array_add (rules, rule);
        }
    }
  else if ((rule = phrase_rule (line, control)) != NULL)
    g_ptr_array_add (rules, rule);

  return rules;
}

static void
check_hits (PulseRuleMatchResult   *result,
            const PulseRuleContact *contact)
{
  for (guint m = 0; m < pulse_rule_match_result_get_n_matches (result); m++)
    {
      for (guint h = 0; h < pulse_rule_match_result_get_n_hits (result, m); h++)
        {
          const PulseRuleHit *hit = pulse_rule_match_result_get_hit (result, m, h);
          const char *text = hit->field == PULSE_MATCH_FIELD_SUBJECT ? contact->subject
                                                                     : contact->body;

          if (hit->field != PULSE_MATCH_FIELD_SUBJECT && hit->field != PULSE_MATCH_FIELD_BODY)
            abort ();
          check_span (hit->start, hit->end, strlen (text), 0, "hit");
        }
    }
}

static void
evaluate (GPtrArray  *rules,
          const char *subject,
          const char *body,
          guint8      control)
{
  g_autoptr(PulseRuleMatcher) matcher = pulse_rule_matcher_new (rules);
  g_autoptr(PulseRuleMatchResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  PulseRuleContact contact = { subject, body, (control >> 4) % 8, NULL, NULL,
                               (control & 0x80) != 0 ? "uk" : NULL,
                               (control & 0x40) != 0 ? (control * 7) % 1440
                                                     : PULSE_RULE_CONTACT_ANY_MINUTE };

  result = pulse_rule_matcher_evaluate (matcher, &contact, NULL);
  if (result == NULL)
    return;

  check_hits (result, &contact);
  json = pulse_rule_match_result_to_json (result);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  char *subject = (char *) "";
  char *body = (char *) "";
  char *end;

  pulse_fuzz_setup ();
  if (size == 0)
    return 0;

  /* Lines end at the first NUL too: the texts are C strings. */
  text = pulse_fuzz_dup_text (data + 1, size - 1);
  if ((end = strchr (text, '\n')) != NULL)
    {
      *end = '\0';
      subject = end + 1;
      if ((end = strchr (subject, '\n')) != NULL)
        {
          *end = '\0';
          body = end + 1;
        }
    }

  check_text (text);
  check_text (subject);
  check_text (body);
  rules = read_rules (text, data[0]);
  evaluate (rules, subject, body, data[0]);
  return 0;
}
