/* pulse-test-util.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-test-util.h"

/* Every test program gets a cache directory of its own, under the one
 * the test environment names, removed when it exits. Caches are named
 * after the server's URL and loopback ports come round again: a server
 * of another test program on the same port would otherwise be followed
 * from its cache (another seq, other items). Children the program starts
 * share its directory. */
#define OWN_CACHE_MARK "PULSE_TEST_OWN_CACHE"

static char *own_cache;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK)
      && (dir = g_dir_open (path, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        remove_tree (child);
      }

  g_remove (path);
}

static void
remove_own_cache (void)
{
  if (own_cache != NULL)
    remove_tree (own_cache);
}

__attribute__((constructor)) static void
use_own_cache (void)
{
  const char *base = g_getenv ("XDG_CACHE_HOME");

  if (base == NULL || g_getenv (OWN_CACHE_MARK) != NULL)
    return;

  own_cache = g_strdup_printf ("%s/run-%d", base, (int) getpid ());
  if (g_mkdir_with_parents (own_cache, 0700) != 0)
    return;

  g_setenv ("XDG_CACHE_HOME", own_cache, TRUE);
  g_setenv (OWN_CACHE_MARK, "1", TRUE);
  atexit (remove_own_cache);
}

JsonNode *
pulse_test_parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = pulse_json_parse (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/**
 * pulse_test_assert_round_trip:
 * @json: a complete wire form, with every optional field set
 *
 * Decodes @json, encodes the result and checks that the two documents are
 * equal, so no field is lost or renamed on the way through. The decode is
 * strict, as the server's for mutations: every member written is one the
 * codec reads.
 *
 * Returns: (transfer full): the decoded object, for further checks.
 */
GObject *
pulse_test_assert_round_trip (const char          *json,
                              PulseTestDecodeFunc  decode,
                              PulseTestEncodeFunc  encode)
{
  g_autoptr(JsonNode) input = pulse_test_parse (json);
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  gboolean previous;

  previous = pulse_json_set_strict (TRUE);
  object = decode (input, &error);
  pulse_json_set_strict (previous);
  g_assert_no_error (error);
  g_assert_nonnull (object);

  output = encode (object);
  g_assert_nonnull (output);

  if (!json_node_equal (input, output))
    {
      g_autofree char *expected = pulse_json_to_string (input);
      g_autofree char *actual = pulse_json_to_string (output);

      g_test_message ("expected: %s", expected);
      g_test_message ("actual:   %s", actual);
      g_assert_cmpstr (actual, ==, expected);
    }

  return g_steal_pointer (&object);
}

void
pulse_test_assert_bad_inputs (const PulseTestBadInput *cases,
                              gsize                    n_cases,
                              PulseTestDecodeFunc      decode)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(JsonNode) node = pulse_test_parse (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = NULL;

      object = decode (node, &error);
      if (object != NULL || error == NULL)
        g_test_message ("accepted bad input #%" G_GSIZE_FORMAT ": %s", i, cases[i].json);
      g_assert_null (object);
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);

      if (strstr (error->message, cases[i].message_part) == NULL)
        g_test_message ("input #%" G_GSIZE_FORMAT " %s gave “%s”",
                        i, cases[i].json, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

/* Arrays, strings, numbers and null are never a valid item. */
void
pulse_test_assert_rejects_non_objects (PulseTestDecodeFunc decode)
{
  static const char *inputs[] = { "[]", "\"id\"", "42", "null", "true" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(JsonNode) node = pulse_test_parse (inputs[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = decode (node, &error);

      g_assert_null (object);
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
    }
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* `meson test --setup valgrind` sets PULSE_TEST_WAIT_FACTOR: the same
 * conditions, waited for longer (memcheck runs code 20-50 times slower). */
static guint
wait_ms (guint timeout_ms)
{
  const char *text = g_getenv ("PULSE_TEST_WAIT_FACTOR");
  guint64 factor = text != NULL ? g_ascii_strtoull (text, NULL, 10) : 1;

  return (guint) MIN ((guint64) timeout_ms * CLAMP (factor, 1, 100), G_MAXUINT);
}

/**
 * pulse_test_wait_for:
 *
 * Iterates the default main context until @condition holds, or fails the
 * test after @timeout_ms (times $PULSE_TEST_WAIT_FACTOR, when set). Tests
 * wait on conditions, never on sleeps.
 */
gboolean
pulse_test_wait_for (gboolean (*condition) (gpointer),
                     gpointer  user_data,
                     guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (wait_ms (timeout_ms), on_timeout_cb, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  g_assert_false (timed_out);
  return !timed_out;
}

/**
 * pulse_test_print_own_stacks:
 *
 * Prints every thread's backtrace of this process to stderr, through
 * gdb if there is one: what a hang in CI, which cannot be replayed under
 * a debugger, leaves to read. Nothing happens without gdb.
 */
void
pulse_test_print_own_stacks (void)
{
  g_autofree char *gdb = g_find_program_in_path ("gdb");
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;

  if (gdb == NULL)
    {
      g_printerr ("(no gdb to print the threads' stacks)\n");
      return;
    }

  /* To stderr, which the test log keeps: a child's stdout may be a pipe
   * its parent reads lines from. */
  script = g_strdup_printf ("exec timeout 60 '%s' -p %d -batch -nx -ex 'thread apply all bt' 1>&2",
                            gdb, (int) getpid ());
  if (!g_spawn_sync (NULL, (char *[]) { (char *) "/bin/sh", (char *) "-c", script, NULL }, NULL,
                     G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL, NULL, NULL, &error))
    g_printerr ("cannot run gdb: %s\n", error->message);
}

/**
 * pulse_test_async_cb:
 * @user_data: a #PulseTestAsync, empty
 *
 * The callback of an async call under test: keeps its result.
 */
void
pulse_test_async_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PulseTestAsync *wait = user_data;

  g_assert_null (wait->result);
  wait->result = g_object_ref (result);
}

static gboolean
async_is_done (gpointer user_data)
{
  return ((PulseTestAsync *) user_data)->result != NULL;
}

/**
 * pulse_test_async_wait:
 * @wait: what pulse_test_async_cb() was given
 *
 * Runs the main context until the call finishes (failing the test after
 * @timeout_ms), and empties @wait for the next call.
 *
 * Returns: (transfer full): the call's result
 */
GAsyncResult *
pulse_test_async_wait (PulseTestAsync *wait,
                       guint           timeout_ms)
{
  g_assert_true (pulse_test_wait_for (async_is_done, wait, timeout_ms));
  return g_steal_pointer (&wait->result);
}
