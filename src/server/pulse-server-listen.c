/* pulse-server-listen.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server accepts its connections itself and hands each to libsoup
 * with soup_server_accept_iostream(), instead of soup_server_listen().
 * libsoup 3.2's own listener keeps a reference on every socket it
 * accepts: a keep-alive connection that the client closes stays open on
 * the server's side for good (CLOSE-WAIT), one file descriptor and ~2 KB
 * for each, and even a connection libsoup closes leaves its GSocket
 * behind (~350 bytes). bench-soak found it (fds up by 13 a second under
 * 13 ingest requests a second); test-server's closed-connections case
 * holds it.
 */

#include "config.h"

#include <gio/gnetworking.h>

#include "pulse-server-listen.h"

#define SOCKET_KEY "pulse-server-socket"

static gboolean
on_incoming_cb (GSocketService    *service,
                GSocketConnection *connection,
                GObject           *source,
                gpointer           user_data)
{
  SoupServer *soup = user_data;
  GSocket *socket = g_socket_connection_get_socket (connection);
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr(GError) error = NULL;

  /* A client that is already gone has no remote address: nothing to do. */
  if (local == NULL || remote == NULL)
    return TRUE;

  /* What libsoup's listener does for its sockets: small answers and
   * frames are not held back by Nagle's algorithm. */
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  /* libsoup keeps no GSocket for a connection handed over as a stream;
   * the remote address object it keeps carries it for
   * pulse_server_message_get_socket(). */
  g_object_set_data_full (G_OBJECT (remote), SOCKET_KEY, g_object_ref (socket), g_object_unref);
  if (!soup_server_accept_iostream (soup, G_IO_STREAM (connection), local, remote, &error))
    g_debug ("connection not accepted: %s", error->message);
  return TRUE;
}

/**
 * pulse_server_listener_new:
 * @soup: the server that gets the connections
 *
 * Returns: (transfer full): a socket service listening on nothing yet.
 */
GSocketService *
pulse_server_listener_new (SoupServer *soup)
{
  GSocketService *service = g_socket_service_new ();

  g_signal_connect_object (service, "incoming", G_CALLBACK (on_incoming_cb), soup, 0);
  return service;
}

/**
 * pulse_server_listener_add:
 * @address: where to listen
 * @port: (out): the port bound (the one chosen if @address has port 0)
 *
 * Returns: %TRUE if @service now accepts connections on @address.
 */
gboolean
pulse_server_listener_add (GSocketService  *service,
                           GSocketAddress  *address,
                           guint           *port,
                           GError         **error)
{
  g_autoptr(GSocketAddress) bound = NULL;

  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &bound,
                                      error))
    return FALSE;

  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_service_start (service);
  return TRUE;
}

/**
 * pulse_server_listener_stop:
 *
 * Closes every listening socket of @service: new connections are
 * refused. Connections already accepted are libsoup's to close.
 */
void
pulse_server_listener_stop (GSocketService *service)
{
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

/**
 * pulse_server_message_get_socket:
 *
 * soup_server_message_get_socket() for the connections accepted here
 * (for which libsoup has none).
 *
 * Returns: (transfer none) (nullable): the socket @msg came on.
 */
GSocket *
pulse_server_message_get_socket (SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket == NULL && remote != NULL)
    socket = g_object_get_data (G_OBJECT (remote), SOCKET_KEY);
  return socket;
}
