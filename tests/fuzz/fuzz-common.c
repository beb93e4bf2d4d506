/* fuzz-common.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "pulse-json.h"

/* Bad input is logged as it is in production (g_message, g_warning);
 * printing a line per execution would slow libFuzzer tenfold, so only
 * criticals and errors are shown. PULSE_FUZZ_VERBOSE=1 shows all. */
static GLogWriterOutput
quiet_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  gboolean verbose = GPOINTER_TO_INT (user_data);

  if (!verbose && (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) == 0)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_standard_streams (level, fields, n_fields, NULL);
}

/**
 * pulse_fuzz_setup:
 *
 * Once per process: quiet logging, warnings never fatal, UTC.
 */
void
pulse_fuzz_setup (void)
{
  static gboolean done = FALSE;
  const char *verbose = g_getenv ("PULSE_FUZZ_VERBOSE");

  if (done)
    return;

  done = TRUE;
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (quiet_writer,
                         GINT_TO_POINTER (verbose != NULL && verbose[0] == '1'), NULL);
  g_setenv ("TZ", "UTC", TRUE);
}

/**
 * pulse_fuzz_dup_text:
 *
 * Returns: (transfer full): @data as a NUL-terminated string (it may hold
 *   NULs and invalid UTF-8: the code under test must cope).
 */
char *
pulse_fuzz_dup_text (const guint8 *data,
                     size_t        size)
{
  char *text = g_malloc (size + 1);

  memcpy (text, data, size);
  text[size] = '\0';
  return text;
}

static void
fail_different (JsonNode   *a,
                JsonNode   *b,
                const char *what)
{
  g_autofree char *text_a = pulse_json_to_string (a);
  g_autofree char *text_b = pulse_json_to_string (b);

  fprintf (stderr, "%s differ:\n  %s\n  %s\n", what, text_a, text_b);
  abort ();
}

/**
 * pulse_fuzz_check_same:
 *
 * Aborts, printing both, unless @a and @b are equal JSON.
 */
void
pulse_fuzz_check_same (JsonNode   *a,
                       JsonNode   *b,
                       const char *what)
{
  if (!json_node_equal (a, b))
    fail_different (a, b, what);
}

/**
 * pulse_fuzz_check_round_trip:
 * @first: what the codec encoded from the input
 * @second: what it encoded from its own @first, decoded again
 *
 * A codec's output must read back to itself: decode → encode → decode →
 * encode gives the same JSON twice. Aborts otherwise.
 */
void
pulse_fuzz_check_round_trip (JsonNode   *first,
                             JsonNode   *second,
                             const char *what)
{
  g_autofree char *label = g_strdup_printf ("%s: encode and re-encode", what);

  pulse_fuzz_check_same (first, second, label);
}
