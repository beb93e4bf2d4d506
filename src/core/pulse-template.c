/* pulse-template.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-template-private.h"
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
 * "variables","disclosure","family"?,"section"?,"category"?,"updated_by"?}`;
 * channels and variables may be absent (empty), disclosure defaults to
 * true. The language versions of one reply share a @family (absent: the
 * template is a family of its own, named by its id); @section and
 * @category place the family in the Templates tree (absent: unsorted).
 */

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
  PROP_FAMILY,
  PROP_SECTION,
  PROP_CATEGORY,
  PROP_UPDATED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_template_finalize (GObject *object)
{
  PulseTemplate *self = (PulseTemplate *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->variables, g_strfreev);
  g_clear_pointer (&self->family, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->category, g_free);
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
    case PROP_FAMILY:
      g_value_set_string (value, self->family);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
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
    case PROP_FAMILY:
      pulse_template_set_family (self, g_value_get_string (value));
      break;
    case PROP_SECTION:
      pulse_template_set_section (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      pulse_template_set_category (self, g_value_get_string (value));
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
  properties[PROP_FAMILY] = g_param_spec_string ("family", NULL, NULL, NULL, rw);
  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, NULL, rw);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, rw);
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

/**
 * pulse_template_set_channels:
 * @channels: a bitmask of PULSE_CHANNEL_SET_BIT(); 0 for every channel
 */
void
pulse_template_set_channels (PulseTemplate *self,
                             guint          channels)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));

  if (self->channels == channels)
    return;

  self->channels = channels;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNELS]);
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
 * pulse_template_get_family:
 *
 * Returns: the family the template is a language version of: its
 *   `family` member, or its id when it has none.
 */
const char *
pulse_template_get_family (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  return self->family != NULL && self->family[0] != '\0' ? self->family : self->id;
}

void
pulse_template_set_family (PulseTemplate *self,
                           const char    *family)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));

  if (pulse_set_str (&self->family, family))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

/**
 * pulse_template_get_section:
 *
 * Returns: (nullable): the top level of the tree the template sits in
 *   ("Loans", "Payments"), if set.
 */
const char *
pulse_template_get_section (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  return self->section;
}

void
pulse_template_set_section (PulseTemplate *self,
                            const char    *section)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));

  if (pulse_set_str (&self->section, section))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/**
 * pulse_template_get_category:
 *
 * Returns: (nullable): the group within the section ("Repayment"), if set.
 */
const char *
pulse_template_get_category (PulseTemplate *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  return self->category;
}

void
pulse_template_set_category (PulseTemplate *self,
                             const char    *category)
{
  g_return_if_fail (PULSE_IS_TEMPLATE (self));

  if (pulse_set_str (&self->category, category))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}
