/* pulse-sim-config-templates.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator's hand-written reply templates: [template FAMILY] groups
 * with a section, a category, channels, and a name and a body per
 * language (body[uk]=…; the plain key is the English version).
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-sim-config.h"

static void
template_free (PulseSimTemplate *template)
{
  g_free (template->family);
  g_free (template->section);
  g_free (template->category);
  _pulse_sim_texts_clear (&template->name);
  _pulse_sim_texts_clear (&template->body);
  g_free (template);
}

static gboolean
read_channels (PulseSimTemplate  *template,
               GKeyFile          *file,
               const char        *group,
               GError           **error)
{
  g_auto(GStrv) names = g_key_file_get_string_list (file, group, "channels", NULL, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      int kind;

      if (!pulse_enum_from_nick (PULSE_TYPE_CHANNEL_KIND, g_strstrip (names[i]), &kind))
        {
          g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                       "[%s] channels: unknown channel “%s”", group, names[i]);
          return FALSE;
        }
      template->channels |= PULSE_CHANNEL_SET_BIT (kind);
    }

  return TRUE;
}

static gboolean
read_template (PulseSimConfig  *self,
               GKeyFile        *file,
               const char      *group,
               GError         **error)
{
  PulseSimTemplate *template = g_new0 (PulseSimTemplate, 1);

  g_ptr_array_add (self->templates, template);
  template->family = g_strdup (group + strlen ("template "));
  template->section = g_key_file_get_string (file, group, "section", NULL);
  template->category = g_key_file_get_string (file, group, "category", NULL);

  return read_channels (template, file, group, error) &&
         _pulse_sim_read_texts (&template->name, file, group, "name", TRUE, error) &&
         _pulse_sim_read_texts (&template->body, file, group, "body", TRUE, error);
}

/**
 * _pulse_sim_config_read_templates:
 *
 * Reads every [template …] group; there may be none.
 */
gboolean
_pulse_sim_config_read_templates (PulseSimConfig  *self,
                                  GKeyFile        *file,
                                  GError         **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

  self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) template_free);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "template ") && !read_template (self, file, groups[i], error))
      return FALSE;

  return TRUE;
}
