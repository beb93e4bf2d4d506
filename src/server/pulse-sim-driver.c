/* pulse-sim-driver.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-ingest.h"
#include "pulse-sim-catalog.h"
#include "pulse-sim-contact.h"
#include "pulse-sim-driver-private.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-sim-writer.h"
#include "pulse-time-utils.h"

/**
 * PulseSimulator:
 *
 * Drives a #PulseSimModel into a server, as a helpdesk would feed it.
 * The model's clock starts at its anchor. History before it is written
 * by pulse_simulator_backfill_hours(), each contact as it stands at the
 * clock; pulse_simulator_advance() then moves the clock on, reporting
 * every change (a new contact, a reply, the end, a rating, a status, a
 * day's applications, QA samples, the plan two weeks ahead) at its
 * simulated instant, in time order. What it writes for a period does not
 * depend on how the advance is cut into calls: a run is the same, event
 * for event, for the same configuration, seed and anchor.
 */
G_DEFINE_FINAL_TYPE (PulseSimulator, pulse_simulator, G_TYPE_OBJECT)

static void
pulse_simulator_dispose (GObject *object)
{
  PulseSimulator *self = (PulseSimulator *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->backfill_id, g_source_remove);

  G_OBJECT_CLASS (pulse_simulator_parent_class)->dispose (object);
}

static void
pulse_simulator_finalize (GObject *object)
{
  PulseSimulator *self = (PulseSimulator *)object;

  g_clear_object (&self->server);
  g_clear_pointer (&self->model, pulse_sim_model_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->cached, g_array_unref);

  G_OBJECT_CLASS (pulse_simulator_parent_class)->finalize (object);
}

static void
pulse_simulator_class_init (PulseSimulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_simulator_dispose;
  object_class->finalize = pulse_simulator_finalize;
}

static void
pulse_simulator_init (PulseSimulator *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_free);
  self->cached_hour = G_MININT64;
}

/**
 * pulse_simulator_new:
 * @server: the server to feed
 * @model: (transfer full): the operation; its anchor is the clock's start
 *
 * Returns: (transfer full): a simulator that has written nothing yet.
 */
PulseSimulator *
pulse_simulator_new (PulseServer   *server,
                     PulseSimModel *model)
{
  PulseSimulator *self;

  g_return_val_if_fail (PULSE_IS_SERVER (server), NULL);
  g_return_val_if_fail (model != NULL, NULL);

  self = g_object_new (PULSE_TYPE_SIMULATOR, NULL);
  self->server = g_object_ref (server);
  self->model = model;
  self->clock = pulse_sim_model_get_anchor (model);
  return self;
}

PulseSimModel *
pulse_simulator_get_model (PulseSimulator *self)
{
  g_return_val_if_fail (PULSE_IS_SIMULATOR (self), NULL);

  return self->model;
}

/**
 * pulse_simulator_get_clock:
 *
 * Returns: the simulated instant written up to, µs since the epoch.
 */
gint64
pulse_simulator_get_clock (PulseSimulator *self)
{
  g_return_val_if_fail (PULSE_IS_SIMULATOR (self), 0);

  return self->clock;
}

/**
 * pulse_simulator_get_contacts:
 *
 * Returns: how many contacts have been created so far.
 */
guint64
pulse_simulator_get_contacts (PulseSimulator *self)
{
  g_return_val_if_fail (PULSE_IS_SIMULATOR (self), 0);

  return self->contacts;
}

static gboolean
write_items (PulseSimWriter  *writer,
             const char      *kind,
             GPtrArray       *items,
             GError         **error)
{
  for (guint i = 0; i < items->len; i++)
    if (!pulse_sim_writer_item (writer, kind, items->pdata[i], error))
      {
        g_prefix_error (error, "simulated %s %u: ", kind, i);
        return FALSE;
      }

  return TRUE;
}

/* Writes the plan's shifts of the local days from @first_day to @last_day. */
gboolean
_pulse_simulator_shifts (PulseSimulator  *self,
                         PulseSimWriter  *writer,
                         gint64           first_day,
                         gint64           last_day,
                         GError         **error)
{
  g_autoptr(GPtrArray) shifts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (gint64 day = first_day; day <= last_day; day++)
    for (guint a = 0; a < pulse_sim_model_get_n_agents (self->model); a++)
      pulse_sim_model_shifts_json (self->model, a, day, shifts);

  return write_items (writer, "shift", shifts, error);
}

/* Reports one agent status change through ingest. */
gboolean
_pulse_simulator_status (PulseSimulator        *self,
                         PulseSimWriter        *writer,
                         const PulseSimStatus  *status,
                         GError               **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) item = NULL;

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "agent_id",
                         pulse_sim_model_get_agent (self->model, status->agent)->id);
  pulse_json_add_enum (builder, "status", PULSE_TYPE_AGENT_STATUS, status->status);
  pulse_json_add_time (builder, "at", status->at);
  json_builder_end_object (builder);
  item = json_builder_get_root (builder);
  return pulse_sim_writer_ingest (writer, pulse_ingest_agent_status, item, error);
}

/* Reports the plan's status changes in [@from, @to). */
gboolean
_pulse_simulator_statuses (PulseSimulator  *self,
                           PulseSimWriter  *writer,
                           gint64           from,
                           gint64           to,
                           GError         **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (PulseSimStatus));

  if (from >= to)
    return TRUE;

  pulse_sim_model_status_changes (self->model, from, to, changes);
  for (guint i = 0; i < changes->len; i++)
    if (!_pulse_simulator_status (self, writer, &g_array_index (changes, PulseSimStatus, i), error))
      return FALSE;

  return TRUE;
}

/* Reports the countries' loan applications of @day. */
gboolean
_pulse_simulator_applications (PulseSimulator  *self,
                               PulseSimWriter  *writer,
                               gint64           day,
                               GError         **error)
{
  g_autoptr(GPtrArray) items = pulse_sim_model_applications_json (self->model, day);

  for (guint i = 0; i < items->len; i++)
    if (!pulse_sim_writer_ingest (writer, pulse_ingest_applications, items->pdata[i], error))
      return FALSE;

  return TRUE;
}

/* Creates the QA samples of @day. */
gboolean
_pulse_simulator_reviews (PulseSimulator  *self,
                          PulseSimWriter  *writer,
                          gint64           day,
                          GError         **error)
{
  g_autoptr(GPtrArray) items = pulse_sim_model_reviews_json (self->model, day);

  return write_items (writer, "review", items, error);
}

/* The seed: the directory, then what refers to it. */
typedef struct
{
  PulseSimulator *self;
  guint           history_days;
} Seed;

static gboolean
seed_cb (PulseSimWriter  *writer,
         gpointer         user_data,
         GError         **error)
{
  Seed *seed = user_data;
  PulseSimulator *self = seed->self;
  PulseSimModel *model = self->model;
  gint64 anchor = pulse_sim_model_get_anchor (model);
  gint64 since = anchor - (gint64) (seed->history_days + 1) * PULSE_USEC_PER_DAY;
  gint64 today = anchor / PULSE_USEC_PER_DAY;
  g_autoptr(JsonNode) directory = pulse_sim_model_directory_json (model, since);
  g_autoptr(GPtrArray) templates = pulse_sim_model_templates_json (model);
  g_autoptr(GPtrArray) rules = pulse_sim_model_rules_json (model);
  g_autoptr(GPtrArray) mentorships = pulse_sim_model_mentorships_json (model);
  g_autoptr(JsonNode) scorecard = pulse_sim_model_scorecard_json (model);

  /* The plan of the last week and the next two; older days' shifts come
   * with their history. Today's statuses so far, so the floor is right
   * before any history is in. */
  return pulse_sim_writer_ingest (writer, pulse_ingest_directory, directory, error) &&
         write_items (writer, "template", templates, error) &&
         write_items (writer, "rule", rules, error) &&
         pulse_sim_writer_item (writer, "scorecard", scorecard, error) &&
         write_items (writer, "mentorship", mentorships, error) &&
         _pulse_simulator_shifts (self, writer, today - MIN (7, seed->history_days), today + 14,
                                  error) &&
         _pulse_simulator_statuses (self, writer, anchor - PULSE_USEC_PER_DAY, anchor, error);
}

/**
 * pulse_simulator_seed:
 * @history_days: how far back history will go (the directory's agents
 *   are offline since before it)
 *
 * Writes the directory, reply templates, rules, the scorecard,
 * mentorships, the shift plan around the anchor and the last day's
 * status reports, in one transaction.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_simulator_seed (PulseSimulator  *self,
                      guint            history_days,
                      GError         **error)
{
  Seed seed = { self, history_days };

  g_return_val_if_fail (PULSE_IS_SIMULATOR (self), FALSE);

  return pulse_sim_writer_commit (self->server, seed_cb, &seed, error);
}
