/* pulse-test-rules.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules, matchers and contacts for the rule matcher tests, and checks of
 * their results. Header-only, so a test needs no extra meson wiring.
 */

#pragma once

#include "pulse-rule-matcher.h"
#include "pulse-test-util.h"

G_BEGIN_DECLS

#define PHRASE(text, mode, field) \
  "{\"text\":\"" text "\",\"mode\":\"" mode "\",\"field\":\"" field "\"}"

/* A rule from its id, position, enabled flag, phrases (a JSON array body)
 * and any further members (",\"tags\":[…]"). */
static inline PulseRule *
make_rule (const char *id,
           int         position,
           gboolean    enabled,
           const char *phrases,
           const char *extra)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  PulseRule *rule;

  json = g_strdup_printf ("{\"id\":\"%s\",\"version\":1,\"name\":\"Rule %s\",\"position\":%d,"
                          "\"enabled\":%s,\"phrases\":[%s]%s,"
                          "\"actions\":[{\"kind\":\"close\"}]}",
                          id, id, position, enabled ? "true" : "false", phrases,
                          extra ? extra : "");
  node = pulse_test_parse (json);
  rule = pulse_rule_new_from_json (node, &error);
  g_assert_no_error (error);

  return rule;
}

/* A matcher over the given rules (NULL-terminated, taken). */
static inline PulseRuleMatcher *
matcher_of (PulseRule *first,
            ...)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (PulseRule *rule = first; rule != NULL; rule = va_arg (args, PulseRule *))
    g_ptr_array_add (rules, rule);
  va_end (args);

  return pulse_rule_matcher_new (rules);
}

static inline PulseRuleContact
contact_of (const char *subject,
            const char *body)
{
  PulseRuleContact contact = { subject, body, PULSE_CHANNEL_KIND_EMAIL, NULL, NULL, NULL,
                               PULSE_RULE_CONTACT_ANY_MINUTE };

  return contact;
}

static inline PulseRuleMatchResult *
evaluate_contact (PulseRuleMatcher       *matcher,
                  const PulseRuleContact *contact)
{
  g_autoptr(GError) error = NULL;
  PulseRuleMatchResult *result = pulse_rule_matcher_evaluate (matcher, contact, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static inline PulseRuleMatchResult *
evaluate (PulseRuleMatcher *matcher,
          const char       *subject,
          const char       *body)
{
  PulseRuleContact contact = contact_of (subject, body);

  return evaluate_contact (matcher, &contact);
}

static inline guint
count_matches (PulseRuleMatcher       *matcher,
               const PulseRuleContact *contact)
{
  g_autoptr(PulseRuleMatchResult) result = evaluate_contact (matcher, contact);

  return pulse_rule_match_result_get_n_matches (result);
}

static inline void
assert_hit (PulseRuleMatchResult *result,
            guint                 match,
            guint                 index,
            guint                 phrase_index,
            PulseMatchField       field,
            gsize                 start,
            gsize                 end)
{
  const PulseRuleHit *hit = pulse_rule_match_result_get_hit (result, match, index);

  g_assert_cmpuint (hit->phrase_index, ==, phrase_index);
  g_assert_cmpint (hit->field, ==, field);
  g_assert_cmpuint (hit->start, ==, start);
  g_assert_cmpuint (hit->end, ==, end);
}

/* The one rule of @matcher matches @body with a single hit [start, end). */
static inline void
assert_single_hit (PulseRuleMatcher *matcher,
                   const char       *body,
                   gsize             start,
                   gsize             end)
{
  g_autoptr(PulseRuleMatchResult) result = evaluate (matcher, NULL, body);

  g_assert_cmpuint (pulse_rule_match_result_get_n_matches (result), ==, 1);
  g_assert_cmpuint (pulse_rule_match_result_get_n_hits (result, 0), ==, 1);
  assert_hit (result, 0, 0, 0, PULSE_MATCH_FIELD_BODY, start, end);
}

static inline void
assert_no_match (PulseRuleMatcher *matcher,
                 const char       *subject,
                 const char       *body)
{
  g_autoptr(PulseRuleMatchResult) result = evaluate (matcher, subject, body);

  g_assert_cmpuint (pulse_rule_match_result_get_n_matches (result), ==, 0);
  g_assert_null (pulse_rule_match_result_get_fires (result));
  g_assert_null (pulse_rule_match_result_get_next (result));
}

G_END_DECLS
