/* pulse-queue-load.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-agent.h"
#include "pulse-queue.h"
#include "pulse-ticket.h"

G_BEGIN_DECLS

/**
 * PulseQueueLoad:
 * @waiting: contacts in the queue that no human has answered yet and
 *   that are still open (new or open: not pending, solved or abandoned)
 * @oldest_since: when the longest-waiting of them came in, µs since the
 *   epoch; 0 when none waits
 * @incoming_last_hour: contacts created in the hour before now
 * @agents_online: agents signed in (available, busy or after call) who
 *   serve the queue's channel and language
 * @agents_available: of those, the ones free to take a contact now
 *
 * What a queue holds right now, from the open tickets and the agents'
 * status: the live half of a queue's row. The period's figures (service
 * level, abandoned) come from the KPIs.
 */
typedef struct
{
  guint  waiting;
  gint64 oldest_since;
  guint  incoming_last_hour;
  guint  agents_online;
  guint  agents_available;
} PulseQueueLoad;

gboolean    pulse_queue_load_is_waiting    (PulseTicket *ticket);
gboolean    pulse_queue_load_agent_serves  (PulseAgent  *agent,
                                            PulseQueue  *queue);
GHashTable *pulse_queue_load_compute       (GListModel  *queues,
                                            GListModel  *agents,
                                            GListModel  *tickets,
                                            gint64       now);
GHashTable *pulse_queue_load_table_new     (GListModel  *queues);
void        pulse_queue_load_count_agents  (GHashTable  *loads,
                                            GListModel  *queues,
                                            GListModel  *agents);

G_END_DECLS
