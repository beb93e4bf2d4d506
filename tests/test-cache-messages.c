/* test-cache-messages.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ticket's messages as rows of their own (cache schema 2): a ticket
 * reads back as it was put, member for member; a new message is the only
 * row written; an insertion, a shorter list, a stale put, a rollback, a
 * deletion, a replacement and pruning all leave the rows right, also
 * after the writer remembered which rows it wrote; and a
 * file at schema 1 is rebuilt with its outbox carried over.
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-json.h"
#include "pulse-test-cache.h"
#include "pulse-test-json-same.h"

/* A ticket whose messages have @ids ("m1,m2"; "" for none, NULL for no
 * "messages" member), in Ukrainian. */
static char *
ticket_text (const char *id,
             gint64      version,
             const char *status,
             const char *ids)
{
  g_auto(GStrv) each = ids != NULL && *ids != '\0' ? g_strsplit (ids, ",", -1) : NULL;
  g_autoptr(GString) messages = g_string_new (NULL);

  for (guint i = 0; each != NULL && each[i] != NULL; i++)
    g_string_append_printf (messages, "%s{\"id\":\"%s\",\"at\":\"2026-11-01T00:0%u:00Z\","
                            "\"body\":\"Доброго дня, %s \\\"ok\\\"\"}", i > 0 ? "," : "",
                            each[i], i, each[i]);

  return g_strdup_printf ("{\"id\":\"%s\",\"version\":%" G_GINT64_FORMAT ",\"queue_id\":\"q-ua\","
                          "\"status\":\"%s\",\"created_at\":\"2026-11-01T00:00:00Z\"%s%s%s"
                          ",\"ratings\":[],\"subject\":\"Картка\"}", id, version, status,
                          ids != NULL ? ",\"messages\":[" : "", messages->str,
                          ids != NULL ? "]" : "");
}

static gboolean
put (PulseCache *cache,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, &error);
  g_autoptr(JsonNode) node = pulse_test_parse (text);
  gboolean applied = FALSE;

  g_assert_true (pulse_cache_batch_put_ticket (batch, node, &applied, &error));
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  g_assert_no_error (error);
  return applied;
}

/* What the cache reads for @id is @text's tree, member order included. */
static void
assert_reads (PulseCache *cache,
              const char *id,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) read = pulse_cache_get_ticket (cache, id, &error);
  g_autoptr(JsonNode) expected = pulse_test_parse (text);

  g_assert_no_error (error);
  if (!pulse_test_json_same (read, expected))
    {
      g_autofree char *got = pulse_json_to_string (read);

      g_error ("ticket %s reads back as %s, not %s", id, got, text);
    }
}

/* The message rows of @ticket_id, as "ord:id" joined by spaces. */
static char *
rows (const char *path,
      const char *ticket_id)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT ord, id FROM message WHERE ticket_id = ?1"
                                       " ORDER BY ord", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%d:%s", out->len > 0 ? " " : "",
                            sqlite3_column_int (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}

#define ASSERT_ROWS(f, id, expected) \
  G_STMT_START { \
    g_autofree char *got_ = rows ((f)->path, id); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_round_trip (CacheFixture  *f,
                 gconstpointer  data)
{
  g_autofree char *three = ticket_text ("t-1", 1, "open", "m1,m2,m3");
  g_autofree char *none = ticket_text ("t-2", 1, "open", "");
  g_autofree char *absent = ticket_text ("t-3", 1, "open", NULL);
  const char *first = "{\"messages\":[{\"id\":\"a\"}],\"id\":\"t-4\",\"version\":1,"
                      "\"queue_id\":\"q\",\"status\":\"open\","
                      "\"created_at\":\"2026-11-01T00:00:00Z\"}";

  g_assert_true (put (f->cache, three));
  g_assert_true (put (f->cache, none));
  g_assert_true (put (f->cache, absent));
  g_assert_true (put (f->cache, first));
  assert_reads (f->cache, "t-1", three);
  assert_reads (f->cache, "t-2", none);
  assert_reads (f->cache, "t-3", absent);
  assert_reads (f->cache, "t-4", first);
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2 2:m3");
  ASSERT_ROWS (f, "t-2", "");
  ASSERT_ROWS (f, "t-4", "0:a");

  /* The list reads assemble them the same way. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) open = pulse_cache_list_open_tickets (f->cache, &error);
    g_autoptr(JsonNode) expected = pulse_test_parse (three);

    g_assert_cmpuint (open->len, ==, 4);
    g_assert_true (pulse_test_json_same (open->pdata[0], expected));
  }
}

/* A message added at the end is the one row written: a row changed
 * behind the cache's back stays as it is. */
static void
test_append_writes_one_row (CacheFixture  *f,
                            gconstpointer  data)
{
  g_autofree char *v1 = ticket_text ("t-1", 1, "open", "m1,m2");
  g_autofree char *v2 = ticket_text ("t-1", 2, "open", "m1,m2,m3");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) read = NULL;
  JsonArray *messages;

  g_assert_true (put (f->cache, v1));
  raw_exec (f->path, "UPDATE message SET body = '{\"id\":\"m1\",\"marked\":true}'"
                     " WHERE ticket_id = 't-1' AND ord = 0");
  g_assert_true (put (f->cache, v2));
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2 2:m3");

  read = pulse_cache_get_ticket (f->cache, "t-1", &error);
  messages = json_object_get_array_member (json_node_get_object (read), "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 3);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (messages, 0),
                                                 "marked"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (read), "version"), ==, 2);
}

/* A message inserted in time order before others moves them down; a
 * shorter list (or none) drops the rows past its end. */
static void
test_insert_and_trim (CacheFixture  *f,
                      gconstpointer  data)
{
  g_autofree char *v1 = ticket_text ("t-1", 1, "open", "m1,m3");
  g_autofree char *v2 = ticket_text ("t-1", 2, "open", "m1,m2,m3");
  g_autofree char *v3 = ticket_text ("t-1", 3, "open", "m1");
  g_autofree char *v4 = ticket_text ("t-1", 4, "open", NULL);

  g_assert_true (put (f->cache, v1));
  g_assert_true (put (f->cache, v2));
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2 2:m3");
  assert_reads (f->cache, "t-1", v2);
  g_assert_true (put (f->cache, v3));
  ASSERT_ROWS (f, "t-1", "0:m1");
  assert_reads (f->cache, "t-1", v3);
  g_assert_true (put (f->cache, v4));
  ASSERT_ROWS (f, "t-1", "");
  assert_reads (f->cache, "t-1", v4);
}

/* An older version changes nothing, messages included; a batch rolled
 * back leaves the rows of the last commit. */
static void
test_stale_and_rollback (CacheFixture  *f,
                         gconstpointer  data)
{
  g_autofree char *v2 = ticket_text ("t-1", 2, "open", "m1,m2");
  g_autofree char *v1 = ticket_text ("t-1", 1, "open", "x1");
  g_autofree char *v3 = ticket_text ("t-1", 3, "open", "m1,m2,m3");
  g_autoptr(GError) error = NULL;

  g_assert_true (put (f->cache, v2));
  g_assert_false (put (f->cache, v1));
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2");
  assert_reads (f->cache, "t-1", v2);

  {
    g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (f->cache, &error);
    g_autoptr(JsonNode) node = pulse_test_parse (v3);

    g_assert_true (pulse_cache_batch_put_ticket (batch, node, NULL, &error));
  }
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2");
  g_assert_true (put (f->cache, v3));
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2 2:m3");
}

/* A put that changes what the ticket indexes hold (status, creation
 * time) goes through the upsert: the open count and the rows follow. */
static void
test_header_changes (CacheFixture  *f,
                     gconstpointer  data)
{
  g_autofree char *v1 = ticket_text ("t-1", 1, "open", "m1");
  g_autofree char *v2 = ticket_text ("t-1", 2, "resolved", "m1,m2");
  g_autofree char *v3 = ticket_text ("t-1", 3, "pending", "m1,m2");
  g_autofree char *v1_again = ticket_text ("t-1", 1, "open", "m1");

  g_assert_true (put (f->cache, v1));
  test_assert_counts (f->cache, 0, 1, 1);
  g_assert_true (put (f->cache, v2));
  test_assert_counts (f->cache, 0, 1, 0);
  assert_reads (f->cache, "t-1", v2);
  g_assert_true (put (f->cache, v3));
  test_assert_counts (f->cache, 0, 1, 1);
  assert_reads (f->cache, "t-1", v3);
  /* Stale, with the status it had: the header-only update does not
   * take it either. */
  g_assert_false (put (f->cache, v1_again));
  assert_reads (f->cache, "t-1", v3);
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2");
}

/* Every way a ticket leaves takes its messages with it. */
static void
test_rows_leave_with_ticket (CacheFixture  *f,
                             gconstpointer  data)
{
  g_autofree char *gone = ticket_text ("t-1", 1, "open", "m1,m2");
  g_autofree char *open = ticket_text ("t-2", 1, "open", "m3");
  g_autofree char *closed = ticket_text ("t-3", 1, "closed", "m4");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = NULL;

  g_assert_true (put (f->cache, gone));
  g_assert_true (put (f->cache, open));
  g_assert_true (put (f->cache, closed));

  batch = pulse_cache_batch_begin (f->cache, &error);
  g_assert_true (pulse_cache_batch_delete_ticket (batch, "t-1", 1, NULL, &error));
  test_commit (batch);
  g_clear_pointer (&batch, pulse_cache_batch_free);
  ASSERT_ROWS (f, "t-1", "");

  batch = pulse_cache_batch_begin_replace (f->cache, PULSE_CACHE_REPLACE_OPEN_TICKETS, 1, &error);
  test_commit (batch);
  g_clear_pointer (&batch, pulse_cache_batch_free);
  ASSERT_ROWS (f, "t-2", "");
  ASSERT_ROWS (f, "t-3", "0:m4");

  /* Created 2026-11-01: pruned by a cut-off a day later. */
  g_assert_cmpint (pulse_cache_prune_tickets_before (f->cache, TEST_BASE_USEC + TEST_DAY,
                                                     &error), ==, 1);
  ASSERT_ROWS (f, "t-3", "");
  g_assert_true (pulse_cache_quick_check (f->cache, &error));
}

static void
put_in_batch (PulseCacheBatch *batch,
              const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pulse_test_parse (text);

  g_assert_true (pulse_cache_batch_put_ticket (batch, node, NULL, &error));
  g_assert_no_error (error);
}

/* The writer remembers which ids it stored, and must not trust that
 * after another connection wrote, a batch rolled back, or the ticket's
 * row went (deletion, replacement, pruning) in the same batch or before:
 * each step below would lose a row if it did. */
static void
test_known_ids_follow_the_file (CacheFixture  *f,
                                gconstpointer  data)
{
  g_autofree char *v1 = ticket_text ("t-1", 1, "open", "m1,m2");
  g_autofree char *v2 = ticket_text ("t-1", 2, "open", "m1,m2,m3");
  g_autofree char *v3 = ticket_text ("t-1", 3, "open", "m1,m2,m3,m4");
  g_autofree char *v4 = ticket_text ("t-1", 4, "open", "m1,m2,m3,m4,m5");
  g_autofree char *again = ticket_text ("t-1", 1, "open", "m1");
  g_autofree char *reopened = ticket_text ("t-1", 2, "open", "m1,m2");
  g_autofree char *closed = ticket_text ("t-9", 1, "closed", "c1");
  g_autofree char *closed2 = ticket_text ("t-9", 2, "closed", "c1,c2");
  g_autoptr(PulseCacheBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (put (f->cache, v1));
  raw_exec (f->path, "DELETE FROM message WHERE ticket_id = 't-1' AND ord = 1");
  g_assert_true (put (f->cache, v2));
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2 2:m3");

  batch = pulse_cache_batch_begin (f->cache, &error);
  put_in_batch (batch, v3);
  g_clear_pointer (&batch, pulse_cache_batch_free);
  g_assert_true (put (f->cache, v4));
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2 2:m3 3:m4 4:m5");
  assert_reads (f->cache, "t-1", v4);

  batch = pulse_cache_batch_begin (f->cache, &error);
  g_assert_true (pulse_cache_batch_delete_ticket (batch, "t-1", 4, NULL, &error));
  put_in_batch (batch, again);
  test_commit (batch);
  g_clear_pointer (&batch, pulse_cache_batch_free);
  ASSERT_ROWS (f, "t-1", "0:m1");

  batch = pulse_cache_batch_begin_replace (f->cache, PULSE_CACHE_REPLACE_OPEN_TICKETS, 1, &error);
  put_in_batch (batch, reopened);
  test_commit (batch);
  g_clear_pointer (&batch, pulse_cache_batch_free);
  ASSERT_ROWS (f, "t-1", "0:m1 1:m2");
  assert_reads (f->cache, "t-1", reopened);

  g_assert_true (put (f->cache, closed));
  g_assert_cmpint (pulse_cache_prune_tickets_before (f->cache, TEST_BASE_USEC + TEST_DAY,
                                                     &error), ==, 1);
  g_assert_true (put (f->cache, closed2));
  ASSERT_ROWS (f, "t-9", "0:c1 1:c2");
  assert_reads (f->cache, "t-9", closed2);
}

/* A file at schema 1 (tickets whole in their rows) is moved aside and
 * rebuilt; its unsent edit comes along. */
static void
test_schema_1_rebuilt (CacheFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(PulseCache) cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *dir = test_cache_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *ticket = ticket_text ("t-1", 1, "open", "m1");
  g_autofree char *sql = NULL;

  raw_exec (path, "CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 1),"
                  " server_url TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0,"
                  " snapshot_at INTEGER NOT NULL DEFAULT 0,"
                  " last_event_at INTEGER NOT NULL DEFAULT 0, server_version TEXT) STRICT;"
                  "CREATE TABLE entity (kind TEXT NOT NULL, id TEXT NOT NULL,"
                  " version INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, id)) STRICT;"
                  "CREATE TABLE ticket (id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL,"
                  " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                  " status TEXT NOT NULL, queue_id TEXT NOT NULL, body TEXT NOT NULL) STRICT;"
                  "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                  " method TEXT NOT NULL, path TEXT NOT NULL, body TEXT,"
                  " idempotency_key TEXT NOT NULL UNIQUE, entity_kind TEXT, entity_id TEXT,"
                  " base_version INTEGER NOT NULL DEFAULT 0,"
                  " state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,"
                  " next_attempt_at INTEGER NOT NULL DEFAULT 0,"
                  " last_status INTEGER NOT NULL DEFAULT 0, last_error TEXT, theirs TEXT,"
                  " created_at INTEGER NOT NULL) STRICT;"
                  "INSERT INTO meta (id, server_url, seq, snapshot_at) VALUES"
                  " (1, '" TEST_SERVER_URL "', 12, 1);"
                  "INSERT INTO outbox (method, path, body, idempotency_key, created_at) VALUES"
                  " ('PUT', '/api/v1/rules/r-1', '{}', 'key-old', 1);"
                  "PRAGMA user_version = 1;");
  sql = g_strdup_printf ("INSERT INTO ticket VALUES ('t-1', 1, 1, 1, 'open', 'q-ua', '%s')",
                         ticket);
  raw_exec (path, sql);

  cache = test_cache_open (path, TEST_SERVER_URL, PULSE_CACHE_REBUILT_OLD_SCHEMA);
  g_assert_nonnull (strstr (pulse_cache_get_moved_aside_path (cache), ".old-schema-"));
  g_assert_cmpint (pulse_cache_get_outbox_left_behind (cache), ==, 0);
  entries = pulse_cache_outbox_list_all (cache, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  test_assert_counts (cache, 0, 0, 0);

  /* The new file takes tickets in the new layout. */
  g_assert_true (put (cache, ticket));
  assert_reads (cache, "t-1", ticket);
  g_clear_object (&cache);
  test_cache_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pulse/store/cache/messages/" path, CacheFixture, NULL, cache_fixture_set_up, \
              func, cache_fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("append-writes-one-row", test_append_writes_one_row);
  ADD ("insert-and-trim", test_insert_and_trim);
  ADD ("stale-and-rollback", test_stale_and_rollback);
  ADD ("header-changes", test_header_changes);
  ADD ("rows-leave-with-ticket", test_rows_leave_with_ticket);
  ADD ("known-ids-follow-the-file", test_known_ids_follow_the_file);
  ADD ("schema-1-rebuilt", test_schema_1_rebuilt);

  return g_test_run ();
}
