/* pulse-rule-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-rule.c (the GObject) and pulse-rule-json.c (its codec),
 * and by nothing else.
 */

#pragma once

#include "pulse-rule.h"

G_BEGIN_DECLS

struct _PulseRule
{
  GObject    parent_instance;

  char      *id;
  gint64     version;
  char      *name;
  int        position;
  gboolean   enabled;
  GPtrArray *phrases;
  guint      channels;
  GStrv      queue_ids;
  GStrv      tags;
  char      *language;
  int        active_from;
  int        active_to;
  GPtrArray *actions;
};

G_END_DECLS
