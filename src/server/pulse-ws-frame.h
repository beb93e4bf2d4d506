/* pulse-ws-frame.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 6455 framing for the server side, and the queue of whole frames a
 * PulseWsPeer writes from.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The close codes of RFC 6455, section 7.4.1, that the server sends. */
typedef enum
{
  PULSE_WS_CLOSE_NORMAL         = 1000,
  PULSE_WS_CLOSE_GOING_AWAY     = 1001,
  PULSE_WS_CLOSE_PROTOCOL_ERROR = 1002,
  PULSE_WS_CLOSE_TOO_BIG        = 1009,
  PULSE_WS_CLOSE_SERVER_ERROR   = 1011,
} PulseWsCloseCode;

typedef enum
{
  PULSE_WS_OP_CONTINUATION = 0x0,
  PULSE_WS_OP_TEXT         = 0x1,
  PULSE_WS_OP_BINARY       = 0x2,
  PULSE_WS_OP_CLOSE        = 0x8,
  PULSE_WS_OP_PING         = 0x9,
  PULSE_WS_OP_PONG         = 0xa,
} PulseWsOpcode;

/**
 * PulseWsFrame:
 * @opcode: a #PulseWsOpcode
 * @payload: the unmasked payload, inside the buffer that was parsed
 * @length: its length
 *
 * One frame a client sent, as pulse_ws_frame_parse() found it.
 */
typedef struct
{
  guint   opcode;
  guint8 *payload;
  gsize   length;
} PulseWsFrame;

/**
 * PulseWsQueue:
 * @frames: (element-type GBytes): whole frames, oldest first
 * @head_offset: bytes of the first frame already written
 * @queued_bytes: bytes not yet written
 *
 * What a peer still has to write, kept as whole frames so a frame can be
 * put between two others (a pong ahead of queued data) or dropped unsent.
 */
typedef struct
{
  GQueue frames;
  gsize  head_offset;
  gsize  queued_bytes;
} PulseWsQueue;

GBytes *pulse_ws_frame_new               (guint          opcode,
                                          const guint8  *payload,
                                          gsize          length);
GBytes *pulse_ws_frame_new_text          (const char    *text,
                                          gsize          length);
GBytes *pulse_ws_frame_new_close         (guint          code);
gssize  pulse_ws_frame_parse             (guint8        *data,
                                          gsize          available,
                                          gsize          max_payload,
                                          PulseWsFrame  *frame,
                                          guint         *close_code,
                                          const char   **problem);

void    pulse_ws_queue_init              (PulseWsQueue  *queue);
void    pulse_ws_queue_clear             (PulseWsQueue  *queue);
void    pulse_ws_queue_push              (PulseWsQueue  *queue,
                                          GBytes        *frame);
void    pulse_ws_queue_push_control      (PulseWsQueue  *queue,
                                          GBytes        *frame);
void    pulse_ws_queue_discard_unstarted (PulseWsQueue  *queue);
guint   pulse_ws_queue_get_vectors       (PulseWsQueue  *queue,
                                          GOutputVector *vectors,
                                          guint          max_vectors);
void    pulse_ws_queue_consume           (PulseWsQueue  *queue,
                                          gsize          written);

G_END_DECLS
