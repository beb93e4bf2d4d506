/* pulse-queue-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-queue.c (the GObject) and pulse-queue-json.c (its
 * codec), and by nothing else.
 */

#pragma once

#include "pulse-queue.h"

G_BEGIN_DECLS

#define DEFAULT_SL_TARGET_SECONDS 20
#define DEFAULT_SL_GOAL           0.8

struct _PulseQueue
{
  GObject parent_instance;

  char             *id;
  gint64            version;
  char             *name;
  PulseChannelKind  channel;
  char             *country;
  char             *language;
  char             *timezone;
  char             *team_id;
  int               sl_target_seconds;
  double            sl_goal;
  int               patience_seconds;
};

G_END_DECLS
