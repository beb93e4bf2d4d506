/* pulse-rule-matcher.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pulse-channel-set.h"
#include "pulse-error.h"
#include "pulse-rule-match-result-private.h"
#include "pulse-rule-matcher.h"
#include "pulse-rule-pattern.h"

/**
 * PulseRuleMatcher:
 *
 * A list of rules compiled for matching: sorted into execution order
 * (ascending position; rules with equal positions keep the order they
 * were given in), with every phrase tokenised and folded once and its
 * words numbered in one vocabulary. Each evaluation then tokenises the
 * contact's subject and body once, links their words by vocabulary id,
 * and looks every phrase up there (see pulse-text-index.h).
 *
 * A rule matches a contact when it is enabled and all of its conditions
 * hold: its channels (none means all) include the contact's; its queues
 * (none means all) include the contact's queue; the contact carries every
 * one of its tags (exact, case-sensitive); its language, if set, equals
 * the contact's, ignoring ASCII case, or is its primary tag ("ru" accepts
 * "ru-RU"); the minute is inside its active window
 * (pulse_rule_is_active_at()); and one of its phrases matches. A rule
 * without phrases matches on the other conditions alone.
 *
 * Phrases are compared word by word after folding and look-alike
 * correction (see pulse-text.h), so case, ё/е, apostrophe style and a
 * stray Latin letter in a Cyrillic word do not matter. By mode:
 * - whole-word: every word of the phrase occurs as a whole word of the
 *   field, anywhere and in any order ("картка" does not match "картки");
 * - phrase: the phrase's words occur consecutively and in order, with
 *   only spaces or punctuation between them;
 * - prefix: like phrase, but each word of the contact need only start
 *   with the phrase's word ("заблок" matches "заблокирована").
 * A phrase with no words at all ("?!") never matches. Field "any"
 * searches the subject and the body separately; a phrase never runs from
 * one into the other.
 *
 * The matcher snapshots each rule's enabled flag, position and language
 * when it is built; build a new one when the rules change. It is
 * immutable, so one matcher may evaluate contacts from several threads.
 */
struct _PulseRuleMatcher
{
  GObject    parent_instance;

  GPtrArray  *rules;
  GPtrArray  *phrase_warnings;
  GHashTable *vocabulary;
};

typedef struct
{
  PulseRule *rule;
  int        position;
  gboolean   enabled;
  char      *language;
  GPtrArray *patterns;
  GPtrArray *warnings;
} CompiledRule;

G_DEFINE_FINAL_TYPE (PulseRuleMatcher, pulse_rule_matcher, G_TYPE_OBJECT)

static void
compiled_rule_free (CompiledRule *compiled)
{
  g_clear_object (&compiled->rule);
  g_clear_pointer (&compiled->language, g_free);
  g_clear_pointer (&compiled->patterns, g_ptr_array_unref);
  g_clear_pointer (&compiled->warnings, g_ptr_array_unref);
  g_free (compiled);
}

static void
compile_phrase (CompiledRule *compiled,
                guint         index,
                GHashTable   *vocabulary)
{
  const PulseRulePhrase *phrase = pulse_rule_get_phrase (compiled->rule, index);
  PulseRulePattern *pattern = pulse_rule_pattern_new (phrase, index, vocabulary);
  const GArray *words = pulse_rule_pattern_get_words (pattern);

  g_ptr_array_add (compiled->patterns, pattern);
  for (guint i = 0; i < words->len; i++)
    {
      const PulseTextWord *word = &g_array_index (words, PulseTextWord, i);
      PulseRuleWarning *warning;

      if (!word->mixed)
        continue;

      warning = _pulse_rule_warning_new (PULSE_RULE_WARNING_PHRASE, phrase->text,
                                         word->start, word->end, word->corrected);
      warning->rule_id = g_strdup (pulse_rule_get_id (compiled->rule));
      warning->phrase_index = index;
      g_ptr_array_add (compiled->warnings, warning);
    }
}

static CompiledRule *
compile_rule (PulseRule  *rule,
              GHashTable *vocabulary)
{
  CompiledRule *compiled = g_new0 (CompiledRule, 1);
  guint n_phrases = pulse_rule_get_n_phrases (rule);

  compiled->rule = g_object_ref (rule);
  compiled->position = pulse_rule_get_position (rule);
  compiled->enabled = pulse_rule_get_enabled (rule);
  compiled->language = g_strdup (pulse_rule_get_language (rule));
  compiled->patterns = g_ptr_array_new_full (n_phrases, (GDestroyNotify) pulse_rule_pattern_free);
  compiled->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_rule_warning_free);
  for (guint i = 0; i < n_phrases; i++)
    compile_phrase (compiled, i, vocabulary);

  return compiled;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const CompiledRule *ra = *(CompiledRule * const *) a;
  const CompiledRule *rb = *(CompiledRule * const *) b;

  return ra->position < rb->position ? -1 : ra->position > rb->position;
}

/* "ru" accepts "ru", "RU" and "ru-RU", but not "rus". */
static gboolean
language_matches (const char *wanted,
                  const char *language)
{
  gsize length;

  if (wanted == NULL)
    return TRUE;
  if (language == NULL)
    return FALSE;

  length = strlen (wanted);
  return g_ascii_strncasecmp (language, wanted, length) == 0 &&
         (language[length] == '\0' || language[length] == '-' || language[length] == '_');
}

static gboolean
conditions_hold (const CompiledRule     *compiled,
                 const PulseRuleContact *contact)
{
  PulseRule *rule = compiled->rule;
  const char * const *queue_ids = pulse_rule_get_queue_ids (rule);
  const char * const *tags = pulse_rule_get_tags (rule);

  if (!pulse_channel_set_contains (pulse_rule_get_channels (rule), contact->channel))
    return FALSE;
  if (queue_ids[0] != NULL &&
      (contact->queue_id == NULL || !g_strv_contains (queue_ids, contact->queue_id)))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (contact->tags == NULL || !g_strv_contains (contact->tags, tags[i]))
        return FALSE;
    }
  if (!language_matches (compiled->language, contact->language))
    return FALSE;

  return contact->minute_of_day == PULSE_RULE_CONTACT_ANY_MINUTE ||
         pulse_rule_is_active_at (rule, contact->minute_of_day);
}

static gboolean
match_phrases (const CompiledRule *compiled,
               PulseTextIndex     *subject,
               PulseTextIndex     *body,
               GArray             *hits)
{
  gboolean matched = FALSE;

  if (compiled->patterns->len == 0)
    return TRUE;

  for (guint i = 0; i < compiled->patterns->len; i++)
    {
      const PulseRulePattern *pattern = g_ptr_array_index (compiled->patterns, i);
      PulseMatchField field = pulse_rule_get_phrase (compiled->rule, i)->field;

      if (field != PULSE_MATCH_FIELD_BODY)
        matched |= pulse_rule_pattern_match (pattern, subject, PULSE_MATCH_FIELD_SUBJECT, hits);
      if (field != PULSE_MATCH_FIELD_SUBJECT)
        matched |= pulse_rule_pattern_match (pattern, body, PULSE_MATCH_FIELD_BODY, hits);
    }

  return matched;
}

static void
add_text_warnings (PulseRuleMatchResult   *result,
                   PulseRuleWarningSource  source,
                   const char             *text,
                   PulseTextIndex         *index)
{
  guint n_words = pulse_text_index_get_n_words (index);

  for (guint i = 0; i < n_words; i++)
    {
      const PulseTextWord *word = pulse_text_index_get_word (index, i);

      if (word->mixed)
        _pulse_rule_match_result_add_warning (result,
                                              _pulse_rule_warning_new (source, text, word->start,
                                                                       word->end,
                                                                       word->corrected));
    }
}

static gboolean
check_contact (const PulseRuleContact  *contact,
               GError                 **error)
{
  const char *field = NULL;
  const char *problem = NULL;

  if ((guint) contact->channel > PULSE_CHANNEL_KIND_IN_APP)
    field = "channel", problem = "unknown channel";
  else if (contact->minute_of_day < PULSE_RULE_CONTACT_ANY_MINUTE ||
           contact->minute_of_day >= PULSE_MINUTES_PER_DAY)
    field = "minute_of_day", problem = "must be from 0 to 1439";
  else if (contact->subject != NULL && !g_utf8_validate (contact->subject, -1, NULL))
    field = "subject", problem = "is not valid UTF-8";
  else if (contact->body != NULL && !g_utf8_validate (contact->body, -1, NULL))
    field = "body", problem = "is not valid UTF-8";

  if (field == NULL)
    return TRUE;

  g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "%s: %s", field, problem);
  return FALSE;
}

static void
pulse_rule_matcher_finalize (GObject *object)
{
  PulseRuleMatcher *self = (PulseRuleMatcher *)object;

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->phrase_warnings, g_ptr_array_unref);
  g_clear_pointer (&self->vocabulary, g_hash_table_unref);

  G_OBJECT_CLASS (pulse_rule_matcher_parent_class)->finalize (object);
}

static void
pulse_rule_matcher_class_init (PulseRuleMatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_rule_matcher_finalize;
}

static void
pulse_rule_matcher_init (PulseRuleMatcher *self)
{
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) compiled_rule_free);
  self->phrase_warnings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_rule_warning_free);
  self->vocabulary = pulse_text_index_vocabulary_new ();
}

/**
 * pulse_rule_matcher_new:
 * @rules: (element-type PulseRule): the rules, in any order; the array is
 *   not kept, each rule is referenced
 *
 * Compiles @rules. Disabled rules are kept only for their phrase warnings.
 *
 * Returns: (transfer full): the matcher.
 */
PulseRuleMatcher *
pulse_rule_matcher_new (GPtrArray *rules)
{
  PulseRuleMatcher *self;

  g_return_val_if_fail (rules != NULL, NULL);
  for (guint i = 0; i < rules->len; i++)
    g_return_val_if_fail (PULSE_IS_RULE (g_ptr_array_index (rules, i)), NULL);

  self = g_object_new (PULSE_TYPE_RULE_MATCHER, NULL);
  for (guint i = 0; i < rules->len; i++)
    g_ptr_array_add (self->rules, compile_rule (g_ptr_array_index (rules, i), self->vocabulary));
  /* Stable since GLib 2.32: equal positions keep the given order. */
  g_ptr_array_sort (self->rules, compare_positions);

  /* Phrase warnings in execution order, moved out of each rule. */
  for (guint i = 0; i < self->rules->len; i++)
    {
      CompiledRule *compiled = g_ptr_array_index (self->rules, i);

      g_ptr_array_set_free_func (compiled->warnings, NULL);
      g_ptr_array_extend_and_steal (self->phrase_warnings, g_steal_pointer (&compiled->warnings));
    }

  return self;
}

/**
 * pulse_rule_matcher_get_n_rules:
 * @self: a matcher
 *
 * Returns: how many rules @self holds, disabled ones included.
 */
guint
pulse_rule_matcher_get_n_rules (PulseRuleMatcher *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_MATCHER (self), 0);

  return self->rules->len;
}

/**
 * pulse_rule_matcher_evaluate:
 * @self: a matcher
 * @contact: the contact to test
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the contact field at fault: a channel outside #PulseChannelKind, a
 *   minute outside 0…1439 (other than %PULSE_RULE_CONTACT_ANY_MINUTE), or
 *   a subject or body that is not valid UTF-8
 *
 * Finds every enabled rule that matches @contact (see #PulseRuleMatcher).
 *
 * Returns: (transfer full) (nullable): the result, or %NULL on error.
 */
PulseRuleMatchResult *
pulse_rule_matcher_evaluate (PulseRuleMatcher        *self,
                             const PulseRuleContact  *contact,
                             GError                 **error)
{
  g_autoptr(PulseTextIndex) subject = NULL;
  g_autoptr(PulseTextIndex) body = NULL;
  g_autoptr(PulseRuleMatchResult) result = NULL;
  g_autoptr(GArray) scratch = NULL;

  g_return_val_if_fail (PULSE_IS_RULE_MATCHER (self), NULL);
  g_return_val_if_fail (contact != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_contact (contact, error))
    return NULL;

  subject = pulse_text_index_new (contact->subject, self->vocabulary);
  body = pulse_text_index_new (contact->body, self->vocabulary);
  result = _pulse_rule_match_result_new (self->phrase_warnings);
  add_text_warnings (result, PULSE_RULE_WARNING_SUBJECT, contact->subject, subject);
  add_text_warnings (result, PULSE_RULE_WARNING_BODY, contact->body, body);

  /* Hits gather in one scratch array; only a match gets its own copy. */
  scratch = g_array_new (FALSE, FALSE, sizeof (PulseRuleHit));
  for (guint i = 0; i < self->rules->len; i++)
    {
      const CompiledRule *compiled = g_ptr_array_index (self->rules, i);
      GArray *hits;

      if (!compiled->enabled || !conditions_hold (compiled, contact))
        continue;

      g_array_set_size (scratch, 0);
      if (!match_phrases (compiled, subject, body, scratch))
        continue;

      hits = g_array_sized_new (FALSE, FALSE, sizeof (PulseRuleHit), scratch->len);
      g_array_append_vals (hits, scratch->data, scratch->len);
      _pulse_rule_match_result_add_match (result, compiled->rule, compiled->position, hits);
    }

  return g_steal_pointer (&result);
}
