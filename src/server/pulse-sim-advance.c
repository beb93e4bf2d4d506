/* pulse-sim-advance.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator's history and its clock: contacts written as they stand,
 * and every change after, at its simulated instant.
 */

#include "config.h"

#include "pulse-ingest.h"
#include "pulse-json.h"
#include "pulse-sim-driver-private.h"
#include "pulse-time-utils.h"

/* A contact as it stands at @as_of, through ingest: created, or its new
 * messages, end and ratings merged in. A rule's contact is created once
 * (the rules answer it); later only its ratings come. */
static gboolean
write_contact (PulseSimulator         *self,
               PulseSimWriter         *writer,
               const PulseSimContact  *contact,
               gint64                  from,
               gint64                  as_of,
               GError                **error)
{
  g_autoptr(JsonNode) ticket = NULL;

  if (contact->outcome == PULSE_SIM_OUTCOME_RULE && contact->created_at <= from)
    {
      for (guint i = 0; i < contact->n_ratings; i++)
        {
          g_autoptr(JsonBuilder) builder = NULL;
          g_autoptr(JsonNode) item = NULL;
          g_autoptr(JsonNode) full = NULL;
          JsonArray *ratings;

          if (contact->ratings[i].at <= from || contact->ratings[i].at > as_of)
            continue;
          full = pulse_sim_contact_to_json (self->model, contact, contact->ratings[i].at);
          ratings = json_object_get_array_member (json_node_get_object (full), "ratings");
          builder = json_builder_new_immutable ();
          json_builder_begin_object (builder);
          pulse_json_add_string (builder, "ticket_id", contact->id);
          json_builder_set_member_name (builder, "rating");
          json_builder_add_value (builder, json_node_copy (json_array_get_element (ratings, i)));
          json_builder_end_object (builder);
          item = json_builder_get_root (builder);
          if (!pulse_sim_writer_ingest (writer, pulse_ingest_rating, item, error))
            return FALSE;
        }
      return TRUE;
    }

  if (contact->created_at > from)
    self->contacts++;
  ticket = pulse_sim_contact_to_json (self->model, contact, as_of);
  if (!pulse_sim_writer_ingest (writer, pulse_ingest_ticket, ticket, error))
    {
      g_prefix_error (error, "simulated contact %s: ", contact->id);
      return FALSE;
    }

  return TRUE;
}

static void
keep_pending (PulseSimulator        *self,
              const PulseSimContact *contact,
              gint64                 done_until)
{
  gint64 steps[PULSE_SIM_MAX_STEPS];
  guint n = pulse_sim_contact_get_steps (contact, steps);
  Pending *pending;

  if (steps[n - 1] <= done_until)
    return;

  pending = g_new0 (Pending, 1);
  pending->contact = *contact;
  pending->done_until = done_until;
  pending->last_step = steps[n - 1];
  g_ptr_array_add (self->pending, pending);
}

typedef struct
{
  PulseSimulator *self;
  gint64          from_hour;
  gint64          to_hour;
} History;

static gboolean
history_cb (PulseSimWriter  *writer,
            gpointer         user_data,
            GError         **error)
{
  History *history = user_data;
  PulseSimulator *self = history->self;
  gint64 from = history->from_hour * PULSE_USEC_PER_HOUR;
  gint64 to = history->to_hour * PULSE_USEC_PER_HOUR;
  gint64 anchor = pulse_sim_model_get_anchor (self->model);
  gint64 week_ago = anchor / PULSE_USEC_PER_DAY - 7;

  for (gint64 h = history->from_hour; h < history->to_hour; h++)
    {
      g_autoptr(GArray) contacts = pulse_sim_model_contacts_in_hour (self->model, h);

      for (guint i = 0; i < contacts->len; i++)
        {
          PulseSimContact *contact = &g_array_index (contacts, PulseSimContact, i);

          if (contact->created_at > self->clock)
            continue;
          if (!write_contact (self, writer, contact, G_MININT64, self->clock, error))
            return FALSE;
          keep_pending (self, contact, self->clock);
        }
    }

  /* What the seed wrote (the last day's statuses, the last week's plan)
   * is not written again; reviews whose time has come are. */
  for (gint64 day = (from + PULSE_USEC_PER_DAY - 1) / PULSE_USEC_PER_DAY;
       day * PULSE_USEC_PER_DAY < to; day++)
    {
      if (!_pulse_simulator_applications (self, writer, day, error) ||
          (day < week_ago && !_pulse_simulator_shifts (self, writer, day, day, error)) ||
          ((day + 2) * PULSE_USEC_PER_DAY + 6 * PULSE_USEC_PER_HOUR <= self->clock &&
           !_pulse_simulator_reviews (self, writer, day, error)))
        return FALSE;
    }

  return _pulse_simulator_statuses (self, writer, from,
                                    MIN (to, anchor - PULSE_USEC_PER_DAY), error);
}

/**
 * pulse_simulator_backfill_hours:
 * @from_hour: the first UTC hour (hours since the epoch)
 * @to_hour: the hour after the last
 *
 * Writes the history of the hours, in one transaction: each contact
 * created in them (up to the clock: the anchor's own hour may be
 * given) as it stands at the clock (one `ticket.created` for a
 * finished one), the agents' status reports, each day's applications,
 * shifts and QA samples. A contact still in progress joins the clock's
 * work, so its next change comes when it is due. Hours may be written
 * in any order, newest first for a console that should fill quickly.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_simulator_backfill_hours (PulseSimulator  *self,
                                gint64           from_hour,
                                gint64           to_hour,
                                GError         **error)
{
  History history = { self, from_hour, to_hour };

  g_return_val_if_fail (PULSE_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail ((to_hour - 1) * PULSE_USEC_PER_HOUR <=
                        pulse_sim_model_get_anchor (self->model), FALSE);

  return pulse_sim_writer_commit (self->server, history_cb, &history, error);
}

static GArray *
hour_contacts (PulseSimulator *self,
               gint64          hour)
{
  if (self->cached_hour != hour)
    {
      g_clear_pointer (&self->cached, g_array_unref);
      self->cached = pulse_sim_model_contacts_in_hour (self->model, hour);
      self->cached_hour = hour;
    }

  return self->cached;
}

static void
add_action (GArray  *actions,
            gint64   at,
            int      kind,
            gint64   day,
            Pending *pending)
{
  Action action = { at, kind, day, { 0 }, pending };

  g_array_append_val (actions, action);
}

/* Every change in (clock, until], in the order of the model's time. */
static void
collect (PulseSimulator *self,
         gint64          until,
         GArray         *actions)
{
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (PulseSimStatus));
  for (gint64 h = (self->clock + 1) / PULSE_USEC_PER_HOUR; h <= until / PULSE_USEC_PER_HOUR; h++)
    {
      GArray *contacts = hour_contacts (self, h);

      for (guint i = 0; i < contacts->len; i++)
        {
          PulseSimContact *contact = &g_array_index (contacts, PulseSimContact, i);

          if (contact->created_at > self->clock && contact->created_at <= until)
            keep_pending (self, contact, G_MININT64);
        }
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *pending = self->pending->pdata[i];
      gint64 steps[PULSE_SIM_MAX_STEPS];
      guint n = pulse_sim_contact_get_steps (&pending->contact, steps);

      for (guint s = 0; s < n; s++)
        if (steps[s] > MAX (pending->done_until, self->clock) && steps[s] <= until)
          add_action (actions, steps[s], ACTION_CONTACT, 0, pending);
    }

  pulse_sim_model_status_changes (self->model, self->clock + 1, until + 1, statuses);
  for (guint i = 0; i < statuses->len; i++)
    {
      Action action = { 0 };

      action.status = g_array_index (statuses, PulseSimStatus, i);
      action.at = action.status.at;
      action.kind = ACTION_STATUS;
      g_array_append_val (actions, action);
    }

  for (gint64 day = self->clock / PULSE_USEC_PER_DAY + 1; day * PULSE_USEC_PER_DAY <= until; day++)
    {
      add_action (actions, day * PULSE_USEC_PER_DAY, ACTION_SHIFTS, day + 14, NULL);
      add_action (actions, day * PULSE_USEC_PER_DAY, ACTION_APPLICATIONS, day, NULL);
    }
  for (gint64 day = (self->clock - 6 * PULSE_USEC_PER_HOUR) / PULSE_USEC_PER_DAY + 1;
       day * PULSE_USEC_PER_DAY + 6 * PULSE_USEC_PER_HOUR <= until; day++)
    add_action (actions, day * PULSE_USEC_PER_DAY + 6 * PULSE_USEC_PER_HOUR, ACTION_REVIEWS,
                day - 2, NULL);
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  const Action *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind - y->kind;
  if (x->kind == ACTION_STATUS)
    return (int) x->status.agent - (int) y->status.agent;
  if (x->kind == ACTION_CONTACT)
    return strcmp (x->pending->contact.id, y->pending->contact.id);

  return 0;
}

static gboolean
apply (PulseSimulator  *self,
       PulseSimWriter  *writer,
       Action          *action,
       GError         **error)
{
  gboolean ok;

  switch (action->kind)
    {
    case ACTION_SHIFTS:
      return _pulse_simulator_shifts (self, writer, action->day, action->day, error);
    case ACTION_APPLICATIONS:
      return _pulse_simulator_applications (self, writer, action->day, error);
    case ACTION_REVIEWS:
      return _pulse_simulator_reviews (self, writer, action->day, error);
    case ACTION_STATUS:
      return _pulse_simulator_status (self, writer, &action->status, error);
    case ACTION_CONTACT:
    default:
      ok = write_contact (self, writer, &action->pending->contact, action->pending->done_until,
                          action->at, error);
      action->pending->done_until = action->at;
      return ok;
    }
}

typedef struct
{
  PulseSimulator *self;
  gint64          until;
} Window;

static gboolean
window_cb (PulseSimWriter  *writer,
           gpointer         user_data,
           GError         **error)
{
  Window *window = user_data;
  PulseSimulator *self = window->self;
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (Action));

  collect (self, window->until, actions);
  g_array_sort (actions, compare_actions);
  for (guint i = 0; i < actions->len; i++)
    if (!apply (self, writer, &g_array_index (actions, Action, i), error))
      return FALSE;

  return TRUE;
}

/* Contacts whose last change is written leave the clock's work. */
static void
drop_finished (PulseSimulator *self)
{
  for (guint i = self->pending->len; i > 0; i--)
    {
      Pending *pending = self->pending->pdata[i - 1];

      if (pending->last_step <= self->clock)
        g_ptr_array_remove_index (self->pending, i - 1);
    }
}

/**
 * pulse_simulator_advance:
 * @until: the simulated instant to move the clock to
 *
 * Writes every change in (clock, @until], at most one simulated hour per
 * transaction, so no commit holds the server for long. On an error the
 * clock stays at the last committed hour.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_simulator_advance (PulseSimulator  *self,
                         gint64           until,
                         GError         **error)
{
  g_return_val_if_fail (PULSE_IS_SIMULATOR (self), FALSE);

  while (self->clock < until)
    {
      gint64 next_hour = (self->clock / PULSE_USEC_PER_HOUR + 1) * PULSE_USEC_PER_HOUR;
      Window window = { self, MIN (until, next_hour) };

      /* A failed window leaves the pending contacts' progress marked
       * inside it; they are dropped with it, the run stops there. */
      if (!pulse_sim_writer_commit (self->server, window_cb, &window, error))
        return FALSE;
      self->clock = window.until;
      drop_finished (self);
    }

  return TRUE;
}
