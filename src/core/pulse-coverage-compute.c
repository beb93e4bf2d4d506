/* pulse-coverage-compute.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a #PulseCoverage computes from what was fed in, and its wire form.
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-coverage-presence.h"
#include "pulse-coverage-private.h"
#include "pulse-enums.h"
#include "pulse-forecast-interval.h"
#include "pulse-json.h"
#include "pulse-queue.h"

#define INTERVAL PULSE_FORECAST_INTERVAL_USEC
#define WEEK     PULSE_FORECAST_WEEK_USEC
#define PER_WEEK PULSE_FORECAST_INTERVALS_PER_WEEK
#define UNKNOWN  PULSE_FORECAST_INTERVAL_UNKNOWN

/* One agent's time on the line, per interval of the range. */
typedef struct
{
  gint64 *scheduled;  /* n_intervals */
  gint64 *online;     /* n_started */
} Presence;

/* One queue's figures summed over its agents, per interval. */
typedef struct
{
  gint64 *scheduled;  /* n_intervals */
  gint64 *online;     /* n_started */
  int    *actual;     /* n_started */
} Sums;

/* The forecasts one queue's intervals are drawn from, made on first use. */
typedef struct
{
  GArray         *contacts;
  PulseForecast **weeks;   /* as of the start of each week of the range */
  PulseForecast  *ahead;   /* as of now */
} Forecasts;

static const struct
{
  PulseForecastFlags  flag;
  const char         *word;
} forecast_flags[] = {
  { PULSE_FORECAST_FLAG_NO_HISTORY, "no-history" },
  { PULSE_FORECAST_FLAG_HANDLE_FALLBACK, "handle-fallback" },
  { PULSE_FORECAST_FLAG_NO_HANDLE, "no-handle" },
  { PULSE_FORECAST_FLAG_SCALED, "scaled" },
  { PULSE_FORECAST_FLAG_SET_ARRIVALS, "set-arrivals" },
  { PULSE_FORECAST_FLAG_SET_HANDLE, "set-handle" },
};

static int
compare_status (gconstpointer a,
                gconstpointer b)
{
  gint64 x = ((const PulseCoverageStatus *) a)->since;
  gint64 y = ((const PulseCoverageStatus *) b)->since;

  return (x > y) - (x < y);
}

static Presence *
presence_new (PulseCoverage *self,
              PulseAgent    *agent)
{
  Presence *presence = g_new0 (Presence, 1);
  const char *id = pulse_agent_get_id (agent);
  GPtrArray *shifts = g_hash_table_lookup (self->shifts, id);
  GArray *history = g_hash_table_lookup (self->history, id);

  presence->scheduled = g_new0 (gint64, self->n_intervals);
  presence->online = g_new0 (gint64, MAX (self->n_started, 1));
  if (shifts != NULL)
    pulse_coverage_add_shift_time ((PulseShift * const *) shifts->pdata, shifts->len,
                                   self->request.from, self->n_intervals, presence->scheduled);
  if (history != NULL)
    {
      g_array_sort (history, compare_status);
      pulse_coverage_add_status_time ((const PulseCoverageStatus *) (gpointer) history->data,
                                      history->len, self->request.from, self->until,
                                      self->n_started, presence->online);
    }

  return presence;
}

static void
presence_free (Presence *presence)
{
  if (presence == NULL)
    return;

  g_free (presence->scheduled);
  g_free (presence->online);
  g_free (presence);
}

/* Presence of every agent who serves one of the queues, NULL for others. */
static GPtrArray *
collect_presence (PulseCoverage *self)
{
  GPtrArray *presence = g_ptr_array_new_full (self->agents->len,
                                              (GDestroyNotify) presence_free);

  for (guint a = 0; a < self->agents->len; a++)
    {
      PulseAgent *agent = self->agents->pdata[a];
      Presence *entry = NULL;

      for (guint q = 0; q < self->queues->len && entry == NULL; q++)
        if (pulse_coverage_agent_serves (agent, self->queues->pdata[q]))
          entry = presence_new (self, agent);
      g_ptr_array_add (presence, entry);
    }

  return presence;
}

static void
forecasts_clear (Forecasts *forecasts,
                 guint      n_weeks)
{
  for (guint w = 0; w < n_weeks; w++)
    g_clear_pointer (&forecasts->weeks[w], pulse_forecast_free);
  g_clear_pointer (&forecasts->weeks, g_free);
  g_clear_pointer (&forecasts->ahead, pulse_forecast_free);
}

/* An interval that has started is forecast as of the start of its week of
 * the range: from the same weeks a forecast made at the interval itself
 * reads, and blind to the interval, so it shows what the plan expected. */
static gboolean
forecast_value (PulseCoverage       *self,
                Forecasts           *forecasts,
                guint                index,
                PulseForecastValue  *value,
                GError             **error)
{
  PulseForecast **slot = &forecasts->ahead;
  gint64 as_of = self->request.now;

  if (index < self->n_started)
    {
      slot = &forecasts->weeks[index / PER_WEEK];
      as_of = self->request.from + (index / PER_WEEK) * WEEK;
    }

  if (*slot == NULL)
    *slot = pulse_forecast_new ((const PulseForecastContact *) (gpointer) forecasts->contacts->data,
                                forecasts->contacts->len, as_of, NULL, error);
  if (*slot == NULL)
    return FALSE;

  pulse_forecast_get_value (*slot, self->request.from + (gint64) index * INTERVAL, NULL, value);
  return TRUE;
}

/* The queue's figures summed over its agents: scheduled and online time,
 * and the contacts that arrived in each interval that has started. */
static void
sum_queue (PulseCoverage      *self,
           PulseCoverageQueue *queue,
           GPtrArray          *presence,
           Sums       *sums)
{
  GArray *contacts = g_hash_table_lookup (self->contacts, pulse_queue_get_id (queue->queue));

  for (guint a = 0; a < self->agents->len; a++)
    {
      Presence *entry = presence->pdata[a];

      if (entry == NULL || !pulse_coverage_agent_serves (self->agents->pdata[a], queue->queue))
        continue;

      queue->n_agents++;
      for (guint i = 0; i < self->n_intervals; i++)
        sums->scheduled[i] += entry->scheduled[i];
      for (guint i = 0; i < self->n_started; i++)
        sums->online[i] += entry->online[i];
    }

  for (guint c = 0; c < contacts->len; c++)
    {
      gint64 at = g_array_index (contacts, PulseForecastContact, c).at;

      if (at >= self->request.from && at < self->until)
        sums->actual[(at - self->request.from) / INTERVAL]++;
    }
}

static void
fill_flags (const PulseForecastValue    *value,
            const PulseCoverageStaffing *staffing,
            const char                 **words)
{
  guint n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (forecast_flags); f++)
    if (value->flags & forecast_flags[f].flag)
      words[n++] = forecast_flags[f].word;
  if (staffing->handle_clamped)
    words[n++] = "handle-clamped";
  if (staffing->capped)
    words[n++] = "capped";
  words[n] = NULL;
}

static PulseForecastInterval *
make_interval (PulseCoverage            *self,
               PulseCoverageQueue       *queue,
               guint                     index,
               const PulseForecastValue *value,
               const Sums       *sums)
{
  const char *words[G_N_ELEMENTS (forecast_flags) + 3];
  gint64 starts_at = self->request.from + (gint64) index * INTERVAL;
  PulseForecastIntervalFigures figures = { 0 };
  PulseCoverageStaffing staffing;
  double arrivals = MIN (value->arrivals, PULSE_FORECAST_INTERVAL_MAX_ARRIVALS);

  pulse_coverage_plan_staff (&queue->plan, arrivals,
                             value->flags & PULSE_FORECAST_FLAG_NO_HANDLE
                               ? -1 : value->handle_seconds,
                             &staffing);
  fill_flags (value, &staffing, words);

  figures.forecast_arrivals = arrivals;
  figures.handle_time_seconds = staffing.handle_s;
  figures.required = staffing.required;
  figures.required_with_shrinkage = staffing.required_with_shrinkage;
  figures.scheduled = MIN (pulse_coverage_agents_from_usec (sums->scheduled[index], INTERVAL),
                           PULSE_FORECAST_INTERVAL_MAX_AGENTS);
  figures.actual_arrivals = UNKNOWN;
  figures.online = UNKNOWN;
  figures.flags = words;
  if (index < self->n_started)
    {
      gint64 length = MIN (starts_at + INTERVAL, self->until) - starts_at;

      figures.actual_arrivals = MIN (sums->actual[index], PULSE_FORECAST_INTERVAL_MAX_ARRIVALS);
      figures.online = MIN (pulse_coverage_agents_from_usec (sums->online[index], length),
                            PULSE_FORECAST_INTERVAL_MAX_AGENTS);
    }

  return pulse_forecast_interval_new_full (pulse_queue_get_id (queue->queue), starts_at,
                                           &figures);
}

/**
 * pulse_coverage_queue_free:
 * @queue: (nullable): one queue's coverage
 */
void
pulse_coverage_queue_free (PulseCoverageQueue *queue)
{
  if (queue == NULL)
    return;

  g_clear_object (&queue->queue);
  g_clear_pointer (&queue->intervals, g_ptr_array_unref);
  g_free (queue);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseCoverageQueue, pulse_coverage_queue_free)

static PulseCoverageQueue *
compute_queue (PulseCoverage  *self,
               PulseQueue     *queue,
               GPtrArray      *presence,
               GError        **error)
{
  g_autoptr(PulseCoverageQueue) result = g_new0 (PulseCoverageQueue, 1);
  guint n_weeks = (self->n_intervals + PER_WEEK - 1) / PER_WEEK;
  Forecasts forecasts = { NULL, g_new0 (PulseForecast *, n_weeks), NULL };
  g_autofree gint64 *scheduled = g_new0 (gint64, self->n_intervals);
  g_autofree gint64 *online = g_new0 (gint64, MAX (self->n_started, 1));
  g_autofree int *actual = g_new0 (int, MAX (self->n_started, 1));
  Sums sums = { scheduled, online, actual };
  gboolean ok = TRUE;

  result->queue = g_object_ref (queue);
  result->intervals = g_ptr_array_new_full (self->n_intervals, g_object_unref);
  pulse_coverage_plan_init (&result->plan, queue, self->request.shrinkage, self->request.goal);
  forecasts.contacts = g_hash_table_lookup (self->contacts, pulse_queue_get_id (queue));
  sum_queue (self, result, presence, &sums);

  for (guint i = 0; ok && i < self->n_intervals; i++)
    {
      PulseForecastValue value;

      ok = forecast_value (self, &forecasts, i, &value, error);
      if (ok)
        g_ptr_array_add (result->intervals, make_interval (self, result, i, &value, &sums));
    }

  forecasts_clear (&forecasts, n_weeks);
  return ok ? g_steal_pointer (&result) : NULL;
}

/**
 * pulse_coverage_compute:
 * @cancellable: (nullable): checked between queues
 * @error: return location for %G_IO_ERROR_CANCELLED, or a
 *   %PULSE_ERROR_INVALID_DATA error from the forecast
 *
 * Computes every queue added, as docs/protocol-coverage.md describes.
 * An agent counts for each queue they serve: the figures are per queue,
 * not a pooled plan.
 *
 * Returns: (transfer full) (element-type PulseCoverageQueue) (nullable):
 *   the queues in the order added, or %NULL on error.
 */
GPtrArray *
pulse_coverage_compute (PulseCoverage  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GPtrArray) presence = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  queues = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_coverage_queue_free);
  presence = collect_presence (self);
  for (guint q = 0; q < self->queues->len; q++)
    {
      PulseCoverageQueue *queue;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      queue = compute_queue (self, self->queues->pdata[q], presence, error);
      if (queue == NULL)
        return NULL;
      g_ptr_array_add (queues, queue);
    }

  return g_steal_pointer (&queues);
}

static void
add_queue_json (JsonBuilder        *builder,
                PulseCoverageQueue *queue)
{
  const PulseCoveragePlan *plan = &queue->plan;

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "queue_id", pulse_queue_get_id (queue->queue));
  pulse_json_add_string (builder, "name", pulse_queue_get_name (queue->queue));
  pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND,
                       pulse_queue_get_channel (queue->queue));
  pulse_json_add_string (builder, "model", pulse_coverage_model_to_string (plan->model));
  pulse_json_add_int (builder, "sl_target_seconds", (gint64) plan->target_s);
  pulse_json_add_double (builder, "sl_goal", plan->goal);
  if (plan->model == PULSE_COVERAGE_MODEL_ERLANG_A)
    pulse_json_add_int (builder, "patience_seconds", (gint64) plan->patience_s);
  if (plan->model == PULSE_COVERAGE_MODEL_WORKLOAD)
    pulse_json_add_double (builder, "occupancy", PULSE_COVERAGE_OCCUPANCY_TARGET);
  pulse_json_add_int (builder, "concurrency", plan->concurrency);
  pulse_json_add_int (builder, "agents", queue->n_agents);

  json_builder_set_member_name (builder, "intervals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < queue->intervals->len; i++)
    json_builder_add_value (builder, pulse_forecast_interval_to_json (queue->intervals->pdata[i]));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * pulse_coverage_to_json:
 * @queues: (element-type PulseCoverageQueue): from pulse_coverage_compute()
 *
 * Returns: (transfer full): the answer of `GET /api/v1/coverage`:
 *   `{"from","to","as_of","shrinkage","queues":[{…,"intervals":[…]}…]}`.
 */
JsonNode *
pulse_coverage_to_json (PulseCoverage *self,
                        GPtrArray     *queues)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (queues != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_time (builder, "from", self->request.from);
  pulse_json_add_time (builder, "to", self->request.to);
  pulse_json_add_time (builder, "as_of", self->request.now);
  pulse_json_add_double (builder, "shrinkage", self->request.shrinkage);
  json_builder_set_member_name (builder, "queues");
  json_builder_begin_array (builder);
  for (guint q = 0; q < queues->len; q++)
    add_queue_json (builder, queues->pdata[q]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
