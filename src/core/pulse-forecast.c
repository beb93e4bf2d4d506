/* pulse-forecast.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-error.h"
#include "pulse-forecast-overrides.h"
#include "pulse-forecast.h"
#include "pulse-ticket.h"

#define INTERVAL PULSE_FORECAST_INTERVAL_USEC
#define WEEK     PULSE_FORECAST_WEEK_USEC
#define PER_WEEK PULSE_FORECAST_INTERVALS_PER_WEEK

#define MAX_TIME PULSE_FORECAST_MAX_TIME

G_STATIC_ASSERT (WEEK == PER_WEEK * INTERVAL);
G_STATIC_ASSERT (PULSE_FORECAST_NO_HANDLE_TIME == PULSE_TICKET_HANDLE_UNKNOWN);

/* One interval of history. */
typedef struct
{
  guint  arrivals;
  guint  handled;        /* contacts with a handle time */
  gint64 handle_sum;     /* their seconds */
} Bin;

/**
 * PulseForecast:
 *
 * The history of one queue binned by interval, ready to forecast any
 * interval from; see pulse-forecast.h for the method. Immutable once
 * made, so one forecast may answer from several threads.
 */
struct _PulseForecast
{
  PulseForecastOptions  options;
  gint64                as_of;
  gint64                cut;              /* as_of down to an interval start */
  gint64                from;             /* cut − weeks: the first bin */
  gint64                history_start;    /* the first contact's UTC day, or -1 */
  Bin                  *bins;             /* weeks × 336, from @from */
  gint64               *window_arrivals;  /* [j]: in [cut − (j+1) weeks, cut − j weeks) */
  gint64                handled;          /* over all bins */
  gint64                handle_sum;
  double                trend;
};

/* What the sources of one target add up to. */
typedef struct
{
  guint  weeks;
  double weight;
  double arrivals;
  double handled;
  double handle_sum;
  gint64 handled_count;
} Sums;

static gboolean
check_contacts (const PulseForecastContact  *contacts,
                gsize                        n_contacts,
                GError                     **error)
{
  for (gsize i = 0; i < n_contacts; i++)
    {
      const PulseForecastContact *c = &contacts[i];

      if (c->at < 0 || c->at > MAX_TIME)
        {
          g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                       "contacts[%" G_GSIZE_FORMAT "].at: must be between 1970 and 9999", i);
          return FALSE;
        }
      if (c->handle_seconds != PULSE_FORECAST_NO_HANDLE_TIME
          && (c->handle_seconds < 0 || c->handle_seconds > PULSE_TICKET_MAX_HANDLE_SECONDS))
        {
          g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                       "contacts[%" G_GSIZE_FORMAT "].handle_seconds: must be 0…%d, "
                       "or %d when unknown (got %d)", i, PULSE_TICKET_MAX_HANDLE_SECONDS,
                       PULSE_FORECAST_NO_HANDLE_TIME, c->handle_seconds);
          return FALSE;
        }
    }

  return TRUE;
}

static double
weight (const PulseForecastOptions *options,
        guint                       age_weeks)
{
  return exp2 (-(double) age_weeks / options->half_life_weeks);
}

static void
fill_bins (PulseForecast              *self,
           const PulseForecastContact *contacts,
           gsize                       n_contacts)
{
  gint64 first = G_MAXINT64;

  for (gsize i = 0; i < n_contacts; i++)
    {
      const PulseForecastContact *c = &contacts[i];
      gint64 index;
      Bin *bin;

      if (c->at >= self->cut)
        continue;
      first = MIN (first, c->at);
      if (c->at < self->from)
        continue;

      index = (c->at - self->from) / INTERVAL;
      bin = &self->bins[index];
      bin->arrivals++;
      self->window_arrivals[self->options.weeks - 1 - index / PER_WEEK]++;
      if (c->handle_seconds >= 0)
        {
          bin->handled++;
          bin->handle_sum += c->handle_seconds;
          self->handled++;
          self->handle_sum += c->handle_seconds;
        }
    }

  self->history_start = first == G_MAXINT64 ? -1 : first - first % PULSE_USEC_PER_DAY;
}

/* A whole 7-day window the queue had data in, for the trend. */
static gboolean
window_usable (PulseForecast *self,
               guint          j)
{
  gint64 start = self->cut - (gint64) (j + 1) * WEEK;

  return self->window_arrivals[j] > 0 && self->history_start >= 0
         && start >= self->history_start;
}

static double
compute_trend (PulseForecast *self)
{
  double level = 0, level_weight = 0, recent = 0, factor;
  guint n_recent = 0;
  gboolean older = FALSE;

  if (!self->options.trend)
    return 1.0;

  for (guint j = 0; j < self->options.weeks; j++)
    {
      double w = weight (&self->options, j);

      if (!window_usable (self, j))
        continue;
      level += w * self->window_arrivals[j];
      level_weight += w;
      if (j < 2)
        {
          recent += self->window_arrivals[j];
          n_recent++;
        }
      else
        older = TRUE;
    }

  if (n_recent == 0 || !older)
    return 1.0;

  factor = (recent / n_recent) / (level / level_weight);
  return CLAMP (factor, 1.0 / self->options.trend_limit, self->options.trend_limit);
}

/**
 * pulse_forecast_new:
 * @contacts: (array length=n_contacts) (nullable): past contacts of one
 *   queue, in any order; those at or after the interval @as_of falls in
 *   are ignored, so a caller may pass everything it has
 * @n_contacts: the number of @contacts
 * @as_of: the time the forecast is made at, microseconds since the epoch
 * @options: (nullable): how to forecast, %NULL for the defaults
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the option or the contact (by index) at fault
 *
 * Bins the history. A queue's history starts on the UTC day of the first
 * contact given, so pass the contacts from pulse_forecast_history_from()
 * on (or earlier), or the first day reads as a new queue's.
 *
 * Returns: (transfer full) (nullable): the forecast, or %NULL on error.
 */
PulseForecast *
pulse_forecast_new (const PulseForecastContact  *contacts,
                    gsize                        n_contacts,
                    gint64                       as_of,
                    const PulseForecastOptions  *options,
                    GError                     **error)
{
  g_autoptr(PulseForecast) self = NULL;
  PulseForecastOptions defaults;

  g_return_val_if_fail (contacts != NULL || n_contacts == 0, NULL);
  g_return_val_if_fail (n_contacts <= G_MAXUINT, NULL);

  if (options == NULL)
    {
      pulse_forecast_options_init (&defaults);
      options = &defaults;
    }
  if (!pulse_forecast_options_check (options, error) || !check_contacts (contacts, n_contacts,
                                                                         error))
    return NULL;
  if (as_of < 0 || as_of > MAX_TIME)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "as_of: must be between 1970 and 9999");
      return NULL;
    }

  self = g_new0 (PulseForecast, 1);
  self->options = *options;
  self->as_of = as_of;
  self->cut = as_of - as_of % INTERVAL;
  self->from = pulse_forecast_history_from (as_of, options);
  self->bins = g_new0 (Bin, (gsize) options->weeks * PER_WEEK);
  self->window_arrivals = g_new0 (gint64, options->weeks);
  fill_bins (self, contacts, n_contacts);
  self->trend = compute_trend (self);

  return g_steal_pointer (&self);
}

/**
 * pulse_forecast_free:
 * @self: (nullable): a forecast
 */
void
pulse_forecast_free (PulseForecast *self)
{
  if (self == NULL)
    return;

  g_free (self->bins);
  g_free (self->window_arrivals);
  g_free (self);
}

/**
 * pulse_forecast_get_as_of:
 *
 * Returns: the time given to pulse_forecast_new().
 */
gint64
pulse_forecast_get_as_of (PulseForecast *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->as_of;
}

/**
 * pulse_forecast_get_history_start:
 *
 * Returns: the start of the UTC day of the first contact before the cut,
 *   where the queue's history starts; -1 when there is none.
 */
gint64
pulse_forecast_get_history_start (PulseForecast *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->history_start;
}

/**
 * pulse_forecast_get_trend:
 *
 * Returns: the trend factor every forecast is multiplied by; 1 when the
 *   trend is off or there are too few weeks to measure it.
 */
double
pulse_forecast_get_trend (PulseForecast *self)
{
  g_return_val_if_fail (self != NULL, 1.0);

  return self->trend;
}

/* The same interval 1, 2, … weeks back: the N most recent that have
 * ended by the cut, less those the history rules leave out. */
static void
collect_sources (PulseForecast *self,
                 gint64         starts_at,
                 Sums          *sums)
{
  gint64 first_lag = 1;

  if (self->history_start < 0)
    return;
  if (starts_at + INTERVAL > self->cut)
    first_lag = (starts_at + INTERVAL - self->cut + WEEK - 1) / WEEK;

  for (guint i = 0; i < self->options.weeks; i++)
    {
      gint64 source = starts_at - (first_lag + i) * WEEK;
      gint64 index;
      const Bin *bin;
      double w;

      if (source < self->from || source < self->history_start)
        break;
      index = (source - self->from) / INTERVAL;
      if (self->window_arrivals[self->options.weeks - 1 - index / PER_WEEK] == 0)
        continue;

      bin = &self->bins[index];
      w = weight (&self->options, i);
      sums->weeks++;
      sums->weight += w;
      sums->arrivals += w * bin->arrivals;
      sums->handled += w * bin->handled;
      sums->handle_sum += w * bin->handle_sum;
      sums->handled_count += bin->handled;
    }
}

static void
set_handle_time (PulseForecast      *self,
                 const Sums         *sums,
                 PulseForecastValue *value)
{
  if (sums->handled_count > 0 && sums->handled_count >= self->options.min_handle_contacts)
    value->handle_seconds = sums->handle_sum / sums->handled;
  else if (self->handled > 0)
    {
      value->handle_seconds = (double) self->handle_sum / self->handled;
      value->flags |= PULSE_FORECAST_FLAG_HANDLE_FALLBACK;
    }
  else
    value->flags |= PULSE_FORECAST_FLAG_NO_HANDLE;
}

/**
 * pulse_forecast_get_value:
 * @starts_at: the interval, on a :00 or :30 boundary; meant for intervals
 *   from the as-of time on
 * @overrides: (nullable): the planner's overrides, applied last
 * @value: (out caller-allocates): the forecast
 *
 * Forecasts one interval by the method of pulse-forecast.h.
 */
void
pulse_forecast_get_value (PulseForecast                *self,
                          gint64                        starts_at,
                          const PulseForecastOverrides *overrides,
                          PulseForecastValue           *value)
{
  Sums sums = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL);
  g_return_if_fail (starts_at >= 0 && starts_at <= MAX_TIME);
  g_return_if_fail (pulse_forecast_interval_is_aligned (starts_at));

  *value = (PulseForecastValue) { .starts_at = starts_at, .trend = 1.0 };
  collect_sources (self, starts_at, &sums);
  if (sums.weeks == 0)
    value->flags |= PULSE_FORECAST_FLAG_NO_HISTORY;
  else
    {
      value->weeks = sums.weeks;
      value->trend = self->trend;
      value->arrivals = sums.arrivals / sums.weight * self->trend;
    }
  set_handle_time (self, &sums, value);

  if (overrides != NULL)
    pulse_forecast_overrides_apply (overrides, value);
}

/**
 * pulse_forecast_get_range:
 * @from: the start, microseconds since the epoch; the interval it falls
 *   in is the first
 * @to: the end, excluded; at most 8 weeks after @from
 * @overrides: (nullable): the planner's overrides
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   `from` or `to`
 *
 * Returns: (transfer full) (element-type PulseForecastValue) (nullable):
 *   the forecast of every interval that starts in [@from, @to), in time
 *   order, or %NULL on error.
 */
GArray *
pulse_forecast_get_range (PulseForecast                *self,
                          gint64                        from,
                          gint64                        to,
                          const PulseForecastOverrides *overrides,
                          GError                      **error)
{
  g_autoptr(GArray) values = NULL;
  gint64 start;

  g_return_val_if_fail (self != NULL, NULL);

  if (from < 0 || from > MAX_TIME)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "from: must be between 1970 and 9999");
      return NULL;
    }
  start = from - from % INTERVAL;
  if (to <= from || to - start > PULSE_FORECAST_MAX_RANGE_USEC)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           to <= from ? "to: must be after from"
                                      : "to: the range is longer than 8 weeks");
      return NULL;
    }

  values = g_array_sized_new (FALSE, FALSE, sizeof (PulseForecastValue),
                              (guint) ((to - start + INTERVAL - 1) / INTERVAL));
  for (gint64 at = start; at < to; at += INTERVAL)
    {
      PulseForecastValue value;

      pulse_forecast_get_value (self, at, overrides, &value);
      g_array_append_val (values, value);
    }

  return g_steal_pointer (&values);
}
