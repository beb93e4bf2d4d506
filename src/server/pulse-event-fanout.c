/* pulse-event-fanout.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-event-fanout.h"
#include "pulse-json.h"

/**
 * PulseEventFanout:
 *
 * Feeds the event log to every `/events` client, in seq order, with no
 * gap and no duplicate.
 *
 * The log is the single source: each client has the seq of the last
 * event queued to it, and whatever it gets next is read from the log
 * after that seq, so an event committed while a client replays is neither
 * lost nor sent twice.
 *
 * A client starts *replaying*: it reads the log itself, one batch per
 * main-loop dispatch, and only while its queue is at most half full, so a
 * backlog of any size costs one batch of memory and the client's reading
 * sets the pace. Once it has everything the fan-out has handed out (the
 * tail), it is *live*: each new batch after the tail is read once, each
 * event framed once, and the same frame is queued to every live client.
 * A live client whose queue would pass its limit is dropped; it comes back
 * with `since` and replays from the log.
 */
struct _PulseEventFanout
{
  GObject        parent_instance;

  PulseEventLog *log;
  GMainContext  *context;
  GSource       *wake;         /* fan-out, replay steps and sweeping */
  GPtrArray     *clients;      /* Client */
  gint64         tail_seq;     /* the newest event handed to live clients */
  int            tail_dirty;   /* atomic: events were appended after it */
  gulong         appended_id;
};

G_DEFINE_FINAL_TYPE (PulseEventFanout, pulse_event_fanout, G_TYPE_OBJECT)

#define BATCH_EVENTS 500

typedef struct
{
  PulseEventFanout *owner;
  PulseWsPeer      *peer;
  gint64            last_sent;  /* seq of the last event queued to it */
  guint             batch;      /* how many events its next replay reads */
  gboolean          live;
  gboolean          ending;     /* resync or error sent: nothing more */
  gboolean          closed;
} Client;

static void
client_free (Client *client)
{
  g_signal_handlers_disconnect_by_data (client->peer, client);
  g_clear_object (&client->peer);
  g_free (client);
}

static gboolean
client_is_live (Client *client)
{
  return client->live && !client->closed && pulse_ws_peer_is_open (client->peer);
}

static void
wake (PulseEventFanout *self)
{
  /* Thread-safe: a commit on another thread only wakes our context. */
  g_source_set_ready_time (self->wake, 0);
}

static gboolean
dispatch_when_ready (GSource     *source,
                     GSourceFunc  callback,
                     gpointer     user_data)
{
  return callback (user_data);
}

/* A source that runs only when wake() sets its ready time. */
static GSourceFuncs wake_funcs = { NULL, NULL, dispatch_when_ready, NULL, NULL, NULL };

static GBytes *
frame_for_event (JsonNode *event)
{
  g_autofree char *text = pulse_json_to_string (event);

  return pulse_ws_frame_new_text (text, strlen (text));
}

static gint64
event_seq (JsonNode *event)
{
  return json_object_get_int_member (json_node_get_object (event), "seq");
}

/* Whether some event after @after is not in the log (pruned), or @after
 * is beyond the log: either way the client cannot be brought up to date
 * from here. */
static gboolean
misses_events (PulseEventFanout *self,
               gint64            after)
{
  gint64 last = pulse_event_log_get_last_seq (self->log);
  gint64 first = pulse_event_log_get_first_seq (self->log);

  if (after > last)
    return TRUE;

  return after < last && (first == 0 || first > after + 1);
}

static void
send_resync (PulseEventFanout *self,
             Client           *client)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) frame = NULL;
  gint64 last = pulse_event_log_get_last_seq (self->log);

  g_debug ("event stream: resync from %" G_GINT64_FORMAT " (the log ends at %" G_GINT64_FORMAT
           ")", client->last_sent, last);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "type", "resync");
  pulse_json_add_int (builder, "seq", last);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  frame = frame_for_event (node);

  client->ending = TRUE;
  if (pulse_ws_peer_send (client->peer, frame))
    pulse_ws_peer_close (client->peer, PULSE_WS_CLOSE_NORMAL);
}

static GPtrArray *
read_batch (PulseEventFanout *self,
            gint64            after,
            guint             limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = pulse_event_log_read_since (self->log, after, limit, &error);

  if (events == NULL)
    g_warning ("event stream: cannot read the event log: %s", error->message);

  return events;
}

/* One replay batch for @client. Returns %TRUE to be called again on the
 * next dispatch; %FALSE when it went live, ended, or waits for "drained". */
static gboolean
replay_step (PulseEventFanout *self,
             Client           *client)
{
  g_autoptr(GPtrArray) events = NULL;
  guint sent;

  if (misses_events (self, client->last_sent))
    {
      send_resync (self, client);
      return FALSE;
    }

  events = read_batch (self, client->last_sent, client->batch);
  if (events == NULL)
    {
      client->ending = TRUE;
      pulse_ws_peer_close (client->peer, PULSE_WS_CLOSE_SERVER_ERROR);
      return FALSE;
    }

  for (sent = 0; sent < events->len && pulse_ws_peer_wants_more (client->peer); sent++)
    {
      g_autoptr(GBytes) frame = frame_for_event (events->pdata[sent]);

      if (!pulse_ws_peer_has_room (client->peer, g_bytes_get_size (frame)) ||
          !pulse_ws_peer_send (client->peer, frame))
        break;
      client->last_sent = event_seq (events->pdata[sent]);
    }
  pulse_ws_peer_flush (client->peer);

  /* Big events fill the queue long before a batch ends: next time, read
   * about what fits rather than 500 of them. */
  client->batch = sent < events->len ? CLAMP (2 * sent, 1, BATCH_EVENTS) : BATCH_EVENTS;

  /* Everything up to the tail is queued (or the log holds nothing more):
   * from now on the fan-out hands it whatever follows its last_sent. */
  if (client->last_sent >= self->tail_seq || events->len == 0)
    client->live = TRUE;

  return !client->live && pulse_ws_peer_wants_more (client->peer);
}

static void
deliver (Client   *client,
         JsonNode *event,
         GBytes  **frame)
{
  gint64 seq = event_seq (event);

  /* A client that replayed past the tail already has this one. */
  if (!client_is_live (client) || seq <= client->last_sent)
    return;

  if (*frame == NULL)
    *frame = frame_for_event (event);

  if (pulse_ws_peer_send (client->peer, *frame))
    client->last_sent = seq;
}

static gboolean
any_live (PulseEventFanout *self)
{
  for (guint i = 0; i < self->clients->len; i++)
    {
      if (client_is_live (self->clients->pdata[i]))
        return TRUE;
    }

  return FALSE;
}

/* Hands the next batch after the tail to every live client. Returns
 * %TRUE if more may follow. */
static gboolean
fan_out_step (PulseEventFanout *self)
{
  g_autoptr(GPtrArray) events = NULL;

  if (!g_atomic_int_compare_and_exchange (&self->tail_dirty, TRUE, FALSE))
    return FALSE;

  /* Nobody to hand events to: replaying clients read the log themselves. */
  if (!any_live (self))
    {
      self->tail_seq = pulse_event_log_get_last_seq (self->log);
      return FALSE;
    }

  events = read_batch (self, self->tail_seq, BATCH_EVENTS);
  if (events == NULL)
    return FALSE;

  for (guint e = 0; e < events->len; e++)
    {
      g_autoptr(GBytes) frame = NULL;

      for (guint i = 0; i < self->clients->len; i++)
        deliver (self->clients->pdata[i], events->pdata[e], &frame);
      self->tail_seq = event_seq (events->pdata[e]);
    }

  for (guint i = 0; i < self->clients->len; i++)
    {
      Client *client = self->clients->pdata[i];

      if (client_is_live (client))
        pulse_ws_peer_flush (client->peer);
    }

  if (events->len < BATCH_EVENTS)
    return FALSE;

  g_atomic_int_set (&self->tail_dirty, TRUE);
  return TRUE;
}

static void
sweep_closed (PulseEventFanout *self)
{
  for (guint i = self->clients->len; i > 0; i--)
    {
      Client *client = self->clients->pdata[i - 1];

      if (client->closed)
        g_ptr_array_remove_index_fast (self->clients, i - 1);
    }
}

static gboolean
on_wake_cb (gpointer user_data)
{
  PulseEventFanout *self = user_data;
  gboolean again;

  g_source_set_ready_time (self->wake, -1);
  sweep_closed (self);

  /* One batch per client and per dispatch: a big replay never holds the
   * loop; sockets and other requests get their turn in between. */
  again = fan_out_step (self);
  for (guint i = 0; i < self->clients->len; i++)
    {
      Client *client = self->clients->pdata[i];

      if (!client->live && !client->ending && pulse_ws_peer_wants_more (client->peer) &&
          replay_step (self, client))
        again = TRUE;
    }

  if (again)
    wake (self);

  return G_SOURCE_CONTINUE;
}

static void
on_log_appended_cb (PulseEventLog *log,
                    gint64         last_seq,
                    gpointer       user_data)
{
  PulseEventFanout *self = user_data;

  g_atomic_int_set (&self->tail_dirty, TRUE);
  wake (self);
}

static void
on_peer_drained_cb (PulseWsPeer *peer,
                    gpointer     user_data)
{
  Client *client = user_data;

  if (!client->live)
    wake (client->owner);
}

static void
on_peer_closed_cb (PulseWsPeer *peer,
                   gpointer     user_data)
{
  Client *client = user_data;

  /* Removed on the next dispatch: this may run inside a loop over the
   * clients (a send that overflowed). */
  client->closed = TRUE;
  wake (client->owner);
}

static void
pulse_event_fanout_dispose (GObject *object)
{
  PulseEventFanout *self = (PulseEventFanout *)object;

  pulse_event_fanout_shutdown (self);
  if (self->log != NULL)
    g_clear_signal_handler (&self->appended_id, self->log);
  if (self->wake != NULL)
    g_source_destroy (self->wake);
  g_clear_pointer (&self->wake, g_source_unref);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (pulse_event_fanout_parent_class)->dispose (object);
}

static void
pulse_event_fanout_finalize (GObject *object)
{
  PulseEventFanout *self = (PulseEventFanout *)object;

  g_clear_pointer (&self->clients, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (pulse_event_fanout_parent_class)->finalize (object);
}

static void
pulse_event_fanout_class_init (PulseEventFanoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_event_fanout_dispose;
  object_class->finalize = pulse_event_fanout_finalize;
}

static void
pulse_event_fanout_init (PulseEventFanout *self)
{
  self->clients = g_ptr_array_new_with_free_func ((GDestroyNotify) client_free);
  self->context = g_main_context_ref_thread_default ();
  self->wake = g_source_new (&wake_funcs, sizeof (GSource));
  g_source_set_priority (self->wake, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->wake, on_wake_cb, self, NULL);
  g_source_set_ready_time (self->wake, -1);
  g_source_attach (self->wake, self->context);
}

/**
 * pulse_event_fanout_new:
 * @log: the event log; its #PulseEventLog::appended signal wakes the
 *   fan-out, from any thread
 *
 * Returns: (transfer full): a fan-out with no client, running on the
 *   thread-default main context.
 */
PulseEventFanout *
pulse_event_fanout_new (PulseEventLog *log)
{
  PulseEventFanout *self;

  g_return_val_if_fail (PULSE_IS_EVENT_LOG (log), NULL);

  self = g_object_new (PULSE_TYPE_EVENT_FANOUT, NULL);
  self->log = g_object_ref (log);
  self->tail_seq = pulse_event_log_get_last_seq (log);
  self->appended_id = g_signal_connect (log, "appended", G_CALLBACK (on_log_appended_cb), self);
  return self;
}

/**
 * pulse_event_fanout_add:
 * @peer: a new connection; the fan-out takes a reference
 * @since: the seq of the last event the client has
 *
 * Starts feeding @peer every event after @since. If the log no longer
 * has them all (pruned), or @since is beyond the log's last seq, the
 * client gets `{"type":"resync","seq":LAST}` and a normal close (1000).
 */
void
pulse_event_fanout_add (PulseEventFanout *self,
                        PulseWsPeer      *peer,
                        gint64            since)
{
  Client *client;

  g_return_if_fail (PULSE_IS_EVENT_FANOUT (self));
  g_return_if_fail (PULSE_IS_WS_PEER (peer));
  g_return_if_fail (since >= 0);

  client = g_new0 (Client, 1);
  client->owner = self;
  client->peer = g_object_ref (peer);
  client->last_sent = since;
  client->batch = BATCH_EVENTS;
  g_signal_connect (peer, "drained", G_CALLBACK (on_peer_drained_cb), client);
  g_signal_connect (peer, "closed", G_CALLBACK (on_peer_closed_cb), client);
  g_ptr_array_add (self->clients, client);

  g_debug ("event stream opened since %" G_GINT64_FORMAT, since);
  if (misses_events (self, since))
    send_resync (self, client);
  else
    wake (self);
}

/**
 * pulse_event_fanout_shutdown:
 *
 * For a server that stops: every client gets close code 1001 (going away)
 * as far as its socket takes it now, and is hung up.
 */
void
pulse_event_fanout_shutdown (PulseEventFanout *self)
{
  g_return_if_fail (PULSE_IS_EVENT_FANOUT (self));

  for (guint i = 0; i < self->clients->len; i++)
    {
      Client *client = self->clients->pdata[i];

      g_signal_handlers_disconnect_by_data (client->peer, client);
      pulse_ws_peer_shutdown (client->peer, PULSE_WS_CLOSE_GOING_AWAY);
    }

  g_ptr_array_set_size (self->clients, 0);
}
