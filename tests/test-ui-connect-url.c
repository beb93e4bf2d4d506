/* test-ui-connect-url.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connect dialog's address policy and state, without a display.
 */

#include "config.h"

#include <string.h>

#include "pulse-connect-dialog-state.h"
#include "pulse-test-util.h"

typedef struct
{
  const char          *url;
  gboolean             allow_insecure_http;
  PulseServerUrlCheck  expected;
} UrlCase;

static const UrlCase url_cases[] = {
  { NULL, FALSE, PULSE_SERVER_URL_EMPTY },
  { "", FALSE, PULSE_SERVER_URL_EMPTY },
  { "   ", FALSE, PULSE_SERVER_URL_EMPTY },
  { "pulse.example.com", FALSE, PULSE_SERVER_URL_NO_SCHEME },
  { "localhost:8080", FALSE, PULSE_SERVER_URL_NO_SCHEME },
  { "https://pulse.example.com", FALSE, PULSE_SERVER_URL_OK },
  { "  https://pulse.example.com/  ", FALSE, PULSE_SERVER_URL_OK },
  { "HTTPS://Pulse.Example.com:8443/helpdesk", FALSE, PULSE_SERVER_URL_OK },
  { "https://10.0.0.5", FALSE, PULSE_SERVER_URL_OK },
  /* Plain HTTP: loopback only, unless the user allowed it. */
  { "http://127.0.0.1:8080", FALSE, PULSE_SERVER_URL_OK },
  { "http://127.1.2.3", FALSE, PULSE_SERVER_URL_OK },
  { "http://127.255.255.254:1/", FALSE, PULSE_SERVER_URL_OK },
  { "http://localhost:3000", FALSE, PULSE_SERVER_URL_OK },
  { "http://LOCALHOST", FALSE, PULSE_SERVER_URL_OK },
  { "http://[::1]:8080", FALSE, PULSE_SERVER_URL_OK },
  { "HTTP://127.0.0.1", FALSE, PULSE_SERVER_URL_OK },
  { "http://pulse.example.com", FALSE, PULSE_SERVER_URL_INSECURE },
  { "http://pulse.example.com", TRUE, PULSE_SERVER_URL_OK },
  { "http://128.0.0.1", FALSE, PULSE_SERVER_URL_INSECURE },
  { "http://126.255.255.255", FALSE, PULSE_SERVER_URL_INSECURE },
  { "http://10.0.0.5", FALSE, PULSE_SERVER_URL_INSECURE },
  { "http://0.0.0.0", FALSE, PULSE_SERVER_URL_INSECURE },
  { "http://[::2]", FALSE, PULSE_SERVER_URL_INSECURE },
  { "http://[::ffff:10.0.0.1]", FALSE, PULSE_SERVER_URL_INSECURE },
  /* Names that only look local. */
  { "http://localhost.example.com", FALSE, PULSE_SERVER_URL_INSECURE },
  { "http://127.0.0.1.nip.io", FALSE, PULSE_SERVER_URL_INSECURE },
  { "http://user@localhost.evil", FALSE, PULSE_SERVER_URL_INSECURE },
  /* Not http or https at all. */
  { "ftp://pulse.example.com", FALSE, PULSE_SERVER_URL_BAD_SCHEME },
  { "ws://localhost:8080", TRUE, PULSE_SERVER_URL_BAD_SCHEME },
  { "file:///etc/passwd", FALSE, PULSE_SERVER_URL_INVALID },
  { "https://", FALSE, PULSE_SERVER_URL_INVALID },
  { "http:///api", FALSE, PULSE_SERVER_URL_INVALID },
  { "https://exa mple.com", FALSE, PULSE_SERVER_URL_INVALID },
  { "://pulse.example.com", FALSE, PULSE_SERVER_URL_INVALID },
};

static void
test_check_url (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (url_cases); i++)
    {
      const UrlCase *c = &url_cases[i];

      g_test_message ("%s (insecure %s)", c->url ? c->url : "(null)",
                      c->allow_insecure_http ? "allowed" : "refused");
      g_assert_cmpint (pulse_connect_dialog_check_url (c->url, c->allow_insecure_http),
                       ==, c->expected);
    }
}

static void
test_state_empty (void)
{
  PulseConnectDialogState state;

  /* Nothing typed yet is not an error; Connect is just not possible. */
  pulse_connect_dialog_state_compute (&state, "", FALSE, FALSE);
  g_assert_cmpint (state.url_check, ==, PULSE_SERVER_URL_EMPTY);
  g_assert_false (state.url_error);
  g_assert_false (state.can_connect);
  g_assert_null (state.message);
}

static void
test_state_valid (void)
{
  PulseConnectDialogState state;

  pulse_connect_dialog_state_compute (&state, "https://pulse.example.com", FALSE, FALSE);
  g_assert_false (state.url_error);
  g_assert_true (state.can_connect);
  g_assert_null (state.message);

  /* No second attempt while one runs. */
  pulse_connect_dialog_state_compute (&state, "https://pulse.example.com", FALSE, TRUE);
  g_assert_false (state.can_connect);
}

static void
test_state_errors_explain (void)
{
  static const char * const bad[] = {
    "pulse.example.com",
    "https://",
    "ftp://pulse.example.com",
    "http://pulse.example.com",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      PulseConnectDialogState state;

      pulse_connect_dialog_state_compute (&state, bad[i], FALSE, FALSE);
      g_assert_true (state.url_error);
      g_assert_false (state.can_connect);
      g_assert_nonnull (state.message);
      g_assert_cmpuint (strlen (state.message), >, 20);
    }
}

static void
test_state_insecure_message (void)
{
  PulseConnectDialogState state;

  pulse_connect_dialog_state_compute (&state, "http://pulse.example.com", FALSE, FALSE);
  g_assert_cmpint (state.url_check, ==, PULSE_SERVER_URL_INSECURE);
  g_assert_nonnull (strstr (state.message, "Preferences"));

  pulse_connect_dialog_state_compute (&state, "http://pulse.example.com", TRUE, FALSE);
  g_assert_true (state.can_connect);
  g_assert_null (state.message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/connect-url/check-url", test_check_url);
  g_test_add_func ("/pulse/ui/connect-url/state-empty", test_state_empty);
  g_test_add_func ("/pulse/ui/connect-url/state-valid", test_state_valid);
  g_test_add_func ("/pulse/ui/connect-url/state-errors-explain", test_state_errors_explain);
  g_test_add_func ("/pulse/ui/connect-url/state-insecure-message", test_state_insecure_message);

  return g_test_run ();
}
