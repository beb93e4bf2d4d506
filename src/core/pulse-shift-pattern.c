/* pulse-shift-pattern.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-shift-pattern.h"
#include "pulse-shift.h"
#include "pulse-time-utils.h"

#define MAX_CYCLE_DAYS 14

/**
 * pulse_shift_pattern_init:
 * @self: the pattern to fill
 * @preset: which one
 *
 * Fills @self with a preset; a custom pattern starts from one of these.
 */
void
pulse_shift_pattern_init (PulseShiftPattern       *self,
                          PulseShiftPatternPreset  preset)
{
  g_return_if_fail (self != NULL);

  switch (preset)
    {
    case PULSE_SHIFT_PATTERN_5_2:
      *self = (PulseShiftPattern) { 5, 2, 9 * 60, 9 * 60, 4 * 60, 60 };
      break;

    case PULSE_SHIFT_PATTERN_2_2:
    default:
      *self = (PulseShiftPattern) { 2, 2, 8 * 60, 12 * 60, 5 * 60, 60 };
      break;
    }
}

static gboolean
refuse (GError     **error,
        const char  *field,
        const char  *rule)
{
  g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "%s: %s", field, rule);
  return FALSE;
}

/**
 * pulse_shift_pattern_check:
 * @self: a pattern
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: %TRUE when @self describes shifts that can be booked.
 */
gboolean
pulse_shift_pattern_check (const PulseShiftPattern  *self,
                           GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->days_on < 1 || self->days_on > MAX_CYCLE_DAYS)
    return refuse (error, "days_on", "must be 1 to 14");
  if (self->days_off > MAX_CYCLE_DAYS)
    return refuse (error, "days_off", "must be 0 to 14");
  if (self->start_minute >= 24 * 60)
    return refuse (error, "start_minute", "must be before midnight");
  if (self->length_minutes < 30 || self->length_minutes > 24 * 60)
    return refuse (error, "length_minutes", "must be 30 minutes to 24 hours");
  if (self->break_after_minutes > 0
      && (self->break_minutes == 0
          || self->break_after_minutes + self->break_minutes >= self->length_minutes))
    return refuse (error, "break_minutes", "the break must end before the shift does");

  return TRUE;
}

/**
 * pulse_shift_local_time:
 * @tz: the agent's time zone
 * @day: a valid local date
 * @minute: minutes after that day's local midnight, 0…1439
 *
 * A wall-clock time that a DST change skips is moved forward by the gap,
 * as g_date_time_new() does.
 *
 * Returns: the time, in microseconds since the epoch.
 */
gint64
pulse_shift_local_time (GTimeZone   *tz,
                        const GDate *day,
                        guint        minute)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (tz != NULL, 0);
  g_return_val_if_fail (day != NULL && g_date_valid (day), 0);

  local = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                           g_date_get_day (day), minute / 60, minute % 60, 0);
  return g_date_time_to_unix (local) * G_USEC_PER_SEC;
}

static PulseShift *
make_shift (const PulseShiftPattern *self,
            const char              *agent_id,
            gint64                   starts_at)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("shift-", uuid, NULL);
  PulseShift *shift = pulse_shift_new (id, agent_id);

  pulse_shift_set_starts_at (shift, starts_at);
  pulse_shift_set_ends_at (shift, starts_at + self->length_minutes * PULSE_USEC_PER_MINUTE);
  if (self->break_after_minutes > 0)
    {
      PulseShiftBreak pause = {
        starts_at + self->break_after_minutes * PULSE_USEC_PER_MINUTE,
        starts_at + (self->break_after_minutes + self->break_minutes) * PULSE_USEC_PER_MINUTE,
      };

      pulse_shift_set_breaks (shift, &pause, 1);
    }

  return shift;
}

/**
 * pulse_shift_pattern_expand:
 * @self: a pattern
 * @agent_id: whose shifts
 * @tz: the agent's time zone, in which the pattern's times are read
 * @first_day: the range's first local date
 * @n_days: the range's length, 1…%PULSE_SHIFT_PATTERN_MAX_DAYS days
 * @cycle_offset: the day of the cycle @first_day is (0 = its first
 *   working day), so that a team can be staggered
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error
 *
 * Makes a work shift, with new ids ("shift-" and a random UUID) and
 * version 0, on each working day of the cycle in the range. A shift lasts
 * its length in elapsed time, so one across a DST change ends an hour
 * earlier or later on the clock.
 *
 * Returns: (transfer full) (element-type PulseShift): the shifts in time
 *   order, or %NULL on error.
 */
GPtrArray *
pulse_shift_pattern_expand (const PulseShiftPattern  *self,
                            const char               *agent_id,
                            GTimeZone                *tz,
                            const GDate              *first_day,
                            guint                     n_days,
                            guint                     cycle_offset,
                            GError                  **error)
{
  g_autoptr(GPtrArray) shifts = g_ptr_array_new_with_free_func (g_object_unref);
  guint cycle;

  g_return_val_if_fail (self != NULL && agent_id != NULL && tz != NULL, NULL);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), NULL);

  if (!pulse_shift_pattern_check (self, error))
    return NULL;
  if (n_days < 1 || n_days > PULSE_SHIFT_PATTERN_MAX_DAYS)
    {
      refuse (error, "days", "must be 1 to 56");
      return NULL;
    }

  cycle = self->days_on + self->days_off;
  for (guint d = 0; d < n_days; d++)
    {
      GDate day = *first_day;

      if ((d + cycle_offset) % cycle >= self->days_on)
        continue;
      g_date_add_days (&day, d);
      g_ptr_array_add (shifts,
                       make_shift (self, agent_id, pulse_shift_local_time (tz, &day,
                                                                           self->start_minute)));
    }

  return g_steal_pointer (&shifts);
}

static gboolean
overlaps (PulseShift *shift,
          gint64      start,
          gint64      end)
{
  return pulse_shift_get_starts_at (shift) < end && pulse_shift_get_ends_at (shift) > start;
}

static gboolean
collides_with_leave (PulseShift *shift,
                     GPtrArray  *existing,
                     const char *agent_id)
{
  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      PulseShift *other = existing->pdata[i];

      if (pulse_shift_get_kind (other) != PULSE_SHIFT_KIND_WORK
          && g_strcmp0 (pulse_shift_get_agent_id (other), agent_id) == 0
          && overlaps (other, pulse_shift_get_starts_at (shift), pulse_shift_get_ends_at (shift)))
        return TRUE;
    }

  return FALSE;
}

/**
 * pulse_shift_pattern_plan:
 * @self: a pattern
 * @agent_id: whose shifts
 * @tz: the agent's time zone
 * @first_day: the range's first local date
 * @n_days: the range's length in days
 * @cycle_offset: the day of the cycle @first_day is
 * @existing: (element-type PulseShift) (nullable): shifts already booked,
 *   of any agents
 * @plan: (out caller-allocates): what to create and delete
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error
 *
 * Applying a pattern replaces the agent's work shifts that start in the
 * range (from its first local midnight to the midnight after its last
 * day) and keeps their absences and training: a day whose new shift
 * would overlap one gets no shift.
 *
 * Returns: %TRUE when @plan was filled.
 */
gboolean
pulse_shift_pattern_plan (const PulseShiftPattern  *self,
                          const char               *agent_id,
                          GTimeZone                *tz,
                          const GDate              *first_day,
                          guint                     n_days,
                          guint                     cycle_offset,
                          GPtrArray                *existing,
                          PulseShiftPlan           *plan,
                          GError                  **error)
{
  g_autoptr(GPtrArray) shifts = NULL;
  GDate last = *first_day;
  gint64 start, end;

  g_return_val_if_fail (plan != NULL, FALSE);

  shifts = pulse_shift_pattern_expand (self, agent_id, tz, first_day, n_days, cycle_offset,
                                       error);
  if (shifts == NULL)
    return FALSE;

  plan->creates = g_ptr_array_new_with_free_func (g_object_unref);
  plan->deletes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < shifts->len; i++)
    if (!collides_with_leave (shifts->pdata[i], existing, agent_id))
      g_ptr_array_add (plan->creates, g_object_ref (shifts->pdata[i]));

  g_date_add_days (&last, n_days);
  start = pulse_shift_local_time (tz, first_day, 0);
  end = pulse_shift_local_time (tz, &last, 0);
  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      PulseShift *other = existing->pdata[i];
      gint64 at = pulse_shift_get_starts_at (other);

      if (pulse_shift_get_kind (other) == PULSE_SHIFT_KIND_WORK
          && g_strcmp0 (pulse_shift_get_agent_id (other), agent_id) == 0
          && at >= start && at < end)
        g_ptr_array_add (plan->deletes, g_object_ref (other));
    }

  return TRUE;
}

/**
 * pulse_shift_plan_clear:
 * @plan: a plan filled by pulse_shift_pattern_plan(), or zeroed
 *
 * Frees what @plan holds and zeroes it.
 */
void
pulse_shift_plan_clear (PulseShiftPlan *plan)
{
  g_return_if_fail (plan != NULL);

  g_clear_pointer (&plan->creates, g_ptr_array_unref);
  g_clear_pointer (&plan->deletes, g_ptr_array_unref);
}
