/* pulse-template-render.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-template-issue.h"
#include "pulse-template.h"

G_BEGIN_DECLS

/**
 * PulseTemplatePlaceholder:
 * @start: where `{{` is, in bytes of the body
 * @end: just after its `}}`
 * @name: the variable named, spaces inside the braces trimmed
 *
 * A well-formed `{{name}}` in a body.
 */
typedef struct
{
  guint  start;
  guint  end;
  char  *name;
} PulseTemplatePlaceholder;

GPtrArray *pulse_template_parse           (const char     *body,
                                           GPtrArray      *issues);
char     **pulse_template_dup_used_names  (const char     *body);
char      *pulse_template_render_body     (const char     *body,
                                           const char     *language,
                                           GHashTable     *values,
                                           GPtrArray      *issues);
char      *pulse_template_render          (PulseTemplate  *self,
                                           GHashTable     *values,
                                           GPtrArray      *issues);

G_END_DECLS
