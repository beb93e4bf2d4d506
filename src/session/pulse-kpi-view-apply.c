/* pulse-kpi-view-apply.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #PulseKpiView following its state: rebuilt from a whole state, then
 * kept by each change, and its figures read out.
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-kpi-view-private.h"
#include "pulse-queue.h"
#include "pulse-review-sample.h"
#include "pulse-ticket-memo.h"
#include "pulse-time-utils.h"

typedef void (*ItemFunc) (PulseKpiView *self,
                          JsonNode     *node);

void
_pulse_kpi_view_day_free (PulseKpiViewDay *day)
{
  if (day == NULL)
    return;

  g_free (day->country);
  g_free (day);
}

/* Only contacts created in the window or the 7 days after it can count:
 * the later ones decide whether a contact in the window was repeated.
 * Earlier ones change no contact figure. The server's metrics leave them
 * out too, so a review of one has no queue, channel or country there
 * either. */
static gboolean
wants (PulseKpiView *self,
       gint64        created_at)
{
  return created_at >= self->from
         && (created_at < self->to || created_at - self->to < PULSE_KPI_FOLLOW_UP_USEC);
}

/* Adds @ticket, or takes its earlier version out when it no longer
 * belongs. A history ticket the state holds is left alone: the state's
 * version is in already, and is the live one. Returns TRUE if added. */
gboolean
_pulse_kpi_view_add_ticket (PulseKpiView *self,
                            PulseTicket  *ticket,
                            gboolean      history)
{
  const char *id = pulse_ticket_get_id (ticket);

  if (history && self->state != NULL
      && pulse_state_lookup (self->state, PULSE_STATE_KIND_TICKET, id) != NULL)
    return FALSE;

  if (!wants (self, pulse_ticket_get_created_at (ticket)))
    {
      pulse_kpi_remove_ticket (self->kpi, id);
      return FALSE;
    }

  pulse_kpi_add_ticket (self->kpi, ticket);
  return TRUE;
}

/* The state decoded every item before it took it; a failure here is a
 * bug, reported rather than hidden. */
static GObject *
decode (JsonNode  *node,
        GObject   *(*decode_func) (JsonNode *, GError **),
        const char *what)
{
  g_autoptr(GError) error = NULL;
  GObject *object = decode_func (node, &error);

  if (object == NULL)
    g_critical ("KPI view: a %s cannot be read: %s", what, error->message);

  return object;
}

#define DECODE(node, func, what) \
  decode (node, (GObject *(*) (JsonNode *, GError **)) (void (*) (void)) (func), what)

static void
put_queue (PulseKpiView *self,
           JsonNode     *node)
{
  g_autoptr(GObject) object = DECODE (node, pulse_queue_new_from_json, "queue");
  PulseQueue *queue = (PulseQueue *) object;

  if (queue != NULL)
    pulse_kpi_set_queue (self->kpi, pulse_queue_get_id (queue), pulse_queue_get_country (queue),
                         pulse_queue_get_sl_target_seconds (queue));
}

static void
put_agent (PulseKpiView *self,
           JsonNode     *node)
{
  g_autoptr(GObject) object = DECODE (node, pulse_agent_new_from_json, "agent");
  PulseAgent *agent = (PulseAgent *) object;

  if (agent != NULL)
    pulse_kpi_set_agent_team (self->kpi, pulse_agent_get_id (agent),
                              pulse_agent_get_team_id (agent));
}

static void
put_review (PulseKpiView *self,
            JsonNode     *node)
{
  g_autoptr(GObject) object = DECODE (node, pulse_review_sample_new_from_json, "review");

  if (object != NULL)
    pulse_kpi_add_review (self->kpi, PULSE_REVIEW_SAMPLE (object));
}

static void
put_ticket (PulseKpiView *self,
            JsonNode     *node)
{
  g_autoptr(GObject) object = DECODE (node, pulse_ticket_memo_decode, "ticket");

  if (object != NULL)
    _pulse_kpi_view_add_ticket (self, PULSE_TICKET (object), FALSE);
}

/* `{"date","country","count"}` under "date/country", last write wins. */
static void
put_day (PulseKpiView *self,
         JsonNode     *node)
{
  JsonObject *object = json_node_get_object (node);
  const char *date = json_object_get_string_member (object, "date");
  const char *country = json_object_get_string_member (object, "country");
  g_autofree char *midnight = g_strconcat (date, "T00:00:00Z", NULL);
  PulseKpiViewDay *day = g_new0 (PulseKpiViewDay, 1);

  pulse_time_parse (midnight, &day->day);
  day->country = g_strdup (country);
  day->count = json_object_get_int_member (object, "count");
  g_hash_table_replace (self->applications, g_strconcat (date, "/", country, NULL), day);
}

/* Each item of @kind in the view's state, or none without one. Read at
 * each rebuild rather than kept in a copy: the view has followed every
 * change of its state, so the state's items are what it counts. */
static void
put_each (PulseKpiView   *self,
          PulseStateKind  kind,
          ItemFunc        func)
{
  g_autoptr(GPtrArray) items = NULL;

  if (self->state == NULL)
    return;

  items = pulse_state_list_items (self->state, kind);
  for (guint i = 0; i < items->len; i++)
    func (self, items->pdata[i]);
}

/* The state's applications per day and country, which the window sums. */
void
_pulse_kpi_view_load_applications (PulseKpiView *self)
{
  g_autoptr(GPtrArray) days = NULL;

  g_hash_table_remove_all (self->applications);
  if (self->state == NULL)
    return;

  days = pulse_state_list_items (self->state, PULSE_STATE_KIND_APPLICATIONS);
  for (guint i = 0; i < days->len; i++)
    put_day (self, days->pdata[i]);
}

/* The applications of the UTC days that begin in the window, as the
 * server's metrics count them: their sum for the total, per country for
 * the country group. A key with no day stays unknown (-1). */
void
_pulse_kpi_view_push_applications (PulseKpiView *self)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;
  gint64 total = -1;

  g_hash_table_iter_init (&iter, self->applications);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PulseKpiViewDay *day = value;
      gint64 *sum;

      if (day->day < self->from || day->day >= self->to)
        continue;
      if ((sum = g_hash_table_lookup (sums, day->country)) == NULL)
        g_hash_table_insert (sums, day->country, (sum = g_new0 (gint64, 1)));
      *sum += day->count;
      total = MAX (total, 0) + day->count;
    }

  pulse_kpi_set_applications (self->kpi, NULL, total);
  if (self->group != PULSE_KPI_GROUP_COUNTRY)
    return;

  g_hash_table_iter_init (&iter, self->country_keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (sums, key))
      pulse_kpi_set_applications (self->kpi, key, -1);
  g_hash_table_remove_all (self->country_keys);

  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      pulse_kpi_set_applications (self->kpi, key, *(gint64 *) value);
      g_hash_table_add (self->country_keys, g_strdup (key));
    }
}

/**
 * _pulse_kpi_view_rebuild:
 *
 * Counts everything again for the window in force: lookups first (a
 * queue given after its contacts would move every one of them), then
 * applications and reviews at once; the tickets, the state's and the
 * history's, come in idle slices (pulse-kpi-view-fill.c).
 */
void
_pulse_kpi_view_rebuild (PulseKpiView *self)
{
  /* The new state's idle rebuilds with the window and grouping it finds. */
  if (self->reset_waiting)
    return;

  _pulse_kpi_view_feed_stop (self);
  _pulse_kpi_view_drop_kpi (g_steal_pointer (&self->kpi));
  self->kpi = pulse_kpi_new (self->group, self->from, self->to);
  g_hash_table_remove_all (self->country_keys);

  put_each (self, PULSE_STATE_KIND_QUEUE, put_queue);
  put_each (self, PULSE_STATE_KIND_AGENT, put_agent);
  put_each (self, PULSE_STATE_KIND_REVIEW, put_review);
  _pulse_kpi_view_push_applications (self);

  /* With a state, the fill's first slice tells of the change. */
  _pulse_kpi_view_set_history_state (self, self->cache == NULL && self->state == NULL, 0);
  if (self->state != NULL)
    _pulse_kpi_view_feed_start (self);
  else
    _pulse_kpi_view_schedule_changed (self);
}

/* A ticket of the state at the last rebuild, unless it changed since:
 * pulse_kpi_view_apply() added the new version then. */
gboolean
_pulse_kpi_view_add_state_node (PulseKpiView *self,
                                JsonNode     *node)
{
  JsonObject *object = json_node_get_object (node);
  const char *id = json_object_get_string_member (object, "id");
  gint64 created_at = 0;

  if (self->state == NULL || pulse_state_lookup (self->state, PULSE_STATE_KIND_TICKET, id) != node)
    return FALSE;

  /* Cheaper than decoding what cannot count. */
  if (pulse_time_parse (json_object_get_string_member (object, "created_at"), &created_at)
      && !wants (self, created_at))
    return FALSE;

  put_ticket (self, node);
  return TRUE;
}

static void
apply_ticket (PulseKpiView           *self,
              const PulseStateChange *change)
{
  if (change->action == PULSE_STATE_ACTION_DELETED)
    pulse_kpi_remove_ticket (self->kpi, change->id);
  else
    put_ticket (self, change->item);
}

static void
apply_review (PulseKpiView           *self,
              const PulseStateChange *change)
{
  if (change->action == PULSE_STATE_ACTION_DELETED)
    pulse_kpi_remove_review (self->kpi, change->id);
  else
    put_review (self, change->item);
}

/**
 * pulse_kpi_view_apply:
 * @change: what pulse_state_apply() or pulse_state_put_ticket() reported
 *   for the state given to pulse_kpi_view_reset()
 *
 * Follows one change: a ticket is added or replaced (its old version
 * taken out), a review likewise, a queue or agent moves its contacts to
 * the country, target or team it has now, and a day's applications
 * change the interactions per application. Other changes are ignored.
 * `changed` follows in an idle.
 */
void
pulse_kpi_view_apply (PulseKpiView           *self,
                      const PulseStateChange *change)
{
  gboolean put;

  g_return_if_fail (PULSE_IS_KPI_VIEW (self));
  g_return_if_fail (change != NULL);

  if (self->reset_waiting)
    return;

  put = change->action == PULSE_STATE_ACTION_CREATED
        || change->action == PULSE_STATE_ACTION_UPDATED;
  if ((!put && change->action != PULSE_STATE_ACTION_DELETED) || change->id == NULL
      || (put && change->item == NULL))
    return;

  switch (change->kind)
    {
    case PULSE_STATE_KIND_TICKET:
      apply_ticket (self, change);
      break;
    case PULSE_STATE_KIND_REVIEW:
      apply_review (self, change);
      break;
    case PULSE_STATE_KIND_QUEUE:
      if (put)
        put_queue (self, change->item);
      break;
    case PULSE_STATE_KIND_AGENT:
      if (put)
        put_agent (self, change->item);
      break;
    case PULSE_STATE_KIND_APPLICATIONS:
      if (!put)
        return;
      put_day (self, change->item);
      _pulse_kpi_view_push_applications (self);
      break;
    default:
      return;
    }

  _pulse_kpi_view_schedule_changed (self);
}

/**
 * pulse_kpi_view_add_history_ticket:
 * @ticket: a ticket older than what the state holds, from the cache or
 *   `GET /api/v1/tickets`
 *
 * Adds a ticket of history from outside the view's own cache reads. It
 * is skipped when the state holds the ticket (the state's version is the
 * live one) or when it cannot count in the window. Such tickets are not
 * kept across a rebuild: after a new window, group or reset, give them
 * again (a view with a cache reads its history itself).
 */
void
pulse_kpi_view_add_history_ticket (PulseKpiView *self,
                                   PulseTicket  *ticket)
{
  g_return_if_fail (PULSE_IS_KPI_VIEW (self));
  g_return_if_fail (PULSE_IS_TICKET (ticket));

  if (_pulse_kpi_view_add_ticket (self, ticket, TRUE))
    _pulse_kpi_view_schedule_changed (self);
}

/**
 * pulse_kpi_view_dup_keys:
 *
 * Returns: (transfer full): the group keys with contacts or reviews,
 *   sorted; empty when ungrouped.
 */
GStrv
pulse_kpi_view_dup_keys (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), NULL);

  return pulse_kpi_dup_keys (self->kpi);
}

/**
 * pulse_kpi_view_dup_summary:
 * @key: (nullable): a group key, or %NULL for the total
 *
 * The figures at the view's clock (#PulseKpiView:now).
 *
 * Returns: (transfer full): the figures of @key; zero counts and no
 *   figures (NAN) for a key with nothing in it.
 */
PulseKpiSummary *
pulse_kpi_view_dup_summary (PulseKpiView *self,
                            const char   *key)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), NULL);

  return pulse_kpi_dup_summary (self->kpi, key, _pulse_kpi_view_get_clock (self));
}

/**
 * pulse_kpi_view_dup_ungrouped:
 *
 * Returns: (transfer full): the figures of the contacts and reviews
 *   without a group key (unassigned, an agent without a team …).
 */
PulseKpiSummary *
pulse_kpi_view_dup_ungrouped (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), NULL);

  return pulse_kpi_dup_ungrouped (self->kpi, _pulse_kpi_view_get_clock (self));
}

/**
 * pulse_kpi_view_to_json:
 *
 * Returns: (transfer full): the figures in the shape of
 *   `/api/v1/metrics` (pulse_kpi_to_json()), at the view's clock.
 */
JsonNode *
pulse_kpi_view_to_json (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), NULL);

  return pulse_kpi_to_json (self->kpi, _pulse_kpi_view_get_clock (self));
}
