/* pulse-ws-peer.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <netinet/in.h>
#include <netinet/tcp.h>

#include "pulse-ws-peer-private.h"

/**
 * PulseWsPeer:
 *
 * The server side of one RFC 6455 connection, over the stream stolen from
 * SoupServer after the 101 answer. libsoup 3.2's SoupWebsocketConnection
 * cannot tell how much it still has to send, so a client that stops
 * reading would make it buffer without end. This peer keeps its own queue
 * of whole frames, writes it without blocking, and never lets it grow
 * past `max_queue_bytes`: a frame that does not fit drops the client.
 *
 * It sends final, unmasked frames and agrees to no extension. It reads
 * the client's frames only to answer pings and closes and to see pongs;
 * data frames from a client are read and dropped.
 */

#define MAX_VECTORS            64
#define CLOSE_TIMEOUT_SECONDS  5

G_DEFINE_FINAL_TYPE (PulseWsPeer, pulse_ws_peer, G_TYPE_OBJECT)

enum {
  DRAINED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void flush (PulseWsPeer *self);

static GSource *
attach_timeout (PulseWsPeer *self,
                guint        seconds,
                GSourceFunc  func)
{
  GSource *source = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (source, func, self, NULL);
  g_source_attach (source, self->context);
  return source;
}

void
_pulse_ws_peer_clear_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

/* Ends the connection at once: no more reads or writes, socket closed. */
void
_pulse_ws_peer_finish (PulseWsPeer *self,
                       const char  *reason)
{
  g_autoptr(PulseWsPeer) hold = g_object_ref (self);

  if (self->state == STATE_CLOSED)
    return;

  self->state = STATE_CLOSED;
  _pulse_ws_peer_clear_source (&self->read_source);
  _pulse_ws_peer_clear_source (&self->write_source);
  _pulse_ws_peer_clear_source (&self->ping_source);
  _pulse_ws_peer_clear_source (&self->close_source);
  pulse_ws_queue_clear (&self->queue);
  g_io_stream_close (self->stream, NULL, NULL);

  g_debug ("event stream closed: %s", reason);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
push_data (PulseWsPeer *self,
           GBytes      *frame)
{
  pulse_ws_queue_push (&self->queue, frame);
  if (self->queue.queued_bytes > self->max_queue_bytes / 2)
    self->above_low_water = TRUE;
}

static gboolean
on_output_ready_cb (GObject  *stream,
                    gpointer  user_data)
{
  PulseWsPeer *self = user_data;

  _pulse_ws_peer_clear_source (&self->write_source);
  flush (self);
  return G_SOURCE_REMOVE;
}

static void
wait_writable (PulseWsPeer *self)
{
  if (self->write_source != NULL)
    return;

  self->write_source = g_pollable_output_stream_create_source (self->output, NULL);
  g_source_set_callback (self->write_source, G_SOURCE_FUNC (on_output_ready_cb), self, NULL);
  g_source_attach (self->write_source, self->context);
}

static void
after_progress (PulseWsPeer *self)
{
  if (self->above_low_water && self->queue.queued_bytes <= self->max_queue_bytes / 2)
    {
      self->above_low_water = FALSE;
      g_signal_emit (self, signals[DRAINED], 0);
    }

  if (self->state == STATE_CLOSE_AFTER && g_queue_is_empty (&self->queue.frames))
    _pulse_ws_peer_finish (self, "close sent");
}

/* Writes as much of the queue as the socket takes now, then waits for it
 * to become writable again; never blocks. */
static void
flush (PulseWsPeer *self)
{
  g_autoptr(PulseWsPeer) hold = g_object_ref (self);

  while (self->state != STATE_CLOSED && self->write_source == NULL &&
         !g_queue_is_empty (&self->queue.frames))
    {
      g_autoptr(GError) error = NULL;
      GOutputVector vectors[MAX_VECTORS];
      gsize written = 0;
      guint n = pulse_ws_queue_get_vectors (&self->queue, vectors, MAX_VECTORS);
      GPollableReturn ret;

      ret = g_pollable_output_stream_writev_nonblocking (self->output, vectors, n, &written,
                                                         NULL, &error);
      if (ret == G_POLLABLE_RETURN_FAILED)
        _pulse_ws_peer_finish (self, error->message);
      else if (ret == G_POLLABLE_RETURN_WOULD_BLOCK || written == 0)
        wait_writable (self);
      else
        pulse_ws_queue_consume (&self->queue, written);
    }

  if (self->state != STATE_CLOSED)
    after_progress (self);
}

static gboolean
on_close_timeout_cb (gpointer user_data)
{
  PulseWsPeer *self = user_data;

  _pulse_ws_peer_finish (self, "the client did not finish the close handshake");
  return G_SOURCE_REMOVE;
}

/* Queues a close frame after what is queued; @next_state says whether to
 * wait for the client's close or to hang up once ours is written. */
void
_pulse_ws_peer_start_close (PulseWsPeer *self,
                            guint        code,
                            PeerState    next_state)
{
  g_autoptr(GBytes) frame = pulse_ws_frame_new_close (code);

  pulse_ws_queue_push (&self->queue, frame);
  self->state = next_state;
  _pulse_ws_peer_clear_source (&self->ping_source);
  if (self->close_source == NULL)
    self->close_source = attach_timeout (self, CLOSE_TIMEOUT_SECONDS, on_close_timeout_cb);
  flush (self);
}

/* Best effort: on loopback, Nagle's algorithm delays small frames that
 * follow each other. HACK: libsoup 3.2 keeps the GSocket on the stolen
 * stream as "GSocket" data; without it the default stays. */
static void
set_no_delay (GIOStream *stream)
{
  GSocket *socket = NULL;

  if (G_IS_SOCKET_CONNECTION (stream))
    socket = g_socket_connection_get_socket (G_SOCKET_CONNECTION (stream));
  else if (G_IS_SOCKET (g_object_get_data (G_OBJECT (stream), "GSocket")))
    socket = g_object_get_data (G_OBJECT (stream), "GSocket");

  if (socket != NULL && g_socket_get_family (socket) != G_SOCKET_FAMILY_UNIX)
    g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
}

static void
pulse_ws_peer_dispose (GObject *object)
{
  PulseWsPeer *self = (PulseWsPeer *)object;

  /* Dropped while still open: hang up quietly, nobody listens. */
  if (self->state != STATE_CLOSED && self->stream != NULL)
    {
      g_signal_handlers_destroy (self);
      _pulse_ws_peer_finish (self, "peer disposed");
    }

  G_OBJECT_CLASS (pulse_ws_peer_parent_class)->dispose (object);
}

static void
pulse_ws_peer_finalize (GObject *object)
{
  PulseWsPeer *self = (PulseWsPeer *)object;

  pulse_ws_queue_clear (&self->queue);
  g_clear_pointer (&self->incoming, g_byte_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->stream);

  G_OBJECT_CLASS (pulse_ws_peer_parent_class)->finalize (object);
}

static void
pulse_ws_peer_class_init (PulseWsPeerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_ws_peer_dispose;
  object_class->finalize = pulse_ws_peer_finalize;

  /**
   * PulseWsPeer::drained:
   *
   * Emitted when the queue falls to half of `max_queue_bytes` or below
   * after having been above: the peer wants more.
   */
  signals[DRAINED] = g_signal_new ("drained", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * PulseWsPeer::closed:
   *
   * Emitted once, when the connection is over for any reason: a close
   * handshake, the client gone, a protocol error, no pong, or a full
   * queue. The socket is closed by then.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pulse_ws_peer_init (PulseWsPeer *self)
{
  pulse_ws_queue_init (&self->queue);
  self->incoming = g_byte_array_new ();
}

/**
 * pulse_ws_peer_new:
 * @stream: the connection, right after the 101 answer was written
 * @max_queue_bytes: the most unsent bytes the peer may hold
 * @ping_interval_seconds: how often to ping; a client that answered none
 *   of the last two pings is dropped at the next tick
 *
 * Starts reading and pinging on the thread-default main context.
 *
 * Returns: (transfer full): the peer.
 */
PulseWsPeer *
pulse_ws_peer_new (GIOStream *stream,
                   gsize      max_queue_bytes,
                   guint      ping_interval_seconds)
{
  PulseWsPeer *self;

  g_return_val_if_fail (G_IS_IO_STREAM (stream), NULL);
  g_return_val_if_fail (G_IS_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (stream)),
                        NULL);
  g_return_val_if_fail (G_IS_POLLABLE_OUTPUT_STREAM (g_io_stream_get_output_stream (stream)),
                        NULL);
  g_return_val_if_fail (ping_interval_seconds > 0, NULL);

  self = g_object_new (PULSE_TYPE_WS_PEER, NULL);
  self->stream = g_object_ref (stream);
  self->input = G_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (stream));
  self->output = G_POLLABLE_OUTPUT_STREAM (g_io_stream_get_output_stream (stream));
  self->context = g_main_context_ref_thread_default ();
  self->max_queue_bytes = max_queue_bytes;
  set_no_delay (stream);

  self->read_source = g_pollable_input_stream_create_source (self->input, NULL);
  g_source_set_callback (self->read_source, G_SOURCE_FUNC (_pulse_ws_peer_on_input_ready), self,
                         NULL);
  g_source_attach (self->read_source, self->context);
  self->ping_source = attach_timeout (self, ping_interval_seconds, _pulse_ws_peer_on_ping);

  return self;
}

/**
 * pulse_ws_peer_is_open:
 *
 * Returns: %TRUE while the peer takes data frames: no close was started
 *   and the connection is up.
 */
gboolean
pulse_ws_peer_is_open (PulseWsPeer *self)
{
  g_return_val_if_fail (PULSE_IS_WS_PEER (self), FALSE);

  return self->state == STATE_OPEN;
}

/**
 * pulse_ws_peer_wants_more:
 *
 * Returns: %TRUE if the peer is open and its queue is at half of
 *   `max_queue_bytes` or below. Once it returns %FALSE for an open peer,
 *   #PulseWsPeer::drained tells when it wants more again.
 */
gboolean
pulse_ws_peer_wants_more (PulseWsPeer *self)
{
  g_return_val_if_fail (PULSE_IS_WS_PEER (self), FALSE);

  return self->state == STATE_OPEN && !self->above_low_water;
}

/**
 * pulse_ws_peer_has_room:
 * @frame_size: the size of the frame to queue
 *
 * A frame always fits an empty queue, so one event larger than the limit
 * still goes out; otherwise it must fit within `max_queue_bytes`.
 *
 * Returns: %TRUE if pulse_ws_peer_send() would queue such a frame.
 */
gboolean
pulse_ws_peer_has_room (PulseWsPeer *self,
                        gsize        frame_size)
{
  gsize queued;

  g_return_val_if_fail (PULSE_IS_WS_PEER (self), FALSE);

  queued = self->queue.queued_bytes;
  return self->state == STATE_OPEN &&
         (queued == 0 || queued + frame_size <= self->max_queue_bytes);
}

/**
 * pulse_ws_peer_send:
 * @frame: a frame from pulse_ws_frame_new_text(); the peer takes a
 *   reference, so one frame can go to many peers
 *
 * Queues @frame; call pulse_ws_peer_flush() after a burst. A frame that
 * does not fit (pulse_ws_peer_has_room()) drops the client as too slow:
 * its socket is closed and #PulseWsPeer::closed is emitted before this
 * returns.
 *
 * Returns: %TRUE if @frame was queued.
 */
gboolean
pulse_ws_peer_send (PulseWsPeer *self,
                    GBytes      *frame)
{
  g_return_val_if_fail (PULSE_IS_WS_PEER (self), FALSE);
  g_return_val_if_fail (frame != NULL, FALSE);

  if (self->state != STATE_OPEN)
    return FALSE;

  if (!pulse_ws_peer_has_room (self, g_bytes_get_size (frame)))
    {
      g_message ("event stream: dropping a client too slow to read (%" G_GSIZE_FORMAT
                 " bytes queued, limit %" G_GSIZE_FORMAT ")",
                 self->queue.queued_bytes, self->max_queue_bytes);
      _pulse_ws_peer_finish (self, "send queue full");
      return FALSE;
    }

  push_data (self, frame);
  return TRUE;
}

/**
 * pulse_ws_peer_flush:
 *
 * Writes what the socket takes now, without blocking; the rest goes out
 * as the socket becomes writable.
 */
void
pulse_ws_peer_flush (PulseWsPeer *self)
{
  g_return_if_fail (PULSE_IS_WS_PEER (self));

  flush (self);
}

/**
 * pulse_ws_peer_close:
 * @code: the close code, such as %PULSE_WS_CLOSE_NORMAL
 *
 * Sends a close frame after what is queued and waits (five seconds at
 * most) for the client's close frame, then closes the socket.
 */
void
pulse_ws_peer_close (PulseWsPeer *self,
                     guint        code)
{
  g_return_if_fail (PULSE_IS_WS_PEER (self));

  if (self->state == STATE_OPEN)
    _pulse_ws_peer_start_close (self, code, STATE_CLOSE_SENT);
}

/**
 * pulse_ws_peer_shutdown:
 * @code: the close code, usually %PULSE_WS_CLOSE_GOING_AWAY
 *
 * For a server that stops now: drops the frames not started, writes a
 * close frame as far as the socket takes it without blocking, and closes
 * the socket without waiting for an answer.
 */
void
pulse_ws_peer_shutdown (PulseWsPeer *self,
                        guint        code)
{
  g_autoptr(GBytes) frame = NULL;

  g_return_if_fail (PULSE_IS_WS_PEER (self));

  if (self->state == STATE_CLOSED)
    return;

  if (self->state == STATE_OPEN)
    {
      pulse_ws_queue_discard_unstarted (&self->queue);
      frame = pulse_ws_frame_new_close (code);
      pulse_ws_queue_push (&self->queue, frame);
    }

  _pulse_ws_peer_clear_source (&self->write_source);
  self->state = STATE_CLOSE_AFTER;
  flush (self);
  _pulse_ws_peer_finish (self, "server shutting down");
}
