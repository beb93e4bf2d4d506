/* pulse-shifts-coverage-staff.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The staffing the plan needs under the what-if (service goal, volume,
 * shrinkage), worked out in a thread on a shared reference to the week's
 * planning; a result for an older request or planning is dropped.
 * Part of PulseShiftsCoverage.
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-shifts-coverage-private.h"

typedef struct
{
  PlanningRef         *ref;
  PulsePlanningWhatIf  whatif;
  guint                generation;
} StaffJob;

static void
clear_planning_ref (gpointer data)
{
  PlanningRef *ref = data;

  g_clear_pointer (&ref->planning, pulse_planning_free);
}

void
_pulse_shifts_coverage_planning_ref_release (PlanningRef *ref)
{
  g_atomic_rc_box_release_full (ref, clear_planning_ref);
}

static void
staff_job_free (StaffJob *job)
{
  _pulse_shifts_coverage_planning_ref_release (job->ref);
  g_free (job);
}

static void
read_whatif (PulseShiftsCoverage *self,
             PulsePlanningWhatIf *whatif)
{
  whatif->goal = gtk_check_button_get_active (self->goal_check)
                   ? gtk_spin_button_get_value (self->goal_spin) / 100.0 : 0;
  whatif->multiplier = gtk_spin_button_get_value (self->multiplier_spin);
  whatif->shrinkage = gtk_spin_button_get_value (self->shrinkage_spin) / 100.0;
}

static void
staff_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StaffJob *job = task_data;

  pulse_background_enter ();

  g_task_return_pointer (task, pulse_planning_staff (job->ref->planning, &job->whatif),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
staff_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PulseShiftsCoverage *self = PULSE_SHIFTS_COVERAGE (object);
  StaffJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) required = g_task_propagate_pointer (G_TASK (result), NULL);

  if (job->generation != self->staff_generation || job->ref != self->planning)
    return;

  self->staffing = FALSE;
  pulse_planning_apply (self->planning->planning, &job->whatif, required);
  _pulse_shifts_coverage_show (self);
}

void
_pulse_shifts_coverage_start_staffing (PulseShiftsCoverage *self)
{
  g_autoptr(GTask) task = NULL;
  StaffJob *job;

  if (self->planning == NULL)
    return;

  job = g_new0 (StaffJob, 1);
  job->ref = g_atomic_rc_box_acquire (self->planning);
  job->generation = ++self->staff_generation;
  read_whatif (self, &job->whatif);
  if (!pulse_planning_whatif_check (&job->whatif, NULL))
    {
      staff_job_free (job);
      return;
    }

  self->staffing = TRUE;
  task = g_task_new (self, NULL, staff_done_cb, NULL);
  g_task_set_source_tag (task, _pulse_shifts_coverage_start_staffing);
  g_task_set_task_data (task, job, (GDestroyNotify) staff_job_free);
  pulse_background_run_in_thread (task, staff_worker);
}
