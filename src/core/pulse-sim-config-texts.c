/* pulse-sim-config-texts.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator's categories and the texts customers, agents, bots and
 * rules write, by language (text[uk]=…; the plain key is English).
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-sim-config.h"

void
_pulse_sim_texts_clear (PulseSimTexts *texts)
{
  g_clear_pointer (&texts->by_language, g_hash_table_unref);
}

/* Every language the file names for countries or sites ("uk:80" too):
 * the languages texts may come in. GKeyFile hides "key[xx]" entries from
 * its key list, so they are asked for by name. */
static GStrv
known_languages (GKeyFile *file)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) list = NULL;

      if (!g_str_has_prefix (groups[i], "country ") && !g_str_has_prefix (groups[i], "site "))
        continue;
      list = g_key_file_get_string_list (file, groups[i], "languages", NULL, NULL);
      for (guint j = 0; list != NULL && list[j] != NULL; j++)
        {
          char *colon = strchr (list[j], ':');

          if (colon != NULL)
            *colon = '\0';
          g_strstrip (list[j]);
          if (list[j][0] != '\0' && g_hash_table_add (seen, g_strdup (list[j])))
            g_strv_builder_add (builder, list[j]);
        }
    }

  return g_strv_builder_end (builder);
}

static void
insert_list (PulseSimTexts *texts,
             const char    *language,
             GStrv          list)
{
  if (list == NULL || list[0] == NULL)
    {
      g_strfreev (list);
      return;
    }

  for (guint j = 0; list[j] != NULL; j++)
    g_strstrip (list[j]);
  g_hash_table_insert (texts->by_language, g_strdup (language), list);
}

/**
 * _pulse_sim_read_texts:
 * @key: the key; "key[xx]" variants give the languages, "key" the
 *   fallback
 *
 * Returns: %FALSE when @required and there is no fallback.
 */
gboolean
_pulse_sim_read_texts (PulseSimTexts  *texts,
                       GKeyFile       *file,
                       const char     *group,
                       const char     *key,
                       gboolean        required,
                       GError        **error)
{
  g_auto(GStrv) languages = known_languages (file);

  texts->by_language = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_strfreev);
  insert_list (texts, "", g_key_file_get_string_list (file, group, key, NULL, NULL));
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *found = g_key_file_get_locale_for_key (file, group, key, languages[i]);

      /* NULL or another locale: no text in this language, the fallback serves. */
      if (g_strcmp0 (found, languages[i]) == 0)
        insert_list (texts, languages[i],
                     g_key_file_get_locale_string_list (file, group, key, languages[i], NULL,
                                                        NULL));
    }

  if (required && !g_hash_table_contains (texts->by_language, ""))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "[%s] %s: is required (the English text)", group, key);
      return FALSE;
    }

  return TRUE;
}

/**
 * pulse_sim_texts_get:
 * @texts: texts by language
 * @language: (nullable): "uk", "es" …
 *
 * Returns: (transfer none) (nullable): the texts in @language, else the
 *   fallback, else %NULL.
 */
const char * const *
pulse_sim_texts_get (const PulseSimTexts *texts,
                     const char          *language)
{
  GStrv list = NULL;

  if (texts->by_language == NULL)
    return NULL;

  if (language != NULL)
    list = g_hash_table_lookup (texts->by_language, language);
  if (list == NULL)
    list = g_hash_table_lookup (texts->by_language, "");

  return (const char * const *) list;
}

static void
category_free (PulseSimCategory *category)
{
  g_free (category->tag);
  g_free (category->name);
  g_free (category->section);
  _pulse_sim_texts_clear (&category->subject);
  _pulse_sim_texts_clear (&category->text);
  _pulse_sim_texts_clear (&category->faq);
  _pulse_sim_texts_clear (&category->phrase);
  _pulse_sim_texts_clear (&category->reply);
  g_free (category);
}

static gboolean
read_category (PulseSimConfig  *self,
               GKeyFile        *file,
               const char      *group,
               GError         **error)
{
  PulseSimCategory *category = g_new0 (PulseSimCategory, 1);
  g_autofree char *priority = g_key_file_get_string (file, group, "priority", NULL);
  int value = PULSE_PRIORITY_NORMAL;

  g_ptr_array_add (self->categories, category);
  category->tag = g_strdup (group + strlen ("category "));
  category->name = g_key_file_get_string (file, group, "name", NULL);
  category->section = g_key_file_get_string (file, group, "section", NULL);
  category->fraud_rule = g_key_file_get_boolean (file, group, "fraud-rule", NULL);
  if (priority != NULL && !pulse_enum_from_nick (PULSE_TYPE_PRIORITY, priority, &value))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "[%s] priority: must be low, normal, high or urgent", group);
      return FALSE;
    }
  category->priority = value;

  if (!_pulse_sim_read_texts (&category->subject, file, group, "subject", TRUE, error) ||
      !_pulse_sim_read_texts (&category->text, file, group, "text", TRUE, error) ||
      !_pulse_sim_read_texts (&category->faq, file, group, "faq", FALSE, error) ||
      !_pulse_sim_read_texts (&category->phrase, file, group, "phrase", FALSE, error) ||
      !_pulse_sim_read_texts (&category->reply, file, group, "reply", FALSE, error))
    return FALSE;

  /* A rule needs all three: what is asked, the phrase that catches it,
   * and the answer. */
  if ((pulse_sim_texts_get (&category->faq, NULL) != NULL) !=
        (pulse_sim_texts_get (&category->phrase, NULL) != NULL) ||
      (pulse_sim_texts_get (&category->faq, NULL) != NULL) !=
        (pulse_sim_texts_get (&category->reply, NULL) != NULL))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "[%s] faq: faq, phrase and reply go together", group);
      return FALSE;
    }

  return TRUE;
}

/**
 * _pulse_sim_config_read_categories:
 *
 * Reads every [category …] group and the [replies] and [fraud-rule] texts.
 */
gboolean
_pulse_sim_config_read_categories (PulseSimConfig  *self,
                                   GKeyFile        *file,
                                   GError         **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "category ") && !read_category (self, file, groups[i], error))
      return FALSE;

  if (self->categories->len == 0)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "no [category …] group");
      return FALSE;
    }

  return _pulse_sim_read_texts (&self->fraud_phrases, file, "fraud-rule", "phrases", FALSE,
                                error) &&
         _pulse_sim_read_texts (&self->agent_replies, file, "replies", "agent", TRUE, error) &&
         _pulse_sim_read_texts (&self->bot_replies, file, "replies", "bot", TRUE, error) &&
         _pulse_sim_read_texts (&self->customer_replies, file, "replies", "customer", TRUE,
                                error) &&
         _pulse_sim_read_texts (&self->call_subject, file, "replies", "call", TRUE, error);
}
