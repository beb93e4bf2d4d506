/* pulse-scorecard-edit.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scorecard editor without widgets: sections and criteria as plain
 * data, the checks a lead reads before saving (a name, at least one
 * criterion, weights above 0 and at most 100, names unique), and the
 * wire form of the next version. A criterion keeps its id when renamed,
 * since grades name it; a new one gets an id from its name.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-json.h"
#include "pulse-scorecard-edit.h"

static void
criterion_free (PulseScorecardEditCriterion *criterion)
{
  g_free (criterion->id);
  g_free (criterion->name);
  g_free (criterion->description);
  g_free (criterion);
}

static void
section_free (PulseScorecardEditSection *section)
{
  g_free (section->name);
  g_ptr_array_unref (section->criteria);
  g_free (section);
}

static PulseScorecardEdit *
edit_new (const char *id,
          gint64      version,
          const char *name)
{
  PulseScorecardEdit *self = g_new0 (PulseScorecardEdit, 1);

  self->id = g_strdup (id);
  self->version = version;
  self->name = g_strdup (name != NULL ? name : "");
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  return self;
}

/**
 * pulse_scorecard_edit_new:
 * @scorecard: the scorecard to edit
 *
 * Returns: (transfer full): a copy of @scorecard to edit.
 */
PulseScorecardEdit *
pulse_scorecard_edit_new (PulseScorecard *scorecard)
{
  PulseScorecardEdit *self;

  g_return_val_if_fail (PULSE_IS_SCORECARD (scorecard), NULL);

  self = edit_new (pulse_scorecard_get_id (scorecard), pulse_scorecard_get_version (scorecard),
                   pulse_scorecard_get_name (scorecard));
  for (guint i = 0; i < pulse_scorecard_get_n_sections (scorecard); i++)
    {
      const PulseScorecardSection *section = pulse_scorecard_get_section (scorecard, i);

      pulse_scorecard_edit_add_section (self, section->name);
      for (guint j = 0; j < section->criteria->len; j++)
        {
          const PulseScorecardCriterion *from = g_ptr_array_index (section->criteria, j);
          PulseScorecardEditCriterion *to =
            pulse_scorecard_edit_add_criterion (self, i, from->name, from->weight);

          to->id = g_strdup (from->id);
          to->description = g_strdup (from->description);
          to->critical = from->critical;
        }
    }

  return self;
}

/**
 * pulse_scorecard_edit_new_blank:
 * @id: the new scorecard's id
 * @name: its name
 *
 * Returns: (transfer full): a new scorecard with one section and one
 *   criterion to fill in.
 */
PulseScorecardEdit *
pulse_scorecard_edit_new_blank (const char *id,
                                const char *name)
{
  PulseScorecardEdit *self = edit_new (id, 0, name);

  pulse_scorecard_edit_add_section (self, _("General"));
  pulse_scorecard_edit_add_criterion (self, 0, "", 10);
  return self;
}

void
pulse_scorecard_edit_free (PulseScorecardEdit *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->name);
  g_ptr_array_unref (self->sections);
  g_free (self);
}

/**
 * pulse_scorecard_edit_add_section:
 *
 * Returns: (transfer none): the new last section, empty.
 */
PulseScorecardEditSection *
pulse_scorecard_edit_add_section (PulseScorecardEdit *self,
                                  const char         *name)
{
  PulseScorecardEditSection *section = g_new0 (PulseScorecardEditSection, 1);

  g_return_val_if_fail (self != NULL, NULL);

  section->name = g_strdup (name != NULL ? name : "");
  section->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  g_ptr_array_add (self->sections, section);
  return section;
}

/**
 * pulse_scorecard_edit_add_criterion:
 * @section: below the number of sections
 *
 * Returns: (transfer none): the new last criterion of @section, not
 *   critical, with no id yet.
 */
PulseScorecardEditCriterion *
pulse_scorecard_edit_add_criterion (PulseScorecardEdit *self,
                                    guint               section,
                                    const char         *name,
                                    double              weight)
{
  PulseScorecardEditSection *into;
  PulseScorecardEditCriterion *criterion;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);

  into = g_ptr_array_index (self->sections, section);
  criterion = g_new0 (PulseScorecardEditCriterion, 1);
  criterion->name = g_strdup (name != NULL ? name : "");
  criterion->weight = weight;
  g_ptr_array_add (into->criteria, criterion);
  return criterion;
}

/**
 * pulse_scorecard_edit_remove:
 * @criterion: the criterion to remove, or -1 for the whole section
 */
void
pulse_scorecard_edit_remove (PulseScorecardEdit *self,
                             guint               section,
                             int                 criterion)
{
  PulseScorecardEditSection *from;

  g_return_if_fail (self != NULL);
  g_return_if_fail (section < self->sections->len);

  from = g_ptr_array_index (self->sections, section);
  if (criterion < 0)
    g_ptr_array_remove_index (self->sections, section);
  else if ((guint) criterion < from->criteria->len)
    g_ptr_array_remove_index (from->criteria, criterion);
}

/**
 * pulse_scorecard_edit_get_criterion:
 *
 * Returns: (transfer none): the criterion, to change in place.
 */
PulseScorecardEditCriterion *
pulse_scorecard_edit_get_criterion (PulseScorecardEdit *self,
                                    guint               section,
                                    guint               criterion)
{
  PulseScorecardEditSection *in;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);

  in = g_ptr_array_index (self->sections, section);
  g_return_val_if_fail (criterion < in->criteria->len, NULL);
  return g_ptr_array_index (in->criteria, criterion);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return copy[0] == '\0';
}

/* The first problem of one criterion, or NULL. @names holds the
 * casefolded names before it. */
static char *
check_criterion (const PulseScorecardEditSection   *section,
                 const PulseScorecardEditCriterion *criterion,
                 GHashTable                        *names)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (criterion->name != NULL ? criterion->name
                                                                  : ""));
  g_autofree char *key = NULL;

  if (is_blank (criterion->name))
    /* Translators: a scorecard check; %s is the section */
    return g_strdup_printf (_("A criterion in “%s” has no name."), section->name);
  if (!(criterion->weight > 0 && criterion->weight <= 100))
    /* Translators: a scorecard check; %s is the criterion */
    return g_strdup_printf (_("The weight of “%s” must be above 0 and at most 100."),
                            criterion->name);

  key = g_utf8_casefold (trimmed, -1);
  if (!g_hash_table_add (names, g_steal_pointer (&key)))
    /* Translators: a scorecard check; %s is the criterion */
    return g_strdup_printf (_("Two criteria are called “%s”."), criterion->name);

  return NULL;
}

/**
 * pulse_scorecard_edit_check:
 *
 * Returns: (transfer full) (nullable): the first reason the scorecard
 *   cannot be saved, for people to read, or %NULL when it can.
 */
char *
pulse_scorecard_edit_check (PulseScorecardEdit *self)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (is_blank (self->name))
    return g_strdup (_("The scorecard has no name."));

  for (guint i = 0; i < self->sections->len; i++)
    {
      const PulseScorecardEditSection *section = g_ptr_array_index (self->sections, i);

      if (is_blank (section->name))
        return g_strdup (_("A section has no name."));
      for (guint j = 0; j < section->criteria->len; j++)
        {
          char *problem = check_criterion (section, g_ptr_array_index (section->criteria, j),
                                           names);

          if (problem != NULL)
            return problem;
        }
    }

  if (g_hash_table_size (names) == 0)
    return g_strdup (_("A scorecard needs at least one criterion."));

  return NULL;
}

/* "Tone of voice" → "tone-of-voice"; letters outside ASCII are
 * transliterated where they can be, anything else is a dash. */
static char *
slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "criterion");
  if (out->len > 48)
    g_string_truncate (out, 48);

  return g_string_free (out, FALSE);
}

/* Ids for new criteria, unique beside the ids already taken. */
static void
assign_ids (PulseScorecardEdit *self)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->sections->len; i++)
      {
        PulseScorecardEditSection *section = g_ptr_array_index (self->sections, i);

        for (guint j = 0; j < section->criteria->len; j++)
          {
            PulseScorecardEditCriterion *criterion = g_ptr_array_index (section->criteria, j);
            g_autofree char *base = NULL;

            if (pass == 0 && criterion->id != NULL)
              g_hash_table_add (taken, criterion->id);
            if (pass == 0 || criterion->id != NULL)
              continue;

            base = slug (criterion->name);
            criterion->id = g_strdup (base);
            for (guint n = 2; g_hash_table_contains (taken, criterion->id); n++)
              {
                g_free (criterion->id);
                criterion->id = g_strdup_printf ("%s-%u", base, n);
              }
            g_hash_table_add (taken, criterion->id);
          }
      }
}

static void
add_criterion_json (JsonBuilder                       *builder,
                    const PulseScorecardEditCriterion *criterion)
{
  g_autofree char *name = g_strstrip (g_strdup (criterion->name));
  g_autofree char *description = g_strstrip (g_strdup (criterion->description != NULL
                                                       ? criterion->description : ""));

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", criterion->id);
  pulse_json_add_string (builder, "name", name);
  if (description[0] != '\0')
    pulse_json_add_string (builder, "description", description);
  pulse_json_add_double (builder, "weight", criterion->weight);
  pulse_json_add_boolean (builder, "critical", criterion->critical);
  json_builder_end_object (builder);
}

/**
 * pulse_scorecard_edit_to_json:
 *
 * Gives new criteria their ids first.
 *
 * Returns: (transfer full) (nullable): the scorecard's wire form at the
 *   version edited (the server makes the next), or %NULL when
 *   pulse_scorecard_edit_check() finds a problem.
 */
JsonNode *
pulse_scorecard_edit_to_json (PulseScorecardEdit *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *problem = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  problem = pulse_scorecard_edit_check (self);
  if (problem != NULL)
    return NULL;

  assign_ids (self);
  name = g_strstrip (g_strdup (self->name));
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", name);
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->sections->len; i++)
    {
      const PulseScorecardEditSection *section = g_ptr_array_index (self->sections, i);
      g_autofree char *heading = g_strstrip (g_strdup (section->name));

      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "name", heading);
      json_builder_set_member_name (builder, "criteria");
      json_builder_begin_array (builder);
      for (guint j = 0; j < section->criteria->len; j++)
        add_criterion_json (builder, g_ptr_array_index (section->criteria, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
