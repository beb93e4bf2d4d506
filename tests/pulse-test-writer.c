/* pulse-test-writer.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Request bodies are written with ' for " and converted before sending;
 * no text in them holds an apostrophe.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-test-util.h"
#include "pulse-test-writer-private.h"
#include "pulse-time-utils.h"

typedef struct
{
  PulseTestWriter *writer;
  SoupMessage     *msg;
  guint            expected;
  DoneFunc         done;
  gpointer         data;
} Request;

static const char * const subjects[] = {
  "Card blocked", "Refund please", "Loan limit", "App crash", "Where is my refund",
};

static void
ticket_free (Ticket *ticket)
{
  g_free (ticket->id);
  g_free (ticket->queue_id);
  g_free (ticket->subject);
  g_free (ticket);
}

static void
rule_free (Rule *rule)
{
  g_free (rule->id);
  g_free (rule);
}

char *
writer_tick (PulseTestWriter *self)
{
  self->clock += G_USEC_PER_SEC;
  return pulse_time_format (self->clock);
}

const char *
writer_pick (PulseTestWriter    *self,
             const char * const *choices,
             guint               n)
{
  return choices[g_rand_int_range (self->rand, 0, n)];
}

SoupMessage *
writer_request (PulseTestWriter *self,
                const char      *method,
                const char      *path,
                PulseRole        role,
                const char      *body_q,
                gint64           if_match)
{
  g_autofree char *url = g_strconcat (self->ts->url, path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", pulse_test_server_get_token (self->ts, role),
                                       NULL);
  SoupMessage *msg = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "Authorization", auth);
  if (if_match > 0)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, if_match);

      soup_message_headers_replace (headers, "If-Match", version);
    }
  if (body_q != NULL)
    {
      char *body = g_strdup (body_q);
      g_autoptr(GBytes) bytes = NULL;

      g_strdelimit (body, "'", '"');
      bytes = g_bytes_new_take (body, strlen (body));
      pulse_test_set_json_body (msg, bytes);
    }

  return msg;
}

static gboolean
pump_idle_cb (gpointer user_data);

/* A tolerated failure (the server was killed, say): the write may or may
 * not be stored. A rule edit's version is unknown now: that rule is left
 * alone from here on. */
static void
writer_failed (PulseTestWriter *self,
               Request         *request)
{
  const char *path = g_uri_get_path (soup_message_get_uri (request->msg));

  self->n_failed++;
  if (g_str_has_prefix (path, "/api/v1/rules"))
    {
      if (request->data != NULL)
        g_ptr_array_remove (self->rules, request->data);
      self->rule_busy = FALSE;
    }
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Request *request = user_data;
  PulseTestWriter *self = request->writer;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result,
                                                              NULL);
  g_autoptr(JsonNode) answer = NULL;
  gboolean ok = body != NULL && soup_message_get_status (request->msg) == request->expected;

  if (ok && g_bytes_get_size (body) > 0)
    {
      answer = pulse_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
      /* A server killed as it answered can leave a good status and a body
       * that is not one (seen in faults-kill, seed 3913111700). */
      ok = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer);
    }
  if (ok)
    ;
  else if (self->tolerant)
    writer_failed (self, request);
  else if (body == NULL)
    g_error ("%s %s: no answer", soup_message_get_method (request->msg),
             g_uri_get_path (soup_message_get_uri (request->msg)));
  else
    g_error ("%s %s: %u %.*s", soup_message_get_method (request->msg),
             g_uri_get_path (soup_message_get_uri (request->msg)),
             soup_message_get_status (request->msg), (int) g_bytes_get_size (body),
             (const char *) g_bytes_get_data (body, NULL));

  if (ok && request->done != NULL)
    request->done (self, answer, request->data);

  self->in_flight--;
  self->n_written++;
  if (self->left > 0 && self->idle_id == 0)
    self->idle_id = g_idle_add (pump_idle_cb, self);

  g_object_unref (request->msg);
  g_free (request);
}

void
writer_send (PulseTestWriter *self,
             SoupMessage     *msg,
             guint            expected,
             DoneFunc         done,
             gpointer         data)
{
  Request *request = g_new0 (Request, 1);

  *request = (Request) { self, msg, expected, done, data };
  soup_session_send_and_read_async (self->soup, msg, G_PRIORITY_DEFAULT, NULL, on_sent_cb,
                                    request);
}

void
writer_ingest (PulseTestWriter *self,
               const char      *what,
               const char      *body_q)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", what, NULL);

  writer_send (self, writer_request (self, "POST", path, PULSE_ROLE_INTEGRATION, body_q, 0),
               SOUP_STATUS_OK, NULL, NULL);
}

/* The header of a ticket: what ingest takes, and what an update resends. */
char *
writer_ticket_header (Ticket     *ticket,
                      const char *status,
                      const char *priority,
                      gint64      updated_at)
{
  g_autofree char *created = pulse_time_format (ticket->created_at);
  g_autofree char *updated = pulse_time_format (updated_at);

  return g_strdup_printf ("'id':'%s','queue_id':'%s','channel':'chat','subject':'%s',"
                          "'customer_id':'cust-%s','status':'%s','priority':'%s',"
                          "'created_at':'%s','updated_at':'%s'",
                          ticket->id, ticket->queue_id, ticket->subject, ticket->id, status,
                          priority, created, updated);
}

char *
writer_message_json (Ticket     *ticket,
                     gint64      at,
                     gboolean    agent)
{
  g_autofree char *time = pulse_time_format (at);
  guint n = ticket->n_messages++;

  return g_strdup_printf ("{'id':'m-%s-%u','author_kind':'%s'%s,'at':'%s','body':'Text %u'}",
                          ticket->id, n, agent ? "agent" : "customer",
                          agent ? ",'author_id':'agent-1'" : "", time, n);
}

Ticket *
writer_add_ticket (PulseTestWriter *self,
                   const char      *id,
                   gint64           created_at)
{
  Ticket *ticket = g_new0 (Ticket, 1);

  ticket->id = g_strdup (id);
  ticket->queue_id = g_strdup_printf ("q-%d", g_rand_int_range (self->rand, 0, self->n_queues));
  ticket->subject = g_strdup (PICK (self, subjects));
  ticket->created_at = created_at;
  g_ptr_array_add (self->tickets, ticket);
  return ticket;
}

char *
writer_ticket_body (PulseTestWriter *self,
                    Ticket          *ticket,
                    const char      *status)
{
  g_autofree char *header = writer_ticket_header (ticket, status, "normal", ticket->created_at);
  g_autofree char *message = writer_message_json (ticket, ticket->created_at, FALSE);

  return g_strdup_printf ("{%s,'messages':[%s]}", header, message);
}

char *
writer_queue_json (guint       index,
                   const char *name)
{
  return g_strdup_printf ("{'id':'q-%u','name':'%s','channel':'chat','country':'UA',"
                          "'language':'uk','sl_target_seconds':20,'sl_goal':0.8}", index, name);
}

static gboolean
pump_idle_cb (gpointer user_data)
{
  PulseTestWriter *self = user_data;

  self->idle_id = 0;
  while (self->left > 0 && self->in_flight < MAX_IN_FLIGHT)
    {
      self->left--;
      self->in_flight++;
      writer_write_one (self);
    }

  return G_SOURCE_REMOVE;
}

/**
 * pulse_test_writer_new:
 * @seed: the seed of every choice the writer makes
 *
 * Returns: (transfer full): a writer for @ts, not yet writing.
 */
PulseTestWriter *
pulse_test_writer_new (PulseTestServer *ts,
                       guint32          seed)
{
  PulseTestWriter *self = g_new0 (PulseTestWriter, 1);

  self->ts = ts;
  self->soup = soup_session_new_with_options ("max-conns-per-host", MAX_IN_FLIGHT, NULL);
  self->rand = g_rand_new_with_seed (seed);
  /* Two hours ago, whole seconds: every write is in the past, in order. */
  self->clock = (g_get_real_time () / G_USEC_PER_SEC - 2 * 3600) * G_USEC_PER_SEC;
  self->n_queues = 3;
  self->tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) ticket_free);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  return self;
}

static void
post_now (PulseTestWriter *self,
          const char      *what,
          const char      *body_q)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", what, NULL);
  g_autofree char *body = g_strdup (body_q);
  g_autoptr(PulseTestResponse) answer = NULL;

  g_strdelimit (body, "'", '"');
  answer = pulse_test_server_request (self->ts, "POST", path,
                                      pulse_test_server_get_token (self->ts,
                                                                   PULSE_ROLE_INTEGRATION),
                                      body, NULL);
  g_assert_cmpuint (answer->status, ==, SOUP_STATUS_OK);
}

/**
 * pulse_test_writer_seed:
 *
 * Writes, and waits for, what the writes build on: a team, three
 * queues, the agents, a few open tickets and tickets closed three days
 * ago (outside every snapshot).
 */
void
pulse_test_writer_seed (PulseTestWriter *self)
{
  g_autofree char *since = pulse_time_format (self->clock);
  g_autoptr(GString) directory = g_string_new ("{'teams':[{'id':'team-ua','name':'Kyiv desk'}],"
                                               "'queues':[");

  for (guint i = 0; i < self->n_queues; i++)
    {
      g_autofree char *queue = writer_queue_json (i, "Ukraine chat");

      g_string_append_printf (directory, "%s%s", i > 0 ? "," : "", queue);
    }
  g_string_append (directory, "],'agents':[");
  for (guint i = 0; i < N_AGENTS; i++)
    g_string_append_printf (directory, "%s{'id':'agent-%u','name':'Agent %u','team_id':'team-ua',"
                            "'position':'agent','status':'offline','status_since':'%s'}",
                            i > 0 ? "," : "", i, i, since);
  g_string_append (directory, "]}");
  post_now (self, "directory", directory->str);

  for (guint i = 0; i < N_OLD + 5; i++)
    {
      g_autofree char *id = g_strdup_printf (i < N_OLD ? "t-old-%u" : "t-%u", self->next_id++);
      gint64 created_at = i < N_OLD ? self->clock - 3 * PULSE_USEC_PER_DAY : self->clock;
      Ticket *ticket = writer_add_ticket (self, id, created_at);
      g_autofree char *body = writer_ticket_body (self, ticket, i < N_OLD ? "closed" : "open");

      ticket->old_at = created_at;
      ticket->stored = TRUE;
      post_now (self, "tickets", body);
    }
}

/**
 * pulse_test_writer_start:
 * @n_writes: how many requests to make in all
 *
 * Starts writing: up to three requests in flight, each answer starting
 * the next, until @n_writes were answered. Every answer must be the
 * success its request expects, or the test fails.
 */
void
pulse_test_writer_start (PulseTestWriter *self,
                         guint            n_writes)
{
  self->left = n_writes;
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (pump_idle_cb, self);
}

gboolean
pulse_test_writer_is_done (PulseTestWriter *self)
{
  return self->left == 0 && self->in_flight == 0;
}

guint
pulse_test_writer_get_n_written (PulseTestWriter *self)
{
  return self->n_written;
}

/**
 * pulse_test_writer_set_tolerant:
 *
 * From now on a write that gets no answer or another status than it
 * expects is counted (pulse_test_writer_get_n_failed()) instead of
 * failing the test: for servers that are killed under the writer.
 */
void
pulse_test_writer_set_tolerant (PulseTestWriter *self,
                                gboolean         tolerant)
{
  self->tolerant = tolerant;
}

guint
pulse_test_writer_get_n_failed (PulseTestWriter *self)
{
  return self->n_failed;
}

void
pulse_test_writer_free (PulseTestWriter *self)
{
  if (self == NULL)
    return;

  g_assert_true (pulse_test_writer_is_done (self));
  g_clear_handle_id (&self->idle_id, g_source_remove);
  soup_session_abort (self->soup);
  g_clear_object (&self->soup);
  g_rand_free (self->rand);
  g_ptr_array_unref (self->tickets);
  g_ptr_array_unref (self->rules);
  g_free (self);
}
