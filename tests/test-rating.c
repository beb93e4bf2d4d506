/* test-rating.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-rating.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define DECODE PULSE_TEST_DECODE (pulse_rating_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_rating_to_json)

static const char full_rating[] =
  "{\"kind\":\"nps\",\"score\":9,\"at\":\"2026-11-20T10:00:00Z\","
  "\"comment\":\"Швидко і ввічливо\"}";

static const char minimal_rating[] =
  "{\"kind\":\"csat\",\"score\":5,\"at\":\"2026-11-20T10:00:00Z\"}";

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_rating, DECODE, ENCODE);
  PulseRating *rating = PULSE_RATING (object);
  gint64 at = 0;

  g_assert_true (pulse_time_parse ("2026-11-20T10:00:00Z", &at));
  g_assert_cmpint (pulse_rating_get_kind (rating), ==, PULSE_RATING_KIND_NPS);
  g_assert_cmpint (pulse_rating_get_score (rating), ==, 9);
  g_assert_cmpint (pulse_rating_get_at (rating), ==, at);
  g_assert_cmpstr (pulse_rating_get_comment (rating), ==, "Швидко і ввічливо");
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_rating, DECODE, ENCODE);
  PulseRating *rating = PULSE_RATING (object);

  g_assert_cmpint (pulse_rating_get_kind (rating), ==, PULSE_RATING_KIND_CSAT);
  g_assert_cmpint (pulse_rating_get_score (rating), ==, 5);
  g_assert_null (pulse_rating_get_comment (rating));
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"kind\":\"ces\",\"score\":2,\"at\":\"2026-11-20T10:00:00Z\",\"survey\":\"s-1\","
    "\"id\":\"ignored\",\"extra\":{\"a\":[1]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseRating) rating = pulse_rating_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pulse_rating_get_kind (rating), ==, PULSE_RATING_KIND_CES);
  g_assert_cmpint (pulse_rating_get_score (rating), ==, 2);
}

static void
test_bad_fields (void)
{
  g_autofree char *long_comment = pulse_test_long_string (PULSE_JSON_MAX_TEXT + 1, 'c');
  const PulseTestMutation mutations[] = {
    { "kind", NULL, "kind: is required" },
    { "kind", "\"stars\"", "kind: unknown value “stars”" },
    { "kind", "\"CSAT\"", "kind: unknown value “CSAT”" },
    { "kind", "2", "kind: expected a string, got a number" },
    { "score", NULL, "score: is required" },
    { "score", "\"9\"", "score: expected an integer, got a string" },
    { "score", "8.5", "score: expected an integer" },
    { "score", "11", "score: 11 is outside 0…10 for nps" },
    { "score", "-1", "score: -1 is outside 0…10 for nps" },
    { "score", "4294967296", "score: 4294967296 is outside" },
    { "at", NULL, "at: is required" },
    { "at", "\"2026-11-20\"", "at: is not an RFC 3339 time" },
    { "at", "\"\"", "at: is not an RFC 3339 time" },
    { "at", "[]", "at: expected an RFC 3339 time string, got an array" },
    { "comment", "5", "comment: expected a string, got a number" },
    { "comment", long_comment, "comment: longer than 65536 bytes" },
  };

  pulse_test_assert_bad_mutations (full_rating, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

/* Each kind has its own scale; the first score outside it names "score". */
static void
test_score_scales (void)
{
  static const struct {
    const char *kind;
    int         min;
    int         max;
  } scales[] = {
    { "csat", 1, 5 },
    { "nps", 0, 10 },
    { "ces", 1, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      for (int score = scales[i].min - 2; score <= scales[i].max + 2; score++)
        {
          g_autofree char *json = g_strdup_printf (
            "{\"kind\":\"%s\",\"score\":%d,\"at\":\"2026-11-20T10:00:00Z\"}",
            scales[i].kind, score);
          g_autoptr(JsonNode) node = pulse_test_parse (json);
          g_autoptr(GError) error = NULL;
          g_autoptr(PulseRating) rating = pulse_rating_new_from_json (node, &error);
          gboolean in_scale = score >= scales[i].min && score <= scales[i].max;

          if (in_scale)
            {
              g_assert_no_error (error);
              g_assert_cmpint (pulse_rating_get_score (rating), ==, score);
            }
          else
            {
              g_autofree char *expected = g_strdup_printf ("score: %d is outside %d…%d for %s",
                                                           score, scales[i].min, scales[i].max,
                                                           scales[i].kind);

              g_assert_null (rating);
              g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
              g_assert_cmpstr (error->message, ==, expected);
            }
        }
    }
}

static void
test_kind_get_range (void)
{
  int min_score = -1;
  int max_score = -1;

  pulse_rating_kind_get_range (PULSE_RATING_KIND_CSAT, &min_score, &max_score);
  g_assert_cmpint (min_score, ==, 1);
  g_assert_cmpint (max_score, ==, 5);
  pulse_rating_kind_get_range (PULSE_RATING_KIND_NPS, &min_score, &max_score);
  g_assert_cmpint (min_score, ==, 0);
  g_assert_cmpint (max_score, ==, 10);
  pulse_rating_kind_get_range (PULSE_RATING_KIND_CES, &min_score, &max_score);
  g_assert_cmpint (min_score, ==, 1);
  g_assert_cmpint (max_score, ==, 7);
}

static void
test_new (void)
{
  g_autoptr(PulseRating) rating = pulse_rating_new (PULSE_RATING_KIND_NPS, 0, 1000);

  g_assert_cmpint (pulse_rating_get_kind (rating), ==, PULSE_RATING_KIND_NPS);
  g_assert_cmpint (pulse_rating_get_score (rating), ==, 0);
  g_assert_cmpint (pulse_rating_get_at (rating), ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/rating/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/rating/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/rating/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/rating/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/rating/score-scales", test_score_scales);
  g_test_add_func ("/pulse/core/rating/kind-get-range", test_kind_get_range);
  g_test_add_func ("/pulse/core/rating/new", test_new);

  return g_test_run ();
}
