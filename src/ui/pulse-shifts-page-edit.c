/* pulse-shifts-page-edit.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Shifts page's edits. Every one goes through the edit kit, one save
 * per shift. The kit saves against the version in `before`, so a shift
 * edited again before the server has answered the last edit would
 * conflict with itself: such edits are held here (and shown at once) and
 * sent when the answer comes, against the new version.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent.h"
#include "pulse-entity-list.h"
#include "pulse-item-edit.h"
#include "pulse-shift-edit.h"
#include "pulse-shift-pattern.h"
#include "pulse-shift.h"
#include "pulse-shifts-page-private.h"

/* An edit not yet answered: forgotten after this, whatever became of it
 * (the window settles refusals and conflicts). */
#define PENDING_USEC (15 * G_USEC_PER_SEC)

typedef struct
{
  PulseShift *after;         /* NULL: deleted */
  gint64      sent_version;  /* the version the last save was made against */
  gboolean    held;          /* @after has edits not sent yet */
  gint64      since;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->after);
  g_free (pending);
}

static GHashTable *
pending_table (PulseShiftsPage *self)
{
  if (self->pending == NULL)
    self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) pending_free);
  return self->pending;
}

static PulseEntityList *
shift_list (PulseShiftsPage *self)
{
  return PULSE_ENTITY_LIST (pulse_session_get_list (self->session, PULSE_STATE_KIND_SHIFT));
}

static char *
title_of (PulseShiftsPage *self,
          PulseShift      *shift)
{
  GListModel *agents = pulse_session_get_list (self->session, PULSE_STATE_KIND_AGENT);
  PulseAgent *agent = pulse_entity_list_lookup (PULSE_ENTITY_LIST (agents),
                                                pulse_shift_get_agent_id (shift));
  g_autoptr(GTimeZone) tz = _pulse_shifts_page_agent_zone (self,
                                                           pulse_shift_get_agent_id (shift));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (pulse_shift_get_starts_at (shift)
                                                            / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  /* Translators: names a shift in toasts: the day and start, see g_date_time_format() */
  g_autofree char *when = g_date_time_format (local, _("%a %-d %b %H:%M"));

  /* Translators: names a shift in toasts: agent, then when it starts */
  return g_strdup_printf (_("%s’s shift on %s"),
                          agent != NULL ? pulse_agent_get_name (agent)
                                        : pulse_shift_get_agent_id (shift),
                          when);
}

static void
save (PulseShiftsPage *self,
      PulseShift      *before,
      PulseShift      *after)
{
  g_autoptr(JsonNode) before_node = before != NULL ? pulse_shift_to_json (before) : NULL;
  g_autoptr(JsonNode) after_node = pulse_shift_to_json (after);
  g_autofree char *title = title_of (self, after);

  pulse_item_edit_save (GTK_WIDGET (self), "shift", before_node, after_node, title);
}

static void
delete (PulseShiftsPage *self,
        PulseShift      *before)
{
  g_autoptr(JsonNode) node = pulse_shift_to_json (before);
  g_autofree char *title = title_of (self, before);

  pulse_item_edit_delete (GTK_WIDGET (self), "shift", node, title);
}

/* Sends what was held once the server has answered, and forgets what is
 * done; called whenever the shifts change. */
void
_pulse_shifts_page_settle (PulseShiftsPage *self)
{
  GHashTableIter iter;
  gpointer id, value;
  gint64 now = g_get_monotonic_time ();

  if (self->pending == NULL)
    return;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      Pending *pending = value;
      PulseShift *current = pulse_entity_list_lookup (shift_list (self), id);

      if (current == NULL || now - pending->since > PENDING_USEC
          || (pending->after != NULL && pulse_shift_get_version (current) > pending->sent_version
              && !pending->held))
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      if (pending->held && pulse_shift_get_version (current) > pending->sent_version)
        {
          pending->sent_version = pulse_shift_get_version (current);
          pending->held = FALSE;
          pending->since = now;
          save (self, current, pending->after);
        }
    }
}

/* The shifts as planned now: the session's, with the edits not yet
 * answered in their place (new references). */
GPtrArray *
_pulse_shifts_page_dup_shifts (PulseShiftsPage *self)
{
  GListModel *model = G_LIST_MODEL (shift_list (self));
  GPtrArray *shifts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PulseShift) shift = g_list_model_get_item (model, i);
      Pending *pending = self->pending != NULL
        ? g_hash_table_lookup (self->pending, pulse_shift_get_id (shift)) : NULL;

      if (pending == NULL)
        g_ptr_array_add (shifts, g_steal_pointer (&shift));
      else if (pending->after != NULL)
        g_ptr_array_add (shifts, g_object_ref (pending->after));
    }

  return shifts;
}

void
_pulse_shifts_page_edit_shift (PulseShiftsPage *self,
                               PulseShift      *shift,
                               gint64           start_delta,
                               gint64           end_delta)
{
  g_autoptr(PulseShift) moved = NULL;
  g_autoptr(GError) error = NULL;
  PulseShift *current;
  Pending *pending;

  if (!_pulse_shifts_page_can_edit (self))
    return;

  /* A second press before the grid has redrawn moves the shift from where
   * the first one put it. */
  current = pulse_entity_list_lookup (shift_list (self), pulse_shift_get_id (shift));
  pending = g_hash_table_lookup (pending_table (self), pulse_shift_get_id (shift));
  if (current != NULL)
    moved = pulse_shift_dup_moved (pending != NULL && pending->after != NULL ? pending->after
                                                                            : current,
                                   start_delta, end_delta, &error);
  if (moved == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (pending != NULL && pending->after != NULL)
    {
      g_set_object (&pending->after, moved);
      pending->held = TRUE;
      pending->since = g_get_monotonic_time ();
    }
  else
    {
      pending = g_new0 (Pending, 1);
      pending->after = g_object_ref (moved);
      pending->sent_version = pulse_shift_get_version (current);
      pending->since = g_get_monotonic_time ();
      g_hash_table_replace (self->pending, g_strdup (pulse_shift_get_id (shift)), pending);
      save (self, current, moved);
    }

  _pulse_shifts_page_queue_refresh (self, TRUE);
}

void
_pulse_shifts_page_remove_shift (PulseShiftsPage *self,
                                 PulseShift      *shift)
{
  PulseShift *current = pulse_entity_list_lookup (shift_list (self), pulse_shift_get_id (shift));
  Pending *pending;

  if (!_pulse_shifts_page_can_edit (self) || current == NULL)
    return;

  pending = g_new0 (Pending, 1);
  pending->sent_version = pulse_shift_get_version (current);
  pending->since = g_get_monotonic_time ();
  g_hash_table_replace (pending_table (self), g_strdup (pulse_shift_get_id (shift)), pending);
  delete (self, current);
  _pulse_shifts_page_queue_refresh (self, TRUE);
}

static GPtrArray *
target_agents (PulseShiftsPage *self)
{
  const char *one = pulse_shift_pattern_popover_get_agent_id (self->pattern_popover);
  GPtrArray *agents = _pulse_shifts_page_dup_agents (self, TRUE);

  for (guint i = agents->len; one != NULL && i > 0; i--)
    if (g_strcmp0 (pulse_agent_get_id (agents->pdata[i - 1]), one) != 0)
      g_ptr_array_remove_index (agents, i - 1);

  return agents;
}

static void
apply_to_agent (PulseShiftsPage         *self,
                const PulseShiftPattern *pattern,
                PulseAgent              *agent,
                guint                    offset,
                GPtrArray               *existing)
{
  g_autoptr(GTimeZone) tz = _pulse_shifts_page_agent_zone (self, pulse_agent_get_id (agent));
  g_autoptr(GError) error = NULL;
  g_auto(PulseShiftPlan) plan = { 0 };
  gboolean absence = pulse_shift_pattern_popover_get_choice (self->pattern_popover)
                     == PULSE_SHIFT_PATTERN_CHOICE_ABSENCE;
  GDate day;

  g_date_set_dmy (&day, g_date_time_get_day_of_month (self->first_day),
                  g_date_time_get_month (self->first_day), g_date_time_get_year (self->first_day));
  if (!pulse_shift_pattern_plan (pattern, pulse_agent_get_id (agent), tz, &day,
                                 pulse_shift_pattern_popover_get_days (self->pattern_popover),
                                 offset, existing, &plan, &error))
    {
      g_warning ("shift pattern refused: %s", error->message);
      return;
    }

  for (guint i = 0; !absence && i < plan.deletes->len; i++)
    _pulse_shifts_page_remove_shift (self, plan.deletes->pdata[i]);
  for (guint i = 0; i < plan.creates->len; i++)
    {
      if (absence)
        pulse_shift_set_kind (plan.creates->pdata[i], PULSE_SHIFT_KIND_ABSENCE);
      save (self, NULL, plan.creates->pdata[i]);
    }
}

/* Books the popover's pattern for the agents it names, from the week's
 * Monday, in each agent's own zone. */
void
_pulse_shifts_page_apply_pattern (PulseShiftsPage *self)
{
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  PulseShiftPattern pattern;
  guint cycle;

  if (!_pulse_shifts_page_can_edit (self))
    return;

  pulse_shift_pattern_popover_get_pattern (self->pattern_popover, &pattern);
  if (!pulse_shift_pattern_check (&pattern, NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  agents = target_agents (self);
  existing = _pulse_shifts_page_dup_shifts (self);
  cycle = pattern.days_on + pattern.days_off;
  for (guint i = 0; i < agents->len; i++)
    apply_to_agent (self, &pattern, agents->pdata[i],
                    pulse_shift_pattern_popover_get_stagger (self->pattern_popover)
                      ? i % cycle : 0,
                    existing);
}

static gboolean
is_booked (GPtrArray  *shifts,
           PulseShift *copy)
{
  for (guint i = 0; i < shifts->len; i++)
    if (g_strcmp0 (pulse_shift_get_agent_id (shifts->pdata[i]),
                   pulse_shift_get_agent_id (copy)) == 0
        && pulse_shift_overlaps (shifts->pdata[i], pulse_shift_get_starts_at (copy),
                                 pulse_shift_get_ends_at (copy)))
      return TRUE;

  return FALSE;
}

/* Books the shown agents' shifts of this week again a week later, at
 * the same local times; what would overlap a booked shift is left out. */
void
_pulse_shifts_page_copy_week (PulseShiftsPage *self)
{
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) end = g_date_time_add_days (self->first_day, 7);
  gint64 from = g_date_time_to_unix (self->first_day) * G_USEC_PER_SEC;
  gint64 to = g_date_time_to_unix (end) * G_USEC_PER_SEC;

  if (!_pulse_shifts_page_can_edit (self))
    return;

  agents = _pulse_shifts_page_dup_agents (self, TRUE);
  for (guint i = 0; i < agents->len; i++)
    g_hash_table_add (shown, (gpointer) pulse_agent_get_id (agents->pdata[i]));

  shifts = _pulse_shifts_page_dup_shifts (self);
  for (guint i = 0; i < shifts->len; i++)
    {
      PulseShift *shift = shifts->pdata[i];
      g_autoptr(GTimeZone) tz = NULL;
      g_autoptr(PulseShift) copy = NULL;

      if (!g_hash_table_contains (shown, pulse_shift_get_agent_id (shift))
          || pulse_shift_get_starts_at (shift) < from || pulse_shift_get_starts_at (shift) >= to)
        continue;

      tz = _pulse_shifts_page_agent_zone (self, pulse_shift_get_agent_id (shift));
      copy = pulse_shift_dup_copied (shift, tz, 7);
      if (!is_booked (shifts, copy))
        save (self, NULL, copy);
    }
}
