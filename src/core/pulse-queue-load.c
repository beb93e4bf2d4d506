/* pulse-queue-load.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live load of each queue: who waits, since when, what came in the
 * last hour, and how many agents who can answer are signed in.
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-queue-load.h"

#define HOUR_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

/**
 * pulse_queue_load_is_waiting:
 * @ticket: a contact
 *
 * Whether @ticket waits for its first human answer: new or open, with no
 * agent reply yet. An automatic reply does not end the wait; a pending
 * ticket waits on the customer, not on us.
 *
 * Returns: %TRUE if it waits.
 */
gboolean
pulse_queue_load_is_waiting (PulseTicket *ticket)
{
  PulseTicketStatus status;

  g_return_val_if_fail (PULSE_IS_TICKET (ticket), FALSE);

  status = pulse_ticket_get_status (ticket);
  return (status == PULSE_TICKET_STATUS_NEW || status == PULSE_TICKET_STATUS_OPEN)
         && pulse_ticket_get_first_response_at (ticket) == 0;
}

static gboolean
is_signed_in (PulseAgentStatus status)
{
  return status == PULSE_AGENT_STATUS_AVAILABLE || status == PULSE_AGENT_STATUS_BUSY
         || status == PULSE_AGENT_STATUS_AFTER_CALL;
}

static gboolean
speaks (PulseAgent *agent,
        const char *language)
{
  const char * const *languages = pulse_agent_get_languages (agent);

  /* An agent or queue without languages stated takes anyone. */
  if (language == NULL || language[0] == '\0' || languages[0] == NULL)
    return TRUE;

  return g_strv_contains (languages, language);
}

/**
 * pulse_queue_load_agent_serves:
 * @agent: an agent
 * @queue: a queue
 *
 * Whether @agent can answer @queue's contacts: the queue's channel is
 * open to them (an agent with no channels listed takes all) and they
 * speak its language.
 *
 * Returns: %TRUE if so.
 */
gboolean
pulse_queue_load_agent_serves (PulseAgent *agent,
                               PulseQueue *queue)
{
  g_return_val_if_fail (PULSE_IS_AGENT (agent), FALSE);
  g_return_val_if_fail (PULSE_IS_QUEUE (queue), FALSE);

  return pulse_channel_set_contains (pulse_agent_get_channels (agent),
                                     pulse_queue_get_channel (queue))
         && speaks (agent, pulse_queue_get_language (queue));
}

static void
add_ticket (GHashTable  *loads,
            PulseTicket *ticket,
            gint64       now)
{
  PulseQueueLoad *load = g_hash_table_lookup (loads, pulse_ticket_get_queue_id (ticket));
  gint64 created_at = pulse_ticket_get_created_at (ticket);

  if (load == NULL)
    return;

  if (created_at <= now && now - created_at < HOUR_USEC)
    load->incoming_last_hour++;

  if (pulse_queue_load_is_waiting (ticket))
    {
      load->waiting++;
      if (load->oldest_since == 0 || created_at < load->oldest_since)
        load->oldest_since = created_at;
    }
}

static void
add_agent (GHashTable *loads,
           GListModel *queues,
           PulseAgent *agent)
{
  PulseAgentStatus status = pulse_agent_get_status (agent);
  guint n = g_list_model_get_n_items (queues);

  if (!is_signed_in (status))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueue) queue = g_list_model_get_item (queues, i);
      PulseQueueLoad *load;

      if (!pulse_queue_load_agent_serves (agent, queue))
        continue;

      load = g_hash_table_lookup (loads, pulse_queue_get_id (queue));
      load->agents_online++;
      if (status == PULSE_AGENT_STATUS_AVAILABLE)
        load->agents_available++;
    }
}

/**
 * pulse_queue_load_compute:
 * @queues: a #GListModel of #PulseQueue
 * @agents: a #GListModel of #PulseAgent
 * @tickets: a #GListModel of #PulseTicket: the open ones and those of the
 *   last hour at least
 * @now: the time the load is for, µs since the epoch
 *
 * Counts each queue's load in one pass over the tickets and one over the
 * agents × queues. Tickets of queues not in @queues are left out.
 *
 * Returns: (transfer full) (element-type utf8 PulseQueueLoad): the load
 *   of every queue of @queues, by queue id.
 */
GHashTable *
pulse_queue_load_compute (GListModel *queues,
                          GListModel *agents,
                          GListModel *tickets,
                          gint64      now)
{
  GHashTable *loads = pulse_queue_load_table_new (queues);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (agents), loads);
  g_return_val_if_fail (G_IS_LIST_MODEL (tickets), loads);

  n = g_list_model_get_n_items (tickets);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseTicket) ticket = g_list_model_get_item (tickets, i);

      add_ticket (loads, ticket, now);
    }

  pulse_queue_load_count_agents (loads, queues, agents);
  return loads;
}

/**
 * pulse_queue_load_table_new:
 * @queues: a #GListModel of #PulseQueue
 *
 * Returns: (transfer full) (element-type utf8 PulseQueueLoad): a load of
 *   zero for every queue of @queues, by queue id
 */
GHashTable *
pulse_queue_load_table_new (GListModel *queues)
{
  GHashTable *loads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (queues), loads);

  n = g_list_model_get_n_items (queues);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueue) queue = g_list_model_get_item (queues, i);

      g_hash_table_replace (loads, g_strdup (pulse_queue_get_id (queue)),
                            g_new0 (PulseQueueLoad, 1));
    }

  return loads;
}

/**
 * pulse_queue_load_count_agents:
 * @loads: (element-type utf8 PulseQueueLoad): the loads of @queues
 * @queues: a #GListModel of #PulseQueue
 * @agents: a #GListModel of #PulseAgent
 *
 * Adds to each queue's load the agents signed in who serve it, and those
 * of them available.
 */
void
pulse_queue_load_count_agents (GHashTable *loads,
                               GListModel *queues,
                               GListModel *agents)
{
  guint n;

  g_return_if_fail (loads != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (queues));
  g_return_if_fail (G_IS_LIST_MODEL (agents));

  n = g_list_model_get_n_items (agents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, i);

      add_agent (loads, queues, agent);
    }
}
