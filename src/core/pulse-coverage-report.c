/* pulse-coverage-report.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-coverage-report.h"
#include "pulse-coverage.h"
#include "pulse-enums.h"
#include "pulse-json-list.h"
#include "pulse-json.h"

/**
 * PulseCoverageReport:
 *
 * The answer of `GET /api/v1/coverage` as the console reads it: the
 * range, the time it was made at and, per queue, one #PulseForecastInterval
 * per 30 minutes. The server writes it with pulse_coverage_to_json(); the
 * decoder checks what the drawing relies on: every queue has exactly the
 * range's intervals, in order, so interval N of each queue is the same
 * half hour.
 */
struct _PulseCoverageReport
{
  GObject    parent_instance;

  gint64     from;
  gint64     to;
  gint64     as_of;
  double     shrinkage;
  GPtrArray *queues;
};

G_DEFINE_FINAL_TYPE (PulseCoverageReport, pulse_coverage_report, G_TYPE_OBJECT)

/* More queues than any contact centre has; keeps a hostile answer small. */
#define MAX_QUEUES 1000

static void
queue_free (gpointer data)
{
  PulseCoverageReportQueue *queue = data;

  g_free (queue->queue_id);
  g_free (queue->name);
  g_free (queue->model);
  g_clear_pointer (&queue->intervals, g_ptr_array_unref);
  g_free (queue);
}

static void
check_intervals (PulseJsonReader          *reader,
                 PulseCoverageReportQueue *queue,
                 gint64                    from,
                 guint                     n_intervals)
{
  if (queue->intervals->len != n_intervals)
    {
      pulse_json_reader_fail (reader, "intervals", "has %u items, the range has %u intervals",
                              queue->intervals->len, n_intervals);
      return;
    }

  for (guint i = 0; i < n_intervals; i++)
    {
      PulseForecastInterval *interval = queue->intervals->pdata[i];
      gint64 starts_at = from + i * PULSE_FORECAST_INTERVAL_USEC;
      g_autofree char *path = NULL;

      if (pulse_forecast_interval_get_starts_at (interval) == starts_at
          && g_strcmp0 (pulse_forecast_interval_get_queue_id (interval), queue->queue_id) == 0)
        continue;

      path = g_strdup_printf ("intervals[%u]", i);
      pulse_json_reader_fail (reader, path, "is not the range's interval %u of queue “%s”",
                              i, queue->queue_id);
      return;
    }
}

static PulseCoverageReportQueue *
read_queue (PulseJsonReader *reader,
            gint64           from,
            guint            n_intervals)
{
  PulseCoverageReportQueue *queue = g_new0 (PulseCoverageReportQueue, 1);

  queue->queue_id = pulse_json_reader_dup_string (reader, "queue_id", PULSE_JSON_REQUIRED,
                                                  PULSE_JSON_MAX_ID);
  queue->name = pulse_json_reader_dup_string (reader, "name", PULSE_JSON_OPTIONAL,
                                              PULSE_JSON_MAX_NAME);
  queue->channel = pulse_json_reader_get_enum (reader, "channel", PULSE_TYPE_CHANNEL_KIND,
                                               PULSE_JSON_REQUIRED, 0);
  queue->model = pulse_json_reader_dup_string (reader, "model", PULSE_JSON_OPTIONAL,
                                               PULSE_JSON_MAX_ID);
  queue->sl_target_seconds = pulse_json_reader_get_int (reader, "sl_target_seconds",
                                                        PULSE_JSON_OPTIONAL, 0, G_MAXINT, 0);
  queue->sl_goal = pulse_json_reader_get_double (reader, "sl_goal", PULSE_JSON_OPTIONAL,
                                                 0.0, 1.0, 0.0);
  queue->agents = pulse_json_reader_get_int (reader, "agents", PULSE_JSON_OPTIONAL,
                                             0, G_MAXINT, 0);
  queue->intervals = pulse_json_list_read (reader, "intervals", PULSE_JSON_REQUIRED,
                                           PULSE_JSON_LIST_DECODE (
                                             pulse_forecast_interval_new_from_json),
                                           g_object_unref);
  if (!pulse_json_reader_failed (reader))
    check_intervals (reader, queue, from, n_intervals);

  return queue;
}

static void
read_queues (PulseCoverageReport *self,
             PulseJsonReader     *reader)
{
  guint n_intervals = (self->to - self->from) / PULSE_FORECAST_INTERVAL_USEC;
  JsonArray *array = pulse_json_reader_get_array (reader, "queues", PULSE_JSON_REQUIRED,
                                                  MAX_QUEUES);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      PulseJsonReader nested;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("queues[%u]", i);

      if (!pulse_json_reader_init (&nested, json_array_get_element (array, i), "a queue",
                                   &error))
        {
          pulse_json_reader_take_error (reader, path, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (self->queues, read_queue (&nested, self->from, n_intervals));
      if (!pulse_json_reader_finish (&nested, &error))
        {
          pulse_json_reader_take_error (reader, path, g_steal_pointer (&error));
          return;
        }
    }
}

static void
read_range (PulseCoverageReport *self,
            PulseJsonReader     *reader)
{
  self->from = pulse_json_reader_get_time (reader, "from", PULSE_JSON_REQUIRED);
  self->to = pulse_json_reader_get_time (reader, "to", PULSE_JSON_REQUIRED);
  self->as_of = pulse_json_reader_get_time (reader, "as_of", PULSE_JSON_REQUIRED);
  self->shrinkage = pulse_json_reader_get_double (reader, "shrinkage", PULSE_JSON_OPTIONAL,
                                                  0.0, 1.0, 0.0);
  if (pulse_json_reader_failed (reader))
    return;

  if (!pulse_forecast_interval_is_aligned (self->from))
    pulse_json_reader_fail (reader, "from", "must be on a 30-minute boundary");
  else if (!pulse_forecast_interval_is_aligned (self->to))
    pulse_json_reader_fail (reader, "to", "must be on a 30-minute boundary");
  else if (self->to <= self->from)
    pulse_json_reader_fail (reader, "to", "must be after from");
  else if (self->to - self->from > PULSE_COVERAGE_MAX_RANGE_USEC)
    pulse_json_reader_fail (reader, "to", "must be at most 8 weeks after from");
}

static void
pulse_coverage_report_finalize (GObject *object)
{
  PulseCoverageReport *self = PULSE_COVERAGE_REPORT (object);

  g_clear_pointer (&self->queues, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_coverage_report_parent_class)->finalize (object);
}

static void
pulse_coverage_report_class_init (PulseCoverageReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_coverage_report_finalize;
}

static void
pulse_coverage_report_init (PulseCoverageReport *self)
{
  self->queues = g_ptr_array_new_with_free_func (queue_free);
}

/**
 * pulse_coverage_report_new_from_json:
 * @node: the answer of `GET /api/v1/coverage`
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault ("queues[1].intervals[3].required: …")
 *
 * Returns: (transfer full) (nullable): the report, or %NULL on error.
 */
PulseCoverageReport *
pulse_coverage_report_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  g_autoptr(PulseCoverageReport) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "a coverage answer", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_COVERAGE_REPORT, NULL);
  read_range (self, &reader);
  if (!pulse_json_reader_failed (&reader))
    read_queues (self, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_coverage_report_get_from:
 *
 * Returns: the first interval's start.
 */
gint64
pulse_coverage_report_get_from (PulseCoverageReport *self)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (self), 0);

  return self->from;
}

/**
 * pulse_coverage_report_get_to:
 *
 * Returns: the end of the last interval.
 */
gint64
pulse_coverage_report_get_to (PulseCoverageReport *self)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (self), 0);

  return self->to;
}

/**
 * pulse_coverage_report_get_as_of:
 *
 * Returns: the server's time the answer was made at: intervals starting
 *   after it have no online figure yet.
 */
gint64
pulse_coverage_report_get_as_of (PulseCoverageReport *self)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (self), 0);

  return self->as_of;
}

/**
 * pulse_coverage_report_get_shrinkage:
 *
 * Returns: the shrinkage the server planned with.
 */
double
pulse_coverage_report_get_shrinkage (PulseCoverageReport *self)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (self), 0.0);

  return self->shrinkage;
}

/**
 * pulse_coverage_report_get_n_queues:
 *
 * Returns: how many queues the report has.
 */
guint
pulse_coverage_report_get_n_queues (PulseCoverageReport *self)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (self), 0);

  return self->queues->len;
}

/**
 * pulse_coverage_report_get_n_intervals:
 *
 * Returns: how many 30-minute intervals the range has (each queue has
 *   that many).
 */
guint
pulse_coverage_report_get_n_intervals (PulseCoverageReport *self)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (self), 0);

  return (self->to - self->from) / PULSE_FORECAST_INTERVAL_USEC;
}

/**
 * pulse_coverage_report_get_queue:
 * @index: below pulse_coverage_report_get_n_queues()
 *
 * Returns: (transfer none): the queue, in the server's order (by id).
 */
const PulseCoverageReportQueue *
pulse_coverage_report_get_queue (PulseCoverageReport *self,
                                 guint                index)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (self), NULL);
  g_return_val_if_fail (index < self->queues->len, NULL);

  return self->queues->pdata[index];
}

/**
 * pulse_coverage_report_find_queue:
 * @queue_id: a queue id
 *
 * Returns: (transfer none) (nullable): the queue, or %NULL if the report
 *   does not have it.
 */
const PulseCoverageReportQueue *
pulse_coverage_report_find_queue (PulseCoverageReport *self,
                                  const char          *queue_id)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (self), NULL);

  for (guint i = 0; i < self->queues->len; i++)
    {
      PulseCoverageReportQueue *queue = self->queues->pdata[i];

      if (g_strcmp0 (queue->queue_id, queue_id) == 0)
        return queue;
    }

  return NULL;
}

typedef struct
{
  double arrivals;
  double work_seconds;
  double handle_sum;
  int    actual;
  int    required;
  int    required_with_shrinkage;
  int    scheduled;
  int    online;
} Totals;

static void
add_interval (Totals                *totals,
              PulseForecastInterval *interval)
{
  double arrivals = pulse_forecast_interval_get_forecast_arrivals (interval);
  double handle = pulse_forecast_interval_get_handle_time_seconds (interval);
  int actual = pulse_forecast_interval_get_actual_arrivals (interval);
  int online = pulse_forecast_interval_get_online (interval);

  totals->arrivals += arrivals;
  totals->work_seconds += arrivals * handle;
  totals->handle_sum += handle;
  totals->required += pulse_forecast_interval_get_required (interval);
  totals->required_with_shrinkage +=
    pulse_forecast_interval_get_required_with_shrinkage (interval);
  totals->scheduled += pulse_forecast_interval_get_scheduled (interval);
  if (actual != PULSE_FORECAST_INTERVAL_UNKNOWN)
    totals->actual = MAX (totals->actual, 0) + actual;
  if (online != PULSE_FORECAST_INTERVAL_UNKNOWN)
    totals->online = MAX (totals->online, 0) + online;
}

static PulseForecastInterval *
totals_to_interval (const Totals *totals,
                    guint         n_queues,
                    gint64        starts_at)
{
  PulseForecastIntervalFigures figures = { 0 };

  figures.forecast_arrivals = MIN (totals->arrivals, PULSE_FORECAST_INTERVAL_MAX_ARRIVALS);
  /* The handle time of the pooled contacts: weighted by arrivals, or the
   * plain mean when none are forecast (it must stay above 0). */
  figures.handle_time_seconds = totals->arrivals > 0.0 ? totals->work_seconds / totals->arrivals
                                                       : totals->handle_sum / n_queues;
  figures.actual_arrivals = MIN (totals->actual, PULSE_FORECAST_INTERVAL_MAX_ARRIVALS);
  figures.required = MIN (totals->required, PULSE_FORECAST_INTERVAL_MAX_AGENTS);
  figures.required_with_shrinkage = MIN (totals->required_with_shrinkage,
                                         PULSE_FORECAST_INTERVAL_MAX_AGENTS);
  figures.scheduled = MIN (totals->scheduled, PULSE_FORECAST_INTERVAL_MAX_AGENTS);
  figures.online = MIN (totals->online, PULSE_FORECAST_INTERVAL_MAX_AGENTS);

  return pulse_forecast_interval_new_full (PULSE_COVERAGE_REPORT_ALL_QUEUES, starts_at, &figures);
}

/**
 * pulse_coverage_report_dup_totals:
 *
 * Sums every queue per interval: arrivals, agents required, scheduled and
 * online; the handle time is the mean weighted by arrivals. An agent who
 * serves several queues counts in each (the server's figures are per
 * queue), so the totals are an upper bound of the people needed. Actual
 * arrivals and online stay unknown where no queue knows them.
 *
 * Returns: (transfer full) (element-type PulseForecastInterval): one
 *   interval per 30 minutes of the range, with queue id
 *   %PULSE_COVERAGE_REPORT_ALL_QUEUES; empty when the report has no queue.
 */
GPtrArray *
pulse_coverage_report_dup_totals (PulseCoverageReport *self)
{
  GPtrArray *intervals;
  guint n_intervals;

  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (self), NULL);

  intervals = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->queues->len == 0)
    return intervals;

  n_intervals = pulse_coverage_report_get_n_intervals (self);
  for (guint i = 0; i < n_intervals; i++)
    {
      Totals totals = { 0 };

      totals.actual = totals.online = PULSE_FORECAST_INTERVAL_UNKNOWN;
      for (guint q = 0; q < self->queues->len; q++)
        {
          PulseCoverageReportQueue *queue = self->queues->pdata[q];

          add_interval (&totals, queue->intervals->pdata[i]);
        }
      g_ptr_array_add (intervals,
                       totals_to_interval (&totals, self->queues->len,
                                           self->from + i * PULSE_FORECAST_INTERVAL_USEC));
    }

  return intervals;
}
