/* pulse-shift-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-shift.c (the GObject) and pulse-shift-json.c (its
 * codec), and by nothing else.
 */

#pragma once

#include "pulse-shift.h"

G_BEGIN_DECLS

struct _PulseShift
{
  GObject parent_instance;

  char            *id;
  gint64           version;
  char            *agent_id;
  PulseShiftKind   kind;
  gint64           starts_at;
  gint64           ends_at;
  GArray          *breaks;
  char            *note;
};

G_END_DECLS
