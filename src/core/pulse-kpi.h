/* pulse-kpi.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-kpi-summary.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_KPI (pulse_kpi_get_type ())

/* How long after a contact another one of the same customer counts as a
 * repeat (FCR and repeat-contact rate): 7 days. */
#define PULSE_KPI_FOLLOW_UP_USEC (7 * G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

/* The value of a #PulseKpiContact rating field that has no rating. */
#define PULSE_KPI_NO_RATING (-1)

/* The handle_seconds of a #PulseKpiContact whose handle time is unknown;
 * the same as %PULSE_TICKET_HANDLE_UNKNOWN. */
#define PULSE_KPI_NO_HANDLE_TIME (-1)

/**
 * PulseKpiGroup:
 * @PULSE_KPI_GROUP_NONE: the total only
 * @PULSE_KPI_GROUP_AGENT: by assignee
 * @PULSE_KPI_GROUP_TEAM: by the assignee's team
 * @PULSE_KPI_GROUP_QUEUE: by queue
 * @PULSE_KPI_GROUP_CHANNEL: by channel (its wire nick, "chat")
 * @PULSE_KPI_GROUP_COUNTRY: by the queue's country
 *
 * How a #PulseKpi splits its contacts. The nick is the `group` parameter
 * of `/api/v1/metrics`.
 */
typedef enum
{
  PULSE_KPI_GROUP_NONE,
  PULSE_KPI_GROUP_AGENT,
  PULSE_KPI_GROUP_TEAM,
  PULSE_KPI_GROUP_QUEUE,
  PULSE_KPI_GROUP_CHANNEL,
  PULSE_KPI_GROUP_COUNTRY,
} PulseKpiGroup;

/**
 * PulseKpiContact:
 * @id: the ticket id, unique; adding an id again replaces the old contact
 * @customer_id: (nullable): who contacted; %NULL leaves the contact out of
 *   FCR and the repeat-contact rate
 * @queue_id: (nullable): the queue; %NULL (or a queue never given to
 *   pulse_kpi_set_queue()) leaves it out of the service level
 * @assignee_id: (nullable): the agent
 * @channel: the channel
 * @status: the ticket status
 * @created_at: creation, microseconds since the epoch
 * @first_response_at: the first human reply, or 0 if none
 * @automated: closed by a rule or bot with no human reply
 * @handle_seconds: the agents' total handling time in seconds,
 *   0…%PULSE_TICKET_MAX_HANDLE_SECONDS, or %PULSE_KPI_NO_HANDLE_TIME
 * @csat: the CSAT score 1…5, or %PULSE_KPI_NO_RATING
 * @nps: the NPS score 0…10, or %PULSE_KPI_NO_RATING
 * @ces: the CES score 1…7, or %PULSE_KPI_NO_RATING
 *
 * What the KPIs need of one ticket. pulse_kpi_contact_init_from_ticket()
 * fills it from a #PulseTicket; the server may fill it from its rows.
 * Strings are borrowed.
 */
typedef struct
{
  const char        *id;
  const char        *customer_id;
  const char        *queue_id;
  const char        *assignee_id;
  PulseChannelKind   channel;
  PulseTicketStatus  status;
  gint64             created_at;
  gint64             first_response_at;
  gboolean           automated;
  int                handle_seconds;
  int                csat;
  int                nps;
  int                ces;
} PulseKpiContact;

G_DECLARE_FINAL_TYPE (PulseKpi, pulse_kpi, PULSE, KPI, GObject)

void              pulse_kpi_contact_init              (PulseKpiContact       *contact);
void              pulse_kpi_contact_init_from_ticket  (PulseKpiContact       *contact,
                                                       PulseTicket           *ticket);

PulseKpi         *pulse_kpi_new                       (PulseKpiGroup          group,
                                                       gint64                 from,
                                                       gint64                 to);
PulseKpiGroup     pulse_kpi_get_group                 (PulseKpi              *self);
gint64            pulse_kpi_get_from                  (PulseKpi              *self);
gint64            pulse_kpi_get_to                    (PulseKpi              *self);
void              pulse_kpi_set_queue                 (PulseKpi              *self,
                                                       const char            *queue_id,
                                                       const char            *country,
                                                       int                    sl_target_seconds);
void              pulse_kpi_set_agent_team            (PulseKpi              *self,
                                                       const char            *agent_id,
                                                       const char            *team_id);
void              pulse_kpi_set_applications          (PulseKpi              *self,
                                                       const char            *key,
                                                       gint64                 applications);
gboolean          pulse_kpi_add_contact               (PulseKpi              *self,
                                                       const PulseKpiContact *contact,
                                                       GError               **error);
void              pulse_kpi_add_ticket                (PulseKpi              *self,
                                                       PulseTicket           *ticket);
gboolean          pulse_kpi_remove_ticket             (PulseKpi              *self,
                                                       const char            *ticket_id);
void              pulse_kpi_add_review                (PulseKpi              *self,
                                                       PulseReviewSample     *sample);
gboolean          pulse_kpi_remove_review             (PulseKpi              *self,
                                                       const char            *sample_id);
guint             pulse_kpi_get_n_tickets             (PulseKpi              *self);
GStrv             pulse_kpi_dup_keys                  (PulseKpi              *self);
PulseKpiSummary  *pulse_kpi_dup_summary               (PulseKpi              *self,
                                                       const char            *key,
                                                       gint64                 now);
PulseKpiSummary  *pulse_kpi_dup_ungrouped             (PulseKpi              *self,
                                                       gint64                 now);
JsonNode         *pulse_kpi_to_json                   (PulseKpi              *self,
                                                       gint64                 now);

G_END_DECLS
