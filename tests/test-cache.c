/* test-cache.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseCache state: batches, versions, reads, replacing snapshots and
 * pruning, on real files in a temporary folder.
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-test-cache.h"

static void
reopen (CacheFixture *f)
{
  g_clear_object (&f->cache);
  f->cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_OPENED);
}

static gint64
stored_seq (PulseCache *cache)
{
  g_autoptr(GError) error = NULL;
  g_auto(PulseCacheMeta) meta = { 0 };

  g_assert_true (pulse_cache_read_meta (cache, &meta, &error));
  g_assert_no_error (error);
  return meta.seq;
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

static void
test_batch_commits_state (CacheFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (f->cache, &error);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(JsonNode) ticket = NULL;
  g_auto(PulseCacheMeta) meta = { 0 };

  g_assert_no_error (error);
  test_put_entity (batch, "queue", "q-ua", 1, TRUE);
  test_put_entity (batch, "queue", "q-es", 4, TRUE);
  test_put_entity (batch, "team", "q-ua", 2, TRUE);
  test_put_ticket (batch, "t-1", 3, TEST_BASE_USEC, "open", TRUE);
  test_put_ticket (batch, "t-2", 1, TEST_BASE_USEC + 60 * G_USEC_PER_SEC, "resolved", TRUE);
  pulse_cache_batch_set_seq (batch, 42);
  pulse_cache_batch_set_last_event_at (batch, TEST_BASE_USEC + 5);
  pulse_cache_batch_set_server_version (batch, "1.4.0");
  test_commit (batch);

  test_assert_counts (f->cache, 3, 2, 1);
  /* By id, only the kind asked for. */
  queues = pulse_cache_list_entities (f->cache, "queue", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queues->len, ==, 2);
  g_assert_cmpstr (test_member_string (queues->pdata[0], "id"), ==, "q-es");
  g_assert_cmpint (test_member_int (queues->pdata[0], "version"), ==, 4);
  g_assert_cmpstr (test_member_string (queues->pdata[1], "id"), ==, "q-ua");
  g_assert_cmpint (pulse_cache_count_entities (f->cache, "team", &error), ==, 1);
  g_assert_cmpint (pulse_cache_count_entities (f->cache, NULL, &error), ==, 3);
  g_assert_cmpint (pulse_cache_count_entities (f->cache, "rule", &error), ==, 0);

  ticket = pulse_cache_get_ticket (f->cache, "t-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_member_int (ticket, "version"), ==, 3);
  g_assert_cmpstr (test_member_string (ticket, "subject"), ==, "Card blocked");
  g_assert_null (pulse_cache_get_ticket (f->cache, "t-9", &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (pulse_cache_read_meta (f->cache, &meta, &error));
  g_assert_cmpstr (meta.server_url, ==, TEST_SERVER_URL);
  g_assert_cmpint (meta.seq, ==, 42);
  g_assert_cmpint (meta.last_event_at, ==, TEST_BASE_USEC + 5);
  g_assert_cmpint (meta.snapshot_at, ==, 0);
  g_assert_cmpstr (meta.server_version, ==, "1.4.0");
}

/* A batch that fails half-way, or is dropped, leaves nothing behind. */
static void
test_batch_all_or_nothing (CacheFixture  *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) bad = pulse_test_parse ("{\"id\":\"t-bad\",\"version\":1,"
                                              "\"queue_id\":\"q\",\"status\":\"open\"}");
  g_autoptr(JsonNode) entity = pulse_test_parse ("{\"id\":\"x\"}");
  PulseCacheBatch *batch;

  batch = pulse_cache_batch_begin (f->cache, &error);
  test_put_entity (batch, "queue", "q-ua", 1, TRUE);
  pulse_cache_batch_set_seq (batch, 7);
  test_commit (batch);
  pulse_cache_batch_free (batch);

  batch = pulse_cache_batch_begin (f->cache, &error);
  test_put_entity (batch, "queue", "q-ua", 2, TRUE);
  test_put_entity (batch, "rule", "r-1", 1, TRUE);
  test_put_ticket (batch, "t-1", 1, TEST_BASE_USEC, "new", TRUE);
  pulse_cache_batch_set_seq (batch, 8);
  g_assert_false (pulse_cache_batch_put_ticket (batch, bad, NULL, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "ticket t-bad: created_at"));
  g_clear_error (&error);
  /* Later calls and the commit refuse, naming the first failure. */
  g_assert_false (pulse_cache_batch_put_entity (batch, "rule", "r-2", 1, entity, NULL, &error));
  g_assert_nonnull (strstr (error->message, "failed earlier: ticket t-bad"));
  g_clear_error (&error);
  g_assert_false (pulse_cache_batch_commit (batch, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  pulse_cache_batch_free (batch);

  test_assert_counts (f->cache, 1, 0, 0);
  g_assert_cmpint (stored_seq (f->cache), ==, 7);

  /* Freed without a commit: rolled back, and the writer is free again. */
  batch = pulse_cache_batch_begin (f->cache, &error);
  test_put_entity (batch, "rule", "r-3", 1, TRUE);
  pulse_cache_batch_set_seq (batch, 9);
  pulse_cache_batch_free (batch);
  test_assert_counts (f->cache, 1, 0, 0);
  g_assert_cmpint (stored_seq (f->cache), ==, 7);
}

/* A statement SQLite refuses half-way (here a trigger planted in the file)
 * rolls back the puts before it too. */
static void
test_batch_sql_error_rolls_back (CacheFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = NULL;
  g_autofree char *json = test_ticket_json ("boom", 1, TEST_BASE_USEC, "open", NULL);
  g_autoptr(JsonNode) boom = pulse_test_parse (json);

  raw_exec (f->path, "CREATE TRIGGER boom BEFORE INSERT ON ticket WHEN NEW.id = 'boom'"
                     " BEGIN SELECT RAISE (ABORT, 'boom'); END");

  batch = pulse_cache_batch_begin (f->cache, &error);
  test_put_entity (batch, "rule", "r-1", 1, TRUE);
  test_put_ticket (batch, "t-1", 1, TEST_BASE_USEC, "open", TRUE);
  pulse_cache_batch_set_seq (batch, 3);
  g_assert_false (pulse_cache_batch_put_ticket (batch, boom, NULL, &error));
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (pulse_cache_batch_commit (batch, &error));
  g_assert_nonnull (strstr (error->message, "boom"));

  test_assert_counts (f->cache, 0, 0, 0);
  g_assert_cmpint (stored_seq (f->cache), ==, 0);
}

/* Bad arguments fail the batch like bad data, each named. */
static void
test_batch_bad_arguments (CacheFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) entity = pulse_test_parse ("{\"id\":\"x\"}");
  g_autofree char *json = test_ticket_json ("", 1, TEST_BASE_USEC, "open", NULL);
  g_autoptr(JsonNode) empty_id = pulse_test_parse (json);
  PulseCacheBatch *batch;

  batch = pulse_cache_batch_begin (f->cache, &error);
  g_assert_false (pulse_cache_batch_put_entity (batch, "rule", "r-4", 1, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "body: is required"));
  g_clear_error (&error);
  pulse_cache_batch_free (batch);

  batch = pulse_cache_batch_begin (f->cache, &error);
  g_assert_false (pulse_cache_batch_put_entity (batch, "", "r-4", 1, entity, NULL, &error));
  g_assert_nonnull (strstr (error->message, "kind: must be 1 to 64 bytes"));
  g_clear_error (&error);
  g_assert_false (pulse_cache_batch_commit (batch, &error));
  g_clear_error (&error);
  pulse_cache_batch_free (batch);

  batch = pulse_cache_batch_begin (f->cache, &error);
  g_assert_false (pulse_cache_batch_put_ticket (batch, empty_id, NULL, &error));
  g_assert_nonnull (strstr (error->message, "id: must not be empty"));
  g_clear_error (&error);
  pulse_cache_batch_free (batch);

  batch = pulse_cache_batch_begin (f->cache, &error);
  g_assert_false (pulse_cache_batch_delete_ticket (batch, "t-1", -1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "version: must not be negative"));
  g_clear_error (&error);
  pulse_cache_batch_free (batch);
  test_assert_counts (f->cache, 0, 0, 0);
}

static void
test_batch_one_writer_per_thread (CacheFixture  *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (f->cache, &error);
  g_autoptr(PulseCacheBatch) second = NULL;

  g_assert_no_error (error);
  /* A second write on the thread holding the batch would wait for itself. */
  second = pulse_cache_batch_begin (f->cache, &error);
  g_assert_null (second);
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY);
  g_clear_error (&error);
  g_assert_cmpint (pulse_cache_outbox_enqueue (f->cache, "POST", "/api/v1/rules", NULL, "k-1",
                                               NULL, NULL, 0, &error), ==, 0);
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY);
  g_clear_error (&error);
  g_assert_cmpint (pulse_cache_prune_tickets_before (f->cache, 0, &error), ==, -1);
  g_clear_error (&error);

  test_commit (batch);
  /* A finished batch refuses more work. */
  g_assert_false (pulse_cache_batch_commit (batch, &error));
  g_assert_nonnull (strstr (error->message, "already finished"));
}

static void
test_stale_versions_ignored (CacheFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (f->cache, &error);
  g_autoptr(JsonNode) rule = NULL;
  g_autoptr(JsonNode) ticket = NULL;
  gboolean applied = TRUE;

  test_put_entity (batch, "rule", "r-1", 3, TRUE);
  test_put_entity (batch, "rule", "r-1", 2, FALSE);
  test_put_ticket (batch, "t-1", 5, TEST_BASE_USEC, "open", TRUE);
  test_put_ticket (batch, "t-1", 4, TEST_BASE_USEC, "closed", FALSE);
  g_assert_cmpuint (pulse_cache_batch_get_n_stale (batch), ==, 2);
  test_commit (batch);
  g_clear_pointer (&batch, pulse_cache_batch_free);

  rule = pulse_cache_get_entity (f->cache, "rule", "r-1", &error);
  g_assert_cmpint (test_member_int (rule, "version"), ==, 3);
  ticket = pulse_cache_get_ticket (f->cache, "t-1", &error);
  g_assert_cmpstr (test_member_string (ticket, "status"), ==, "open");
  test_assert_counts (f->cache, 1, 1, 1);

  /* A replayed event (same version) is harmless; a delete older than the
   * stored version is ignored; one at it removes. */
  batch = pulse_cache_batch_begin (f->cache, &error);
  test_put_entity (batch, "rule", "r-1", 3, TRUE);
  g_assert_true (pulse_cache_batch_delete_entity (batch, "rule", "r-1", 2, &applied, &error));
  g_assert_false (applied);
  g_assert_true (pulse_cache_batch_delete_ticket (batch, "t-1", 4, &applied, &error));
  g_assert_false (applied);
  g_assert_true (pulse_cache_batch_delete_ticket (batch, "t-404", 9, &applied, &error));
  g_assert_false (applied);
  g_assert_cmpuint (pulse_cache_batch_get_n_stale (batch), ==, 3);
  test_commit (batch);
  test_assert_counts (f->cache, 1, 1, 1);
  g_clear_pointer (&batch, pulse_cache_batch_free);

  batch = pulse_cache_batch_begin (f->cache, &error);
  g_assert_true (pulse_cache_batch_delete_entity (batch, "rule", "r-1", 4, &applied, &error));
  g_assert_true (applied);
  g_assert_true (pulse_cache_batch_delete_ticket (batch, "t-1", 5, &applied, &error));
  g_assert_true (applied);
  test_commit (batch);
  test_assert_counts (f->cache, 0, 0, 0);
}

static void
put_range_tickets (PulseCache *cache)
{
  static const char *statuses[] = { "new", "open", "pending", "on-hold",
                                    "resolved", "closed", "abandoned" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, &error);

  /* Days 0..6, one status each; day 3 twice (ties order by id). */
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *id = g_strdup_printf ("t-%u", i);

      test_put_ticket (batch, id, 1, TEST_BASE_USEC + i * TEST_DAY, statuses[i], TRUE);
    }
  test_put_ticket (batch, "t-2b", 1, TEST_BASE_USEC + 3 * TEST_DAY, "closed", TRUE);
  test_commit (batch);
}

static char *
page_ids (GPtrArray *page)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < page->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", test_member_string (page->pdata[i], "id"));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
test_tickets_by_range (CacheFixture  *f,
                       gconstpointer  data)
{
  static const char *expected[] = { "t-1 t-2", "t-2b t-3", "t-4", "" };
  g_autoptr(GError) error = NULL;
  g_auto(PulseCacheCursor) cursor = PULSE_CACHE_CURSOR_INIT;
  g_autoptr(GPtrArray) open = NULL;
  gint64 from = TEST_BASE_USEC + TEST_DAY, to = TEST_BASE_USEC + 5 * TEST_DAY;

  put_range_tickets (f->cache);

  /* [day 1, day 5) in pages of two; t-2b sorts before t-3 on the same day. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GPtrArray) page = pulse_cache_list_tickets (f->cache, from, to, &cursor, 2, &error);
      g_autofree char *ids = NULL;

      g_assert_no_error (error);
      ids = page_ids (page);
      g_assert_cmpstr (ids, ==, expected[i]);
    }
  g_assert_cmpint (cursor.created_at, ==, TEST_BASE_USEC + 4 * TEST_DAY);
  g_assert_cmpstr (cursor.id, ==, "t-4");
  g_assert_cmpint (pulse_cache_count_tickets (f->cache, from, to, &error), ==, 5);

  /* A cursor left before a new range's start starts at the range. */
  {
    g_autoptr(GPtrArray) page = pulse_cache_list_tickets (f->cache, to, to + 2 * TEST_DAY,
                                                          &cursor, 10, &error);
    g_autofree char *ids = page_ids (page);

    g_assert_cmpstr (ids, ==, "t-5 t-6");
  }
  g_assert_cmpint (pulse_cache_count_tickets (f->cache, to, to + TEST_DAY, &error), ==, 1);

  /* Open: every status but resolved, closed and abandoned, oldest first. */
  open = pulse_cache_list_open_tickets (f->cache, &error);
  g_assert_no_error (error);
  {
    g_autofree char *ids = page_ids (open);

    g_assert_cmpstr (ids, ==, "t-0 t-1 t-2 t-3");
  }
  /* In parts for several threads: disjoint, all of them together. */
  for (guint n_parts = 1; n_parts <= 5; n_parts++)
    {
      g_autoptr(GString) all = g_string_new (NULL);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      for (guint part = 0; part < n_parts; part++)
        {
          g_autoptr(GPtrArray) some = pulse_cache_list_open_tickets_part (f->cache, part,
                                                                          n_parts, &error);
          g_autofree char *ids = NULL;
          g_auto(GStrv) words = NULL;

          g_assert_no_error (error);
          ids = page_ids (some);
          words = g_strsplit (ids, " ", -1);
          for (guint w = 0; words[w] != NULL; w++)
            if (*words[w] != '\0')
              g_ptr_array_add (sorted, g_strdup (words[w]));
        }
      g_ptr_array_sort (sorted, compare_strings);
      g_ptr_array_add (sorted, NULL);
      joined = g_strjoinv (" ", (char **) sorted->pdata);
      g_assert_cmpstr (joined, ==, "t-0 t-1 t-2 t-3");
    }
  test_assert_counts (f->cache, 0, 8, 4);
}

static void
test_prune_keeps_open_and_recent (CacheFixture  *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = NULL;
  g_autoptr(JsonNode) kept = NULL;
  gint64 cutoff = TEST_BASE_USEC + 100 * TEST_DAY;

  /* 10,001 closed tickets before the cutoff, two full chunks and one,
   * written straight into the file: this tests pruning, not puts. */
  raw_exec (f->path, "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
                     " WHERE i < 10000) INSERT INTO ticket SELECT printf ('old-%05d', i), 1,"
                     " 1793491200000000 + i * 1000000, 1793491200000000 + i * 1000000,"
                     " 'closed', 'q-ua', '{}', NULL FROM n");
  batch = pulse_cache_batch_begin (f->cache, &error);
  test_put_ticket (batch, "old-open", 1, TEST_BASE_USEC, "pending", TRUE);
  test_put_ticket (batch, "edge", 1, cutoff, "resolved", TRUE);
  test_put_ticket (batch, "recent", 1, cutoff + TEST_DAY, "closed", TRUE);
  test_commit (batch);

  g_assert_cmpint (pulse_cache_prune_tickets_before (f->cache, cutoff, &error), ==, 10001);
  g_assert_no_error (error);
  test_assert_counts (f->cache, 0, 3, 1);
  kept = pulse_cache_get_ticket (f->cache, "old-open", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pulse_cache_prune_tickets_before (f->cache, cutoff, &error), ==, 0);
}

static void
test_reopen_keeps_everything (CacheFixture  *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(JsonNode) ticket = NULL;
  g_auto(PulseCacheMeta) meta = { 0 };

  test_fill_state (f->cache, "a", 10, 8, 77);
  reopen (f);

  test_assert_counts (f->cache, 10, 8, 4);
  g_assert_true (pulse_cache_read_meta (f->cache, &meta, &error));
  g_assert_cmpint (meta.seq, ==, 77);
  rules = pulse_cache_list_entities (f->cache, "rule", &error);
  g_assert_cmpuint (rules->len, ==, 5);
  g_assert_cmpstr (test_member_string (rules->pdata[4], "id"), ==, "a-008");
  ticket = pulse_cache_get_ticket (f->cache, "a-t007", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (test_member_string (ticket, "status"), ==, "open");
  g_assert_true (pulse_cache_quick_check (f->cache, &error));
}

/* The text in the file, as another reader of it sees it. */
static char *
stored_body (const char *path,
             const char *id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *body;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT body FROM entity WHERE id = ?1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return body;
}

/* What the cache writes reads back as the same tree, for the values
 * JSON can hold: escapes, control characters, non-ASCII text, integers
 * at the limits, doubles that look whole, nested lists and nulls. And
 * the text is JsonGenerator's for ordinary content. */
static void
test_body_round_trip (CacheFixture  *f,
                      gconstpointer  data)
{
  static const char body_text[] =
    "{\"id\":\"x\",\"quote\":\"say \\\"hi\\\" \\\\ back/slash\",\"ctl\":\"a\\u0001\\b\\f\\n\\r"
    "\\t\\u001f\\u007fz\",\"uk\":\"Картку заблоковано 💳\",\"max\":9223372036854775807,"
    "\"min\":-9223372036854775808,\"whole\":2.0,\"tiny\":1e-300,\"big\":1.5e+300,"
    "\"third\":0.3333333333333333,\"list\":[[],{},null,true,false,[1,[2.5]]],\"none\":null}";
  static const char plain_text[] =
    "{\"id\":\"p\",\"version\":3,\"name\":\"Київ\",\"goal\":0.8,\"tags\":[\"a\",\"b\"],"
    "\"enabled\":true,\"extra\":null}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = pulse_json_parse (body_text, -1, &error);
  g_autoptr(JsonNode) plain = pulse_json_parse (plain_text, -1, &error);
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (f->cache, &error);
  g_autoptr(JsonNode) read = NULL, read_plain = NULL;
  g_autofree char *generated = NULL, *stored = NULL;

  g_assert_no_error (error);
  g_assert_true (pulse_cache_batch_put_entity (batch, "thing", "x", 1, body, NULL, &error));
  g_assert_true (pulse_cache_batch_put_entity (batch, "thing", "p", 1, plain, NULL, &error));
  test_commit (batch);

  read = pulse_cache_get_entity (f->cache, "thing", "x", &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (read, body));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (
                     json_node_get_object (read), "whole")), ==, G_TYPE_DOUBLE);

  read_plain = pulse_cache_get_entity (f->cache, "thing", "p", &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (read_plain, plain));
  generated = pulse_json_to_string (plain);
  stored = stored_body (f->path, "p");
  g_assert_cmpstr (stored, ==, generated);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pulse/store/cache/" path, CacheFixture, NULL, cache_fixture_set_up, func, cache_fixture_tear_down)

  ADD ("batch/commits-state", test_batch_commits_state);
  ADD ("batch/all-or-nothing", test_batch_all_or_nothing);
  ADD ("batch/sql-error-rolls-back", test_batch_sql_error_rolls_back);
  ADD ("batch/bad-arguments", test_batch_bad_arguments);
  ADD ("batch/one-writer-per-thread", test_batch_one_writer_per_thread);
  ADD ("batch/stale-versions-ignored", test_stale_versions_ignored);
  ADD ("read/tickets-by-range", test_tickets_by_range);
  ADD ("prune/keeps-open-and-recent", test_prune_keeps_open_and_recent);
  ADD ("reopen/keeps-everything", test_reopen_keeps_everything);
  ADD ("body/round-trip", test_body_round_trip);

  return g_test_run ();
}
