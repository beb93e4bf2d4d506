/* pulse-test-faults.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-test-faults.h"

static GLogFunc default_handler;

static void
quiet_handler (const char     *domain,
               GLogLevelFlags  level,
               const char     *message,
               gpointer        user_data)
{
  if ((level & G_LOG_LEVEL_DEBUG) == 0)
    default_handler (domain, level, message, user_data);
}

/**
 * pulse_test_faults_quiet:
 *
 * Drops debug messages unless G_MESSAGES_DEBUG asks for them: libsoup
 * logs every WebSocket frame, millions of lines in a fault run, and the
 * test framework's handler prints them all. Call it after g_test_init().
 */
void
pulse_test_faults_quiet (void)
{
  if (g_getenv ("G_MESSAGES_DEBUG") == NULL)
    default_handler = g_log_set_default_handler (quiet_handler, NULL);
}

/**
 * pulse_test_faults_seed:
 *
 * Returns: $PULSE_FAULT_SEED, or a new seed; printed either way, with
 *   how to replay it.
 */
guint32
pulse_test_faults_seed (void)
{
  const char *env = g_getenv ("PULSE_FAULT_SEED");
  guint32 seed = env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : g_random_int ();

  g_test_message ("seed %u (replay with PULSE_FAULT_SEED=%u)", seed, seed);
  g_printerr ("fault seed %u: replay with PULSE_FAULT_SEED=%u\n", seed, seed);
  return seed;
}

/**
 * pulse_test_faults_knob:
 * @name: an environment variable, such as "PULSE_FAULT_SECONDS"
 * @fallback: the value when it is unset (the CI default)
 *
 * Returns: the variable's value as a positive number, or @fallback.
 */
guint
pulse_test_faults_knob (const char *name,
                        guint       fallback)
{
  const char *env = g_getenv (name);
  guint64 value = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 0;

  return value > 0 && value < G_MAXUINT ? (guint) value : fallback;
}

typedef struct
{
  gboolean   (*done) (gpointer);
  gpointer     user_data;
  gboolean     expired;
} RunFor;

static gboolean
on_expired_cb (gpointer user_data)
{
  ((RunFor *) user_data)->expired = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * pulse_test_faults_run_for:
 * @ms: the longest run
 * @done: (nullable): ends the run sooner once it holds
 *
 * Runs the main context for @ms or until @done holds: a phase of a fault
 * test, not a wait for a result.
 */
void
pulse_test_faults_run_for (guint       ms,
                           gboolean  (*done) (gpointer),
                           gpointer    user_data)
{
  RunFor run = { done, user_data, FALSE };
  guint id = g_timeout_add (ms, on_expired_cb, &run);

  while (!run.expired && (done == NULL || !done (user_data)))
    g_main_context_iteration (NULL, TRUE);

  if (!run.expired)
    g_source_remove (id);
}
