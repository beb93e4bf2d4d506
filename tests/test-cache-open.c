/* test-cache-open.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a PulseCache: where it lives, and what happens to a file that
 * is damaged, from another schema or from another server.
 */

#include "config.h"

#include <sys/stat.h>

#include <sqlite3.h>

#include "pulse-error.h"
#include "pulse-test-cache.h"

#define OTHER_URL "https://other.example.com"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_cache_dir ();
  f->path = g_build_filename (f->dir, "cache.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_cache_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A cache with 3 entities, @n_tickets tickets (1 KB each), seq 9 and one
 * outbox entry, closed again. */
static void
make_cache (const char *path,
            const char *url,
            guint       n_tickets)
{
  g_autoptr(PulseCache) cache = pulse_cache_open (path, url, NULL);
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, NULL);
  g_autofree char *padding = g_strnfill (900, 'x');
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (batch);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("q-%u", i);

      test_put_entity (batch, "queue", id, 1, TRUE);
    }
  for (guint i = 0; i < n_tickets; i++)
    {
      g_autofree char *id = g_strdup_printf ("t-%04u", i);
      g_autofree char *json = test_ticket_json (id, 1, TEST_BASE_USEC + i * G_USEC_PER_SEC,
                                                "open", padding);
      g_autoptr(JsonNode) node = pulse_test_parse (json);

      g_assert_true (pulse_cache_batch_put_ticket (batch, node, NULL, &error));
    }
  pulse_cache_batch_set_seq (batch, 9);
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  g_assert_cmpint (pulse_cache_outbox_enqueue (cache, "PUT", "/api/v1/rules/r-1", NULL, "key-1",
                                               "rule", "r-1", 2, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_pointer (&batch, pulse_cache_batch_free);
  g_clear_object (&cache);
  /* Closing checkpoints the WAL into the file, so edits below hit data. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* What every rebuilt cache shows: empty, this server's, and usable. */
static void
assert_fresh (PulseCache *cache,
              const char *url)
{
  g_autoptr(GError) error = NULL;
  g_auto(PulseCacheMeta) meta = { 0 };
  g_autoptr(PulseCacheBatch) batch = NULL;
  PulseCacheCounts counts;

  g_assert_true (pulse_cache_was_rebuilt (cache));
  g_assert_true (pulse_cache_get_counts (cache, &counts, &error));
  g_assert_cmpint (counts.entities + counts.tickets, ==, 0);
  g_assert_true (pulse_cache_read_meta (cache, &meta, &error));
  g_assert_cmpstr (meta.server_url, ==, url);
  g_assert_cmpint (meta.seq, ==, 0);
  g_assert_true (g_file_test (pulse_cache_get_moved_aside_path (cache), G_FILE_TEST_EXISTS));

  batch = pulse_cache_batch_begin (cache, &error);
  test_put_entity (batch, "team", "t-1", 1, TRUE);
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  g_assert_cmpint (pulse_cache_count_entities (cache, NULL, &error), ==, 1);
}

static guint
count_asides (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    n += g_str_has_prefix (name, "cache.db.") && !g_str_has_suffix (name, "-wal") &&
         !g_str_has_suffix (name, "-shm");
  return n;
}

static void
test_default_path (void)
{
  g_autofree char *path = pulse_cache_default_path (TEST_SERVER_URL);
  g_autofree char *expected = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(PulseCache) cache = NULL;
  struct stat st;

  /* First 16 hex digits of sha256("https://pulse.example.com"). */
  expected = g_build_filename (g_getenv ("XDG_CACHE_HOME"), "pulse", "0f17177f592069dc.db", NULL);
  g_assert_cmpstr (path, ==, expected);

  cache = test_cache_open (path, TEST_SERVER_URL, PULSE_CACHE_CREATED);
  g_assert_false (pulse_cache_was_rebuilt (cache));
  g_assert_null (pulse_cache_get_moved_aside_path (cache));
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&cache);

  cache = test_cache_open (path, TEST_SERVER_URL, PULSE_CACHE_OPENED);
}

static void
test_refuses_bad_arguments (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCache) cache = NULL;

  cache = pulse_cache_open (":memory:", TEST_SERVER_URL, &error);
  g_assert_null (cache);
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN);
  g_clear_error (&error);

  cache = pulse_cache_open (f->path, "", &error);
  g_assert_null (cache);
  g_assert_nonnull (strstr (error->message, "server_url"));
  g_clear_error (&error);

  /* A path that cannot be judged (a folder) is an error, left alone. */
  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  cache = pulse_cache_open (f->path, TEST_SERVER_URL, &error);
  g_assert_null (cache);
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_asides (f->dir), ==, 0);
}

static void
test_rebuilds_garbage_header (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PulseCache) cache = NULL;
  g_autofree char *base = NULL;

  make_cache (f->path, TEST_SERVER_URL, 10);
  test_scribble (f->path, 0, 100);

  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_REBUILT_CORRUPT);
  base = g_path_get_basename (pulse_cache_get_moved_aside_path (cache));
  g_assert_true (g_str_has_prefix (base, "cache.db.corrupt-"));
  /* Nothing could be read from it, so its outbox is unaccounted for. */
  g_assert_cmpint (pulse_cache_get_outbox_left_behind (cache), ==, -1);
  assert_fresh (cache, TEST_SERVER_URL);
  g_clear_object (&cache);

  /* Corrupt again: only the newest moved-aside file is kept. */
  test_scribble (f->path, 0, 100);
  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_REBUILT_CORRUPT);
  g_assert_cmpuint (count_asides (f->dir), ==, 1);
  g_clear_object (&cache);

  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_OPENED);
  g_assert_false (pulse_cache_was_rebuilt (cache));
}

/* The first page of @table's b-tree, 0-based. */
static goffset
root_page_offset (const char *path,
                  const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_master WHERE name = '%s'",
                                          table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return (page - 1) * 4096;
}

static void
test_rebuilds_damaged_entities (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PulseCache) cache = NULL;

  make_cache (f->path, TEST_SERVER_URL, 20);
  test_scribble (f->path, root_page_offset (f->path, "entity") + 8, 200);

  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_REBUILT_CORRUPT);
  assert_fresh (cache, TEST_SERVER_URL);
}

/* Damage in the history is found by the full check, off the start-up
 * path; the file it marks is rebuilt when opened next. */
static void
test_rebuilds_damaged_history (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *marker = g_strconcat (f->path, ".check-failed", NULL);
  g_autoptr(PulseCache) cache = NULL;
  g_autoptr(GError) error = NULL;

  /* 400 tickets of ~1 KB fill about 130 pages of 4 KB; break 8 of them. */
  make_cache (f->path, TEST_SERVER_URL, 400);
  test_scribble (f->path, 40 * 4096, 8 * 4096);

  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_OPENED);
  g_assert_cmpint (pulse_cache_count_entities (cache, NULL, &error), ==, 3);
  g_assert_false (pulse_cache_quick_check (cache, &error));
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY);
  g_test_message ("%s", error->message);
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_clear_object (&cache);

  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_REBUILT_CORRUPT);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  /* Its outbox was readable, so it came along. */
  g_assert_cmpint (pulse_cache_get_outbox_left_behind (cache), ==, 0);
  assert_fresh (cache, TEST_SERVER_URL);
  g_assert_true (pulse_cache_quick_check (cache, &error));
}

static void
test_rebuilds_older_schema (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PulseCache) cache = NULL;

  /* A cache from before schema 1 (user_version 0, but tables in it). */
  raw_exec (f->path, "CREATE TABLE ticket (id TEXT, body TEXT);"
                     "INSERT INTO ticket VALUES ('t-1', '{}');");

  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_REBUILT_OLD_SCHEMA);
  g_assert_true (strstr (pulse_cache_get_moved_aside_path (cache), ".old-schema-") != NULL);
  g_assert_cmpint (pulse_cache_get_outbox_left_behind (cache), ==, 0);
  assert_fresh (cache, TEST_SERVER_URL);
}

static void
test_empty_file_is_created (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PulseCache) cache = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_CREATED);
  g_assert_null (pulse_cache_get_moved_aside_path (cache));
}

static void
test_rebuilds_newer_schema (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PulseCache) cache = NULL;

  /* A schema this Pulse does not know yet (it is at 2). */
  make_cache (f->path, TEST_SERVER_URL, 5);
  raw_exec (f->path, "PRAGMA user_version = 99");

  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_REBUILT_NEW_SCHEMA);
  g_assert_true (strstr (pulse_cache_get_moved_aside_path (cache), ".new-schema-") != NULL);
  /* The outbox entry came along (test-cache-outbox checks it in detail). */
  g_assert_cmpint (pulse_cache_get_outbox_left_behind (cache), ==, 0);
  assert_fresh (cache, TEST_SERVER_URL);
}

static void
test_rebuilds_for_other_server (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCache) cache = NULL;
  g_autoptr(GPtrArray) outbox = NULL;

  make_cache (f->path, TEST_SERVER_URL, 5);

  cache = test_cache_open (f->path, OTHER_URL, PULSE_CACHE_REBUILT_OTHER_SERVER);
  g_assert_true (strstr (pulse_cache_get_moved_aside_path (cache), ".other-server-") != NULL);
  /* Its edit was for the other server: left in the kept file, counted. */
  g_assert_cmpint (pulse_cache_get_outbox_left_behind (cache), ==, 1);
  outbox = pulse_cache_outbox_list_all (cache, &error);
  g_assert_cmpuint (outbox->len, ==, 0);
  assert_fresh (cache, OTHER_URL);
  g_clear_object (&cache);

  cache = test_cache_open (f->path, OTHER_URL, PULSE_CACHE_OPENED);
  g_assert_cmpuint (count_asides (f->dir), ==, 1);
}

static void
test_rebuilds_without_meta (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PulseCache) cache = NULL;

  make_cache (f->path, TEST_SERVER_URL, 5);
  raw_exec (f->path, "DELETE FROM meta");

  cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_REBUILT_CORRUPT);
  /* Readable, so its outbox was carried over. */
  g_assert_cmpint (pulse_cache_get_outbox_left_behind (cache), ==, 0);
  assert_fresh (cache, TEST_SERVER_URL);
}

int
main (int   argc,
      char *argv[])
{
  /* A cache folder of the test's own (GLib's isolated dirs leak under LSan). */
  g_autofree char *cache_home = test_cache_dir ();
  int status;

  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pulse/store/cache/open/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  g_test_add_func ("/pulse/store/cache/open/default-path", test_default_path);
  ADD ("refuses-bad-arguments", test_refuses_bad_arguments);
  ADD ("rebuilds-garbage-header", test_rebuilds_garbage_header);
  ADD ("rebuilds-damaged-entities", test_rebuilds_damaged_entities);
  ADD ("rebuilds-damaged-history", test_rebuilds_damaged_history);
  ADD ("rebuilds-older-schema", test_rebuilds_older_schema);
  ADD ("empty-file-is-created", test_empty_file_is_created);
  ADD ("rebuilds-newer-schema", test_rebuilds_newer_schema);
  ADD ("rebuilds-for-other-server", test_rebuilds_for_other_server);
  ADD ("rebuilds-without-meta", test_rebuilds_without_meta);

  status = g_test_run ();
  test_cache_remove_dir (cache_home);
  return status;
}
