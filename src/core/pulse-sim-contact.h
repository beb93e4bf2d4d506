/* pulse-sim-contact.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One simulated contact, its whole life decided when it is generated:
 * who writes what and when, who answers, how it ends, how it is rated.
 * pulse_sim_contact_to_json() gives the ticket as a helpdesk would send
 * it at any instant of that life.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-sim-model.h"

G_BEGIN_DECLS

typedef enum
{
  PULSE_SIM_OUTCOME_HUMAN,
  PULSE_SIM_OUTCOME_RULE,
  PULSE_SIM_OUTCOME_BOT,
  PULSE_SIM_OUTCOME_ABANDONED,
} PulseSimOutcome;

#define PULSE_SIM_MAX_MESSAGES 5
#define PULSE_SIM_MAX_RATINGS  3
#define PULSE_SIM_MAX_STEPS    (PULSE_SIM_MAX_MESSAGES + PULSE_SIM_MAX_RATINGS + 2)

typedef struct
{
  gint64           at;
  PulseAuthorKind  author;
  int              agent;          /* index, or -1 */
  const char      *body;           /* borrowed from the configuration */
} PulseSimMessage;

typedef struct
{
  PulseRatingKind  kind;
  int              score;
  gint64           at;
} PulseSimRating;

typedef struct
{
  char             id[40];
  guint            queue;
  guint            stream;
  guint            category;
  const char      *language;       /* borrowed */
  const char      *subject;        /* borrowed */
  guint64          customer;
  gint64           created_at;
  PulseSimOutcome  outcome;
  gboolean         incident;
  int              agent;          /* who answers, or -1 */
  gint64           answered_at;    /* the first reply (agent or bot), or 0 */
  gint64           ended_at;       /* resolved, or abandoned */
  int              handle_seconds;
  guint            n_messages;
  PulseSimMessage  messages[PULSE_SIM_MAX_MESSAGES];
  guint            n_ratings;
  PulseSimRating   ratings[PULSE_SIM_MAX_RATINGS];
} PulseSimContact;

GArray   *pulse_sim_model_contacts_in_hour (PulseSimModel         *model,
                                            gint64                 hour);
guint     pulse_sim_contact_get_steps      (const PulseSimContact *contact,
                                            gint64                *times);
JsonNode *pulse_sim_contact_to_json        (PulseSimModel         *model,
                                            const PulseSimContact *contact,
                                            gint64                 as_of);
char     *pulse_sim_model_dup_customer_id  (PulseSimModel         *model,
                                            const PulseSimContact *contact);
gboolean  pulse_sim_model_speaks           (PulseSimModel         *model,
                                            guint                  agent,
                                            const char            *language);
gint64    pulse_sim_model_next_on_line     (PulseSimModel         *model,
                                            guint                  agent,
                                            gint64                 from);

G_END_DECLS
