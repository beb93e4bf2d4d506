/* test-server-limits.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's settings file and the per-token rate limit.
 */

#include "config.h"

#include "pulse-rate-limiter.h"
#include "pulse-server-config.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

static gboolean
load (PulseServerConfig  *config,
      const char         *text,
      GError            **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  pulse_server_config_init_defaults (config);
  g_assert_true (g_key_file_load_from_data (keyfile, text, -1, G_KEY_FILE_NONE, NULL));
  return pulse_server_config_load (config, keyfile, error);
}

static void
test_config_defaults_and_overrides (void)
{
  PulseServerConfig config;
  g_autoptr(GError) error = NULL;

  g_assert_true (load (&config, "[other]\nkey=1\n", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (config.retention_days, ==, 30);
  g_assert_cmpuint (config.ping_interval_seconds, ==, 15);

  g_assert_true (load (&config, "[server]\nretention-days=7\nping-interval-seconds=2\n"
                       "rate-limit-per-minute=0\n", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (config.retention_days, ==, 7);
  g_assert_cmpuint (config.ping_interval_seconds, ==, 2);
  g_assert_cmpuint (config.rate_limit_per_minute, ==, 0);
  g_assert_cmpuint (config.send_queue_bytes, ==, 8 * 1024 * 1024);
}

static void
test_config_refuses_mistakes (void)
{
  static const struct { const char *text; const char *part; } cases[] = {
    { "[server]\nretension-days=7\n", "retension-days: unknown key" },
    { "[server]\nretention-days=0\n", "retention-days: expected a whole number from 1" },
    { "[server]\nping-interval-seconds=-4\n", "ping-interval-seconds" },
    { "[server]\nsend-queue-bytes=lots\n", "send-queue-bytes" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PulseServerConfig config;
      g_autoptr(GError) error = NULL;

      g_assert_false (load (&config, cases[i].text, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].part));
      /* A refused file leaves the defaults in place. */
      g_assert_cmpuint (config.retention_days, ==, 30);
    }
}

static void
test_bucket_refills (void)
{
  g_autoptr(PulseRateLimiter) limiter = pulse_rate_limiter_new (60, 3);
  gint64 t = 1000 * G_USEC_PER_SEC;
  guint retry = 0;

  for (int i = 0; i < 3; i++)
    g_assert_true (pulse_rate_limiter_take (limiter, "a", t, &retry));
  g_assert_false (pulse_rate_limiter_take (limiter, "a", t, &retry));
  /* One a second at 60 a minute. */
  g_assert_cmpuint (retry, ==, 1);
  /* Another key has its own bucket. */
  g_assert_true (pulse_rate_limiter_take (limiter, "b", t, &retry));

  g_assert_false (pulse_rate_limiter_take (limiter, "a", t + G_USEC_PER_SEC / 2, &retry));
  g_assert_true (pulse_rate_limiter_take (limiter, "a", t + G_USEC_PER_SEC, &retry));
  /* A long pause refills only up to the burst. */
  t += G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC;
  for (int i = 0; i < 3; i++)
    g_assert_true (pulse_rate_limiter_take (limiter, "a", t, &retry));
  g_assert_false (pulse_rate_limiter_take (limiter, "a", t, &retry));
}

static void
test_unlimited (void)
{
  g_autoptr(PulseRateLimiter) limiter = pulse_rate_limiter_new (0, 1);

  for (int i = 0; i < 1000; i++)
    g_assert_true (pulse_rate_limiter_take (limiter, "a", 0, NULL));
}

static void
test_server_answers_429 (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  const char *viewer = pulse_test_server_get_token (ts, PULSE_ROLE_VIEWER);
  const char *lead = pulse_test_server_get_token (ts, PULSE_ROLE_LEAD);
  g_autoptr(PulseTestResponse) limited = NULL;
  g_autoptr(PulseTestResponse) other = NULL;
  g_autoptr(PulseTestResponse) health = NULL;
  PulseServerConfig config;

  pulse_server_config_init_defaults (&config);
  config.rate_limit_per_minute = 1;
  config.rate_limit_burst = 2;
  pulse_server_set_config (ts->server, &config);

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(PulseTestResponse) r = pulse_test_server_request (ts, "GET", "/api/v1/rules",
                                                                  viewer, NULL, NULL);
      g_assert_cmpuint (r->status, ==, 200);
    }

  limited = pulse_test_server_request (ts, "GET", "/api/v1/rules", viewer, NULL, NULL);
  g_assert_cmpuint (limited->status, ==, 429);
  g_assert_cmpstr (pulse_test_response_error_code (limited), ==, "rate_limited");
  /* A minute for one request at one a minute, give or take the clock. */
  g_assert_cmpint (atoi (soup_message_headers_get_one (limited->headers, "Retry-After")), >=, 59);
  g_assert_cmpint (atoi (soup_message_headers_get_one (limited->headers, "Retry-After")), <=, 60);

  other = pulse_test_server_request (ts, "GET", "/api/v1/rules", lead, NULL, NULL);
  g_assert_cmpuint (other->status, ==, 200);
  health = pulse_test_server_request (ts, "GET", "/api/v1/health", NULL, NULL, NULL);
  g_assert_cmpuint (health->status, ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/limits/config-defaults-and-overrides",
                   test_config_defaults_and_overrides);
  g_test_add_func ("/pulse/server/limits/config-refuses-mistakes", test_config_refuses_mistakes);
  g_test_add_func ("/pulse/server/limits/bucket-refills", test_bucket_refills);
  g_test_add_func ("/pulse/server/limits/unlimited", test_unlimited);
  g_test_add_func ("/pulse/server/limits/server-answers-429", test_server_answers_429);

  return g_test_run ();
}
