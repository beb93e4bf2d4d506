/* pulse-sim-contact-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A simulated contact as the ticket a helpdesk would report at some
 * instant of its life: the messages and ratings so far, the status then.
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-sim-contact.h"

/**
 * pulse_sim_model_dup_customer_id:
 *
 * Returns: (transfer full): "c-ua-004217", the customer's id.
 */
char *
pulse_sim_model_dup_customer_id (PulseSimModel         *model,
                                 const PulseSimContact *contact)
{
  const PulseSimQueue *queue = pulse_sim_model_get_queue (model, contact->queue);
  PulseSimCountry *country = pulse_sim_model_get_config (model)->countries->pdata[queue->country];

  return g_strdup_printf ("c-%c%c-%06" G_GUINT64_FORMAT, g_ascii_tolower (country->code[0]),
                          g_ascii_tolower (country->code[1]), contact->customer);
}

static PulseTicketStatus
status_at (const PulseSimContact *contact,
           gint64                 as_of)
{
  if (contact->outcome == PULSE_SIM_OUTCOME_ABANDONED)
    return as_of >= contact->ended_at ? PULSE_TICKET_STATUS_ABANDONED : PULSE_TICKET_STATUS_NEW;

  /* A rule's contact is sent new: the server's rules close it. */
  if (contact->outcome == PULSE_SIM_OUTCOME_RULE)
    return PULSE_TICKET_STATUS_NEW;

  if (as_of >= contact->ended_at)
    return PULSE_TICKET_STATUS_RESOLVED;
  if (contact->answered_at != 0 && as_of >= contact->answered_at)
    return PULSE_TICKET_STATUS_OPEN;

  return PULSE_TICKET_STATUS_NEW;
}

static void
add_messages (JsonBuilder           *builder,
              PulseSimModel         *model,
              const PulseSimContact *contact,
              gint64                 as_of)
{
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contact->n_messages; i++)
    {
      const PulseSimMessage *message = &contact->messages[i];
      char id[16];

      if (message->at > as_of)
        continue;
      g_snprintf (id, sizeof id, "m%u", i + 1);
      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", id);
      pulse_json_add_enum (builder, "author_kind", PULSE_TYPE_AUTHOR_KIND, message->author);
      if (message->agent >= 0)
        pulse_json_add_string (builder, "author_id",
                               pulse_sim_model_get_agent (model, message->agent)->id);
      pulse_json_add_time (builder, "at", message->at);
      pulse_json_add_string (builder, "body", message->body);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_ratings (JsonBuilder           *builder,
             const PulseSimContact *contact,
             gint64                 as_of)
{
  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contact->n_ratings; i++)
    {
      const PulseSimRating *rating = &contact->ratings[i];

      if (rating->at > as_of)
        continue;
      json_builder_begin_object (builder);
      pulse_json_add_enum (builder, "kind", PULSE_TYPE_RATING_KIND, rating->kind);
      pulse_json_add_int (builder, "score", rating->score);
      pulse_json_add_time (builder, "at", rating->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_tags (JsonBuilder           *builder,
          PulseSimConfig        *config,
          const PulseSimContact *contact)
{
  PulseSimCategory *category = config->categories->pdata[contact->category];
  PulseSimStream *stream = config->streams->pdata[contact->stream];

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, category->tag);
  for (guint i = 0; stream->tags != NULL && stream->tags[i] != NULL; i++)
    json_builder_add_string_value (builder, stream->tags[i]);
  json_builder_end_array (builder);
}

/**
 * pulse_sim_contact_to_json:
 * @as_of: the instant the helpdesk reports it at, at or after creation
 *
 * The ticket's wire form for `POST /api/v1/ingest/tickets`, without
 * `version` or `updated_at` (the server keeps both). A rule's contact
 * always goes as new: the server's automation rules answer and close it.
 *
 * Returns: (transfer full): the ticket.
 */
JsonNode *
pulse_sim_contact_to_json (PulseSimModel         *model,
                           const PulseSimContact *contact,
                           gint64                 as_of)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  const PulseSimQueue *queue = pulse_sim_model_get_queue (model, contact->queue);
  PulseSimCategory *category = config->categories->pdata[contact->category];
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *customer = pulse_sim_model_dup_customer_id (model, contact);
  PulseTicketStatus status = status_at (contact, as_of);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", contact->id);
  pulse_json_add_string (builder, "queue_id", queue->id);
  pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND, queue->channel);
  pulse_json_add_string (builder, "subject", contact->subject);
  pulse_json_add_string (builder, "customer_id", customer);
  pulse_json_add_enum (builder, "status", PULSE_TYPE_TICKET_STATUS, status);
  pulse_json_add_enum (builder, "priority", PULSE_TYPE_PRIORITY, category->priority);
  if (contact->agent >= 0 && as_of >= contact->answered_at)
    pulse_json_add_string (builder, "assignee_id",
                           pulse_sim_model_get_agent (model, contact->agent)->id);
  add_tags (builder, config, contact);
  pulse_json_add_string (builder, "language", contact->language);
  pulse_json_add_time (builder, "created_at", contact->created_at);
  if (status == PULSE_TICKET_STATUS_RESOLVED)
    pulse_json_add_time (builder, "resolved_at", contact->ended_at);
  if (status == PULSE_TICKET_STATUS_RESOLVED && contact->outcome == PULSE_SIM_OUTCOME_HUMAN)
    pulse_json_add_int (builder, "handle_seconds", contact->handle_seconds);
  add_messages (builder, model, contact, as_of);
  add_ratings (builder, contact, as_of);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
