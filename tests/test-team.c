/* test-team.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-team.h"
#include "pulse-test-util.h"

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = NULL;
  PulseTeam *team;

  object = pulse_test_assert_round_trip (
    "{\"id\":\"team-ua\",\"version\":3,\"name\":\"Kyiv desk\","
    "\"lead_id\":\"agent-7\",\"timezone\":\"Europe/Kyiv\"}",
    PULSE_TEST_DECODE (pulse_team_new_from_json), PULSE_TEST_ENCODE (pulse_team_to_json));

  team = PULSE_TEAM (object);
  g_assert_cmpstr (pulse_team_get_id (team), ==, "team-ua");
  g_assert_cmpint (pulse_team_get_version (team), ==, 3);
  g_assert_cmpstr (pulse_team_get_name (team), ==, "Kyiv desk");
  g_assert_cmpstr (pulse_team_get_lead_id (team), ==, "agent-7");
  g_assert_cmpstr (pulse_team_get_timezone (team), ==, "Europe/Kyiv");
}

static void
test_optional_fields (void)
{
  g_autoptr(GObject) object = NULL;

  object = pulse_test_assert_round_trip ("{\"id\":\"t\",\"version\":0,\"name\":\"N\"}",
                                         PULSE_TEST_DECODE (pulse_team_new_from_json),
                                         PULSE_TEST_ENCODE (pulse_team_to_json));
  g_assert_null (pulse_team_get_lead_id (PULSE_TEAM (object)));
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"t\",\"version\":1,\"name\":\"N\",\"colour\":\"red\",\"extra\":{\"a\":[1]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTeam) team = pulse_team_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pulse_team_get_name (team), ==, "N");
}

static void
test_bad_input (void)
{
  g_autofree char *long_name = g_strnfill (300, 'x');
  g_autofree char *too_long = g_strdup_printf ("{\"id\":\"t\",\"version\":1,\"name\":\"%s\"}",
                                               long_name);
  const PulseTestBadInput cases[] = {
    { "{\"version\":1,\"name\":\"N\"}", "id: is required" },
    { "{\"id\":\"\",\"version\":1,\"name\":\"N\"}", "id: must not be empty" },
    { "{\"id\":7,\"version\":1,\"name\":\"N\"}", "id: expected a string, got a number" },
    { "{\"id\":\"t\",\"version\":\"1\",\"name\":\"N\"}", "version: expected an integer" },
    { "{\"id\":\"t\",\"version\":-1,\"name\":\"N\"}", "version: -1 is outside" },
    { "{\"id\":\"t\",\"version\":1.5,\"name\":\"N\"}", "version: expected an integer" },
    { "{\"id\":\"t\",\"version\":1}", "name: is required" },
    { "{\"id\":\"t\",\"version\":1,\"name\":null}", "name: is required" },
    { "{\"id\":\"t\",\"version\":1,\"name\":\"N\",\"lead_id\":[]}", "lead_id: expected a string" },
    { too_long, "name: longer than 256 bytes" },
  };

  pulse_test_assert_bad_inputs (cases, G_N_ELEMENTS (cases),
                                PULSE_TEST_DECODE (pulse_team_new_from_json));
  pulse_test_assert_rejects_non_objects (PULSE_TEST_DECODE (pulse_team_new_from_json));
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
  g_autoptr(PulseTeam) team = pulse_team_new ("t");
  guint count = 0;

  g_signal_connect (team, "notify::name", G_CALLBACK (on_notify_cb), &count);
  pulse_team_set_name (team, "A");
  pulse_team_set_name (team, "A");
  pulse_team_set_name (team, "B");
  g_assert_cmpuint (count, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/team/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/team/optional-fields", test_optional_fields);
  g_test_add_func ("/pulse/core/team/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/team/bad-input", test_bad_input);
  g_test_add_func ("/pulse/core/team/setters-notify-on-change-only",
                   test_setters_notify_on_change_only);

  return g_test_run ();
}
