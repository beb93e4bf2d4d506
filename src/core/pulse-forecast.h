/* pulse-forecast.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arrivals and handle time per 30-minute interval of one queue, from the
 * queue's own history. docs/forecast.md has the method with an example
 * and the accuracy it reaches.
 *
 * Method, for a target interval T (UTC, on a :00 or :30 boundary):
 *
 * - History is what arrived before the "as of" time, cut down to the
 *   interval boundary (the interval in progress is left out), over the
 *   last N weeks (options.weeks, 6 by default).
 * - The sources of T are T − k weeks for the N smallest k ≥ 1 whose
 *   interval has ended by the cut: k = 1… for the next 7 days, k = 2…
 *   for the 7 days after, and so on. A week is 7 × 24 h of UTC time, so
 *   Monday 08:00 UTC maps to Monday 08:00 UTC, whatever the local DST.
 * - A source is left out when it lies before the queue's history starts
 *   (the UTC day of its first contact given: a new queue), or when the
 *   7-day window [cut − (j+1) weeks, cut − j weeks) it falls in holds no
 *   contact at all (an outage, a paused queue). A week that has data
 *   but nothing in this interval counts as 0: that is a real zero.
 * - Forecast arrivals = Σ w_k·A_k / Σ w_k over the sources kept, with
 *   w_k = 0.5^((k − k₀)/h), k₀ the most recent source and h the half-life
 *   (options.half_life_weeks, 3 by default; INFINITY weighs all alike).
 * - Trend (options.trend, off by default): the mean of the last two
 *   7-day windows over the level the weights already carry (the same
 *   weighted mean over weekly totals), clamped to [1/limit, limit].
 *   Comparing the last two weeks with the older ones alone would count
 *   the recency twice. Needs at least one window older than two weeks.
 * - Handle time = Σ w_k·H_k / Σ w_k·n_k, where H_k is the handle seconds
 *   summed and n_k the contacts with a known handle time in source k.
 *   With fewer than options.min_handle_contacts such contacts (20 by
 *   default) it falls back to the queue's mean over all N weeks: one
 *   handle time has a spread about its own size, so the mean of fewer
 *   than 20 is off by more than the usual swing of handle time over a
 *   day (flag %PULSE_FORECAST_FLAG_HANDLE_FALLBACK).
 * - No source kept: 0 arrivals and %PULSE_FORECAST_FLAG_NO_HISTORY. No
 *   handle time anywhere: 0 and %PULSE_FORECAST_FLAG_NO_HANDLE.
 * - Planner overrides (#PulseForecastOverrides) come last.
 */

#pragma once

#include <glib.h>

#include "pulse-forecast-interval.h"

G_BEGIN_DECLS

#define PULSE_FORECAST_WEEK_USEC          (7 * PULSE_USEC_PER_DAY)
#define PULSE_FORECAST_INTERVALS_PER_WEEK 336
#define PULSE_FORECAST_MAX_WEEKS          52
/* The longest range pulse_forecast_get_range() answers: 8 weeks. */
#define PULSE_FORECAST_MAX_RANGE_USEC     (8 * PULSE_FORECAST_WEEK_USEC)
/* The latest time taken: the end of the year 9999, far from overflow. */
#define PULSE_FORECAST_MAX_TIME           (G_GINT64_CONSTANT (253402300800) * G_USEC_PER_SEC)
/* The handle_seconds of a #PulseForecastContact with none reported. */
#define PULSE_FORECAST_NO_HANDLE_TIME     (-1)

typedef struct _PulseForecast          PulseForecast;
typedef struct _PulseForecastOverrides PulseForecastOverrides;

/**
 * PulseForecastContact:
 * @at: the arrival (ticket creation), microseconds since the epoch
 * @handle_seconds: the agents' handling time, 0…604800, or
 *   %PULSE_FORECAST_NO_HANDLE_TIME
 *
 * One past contact of the queue. The caller fills a plain array, from
 * tickets or database rows.
 */
typedef struct
{
  gint64 at;
  int    handle_seconds;
} PulseForecastContact;

/**
 * PulseForecastOptions:
 * @weeks: the weeks of history, 1…%PULSE_FORECAST_MAX_WEEKS
 * @half_life_weeks: the age at which a week weighs half the most recent,
 *   above 0; INFINITY for equal weights
 * @trend: whether to apply the trend factor
 * @trend_limit: the trend factor is kept within [1/limit, limit], 1 or
 *   more
 * @min_handle_contacts: handle times an interval needs before its own
 *   mean is used instead of the queue's
 *
 * How a #PulseForecast is drawn; pulse_forecast_options_init() gives the
 * defaults.
 */
typedef struct
{
  guint    weeks;
  double   half_life_weeks;
  gboolean trend;
  double   trend_limit;
  guint    min_handle_contacts;
} PulseForecastOptions;

/**
 * PulseForecastFlags:
 * @PULSE_FORECAST_FLAG_NONE: drawn from the interval's own history
 * @PULSE_FORECAST_FLAG_NO_HISTORY: no week of history: arrivals are 0
 * @PULSE_FORECAST_FLAG_HANDLE_FALLBACK: handle time is the queue's mean
 * @PULSE_FORECAST_FLAG_NO_HANDLE: no handle time known: it is 0
 * @PULSE_FORECAST_FLAG_SCALED: arrivals scaled by a planner's factor
 * @PULSE_FORECAST_FLAG_SET_ARRIVALS: arrivals set by a planner
 * @PULSE_FORECAST_FLAG_SET_HANDLE: handle time set by a planner
 *
 * Where the figures of a #PulseForecastValue come from.
 */
typedef enum
{
  PULSE_FORECAST_FLAG_NONE            = 0,
  PULSE_FORECAST_FLAG_NO_HISTORY      = 1 << 0,
  PULSE_FORECAST_FLAG_HANDLE_FALLBACK = 1 << 1,
  PULSE_FORECAST_FLAG_NO_HANDLE       = 1 << 2,
  PULSE_FORECAST_FLAG_SCALED          = 1 << 3,
  PULSE_FORECAST_FLAG_SET_ARRIVALS    = 1 << 4,
  PULSE_FORECAST_FLAG_SET_HANDLE      = 1 << 5,
} PulseForecastFlags;

/**
 * PulseForecastValue:
 * @starts_at: the interval's start
 * @arrivals: contacts expected in it, 0 or more; fractional, a mean
 * @handle_seconds: their mean handle time, or 0 when unknown
 * @weeks: the weeks of history behind @arrivals
 * @trend: the trend factor applied, 1 without
 * @flags: where the figures come from
 *
 * The forecast of one interval.
 */
typedef struct
{
  gint64             starts_at;
  double             arrivals;
  double             handle_seconds;
  guint              weeks;
  double             trend;
  PulseForecastFlags flags;
} PulseForecastValue;

/**
 * PulseForecastAccuracy:
 * @weeks: the held-out weeks (0 from pulse_forecast_accuracy_measure())
 * @intervals: the intervals compared
 * @skipped: intervals left out of a backtest for want of history
 * @actual: Σ actual arrivals
 * @forecast: Σ forecast arrivals
 * @abs_error: Σ |forecast − actual|
 * @wape: @abs_error / @actual, the headline: it weighs intervals by
 *   volume and copes with empty ones; NAN when @actual is 0
 * @mape: the mean of |forecast − actual| / actual over the intervals
 *   with arrivals; quiet intervals make it large; NAN without any
 * @mape_intervals: the intervals @mape is taken over
 * @bias: (@forecast − @actual) / @actual: above 0 over-forecasts
 *
 * How far a forecast was from what happened.
 */
typedef struct
{
  guint  weeks;
  guint  intervals;
  guint  skipped;
  double actual;
  double forecast;
  double abs_error;
  double wape;
  double mape;
  guint  mape_intervals;
  double bias;
} PulseForecastAccuracy;

void           pulse_forecast_options_init      (PulseForecastOptions         *options);
gboolean       pulse_forecast_options_check     (const PulseForecastOptions   *options,
                                                 GError                      **error);
gint64         pulse_forecast_history_from      (gint64                        as_of,
                                                 const PulseForecastOptions   *options);
PulseForecast *pulse_forecast_new               (const PulseForecastContact   *contacts,
                                                 gsize                         n_contacts,
                                                 gint64                        as_of,
                                                 const PulseForecastOptions   *options,
                                                 GError                      **error);
void           pulse_forecast_free              (PulseForecast                *self);
gint64         pulse_forecast_get_as_of         (PulseForecast                *self);
gint64         pulse_forecast_get_history_start (PulseForecast                *self);
double         pulse_forecast_get_trend         (PulseForecast                *self);
void           pulse_forecast_get_value         (PulseForecast                *self,
                                                 gint64                        starts_at,
                                                 const PulseForecastOverrides *overrides,
                                                 PulseForecastValue           *value);
GArray        *pulse_forecast_get_range         (PulseForecast                *self,
                                                 gint64                        from,
                                                 gint64                        to,
                                                 const PulseForecastOverrides *overrides,
                                                 GError                      **error);

void           pulse_forecast_accuracy_measure  (const double                 *forecast,
                                                 const double                 *actual,
                                                 gsize                         n,
                                                 PulseForecastAccuracy        *accuracy);
gboolean       pulse_forecast_backtest          (const PulseForecastContact   *contacts,
                                                 gsize                         n_contacts,
                                                 gint64                        first_week,
                                                 guint                         n_weeks,
                                                 const PulseForecastOptions   *options,
                                                 PulseForecastAccuracy        *accuracy,
                                                 GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseForecast, pulse_forecast_free)

G_END_DECLS
