/* test-queue.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-queue.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"

#define DECODE PULSE_TEST_DECODE (pulse_queue_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_queue_to_json)

static const char full_queue[] =
  "{\"id\":\"q-ua-chat\",\"version\":7,\"name\":\"Ukraine chat\",\"channel\":\"chat\","
  "\"country\":\"UA\",\"language\":\"uk\",\"timezone\":\"Europe/Kyiv\",\"team_id\":\"team-ua\","
  "\"sl_target_seconds\":20,\"sl_goal\":0.8,\"patience_seconds\":90}";

static const char minimal_queue[] =
  "{\"id\":\"q\",\"version\":0,\"name\":\"Spain mail\",\"channel\":\"email\","
  "\"country\":\"ES\",\"language\":\"es\",\"sl_target_seconds\":3600,\"sl_goal\":1.0}";

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_queue, DECODE, ENCODE);
  PulseQueue *queue = PULSE_QUEUE (object);

  g_assert_cmpstr (pulse_queue_get_id (queue), ==, "q-ua-chat");
  g_assert_cmpint (pulse_queue_get_version (queue), ==, 7);
  g_assert_cmpstr (pulse_queue_get_name (queue), ==, "Ukraine chat");
  g_assert_cmpint (pulse_queue_get_channel (queue), ==, PULSE_CHANNEL_KIND_CHAT);
  g_assert_cmpstr (pulse_queue_get_country (queue), ==, "UA");
  g_assert_cmpstr (pulse_queue_get_language (queue), ==, "uk");
  g_assert_cmpstr (pulse_queue_get_timezone (queue), ==, "Europe/Kyiv");
  g_assert_cmpstr (pulse_queue_get_team_id (queue), ==, "team-ua");
  g_assert_cmpint (pulse_queue_get_sl_target_seconds (queue), ==, 20);
  g_assert_cmpfloat (pulse_queue_get_sl_goal (queue), ==, 0.8);
  g_assert_cmpint (pulse_queue_get_patience_seconds (queue), ==, 90);
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_queue, DECODE, ENCODE);
  PulseQueue *queue = PULSE_QUEUE (object);

  g_assert_null (pulse_queue_get_timezone (queue));
  g_assert_null (pulse_queue_get_team_id (queue));
  g_assert_cmpfloat (pulse_queue_get_sl_goal (queue), ==, 1.0);
  g_assert_cmpint (pulse_queue_get_patience_seconds (queue), ==, 0);
}

/* Patience 0 means unknown, which the writer leaves out. */
static void
test_zero_patience_is_unknown (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"q\",\"version\":0,\"name\":\"Spain mail\",\"channel\":\"email\","
    "\"country\":\"ES\",\"language\":\"es\",\"sl_target_seconds\":3600,\"sl_goal\":1,"
    "\"patience_seconds\":0,\"timezone\":null}");
  g_autoptr(JsonNode) expected = pulse_test_parse (minimal_queue);
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseQueue) queue = pulse_queue_new_from_json (node, &error);

  g_assert_no_error (error);
  output = pulse_queue_to_json (queue);
  g_assert_true (json_node_equal (output, expected));
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"q\",\"version\":1,\"name\":\"N\",\"channel\":\"phone\",\"country\":\"KZ\","
    "\"language\":\"ru\",\"sl_target_seconds\":20,\"sl_goal\":0.9,\"colour\":\"red\","
    "\"extra\":{\"a\":[1]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseQueue) queue = pulse_queue_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pulse_queue_get_country (queue), ==, "KZ");
}

static void
test_bad_fields (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "7", "id: expected a string, got a number" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "version", NULL, "version: is required" },
    { "version", "-1", "version: -1 is outside" },
    { "version", "\"7\"", "version: expected an integer, got a string" },
    { "name", NULL, "name: is required" },
    { "name", "\"\"", "name: must not be empty" },
    { "name", long_name, "name: longer than 256 bytes" },
    { "name", "true", "name: expected a string, got a boolean" },
    { "channel", NULL, "channel: is required" },
    { "channel", "\"pigeon\"", "channel: unknown value “pigeon”" },
    { "channel", "1", "channel: expected a string, got a number" },
    { "country", NULL, "country: is required" },
    { "country", "\"ua\"", "country: must be two uppercase ASCII letters" },
    { "country", "\"UKR\"", "country: must be two uppercase ASCII letters" },
    { "country", "\"U\"", "country: must be two uppercase ASCII letters" },
    { "country", "\"U1\"", "country: must be two uppercase ASCII letters" },
    { "country", "\"ÜA\"", "country: must be two uppercase ASCII letters" },
    { "country", "380", "country: expected a string, got a number" },
    { "country", long_id, "country: longer than 128 bytes" },
    { "language", NULL, "language: is required" },
    { "language", "\"UK\"", "language: must be a short BCP 47 tag" },
    { "language", "\"u\"", "language: must be a short BCP 47 tag" },
    { "language", "\"ukrainian\"", "language: must be a short BCP 47 tag" },
    { "language", "\"uk_UA\"", "language: must be a short BCP 47 tag" },
    { "language", "\"-uk\"", "language: must be a short BCP 47 tag" },
    { "language", "\"uk-\"", "language: must be a short BCP 47 tag" },
    { "language", "[\"uk\"]", "language: expected a string, got an array" },
    { "timezone", "5", "timezone: expected a string, got a number" },
    { "timezone", long_name, "timezone: longer than 256 bytes" },
    { "team_id", "{}", "team_id: expected a string, got an object" },
    { "team_id", long_id, "team_id: longer than 128 bytes" },
    { "sl_target_seconds", NULL, "sl_target_seconds: is required" },
    { "sl_target_seconds", "0", "sl_target_seconds: 0 is outside 1…604800" },
    { "sl_target_seconds", "604801", "sl_target_seconds: 604801 is outside 1…604800" },
    { "sl_target_seconds", "20.5", "sl_target_seconds: expected an integer" },
    { "sl_goal", NULL, "sl_goal: is required" },
    { "sl_goal", "0", "sl_goal: must be greater than 0" },
    { "sl_goal", "0.0", "sl_goal: must be greater than 0" },
    { "sl_goal", "-0.1", "sl_goal: -0.1 is outside" },
    { "sl_goal", "1.01", "sl_goal: 1.01 is outside" },
    { "sl_goal", "80", "sl_goal: 80 is outside" },
    { "sl_goal", "\"0.8\"", "sl_goal: expected a number, got a string" },
    { "patience_seconds", "-1", "patience_seconds: -1 is outside 0…604800" },
    { "patience_seconds", "604801", "patience_seconds: 604801 is outside" },
    { "patience_seconds", "\"90\"", "patience_seconds: expected an integer, got a string" },
  };

  pulse_test_assert_bad_mutations (full_queue, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static void
test_codes (void)
{
  static const char *good_countries[] = { "UA", "ES", "KZ", "GB" };
  static const char *bad_countries[] = { "", "U", "ua", "Ua", "UKR", "U-", "12" };
  static const char *good_languages[] = { "uk", "es", "ru", "pt-br", "zh-hant", "abcdefgh" };
  static const char *bad_languages[] = { "", "u", "UK", "abcdefghi", "uk_ua", "-uk", "uk-", "u1" };

  for (guint i = 0; i < G_N_ELEMENTS (good_countries); i++)
    g_assert_true (pulse_queue_country_is_valid (good_countries[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_countries); i++)
    g_assert_false (pulse_queue_country_is_valid (bad_countries[i]));
  g_assert_false (pulse_queue_country_is_valid (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (good_languages); i++)
    g_assert_true (pulse_queue_language_is_valid (good_languages[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_languages); i++)
    g_assert_false (pulse_queue_language_is_valid (bad_languages[i]));
  g_assert_false (pulse_queue_language_is_valid (NULL));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_setters_notify_on_change_only (void)
{
  g_autoptr(PulseQueue) queue = pulse_queue_new ("q");
  guint count = 0;

  g_signal_connect (queue, "notify", G_CALLBACK (on_notify_cb), &count);

  pulse_queue_set_sl_goal (queue, 0.9);
  pulse_queue_set_sl_goal (queue, 0.9);
  g_assert_cmpuint (count, ==, 1);

  pulse_queue_set_sl_target_seconds (queue, 30);
  pulse_queue_set_sl_target_seconds (queue, 30);
  g_assert_cmpuint (count, ==, 2);

  pulse_queue_set_patience_seconds (queue, 120);
  pulse_queue_set_patience_seconds (queue, 120);
  g_assert_cmpuint (count, ==, 3);

  g_object_set (queue, "name", "A", "team-id", "t", "timezone", "Europe/Madrid", NULL);
  g_object_set (queue, "name", "A", "team-id", "t", "timezone", "Europe/Madrid", NULL);
  g_assert_cmpuint (count, ==, 6);

  pulse_queue_set_version (queue, 2);
  pulse_queue_set_version (queue, 2);
  g_assert_cmpuint (count, ==, 7);
  g_assert_cmpfloat (pulse_queue_get_sl_goal (queue), ==, 0.9);
  g_assert_cmpstr (pulse_queue_get_timezone (queue), ==, "Europe/Madrid");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/queue/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/queue/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/queue/zero-patience-is-unknown", test_zero_patience_is_unknown);
  g_test_add_func ("/pulse/core/queue/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/queue/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/queue/codes", test_codes);
  g_test_add_func ("/pulse/core/queue/setters-notify-on-change-only",
                   test_setters_notify_on_change_only);

  return g_test_run ();
}
