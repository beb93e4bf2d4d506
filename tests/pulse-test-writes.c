/* pulse-test-writes.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writes: each picks what to send from the writer's GRand.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-test-writer-private.h"
#include "pulse-time-utils.h"

static const char * const statuses[] = { "new", "open", "pending", "resolved", "closed" };
static const char * const agent_statuses[] = { "available", "busy", "after-call", "break" };
static const char * const countries[] = { "UA", "KZ", "ES" };

static void
ticket_stored (PulseTestWriter *self,
               JsonNode        *answer,
               gpointer         data)
{
  ((Ticket *) data)->stored = TRUE;
}

static void
write_ticket (PulseTestWriter *self)
{
  g_autofree char *id = g_strdup_printf ("t-%u", self->next_id++);
  g_autofree char *at = writer_tick (self);
  Ticket *ticket = writer_add_ticket (self, id, self->clock);
  g_autofree char *body = writer_ticket_body (self, ticket, PICK (self, statuses));
  SoupMessage *msg;

  msg = writer_request (self, "POST", "/api/v1/ingest/tickets", PULSE_ROLE_INTEGRATION, body, 0);
  writer_send (self, msg, SOUP_STATUS_OK, ticket_stored, ticket);
}

/* A ticket the server has; one still being created is passed over for
 * the first seeded open ticket. */
static Ticket *
pick_ticket (PulseTestWriter *self,
             gboolean         old)
{
  Ticket *ticket;

  if (old)
    return self->tickets->pdata[g_rand_int_range (self->rand, 0, N_OLD)];

  ticket = self->tickets->pdata[g_rand_int_range (self->rand, 0, self->tickets->len)];
  return ticket->stored ? ticket : self->tickets->pdata[N_OLD];
}

/* A message now, or one dated in the old ticket's past: then the ticket
 * stays out of every snapshot, but the client still hears of it. */
static void
write_message (PulseTestWriter *self,
               gboolean         old_time)
{
  Ticket *ticket = pick_ticket (self, old_time);
  g_autofree char *at = writer_tick (self);
  g_autofree char *message = NULL;
  g_autofree char *body = NULL;

  if (old_time)
    ticket->old_at += G_USEC_PER_SEC * 60;
  message = writer_message_json (ticket, old_time ? ticket->old_at : self->clock,
                          g_rand_boolean (self->rand));
  body = g_strdup_printf ("{'ticket_id':'%s','message':%s}", ticket->id, message);
  writer_ingest (self, "messages", body);
}

static void
write_rating (PulseTestWriter *self)
{
  Ticket *ticket = pick_ticket (self, FALSE);
  g_autofree char *at = writer_tick (self);
  g_autofree char *body = g_strdup_printf ("{'ticket_id':'%s','rating':{'kind':'csat',"
                                           "'score':%d,'at':'%s'}}", ticket->id,
                                           g_rand_int_range (self->rand, 1, 6), at);

  writer_ingest (self, "ratings", body);
}

/* The whole header again with a new status and priority; old tickets
 * come back to life this way. */
static void
write_ticket_update (PulseTestWriter *self)
{
  Ticket *ticket = pick_ticket (self, FALSE);
  g_autofree char *at = writer_tick (self);
  g_autofree char *header = writer_ticket_header (ticket, PICK (self, statuses),
                                                  g_rand_boolean (self->rand) ? "high" : "low",
                                                  self->clock);
  g_autofree char *body = g_strdup_printf ("{%s}", header);

  writer_ingest (self, "tickets", body);
}

static void
write_agent_status (PulseTestWriter *self)
{
  g_autofree char *at = writer_tick (self);
  g_autofree char *body = g_strdup_printf ("{'agent_id':'agent-%d','status':'%s','at':'%s'}",
                                           g_rand_int_range (self->rand, 0, N_AGENTS),
                                           PICK (self, agent_statuses), at);

  writer_ingest (self, "agent-status", body);
}

/* A queue renamed, a new queue, or the team's lead changed. */
static void
write_directory (PulseTestWriter *self)
{
  g_autofree char *at = writer_tick (self);
  g_autofree char *body = NULL;
  int choice = g_rand_int_range (self->rand, 0, 3);

  if (choice == 0)
    {
      g_autofree char *queue = writer_queue_json (self->n_queues++, "New queue");

      body = g_strdup_printf ("{'queues':[%s]}", queue);
    }
  else if (choice == 1)
    {
      g_autofree char *name = g_strdup_printf ("Queue at %s", at);
      guint index = g_rand_int_range (self->rand, 0, self->n_queues);
      g_autofree char *queue = writer_queue_json (index, name);

      body = g_strdup_printf ("{'queues':[%s]}", queue);
    }
  else
    body = g_strdup_printf ("{'teams':[{'id':'team-ua','name':'Kyiv desk',"
                            "'lead_id':'agent-%d'}]}", g_rand_int_range (self->rand, 0, N_AGENTS));

  writer_ingest (self, "directory", body);
}

/* Recent days, and one older than any snapshot keeps. */
static void
write_applications (PulseTestWriter *self)
{
  g_autofree char *at = writer_tick (self);
  int days = g_rand_boolean (self->rand) ? g_rand_int_range (self->rand, 0, 3) : 200;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (self->clock / G_USEC_PER_SEC);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autofree char *body = g_strdup_printf ("{'date':'%s','country':'%s','count':%d}", date,
                                           PICK (self, countries),
                                           g_rand_int_range (self->rand, 0, 500));

  writer_ingest (self, "applications", body);
}

static char *
rule_body (const char *name,
           gboolean    enabled)
{
  return g_strdup_printf ("'name':'%s','position':1,'enabled':%s,"
                          "'phrases':[{'text':'refund','mode':'whole-word','field':'any'}],"
                          "'actions':[{'kind':'tag','value':'refund'}]", name,
                          enabled ? "true" : "false");
}

static void
rule_created (PulseTestWriter *self,
              JsonNode        *answer,
              gpointer         data)
{
  JsonObject *object;
  Rule *rule;

  /* No item in the answer: the rule is not followed (as after a failure). */
  self->rule_busy = FALSE;
  if (answer == NULL)
    return;

  object = json_node_get_object (answer);
  rule = g_new0 (Rule, 1);

  rule->id = g_strdup (json_object_get_string_member (object, "id"));
  rule->version = json_object_get_int_member (object, "version");
  g_ptr_array_add (self->rules, rule);
}

static void
rule_updated (PulseTestWriter *self,
              JsonNode        *answer,
              gpointer         data)
{
  Rule *rule = data;

  self->rule_busy = FALSE;
  if (answer == NULL)
    {
      g_ptr_array_remove (self->rules, rule);
      return;
    }
  rule->version = json_object_get_int_member (json_node_get_object (answer), "version");
}

static void
rule_deleted (PulseTestWriter *self,
              JsonNode        *answer,
              gpointer         data)
{
  g_ptr_array_remove (self->rules, data);
  self->rule_busy = FALSE;
}

/* Create, update or delete a rule; a lead edits with If-Match. */
static void
write_rule (PulseTestWriter *self)
{
  g_autofree char *at = writer_tick (self);
  int choice = self->rules->len == 0 ? 0 : g_rand_int_range (self->rand, 0, 3);
  Rule *rule = self->rules->len == 0 ? NULL :
               self->rules->pdata[g_rand_int_range (self->rand, 0, self->rules->len)];
  g_autofree char *path = rule != NULL ? g_strconcat ("/api/v1/rules/", rule->id, NULL) : NULL;
  g_autofree char *fields = rule_body (at, g_rand_boolean (self->rand));
  g_autofree char *body = NULL;
  SoupMessage *msg;

  self->rule_busy = TRUE;
  if (choice == 0)
    {
      body = g_strdup_printf ("{'id':'rule-%u',%s}", self->next_id++, fields);
      msg = writer_request (self, "POST", "/api/v1/rules", PULSE_ROLE_LEAD, body, 0);
      writer_send (self, msg, SOUP_STATUS_CREATED, rule_created, NULL);
    }
  else if (choice == 1)
    {
      body = g_strdup_printf ("{%s}", fields);
      msg = writer_request (self, "PUT", path, PULSE_ROLE_LEAD, body, rule->version);
      writer_send (self, msg, SOUP_STATUS_OK, rule_updated, rule);
    }
  else
    {
      msg = writer_request (self, "DELETE", path, PULSE_ROLE_LEAD, NULL, rule->version);
      writer_send (self, msg, SOUP_STATUS_OK, rule_deleted, rule);
    }
}

void
writer_write_one (PulseTestWriter *self)
{
  int roll = g_rand_int_range (self->rand, 0, 100);

  if (roll < 18)
    write_ticket (self);
  else if (roll < 38)
    write_message (self, FALSE);
  else if (roll < 44)
    write_message (self, TRUE);
  else if (roll < 52)
    write_rating (self);
  else if (roll < 62)
    write_ticket_update (self);
  else if (roll < 72)
    write_agent_status (self);
  else if (roll < 80)
    write_directory (self);
  else if (roll < 86)
    write_applications (self);
  else if (!self->rule_busy)
    write_rule (self);
  else
    write_message (self, FALSE);
}

