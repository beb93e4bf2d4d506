/* pulse-template-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-template.c (the GObject) and pulse-template-json.c (its
 * codec), so neither outgrows the size budget.
 */

#pragma once

#include "pulse-template.h"

G_BEGIN_DECLS

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
  char     *family;
  char     *section;
  char     *category;
  char     *updated_by;
};

G_END_DECLS
