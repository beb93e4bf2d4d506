/* pulse-template-editor.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"
#include "pulse-template.h"

G_BEGIN_DECLS

#define PULSE_TYPE_TEMPLATE_EDITOR (pulse_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (PulseTemplateEditor, pulse_template_editor, PULSE, TEMPLATE_EDITOR, AdwBin)

GtkWidget  *pulse_template_editor_new          (PulseSession        *session);
void        pulse_template_editor_show_family  (PulseTemplateEditor *self,
                                                GPtrArray           *versions,
                                                const char          *template_id);
void        pulse_template_editor_show_new     (PulseTemplateEditor *self);
void        pulse_template_editor_set_usage    (PulseTemplateEditor *self,
                                                GHashTable          *usage);
const char *pulse_template_editor_get_family   (PulseTemplateEditor *self);
const char *pulse_template_editor_get_current  (PulseTemplateEditor *self);
gboolean    pulse_template_editor_select       (PulseTemplateEditor *self,
                                                const char          *language);

G_END_DECLS
