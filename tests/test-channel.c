/* test-channel.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-channel.h"
#include "pulse-json.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"

#define DECODE PULSE_TEST_DECODE (pulse_channel_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_channel_to_json)

static const char full_channel[] =
  "{\"id\":\"ch-tg-ua\",\"version\":4,\"kind\":\"telegram\",\"name\":\"Telegram UA bot\","
  "\"realtime\":true,\"sl_target_seconds\":60,\"enabled\":false}";

static const char minimal_channel[] =
  "{\"id\":\"c\",\"version\":0,\"kind\":\"email\",\"name\":\"Mail\","
  "\"realtime\":false,\"sl_target_seconds\":3600,\"enabled\":true}";

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_channel, DECODE, ENCODE);
  PulseChannel *channel = PULSE_CHANNEL (object);

  g_assert_cmpstr (pulse_channel_get_id (channel), ==, "ch-tg-ua");
  g_assert_cmpint (pulse_channel_get_version (channel), ==, 4);
  g_assert_cmpint (pulse_channel_get_kind (channel), ==, PULSE_CHANNEL_KIND_TELEGRAM);
  g_assert_cmpstr (pulse_channel_get_name (channel), ==, "Telegram UA bot");
  g_assert_true (pulse_channel_get_realtime (channel));
  g_assert_cmpint (pulse_channel_get_sl_target_seconds (channel), ==, 60);
  g_assert_false (pulse_channel_get_enabled (channel));
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_channel, DECODE, ENCODE);
  PulseChannel *channel = PULSE_CHANNEL (object);

  g_assert_cmpint (pulse_channel_get_kind (channel), ==, PULSE_CHANNEL_KIND_EMAIL);
  g_assert_false (pulse_channel_get_realtime (channel));
  g_assert_true (pulse_channel_get_enabled (channel));
}

/* "enabled" is the one optional field: absent or null means enabled. */
static void
test_enabled_defaults_true (void)
{
  static const char *inputs[] = {
    "{\"id\":\"c\",\"version\":0,\"kind\":\"in-app\",\"name\":\"App\","
    "\"realtime\":true,\"sl_target_seconds\":30}",
    "{\"id\":\"c\",\"version\":0,\"kind\":\"in-app\",\"name\":\"App\","
    "\"realtime\":true,\"sl_target_seconds\":30,\"enabled\":null}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(JsonNode) node = pulse_test_parse (inputs[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PulseChannel) channel = pulse_channel_new_from_json (node, &error);

      g_assert_no_error (error);
      g_assert_true (pulse_channel_get_enabled (channel));
      g_assert_cmpint (pulse_channel_get_kind (channel), ==, PULSE_CHANNEL_KIND_IN_APP);
    }
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"c\",\"version\":1,\"kind\":\"chat\",\"name\":\"Chat\",\"realtime\":true,"
    "\"sl_target_seconds\":20,\"colour\":\"red\",\"extra\":{\"a\":[1]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseChannel) channel = pulse_channel_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pulse_channel_get_name (channel), ==, "Chat");
}

static void
test_bad_fields (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "7", "id: expected a string, got a number" },
    { "id", "\"\"", "id: must not be empty" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "version", NULL, "version: is required" },
    { "version", "\"1\"", "version: expected an integer, got a string" },
    { "version", "-1", "version: -1 is outside" },
    { "version", "1.5", "version: expected an integer" },
    { "kind", NULL, "kind: is required" },
    { "kind", "\"fax\"", "kind: unknown value “fax”" },
    { "kind", "\"Chat\"", "kind: unknown value “Chat”" },
    { "kind", "3", "kind: expected a string, got a number" },
    { "name", NULL, "name: is required" },
    { "name", "\"\"", "name: must not be empty" },
    { "name", "[]", "name: expected a string, got an array" },
    { "name", long_name, "name: longer than 256 bytes" },
    { "realtime", NULL, "realtime: is required" },
    { "realtime", "\"yes\"", "realtime: expected a boolean, got a string" },
    { "realtime", "1", "realtime: expected a boolean, got a number" },
    { "sl_target_seconds", NULL, "sl_target_seconds: is required" },
    { "sl_target_seconds", "0", "sl_target_seconds: 0 is outside 1…604800" },
    { "sl_target_seconds", "-20", "sl_target_seconds: -20 is outside" },
    { "sl_target_seconds", "604801", "sl_target_seconds: 604801 is outside" },
    { "sl_target_seconds", "20.5", "sl_target_seconds: expected an integer" },
    { "sl_target_seconds", "\"20\"", "sl_target_seconds: expected an integer, got a string" },
    { "enabled", "\"true\"", "enabled: expected a boolean, got a string" },
    { "enabled", "{}", "enabled: expected a boolean, got an object" },
  };

  pulse_test_assert_bad_mutations (full_channel, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static void
test_new (void)
{
  g_autoptr(PulseChannel) channel = pulse_channel_new ("c", PULSE_CHANNEL_KIND_PHONE);

  g_assert_cmpstr (pulse_channel_get_id (channel), ==, "c");
  g_assert_cmpint (pulse_channel_get_kind (channel), ==, PULSE_CHANNEL_KIND_PHONE);
  g_assert_cmpint (pulse_channel_get_sl_target_seconds (channel), >, 0);
  g_assert_true (pulse_channel_get_enabled (channel));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/channel/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/channel/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/channel/enabled-defaults-true", test_enabled_defaults_true);
  g_test_add_func ("/pulse/core/channel/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/channel/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/channel/new", test_new);

  return g_test_run ();
}
