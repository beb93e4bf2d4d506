/* pulse-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-coverage-presence.h"
#include "pulse-coverage-private.h"
#include "pulse-error.h"
#include "pulse-forecast-interval.h"
#include "pulse-queue.h"
#include "pulse-shift.h"
#include "pulse-ticket.h"

#define INTERVAL PULSE_FORECAST_INTERVAL_USEC

static gboolean
refuse (GError     **error,
        const char  *field,
        const char  *rule)
{
  g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "%s: %s", field, rule);
  return FALSE;
}

/**
 * pulse_coverage_request_check:
 * @request: a request
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: %TRUE if @request is as #PulseCoverageRequest describes.
 */
gboolean
pulse_coverage_request_check (const PulseCoverageRequest  *request,
                              GError                     **error)
{
  g_return_val_if_fail (request != NULL, FALSE);

  /* The epoch itself is 0, which means "unset" on the wire. */
  if (request->from <= 0 || request->from >= PULSE_FORECAST_MAX_TIME)
    return refuse (error, "from", "must be after 1970-01-01T00:00:00Z and before 10000");
  if (!pulse_forecast_interval_is_aligned (request->from))
    return refuse (error, "from", "must be on a 30-minute boundary");
  if (request->to <= request->from)
    return refuse (error, "to", "must be after from");
  if (!pulse_forecast_interval_is_aligned (request->to))
    return refuse (error, "to", "must be on a 30-minute boundary");
  if (request->to - request->from > PULSE_COVERAGE_MAX_RANGE_USEC)
    return refuse (error, "to", "must be at most 8 weeks after from");
  if (request->to >= PULSE_FORECAST_MAX_TIME)
    return refuse (error, "to", "must be before 10000");
  if (request->now < 0 || request->now > PULSE_FORECAST_MAX_TIME)
    return refuse (error, "now", "must be between 1970 and 9999");
  if (!(request->shrinkage >= 0 && request->shrinkage < 1))
    return refuse (error, "shrinkage", "must be 0 or more and below 1");
  if (!(request->goal == 0 || (request->goal > 0 && request->goal < 1)))
    return refuse (error, "goal", "must be above 0 and below 1");

  return TRUE;
}

/**
 * pulse_coverage_new:
 * @request: what to compute, valid by pulse_coverage_request_check()
 *
 * Returns: (transfer full): an empty computation, to fill with the
 *   pulse_coverage_add_…() functions.
 */
PulseCoverage *
pulse_coverage_new (const PulseCoverageRequest *request)
{
  PulseCoverage *self;
  gint64 last_start;

  g_return_val_if_fail (request != NULL && pulse_coverage_request_check (request, NULL), NULL);

  self = g_new0 (PulseCoverage, 1);
  self->request = *request;
  self->n_intervals = (request->to - request->from) / INTERVAL;
  if (request->now >= request->from)
    self->n_started = MIN (self->n_intervals, (request->now - request->from) / INTERVAL + 1);

  /* Measured until now; an interval that starts exactly now still gets
   * the instant it starts at. */
  self->until = MIN (request->to, request->now);
  last_start = request->from + ((gint64) self->n_started - 1) * INTERVAL;
  if (self->n_started > 0)
    self->until = MAX (self->until, last_start + 1);

  self->queues = g_ptr_array_new_with_free_func (g_object_unref);
  self->agents = g_ptr_array_new_with_free_func (g_object_unref);
  self->contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
  self->shifts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
  return self;
}

/**
 * pulse_coverage_free:
 * @self: (nullable): a computation
 */
void
pulse_coverage_free (PulseCoverage *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->queues);
  g_ptr_array_unref (self->agents);
  g_hash_table_unref (self->contacts);
  g_hash_table_unref (self->shifts);
  g_hash_table_unref (self->history);
  g_free (self);
}

/**
 * pulse_coverage_get_request:
 *
 * Returns: (transfer none): what is computed.
 */
const PulseCoverageRequest *
pulse_coverage_get_request (PulseCoverage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->request;
}

/**
 * pulse_coverage_get_history_from:
 *
 * The forecast of an interval that has started is made as of the start
 * of its week of the range, the rest as of now; each reads the weeks
 * before its own time (pulse_forecast_history_from()).
 *
 * Returns: the earliest contact the computation reads.
 */
gint64
pulse_coverage_get_history_from (PulseCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return pulse_forecast_history_from (MIN (self->request.from, self->request.now), NULL);
}

/**
 * pulse_coverage_get_until:
 *
 * Returns: the end of what the computation reads: contacts and status
 *   reports before it count, later ones cannot be known yet.
 */
gint64
pulse_coverage_get_until (PulseCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->until;
}

/**
 * pulse_coverage_add_queue:
 * @queue: a queue to cover; the result lists queues in the order added
 */
void
pulse_coverage_add_queue (PulseCoverage *self,
                          PulseQueue    *queue)
{
  const char *id;

  g_return_if_fail (self != NULL);
  g_return_if_fail (PULSE_IS_QUEUE (queue));

  id = pulse_queue_get_id (queue);
  if (g_hash_table_contains (self->contacts, id))
    return;

  g_ptr_array_add (self->queues, g_object_ref (queue));
  g_hash_table_insert (self->contacts, g_strdup (id),
                       g_array_new (FALSE, FALSE, sizeof (PulseForecastContact)));
}

/**
 * pulse_coverage_add_agent:
 * @agent: an agent who may serve the queues
 */
void
pulse_coverage_add_agent (PulseCoverage *self,
                          PulseAgent    *agent)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PULSE_IS_AGENT (agent));

  g_ptr_array_add (self->agents, g_object_ref (agent));
}

/**
 * pulse_coverage_add_shift:
 * @shift: a shift; one outside the range is ignored
 */
void
pulse_coverage_add_shift (PulseCoverage *self,
                          PulseShift    *shift)
{
  const char *agent_id;
  GPtrArray *shifts;

  g_return_if_fail (self != NULL);
  g_return_if_fail (PULSE_IS_SHIFT (shift));

  if (pulse_shift_get_ends_at (shift) <= self->request.from
      || pulse_shift_get_starts_at (shift) >= self->request.to)
    return;

  agent_id = pulse_shift_get_agent_id (shift);
  shifts = g_hash_table_lookup (self->shifts, agent_id);
  if (shifts == NULL)
    {
      shifts = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->shifts, g_strdup (agent_id), shifts);
    }
  g_ptr_array_add (shifts, g_object_ref (shift));
}

/**
 * pulse_coverage_add_status:
 * @agent_id: the agent
 * @since: when the agent took @status
 * @status: the status
 *
 * Adds one entry of the agent's status history. Pass the last entry at or
 * before the range's start and every later one before
 * pulse_coverage_get_until(), in any order.
 */
void
pulse_coverage_add_status (PulseCoverage    *self,
                           const char       *agent_id,
                           gint64            since,
                           PulseAgentStatus  status)
{
  PulseCoverageStatus entry = { since, status };
  GArray *history;

  g_return_if_fail (self != NULL);
  g_return_if_fail (agent_id != NULL);

  history = g_hash_table_lookup (self->history, agent_id);
  if (history == NULL)
    {
      history = g_array_new (FALSE, FALSE, sizeof (PulseCoverageStatus));
      g_hash_table_insert (self->history, g_strdup (agent_id), history);
    }
  g_array_append_val (history, entry);
}

/**
 * pulse_coverage_add_contact:
 * @queue_id: the queue the contact arrived in
 * @at: its arrival (ticket creation)
 * @handle_seconds: its handle time, or %PULSE_FORECAST_NO_HANDLE_TIME
 *
 * Adds one past contact: history for the forecasts, and an actual arrival
 * when it falls in an interval of the range.
 *
 * Returns: %TRUE if kept; %FALSE for a queue not added or a contact
 *   outside the bounds of #PulseForecastContact.
 */
gboolean
pulse_coverage_add_contact (PulseCoverage *self,
                            const char    *queue_id,
                            gint64         at,
                            int            handle_seconds)
{
  PulseForecastContact contact = { at, handle_seconds };
  GArray *contacts;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (queue_id != NULL, FALSE);

  contacts = g_hash_table_lookup (self->contacts, queue_id);
  if (contacts == NULL || at < 0 || at > PULSE_FORECAST_MAX_TIME
      || handle_seconds < PULSE_FORECAST_NO_HANDLE_TIME
      || handle_seconds > PULSE_TICKET_MAX_HANDLE_SECONDS)
    return FALSE;

  g_array_append_val (contacts, contact);
  return TRUE;
}

/**
 * pulse_coverage_dup_agent_ids:
 *
 * Call it once the queues and agents are in: the status history of the
 * others is not needed.
 *
 * Returns: (transfer full) (element-type utf8): the ids of the agents who
 *   serve one of the queues, in the order added.
 */
GPtrArray *
pulse_coverage_dup_agent_ids (PulseCoverage *self)
{
  GPtrArray *ids;

  g_return_val_if_fail (self != NULL, NULL);

  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint a = 0; a < self->agents->len; a++)
    {
      for (guint q = 0; q < self->queues->len; q++)
        {
          if (pulse_coverage_agent_serves (self->agents->pdata[a], self->queues->pdata[q]))
            {
              g_ptr_array_add (ids, g_strdup (pulse_agent_get_id (self->agents->pdata[a])));
              break;
            }
        }
    }

  return ids;
}
