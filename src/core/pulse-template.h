/* pulse-template.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_TEMPLATE (pulse_template_get_type ())

/* Longest body, in bytes, and longest variable name. */
#define PULSE_TEMPLATE_MAX_BODY     (16 * 1024)
#define PULSE_TEMPLATE_MAX_VARIABLE 64

G_DECLARE_FINAL_TYPE (PulseTemplate, pulse_template, PULSE, TEMPLATE, GObject)

PulseTemplate      *pulse_template_new                    (const char     *id);
PulseTemplate      *pulse_template_new_from_json          (JsonNode       *node,
                                                           GError        **error);
JsonNode           *pulse_template_to_json                (PulseTemplate  *self);
const char         *pulse_template_get_id                 (PulseTemplate  *self);
gint64              pulse_template_get_version            (PulseTemplate  *self);
void                pulse_template_set_version            (PulseTemplate  *self,
                                                           gint64          version);
const char         *pulse_template_get_name               (PulseTemplate  *self);
void                pulse_template_set_name               (PulseTemplate  *self,
                                                           const char     *name);
const char         *pulse_template_get_language           (PulseTemplate  *self);
void                pulse_template_set_language           (PulseTemplate  *self,
                                                           const char     *language);
guint               pulse_template_get_channels           (PulseTemplate  *self);
void                pulse_template_set_channels           (PulseTemplate  *self,
                                                           guint           channels);
const char         *pulse_template_get_body               (PulseTemplate  *self);
void                pulse_template_set_body               (PulseTemplate  *self,
                                                           const char     *body);
const char * const *pulse_template_get_variables          (PulseTemplate  *self);
gboolean            pulse_template_has_variable           (PulseTemplate  *self,
                                                           const char     *name);
gboolean            pulse_template_get_disclosure         (PulseTemplate  *self);
void                pulse_template_set_disclosure         (PulseTemplate  *self,
                                                           gboolean        disclosure);
const char         *pulse_template_get_updated_by         (PulseTemplate  *self);
void                pulse_template_set_updated_by         (PulseTemplate  *self,
                                                           const char     *updated_by);
const char         *pulse_template_get_family             (PulseTemplate  *self);
void                pulse_template_set_family             (PulseTemplate  *self,
                                                           const char     *family);
const char         *pulse_template_get_section            (PulseTemplate  *self);
void                pulse_template_set_section            (PulseTemplate  *self,
                                                           const char     *section);
const char         *pulse_template_get_category           (PulseTemplate  *self);
void                pulse_template_set_category           (PulseTemplate  *self,
                                                           const char     *category);
gboolean            pulse_template_is_valid_variable_name (const char     *name);

G_END_DECLS
