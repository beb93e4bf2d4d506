/* pulse-agent-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-agent.c (the GObject) and pulse-agent-json.c (its
 * codec), and by nothing else.
 */

#pragma once

#include "pulse-agent.h"

G_BEGIN_DECLS

struct _PulseAgent
{
  GObject parent_instance;

  char                *id;
  gint64               version;
  char                *name;
  char                *email;
  char                *team_id;
  PulseAgentPosition   position;
  PulseAgentStatus     status;
  gint64               status_since;
  guint                channels;
  GStrv                languages;
  char                *timezone;
  gint64               hired_at;
  char                *mentor_id;
};

G_END_DECLS
