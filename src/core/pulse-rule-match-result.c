/* pulse-rule-match-result.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-rule-match-result-private.h"

/**
 * PulseRuleMatchResult:
 *
 * What pulse_rule_matcher_evaluate() found for one contact: every enabled
 * rule whose conditions all hold, in execution order, with the places its
 * phrases matched; the first of them fires and the second would fire
 * next. Also the mixed-script warnings for the contact's subject and body
 * and for the phrases of every rule the matcher holds. Immutable.
 */
struct _PulseRuleMatchResult
{
  GObject    parent_instance;

  GPtrArray *matches;
  GPtrArray *warnings;
  GPtrArray *phrase_warnings;
};

typedef struct
{
  PulseRule *rule;
  int        position;
  GArray    *hits;
} Match;

G_DEFINE_FINAL_TYPE (PulseRuleMatchResult, pulse_rule_match_result, G_TYPE_OBJECT)

static void
match_free (Match *match)
{
  g_clear_object (&match->rule);
  g_clear_pointer (&match->hits, g_array_unref);
  g_free (match);
}

static Match *
get_match (PulseRuleMatchResult *self,
           guint                 index)
{
  return g_ptr_array_index (self->matches, index);
}

/* JSON answers spell an absent id as null rather than leaving it out, so
 * a client can tell "no rule fires" from an older server. */
static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
write_match (JsonBuilder *builder,
             Match       *match)
{
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "rule_id", pulse_rule_get_id (match->rule));
  add_string_or_null (builder, "rule_name", pulse_rule_get_name (match->rule));
  pulse_json_add_int (builder, "position", match->position);
  json_builder_set_member_name (builder, "phrases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < match->hits->len; i++)
    {
      const PulseRuleHit *hit = &g_array_index (match->hits, PulseRuleHit, i);

      json_builder_begin_object (builder);
      pulse_json_add_int (builder, "index", hit->phrase_index);
      pulse_json_add_string (builder, "text", hit->phrase_text);
      pulse_json_add_enum (builder, "field", PULSE_TYPE_MATCH_FIELD, hit->field);
      pulse_json_add_int (builder, "start", hit->start);
      pulse_json_add_int (builder, "end", hit->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
write_warning (JsonBuilder            *builder,
               const PulseRuleWarning *warning)
{
  static const char * const fields[] = { "subject", "body", "phrase" };

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "field", fields[warning->source]);
  if (warning->source == PULSE_RULE_WARNING_PHRASE)
    {
      pulse_json_add_string (builder, "rule_id", warning->rule_id);
      pulse_json_add_int (builder, "phrase", warning->phrase_index);
    }
  pulse_json_add_int (builder, "start", warning->start);
  pulse_json_add_int (builder, "end", warning->end);
  pulse_json_add_string (builder, "word", warning->word);
  add_string_or_null (builder, "corrected", warning->corrected);
  json_builder_end_object (builder);
}

static void
pulse_rule_match_result_finalize (GObject *object)
{
  PulseRuleMatchResult *self = (PulseRuleMatchResult *)object;

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->phrase_warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_rule_match_result_parent_class)->finalize (object);
}

static void
pulse_rule_match_result_class_init (PulseRuleMatchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_rule_match_result_finalize;
}

static void
pulse_rule_match_result_init (PulseRuleMatchResult *self)
{
  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) match_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_rule_warning_free);
}

/**
 * _pulse_rule_match_result_new:
 * @phrase_warnings: (nullable) (element-type PulseRuleWarning): the
 *   matcher's phrase warnings, shared by reference and never changed
 *
 * Returns: (transfer full): an empty result.
 */
PulseRuleMatchResult *
_pulse_rule_match_result_new (GPtrArray *phrase_warnings)
{
  PulseRuleMatchResult *self = g_object_new (PULSE_TYPE_RULE_MATCH_RESULT, NULL);

  if (phrase_warnings != NULL)
    self->phrase_warnings = g_ptr_array_ref (phrase_warnings);

  return self;
}

/**
 * _pulse_rule_match_result_add_match:
 * @self: a result
 * @rule: a rule whose conditions hold, after those added before it
 * @position: the rule's position when the matcher was built
 * @hits: (transfer full) (element-type PulseRuleHit): where it matched
 */
void
_pulse_rule_match_result_add_match (PulseRuleMatchResult *self,
                                    PulseRule            *rule,
                                    int                   position,
                                    GArray               *hits)
{
  Match *match = g_new0 (Match, 1);

  match->rule = g_object_ref (rule);
  match->position = position;
  match->hits = hits;
  g_ptr_array_add (self->matches, match);
}

/**
 * _pulse_rule_match_result_add_warning:
 * @self: a result
 * @warning: (transfer full): a subject or body warning
 */
void
_pulse_rule_match_result_add_warning (PulseRuleMatchResult *self,
                                      PulseRuleWarning     *warning)
{
  g_ptr_array_add (self->warnings, warning);
}

/**
 * _pulse_rule_warning_new:
 * @source: where the word is
 * @text: the subject, body or phrase text the offsets point into
 * @start: the word's first byte in @text
 * @end: the byte after its last
 * @corrected: (nullable): the corrected spelling
 *
 * Returns: (transfer full): a warning with no rule id yet.
 */
PulseRuleWarning *
_pulse_rule_warning_new (PulseRuleWarningSource  source,
                         const char             *text,
                         gsize                   start,
                         gsize                   end,
                         const char             *corrected)
{
  PulseRuleWarning *warning = g_new0 (PulseRuleWarning, 1);

  warning->source = source;
  warning->start = start;
  warning->end = end;
  warning->word = g_strndup (text + start, end - start);
  warning->corrected = g_strdup (corrected);

  return warning;
}

void
_pulse_rule_warning_free (PulseRuleWarning *warning)
{
  g_free (warning->rule_id);
  g_free (warning->word);
  g_free (warning->corrected);
  g_free (warning);
}

/**
 * pulse_rule_match_result_get_n_matches:
 * @self: a result
 *
 * Returns: how many enabled rules matched the contact.
 */
guint
pulse_rule_match_result_get_n_matches (PulseRuleMatchResult *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_MATCH_RESULT (self), 0);

  return self->matches->len;
}

/**
 * pulse_rule_match_result_get_rule:
 * @self: a result
 * @index: a match below pulse_rule_match_result_get_n_matches(); matches
 *   are in execution order (ascending position)
 *
 * Returns: (transfer none): the matching rule.
 */
PulseRule *
pulse_rule_match_result_get_rule (PulseRuleMatchResult *self,
                                  guint                 index)
{
  g_return_val_if_fail (PULSE_IS_RULE_MATCH_RESULT (self), NULL);
  g_return_val_if_fail (index < self->matches->len, NULL);

  return get_match (self, index)->rule;
}

/**
 * pulse_rule_match_result_get_n_hits:
 * @self: a result
 * @index: a match below pulse_rule_match_result_get_n_matches()
 *
 * Returns: how many places its phrases matched; 0 for a rule without
 *   phrases, which matches on its other conditions alone.
 */
guint
pulse_rule_match_result_get_n_hits (PulseRuleMatchResult *self,
                                    guint                 index)
{
  g_return_val_if_fail (PULSE_IS_RULE_MATCH_RESULT (self), 0);
  g_return_val_if_fail (index < self->matches->len, 0);

  return get_match (self, index)->hits->len;
}

/**
 * pulse_rule_match_result_get_hit:
 * @self: a result
 * @index: a match below pulse_rule_match_result_get_n_matches()
 * @hit: a hit below pulse_rule_match_result_get_n_hits(); hits are ordered
 *   by phrase index, then subject before body, then offset
 *
 * Returns: (transfer none): the hit, owned by @self.
 */
const PulseRuleHit *
pulse_rule_match_result_get_hit (PulseRuleMatchResult *self,
                                 guint                 index,
                                 guint                 hit)
{
  g_return_val_if_fail (PULSE_IS_RULE_MATCH_RESULT (self), NULL);
  g_return_val_if_fail (index < self->matches->len, NULL);
  g_return_val_if_fail (hit < get_match (self, index)->hits->len, NULL);

  return &g_array_index (get_match (self, index)->hits, PulseRuleHit, hit);
}

/**
 * pulse_rule_match_result_get_fires:
 * @self: a result
 *
 * Returns: (transfer none) (nullable): the rule that fires (the first
 *   match), or %NULL when none matched.
 */
PulseRule *
pulse_rule_match_result_get_fires (PulseRuleMatchResult *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_MATCH_RESULT (self), NULL);

  return self->matches->len > 0 ? get_match (self, 0)->rule : NULL;
}

/**
 * pulse_rule_match_result_get_next:
 * @self: a result
 *
 * Returns: (transfer none) (nullable): the rule that would fire if the
 *   first were disabled (the second match), or %NULL.
 */
PulseRule *
pulse_rule_match_result_get_next (PulseRuleMatchResult *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_MATCH_RESULT (self), NULL);

  return self->matches->len > 1 ? get_match (self, 1)->rule : NULL;
}

/**
 * pulse_rule_match_result_get_n_warnings:
 * @self: a result
 *
 * Returns: how many mixed-script words were found: the subject's, then
 *   the body's, then the phrases' (by rule order, then phrase index).
 */
guint
pulse_rule_match_result_get_n_warnings (PulseRuleMatchResult *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_MATCH_RESULT (self), 0);

  return self->warnings->len + (self->phrase_warnings ? self->phrase_warnings->len : 0);
}

/**
 * pulse_rule_match_result_get_warning:
 * @self: a result
 * @index: a warning below pulse_rule_match_result_get_n_warnings()
 *
 * Returns: (transfer none): the warning, owned by @self.
 */
const PulseRuleWarning *
pulse_rule_match_result_get_warning (PulseRuleMatchResult *self,
                                     guint                 index)
{
  g_return_val_if_fail (PULSE_IS_RULE_MATCH_RESULT (self), NULL);
  g_return_val_if_fail (index < pulse_rule_match_result_get_n_warnings (self), NULL);

  if (index < self->warnings->len)
    return g_ptr_array_index (self->warnings, index);

  return g_ptr_array_index (self->phrase_warnings, index - self->warnings->len);
}

/**
 * pulse_rule_match_result_to_json:
 * @self: a result
 *
 * The answer of `POST /api/v1/rules/test`:
 * `{"matches":[{"rule_id","rule_name","position","phrases":[{"index",
 * "text","field","start","end"}]}],"fires","next","warnings":[{"field",
 * "start","end","word","corrected"}]}`. Offsets count bytes of UTF-8 in
 * the field's original text, end exclusive. "fires" and "next" are rule
 * ids or null; "rule_name" and "corrected" may be null. A warning's field
 * is "subject", "body" or "phrase"; phrase warnings also carry "rule_id"
 * and "phrase" (the phrase index), and their offsets point into the
 * phrase text.
 *
 * Returns: (transfer full): the JSON object.
 */
JsonNode *
pulse_rule_match_result_to_json (PulseRuleMatchResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  PulseRule *fires;
  PulseRule *next;
  guint n_warnings;

  g_return_val_if_fail (PULSE_IS_RULE_MATCH_RESULT (self), NULL);

  fires = pulse_rule_match_result_get_fires (self);
  next = pulse_rule_match_result_get_next (self);
  n_warnings = pulse_rule_match_result_get_n_warnings (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "matches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->matches->len; i++)
    write_match (builder, get_match (self, i));
  json_builder_end_array (builder);
  add_string_or_null (builder, "fires", fires ? pulse_rule_get_id (fires) : NULL);
  add_string_or_null (builder, "next", next ? pulse_rule_get_id (next) : NULL);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_warnings; i++)
    write_warning (builder, pulse_rule_match_result_get_warning (self, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
