/* pulse-shift-edit.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-shift-edit.h"
#include "pulse-shift.h"
#include "pulse-time-utils.h"

/**
 * pulse_shift_dup:
 * @shift: a shift
 *
 * Returns: (transfer full): a copy of @shift, id and version included.
 */
PulseShift *
pulse_shift_dup (PulseShift *shift)
{
  g_autoptr(JsonNode) node = NULL;
  PulseShift *copy;

  g_return_val_if_fail (PULSE_IS_SHIFT (shift), NULL);

  node = pulse_shift_to_json (shift);
  copy = pulse_shift_new_from_json (node, NULL);
  /* Its own wire form always reads back. */
  g_assert (copy != NULL);

  return copy;
}

/* Breaks move with a moved shift; a resized one keeps those still inside. */
static void
move_breaks (PulseShift *shift,
             PulseShift *moved,
             gint64      start_delta,
             gint64      end_delta)
{
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (PulseShiftBreak));
  gint64 start = pulse_shift_get_starts_at (moved);
  gint64 end = pulse_shift_get_ends_at (moved);

  for (guint i = 0; i < pulse_shift_get_n_breaks (shift); i++)
    {
      PulseShiftBreak pause = *pulse_shift_get_break (shift, i);

      if (start_delta == end_delta)
        {
          pause.starts_at += start_delta;
          pause.ends_at += start_delta;
        }
      if (pause.starts_at > start && pause.ends_at < end)
        g_array_append_val (kept, pause);
    }

  pulse_shift_set_breaks (moved, (const PulseShiftBreak *) kept->data, kept->len);
}

/**
 * pulse_shift_dup_moved:
 * @shift: a shift
 * @start_delta: how far its start moves, microseconds (negative: earlier)
 * @end_delta: how far its end moves; equal to @start_delta for a move
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error
 *
 * A move takes the breaks along; a resize keeps the breaks that still lie
 * inside the shift and drops the others.
 *
 * Returns: (transfer full) (nullable): the shift moved, with @shift's id
 *   and version; %NULL when it would end before it starts, last under
 *   %PULSE_SHIFT_EDIT_STEP_USEC or over %PULSE_SHIFT_MAX_DAYS, or start
 *   before the epoch.
 */
PulseShift *
pulse_shift_dup_moved (PulseShift  *shift,
                       gint64       start_delta,
                       gint64       end_delta,
                       GError     **error)
{
  g_autoptr(PulseShift) moved = NULL;
  gint64 start, end;

  g_return_val_if_fail (PULSE_IS_SHIFT (shift), NULL);

  start = pulse_shift_get_starts_at (shift) + start_delta;
  end = pulse_shift_get_ends_at (shift) + end_delta;
  if (start < 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "starts_at: must not be before 1970");
      return NULL;
    }
  if (end - start < PULSE_SHIFT_EDIT_STEP_USEC)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "ends_at: a shift lasts at least 30 minutes");
      return NULL;
    }
  if (end - start > PULSE_SHIFT_MAX_DAYS * PULSE_USEC_PER_DAY)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "ends_at: must be at most %d days after starts_at", PULSE_SHIFT_MAX_DAYS);
      return NULL;
    }

  moved = pulse_shift_dup (shift);
  pulse_shift_set_starts_at (moved, start);
  pulse_shift_set_ends_at (moved, end);
  move_breaks (shift, moved, start_delta, end_delta);

  return g_steal_pointer (&moved);
}

/**
 * pulse_shift_dup_copied:
 * @shift: a shift
 * @tz: the agent's time zone
 * @days: how many local days later the copy starts (7 for next week)
 *
 * The copy starts at the same wall-clock time @days later and lasts as
 * long, with its breaks at the same offsets; it gets a new id
 * ("shift-" and a random UUID) and version 0.
 *
 * Returns: (transfer full): the copy.
 */
PulseShift *
pulse_shift_dup_copied (PulseShift *shift,
                        GTimeZone  *tz,
                        int         days)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(PulseShift) copy = NULL;
  g_autoptr(GArray) breaks = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("shift-", uuid, NULL);
  gint64 delta;

  g_return_val_if_fail (PULSE_IS_SHIFT (shift), NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  start = g_date_time_new_from_unix_utc (pulse_shift_get_starts_at (shift) / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (start, tz);
  later = g_date_time_add_days (local, days);
  delta = (g_date_time_to_unix (later) - g_date_time_to_unix (start)) * G_USEC_PER_SEC;

  copy = pulse_shift_new (id, pulse_shift_get_agent_id (shift));
  pulse_shift_set_kind (copy, pulse_shift_get_kind (shift));
  pulse_shift_set_starts_at (copy, pulse_shift_get_starts_at (shift) + delta);
  pulse_shift_set_ends_at (copy, pulse_shift_get_ends_at (shift) + delta);
  pulse_shift_set_note (copy, pulse_shift_get_note (shift));
  breaks = g_array_new (FALSE, FALSE, sizeof (PulseShiftBreak));
  for (guint i = 0; i < pulse_shift_get_n_breaks (shift); i++)
    {
      PulseShiftBreak pause = *pulse_shift_get_break (shift, i);

      pause.starts_at += delta;
      pause.ends_at += delta;
      g_array_append_val (breaks, pause);
    }
  pulse_shift_set_breaks (copy, (const PulseShiftBreak *) breaks->data, breaks->len);

  return g_steal_pointer (&copy);
}

/**
 * pulse_shift_overlaps:
 * @shift: a shift
 * @start: a range's start, microseconds
 * @end: its end
 *
 * Returns: %TRUE when @shift and [@start, @end) share some time.
 */
gboolean
pulse_shift_overlaps (PulseShift *shift,
                      gint64      start,
                      gint64      end)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (shift), FALSE);

  return pulse_shift_get_starts_at (shift) < end && pulse_shift_get_ends_at (shift) > start;
}
