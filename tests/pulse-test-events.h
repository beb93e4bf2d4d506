/* pulse-test-events.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the /events tests share: a server on 127.0.0.1 port 0, events
 * committed through pulse_server_commit(), libsoup WebSocket clients and
 * a raw socket client that speaks RFC 6455 by hand.
 */

#pragma once

#include <libsoup/soup.h>

#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-server.h"
#include "pulse-test-util.h"
#include "pulse-token-store.h"

G_BEGIN_DECLS

/* Settings for a fixture; 0 keeps the default. */
typedef struct
{
  guint ping_interval_seconds;
  guint send_queue_bytes;
} Settings;

extern const Settings pulse_test_small_queue;   /* 1 MiB send queue */
extern const Settings pulse_test_fast_ping;     /* ping every second */

typedef struct
{
  PulseDb       *db;
  PulseEventLog *log;
  PulseServer   *server;
  SoupSession   *soup;
  char          *url;
  char          *token;    /* a viewer's */
} Fixture;

typedef struct
{
  SoupMessage             *msg;
  SoupWebsocketConnection *conn;
  GPtrArray               *frames;     /* JsonNode, one per text frame */
  gboolean                 connected;  /* the connect finished, well or not */
  gboolean                 closed;
} WsClient;

typedef struct
{
  GSocketConnection *conn;
  GCancellable      *cancellable;
  GByteArray        *in;
  GPtrArray         *texts;        /* JsonNode, one per text frame */
  gboolean           upgraded;
  gboolean           keep_reading;
  gboolean           reading;
  gboolean           eof;
  guint              pongs_left;   /* pings still to answer */
  guint              n_pings;
  guint              n_pongs;
  char               pong[126];    /* the last pong's payload */
  guint              close_code;   /* of the server's close frame, 0 if none */
  gboolean           got_close;
  gboolean           close_sent;   /* ours, sent or echoed */
  gsize              n_read;
} RawClient;

void       pulse_test_fixture_set_up    (Fixture       *fixture,
                                         gconstpointer  data);
void       pulse_test_fixture_tear_down (Fixture       *fixture,
                                         gconstpointer  data);
void       pulse_test_append            (Fixture       *fixture,
                                         guint          count,
                                         gsize          pad);
JsonNode  *pulse_test_get               (Fixture       *fixture,
                                         const char    *path,
                                         const char    *token,
                                         guint          expected_status);
void       pulse_test_assert_error      (JsonNode      *body,
                                         const char    *code,
                                         const char    *message_part);
void       pulse_test_assert_events     (Fixture       *fixture,
                                         GPtrArray     *frames,
                                         guint          offset,
                                         gint64         first,
                                         gint64         last);

WsClient  *pulse_test_ws_connect        (Fixture       *fixture,
                                         const char    *since,
                                         const char    *token);
WsClient  *pulse_test_ws_open           (Fixture       *fixture,
                                         const char    *since,
                                         const char    *token);
void       pulse_test_ws_wait_connected (WsClient      *client);
void       pulse_test_ws_wait_frames    (WsClient      *client,
                                         guint          count);
void       pulse_test_ws_wait_closed    (WsClient      *client);
void       pulse_test_ws_free           (WsClient      *client);

RawClient *pulse_test_raw_open          (Fixture       *fixture,
                                         int            receive_buffer);
void       pulse_test_raw_read          (RawClient     *raw);
void       pulse_test_raw_send          (RawClient     *raw,
                                         guint          opcode,
                                         gboolean       masked,
                                         const char    *payload);
void       pulse_test_raw_wait_texts    (RawClient     *raw,
                                         guint          count);
void       pulse_test_raw_wait_eof      (RawClient     *raw);
void       pulse_test_raw_free          (RawClient     *raw);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WsClient, pulse_test_ws_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawClient, pulse_test_raw_free)

G_END_DECLS
