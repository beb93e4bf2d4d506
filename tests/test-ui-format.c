/* test-ui-format.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the pages write figures, with no display.
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "pulse-format.h"

static void
assert_text (char       *text,
             const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_wait (void)
{
  assert_text (pulse_format_wait (0), "0:00");
  assert_text (pulse_format_wait (45), "0:45");
  assert_text (pulse_format_wait (12 * 60 + 3), "12:03");
  assert_text (pulse_format_wait (3600 + 5 * 60 + 9), "1:05:09");
  assert_text (pulse_format_wait (47 * 3600 + 59 * 60), "47:59:00");
  assert_text (pulse_format_wait (51 * 3600), "2 d 3 h");
  assert_text (pulse_format_wait (-1), "–");
}

static void
test_durations (void)
{
  assert_text (pulse_format_seconds (42.4), "42 s");
  assert_text (pulse_format_seconds (59.6), "1 min 00 s");
  assert_text (pulse_format_seconds (200), "3 min 20 s");
  assert_text (pulse_format_seconds (7500), "2 h 05 min");
  assert_text (pulse_format_seconds (NAN), "–");
}

static void
test_shares_and_scores (void)
{
  assert_text (pulse_format_share (0.8449), "84 %");
  assert_text (pulse_format_share (1.0), "100 %");
  assert_text (pulse_format_share (NAN), "–");
  assert_text (pulse_format_score (31.04, 0), "31");
  assert_text (pulse_format_score (2.349, 1), "2.3");
  assert_text (pulse_format_score (NAN, 1), "–");
}

static void
test_tags (void)
{
  assert_text (pulse_format_tag ("payment-not-received"), "Payment not received");
  assert_text (pulse_format_tag ("personal_data_change"), "Personal data change");
  assert_text (pulse_format_tag ("шахрайство"), "Шахрайство");
  assert_text (pulse_format_tag (""), "");
  g_assert_cmpstr (pulse_format_channel (PULSE_CHANNEL_KIND_IN_APP), ==, "In-app chat");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/format/wait", test_wait);
  g_test_add_func ("/pulse/ui/format/durations", test_durations);
  g_test_add_func ("/pulse/ui/format/shares-and-scores", test_shares_and_scores);
  g_test_add_func ("/pulse/ui/format/tags", test_tags);

  return g_test_run ();
}
