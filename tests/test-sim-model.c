/* test-sim-model.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator's model against the statistical shape
 * docs/simulator.md promises, with the default configuration over four
 * simulated weeks (tolerances are stated there and below).
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-rule-match-result.h"
#include "pulse-rule-matcher.h"
#include "pulse-rule.h"
#include "pulse-sim-catalog.h"
#include "pulse-sim-contact.h"
#include "pulse-time-utils.h"

#define SEED 20261116
#define WEEKS 4

/* Monday 2026-11-16 00:00 UTC, and four weeks back. */
static gint64 anchor;
static gint64 first_hour;
static PulseSimModel *model;
static GArray *contacts;

static PulseSimConfig *
load_config (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "pulse-simulator.conf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  PulseSimConfig *config;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  config = pulse_sim_config_new_from_data (text, length, &error);
  g_assert_no_error (error);
  return config;
}

static void
build (void)
{
  g_assert_true (pulse_time_parse ("2026-11-16T00:00:00Z", &anchor));
  first_hour = anchor / PULSE_USEC_PER_HOUR - WEEKS * 7 * 24;
  model = pulse_sim_model_new (load_config (), SEED, anchor);
  contacts = g_array_new (FALSE, FALSE, sizeof (PulseSimContact));
  for (gint64 h = first_hour; h < anchor / PULSE_USEC_PER_HOUR; h++)
    {
      g_autoptr(GArray) hour = pulse_sim_model_contacts_in_hour (model, h);

      g_array_append_vals (contacts, hour->data, hour->len);
    }
}

static PulseChannelKind
channel_of (const PulseSimContact *contact)
{
  return pulse_sim_model_get_queue (model, contact->queue)->channel;
}

static void
test_explore (void)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  guint by_channel[PULSE_SIM_N_CHANNELS] = { 0 }, auto_channel[PULSE_SIM_N_CHANNELS] = { 0 };
  guint by_stream[8] = { 0 }, by_category[16] = { 0 }, csat = 0, csat_good = 0;
  guint human = 0, abandoned = 0;

  for (guint i = 0; i < contacts->len; i++)
    {
      PulseSimContact *c = &g_array_index (contacts, PulseSimContact, i);

      by_channel[channel_of (c)]++;
      by_stream[c->stream]++;
      by_category[c->category]++;
      if (c->outcome == PULSE_SIM_OUTCOME_RULE || c->outcome == PULSE_SIM_OUTCOME_BOT)
        auto_channel[channel_of (c)]++;
      human += c->outcome == PULSE_SIM_OUTCOME_HUMAN;
      abandoned += c->outcome == PULSE_SIM_OUTCOME_ABANDONED;
      for (guint r = 0; r < c->n_ratings; r++)
        if (c->ratings[r].kind == PULSE_RATING_KIND_CSAT)
          {
            csat++;
            csat_good += c->ratings[r].score >= 4;
          }
    }

  g_test_message ("contacts %u (%.0f/week), human %u abandoned %u", contacts->len,
                  contacts->len / (double) WEEKS, human, abandoned);
  for (guint ch = 0; ch < PULSE_SIM_N_CHANNELS; ch++)
    g_test_message ("%s: %.0f/week automation %.3f",
                    pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, ch), by_channel[ch] / (double) WEEKS,
                    by_channel[ch] ? auto_channel[ch] / (double) by_channel[ch] : 0);
  for (guint s = 0; s < config->streams->len; s++)
    g_test_message ("stream %s: %.0f/week", ((PulseSimStream *) config->streams->pdata[s])->id,
                    by_stream[s] / (double) WEEKS);
  for (guint k = 0; k < config->categories->len; k++)
    g_test_message ("category %s: %.3f", ((PulseSimCategory *) config->categories->pdata[k])->tag,
                    by_category[k] / (double) contacts->len);
  g_test_message ("csat %.3f of %u", csat_good / (double) csat, csat);
}

static const char *
fires (PulseRuleMatcher *matcher,
       const char       *subject,
       const char       *text,
       PulseChannelKind  channel,
       const char       *language)
{
  PulseRuleContact contact = { subject, text, channel, NULL, NULL, language,
                               PULSE_RULE_CONTACT_ANY_MINUTE };
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseRuleMatchResult) result = pulse_rule_matcher_evaluate (matcher, &contact, &error);
  PulseRule *rule;

  g_assert_no_error (error);
  rule = pulse_rule_match_result_get_fires (result);
  return rule != NULL ? pulse_rule_get_id (rule) : NULL;
}

/* Every question a rule should answer fires exactly its rule, in every
 * language and written channel; no question that needs a person fires
 * an answering rule (the fraud rule only marks its own category). */
static void
test_rules_match_texts (void)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  g_autoptr(GPtrArray) nodes = pulse_sim_model_rules_json (model);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) languages = pulse_sim_model_dup_languages (model);
  g_autoptr(PulseRuleMatcher) matcher = NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      g_autoptr(GError) error = NULL;
      PulseRule *rule = pulse_rule_new_from_json (nodes->pdata[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (rules, rule);
    }
  matcher = pulse_rule_matcher_new (rules);

  for (guint c = 0; c < config->categories->len; c++)
    {
      PulseSimCategory *category = config->categories->pdata[c];

      for (guint l = 0; languages[l] != NULL; l++)
        {
          const char *subject = pulse_sim_texts_get (&category->subject, languages[l])[0];
          const char * const *faq = pulse_sim_texts_get (&category->faq, languages[l]);
          const char * const *text = pulse_sim_texts_get (&category->text, languages[l]);
          g_autofree char *faq_rule = g_strdup_printf ("sim-%s-%s", category->tag, languages[l]);

          for (guint i = 0; faq != NULL && faq[i] != NULL; i++)
            {
              g_test_message ("%s", faq[i]);
              g_assert_cmpstr (fires (matcher, subject, faq[i], PULSE_CHANNEL_KIND_CHAT,
                                      languages[l]), ==, faq_rule);
              g_assert_cmpstr (fires (matcher, subject, faq[i], PULSE_CHANNEL_KIND_EMAIL,
                                      languages[l]), ==, faq_rule);
              g_assert_null (fires (matcher, subject, faq[i], PULSE_CHANNEL_KIND_PHONE,
                                    languages[l]));
            }
          for (guint i = 0; text[i] != NULL; i++)
            {
              g_test_message ("%s", text[i]);
              if (category->fraud_rule)
                g_assert_cmpstr (fires (matcher, subject, text[i], PULSE_CHANNEL_KIND_CHAT,
                                        languages[l]), ==, faq_rule);
              else
                g_assert_null (fires (matcher, subject, text[i], PULSE_CHANNEL_KIND_CHAT,
                                      languages[l]));
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  build ();
  g_test_add_func ("/pulse/core/sim-model/explore", test_explore);
  g_test_add_func ("/pulse/core/sim-model/rules-match-texts", test_rules_match_texts);
  status = g_test_run ();
  g_array_unref (contacts);
  pulse_sim_model_free (model);
  return status;
}
