/* pulse-shifts-page-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-shifts-page.c (week, what is shown, following the
 * session), pulse-shifts-page-teams.c (the team drop-down and the agents
 * shown) and pulse-shifts-page-edit.c (edits through the kit, patterns,
 * copies).
 */

#pragma once

#include "pulse-shift-grid.h"
#include "pulse-shift-pattern-popover.h"
#include "pulse-shifts-adherence.h"
#include "pulse-shifts-coverage.h"
#include "pulse-shifts-page.h"

G_BEGIN_DECLS

struct _PulseShiftsPage
{
  AdwBin                    parent_instance;

  GtkLabel                 *week_label;
  GtkDropDown              *team_dropdown;
  GtkMenuButton            *pattern_button;
  PulseShiftPatternPopover *pattern_popover;
  GtkButton                *copy_button;
  GtkLabel                 *readonly_label;
  AdwViewStack             *stack;
  GtkStack                 *grid_stack;
  PulseShiftGrid           *grid;
  PulseShiftsCoverage      *coverage;
  PulseShiftsAdherence     *adherence;

  PulseSession             *session;
  GDateTime                *first_day;
  GPtrArray                *team_ids;    /* char *, after "all teams" */
  char                     *teams_key;
  GHashTable               *pending;     /* shift id → Pending */
  guint                     refresh_id;
  gboolean                  refresh_soon;
  gboolean                  stale;       /* changed while not shown: refreshed when mapped */
  gboolean                  following;   /* items followed, once first shown */
  gboolean                  filling_teams;
};

void        _pulse_shifts_page_queue_refresh (PulseShiftsPage *self,
                                              gboolean         soon);
gboolean    _pulse_shifts_page_can_edit      (PulseShiftsPage *self);
GPtrArray  *_pulse_shifts_page_dup_agents    (PulseShiftsPage *self,
                                              gboolean         shown_only);
GPtrArray  *_pulse_shifts_page_dup_shifts    (PulseShiftsPage *self);
GTimeZone  *_pulse_shifts_page_agent_zone    (PulseShiftsPage *self,
                                              const char      *agent_id);
void        _pulse_shifts_page_fill_teams    (PulseShiftsPage *self);
void        _pulse_shifts_page_settle        (PulseShiftsPage *self);
void        _pulse_shifts_page_copy_week     (PulseShiftsPage *self);
void        _pulse_shifts_page_apply_pattern (PulseShiftsPage *self);
void        _pulse_shifts_page_edit_shift    (PulseShiftsPage *self,
                                              PulseShift      *shift,
                                              gint64           start_delta,
                                              gint64           end_delta);
void        _pulse_shifts_page_remove_shift  (PulseShiftsPage *self,
                                              PulseShift      *shift);

G_END_DECLS
