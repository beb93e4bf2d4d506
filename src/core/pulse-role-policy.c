/* pulse-role-policy.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-role-policy.h"

/**
 * pulse_role_can:
 * @role: the role of a token
 * @permission: what it wants to do
 *
 * The role matrix of DESIGN.md: a head may do everything; a lead edits
 * rules, templates and mentorships; QA edits reviews and scorecards; a
 * planner edits shifts; a viewer only reads; an integration (a bridge or
 * the helpdesk itself) only ingests and reads nothing, so a leaked bridge
 * credential exposes no customer conversations.
 *
 * Returns: %TRUE if @role has @permission.
 */
gboolean
pulse_role_can (PulseRole       role,
                PulsePermission permission)
{
  if (role == PULSE_ROLE_HEAD)
    return TRUE;

  if (role == PULSE_ROLE_INTEGRATION)
    return permission == PULSE_PERMISSION_INGEST;

  switch (permission)
    {
    case PULSE_PERMISSION_READ:
      return TRUE;
    case PULSE_PERMISSION_EDIT_RULES:
    case PULSE_PERMISSION_EDIT_TEMPLATES:
    case PULSE_PERMISSION_EDIT_MENTORSHIPS:
    case PULSE_PERMISSION_EDIT_FOLLOWUPS:
    case PULSE_PERMISSION_SETTLE_CALIBRATIONS:
      return role == PULSE_ROLE_LEAD;
    case PULSE_PERMISSION_EDIT_SCORECARDS:
    case PULSE_PERMISSION_EDIT_REVIEWS:
      return role == PULSE_ROLE_QA;
    case PULSE_PERMISSION_EDIT_SHIFTS:
      return role == PULSE_ROLE_PLANNER;
    case PULSE_PERMISSION_INGEST:
    case PULSE_PERMISSION_READ_AUDIT:
    default:
      return FALSE;
    }
}
