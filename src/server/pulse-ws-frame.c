/* pulse-ws-frame.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-ws-frame.h"

/**
 * pulse_ws_frame_new:
 * @opcode: a #PulseWsOpcode
 * @payload: (nullable): the payload, %NULL only when @length is 0
 * @length: its length
 *
 * Encodes one final, unmasked frame, as a server sends them (RFC 6455,
 * section 5.2): the length in 7, 16 or 64 bits, whichever is shortest.
 *
 * Returns: (transfer full): the frame.
 */
GBytes *
pulse_ws_frame_new (guint         opcode,
                    const guint8 *payload,
                    gsize         length)
{
  GByteArray *frame;
  guint8 header[10];
  gsize header_length = 2;

  g_return_val_if_fail (payload != NULL || length == 0, NULL);

  header[0] = 0x80 | (opcode & 0x0f);
  if (length < 126)
    header[1] = length;
  else if (length <= G_MAXUINT16)
    {
      header[1] = 126;
      header[2] = length >> 8;
      header[3] = length & 0xff;
      header_length = 4;
    }
  else
    {
      header[1] = 127;
      for (guint i = 0; i < 8; i++)
        header[2 + i] = ((guint64) length >> (56 - 8 * i)) & 0xff;
      header_length = 10;
    }

  frame = g_byte_array_sized_new (header_length + length);
  g_byte_array_append (frame, header, header_length);
  if (length > 0)
    g_byte_array_append (frame, payload, length);
  return g_byte_array_free_to_bytes (frame);
}

/**
 * pulse_ws_frame_new_text:
 * @text: UTF-8 text, such as an event's JSON
 * @length: its length in bytes
 *
 * Returns: (transfer full): one text frame holding @text, which can be
 *   queued to any number of peers.
 */
GBytes *
pulse_ws_frame_new_text (const char *text,
                         gsize       length)
{
  return pulse_ws_frame_new (PULSE_WS_OP_TEXT, (const guint8 *) text, length);
}

/**
 * pulse_ws_frame_new_close:
 * @code: a close code, or 0 for a close frame without one
 *
 * Returns: (transfer full): the close frame.
 */
GBytes *
pulse_ws_frame_new_close (guint code)
{
  guint8 payload[2] = { (code >> 8) & 0xff, code & 0xff };

  return pulse_ws_frame_new (PULSE_WS_OP_CLOSE, payload, code != 0 ? 2 : 0);
}

/* What is wrong with a frame, from its first two bytes alone, or %NULL.
 * A 7-bit length of 126 or 127 announces more than 125 bytes. */
static const char *
check_header (guint8 first,
              guint8 second)
{
  guint opcode = first & 0x0f;
  guint length = second & 0x7f;

  if ((first & 0x70) != 0)
    return "reserved bits set (no extension was agreed)";
  if ((second & 0x80) == 0)
    return "a client frame without a mask";
  if ((opcode > PULSE_WS_OP_BINARY && opcode < PULSE_WS_OP_CLOSE) || opcode > PULSE_WS_OP_PONG)
    return "an unknown opcode";
  if (opcode >= PULSE_WS_OP_CLOSE && ((first & 0x80) == 0 || length > 125))
    return "a fragmented control frame or one over 125 bytes";
  return NULL;
}

/* The payload length, from the 7-bit field and the 16 or 64 bits after
 * it (RFC 6455, section 5.2). */
static guint64
read_length (const guint8 *data,
             guint64       length7)
{
  guint64 length = 0;

  if (length7 < 126)
    return length7;
  if (length7 == 126)
    return (data[2] << 8) | data[3];

  for (guint i = 0; i < 8; i++)
    length = (length << 8) | data[2 + i];
  return length;
}

/**
 * pulse_ws_frame_parse:
 * @data: received bytes, starting at a frame; the payload is unmasked in
 *   place
 * @available: how many bytes @data holds
 * @max_payload: the longest payload accepted
 * @frame: (out caller-allocates): the frame, pointing into @data
 * @close_code: (out): on a bad frame, the code to close with
 * @problem: (out): on a bad frame, what was wrong, in English
 *
 * Decodes one frame a client sent. Client frames must be masked (RFC 6455,
 * section 5.1); control frames must be final and at most 125 bytes.
 *
 * Returns: the frame's size in bytes; 0 if it has not all arrived yet; -1
 *   for a frame that must fail the connection (@close_code and @problem
 *   set).
 */
gssize
pulse_ws_frame_parse (guint8        *data,
                      gsize          available,
                      gsize          max_payload,
                      PulseWsFrame  *frame,
                      guint         *close_code,
                      const char   **problem)
{
  gsize header_length = 2 + 4;
  guint64 length;

  if (available < 2)
    return 0;

  /* Refuse what the first two bytes already show, so a bad frame never
   * waits for bytes that will not come. */
  *close_code = PULSE_WS_CLOSE_PROTOCOL_ERROR;
  *problem = check_header (data[0], data[1]);
  if (*problem != NULL)
    return -1;

  length = data[1] & 0x7f;

  if (length >= 126)
    header_length += length == 126 ? 2 : 8;
  if (available < header_length)
    return 0;

  length = read_length (data, length);
  if (length > max_payload)
    {
      *problem = "a client frame over the size limit";
      *close_code = PULSE_WS_CLOSE_TOO_BIG;
      return -1;
    }

  if (available - header_length < length)
    return 0;

  for (guint64 i = 0; i < length; i++)
    data[header_length + i] ^= data[header_length - 4 + (i & 3)];

  frame->opcode = data[0] & 0x0f;
  frame->payload = data + header_length;
  frame->length = length;
  return header_length + length;
}

/**
 * pulse_ws_queue_init:
 *
 * Makes @queue empty; it holds nothing to free yet.
 */
void
pulse_ws_queue_init (PulseWsQueue *queue)
{
  g_queue_init (&queue->frames);
  queue->head_offset = 0;
  queue->queued_bytes = 0;
}

/**
 * pulse_ws_queue_clear:
 *
 * Drops every frame, written or not; @queue is empty and usable after.
 */
void
pulse_ws_queue_clear (PulseWsQueue *queue)
{
  g_queue_clear_full (&queue->frames, (GDestroyNotify) g_bytes_unref);
  queue->head_offset = 0;
  queue->queued_bytes = 0;
}

/**
 * pulse_ws_queue_push:
 * @frame: a whole frame; the queue takes a reference
 */
void
pulse_ws_queue_push (PulseWsQueue *queue,
                     GBytes       *frame)
{
  g_queue_push_tail (&queue->frames, g_bytes_ref (frame));
  queue->queued_bytes += g_bytes_get_size (frame);
}

/**
 * pulse_ws_queue_push_control:
 * @frame: a control frame; the queue takes a reference
 *
 * Puts @frame ahead of everything not started yet (RFC 6455 allows
 * control frames between the frames of a message), so a client that
 * reads slowly still sees a ping in time.
 */
void
pulse_ws_queue_push_control (PulseWsQueue *queue,
                             GBytes       *frame)
{
  g_queue_push_nth (&queue->frames, g_bytes_ref (frame), queue->head_offset > 0 ? 1 : 0);
  queue->queued_bytes += g_bytes_get_size (frame);
}

/**
 * pulse_ws_queue_discard_unstarted:
 *
 * Drops every frame not started yet. A frame already partly written stays:
 * the client would misread whatever followed half a frame.
 */
void
pulse_ws_queue_discard_unstarted (PulseWsQueue *queue)
{
  GBytes *head = NULL;
  gsize offset = queue->head_offset;

  if (offset > 0)
    head = g_queue_pop_head (&queue->frames);

  pulse_ws_queue_clear (queue);
  if (head != NULL)
    {
      g_queue_push_head (&queue->frames, head);
      queue->head_offset = offset;
      queue->queued_bytes = g_bytes_get_size (head) - offset;
    }
}

/**
 * pulse_ws_queue_get_vectors:
 * @vectors: (out caller-allocates) (array length=max_vectors): filled
 *   with the unwritten bytes, oldest first
 *
 * Returns: how many of @vectors were filled.
 */
guint
pulse_ws_queue_get_vectors (PulseWsQueue  *queue,
                            GOutputVector *vectors,
                            guint          max_vectors)
{
  guint n = 0;

  for (GList *l = queue->frames.head; l != NULL && n < max_vectors; l = l->next, n++)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (l->data, &size);
      gsize skip = n == 0 ? queue->head_offset : 0;

      vectors[n].buffer = data + skip;
      vectors[n].size = size - skip;
    }

  return n;
}

/**
 * pulse_ws_queue_consume:
 * @written: bytes the socket took, at most the queued bytes
 */
void
pulse_ws_queue_consume (PulseWsQueue *queue,
                        gsize         written)
{
  g_return_if_fail (written <= queue->queued_bytes);

  queue->queued_bytes -= written;
  written += queue->head_offset;
  queue->head_offset = 0;

  while (written > 0)
    {
      GBytes *head = g_queue_peek_head (&queue->frames);
      gsize size = g_bytes_get_size (head);

      if (written < size)
        {
          queue->head_offset = written;
          break;
        }

      written -= size;
      g_bytes_unref (g_queue_pop_head (&queue->frames));
    }
}
