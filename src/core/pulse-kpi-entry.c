/* pulse-kpi-entry.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One contact of a #PulseKpi: what it is derived to from a
 * #PulseKpiContact, which group it falls in, and attaching it to (and
 * detaching it from) the total and its group's bucket.
 */

#include "config.h"

#include <string.h>

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-kpi-private.h"

static const char *
key_for (PulseKpi         *self,
         const char       *queue_id,
         const char       *assignee_id,
         PulseChannelKind  channel)
{
  PulseKpiQueueInfo *info;

  switch (self->group)
    {
    case PULSE_KPI_GROUP_AGENT:
      return assignee_id;
    case PULSE_KPI_GROUP_TEAM:
      return assignee_id != NULL ? g_hash_table_lookup (self->teams, assignee_id) : NULL;
    case PULSE_KPI_GROUP_QUEUE:
      return queue_id;
    case PULSE_KPI_GROUP_CHANNEL:
      return pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, channel);
    case PULSE_KPI_GROUP_COUNTRY:
      info = queue_id != NULL ? g_hash_table_lookup (self->queues, queue_id) : NULL;
      return info != NULL ? info->country : NULL;
    case PULSE_KPI_GROUP_NONE:
    default:
      return NULL;
    }
}

const char *
_pulse_kpi_entry_key (PulseKpi      *self,
                      PulseKpiEntry *entry)
{
  return key_for (self, entry->queue_id, entry->assignee_id, entry->channel);
}

/* The bucket of @key, made on demand and counted once more; NULL when the
 * accumulator keeps only the total. */
PulseKpiBucket *
_pulse_kpi_bucket_attach (PulseKpi   *self,
                          const char *key)
{
  PulseKpiBucket *bucket;

  if (self->group == PULSE_KPI_GROUP_NONE)
    return NULL;

  if (key == NULL)
    bucket = self->ungrouped;
  else if ((bucket = g_hash_table_lookup (self->buckets, key)) == NULL)
    {
      bucket = _pulse_kpi_bucket_new (key);
      g_hash_table_insert (self->buckets, bucket->key, bucket);
    }

  bucket->refs++;
  return bucket;
}

/* A group with nothing left in it goes, so the keys are the same as if
 * its contacts had never been added. */
void
_pulse_kpi_bucket_detach (PulseKpi       *self,
                          PulseKpiBucket *bucket)
{
  if (bucket == NULL)
    return;

  g_assert_cmpuint (bucket->refs, >, 0);
  bucket->refs--;
  if (bucket->refs == 0 && bucket != self->ungrouped)
    g_hash_table_remove (self->buckets, bucket->key);
}

static void
derive_service_level (PulseKpi      *self,
                      PulseKpiEntry *entry)
{
  PulseKpiQueueInfo *info = NULL;
  gint64 target;

  if (entry->queue_id != NULL)
    info = g_hash_table_lookup (self->queues, entry->queue_id);
  target = info != NULL ? info->sl_target : -1;

  entry->sl_class = PULSE_KPI_SL_NONE;
  entry->sl_deadline = 0;
  if (target < 0 || entry->automated)
    return;

  if (entry->first_response >= 0)
    entry->sl_class = entry->first_response <= target ? PULSE_KPI_SL_MET : PULSE_KPI_SL_MISSED;
  else if (entry->status == PULSE_TICKET_STATUS_ABANDONED)
    entry->sl_class = PULSE_KPI_SL_MISSED;
  else if (entry->status != PULSE_TICKET_STATUS_RESOLVED
           && entry->status != PULSE_TICKET_STATUS_CLOSED)
    {
      entry->sl_class = PULSE_KPI_SL_WAITING;
      entry->sl_deadline = entry->created_at + target;
    }
}

void
_pulse_kpi_apply_follow_up (PulseKpi      *self,
                            PulseKpiEntry *entry,
                            int            sign)
{
  if (!entry->attached)
    return;

  _pulse_kpi_bucket_apply_follow_up (self->total, entry, sign);
  if (entry->bucket != NULL)
    _pulse_kpi_bucket_apply_follow_up (entry->bucket, entry, sign);
}

void
_pulse_kpi_entry_attach (PulseKpi      *self,
                         PulseKpiEntry *entry)
{
  g_assert_false (entry->attached);
  if (!entry->in_window)
    return;

  derive_service_level (self, entry);
  entry->bucket = _pulse_kpi_bucket_attach (self, _pulse_kpi_entry_key (self, entry));
  entry->attached = TRUE;

  _pulse_kpi_bucket_apply_entry (self->total, entry, +1);
  if (entry->bucket != NULL)
    _pulse_kpi_bucket_apply_entry (entry->bucket, entry, +1);
  _pulse_kpi_apply_follow_up (self, entry, +1);
}

void
_pulse_kpi_entry_detach (PulseKpi      *self,
                         PulseKpiEntry *entry)
{
  if (!entry->attached)
    return;

  _pulse_kpi_apply_follow_up (self, entry, -1);
  _pulse_kpi_bucket_apply_entry (self->total, entry, -1);
  if (entry->bucket != NULL)
    _pulse_kpi_bucket_apply_entry (entry->bucket, entry, -1);

  _pulse_kpi_bucket_detach (self, entry->bucket);
  entry->bucket = NULL;
  entry->attached = FALSE;
}

void
_pulse_kpi_entry_free (gpointer data)
{
  g_free (data);
}

PulseKpiEntry *
_pulse_kpi_entry_new (PulseKpi              *self,
                      const PulseKpiContact *contact)
{
  gsize id_size = strlen (contact->id) + 1;
  PulseKpiEntry *entry;

  /* The id lives in the same block: 630,000 contacts, one allocation each. */
  entry = g_malloc0 (sizeof (PulseKpiEntry) + id_size);
  entry->id = (char *) (entry + 1);
  memcpy (entry->id, contact->id, id_size);
  entry->queue_id = _pulse_kpi_intern (self, contact->queue_id);
  entry->assignee_id = _pulse_kpi_intern (self, contact->assignee_id);
  entry->channel = contact->channel;
  entry->status = contact->status;
  entry->created_at = contact->created_at;
  /* A reply stamped before creation (clocks of two systems) is immediate. */
  entry->first_response = contact->first_response_at > 0
                          ? MAX (0, contact->first_response_at - contact->created_at) : -1;
  /* Automated contacts had no agent, and one abandoned before any human
   * reply never reached one: a 0 reported for either would pull the
   * mean down and understaff the queue. */
  entry->handle_seconds = contact->handle_seconds;
  if (contact->automated
      || (contact->status == PULSE_TICKET_STATUS_ABANDONED && entry->first_response < 0))
    entry->handle_seconds = PULSE_KPI_NO_HANDLE_TIME;
  entry->csat = contact->csat;
  entry->nps = contact->nps;
  entry->ces = contact->ces;
  entry->automated = contact->automated != FALSE;
  entry->in_window = contact->created_at >= self->from && contact->created_at < self->to;
  return entry;
}
