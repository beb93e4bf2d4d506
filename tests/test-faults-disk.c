/* test-faults-disk.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full disk for the console's cache, without root: the console runs as
 * a child process whose files may not grow past a limit
 * (RLIMIT_FSIZE, SIGXFSZ ignored), so SQLite's writes fail with EFBIG
 * while events stream in and edits are made. The console keeps running
 * and says why (PulseSync:cache-error), the file stays sound, nothing
 * saved before is lost, and a run with space again converges with the
 * server and sends the held edits exactly once.
 */

#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "pulse-test-child-server.h"
#include "pulse-test-client-child.h"
#include "pulse-test-faults.h"
#include "pulse-test-sync.h"
#include "pulse-test-writer.h"

#define EDITS_BEFORE 6
#define MANY_WRITES  1000000
#define ROOM         (256 * 1024)  /* what a file may grow by in the full run */

typedef struct
{
  PulseTestClientChild *client;
  guint                 n_saved;
} SavedWait;

static gboolean
saved_reached (gpointer data)
{
  SavedWait *wait = data;

  return wait->client->ended || wait->client->n_saved >= wait->n_saved;
}

static gboolean
has_cache_error (gpointer data)
{
  PulseTestClientChild *client = data;

  return client->ended || client->cache_error != NULL;
}

static gboolean
writer_done (gpointer data)
{
  return pulse_test_writer_is_done (data);
}

/* PRAGMA integrity_check over the whole file: "ok", or what is wrong. */
static void
assert_intact (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static PulseTestClientChild *
spawn (PulseTestChildServer *server,
       const char           *cache_path,
       const char           *prefix,
       guint32               seed,
       guint                 max_edits,
       guint64               limit,
       GPtrArray            *saved)
{
  PulseTestClientArgs args = {
    .url = server->ts.url,
    .token = pulse_test_server_get_token (&server->ts, PULSE_ROLE_HEAD),
    .cache_path = cache_path,
    .prefix = prefix,
    .seed = seed,
    .max_edits = max_edits,
    .file_size_limit = limit,
  };

  return pulse_test_client_child_spawn (&args, saved);
}

static void
edited_free (PulseTestEdited *item)
{
  g_free (item->id);
  g_free (item);
}

/* A run whose files may grow by ROOM only, under a busy stream and
 * edits: the cache fills up, the console says so and keeps following the
 * stream, then quits. Returns how many edits it had saved by then. */
static guint
fill_up (PulseTestChildServer *server,
         PulseTestWriter      *writer,
         const char           *cache_path,
         guint32               seed,
         goffset               size,
         GPtrArray            *saved)
{
  PulseTestClientChild *client = spawn (server, cache_path, "tpl-full", seed, G_MAXINT,
                                        size + ROOM, saved);
  guint n_saved;

  pulse_test_writer_start (writer, MANY_WRITES);
  pulse_test_wait_for (has_cache_error, client, PULSE_TEST_FAULTS_WAIT_MS);
  g_assert_false (client->ended);
  n_saved = client->n_saved;
  g_test_message ("cache of %" G_GINT64_FORMAT " bytes, limit + %u: %s after %u edits saved",
                  (gint64) size, ROOM, client->cache_error, n_saved);
  pulse_test_client_child_wait_lines (client, 20);
  pulse_test_client_child_quit (client);
  pulse_test_client_child_free (client);
  pulse_test_writer_start (writer, 0);
  pulse_test_wait_for (writer_done, writer, PULSE_TEST_FAULTS_WAIT_MS);
  return n_saved;
}

static void
test_disk_full (void)
{
  guint32 seed = pulse_test_faults_seed ();
  g_autoptr(PulseTestChildServer) server = pulse_test_child_server_new ();
  g_autoptr(PulseTestWriter) writer = pulse_test_writer_new (&server->ts, seed);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func ((GDestroyNotify) edited_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pulse-test-disk-XXXXXX", &error);
  g_autofree char *cache_path = g_build_filename (dir, "cache.db", NULL);
  SyncFixture fixture = { .ts = &server->ts };
  PulseTestClientChild *client;
  SavedWait wait;
  GStatBuf st;
  guint saved_before_full;

  g_assert_no_error (error);
  pulse_test_writer_seed (writer);

  /* A first run with room: the cache, and edits in it. */
  client = spawn (server, cache_path, "tpl-room", seed, EDITS_BEFORE, 0, saved);
  wait = (SavedWait) { client, EDITS_BEFORE };
  pulse_test_wait_for (saved_reached, &wait, PULSE_TEST_FAULTS_WAIT_MS);
  pulse_test_client_child_converge (client, pulse_test_sync_server_seq (&fixture));
  pulse_test_client_child_free (client);
  g_assert_cmpint (g_stat (cache_path, &st), ==, 0);

  saved_before_full = fill_up (server, writer, cache_path, seed + 1, st.st_size, saved);
  assert_intact (cache_path);

  /* Room again: the cached state, the stream from its seq, the held
   * edits sent, each applied once. */
  client = spawn (server, cache_path, "tpl-again", seed + 2, 0, 0, saved);
  pulse_test_client_child_converge (client, pulse_test_sync_server_seq (&fixture));
  pulse_test_client_child_free (client);
  assert_intact (cache_path);
  pulse_test_assert_edits (&server->ts, saved, TRUE);
  pulse_test_assert_audit_once (&server->ts);
  g_test_message ("%u templates edited, %u edits saved in the full run before it filled",
                  saved->len, saved_before_full);

  pulse_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1 && g_str_equal (argv[1], "--client"))
    return pulse_test_client_child_main (argc, argv);

  g_test_init (&argc, &argv, NULL);
  pulse_test_faults_quiet ();

  g_test_add_func ("/pulse/faults/disk/full-cache", test_disk_full);

  return g_test_run ();
}
