/* pulse-ws-peer-input.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a PulseWsPeer reads: the client's frames (pings answered, pongs
 * counted, closes echoed, protocol errors failed with 1002 or 1009) and
 * the ping timer that drops a client gone silent.
 */

#include "config.h"

#include "pulse-ws-peer-private.h"

/* Clients send nothing but control frames in protocol v1; anything
 * bigger than this is refused (1009). */
#define MAX_INCOMING_PAYLOAD   (64 * 1024)
#define READ_CHUNK             (16 * 1024)
#define READS_PER_DISPATCH     16
#define MAX_UNANSWERED_PINGS   2

static void
fail (PulseWsPeer *self,
      guint        code,
      const char  *why)
{
  g_message ("event stream: closing with %u: %s", code, why);
  _pulse_ws_peer_clear_source (&self->read_source);
  if (self->state != STATE_OPEN)
    {
      _pulse_ws_peer_finish (self, why);
      return;
    }

  pulse_ws_queue_discard_unstarted (&self->queue);
  _pulse_ws_peer_start_close (self, code, STATE_CLOSE_AFTER);
}

static void
receive_close (PulseWsPeer  *self,
               const guint8 *payload,
               gsize         length)
{
  guint code = length >= 2 ? (payload[0] << 8) | payload[1] : 0;

  if (self->state == STATE_CLOSE_SENT)
    {
      _pulse_ws_peer_finish (self, "close handshake done");
      return;
    }

  /* Codes a peer may not send (RFC 6455, section 7.4) are answered as a
   * protocol error rather than echoed. */
  if (code != 0 && (code < 1000 || code >= 5000 || (code >= 1004 && code <= 1006) ||
                    code == 1015))
    code = PULSE_WS_CLOSE_PROTOCOL_ERROR;

  /* The client leaves: what it has not got yet it asks for again with
   * `since`. Echo its code, as RFC 6455, section 5.5.1 suggests. */
  _pulse_ws_peer_clear_source (&self->read_source);
  pulse_ws_queue_discard_unstarted (&self->queue);
  _pulse_ws_peer_start_close (self, code, STATE_CLOSE_AFTER);
}

static void
send_control (PulseWsPeer  *self,
              guint         opcode,
              const guint8 *payload,
              gsize         length)
{
  g_autoptr(GBytes) frame = pulse_ws_frame_new (opcode, payload, length);

  /* A client that floods pings without reading our pongs is too slow. */
  if (!pulse_ws_peer_has_room (self, g_bytes_get_size (frame)))
    {
      _pulse_ws_peer_finish (self, "too slow to read its pongs");
      return;
    }

  pulse_ws_queue_push_control (&self->queue, frame);
  pulse_ws_peer_flush (self);
}

static void
handle_frame (PulseWsPeer  *self,
              PulseWsFrame *frame)
{
  switch (frame->opcode)
    {
    case PULSE_WS_OP_CLOSE:
      if (frame->length == 1)
        fail (self, PULSE_WS_CLOSE_PROTOCOL_ERROR, "a close frame of one byte");
      else
        receive_close (self, frame->payload, frame->length);
      break;
    case PULSE_WS_OP_PING:
      if (self->state == STATE_OPEN)
        send_control (self, PULSE_WS_OP_PONG, frame->payload, frame->length);
      break;
    case PULSE_WS_OP_PONG:
      self->unanswered_pings = 0;
      break;
    default:
      /* Clients send no data in protocol v1; it is read and dropped. */
      break;
    }
}

static void
parse_incoming (PulseWsPeer *self)
{
  gsize offset = 0;

  while (self->read_source != NULL)
    {
      PulseWsFrame frame;
      const char *problem = NULL;
      guint code = 0;
      gssize used = pulse_ws_frame_parse (self->incoming->data + offset,
                                          self->incoming->len - offset, MAX_INCOMING_PAYLOAD,
                                          &frame, &code, &problem);

      if (used < 0)
        fail (self, code, problem);
      if (used <= 0)
        break;

      offset += used;
      handle_frame (self, &frame);
    }

  if (self->state != STATE_CLOSED)
    g_byte_array_remove_range (self->incoming, 0, offset);
}

gboolean
_pulse_ws_peer_on_input_ready (GObject  *stream,
                               gpointer  user_data)
{
  PulseWsPeer *self = user_data;
  g_autoptr(PulseWsPeer) hold = g_object_ref (self);
  guint8 buffer[READ_CHUNK];

  /* A bounded number of reads per dispatch: one chatty client cannot
   * hold the loop; the source stays ready while data waits. */
  for (guint i = 0; i < READS_PER_DISPATCH && self->read_source != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_pollable_input_stream_read_nonblocking (self->input, buffer, sizeof buffer,
                                                           NULL, &error);

      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        break;
      if (n <= 0)
        {
          _pulse_ws_peer_finish (self, n == 0 ? "the client hung up" : error->message);
          break;
        }

      g_byte_array_append (self->incoming, buffer, n);
      parse_incoming (self);
    }

  return G_SOURCE_CONTINUE;
}

gboolean
_pulse_ws_peer_on_ping (gpointer user_data)
{
  PulseWsPeer *self = user_data;

  if (self->unanswered_pings >= MAX_UNANSWERED_PINGS)
    {
      g_message ("event stream: dropping a client that answered none of %u pings",
                 self->unanswered_pings);
      _pulse_ws_peer_finish (self, "no pong");
      return G_SOURCE_CONTINUE;
    }

  self->unanswered_pings++;
  send_control (self, PULSE_WS_OP_PING, NULL, 0);
  return G_SOURCE_CONTINUE;
}
