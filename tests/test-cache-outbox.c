/* test-cache-outbox.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox of PulseCache: order, states, durability across reopening,
 * rebuilds and SIGKILL.
 */

#include "config.h"

#include <stdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "pulse-error.h"
#include "pulse-test-cache.h"

static gint64
enqueue (PulseCache *cache,
         const char *method,
         const char *path,
         const char *body,
         const char *key,
         gint64      base_version)
{
  g_autoptr(JsonNode) node = body != NULL ? pulse_test_parse (body) : NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = pulse_cache_outbox_enqueue (cache, method, path, node, key, "rule", "r-1",
                                          base_version, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Three edits: a create, an update and a delete, in that order. */
static void
enqueue_three (PulseCache *cache,
               gint64      ids[3])
{
  ids[0] = enqueue (cache, "POST", "/api/v1/rules", "{\"id\":\"r-1\",\"name\":\"Card\"}",
                    "k-create", 0);
  ids[1] = enqueue (cache, "PUT", "/api/v1/rules/r-1", "{\"name\":\"Card blocked\"}",
                    "k-update", 1);
  ids[2] = enqueue (cache, "DELETE", "/api/v1/rules/r-1", NULL, "k-delete", 2);
}

static char *
describe (GPtrArray *entries)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      PulseOutboxEntry *e = entries->pdata[i];

      g_string_append_printf (text, "%s%s %s %s", i ? "; " : "", e->method, e->idempotency_key,
                              pulse_outbox_state_to_string (e->state));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_listing (PulseCache *cache,
                gboolean    pending_only,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;

  if (pending_only)
    entries = pulse_cache_outbox_list_pending (cache, &error);
  else
    entries = pulse_cache_outbox_list_all (cache, &error);
  g_assert_no_error (error);
  text = describe (entries);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_enqueue_keeps_order_and_fields (CacheFixture  *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseOutboxEntry) first = NULL;
  g_autoptr(PulseOutboxEntry) last = NULL;
  gint64 ids[3];
  gint64 before = g_get_real_time ();

  enqueue_three (f->cache, ids);
  g_assert_cmpint (ids[0], <, ids[1]);
  g_assert_cmpint (ids[1], <, ids[2]);
  assert_listing (f->cache, TRUE, "POST k-create pending; PUT k-update pending; "
                                  "DELETE k-delete pending");

  first = pulse_cache_outbox_get (f->cache, ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->path, ==, "/api/v1/rules");
  g_assert_cmpstr (test_member_string (first->body, "name"), ==, "Card");
  g_assert_cmpstr (first->entity_kind, ==, "rule");
  g_assert_cmpstr (first->entity_id, ==, "r-1");
  g_assert_cmpint (first->base_version, ==, 0);
  g_assert_cmpuint (first->attempts, ==, 0);
  g_assert_cmpint (first->created_at, >=, before);
  last = pulse_cache_outbox_get (f->cache, ids[2], &error);
  g_assert_null (last->body);
  g_assert_cmpint (last->base_version, ==, 2);

  /* A key names one request. */
  g_assert_cmpint (pulse_cache_outbox_enqueue (f->cache, "PUT", "/api/v1/rules/r-1", NULL,
                                               "k-update", NULL, NULL, 3, &error), ==, 0);
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_CONSTRAINT);
}

static void
test_states (CacheFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) theirs = pulse_test_parse ("{\"id\":\"r-1\",\"version\":2}");
  g_autoptr(PulseOutboxEntry) failed = NULL;
  g_autoptr(PulseOutboxEntry) conflict = NULL;
  g_autoptr(PulseOutboxEntry) rejected = NULL;
  PulseCacheCounts counts;
  gint64 ids[3];
  guint attempts = 0;

  enqueue_three (f->cache, ids);
  g_assert_true (pulse_cache_outbox_mark_failed (f->cache, ids[0], 1000, "offline",
                                                 &attempts, &error));
  g_assert_cmpuint (attempts, ==, 1);
  g_assert_true (pulse_cache_outbox_mark_failed (f->cache, ids[0], 5000, "HTTP 503",
                                                 &attempts, &error));
  g_assert_cmpuint (attempts, ==, 2);
  g_assert_true (pulse_cache_outbox_mark_conflict (f->cache, ids[1], theirs, &error));
  g_assert_true (pulse_cache_outbox_mark_rejected (f->cache, ids[2], 422,
                                                   "unknown_reference: tpl-x", &error));
  g_assert_no_error (error);

  /* Failed entries are still to send; conflicts and rejections are held. */
  assert_listing (f->cache, TRUE, "POST k-create failed");
  assert_listing (f->cache, FALSE, "POST k-create failed; PUT k-update conflict; "
                                   "DELETE k-delete rejected");
  g_assert_true (pulse_cache_get_counts (f->cache, &counts, &error));
  g_assert_cmpint (counts.outbox_pending, ==, 1);
  g_assert_cmpint (counts.outbox_held, ==, 2);

  failed = pulse_cache_outbox_get (f->cache, ids[0], &error);
  g_assert_cmpint (failed->next_attempt_at, ==, 5000);
  g_assert_cmpstr (failed->last_error, ==, "HTTP 503");
  conflict = pulse_cache_outbox_get (f->cache, ids[1], &error);
  g_assert_cmpuint (conflict->last_status, ==, 412);
  g_assert_cmpint (test_member_int (conflict->theirs, "version"), ==, 2);
  rejected = pulse_cache_outbox_get (f->cache, ids[2], &error);
  g_assert_cmpuint (rejected->last_status, ==, 422);
  g_assert_cmpstr (rejected->last_error, ==, "unknown_reference: tpl-x");

  /* 412 is a conflict and 5xx may pass: neither is a rejection. */
  g_assert_false (pulse_cache_outbox_mark_rejected (f->cache, ids[0], 412, "stale", &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (pulse_cache_outbox_mark_rejected (f->cache, ids[0], 503, "busy", &error));
  g_assert_nonnull (strstr (error->message, "status"));
}

static void
test_requeue_and_remove (CacheFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) theirs = pulse_test_parse ("{\"id\":\"r-1\",\"version\":2}");
  g_autoptr(JsonNode) mine = pulse_test_parse ("{\"name\":\"Mine\"}");
  g_autoptr(PulseOutboxEntry) entry = NULL;
  gint64 ids[3], later;

  enqueue_three (f->cache, ids);
  g_assert_true (pulse_cache_outbox_mark_conflict (f->cache, ids[1], theirs, &error));
  /* "Keep mine": against their version, with a new key, in its place. */
  g_assert_true (pulse_cache_outbox_requeue (f->cache, ids[1], 2, mine, "k-update-2", &error));
  g_assert_no_error (error);
  assert_listing (f->cache, TRUE, "POST k-create pending; PUT k-update-2 pending; "
                                  "DELETE k-delete pending");
  entry = pulse_cache_outbox_get (f->cache, ids[1], &error);
  g_assert_cmpint (entry->base_version, ==, 2);
  g_assert_null (entry->theirs);
  g_assert_cmpuint (entry->last_status, ==, 0);
  g_assert_cmpstr (test_member_string (entry->body, "name"), ==, "Mine");

  g_assert_false (pulse_cache_outbox_requeue (f->cache, ids[1], 2, mine, "k-delete", &error));
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Acknowledged: removed. Ids are never given out again. */
  g_assert_true (pulse_cache_outbox_remove (f->cache, ids[2], &error));
  later = enqueue (f->cache, "POST", "/api/v1/templates", "{}", "k-later", 0);
  g_assert_cmpint (later, >, ids[2]);
  assert_listing (f->cache, FALSE, "POST k-create pending; PUT k-update-2 pending; "
                                   "POST k-later pending");

  /* Every change to an id that is gone says so. */
  g_assert_false (pulse_cache_outbox_remove (f->cache, ids[2], &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pulse_cache_outbox_mark_failed (f->cache, ids[2], 0, "x", NULL, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pulse_cache_outbox_mark_conflict (f->cache, ids[2], theirs, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pulse_cache_outbox_mark_rejected (f->cache, ids[2], 400, "x", &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pulse_cache_outbox_requeue (f->cache, ids[2], 1, NULL, "k-z", &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (pulse_cache_outbox_get (f->cache, ids[2], &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);
}

static void
test_bad_input_is_named (CacheFixture  *f,
                         gconstpointer  data)
{
  static const struct
  {
    const char *method, *path, *key;
    gint64      base_version;
    const char *message_part;
  } cases[] = {
    { "GET", "/api/v1/rules", "k", 0, "method: must be POST" },
    { NULL, "/api/v1/rules", "k", 0, "method:" },
    { "POST", "api/v1/rules", "k", 0, "path: must start with /" },
    { "POST", "", "k", 0, "path: must be 1 to" },
    { "POST", "/api/v1/rules", "", 0, "idempotency_key: must be 1 to 128" },
    { "POST", "/api/v1/rules", "two words", 0, "idempotency_key: must be printable" },
    { "POST", "/api/v1/rules", "k", -1, "base_version: must not be negative" },
  };
  g_autofree char *long_key = g_strnfill (129, 'k');
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (pulse_cache_outbox_enqueue (f->cache, cases[i].method, cases[i].path,
                                                   NULL, cases[i].key, NULL, NULL,
                                                   cases[i].base_version, &error), ==, 0);
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_clear_error (&error);
    }

  g_assert_cmpint (pulse_cache_outbox_enqueue (f->cache, "POST", "/x", NULL, long_key, NULL,
                                               NULL, 0, &error), ==, 0);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  assert_listing (f->cache, FALSE, "");
}

static void
test_survives_reopen (CacheFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) theirs = pulse_test_parse ("{\"id\":\"r-1\",\"version\":7}");
  g_autoptr(PulseOutboxEntry) entry = NULL;
  gint64 ids[3];

  enqueue_three (f->cache, ids);
  g_assert_true (pulse_cache_outbox_mark_failed (f->cache, ids[0], 1234, "offline", NULL,
                                                 &error));
  g_assert_true (pulse_cache_outbox_mark_conflict (f->cache, ids[1], theirs, &error));
  g_clear_object (&f->cache);

  f->cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_OPENED);
  assert_listing (f->cache, FALSE, "POST k-create failed; PUT k-update conflict; "
                                   "DELETE k-delete pending");
  assert_listing (f->cache, TRUE, "POST k-create failed; DELETE k-delete pending");
  entry = pulse_cache_outbox_get (f->cache, ids[0], &error);
  g_assert_cmpuint (entry->attempts, ==, 1);
  g_assert_cmpint (entry->next_attempt_at, ==, 1234);
  g_clear_pointer (&entry, pulse_outbox_entry_free);
  entry = pulse_cache_outbox_get (f->cache, ids[1], &error);
  g_assert_cmpint (test_member_int (entry->theirs, "version"), ==, 7);
}

/* A newer Pulse's file is rebuilt, but the edits in it come along, in
 * order and in their states, even with a column this Pulse lacks. */
static void
test_carried_over_from_newer_schema (CacheFixture  *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[3];
  sqlite3 *db = NULL;

  enqueue_three (f->cache, ids);
  g_assert_true (pulse_cache_outbox_mark_rejected (f->cache, ids[2], 403, "forbidden", &error));
  g_clear_object (&f->cache);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE outbox ADD COLUMN priority INTEGER;"
                                     "PRAGMA user_version = 3;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_REBUILT_NEW_SCHEMA);
  g_assert_cmpint (pulse_cache_get_outbox_left_behind (f->cache), ==, 0);
  assert_listing (f->cache, FALSE, "POST k-create pending; PUT k-update pending; "
                                   "DELETE k-delete rejected");
  /* Later entries still come after them. */
  g_assert_cmpint (enqueue (f->cache, "POST", "/api/v1/shifts", "{}", "k-next", 0), >, ids[2]);
}

/* Child: enqueue edits until killed, saying after each that it is saved. */
static int
run_child_enqueuer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCache) cache = pulse_cache_open (path, TEST_SERVER_URL, &error);
  g_autoptr(JsonNode) body = pulse_test_parse ("{\"name\":\"Edited offline\"}");

  g_assert_no_error (error);
  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *key = g_strdup_printf ("kill-%u", i);
      char line[64];
      gint64 id = pulse_cache_outbox_enqueue (cache, "PUT", "/api/v1/rules/r-1", body, key,
                                              "rule", "r-1", i, &error);

      g_assert_cmpint (id, >, 0);
      g_snprintf (line, sizeof line, "saved %u\n", i);
      g_assert_cmpint (write (STDOUT_FILENO, line, strlen (line)), ==, strlen (line));
    }
  return 1;
}

static void
test_saved_entries_survive_sigkill (CacheFixture  *f,
                                    gconstpointer  data)
{
  const char *args[] = { "--child-enqueuer", f->path, NULL };
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) input = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint saved = 0;

  g_clear_object (&f->cache);
  child = test_spawn_self (args);
  input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while (saved < 200)
    {
      g_autofree char *line = test_read_line (input);

      g_assert_nonnull (line);
      g_assert_cmpint (sscanf (line, "saved %u", &saved), ==, 1);
    }
  test_kill (child);

  /* Everything reported saved is there, in order, with nothing between. */
  f->cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_OPENED);
  entries = pulse_cache_outbox_list_pending (f->cache, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, saved);
  for (guint i = 0; i < entries->len; i++)
    {
      PulseOutboxEntry *e = entries->pdata[i];
      g_autofree char *key = g_strdup_printf ("kill-%u", i);

      g_assert_cmpstr (e->idempotency_key, ==, key);
      g_assert_cmpint (e->base_version, ==, i);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child-enqueuer"))
    return run_child_enqueuer (argv[2]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pulse/store/cache-outbox/" path, CacheFixture, NULL, cache_fixture_set_up, func, \
              cache_fixture_tear_down)

  ADD ("enqueue-keeps-order-and-fields", test_enqueue_keeps_order_and_fields);
  ADD ("states", test_states);
  ADD ("requeue-and-remove", test_requeue_and_remove);
  ADD ("bad-input-is-named", test_bad_input_is_named);
  ADD ("survives-reopen", test_survives_reopen);
  ADD ("carried-over-from-newer-schema", test_carried_over_from_newer_schema);
  ADD ("saved-entries-survive-sigkill", test_saved_entries_survive_sigkill);

  return g_test_run ();
}
