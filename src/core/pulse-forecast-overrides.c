/* pulse-forecast-overrides.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-error.h"
#include "pulse-forecast-overrides.h"

/* The bounds of the wire form (pulse-forecast-interval.c), so an
 * overridden figure can always be sent. */
#define MAX_ARRIVALS 1e6
#define MAX_HANDLE_S (24.0 * 60 * 60)

typedef struct
{
  gint64 from;
  gint64 to;
  double factor;
} Factor;

typedef struct
{
  gint64 starts_at;
  double arrivals;
  double handle_s;
} Value;

/**
 * PulseForecastOverrides:
 *
 * A planner's corrections to a forecast, for what history cannot know:
 * factors that scale the arrivals over a range (a campaign ×1.3, a
 * holiday ×0.4) and figures that replace arrivals or handle time of one
 * interval outright. Factors whose ranges overlap multiply; a set figure
 * wins over any factor, since the planner typed exactly that number. A
 * handful of entries per queue and week, so they are plain lists.
 */
struct _PulseForecastOverrides
{
  GArray *factors;
  GArray *values;
};

/**
 * pulse_forecast_overrides_new:
 *
 * Returns: (transfer full): an empty list of overrides.
 */
PulseForecastOverrides *
pulse_forecast_overrides_new (void)
{
  PulseForecastOverrides *self = g_new0 (PulseForecastOverrides, 1);

  self->factors = g_array_new (FALSE, FALSE, sizeof (Factor));
  self->values = g_array_new (FALSE, FALSE, sizeof (Value));
  return self;
}

/**
 * pulse_forecast_overrides_free:
 * @self: (nullable): overrides
 */
void
pulse_forecast_overrides_free (PulseForecastOverrides *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->factors);
  g_array_unref (self->values);
  g_free (self);
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, message);
  return FALSE;
}

static gboolean
is_full (PulseForecastOverrides  *self,
         GError                 **error)
{
  if (self->factors->len + self->values->len < PULSE_FORECAST_MAX_OVERRIDES)
    return FALSE;

  g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
               "overrides: more than %d", PULSE_FORECAST_MAX_OVERRIDES);
  return TRUE;
}

/**
 * pulse_forecast_overrides_add_factor:
 * @from: the range's start, microseconds since the epoch
 * @to: its end, excluded, after @from
 * @factor: what the arrivals of every interval starting in [@from, @to)
 *   are multiplied by, 0…%PULSE_FORECAST_MAX_FACTOR (0 closes the queue)
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the argument at fault
 *
 * Returns: %TRUE if the factor was added; on error nothing changes.
 */
gboolean
pulse_forecast_overrides_add_factor (PulseForecastOverrides  *self,
                                     gint64                   from,
                                     gint64                   to,
                                     double                   factor,
                                     GError                 **error)
{
  Factor entry = { from, to, factor };

  g_return_val_if_fail (self != NULL, FALSE);

  if (from < 0 || from > PULSE_FORECAST_MAX_TIME)
    return fail (error, "from: must be between 1970 and 9999");
  if (to <= from)
    return fail (error, "to: must be after from");
  if (!isfinite (factor) || factor < 0 || factor > PULSE_FORECAST_MAX_FACTOR)
    return fail (error, "factor: must be 0…100");
  if (is_full (self, error))
    return FALSE;

  g_array_append_val (self->factors, entry);
  return TRUE;
}

static Value *
find_value (const PulseForecastOverrides *self,
            gint64                        starts_at,
            guint                        *index)
{
  for (guint i = 0; i < self->values->len; i++)
    {
      Value *value = &g_array_index (self->values, Value, i);

      if (value->starts_at == starts_at)
        {
          if (index != NULL)
            *index = i;
          return value;
        }
    }

  return NULL;
}

static gboolean
check_value (gint64       starts_at,
             double       arrivals,
             double       handle_s,
             GError     **error)
{
  if (starts_at < 0 || starts_at > PULSE_FORECAST_MAX_TIME
      || !pulse_forecast_interval_is_aligned (starts_at))
    return fail (error, "starts_at: must be on a 30-minute boundary (:00 or :30)");
  if (arrivals != PULSE_FORECAST_KEEP
      && (!isfinite (arrivals) || arrivals < 0 || arrivals > MAX_ARRIVALS))
    return fail (error, "arrivals: must be 0…1000000, or -1 to keep the forecast");
  if (handle_s != PULSE_FORECAST_KEEP
      && (!isfinite (handle_s) || handle_s <= 0 || handle_s > MAX_HANDLE_S))
    return fail (error, "handle_seconds: must be above 0 and at most 86400, "
                 "or -1 to keep the forecast");

  return TRUE;
}

/**
 * pulse_forecast_overrides_set_value:
 * @starts_at: the interval, on a :00 or :30 boundary
 * @arrivals: the contacts the planner expects, 0…1000000, or
 *   %PULSE_FORECAST_KEEP
 * @handle_s: the mean handle time the planner expects in seconds, above
 *   0 and at most 86400, or %PULSE_FORECAST_KEEP
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the argument at fault
 *
 * Sets the figures of one interval, replacing any set before; both
 * %PULSE_FORECAST_KEEP takes the interval's figures out again.
 *
 * Returns: %TRUE on success; on error nothing changes.
 */
gboolean
pulse_forecast_overrides_set_value (PulseForecastOverrides  *self,
                                    gint64                   starts_at,
                                    double                   arrivals,
                                    double                   handle_s,
                                    GError                 **error)
{
  Value entry = { starts_at, arrivals, handle_s };
  Value *value;
  guint index = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!check_value (starts_at, arrivals, handle_s, error))
    return FALSE;

  value = find_value (self, starts_at, &index);
  if (arrivals == PULSE_FORECAST_KEEP && handle_s == PULSE_FORECAST_KEEP)
    {
      if (value != NULL)
        g_array_remove_index_fast (self->values, index);
      return TRUE;
    }
  if (value != NULL)
    {
      *value = entry;
      return TRUE;
    }
  if (is_full (self, error))
    return FALSE;

  g_array_append_val (self->values, entry);
  return TRUE;
}

/**
 * pulse_forecast_overrides_get_n_items:
 *
 * Returns: the factors and set intervals held.
 */
guint
pulse_forecast_overrides_get_n_items (const PulseForecastOverrides *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->factors->len + self->values->len;
}

/**
 * pulse_forecast_overrides_apply:
 * @value: (inout): a forecast, as pulse_forecast_get_value() drew it
 *
 * Multiplies the arrivals by every factor whose range holds the start of
 * the interval, then puts in the figures set for it, and flags what
 * changed. A set handle time clears %PULSE_FORECAST_FLAG_HANDLE_FALLBACK
 * and %PULSE_FORECAST_FLAG_NO_HANDLE; %PULSE_FORECAST_FLAG_NO_HISTORY
 * stays, since it is about the history.
 */
void
pulse_forecast_overrides_apply (const PulseForecastOverrides *self,
                                PulseForecastValue           *value)
{
  const Value *set;

  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL);

  for (guint i = 0; i < self->factors->len; i++)
    {
      const Factor *factor = &g_array_index (self->factors, Factor, i);

      if (value->starts_at >= factor->from && value->starts_at < factor->to)
        {
          value->arrivals *= factor->factor;
          value->flags |= PULSE_FORECAST_FLAG_SCALED;
        }
    }

  set = find_value (self, value->starts_at, NULL);
  if (set == NULL)
    return;
  if (set->arrivals != PULSE_FORECAST_KEEP)
    {
      value->arrivals = set->arrivals;
      value->flags |= PULSE_FORECAST_FLAG_SET_ARRIVALS;
    }
  if (set->handle_s != PULSE_FORECAST_KEEP)
    {
      value->handle_seconds = set->handle_s;
      value->flags &= ~(PULSE_FORECAST_FLAG_HANDLE_FALLBACK | PULSE_FORECAST_FLAG_NO_HANDLE);
      value->flags |= PULSE_FORECAST_FLAG_SET_HANDLE;
    }
}
