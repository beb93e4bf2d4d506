/* pulse-role-policy.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who may do what. The server enforces it on every endpoint; the console
 * reads the same table to hide what the signed-in role cannot do, so the
 * two never disagree.
 */

#pragma once

#include "pulse-types.h"

G_BEGIN_DECLS

typedef enum
{
  PULSE_PERMISSION_READ = 1,
  PULSE_PERMISSION_EDIT_RULES,
  PULSE_PERMISSION_EDIT_TEMPLATES,
  PULSE_PERMISSION_EDIT_MENTORSHIPS,
  PULSE_PERMISSION_EDIT_SCORECARDS,
  PULSE_PERMISSION_EDIT_REVIEWS,
  PULSE_PERMISSION_EDIT_SHIFTS,
  PULSE_PERMISSION_INGEST,
  PULSE_PERMISSION_READ_AUDIT,
  PULSE_PERMISSION_EDIT_FOLLOWUPS,
  PULSE_PERMISSION_SETTLE_CALIBRATIONS,
} PulsePermission;

gboolean pulse_role_can (PulseRole       role,
                         PulsePermission permission);

G_END_DECLS
