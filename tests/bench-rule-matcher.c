/* bench-rule-matcher.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Throughput of rule matching: 300 rules against 10 000 short contacts,
 * then against one 64 KiB message. Prints figures, asserts none (run with
 * `meson test -C build --benchmark rule-matcher`).
 */

#include "config.h"

#include <string.h>

#include "pulse-rule-matcher.h"

#define N_RULES    300
#define N_MESSAGES 10000

/* What rules look for. */
static const char * const keywords[] = {
  "перевод", "деньги", "карта", "заблокирована", "кредит", "оплата", "пришли", "дошёл",
  "счёт", "номер", "телефону", "змінити", "картку", "переказ", "рахунок", "кешбек",
  "préstamo", "dónde", "tarjeta", "bloqueada", "transferencia", "қарызды", "төлеймін",
  "аударым", "bank", "card", "refund", "blocked", "chargeback", "комиссия", "лимит",
  "вклад", "ипотека", "страховка", "пароль", "смс", "код", "приложение", "вход", "мошенники",
};

/* The rest of a message. */
static const char * const filler[] = {
  "Здравствуйте", "добрый", "день", "у", "меня", "не", "когда", "вчера", "сегодня", "уже",
  "почему", "я", "мне", "вы", "пожалуйста", "помогите", "спасибо", "очень", "срочно",
  "Добрий", "день", "мені", "будь", "ласка", "чому", "вже", "hola", "mi", "por", "favor",
  "hello", "please", "help", "my", "the", "is", "not", "Сәлеметсіз", "бе", "маған", "қашан",
  "ПЕРЕВОД", "oплата", "м’ята", "2500", "грн", "руб", "тенге", "Ok", "?", "!", "...",
};

static const char *
pick_from (GRand              *rand,
           const char * const *words,
           guint               n_words)
{
  return words[g_rand_int_range (rand, 0, n_words)];
}

static const char *
pick (GRand *rand)
{
  return pick_from (rand, keywords, G_N_ELEMENTS (keywords));
}

/* One word in ten is a keyword. */
static const char *
pick_message_word (GRand *rand)
{
  if (g_rand_int_range (rand, 0, 10) == 0)
    return pick (rand);

  return pick_from (rand, filler, G_N_ELEMENTS (filler));
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_phrase (JsonBuilder *builder,
            GRand       *rand,
            guint        index)
{
  static const char * const modes[] = { "whole-word", "phrase", "prefix" };
  guint mode = g_rand_int_range (rand, 0, G_N_ELEMENTS (modes));
  g_autofree char *text = NULL;

  /* Phrase-mode phrases have two words. */
  text = mode == 1 ? g_strdup_printf ("%s %s", pick (rand), pick (rand)) : g_strdup (pick (rand));
  json_builder_begin_object (builder);
  add_string (builder, "text", text);
  add_string (builder, "mode", modes[mode]);
  add_string (builder, "field", index % 2 ? "body" : "any");
  json_builder_end_object (builder);
}

/* 1 to 3 phrases; every tenth rule is disabled. */
static PulseRule *
make_rule (GRand *rand,
           guint  index)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("rule-%u", index);
  guint n_phrases = g_rand_int_range (rand, 1, 4);
  PulseRule *rule;

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "name", id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "position");
  json_builder_add_int_value (builder, index);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, index % 10 != 0);
  json_builder_set_member_name (builder, "phrases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_phrases; i++)
    add_phrase (builder, rand, i);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "kind", "close");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  rule = pulse_rule_new_from_json (node, &error);
  g_assert_no_error (error);
  return rule;
}

static char *
make_text (GRand *rand,
           gsize  min_length)
{
  GString *text = g_string_new (NULL);

  while (text->len < min_length)
    {
      g_string_append (text, pick_message_word (rand));
      g_string_append (text, g_rand_int_range (rand, 0, 8) == 0 ? ", " : " ");
    }

  return g_string_free (text, FALSE);
}

static guint
evaluate_one (PulseRuleMatcher *matcher,
              const char       *subject,
              const char       *body)
{
  PulseRuleContact contact = { subject, body, PULSE_CHANNEL_KIND_CHAT, NULL, NULL, NULL,
                               PULSE_RULE_CONTACT_ANY_MINUTE };
  g_autoptr(PulseRuleMatchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = pulse_rule_matcher_evaluate (matcher, &contact, &error);
  g_assert_no_error (error);
  return pulse_rule_match_result_get_n_matches (result);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PulseRuleMatcher) matcher = NULL;
  g_autofree char *huge = NULL;
  gint64 started;
  double seconds;
  guint64 total_matches = 0;
  guint n_messages = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : N_MESSAGES;

  for (guint i = 0; i < N_RULES; i++)
    g_ptr_array_add (rules, make_rule (rand, i));
  for (guint i = 0; i < n_messages; i++)
    g_ptr_array_add (messages, make_text (rand, g_rand_int_range (rand, 40, 400)));
  huge = make_text (rand, 64 * 1024 - 16);

  started = g_get_monotonic_time ();
  matcher = pulse_rule_matcher_new (rules);
  g_print ("compile: %u rules in %.2f ms\n", N_RULES,
           (g_get_monotonic_time () - started) / 1000.0);

  started = g_get_monotonic_time ();
  for (guint i = 0; i < messages->len; i++)
    total_matches += evaluate_one (matcher, "Вопрос по оплате", g_ptr_array_index (messages, i));
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_print ("short: %u messages in %.3f s: %.0f messages/s (%.1f matches each)\n",
           messages->len, seconds, messages->len / seconds,
           messages->len ? (double) total_matches / messages->len : 0.0);

  started = g_get_monotonic_time ();
  total_matches = evaluate_one (matcher, NULL, huge);
  g_print ("huge: one %zu-byte message in %.2f ms (%" G_GUINT64_FORMAT " matches)\n",
           strlen (huge), (g_get_monotonic_time () - started) / 1000.0, total_matches);

  return 0;
}
