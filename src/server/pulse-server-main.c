/* pulse-server-main.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "pulse-server.h"

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
split_listen (const char  *listen,
              char       **host,
              guint       *port,
              GError     **error)
{
  const char *colon = strrchr (listen, ':');
  guint64 value;

  if (colon == NULL ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--listen wants HOST:PORT, got “%s”", listen);
      return FALSE;
    }

  *host = g_strndup (listen, colon - listen);
  /* Accept [::1]:PORT for IPv6 literals. */
  if ((*host)[0] == '[')
    {
      char *bare = g_strndup (*host + 1, strlen (*host) - 2);

      g_free (*host);
      *host = bare;
    }

  *port = (guint) value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *listen = NULL;
  g_autofree char *host = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PulseServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  guint port = 0;
  GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen,
      "Address to listen on (default 127.0.0.1:8787; port 0 picks a free one)", "HOST:PORT" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— the Pulse reference helpdesk server");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !split_listen (listen != NULL ? listen : "127.0.0.1:8787", &host, &port, &error))
    {
      g_printerr ("pulse-server: %s\n", error->message);
      return 2;
    }

  server = pulse_server_new ();
  if (!pulse_server_listen (server, host, port, &error))
    {
      g_printerr ("pulse-server: cannot listen on %s:%u: %s\n", host, port, error->message);
      return 1;
    }

  /* Tests and `pulse --demo` read this line to find the chosen port. */
  url = pulse_server_dup_url (server);
  g_print ("listening on %s\n", url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);

  return 0;
}
