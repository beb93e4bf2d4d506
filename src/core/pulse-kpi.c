/* pulse-kpi.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-kpi-private.h"
#include "pulse-ticket.h"

/**
 * PulseKpi:
 *
 * The KPI definitions of DESIGN.md in one incremental accumulator, shared
 * by the server's `/api/v1/metrics` and the console. Contacts (tickets)
 * and QA reviews are added, replaced and taken out one at a time, and
 * the result is always exactly what adding only the current ones would
 * give, so the console can follow the event stream in place.
 *
 * A contact counts when it was created in the window [from, to). Contacts
 * outside it may be added too: they are never counted, but a contact in
 * the 7 days after `to` is what makes a contact in the window a repeat.
 * Add them, or the last week's FCR reads too high.
 *
 * Definitions at the edges:
 *
 * - First response time: first human (agent) reply minus creation;
 *   contacts without one are left out. Median and 90th percentile by
 *   linear interpolation (pulse_sorted_bag_get_percentile()).
 * - Service level: of the contacts in a queue with a known target, those
 *   whose first human reply came within the target, over those answered
 *   (in time or late), abandoned without a human reply, and still waiting
 *   for longer than the target at `now`. Automated contacts, contacts
 *   closed or resolved without any human reply (spam, merged) and
 *   contacts waiting less than the target are left out.
 * - CSAT, NPS, CES: one rating of each kind per contact, the latest.
 * - Repeat-contact rate: of the contacts (with a customer) whose 7 days
 *   after have passed by `now`, the share whose customer contacted again
 *   within 7 days (any queue or channel, in the data or not in the
 *   window). Contacts of the last 7 days before `now` are not measured
 *   yet: counting them would read as "no repeat" what is only unknown.
 * - FCR: each customer once, on their first contact in the window, and in
 *   the group of that contact; measured like the repeat rate, once its 7
 *   days have passed: FCR = share not repeated. A `now` of %G_MAXINT64
 *   counts what is known instead.
 * - Automation share: pulse_ticket_is_automated() over contacts.
 * - Interactions per application: contacts over the applications given
 *   with pulse_kpi_set_applications() for the same key.
 * - QA score: the mean stored score of submitted reviews created in the
 *   window; by agent and team through the reviewed agent, by queue,
 *   channel and country through the reviewed ticket when it is added.
 * - Handle time: the agents' total handling time the helpdesk reports
 *   (pulse_ticket_get_handle_seconds()), mean and median (linear
 *   interpolation) over the contacts that have one. Automated contacts
 *   and contacts abandoned before any human reply are left out: no
 *   agent handled them, whatever the helpdesk reports.
 *
 * Contacts without a group key (no assignee, an agent without a team, a
 * queue without a country) are in the total and the "ungrouped" summary.
 */
G_DEFINE_FINAL_TYPE (PulseKpi, pulse_kpi, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GROUP,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
_pulse_kpi_intern (PulseKpi   *self,
                   const char *string)
{
  char *interned;

  if (string == NULL)
    return NULL;

  interned = g_hash_table_lookup (self->strings, string);
  if (interned == NULL)
    {
      interned = g_strdup (string);
      g_hash_table_add (self->strings, interned);
    }

  return interned;
}

static void
remove_entry (PulseKpi      *self,
              PulseKpiEntry *entry)
{
  g_autofree char *id = g_strdup (entry->id);

  _pulse_kpi_entry_detach (self, entry);
  _pulse_kpi_follow_remove (self, entry);
  g_hash_table_remove (self->entries, id);
  _pulse_kpi_refresh_ticket_reviews (self, id);
}

/* Moves the contacts of @queue_id or @assignee_id to the buckets (and
 * service-level classes) the lookups give now. */
static void
refresh_entries (PulseKpi   *self,
                 const char *queue_id,
                 const char *assignee_id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PulseKpiEntry *entry = value;

      if ((queue_id != NULL && g_strcmp0 (entry->queue_id, queue_id) == 0)
          || (assignee_id != NULL && g_strcmp0 (entry->assignee_id, assignee_id) == 0))
        {
          _pulse_kpi_entry_detach (self, entry);
          _pulse_kpi_entry_attach (self, entry);
          if (self->group == PULSE_KPI_GROUP_COUNTRY)
            _pulse_kpi_refresh_ticket_reviews (self, entry->id);
        }
    }
}

static void
pulse_kpi_finalize (GObject *object)
{
  PulseKpi *self = (PulseKpi *)object;

  g_clear_pointer (&self->reviews_by_ticket, g_hash_table_unref);
  g_clear_pointer (&self->reviews, g_hash_table_unref);
  g_clear_pointer (&self->customers, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->buckets, g_hash_table_unref);
  g_clear_pointer (&self->total, _pulse_kpi_bucket_free);
  g_clear_pointer (&self->ungrouped, _pulse_kpi_bucket_free);
  g_clear_pointer (&self->applications, g_hash_table_unref);
  g_clear_pointer (&self->teams, g_hash_table_unref);
  g_clear_pointer (&self->queues, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_hash_table_unref);

  G_OBJECT_CLASS (pulse_kpi_parent_class)->finalize (object);
}

static void
pulse_kpi_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PulseKpi *self = PULSE_KPI (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_enum (value, self->group);
      break;
    case PROP_FROM:
      g_value_set_int64 (value, self->from);
      break;
    case PROP_TO:
      g_value_set_int64 (value, self->to);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_kpi_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PulseKpi *self = PULSE_KPI (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      self->group = g_value_get_enum (value);
      break;
    case PROP_FROM:
      self->from = g_value_get_int64 (value);
      break;
    case PROP_TO:
      self->to = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_kpi_class_init (PulseKpiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_kpi_finalize;
  object_class->get_property = pulse_kpi_get_property;
  object_class->set_property = pulse_kpi_set_property;

  properties[PROP_GROUP] =
    g_param_spec_enum ("group", NULL, NULL, PULSE_TYPE_KPI_GROUP, PULSE_KPI_GROUP_NONE, flags);
  properties[PROP_FROM] =
    g_param_spec_int64 ("from", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_TO] =
    g_param_spec_int64 ("to", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_kpi_init (PulseKpi *self)
{
  self->to = G_MAXINT64;
  self->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->queues = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->teams = g_hash_table_new (g_str_hash, g_str_equal);
  self->applications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->total_applications = -1;
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         _pulse_kpi_entry_free);
  self->customers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) _pulse_kpi_customer_free);
  self->reviews = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) _pulse_kpi_review_free);
  self->reviews_by_ticket = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) g_ptr_array_unref);
  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) _pulse_kpi_bucket_free);
  self->total = _pulse_kpi_bucket_new (NULL);
  self->ungrouped = _pulse_kpi_bucket_new (NULL);
}

/**
 * pulse_kpi_new:
 * @group: how to split the contacts
 * @from: the window's start, microseconds since the epoch, included
 * @to: the window's end, excluded; above @from
 *
 * Returns: (transfer full): an empty accumulator.
 */
PulseKpi *
pulse_kpi_new (PulseKpiGroup group,
               gint64        from,
               gint64        to)
{
  g_return_val_if_fail (from < to, NULL);

  return g_object_new (PULSE_TYPE_KPI, "group", group, "from", from, "to", to, NULL);
}

PulseKpiGroup
pulse_kpi_get_group (PulseKpi *self)
{
  g_return_val_if_fail (PULSE_IS_KPI (self), PULSE_KPI_GROUP_NONE);

  return self->group;
}

gint64
pulse_kpi_get_from (PulseKpi *self)
{
  g_return_val_if_fail (PULSE_IS_KPI (self), 0);

  return self->from;
}

gint64
pulse_kpi_get_to (PulseKpi *self)
{
  g_return_val_if_fail (PULSE_IS_KPI (self), 0);

  return self->to;
}

/**
 * pulse_kpi_set_queue:
 * @queue_id: a queue id
 * @country: (nullable): its country, the key of %PULSE_KPI_GROUP_COUNTRY
 * @sl_target_seconds: its service-level target; 0 or less when unknown,
 *   which leaves its contacts out of the service level
 *
 * Tells @self about a queue, before or after its contacts are added;
 * contacts already added move to the new country and target.
 */
void
pulse_kpi_set_queue (PulseKpi   *self,
                     const char *queue_id,
                     const char *country,
                     int         sl_target_seconds)
{
  PulseKpiQueueInfo *info;
  const char *key;
  gint64 target;

  g_return_if_fail (PULSE_IS_KPI (self));
  g_return_if_fail (queue_id != NULL);

  key = _pulse_kpi_intern (self, queue_id);
  target = sl_target_seconds > 0 ? (gint64) sl_target_seconds * G_USEC_PER_SEC : -1;
  info = g_hash_table_lookup (self->queues, key);
  if (info != NULL && g_strcmp0 (info->country, country) == 0 && info->sl_target == target)
    return;

  info = g_new0 (PulseKpiQueueInfo, 1);
  info->country = _pulse_kpi_intern (self, country);
  info->sl_target = target;
  g_hash_table_replace (self->queues, (gpointer) key, info);

  refresh_entries (self, key, NULL);
}

/**
 * pulse_kpi_set_agent_team:
 * @agent_id: an agent id
 * @team_id: (nullable): the agent's team, %NULL for none
 *
 * Tells @self which team an agent is in, the key of
 * %PULSE_KPI_GROUP_TEAM; contacts and reviews already added move.
 */
void
pulse_kpi_set_agent_team (PulseKpi   *self,
                          const char *agent_id,
                          const char *team_id)
{
  const char *key;
  const char *team;

  g_return_if_fail (PULSE_IS_KPI (self));
  g_return_if_fail (agent_id != NULL);

  key = _pulse_kpi_intern (self, agent_id);
  team = _pulse_kpi_intern (self, team_id);
  if (g_hash_table_lookup (self->teams, key) == team)
    return;

  if (team != NULL)
    g_hash_table_replace (self->teams, (gpointer) key, (gpointer) team);
  else
    g_hash_table_remove (self->teams, key);

  if (self->group == PULSE_KPI_GROUP_TEAM)
    {
      refresh_entries (self, NULL, key);
      _pulse_kpi_refresh_agent_reviews (self, key);
    }
}

/**
 * pulse_kpi_set_applications:
 * @key: (nullable): a group key, or %NULL for the total
 * @applications: loan applications in the same period; below 0 forgets
 *   the figure
 *
 * Gives the denominator of interactions per application.
 */
void
pulse_kpi_set_applications (PulseKpi   *self,
                            const char *key,
                            gint64      applications)
{
  g_return_if_fail (PULSE_IS_KPI (self));

  applications = MAX (applications, -1);
  if (key == NULL)
    self->total_applications = applications;
  else if (applications < 0)
    g_hash_table_remove (self->applications, key);
  else
    g_hash_table_replace (self->applications, g_strdup (key), g_memdup2 (&applications,
                                                                         sizeof applications));
}

/**
 * pulse_kpi_add_contact:
 * @contact: the contact; its id replaces any contact added before
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming the
 *   field at fault
 *
 * Adds a contact, or replaces the one with the same id: the figures are
 * then exactly those of adding only the new version.
 *
 * Returns: %TRUE on success; on error nothing changes.
 */
gboolean
pulse_kpi_add_contact (PulseKpi               *self,
                       const PulseKpiContact  *contact,
                       GError                **error)
{
  PulseKpiEntry *entry;

  g_return_val_if_fail (PULSE_IS_KPI (self), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);

  if (!_pulse_kpi_contact_check (contact, error))
    return FALSE;

  entry = g_hash_table_lookup (self->entries, contact->id);
  if (entry != NULL)
    remove_entry (self, entry);

  entry = _pulse_kpi_entry_new (self, contact);
  g_hash_table_insert (self->entries, entry->id, entry);
  _pulse_kpi_follow_insert (self, entry, contact->customer_id);
  _pulse_kpi_entry_attach (self, entry);
  _pulse_kpi_refresh_ticket_reviews (self, entry->id);
  return TRUE;
}

/**
 * pulse_kpi_add_ticket:
 * @ticket: a ticket; @self keeps only what it needs, not @ticket
 *
 * Adds @ticket, or replaces the version added before, as
 * pulse_kpi_contact_init_from_ticket() reads it.
 */
void
pulse_kpi_add_ticket (PulseKpi    *self,
                      PulseTicket *ticket)
{
  g_autoptr(GError) error = NULL;
  PulseKpiContact contact;

  g_return_if_fail (PULSE_IS_KPI (self));
  g_return_if_fail (PULSE_IS_TICKET (ticket));

  pulse_kpi_contact_init_from_ticket (&contact, ticket);
  if (!pulse_kpi_add_contact (self, &contact, &error))
    g_critical ("Ticket %s left out of the KPIs: %s", contact.id, error->message);
}

/**
 * pulse_kpi_remove_ticket:
 * @ticket_id: the id of a ticket added before
 *
 * Takes a contact out, as if it had never been added.
 *
 * Returns: %TRUE if it was there.
 */
gboolean
pulse_kpi_remove_ticket (PulseKpi   *self,
                         const char *ticket_id)
{
  PulseKpiEntry *entry;

  g_return_val_if_fail (PULSE_IS_KPI (self), FALSE);
  g_return_val_if_fail (ticket_id != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, ticket_id);
  if (entry == NULL)
    return FALSE;

  remove_entry (self, entry);
  return TRUE;
}

/**
 * pulse_kpi_get_n_tickets:
 *
 * Returns: how many contacts @self holds, in the window or not.
 */
guint
pulse_kpi_get_n_tickets (PulseKpi *self)
{
  g_return_val_if_fail (PULSE_IS_KPI (self), 0);

  return g_hash_table_size (self->entries);
}
