/* pulse-template.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-json.h"
#include "pulse-template.h"
#include "pulse-utils.h"

/**
 * PulseTemplate:
 *
 * A reply template in one language, for some channels (none listed means
 * all), with the variables its body uses. When a rule sends it and
 * @disclosure is set, the "this answer was sent automatically" notice is
 * appended.
 *
 * Wire form: `{"id","version","name","language","channels","body",
 * "variables","disclosure","updated_by"?}`; channels and variables may be
 * absent (empty), disclosure defaults to true.
 */
struct _PulseTemplate
{
  GObject   parent_instance;

  char     *id;
  gint64    version;
  char     *name;
  char     *language;
  guint     channels;
  char     *body;
  GStrv     variables;
  gboolean  disclosure;
  char     *updated_by;
};

G_DEFINE_FINAL_TYPE (PulseTemplate, pulse_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_LANGUAGE,
  PROP_CHANNELS,
  PROP_BODY,
  PROP_VARIABLES,
  PROP_DISCLOSURE,
  PROP_UPDATED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Names are unique, so a body's {{name}} has one meaning. */
static gboolean
check_variable (PulseJsonReader *reader,
                GHashTable      *seen,
                guint            index,
                const char      *name)
{
  g_autofree char *path = g_strdup_printf ("variables[%u]", index);

  if (!pulse_template_is_valid_variable_name (name))
    {
      g_autofree char *shown = g_utf8_make_valid (name, -1);

      pulse_json_reader_fail (reader, path, "“%s” is not a variable name ([a-z_][a-z0-9_]*)",
                              shown);
      return FALSE;
    }

  if (!g_hash_table_add (seen, (gpointer) name))
    {
      pulse_json_reader_fail (reader, path, "duplicate “%s”", name);
      return FALSE;
    }

  return TRUE;
}

static GStrv
read_variables (PulseJsonReader *reader)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) names = NULL;

  names = pulse_json_reader_dup_strv (reader, "variables", PULSE_JSON_OPTIONAL,
                                      PULSE_JSON_MAX_ITEMS, PULSE_TEMPLATE_MAX_VARIABLE);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (!check_variable (reader, seen, i, names[i]))
        return NULL;
    }

  return g_steal_pointer (&names);
}

static void
read_fields (PulseTemplate   *self,
             PulseJsonReader *reader)
{
  self->id = pulse_json_reader_dup_string (reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->name = pulse_json_reader_dup_string (reader, "name", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
  self->language = pulse_json_reader_dup_string (reader, "language", PULSE_JSON_REQUIRED,
                                                 PULSE_JSON_MAX_ID);
  pulse_channel_set_read (reader, "channels", &self->channels);
  self->body = pulse_json_reader_dup_string (reader, "body", PULSE_JSON_REQUIRED,
                                             PULSE_TEMPLATE_MAX_BODY);
  g_strfreev (self->variables);
  self->variables = read_variables (reader);
  self->disclosure = pulse_json_reader_get_boolean (reader, "disclosure", PULSE_JSON_OPTIONAL,
                                                    TRUE);
  self->updated_by = pulse_json_reader_dup_string (reader, "updated_by", PULSE_JSON_OPTIONAL,
                                                   PULSE_JSON_MAX_NAME);
}

static void
pulse_template_finalize (GObject *object)
{
  PulseTemplate *self = (PulseTemplate *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->variables, g_strfreev);
  g_clear_pointer (&self->updated_by, g_free);

  G_OBJECT_CLASS (pulse_template_parent_class)->finalize (object);
}

static void
pulse_template_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PulseTemplate *self = PULSE_TEMPLATE (object);

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
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_CHANNELS:
      g_value_set_uint (value, self->channels);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_VARIABLES:
      g_value_set_boxed (value, self->variables);
      break;
    case PROP_DISCLOSURE:
      g_value_set_boolean (value, self->disclosure);
      break;
    case PROP_UPDATED_BY:
      g_value_set_string (value, self->updated_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_template_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PulseTemplate *self = PULSE_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_template_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      pulse_template_set_name (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      pulse_template_set_language (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      pulse_template_set_body (self, g_value_get_string (value));
      break;
    case PROP_DISCLOSURE:
      pulse_template_set_disclosure (self, g_value_get_boolean (value));
      break;
    case PROP_UPDATED_BY:
      pulse_template_set_updated_by (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_template_class_init (PulseTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_template_finalize;
  object_class->get_property = pulse_template_get_property;
  object_class->set_property = pulse_template_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties[PROP_CHANNELS] = g_param_spec_uint ("channels", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, rw);
  properties[PROP_VARIABLES] = g_param_spec_boxed ("variables", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_DISCLOSURE] = g_param_spec_boolean ("disclosure", NULL, NULL, TRUE, rw);
  properties[PROP_UPDATED_BY] = g_param_spec_string ("updated-by", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_template_init (PulseTemplate *self)
{
  self->variables = g_new0 (char *, 1);
  self->disclosure = TRUE;
}

/**
 * pulse_template_new:
 * @id: the template's identifier
 *
 * Returns: (transfer full): a new template with no body yet, and the
 *   disclosure on.
 */
PulseTemplate *
pulse_template_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_TEMPLATE, "id", id, NULL);
}

/**
 * pulse_template_new_from_json:
 * @node: the wire form of a template
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the template, or %NULL on error.
 */
PulseTemplate *
pulse_template_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return pulse_json_decode_object (node, PULSE_TYPE_TEMPLATE, "a template",
                                   (PulseJsonFieldsFunc) read_fields, error);
}

/**
 * pulse_template_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_template_to_json (PulseTemplate *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_string (builder, "language", self->language);
  pulse_channel_set_write (builder, "channels", self->channels);
  pulse_json_add_string (builder, "body", self->body);
  pulse_json_add_strv (builder, "variables", (const char * const *) self->variables);
  pulse_json_add_boolean (builder, "disclosure", self->disclosure);
  pulse_json_add_string (builder, "updated_by", self->updated_by);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pulse_template_get_id (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  return self->id;
}

gint64
pulse_template_get_version (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), 0);

  return self->version;
}

void
pulse_template_set_version (PulseTemplate *self,
                            gint64         version)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_template_get_name (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  return self->name;
}

void
pulse_template_set_name (PulseTemplate *self,
                         const char    *name)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));

  if (pulse_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pulse_template_get_language (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  return self->language;
}

void
pulse_template_set_language (PulseTemplate *self,
                             const char    *language)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));

  if (pulse_set_str (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * pulse_template_get_channels:
 *
 * Returns: the channels the template is written for, a bitmask of
 *   PULSE_CHANNEL_SET_BIT(); 0 means every channel.
 */
guint
pulse_template_get_channels (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), 0);

  return self->channels;
}

const char *
pulse_template_get_body (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  return self->body;
}

/**
 * pulse_template_set_body:
 * @body: the new text; the codec refuses one longer than
 *   %PULSE_TEMPLATE_MAX_BODY bytes
 */
void
pulse_template_set_body (PulseTemplate *self,
                         const char    *body)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));

  if (pulse_set_str (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

/**
 * pulse_template_get_variables:
 *
 * Returns: (transfer none): the names of the variables the body uses,
 *   each unique; may be empty.
 */
const char * const *
pulse_template_get_variables (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  return (const char * const *) self->variables;
}

/**
 * pulse_template_has_variable:
 * @name: a variable name
 *
 * Returns: %TRUE if @name is one of the template's variables.
 */
gboolean
pulse_template_has_variable (PulseTemplate *self,
                             const char    *name)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->variables, name);
}

/**
 * pulse_template_get_disclosure:
 *
 * Returns: %TRUE if the automatic-answer notice is appended when a rule
 *   sends the template.
 */
gboolean
pulse_template_get_disclosure (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), TRUE);

  return self->disclosure;
}

void
pulse_template_set_disclosure (PulseTemplate *self,
                               gboolean       disclosure)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));

  disclosure = !!disclosure;
  if (self->disclosure == disclosure)
    return;

  self->disclosure = disclosure;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCLOSURE]);
}

/**
 * pulse_template_get_updated_by:
 *
 * Returns: (nullable): the user name of the last editor, if known.
 */
const char *
pulse_template_get_updated_by (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  return self->updated_by;
}

void
pulse_template_set_updated_by (PulseTemplate *self,
                               const char    *updated_by)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));

  if (pulse_set_str (&self->updated_by, updated_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_BY]);
}

/**
 * pulse_template_is_valid_variable_name:
 * @name: (nullable): a candidate name
 *
 * Returns: %TRUE if @name matches `[a-z_][a-z0-9_]*` and is at most
 *   %PULSE_TEMPLATE_MAX_VARIABLE bytes long.
 */
gboolean
pulse_template_is_valid_variable_name (const char *name)
{
  gsize i;

  if (name == NULL || name[0] == '\0' || g_ascii_isdigit (name[0]))
    return FALSE;

  for (i = 0; name[i] != '\0'; i++)
    {
      if (i == PULSE_TEMPLATE_MAX_VARIABLE)
        return FALSE;
      if (!g_ascii_islower (name[i]) && !g_ascii_isdigit (name[i]) && name[i] != '_')
        return FALSE;
    }

  return TRUE;
}
