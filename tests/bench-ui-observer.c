/* bench-ui-observer.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-ui-stream's second subscriber: a thread of its own with a plain
 * WebSocket on `/api/v1/events`, which notes two moments for each
 * `ticket.created` of a feeder contact ("b-N"):
 *
 * - when it received the frame: the server's emit, plus the loopback and
 *   this thread's wake-up (tens of µs on an idle core, more when both
 *   cores are busy: it can err short by that much);
 * - the event's `at`, which the server stamps in the transaction that
 *   ingests the contact, before the rest of the batch, the commit and
 *   the emit: "at → screen" errs long, never short.
 *
 * Reading them off the wire, not the console's own copy, keeps the
 * console's code out of the measure.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bench-ui-observer.h"
#include "pulse-time-utils.h"

struct _BenchObserver
{
  char                    *uri;
  char                    *token;
  guint                    max_tickets;
  GMutex                   lock;
  gint64                  *received_at; /* by ticket number, real time µs; 0 = not seen */
  gint64                  *stamped_at;  /* the event's `at` */
  guint                    n_seen;
  GThread                 *thread;
  GMainContext            *context;
  GMainLoop               *loop;
  GCancellable            *cancellable;
  SoupWebsocketConnection *ws;
};

static void
note_event (BenchObserver *self,
            const char    *text,
            gsize          length,
            gint64         received)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *event, *data;
  const char *id;
  gint64 at;
  guint64 n;

  if (!json_parser_load_from_data (parser, text, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;

  event = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (event, "type", ""),
                 "ticket.created") != 0 ||
      (data = json_object_get_object_member (event, "data")) == NULL)
    return;

  id = json_object_get_string_member_with_default (data, "id", "");
  if (!g_str_has_prefix (id, "b-") ||
      !pulse_time_parse (json_object_get_string_member_with_default (event, "at", ""), &at))
    return;

  n = g_ascii_strtoull (id + 2, NULL, 10);
  if (n >= self->max_tickets)
    return;

  g_mutex_lock (&self->lock);
  self->received_at[n] = received;
  self->stamped_at[n] = at;
  self->n_seen++;
  g_mutex_unlock (&self->lock);
}

static void
on_message_cb (SoupWebsocketConnection *ws,
               int                      type,
               GBytes                  *message,
               BenchObserver           *self)
{
  gint64 received = g_get_real_time ();
  gsize length;
  const char *text = g_bytes_get_data (message, &length);

  if (type == SOUP_WEBSOCKET_DATA_TEXT)
    note_event (self, text, length, received);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BenchObserver *self = user_data;
  g_autoptr(GError) error = NULL;

  self->ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (self->ws == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_printerr ("observer: %s\n", error->message);
      g_main_loop_quit (self->loop);
      return;
    }

  soup_websocket_connection_set_max_incoming_payload_size (self->ws, 0);
  g_signal_connect (self->ws, "message", G_CALLBACK (on_message_cb), self);
}

static gpointer
observe (gpointer user_data)
{
  BenchObserver *self = user_data;
  g_autoptr(SoupSession) soup = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);

  g_main_context_push_thread_default (self->context);
  soup = soup_session_new ();
  msg = soup_message_new ("GET", self->uri);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_session_websocket_connect_async (soup, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        self->cancellable, connected_cb, self);
  g_main_loop_run (self->loop);
  if (self->ws != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->ws, self);
      g_clear_object (&self->ws);
    }
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/**
 * bench_observer_start:
 * @since: the seq to stream from (the console's, when the run begins)
 * @max_tickets: feeder contacts b-0 … b-(max_tickets - 1) are noted
 */
BenchObserver *
bench_observer_start (const char *url,
                      const char *token,
                      gint64      since,
                      guint       max_tickets)
{
  BenchObserver *self = g_new0 (BenchObserver, 1);

  g_return_val_if_fail (g_str_has_prefix (url, "http://"), NULL);

  /* http://host:port → ws://host:port */
  self->uri = g_strdup_printf ("ws%s/api/v1/events?since=%" G_GINT64_FORMAT, url + 4, since);
  g_mutex_init (&self->lock);
  self->token = g_strdup (token);
  self->max_tickets = max_tickets;
  self->received_at = g_new0 (gint64, max_tickets);
  self->stamped_at = g_new0 (gint64, max_tickets);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->cancellable = g_cancellable_new ();
  self->thread = g_thread_new ("observer", observe, self);
  return self;
}

/**
 * bench_observer_get_times:
 * @received: (out): when the observer received contact @n's event
 * @stamped: (out): the event's `at`
 *
 * Returns: FALSE if the observer has not seen contact @n (yet).
 */
gboolean
bench_observer_get_times (BenchObserver *self,
                          guint          n,
                          gint64        *received,
                          gint64        *stamped)
{
  if (n >= self->max_tickets)
    return FALSE;

  g_mutex_lock (&self->lock);
  *received = self->received_at[n];
  *stamped = self->stamped_at[n];
  g_mutex_unlock (&self->lock);
  return *received != 0;
}

guint
bench_observer_get_n_seen (BenchObserver *self)
{
  guint n_seen;

  g_mutex_lock (&self->lock);
  n_seen = self->n_seen;
  g_mutex_unlock (&self->lock);
  return n_seen;
}

static gboolean
quit_cb (gpointer user_data)
{
  BenchObserver *self = user_data;

  g_cancellable_cancel (self->cancellable);
  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

void
bench_observer_stop (BenchObserver *self)
{
  g_main_context_invoke (self->context, quit_cb, self);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_object_unref (self->cancellable);
  g_mutex_clear (&self->lock);
  g_free (self->received_at);
  g_free (self->stamped_at);
  g_free (self->token);
  g_free (self->uri);
  g_free (self);
}
