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
#include "pulse-template-lint.h"
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

static double
share (guint part,
       guint whole)
{
  return whole > 0 ? part / (double) whole : 0;
}

/* Weekly volume per stream within 3 % of the configuration (4,500
 * transfer calls, 7,000 in-app chats, 2,000 business calls, 4,500
 * others), and per channel within 6 % (+10) of what the queues expect. */
static void
test_weekly_volumes (void)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  g_autofree guint *by_stream = g_new0 (guint, config->streams->len);
  double expected[PULSE_SIM_N_CHANNELS] = { 0 };
  guint by_channel[PULSE_SIM_N_CHANNELS] = { 0 };

  for (guint i = 0; i < contacts->len; i++)
    {
      PulseSimContact *c = &g_array_index (contacts, PulseSimContact, i);

      by_stream[c->stream]++;
      by_channel[channel_of (c)]++;
    }
  for (guint q = 0; q < pulse_sim_model_get_n_queues (model); q++)
    for (guint s = 0; s < config->streams->len; s++)
      expected[pulse_sim_model_get_queue (model, q)->channel] +=
        pulse_sim_model_get_queue (model, q)->stream_weekly[s];

  for (guint s = 0; s < config->streams->len; s++)
    {
      PulseSimStream *stream = config->streams->pdata[s];

      g_test_message ("%s: %.0f a week", stream->id, by_stream[s] / (double) WEEKS);
      g_assert_cmpfloat_with_epsilon (by_stream[s] / (double) WEEKS, stream->weekly,
                                      0.03 * stream->weekly);
    }
  for (guint ch = 0; ch < PULSE_SIM_N_CHANNELS; ch++)
    g_assert_cmpfloat_with_epsilon (by_channel[ch] / (double) WEEKS, expected[ch],
                                    0.06 * expected[ch] + 10);
  g_assert_cmpfloat_with_epsilon (contacts->len / (double) WEEKS, 18000, 0.03 * 18000);
}

/* Rules close 37–40 % of e-mail; rules and the bot 50–52 % of chat
 * (web and in-app together). */
static void
test_automation_shares (void)
{
  guint email = 0, email_rule = 0, chat = 0, chat_auto = 0;

  for (guint i = 0; i < contacts->len; i++)
    {
      PulseSimContact *c = &g_array_index (contacts, PulseSimContact, i);
      gboolean automated = c->outcome == PULSE_SIM_OUTCOME_RULE ||
                           c->outcome == PULSE_SIM_OUTCOME_BOT;

      if (channel_of (c) == PULSE_CHANNEL_KIND_EMAIL)
        {
          email++;
          email_rule += c->outcome == PULSE_SIM_OUTCOME_RULE;
        }
      else if (channel_of (c) == PULSE_CHANNEL_KIND_CHAT ||
               channel_of (c) == PULSE_CHANNEL_KIND_IN_APP)
        {
          chat++;
          chat_auto += automated;
        }
    }

  g_test_message ("e-mail %.3f, chat %.3f", share (email_rule, email), share (chat_auto, chat));
  g_assert_cmpfloat (share (email_rule, email), >=, 0.37);
  g_assert_cmpfloat (share (email_rule, email), <=, 0.40);
  g_assert_cmpfloat (share (chat_auto, chat), >=, 0.50);
  g_assert_cmpfloat (share (chat_auto, chat), <=, 0.52);
}

/* 65–75 % of CSAT ratings are 4–5; NPS 30 ± 5. */
static void
test_ratings (void)
{
  guint csat = 0, good = 0, nps = 0, promoters = 0, detractors = 0;

  for (guint i = 0; i < contacts->len; i++)
    {
      PulseSimContact *c = &g_array_index (contacts, PulseSimContact, i);

      for (guint r = 0; r < c->n_ratings; r++)
        {
          if (c->ratings[r].kind == PULSE_RATING_KIND_CSAT)
            {
              csat++;
              good += c->ratings[r].score >= 4;
            }
          else if (c->ratings[r].kind == PULSE_RATING_KIND_NPS)
            {
              nps++;
              promoters += c->ratings[r].score >= 9;
              detractors += c->ratings[r].score <= 6;
            }
        }
    }

  g_test_message ("csat %.3f, nps %.1f", share (good, csat),
                  100 * (share (promoters, nps) - share (detractors, nps)));
  g_assert_cmpfloat (share (good, csat), >=, 0.65);
  g_assert_cmpfloat (share (good, csat), <=, 0.75);
  g_assert_cmpfloat_with_epsilon (100 * (share (promoters, nps) - share (detractors, nps)), 30, 5);
}

/* Each category's share within 1.5 points of the streams' mix (the
 * incidents add a little to theirs); personal data is the largest. */
static void
test_category_shares (void)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  g_autofree guint *count = g_new0 (guint, config->categories->len);
  g_autofree double *expected = g_new0 (double, config->categories->len);
  double total = pulse_sim_config_weekly_total (config);
  guint largest = 0;

  for (guint i = 0; i < contacts->len; i++)
    count[g_array_index (contacts, PulseSimContact, i).category]++;
  for (guint s = 0; s < config->streams->len; s++)
    {
      PulseSimStream *stream = config->streams->pdata[s];
      double weights = 0;

      for (guint k = 0; k < config->categories->len; k++)
        weights += stream->categories[k];
      for (guint k = 0; k < config->categories->len; k++)
        expected[k] += stream->weekly / total * stream->categories[k] / weights;
    }

  for (guint k = 0; k < config->categories->len; k++)
    {
      g_test_message ("%s: %.3f (configured %.3f)",
                      ((PulseSimCategory *) config->categories->pdata[k])->tag,
                      share (count[k], contacts->len), expected[k]);
      g_assert_cmpfloat_with_epsilon (share (count[k], contacts->len), expected[k], 0.015);
      if (count[k] > count[largest])
        largest = k;
    }
  g_assert_cmpstr (((PulseSimCategory *) config->categories->pdata[largest])->tag, ==,
                   "personal-data");
}

/* Every team has at least 3 agents on the line each hour from 09:00 to
 * 19:00 at its lead's site on every day, and nobody at 03:00. */
static void
test_shift_coverage (void)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);

  for (guint t = 0; t < config->teams->len; t++)
    {
      PulseSimTeam *team = config->teams->pdata[t];
      const PulseSimZone *zone = config->zones->pdata[((PulseSimSite *) config->sites->pdata[
                                                          team->lead_site])->zone];

      for (gint64 day = first_hour / 24 + 1; day < anchor / PULSE_USEC_PER_DAY; day++)
        for (int hour = 3; hour <= 19; hour++)
          {
            gint64 at = pulse_sim_zone_to_utc (zone, day, hour * 60 + 30);
            guint on_line = 0;

            if (hour > 3 && hour < 9)
              continue;
            for (guint a = 0; a < pulse_sim_model_get_n_agents (model); a++)
              if (pulse_sim_model_get_agent (model, a)->team == t &&
                  pulse_sim_model_get_agent (model, a)->position == PULSE_AGENT_POSITION_AGENT &&
                  pulse_sim_model_is_on_line (model, a, at))
                on_line++;
            if (hour == 3 && t == 0)
              g_assert_cmpuint (on_line, ==, 0);
            else if (hour >= 9 && on_line < 3)
              {
                g_test_message ("team %s, day %" G_GINT64_FORMAT ", %02d:30: %u on the line",
                                team->id, day, hour, on_line);
                g_assert_cmpuint (on_line, >=, 3);
              }
          }
    }
}

/* Written contacts peak in each country's working day (09–17 local),
 * and in UTC Mexico's peak comes 6 hours or more after Ukraine's. */
static void
test_time_zone_peaks (void)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  guint n_countries = config->countries->len;
  g_autofree guint *local = g_new0 (guint, n_countries * 24);
  g_autofree guint *utc = g_new0 (guint, n_countries * 24);
  int peak_utc[8] = { 0 };

  for (guint i = 0; i < contacts->len; i++)
    {
      PulseSimContact *c = &g_array_index (contacts, PulseSimContact, i);
      guint country = pulse_sim_model_get_queue (model, c->queue)->country;
      PulseSimLocal when;

      pulse_sim_zone_local (pulse_sim_model_get_country_zone (model, country), c->created_at,
                            &when);
      local[country * 24 + when.minute / 60]++;
      utc[country * 24 + (c->created_at / PULSE_USEC_PER_HOUR) % 24]++;
    }

  for (guint c = 0; c < n_countries && c < 8; c++)
    {
      int peak_local = 0;

      for (int h = 0; h < 24; h++)
        {
          if (local[c * 24 + h] > local[c * 24 + peak_local])
            peak_local = h;
          if (utc[c * 24 + h] > utc[c * 24 + peak_utc[c]])
            peak_utc[c] = h;
        }
      g_test_message ("%s: peak %02d:00 local, %02d:00 UTC",
                      ((PulseSimCountry *) config->countries->pdata[c])->code, peak_local,
                      peak_utc[c]);
      g_assert_cmpint (peak_local, >=, 9);
      g_assert_cmpint (peak_local, <=, 17);
    }

  /* UA is the first country of the file, MX the last. */
  g_assert_cmpstr (((PulseSimCountry *) config->countries->pdata[0])->code, ==, "UA");
  g_assert_cmpstr (((PulseSimCountry *) config->countries->pdata[n_countries - 1])->code, ==,
                   "MX");
  g_assert_cmpint (peak_utc[n_countries - 1] - peak_utc[0], >=, 6);
}

/* The customer comes back within 7 days for 16 % ± 4 points of the
 * contacts of the first three weeks (the last week is their follow-up). */
static void
test_repeat_contacts (void)
{
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint measured = 0, repeated = 0;

  /* Walk backwards: the next contact of each customer is known. */
  for (guint i = contacts->len; i > 0; i--)
    {
      PulseSimContact *c = &g_array_index (contacts, PulseSimContact, i - 1);
      g_autofree char *customer = pulse_sim_model_dup_customer_id (model, c);
      gpointer next = g_hash_table_lookup (last, customer);

      if (c->created_at < anchor - 7 * PULSE_USEC_PER_DAY)
        {
          measured++;
          repeated += next != NULL &&
                      ((PulseSimContact *) next)->created_at - c->created_at <=
                        7 * PULSE_USEC_PER_DAY;
        }
      g_hash_table_insert (last, g_steal_pointer (&customer), c);
    }

  g_test_message ("repeat %.3f", share (repeated, measured));
  g_assert_cmpfloat_with_epsilon (share (repeated, measured), 0.16, 0.04);
}

/* The same hour comes out the same, byte for byte, whenever and in
 * whatever order it is asked, and from a model built afresh. */
static void
test_deterministic (void)
{
  g_autoptr(PulseSimModel) again = pulse_sim_model_new (load_config (), SEED, anchor);
  g_autoptr(PulseSimModel) other = pulse_sim_model_new (load_config (), SEED + 1, anchor);
  gint64 hour = anchor / PULSE_USEC_PER_HOUR - 14;
  g_autoptr(GArray) a = pulse_sim_model_contacts_in_hour (model, hour);
  g_autoptr(GArray) c = pulse_sim_model_contacts_in_hour (other, hour);
  g_autoptr(GArray) later = pulse_sim_model_contacts_in_hour (again, hour + 1);
  g_autoptr(GArray) b = pulse_sim_model_contacts_in_hour (again, hour);

  g_assert_cmpuint (a->len, >, 50);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_autoptr(JsonNode) x = pulse_sim_contact_to_json (model, &g_array_index (a, PulseSimContact,
                                                                               i), G_MAXINT64 / 2);
      g_autoptr(JsonNode) y = pulse_sim_contact_to_json (again, &g_array_index (b, PulseSimContact,
                                                                               i), G_MAXINT64 / 2);
      g_autofree char *tx = pulse_json_to_string (x);
      g_autofree char *ty = pulse_json_to_string (y);

      g_assert_cmpstr (tx, ==, ty);
    }
  g_assert_true (c->len != a->len ||
                 g_array_index (c, PulseSimContact, 0).created_at !=
                   g_array_index (a, PulseSimContact, 0).created_at);
  (void) later;
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

/* The demo's templates decode, every family has a section, and lint
 * finds what the demo data shows on purpose: a Russian overdue notice
 * with an http:// link, a payment confirmation without Kazakh and a
 * card notice in three languages; nothing else. */
static void
test_templates (void)
{
  g_autoptr(GPtrArray) nodes = pulse_sim_model_templates_json (model);
  g_autoptr(GHashTable) families = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  guint dead_links = 0, missing = 0, other = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      g_autoptr(GError) error = NULL;
      PulseTemplate *template = pulse_template_new_from_json (nodes->pdata[i], &error);
      GPtrArray *languages;

      g_assert_no_error (error);
      g_assert_nonnull (pulse_template_get_section (template));
      g_assert_nonnull (pulse_template_get_category (template));
      g_ptr_array_add (templates, template);
      languages = g_hash_table_lookup (families, pulse_template_get_family (template));
      if (languages == NULL)
        {
          languages = g_ptr_array_new ();
          g_hash_table_insert (families, (gpointer) pulse_template_get_family (template),
                               languages);
        }
      g_ptr_array_add (languages, (gpointer) pulse_template_get_language (template));
    }

  /* Five FAQ answers and five hand-written families. */
  g_assert_cmpuint (g_hash_table_size (families), ==, 10);
  for (guint i = 0; i < templates->len; i++)
    {
      PulseTemplate *template = templates->pdata[i];
      GPtrArray *languages = g_hash_table_lookup (families, pulse_template_get_family (template));
      g_autoptr(GPtrArray) copy = g_ptr_array_copy (languages, NULL, NULL);
      g_autoptr(GPtrArray) issues = NULL;

      g_ptr_array_add (copy, NULL);
      issues = pulse_template_lint (template, (const char * const *) copy->pdata);
      for (guint j = 0; j < issues->len; j++)
        {
          PulseTemplateIssue *issue = issues->pdata[j];

          g_test_message ("%s: %s", pulse_template_get_id (template), issue->message);
          if (issue->kind == PULSE_TEMPLATE_ISSUE_DEAD_LINK)
            dead_links++;
          else if (issue->kind == PULSE_TEMPLATE_ISSUE_MISSING_LANGUAGE)
            missing++;
          else
            other++;
        }
    }

  g_assert_cmpuint (dead_links, ==, 1);
  /* payment-received: 4 versions × kk; card-blocked: 3 versions × es, kk. */
  g_assert_cmpuint (missing, ==, 4 + 3 * 2);
  g_assert_cmpuint (other, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  build ();
  g_test_add_func ("/pulse/core/sim-model/weekly-volumes", test_weekly_volumes);
  g_test_add_func ("/pulse/core/sim-model/automation-shares", test_automation_shares);
  g_test_add_func ("/pulse/core/sim-model/ratings", test_ratings);
  g_test_add_func ("/pulse/core/sim-model/category-shares", test_category_shares);
  g_test_add_func ("/pulse/core/sim-model/shift-coverage", test_shift_coverage);
  g_test_add_func ("/pulse/core/sim-model/time-zone-peaks", test_time_zone_peaks);
  g_test_add_func ("/pulse/core/sim-model/repeat-contacts", test_repeat_contacts);
  g_test_add_func ("/pulse/core/sim-model/deterministic", test_deterministic);
  g_test_add_func ("/pulse/core/sim-model/rules-match-texts", test_rules_match_texts);
  g_test_add_func ("/pulse/core/sim-model/templates", test_templates);
  status = g_test_run ();
  g_array_unref (contacts);
  pulse_sim_model_free (model);
  return status;
}
