/* test-ui-connection-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connection indicator's look, without a display.
 */

#include "config.h"

#include <string.h>

#include "pulse-connection-indicator-state.h"
#include "pulse-enums.h"
#include "pulse-test-util.h"

#define SECOND G_GINT64_CONSTANT (1000000)
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/* Any fixed moment will do: 2026-03-02 10:00:00 UTC. */
#define NOW (G_GINT64_CONSTANT (1772445600) * SECOND)

typedef struct
{
  PulseConnectionState  state;
  const char           *label;
  const char           *css_class;
  const char           *icon_name;
} ExpectedLook;

static const ExpectedLook expected_looks[] = {
  { PULSE_CONNECTION_STATE_DISCONNECTED, "Not connected", "disconnected",
    "network-wired-disconnected-symbolic" },
  { PULSE_CONNECTION_STATE_CONNECTING, "Connecting…", "connecting",
    "emblem-synchronizing-symbolic" },
  { PULSE_CONNECTION_STATE_LIVE, "Live", "live", "network-transmit-receive-symbolic" },
  { PULSE_CONNECTION_STATE_RECONNECTING, "Reconnecting…", "reconnecting",
    "emblem-synchronizing-symbolic" },
  { PULSE_CONNECTION_STATE_OFFLINE, "Offline", "offline", "network-offline-symbolic" },
  { PULSE_CONNECTION_STATE_UNAUTHORIZED, "Not signed in", "unauthorized",
    "dialog-password-symbolic" },
  { PULSE_CONNECTION_STATE_INCOMPATIBLE, "Incompatible server", "incompatible",
    "dialog-warning-symbolic" },
};

#define ADWAITA_SCALABLE "/usr/share/icons/Adwaita/scalable"

static gboolean
adwaita_has_icon (const char *icon_name)
{
  g_autoptr(GDir) dir = g_dir_open (ADWAITA_SCALABLE, 0, NULL);
  g_autofree char *file = g_strconcat (icon_name, ".svg", NULL);
  const char *context;

  while (dir != NULL && (context = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (ADWAITA_SCALABLE, context, file, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

static void
test_every_state (void)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (PULSE_TYPE_CONNECTION_STATE);

  /* A new state needs a look of its own: the table must keep up. */
  g_assert_cmpuint (enum_class->n_values, ==, G_N_ELEMENTS (expected_looks));

  for (guint i = 0; i < G_N_ELEMENTS (expected_looks); i++)
    {
      const ExpectedLook *expected = &expected_looks[i];
      g_auto(PulseConnectionIndicatorState) look = { 0 };

      g_test_message ("state %s", g_enum_get_value (enum_class, expected->state)->value_nick);
      pulse_connection_indicator_state_compute (&look, expected->state,
                                                "https://pulse.example.com", NOW - 3 * MINUTE,
                                                NOW);

      g_assert_cmpstr (look.label, ==, expected->label);
      g_assert_cmpstr (look.css_class, ==, expected->css_class);
      g_assert_cmpstr (look.icon_name, ==, expected->icon_name);
      g_assert_true (g_str_has_suffix (look.icon_name, "-symbolic"));
      g_assert_nonnull (strstr (look.tooltip, "https://pulse.example.com"));
      g_assert_nonnull (strstr (look.tooltip, "Last update 3 minutes ago"));
    }
}

/* Never colour alone: no two states share both a label and a class. */
static void
test_states_are_distinct (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_looks); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (expected_looks); j++)
      {
        g_assert_cmpstr (expected_looks[i].label, !=, expected_looks[j].label);
        g_assert_cmpstr (expected_looks[i].css_class, !=, expected_looks[j].css_class);
      }
}

static void
test_icons_exist (void)
{
  if (!g_file_test (ADWAITA_SCALABLE, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("Adwaita icon theme not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected_looks); i++)
    {
      g_test_message ("icon %s", expected_looks[i].icon_name);
      g_assert_true (adwaita_has_icon (expected_looks[i].icon_name));
    }
}

static void
test_unknown_state (void)
{
  g_auto(PulseConnectionIndicatorState) look = { 0 };

  pulse_connection_indicator_state_compute (&look, (PulseConnectionState) 99, NULL, 0, NOW);
  g_assert_cmpstr (look.css_class, ==, "disconnected");
  g_assert_cmpstr (look.label, ==, "Not connected");
}

static void
test_tooltip_without_server (void)
{
  g_auto(PulseConnectionIndicatorState) look = { 0 };

  pulse_connection_indicator_state_compute (&look, PULSE_CONNECTION_STATE_DISCONNECTED,
                                            NULL, 0, NOW);
  g_assert_cmpstr (look.tooltip, ==, "Pulse is not following any helpdesk server.");
}

static void
test_tooltip_lines (void)
{
  g_auto(PulseConnectionIndicatorState) look = { 0 };

  pulse_connection_indicator_state_compute (&look, PULSE_CONNECTION_STATE_LIVE,
                                            "http://127.0.0.1:8080", 0, NOW);
  g_assert_cmpstr (look.tooltip, ==,
                   "Figures update as the helpdesk reports changes.\n"
                   "http://127.0.0.1:8080\n"
                   "No updates received yet");
}

typedef struct
{
  gint64      age;
  const char *text;
} AgeCase;

static void
test_data_age (void)
{
  static const AgeCase cases[] = {
    { 0, "Last update just now" },
    { SECOND / 2, "Last update just now" },
    { -5 * SECOND, "Last update just now" },
    { SECOND, "Last update 1 second ago" },
    { 45 * SECOND, "Last update 45 seconds ago" },
    { 59 * SECOND + SECOND / 2, "Last update 59 seconds ago" },
    { MINUTE, "Last update 1 minute ago" },
    { 3 * MINUTE + 20 * SECOND, "Last update 3 minutes ago" },
    { HOUR - 1, "Last update 59 minutes ago" },
    { HOUR, "Last update 1 hour ago" },
    { 5 * HOUR + 59 * MINUTE, "Last update 5 hours ago" },
    { DAY, "Last update 1 day ago" },
    { 3 * DAY + 2 * HOUR, "Last update 3 days ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pulse_connection_indicator_format_age (NOW - cases[i].age, NOW);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_data_age_never (void)
{
  g_autofree char *text = pulse_connection_indicator_format_age (0, NOW);

  g_assert_cmpstr (text, ==, "No updates received yet");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/connection-state/every-state", test_every_state);
  g_test_add_func ("/pulse/ui/connection-state/states-are-distinct", test_states_are_distinct);
  g_test_add_func ("/pulse/ui/connection-state/icons-exist", test_icons_exist);
  g_test_add_func ("/pulse/ui/connection-state/unknown-state", test_unknown_state);
  g_test_add_func ("/pulse/ui/connection-state/tooltip-without-server",
                   test_tooltip_without_server);
  g_test_add_func ("/pulse/ui/connection-state/tooltip-lines", test_tooltip_lines);
  g_test_add_func ("/pulse/ui/connection-state/data-age", test_data_age);
  g_test_add_func ("/pulse/ui/connection-state/data-age-never", test_data_age_never);

  return g_test_run ();
}
