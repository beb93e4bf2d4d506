/* bench-soak-load.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The load of bench-soak.c. The feeder sends each tick one batch to
 * /api/v1/ingest/tickets: NEW_PER_TICK new contacts and as many older
 * ones answered and resolved, so the open set stays the same size. Each
 * message body starts with "~t<monotonic µs>~", the time the batch was
 * sent; the clients scan for it (no full JSON parse, as in
 * bench-server-events.c, so one thread keeps up with a hundred streams).
 */

#include "config.h"

#include <libsoup/soup.h>

#include "bench-soak.h"

#define NEW_PER_TICK 5
#define EVENTS_PER_TICK (NEW_PER_TICK * 3)
#define OPEN_KEPT 200
#define N_QUEUES 8

struct _SoakFeeder
{
  char         *url;
  char         *token;
  gint64        tick_us;
  GThread      *thread;
  volatile gint running;
  guint         n_sent;
  guint         n_resolved;
  guint         failed;       /* atomic */
  gint64        events;       /* under lock */
  GMutex        lock;
};

static char *
iso (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = g_date_time_add (time, usec % G_USEC_PER_SEC);

  return g_date_time_format (exact, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* The answer's "events":E, or -1 if the batch was refused. */
static gint64
post (SoupSession *soup,
      SoakFeeder  *self,
      const char  *endpoint,
      const char  *body)
{
  g_autofree char *uri = g_strconcat (self->url, "/api/v1/ingest/", endpoint, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *text = NULL;
  const char *at;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  answer = soup_session_send_and_read (soup, msg, NULL, NULL);
  if (answer != NULL)
    text = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
  if (text == NULL || soup_message_get_status (msg) != 200
      || (at = strstr (text, "\"events\":")) == NULL)
    {
      g_printerr ("ingest/%s: %u %.300s\n", endpoint, soup_message_get_status (msg),
                  text != NULL ? text : "");
      return -1;
    }
  return g_ascii_strtoll (at + strlen ("\"events\":"), NULL, 10);
}

static void
append_ticket (GString    *body,
               guint       n,
               gboolean    resolved,
               const char *created,
               const char *now,
               gint64      mono)
{
  g_string_append_printf (body, "%s{\"id\":\"s-%u\",\"queue_id\":\"q-%u\",\"channel\":\"chat\","
                          "\"subject\":\"Платіж не зараховано\",\"customer_id\":\"c-%u\","
                          "\"status\":\"%s\",\"language\":\"uk\",\"created_at\":\"%s\",",
                          body->len > 10 ? "," : "", n, n % N_QUEUES, n,
                          resolved ? "resolved" : "open", created);
  if (resolved)
    g_string_append_printf (body, "\"assignee_id\":\"a-%u\",\"updated_at\":\"%s\","
                            "\"resolved_at\":\"%s\",\"messages\":[{\"id\":\"s-%u-2\","
                            "\"author_kind\":\"agent\",\"author_id\":\"a-%u\",\"at\":\"%s\","
                            "\"body\":\"~t%" G_GINT64_FORMAT "~ Зарахували\"}]}",
                            n % 16, now, now, n, n % 16, now, mono);
  else
    g_string_append_printf (body, "\"messages\":[{\"id\":\"s-%u-1\",\"author_kind\":"
                            "\"customer\",\"at\":\"%s\",\"body\":\"~t%" G_GINT64_FORMAT
                            "~ Гроші списали, а платіж не видно\"}]}", n, now, mono);
}

static void
send_tick (SoupSession *soup,
           SoakFeeder  *self,
           GArray      *created)
{
  g_autoptr(GString) body = g_string_new ("{\"items\":[");
  gint64 real = g_get_real_time ();
  g_autofree char *now = iso (real);
  gint64 mono = g_get_monotonic_time ();
  gint64 events;

  for (guint i = 0; i < NEW_PER_TICK; i++)
    {
      append_ticket (body, self->n_sent++, FALSE, now, now, mono);
      g_array_append_val (created, real);
    }
  for (guint i = 0; i < NEW_PER_TICK && self->n_resolved + OPEN_KEPT < self->n_sent; i++)
    {
      guint n = self->n_resolved++;
      g_autofree char *at = iso (g_array_index (created, gint64, n));

      append_ticket (body, n, TRUE, at, now, mono);
    }
  g_string_append (body, "]}");

  events = post (soup, self, "tickets", body->str);
  if (events < 0)
    g_atomic_int_inc (&self->failed);
  g_mutex_lock (&self->lock);
  self->events += MAX (events, 0);
  g_mutex_unlock (&self->lock);
}

static gpointer
feed (gpointer user_data)
{
  SoakFeeder *self = user_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) soup = NULL;
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 next = g_get_monotonic_time ();

  g_main_context_push_thread_default (context);
  soup = soup_session_new ();
  while (g_atomic_int_get (&self->running))
    {
      gint64 now = g_get_monotonic_time ();

      /* Pacing: the rate is the point. Behind schedule, the next batch
       * goes at once. */
      if (next > now)
        g_usleep (next - now);
      send_tick (soup, self, created);
      next += self->tick_us;
    }
  g_clear_object (&soup);
  g_main_context_pop_thread_default (context);
  return NULL;
}

/**
 * soak_feeder_new:
 * @rate: events/s; each tick appends EVENTS_PER_TICK once warm
 */
SoakFeeder *
soak_feeder_new (const char *url,
                 const char *token,
                 guint       rate)
{
  SoakFeeder *self = g_new0 (SoakFeeder, 1);

  self->url = g_strdup (url);
  self->token = g_strdup (token);
  self->tick_us = EVENTS_PER_TICK * G_USEC_PER_SEC / rate;
  g_mutex_init (&self->lock);
  return self;
}

void
soak_feeder_post_directory (SoakFeeder *self,
                            const char *json)
{
  g_autoptr(SoupSession) soup = soup_session_new ();

  if (post (soup, self, "directory", json) < 0)
    g_error ("the directory was refused");
}

void
soak_feeder_start (SoakFeeder *self)
{
  g_atomic_int_set (&self->running, 1);
  self->thread = g_thread_new ("soak-feeder", feed, self);
}

void
soak_feeder_stop (SoakFeeder *self)
{
  g_atomic_int_set (&self->running, 0);
  g_clear_pointer (&self->thread, g_thread_join);
}

gint64
soak_feeder_get_events (SoakFeeder *self)
{
  gint64 events;

  g_mutex_lock (&self->lock);
  events = self->events;
  g_mutex_unlock (&self->lock);
  return events;
}

guint
soak_feeder_get_failed (SoakFeeder *self)
{
  return g_atomic_int_get (&self->failed);
}

void
soak_feeder_free (SoakFeeder *self)
{
  soak_feeder_stop (self);
  g_mutex_clear (&self->lock);
  g_free (self->url);
  g_free (self->token);
  g_free (self);
}

typedef struct
{
  SoakClients             *group;
  SoupWebsocketConnection *conn;
  gint64                   last_seq;
} Client;

struct _SoakClients
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupSession  *session;
  char         *url;
  char         *auth;
  Client       *clients;
  guint         n_clients;
  GMutex        lock;
  GCond         cond;
  guint         connected;   /* under lock */
  guint         closed;      /* under lock */
  guint         gaps;        /* under lock */
  gint64        delivered;   /* under lock, since the last take */
  GArray       *latencies;   /* under lock, gint64 µs since the last take */
};

static gint64
scan_int (const char *text,
          gsize       length,
          const char *key)
{
  const char *at = g_strstr_len (text, length, key);

  return at != NULL ? g_ascii_strtoll (at + strlen (key), NULL, 10) : -1;
}

static void
on_message_cb (SoupWebsocketConnection *conn,
               int                      type,
               GBytes                  *message,
               gpointer                 user_data)
{
  Client *client = user_data;
  SoakClients *group = client->group;
  gsize length;
  const char *text = g_bytes_get_data (message, &length);
  gint64 now = g_get_monotonic_time ();
  gint64 seq = scan_int (text, length, "\"seq\":");
  gint64 sent = scan_int (text, length, "~t");

  g_mutex_lock (&group->lock);
  if (client->last_seq > 0 && seq != client->last_seq + 1)
    group->gaps++;
  client->last_seq = seq;
  group->delivered++;
  if (sent > 0)
    {
      gint64 latency = now - sent;

      g_array_append_val (group->latencies, latency);
    }
  g_mutex_unlock (&group->lock);
}

static void
on_closed_cb (SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  Client *client = user_data;

  g_mutex_lock (&client->group->lock);
  client->group->closed++;
  g_mutex_unlock (&client->group->lock);
}

static void
on_connected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Client *client = user_data;
  SoakClients *group = client->group;
  g_autoptr(GError) error = NULL;

  client->conn = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (client->conn == NULL)
    g_error ("cannot connect: %s", error->message);
  g_signal_connect (client->conn, "message", G_CALLBACK (on_message_cb), client);
  g_signal_connect (client->conn, "closed", G_CALLBACK (on_closed_cb), client);

  g_mutex_lock (&group->lock);
  group->connected++;
  g_cond_signal (&group->cond);
  g_mutex_unlock (&group->lock);
}

static gpointer
clients_thread (gpointer user_data)
{
  SoakClients *self = user_data;

  g_main_context_push_thread_default (self->context);
  self->session = soup_session_new ();
  for (guint i = 0; i < self->n_clients; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", self->url);

      self->clients[i].group = self;
      soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization",
                                   self->auth);
      soup_session_websocket_connect_async (self->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                            NULL, on_connected_cb, &self->clients[i]);
    }
  g_main_loop_run (self->loop);

  for (guint i = 0; i < self->n_clients; i++)
    {
      g_signal_handlers_disconnect_by_data (self->clients[i].conn, &self->clients[i]);
      g_clear_object (&self->clients[i].conn);
    }
  soup_session_abort (self->session);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_clear_object (&self->session);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/**
 * soak_clients_start:
 *
 * @n_clients streams from the log's start on a thread of their own;
 * returns once all are connected.
 */
SoakClients *
soak_clients_start (const char *url,
                    const char *token,
                    guint       n_clients)
{
  SoakClients *self = g_new0 (SoakClients, 1);

  self->url = g_strdup_printf ("%s/api/v1/events?since=0", url);
  self->auth = g_strconcat ("Bearer ", token, NULL);
  self->n_clients = n_clients;
  self->clients = g_new0 (Client, n_clients);
  self->latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("soak-clients", clients_thread, self);

  g_mutex_lock (&self->lock);
  while (self->connected < n_clients)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

/* Moves the latencies since the last call into @latencies; returns the
 * frames delivered since then. */
gint64
soak_clients_take (SoakClients *self,
                   GArray      *latencies)
{
  gint64 delivered;

  g_mutex_lock (&self->lock);
  g_array_append_vals (latencies, self->latencies->data, self->latencies->len);
  g_array_set_size (self->latencies, 0);
  delivered = self->delivered;
  self->delivered = 0;
  g_mutex_unlock (&self->lock);
  return delivered;
}

/* Streams closed (by the server) or that saw a gap in seq. */
guint
soak_clients_get_closed (SoakClients *self)
{
  guint closed;

  g_mutex_lock (&self->lock);
  closed = self->closed + self->gaps;
  g_mutex_unlock (&self->lock);
  return closed;
}

void
soak_clients_stop (SoakClients *self)
{
  g_main_loop_quit (self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_array_unref (self->latencies);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->clients);
  g_free (self->url);
  g_free (self->auth);
  g_free (self);
}
