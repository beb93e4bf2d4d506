/* pulse-scorecard.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-scorecard.h"
#include "pulse-utils.h"

/**
 * PulseScorecard:
 *
 * The form QA reviewers grade a reply on: named sections of weighted
 * criteria. Criterion ids are unique across the whole scorecard, since
 * grades name a criterion by id alone.
 *
 * Wire form: `{"id","version","name","sections"}`; the sections must hold
 * at least one criterion between them.
 */
struct _PulseScorecard
{
  GObject    parent_instance;

  char      *id;
  gint64     version;
  char      *name;
  GPtrArray *sections;
};

G_DEFINE_FINAL_TYPE (PulseScorecard, pulse_scorecard, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Names both places a repeated id is used, so a lead can find them. */
static gboolean
check_criterion_id (PulseJsonReader *reader,
                    GHashTable      *seen,
                    guint            section,
                    guint            criterion,
                    const char      *id)
{
  g_autofree char *path = g_strdup_printf ("sections[%u].criteria[%u]", section, criterion);
  const char *first = g_hash_table_lookup (seen, id);

  if (first != NULL)
    {
      g_autofree char *member = g_strconcat (path, ".id", NULL);

      pulse_json_reader_fail (reader, member, "duplicate “%s”, first used at %s", id, first);
      return FALSE;
    }

  g_hash_table_insert (seen, (gpointer) id, g_steal_pointer (&path));
  return TRUE;
}

static void
check_criteria (PulseScorecard  *self,
                PulseJsonReader *reader)
{
  g_autoptr(GHashTable) seen = NULL;

  if (self->sections == NULL)
    return;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < self->sections->len; i++)
    {
      const PulseScorecardSection *section = g_ptr_array_index (self->sections, i);

      for (guint j = 0; j < section->criteria->len; j++)
        {
          const PulseScorecardCriterion *criterion = g_ptr_array_index (section->criteria, j);

          if (!check_criterion_id (reader, seen, i, j, criterion->id))
            return;
        }
    }

  if (g_hash_table_size (seen) == 0)
    pulse_json_reader_fail (reader, "sections", "must hold at least one criterion");
}

static void
pulse_scorecard_finalize (GObject *object)
{
  PulseScorecard *self = (PulseScorecard *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_scorecard_parent_class)->finalize (object);
}

static void
pulse_scorecard_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PulseScorecard *self = PULSE_SCORECARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_scorecard_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PulseScorecard *self = PULSE_SCORECARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_scorecard_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      pulse_scorecard_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_scorecard_class_init (PulseScorecardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_scorecard_finalize;
  object_class->get_property = pulse_scorecard_get_property;
  object_class->set_property = pulse_scorecard_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_scorecard_init (PulseScorecard *self)
{
  self->sections =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_scorecard_section_free);
}

/**
 * pulse_scorecard_new:
 * @id: the scorecard's identifier
 *
 * Returns: (transfer full): a new scorecard with no sections yet.
 */
PulseScorecard *
pulse_scorecard_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_SCORECARD, "id", id, NULL);
}

/**
 * pulse_scorecard_new_from_json:
 * @node: the wire form of a scorecard
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault, with its path for nested values
 *   ("sections[1].criteria[0].id: duplicate “tone”, …")
 *
 * Returns: (transfer full) (nullable): the scorecard, or %NULL on error.
 */
PulseScorecard *
pulse_scorecard_new_from_json (JsonNode  *node,
                               GError   **error)
{
  PulseJsonReader reader;
  g_autoptr(PulseScorecard) self = NULL;

  if (!pulse_json_reader_init (&reader, node, "a scorecard", error))
    return NULL;

  /* Fields are read straight into a fresh scorecard, dropped on error. */
  self = g_object_new (PULSE_TYPE_SCORECARD, NULL);
  self->id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (&reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->name = pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->sections =
    pulse_json_list_read (&reader, "sections", PULSE_JSON_REQUIRED,
                          PULSE_JSON_LIST_DECODE (pulse_scorecard_section_new_from_json),
                          (GDestroyNotify) pulse_scorecard_section_free);
  check_criteria (self, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_scorecard_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_scorecard_to_json (PulseScorecard *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_SCORECARD (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_list_write (builder, "sections", self->sections,
                         PULSE_JSON_LIST_ENCODE (pulse_scorecard_section_to_json));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pulse_scorecard_get_id (PulseScorecard *self)
{
  g_return_val_if_fail (PULSE_IS_SCORECARD (self), NULL);

  return self->id;
}

gint64
pulse_scorecard_get_version (PulseScorecard *self)
{
  g_return_val_if_fail (PULSE_IS_SCORECARD (self), 0);

  return self->version;
}

void
pulse_scorecard_set_version (PulseScorecard *self,
                             gint64          version)
{
  g_return_if_fail (PULSE_IS_SCORECARD (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_scorecard_get_name (PulseScorecard *self)
{
  g_return_val_if_fail (PULSE_IS_SCORECARD (self), NULL);

  return self->name;
}

void
pulse_scorecard_set_name (PulseScorecard *self,
                          const char     *name)
{
  g_return_if_fail (PULSE_IS_SCORECARD (self));

  if (pulse_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

guint
pulse_scorecard_get_n_sections (PulseScorecard *self)
{
  g_return_val_if_fail (PULSE_IS_SCORECARD (self), 0);

  return self->sections->len;
}

/**
 * pulse_scorecard_get_section:
 * @index: a position below pulse_scorecard_get_n_sections()
 *
 * Returns: (transfer none): the section, owned by @self.
 */
const PulseScorecardSection *
pulse_scorecard_get_section (PulseScorecard *self,
                             guint           index)
{
  g_return_val_if_fail (PULSE_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return g_ptr_array_index (self->sections, index);
}

/**
 * pulse_scorecard_get_n_criteria:
 *
 * Returns: the number of criteria in all sections together.
 */
guint
pulse_scorecard_get_n_criteria (PulseScorecard *self)
{
  guint n = 0;

  g_return_val_if_fail (PULSE_IS_SCORECARD (self), 0);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const PulseScorecardSection *section = g_ptr_array_index (self->sections, i);

      n += section->criteria->len;
    }

  return n;
}

/**
 * pulse_scorecard_find_criterion:
 * @id: a criterion id
 *
 * Looks @id up in every section.
 *
 * Returns: (transfer none) (nullable): the criterion, owned by @self, or
 *   %NULL if the scorecard has no criterion @id.
 */
const PulseScorecardCriterion *
pulse_scorecard_find_criterion (PulseScorecard *self,
                                const char     *id)
{
  g_return_val_if_fail (PULSE_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const PulseScorecardSection *section = g_ptr_array_index (self->sections, i);

      for (guint j = 0; j < section->criteria->len; j++)
        {
          const PulseScorecardCriterion *criterion = g_ptr_array_index (section->criteria, j);

          if (g_str_equal (criterion->id, id))
            return criterion;
        }
    }

  return NULL;
}
