/* test-client.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-client.h"

static void
assert_url (const char       *url,
            gboolean          allow_insecure,
            PulseClientError  expected)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = pulse_client_check_url (url, allow_insecure, &error);

  if (expected == 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, PULSE_CLIENT_ERROR, (int) expected);
    }
}

static void
test_transport_policy (void)
{
  assert_url ("https://pulse.example.com", FALSE, 0);
  assert_url ("HTTPS://pulse.example.com:8443/", FALSE, 0);
  assert_url ("http://127.0.0.1:8787", FALSE, 0);
  assert_url ("http://127.9.9.9", FALSE, 0);
  assert_url ("http://[::1]:8787", FALSE, 0);
  assert_url ("http://localhost:8787", FALSE, 0);

  /* A token over plain HTTP to another host is refused unless allowed. */
  assert_url ("http://pulse.example.com", FALSE, PULSE_CLIENT_ERROR_INSECURE);
  assert_url ("http://10.0.0.5:8787", FALSE, PULSE_CLIENT_ERROR_INSECURE);
  assert_url ("http://localhost.example.com", FALSE, PULSE_CLIENT_ERROR_INSECURE);
  assert_url ("http://pulse.example.com", TRUE, 0);

  assert_url ("ftp://pulse.example.com", TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
  assert_url ("pulse.example.com", TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
  assert_url ("", TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
  assert_url ("https://pulse example.com", TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
  assert_url (NULL, TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
}

static void
test_loopback (void)
{
  g_assert_false (pulse_client_host_is_loopback (NULL));
  g_assert_false (pulse_client_host_is_loopback (""));
  g_assert_true (pulse_client_host_is_loopback ("localhost"));
  g_assert_true (pulse_client_host_is_loopback ("LocalHost"));
  g_assert_true (pulse_client_host_is_loopback ("127.0.0.1"));
  g_assert_true (pulse_client_host_is_loopback ("127.42.0.7"));
  g_assert_true (pulse_client_host_is_loopback ("::1"));
  g_assert_false (pulse_client_host_is_loopback ("[::1]"));
  g_assert_false (pulse_client_host_is_loopback ("128.0.0.1"));
  g_assert_false (pulse_client_host_is_loopback ("localhost.localdomain.example"));
}

static void
test_base_url_trailing_slash (void)
{
  g_autoptr(PulseClient) client = pulse_client_new ("http://127.0.0.1:1/", NULL);

  g_assert_cmpstr (pulse_client_get_base_url (client), ==, "http://127.0.0.1:1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/net/client/transport-policy", test_transport_policy);
  g_test_add_func ("/pulse/net/client/loopback", test_loopback);
  g_test_add_func ("/pulse/net/client/base-url-trailing-slash", test_base_url_trailing_slash);

  return g_test_run ();
}
