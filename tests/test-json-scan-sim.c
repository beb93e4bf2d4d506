/* test-json-scan-sim.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pulse-json-scan.c on real traffic: every event the simulator writes
 * in a few simulated hours (tickets in three languages, messages,
 * ratings, agent states, figures with fractions), as the server frames
 * it, is taken by the fast path and read into the very tree json-glib
 * builds. The edge cases and malformed input are in test-json-scan.c.
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-json-private.h"
#include "pulse-json.h"
#include "pulse-sim-driver.h"
#include "pulse-test-json-same.h"
#include "pulse-test-server.h"
#include "pulse-time-utils.h"

#define ANCHOR "2026-11-16T09:00:00Z"

/* The simulator runs some 50 times slower under AddressSanitizer: a
 * shorter run there, still with every hot type in numbers. */
#if defined(__SANITIZE_ADDRESS__)
#define MINUTES  30
#define AT_LEAST 5
#else
#define MINUTES  120
#define AT_LEAST 50
#endif

static PulseSimulator *
new_simulator (PulseTestServer *server)
{
  g_autoptr(GError) error = NULL;
  PulseSimConfig *config = pulse_simulator_load_config (NULL, &error);
  gint64 anchor = 0;

  g_assert_no_error (error);
  g_assert_true (pulse_time_parse (ANCHOR, &anchor));
  return pulse_simulator_new (server->server, pulse_sim_model_new (config, 11, anchor));
}

/* One frame: taken, and the same tree. Counts it under its type. */
static void
check_frame (JsonNode   *event,
             GHashTable *types)
{
  g_autofree char *frame = pulse_json_to_string (event);
  g_autoptr(JsonNode) fast = _pulse_json_scan (frame, strlen (frame));
  g_autoptr(JsonNode) slow = pulse_test_json_glib_parse (frame, strlen (frame));
  const char *type = json_object_get_string_member (json_node_get_object (event), "type");

  g_assert_nonnull (slow);
  if (fast == NULL)
    g_error ("the fast path declined a %s event: %s", type, frame);
  if (!pulse_test_json_same (fast, slow))
    g_error ("the fast path read a %s event differently: %s", type, frame);
  g_hash_table_insert (types, g_strdup (type),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (types, type)) + 1));
}

static void
test_simulator_events (void)
{
  g_autoptr(PulseTestServer) server = pulse_test_server_new ();
  g_autoptr(PulseSimulator) simulator = new_simulator (server);
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PulseEventLog *log = pulse_server_get_event_log (server->server);
  g_autoptr(GError) error = NULL;
  gint64 anchor = pulse_simulator_get_clock (simulator), since = 0;
  gint64 hour = anchor / PULSE_USEC_PER_HOUR;
  guint n = 0;

  g_assert_true (pulse_simulator_seed (simulator, 1, &error));
  g_assert_true (pulse_simulator_backfill_hours (simulator, hour - 1, hour, &error));
  for (gint64 at = anchor; at <= anchor + MINUTES * PULSE_USEC_PER_MINUTE;
       at += 5 * PULSE_USEC_PER_MINUTE)
    g_assert_true (pulse_simulator_advance (simulator, at, &error));
  g_assert_no_error (error);

  for (;;)
    {
      g_autoptr(GPtrArray) events = pulse_event_log_read_since (log, since, 2000, &error);

      g_assert_no_error (error);
      if (events->len == 0)
        break;
      for (guint i = 0; i < events->len; i++)
        check_frame (events->pdata[i], types);
      since = json_object_get_int_member (json_node_get_object (events->pdata[events->len - 1]),
                                          "seq");
      n += events->len;
    }

  g_test_message ("%u events compared, %u ticket.created, %u message.created, "
                  "%u ticket.updated, %u agent.status", n,
                  GPOINTER_TO_UINT (g_hash_table_lookup (types, "ticket.created")),
                  GPOINTER_TO_UINT (g_hash_table_lookup (types, "message.created")),
                  GPOINTER_TO_UINT (g_hash_table_lookup (types, "ticket.updated")),
                  GPOINTER_TO_UINT (g_hash_table_lookup (types, "agent.status")));
  /* The hot types are all there, in numbers. */
  g_assert_cmpuint (n, >, 10 * AT_LEAST);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (types, "ticket.created")), >,
                    AT_LEAST);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (types, "message.created")), >,
                    AT_LEAST);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (types, "ticket.updated")), >,
                    AT_LEAST);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (types, "agent.status")), >,
                    AT_LEAST / 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/json-scan/simulator-events", test_simulator_events);

  return g_test_run ();
}
