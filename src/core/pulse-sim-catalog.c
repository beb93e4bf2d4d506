/* pulse-sim-catalog.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated operation's automation: one reply template and one rule
 * per FAQ category and language (the rule answers with the template and
 * closes the contact), a fraud rule per language that marks contacts
 * urgent, a few templates agents fill in by hand, and the QA scorecard.
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-sim-catalog.h"
#include "pulse-template-render.h"

/* Rules and their templates answer in writing, never on a call. */
#define WRITTEN_CHANNELS \
  (PULSE_CHANNEL_SET_MASK & ~PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_PHONE))

/**
 * pulse_sim_model_dup_languages:
 *
 * Returns: (transfer full): the languages the countries speak, in the
 *   order the configuration first names them.
 */
char **
pulse_sim_model_dup_languages (PulseSimModel *model)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();

  for (guint c = 0; c < config->countries->len; c++)
    {
      PulseSimCountry *country = config->countries->pdata[c];

      for (guint i = 0; i < country->languages.n; i++)
        if (!g_ptr_array_find_with_equal_func (languages, country->languages.names[i],
                                               g_str_equal, NULL))
          g_ptr_array_add (languages, country->languages.names[i]);
    }

  g_ptr_array_add (languages, NULL);
  return g_strdupv ((char **) languages->pdata);
}

typedef struct
{
  const char *id;
  const char *family;
  const char *section;
  const char *category;
  const char *name;
  const char *language;
  guint       channels;
  const char *body;
  gboolean    disclosure;
} TemplateFields;

static JsonNode *
template_json (const TemplateFields *t)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_auto(GStrv) variables = pulse_template_dup_used_names (t->body);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", t->id);
  pulse_json_add_int (builder, "version", 0);
  pulse_json_add_string (builder, "name", t->name);
  pulse_json_add_string (builder, "language", t->language);
  pulse_channel_set_write (builder, "channels", t->channels);
  pulse_json_add_string (builder, "body", t->body);
  pulse_json_add_strv (builder, "variables", (const char * const *) variables);
  pulse_json_add_boolean (builder, "disclosure", t->disclosure);
  pulse_json_add_string (builder, "family", t->family);
  pulse_json_add_string (builder, "section", t->section);
  pulse_json_add_string (builder, "category", t->category);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The versions of a [template …] group: each language its body is
 * written in, English (the plain key) last. */
static void
add_manual (GPtrArray              *out,
            const PulseSimTemplate *manual)
{
  static const char *languages[] = { "uk", "ru", "kk", "es", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *key = g_str_equal (languages[l], "en") ? "" : languages[l];
      g_autofree char *id = NULL;
      GStrv body = g_hash_table_lookup (manual->body.by_language, key);
      TemplateFields t = { NULL };

      if (body == NULL)
        continue;
      id = g_strdup_printf ("sim-tpl-%s-%s", manual->family, languages[l]);
      t = (TemplateFields) { id, manual->family, manual->section, manual->category,
                             pulse_sim_texts_get (&manual->name, key)[0], languages[l],
                             manual->channels, body[0], FALSE };
      g_ptr_array_add (out, template_json (&t));
    }
}

/* A FAQ category's answer: a rule sends it, so it tells the client so. */
static void
add_faq (GPtrArray              *out,
         const PulseSimCategory *category,
         const char * const     *languages)
{
  g_autofree char *family = g_strdup_printf ("sim-tpl-%s", category->tag);

  for (guint l = 0; languages[l] != NULL; l++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%s", family, languages[l]);
      const char *key = g_str_equal (languages[l], "en") ? NULL : languages[l];
      /* Named after the question it answers, in its language. */
      TemplateFields t = { id, family, category->section, category->name,
                           pulse_sim_texts_get (&category->faq, key)[0], languages[l],
                           WRITTEN_CHANNELS, pulse_sim_texts_get (&category->reply, key)[0],
                           TRUE };

      g_ptr_array_add (out, template_json (&t));
    }
}

/**
 * pulse_sim_model_templates_json:
 *
 * Returns: (transfer full) (element-type JsonNode): the templates: each
 *   FAQ category's answer in every language the countries speak and in
 *   English (id "sim-tpl-TAG-LANG"), the ones the rules send; then the
 *   [template FAMILY] groups' versions ("sim-tpl-FAMILY-LANG").
 */
GPtrArray *
pulse_sim_model_templates_json (PulseSimModel *model)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_auto(GStrv) spoken = pulse_sim_model_dup_languages (model);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;

  g_strv_builder_addv (builder, (const char **) spoken);
  if (!g_strv_contains ((const char * const *) spoken, "en"))
    g_strv_builder_add (builder, "en");
  languages = g_strv_builder_end (builder);

  for (guint c = 0; c < config->categories->len; c++)
    {
      PulseSimCategory *category = config->categories->pdata[c];

      if (pulse_sim_texts_get (&category->reply, NULL) != NULL)
        add_faq (out, category, (const char * const *) languages);
    }

  for (guint i = 0; i < config->templates->len; i++)
    add_manual (out, config->templates->pdata[i]);

  return out;
}

static void
add_action (JsonBuilder *builder,
            const char  *kind,
            const char  *value)
{
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "kind", kind);
  if (value != NULL)
    pulse_json_add_string (builder, "value", value);
  json_builder_end_object (builder);
}

static void
begin_rule (JsonBuilder        *builder,
            const char         *id,
            const char         *name,
            int                 position,
            const char         *language,
            guint               channels,
            const char * const *phrases)
{
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_int (builder, "version", 0);
  pulse_json_add_string (builder, "name", name);
  pulse_json_add_int (builder, "position", position);
  pulse_json_add_boolean (builder, "enabled", TRUE);
  pulse_json_add_string (builder, "language", language);
  pulse_channel_set_write (builder, "channels", channels);
  json_builder_set_member_name (builder, "phrases");
  json_builder_begin_array (builder);
  for (guint i = 0; phrases[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "text", phrases[i]);
      pulse_json_add_string (builder, "mode", "phrase");
      pulse_json_add_string (builder, "field", "any");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
}

static JsonNode *
end_rule (JsonBuilder *builder)
{
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_fraud_rules (PulseSimModel  *model,
                 GStrv           languages,
                 GPtrArray      *out)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);

  for (guint c = 0; c < config->categories->len; c++)
    {
      PulseSimCategory *category = config->categories->pdata[c];

      for (guint l = 0; category->fraud_rule && languages[l] != NULL; l++)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
          g_autofree char *id = g_strdup_printf ("sim-%s-%s", category->tag, languages[l]);
          g_autofree char *name = g_strdup_printf ("%s: urgent (%s)", category->name,
                                                   languages[l]);
          const char * const *phrases = pulse_sim_texts_get (&config->fraud_phrases,
                                                             languages[l]);

          if (phrases == NULL)
            continue;
          begin_rule (builder, id, name, 1, languages[l], PULSE_CHANNEL_SET_MASK, phrases);
          add_action (builder, "priority",
                      pulse_enum_to_nick (PULSE_TYPE_PRIORITY, category->priority));
          add_action (builder, "tag", category->tag);
          g_ptr_array_add (out, end_rule (builder));
        }
    }
}

/**
 * pulse_sim_model_rules_json:
 *
 * Returns: (transfer full) (element-type JsonNode): the rules; the
 *   templates they answer with must be stored first.
 */
GPtrArray *
pulse_sim_model_rules_json (PulseSimModel *model)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_auto(GStrv) languages = pulse_sim_model_dup_languages (model);
  int position = 10;

  add_fraud_rules (model, languages, out);
  for (guint c = 0; c < config->categories->len; c++)
    {
      PulseSimCategory *category = config->categories->pdata[c];

      for (guint l = 0; languages[l] != NULL && pulse_sim_texts_get (&category->faq, NULL); l++)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
          g_autofree char *id = g_strdup_printf ("sim-%s-%s", category->tag, languages[l]);
          g_autofree char *tpl = g_strdup_printf ("sim-tpl-%s-%s", category->tag, languages[l]);
          g_autofree char *name = g_strdup_printf ("%s: FAQ (%s)", category->name, languages[l]);
          const char *phrase[] = { pulse_sim_texts_get (&category->phrase, languages[l])[0],
                                   NULL };

          begin_rule (builder, id, name, position++, languages[l], WRITTEN_CHANNELS, phrase);
          add_action (builder, "auto-reply", tpl);
          add_action (builder, "tag", category->tag);
          add_action (builder, "close", NULL);
          g_ptr_array_add (out, end_rule (builder));
        }
    }

  return out;
}

static void
add_criterion (JsonBuilder *builder,
               const char  *id,
               const char  *name,
               double       weight,
               gboolean     critical)
{
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_string (builder, "name", name);
  pulse_json_add_double (builder, "weight", weight);
  pulse_json_add_boolean (builder, "critical", critical);
  json_builder_end_object (builder);
}

static void
begin_section (JsonBuilder *builder,
               const char  *name)
{
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "name", name);
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
}

static void
end_section (JsonBuilder *builder)
{
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * pulse_sim_model_scorecard_json:
 *
 * Returns: (transfer full): the QA scorecard reviews are graded on.
 */
JsonNode *
pulse_sim_model_scorecard_json (PulseSimModel *model)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", PULSE_SIM_SCORECARD_ID);
  pulse_json_add_int (builder, "version", 0);
  pulse_json_add_string (builder, "name", "Support quality");
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  begin_section (builder, "Communication");
  add_criterion (builder, "greeting", "Greeting and name", 1, FALSE);
  add_criterion (builder, "tone", "Tone and empathy", 2, FALSE);
  end_section (builder);
  begin_section (builder, "Resolution");
  add_criterion (builder, "accuracy", "Correct answer", 3, TRUE);
  add_criterion (builder, "resolution", "Solved in one contact", 2, FALSE);
  end_section (builder);
  begin_section (builder, "Compliance");
  add_criterion (builder, "identity", "Identity checked before personal data", 2, TRUE);
  add_criterion (builder, "disclosure", "Loan terms stated correctly", 1, FALSE);
  end_section (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
