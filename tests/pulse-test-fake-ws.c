/* pulse-test-fake-ws.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-test-fake-ws.h"
#include "pulse-test-stream.h"

#define WS_GUID "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

typedef struct
{
  GSocketConnection *conn;
  Silent            *silent;
  char               buf[8192];
  gsize              len;
} Peer;

static void
on_fake_ws_cb (SoupServer              *server,
               SoupServerMessage       *msg,
               const char              *path,
               SoupWebsocketConnection *conn,
               gpointer                 user_data)
{
  Fake *fake = user_data;

  g_ptr_array_add (fake->sinces, g_strdup (g_uri_get_query (soup_server_message_get_uri (msg))));
  g_ptr_array_add (fake->conns, g_object_ref (conn));
}

static void
on_fake_busy_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  ((Fake *) user_data)->refusals++;
  soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
}

static char *
url_of (GSocketAddress *address)
{
  return g_strdup_printf ("http://127.0.0.1:%u",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
}

/**
 * pulse_test_fake_new:
 *
 * A WebSocket server for `/api/v1/events` that sends only what the test
 * sends on its side of each connection, and answers 503 under `/busy`.
 *
 * Returns: (transfer full): the listening server.
 */
Fake *
pulse_test_fake_new (void)
{
  Fake *fake = g_new0 (Fake, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSList *listeners;

  fake->conns = g_ptr_array_new_with_free_func (g_object_unref);
  fake->sinces = g_ptr_array_new_with_free_func (g_free);
  fake->soup = soup_server_new (NULL, NULL);
  soup_server_add_websocket_handler (fake->soup, "/api/v1/events", NULL, NULL, on_fake_ws_cb,
                                     fake, NULL);
  soup_server_add_handler (fake->soup, "/busy", on_fake_busy_cb, fake, NULL);
  g_assert_true (soup_server_listen (fake->soup, address, 0, &error));
  g_assert_no_error (error);

  listeners = soup_server_get_listeners (fake->soup);
  bound = g_socket_get_local_address (listeners->data, &error);
  g_slist_free (listeners);
  g_assert_no_error (error);
  fake->url = url_of (bound);
  return fake;
}

void
pulse_test_fake_free (Fake *fake)
{
  for (guint i = 0; i < fake->conns->len; i++)
    if (soup_websocket_connection_get_state (fake->conns->pdata[i]) == SOUP_WEBSOCKET_STATE_OPEN)
      soup_websocket_connection_close (fake->conns->pdata[i], SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  soup_server_disconnect (fake->soup);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_ptr_array_unref (fake->conns);
  g_ptr_array_unref (fake->sinces);
  g_object_unref (fake->soup);
  g_free (fake->url);
  g_free (fake);
}

typedef struct
{
  guint *value;
  guint  count;
} Count;

static gboolean
reached (gpointer user_data)
{
  Count *count = user_data;

  return *count->value >= count->count;
}

void
pulse_test_wait_count (guint *value,
            guint  count)
{
  Count wait = { value, count };

  pulse_test_wait_for (reached, &wait, PULSE_TEST_STREAM_WAIT_MS);
}

static void
on_silent_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data);

static void
silent_read_more (Peer *peer)
{
  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (peer->conn)),
                             peer->buf + peer->len, sizeof peer->buf - 1 - peer->len,
                             G_PRIORITY_DEFAULT, peer->silent->cancellable, on_silent_read_cb,
                             peer);
}

/* Answers the handshake (RFC 6455 §4.2.2), then never reads or writes. */
static void
silent_upgrade (Peer *peer)
{
  const char *key = strstr (peer->buf, "Sec-WebSocket-Key: ");
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *accept = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  guint8 digest[20];
  gsize length = sizeof digest;

  g_assert_nonnull (key);
  key += strlen ("Sec-WebSocket-Key: ");
  g_checksum_update (sha1, (const guchar *) key, strcspn (key, "\r"));
  g_checksum_update (sha1, (const guchar *) WS_GUID, -1);
  g_checksum_get_digest (sha1, digest, &length);
  accept = g_base64_encode (digest, length);
  answer = g_strdup_printf ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n", accept);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (peer->conn)), answer,
                             strlen (answer), NULL, NULL, &error);
  g_assert_no_error (error);
  peer->silent->upgraded++;
}

static void
on_silent_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);
  Peer *peer = user_data;

  /* Closed, or cancelled by silent_free(): @peer may be gone. */
  if (n <= 0)
    return;

  peer->len += n;
  peer->buf[peer->len] = '\0';
  if (strstr (peer->buf, "\r\n\r\n") != NULL)
    silent_upgrade (peer);
  else
    silent_read_more (peer);
}

static gboolean
on_silent_incoming_cb (GSocketService    *service,
                       GSocketConnection *conn,
                       GObject           *source,
                       gpointer           user_data)
{
  Silent *silent = user_data;
  Peer *peer = g_new0 (Peer, 1);

  peer->conn = g_object_ref (conn);
  peer->silent = silent;
  g_ptr_array_add (silent->peers, peer);
  silent_read_more (peer);
  return TRUE;
}

static void
peer_free (Peer *peer)
{
  g_io_stream_close (G_IO_STREAM (peer->conn), NULL, NULL);
  g_object_unref (peer->conn);
  g_free (peer);
}

/**
 * pulse_test_silent_new:
 *
 * A server that completes any WebSocket handshake and then neither reads
 * nor writes: no frame, no pong, no close. The kernel keeps the TCP
 * connection up, as it does behind a dead NAT mapping or a hung peer.
 *
 * Returns: (transfer full): the listening server.
 */
Silent *
pulse_test_silent_new (void)
{
  Silent *silent = g_new0 (Silent, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  silent->peers = g_ptr_array_new_with_free_func ((GDestroyNotify) peer_free);
  silent->cancellable = g_cancellable_new ();
  silent->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (silent->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &bound,
                                 &error);
  g_assert_no_error (error);
  g_signal_connect (silent->service, "incoming", G_CALLBACK (on_silent_incoming_cb), silent);
  silent->url = url_of (bound);
  return silent;
}

void
pulse_test_silent_free (Silent *silent)
{
  g_cancellable_cancel (silent->cancellable);
  g_socket_service_stop (silent->service);
  g_socket_listener_close (G_SOCKET_LISTENER (silent->service));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_ptr_array_unref (silent->peers);
  g_object_unref (silent->service);
  g_object_unref (silent->cancellable);
  g_free (silent->url);
  g_free (silent);
}
