/* pulse-test-cache.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the cache tests: temporary folders with real files,
 * ticket JSON, and a child process read line by line.
 */

#pragma once

#include <signal.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "pulse-cache-batch.h"
#include "pulse-cache-outbox.h"
#include "pulse-test-util.h"

#define TEST_SERVER_URL "https://pulse.example.com"
#define TEST_DAY        (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
/* 2026-11-01T00:00:00Z */
#define TEST_BASE_USEC  (G_GINT64_CONSTANT (1793491200) * G_USEC_PER_SEC)

static inline char *
test_cache_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pulse-test-cache-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_cache_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        test_cache_remove_dir (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static inline PulseCache *
test_cache_open (const char           *path,
                 const char           *url,
                 PulseCacheOpenStatus  expected)
{
  g_autoptr(GError) error = NULL;
  PulseCache *cache = pulse_cache_open (path, url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cache);
  g_assert_cmpint (pulse_cache_get_open_status (cache), ==, expected);
  return cache;
}

static inline char *
test_ticket_json (const char *id,
                  gint64      version,
                  gint64      created_at,
                  const char *status,
                  const char *padding)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (created_at / G_USEC_PER_SEC);
  g_autofree char *stamp = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");

  return g_strdup_printf ("{\"id\":\"%s\",\"version\":%" G_GINT64_FORMAT ",\"queue_id\":\"q-ua\","
                          "\"channel\":\"chat\",\"subject\":\"Card blocked\","
                          "\"customer_id\":\"c-1\",\"status\":\"%s\",\"created_at\":\"%s\","
                          "\"messages\":[{\"text\":\"%s\"}],\"ratings\":[]}",
                          id, version, status, stamp, padding != NULL ? padding : "");
}

static inline void
test_put_ticket (PulseCacheBatch *batch,
                 const char      *id,
                 gint64           version,
                 gint64           created_at,
                 const char      *status,
                 gboolean         expect_applied)
{
  g_autofree char *json = test_ticket_json (id, version, created_at, status, NULL);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  gboolean applied = !expect_applied;

  g_assert_true (pulse_cache_batch_put_ticket (batch, node, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, expect_applied);
}

static inline void
test_put_entity (PulseCacheBatch *batch,
                 const char      *kind,
                 const char      *id,
                 gint64           version,
                 gboolean         expect_applied)
{
  g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"version\":%" G_GINT64_FORMAT "}",
                                           id, version);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  gboolean applied = !expect_applied;

  g_assert_true (pulse_cache_batch_put_entity (batch, kind, id, version, node, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, expect_applied);
}

static inline gint64
test_member_int (JsonNode   *node,
                 const char *member)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_get_int_member (json_node_get_object (node), member);
}

static inline const char *
test_member_string (JsonNode   *node,
                    const char *member)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_get_string_member (json_node_get_object (node), member);
}

static inline void
test_assert_counts (PulseCache *cache,
                    gint64      entities,
                    gint64      tickets,
                    gint64      open_tickets)
{
  g_autoptr(GError) error = NULL;
  PulseCacheCounts counts;

  g_assert_true (pulse_cache_get_counts (cache, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.entities, ==, entities);
  g_assert_cmpint (counts.tickets, ==, tickets);
  g_assert_cmpint (counts.open_tickets, ==, open_tickets);
}

static inline void
test_commit (PulseCacheBatch *batch)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_cache_batch_commit (batch, &error));
  g_assert_no_error (error);
}

static inline void
test_fill_state (PulseCache *cache,
                 const char *prefix,
                 guint       n_entities,
                 guint       n_tickets,
                 gint64      seq)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, &error);

  for (guint i = 0; i < n_entities; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%03u", prefix, i);

      test_put_entity (batch, i % 2 ? "agent" : "rule", id, 1, TRUE);
    }
  for (guint i = 0; i < n_tickets; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-t%03u", prefix, i);

      test_put_ticket (batch, id, 1, TEST_BASE_USEC + i, i % 2 ? "open" : "closed", TRUE);
    }
  pulse_cache_batch_set_seq (batch, seq);
  test_commit (batch);
}

/* Overwrites @length bytes of @path at @offset with a fixed pattern. */
static inline void
test_scribble (const char *path,
               goffset     offset,
               gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileIOStream) stream = g_file_open_readwrite (file, NULL, &error);
  g_autofree guint8 *garbage = g_malloc (length);

  g_assert_no_error (error);
  for (gsize i = 0; i < length; i++)
    garbage[i] = (guint8) (0xA5 ^ (i * 37));
  g_assert_true (g_seekable_seek (G_SEEKABLE (stream), offset, G_SEEK_SET, NULL, &error));
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                                            garbage, length, NULL, NULL, &error));
  g_assert_true (g_io_stream_close (G_IO_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
}

/* Counts the files in @dir whose names start with @prefix. */
static inline guint
test_count_files (const char *dir,
                  const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

/* This test binary again, as a child whose stdout the test reads. */
static inline GSubprocess *
test_spawn_self (const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", &error);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  GSubprocess *child;

  g_assert_no_error (error);
  g_ptr_array_add (argv, self_exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  child = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                             &error);
  g_assert_no_error (error);
  return child;
}

/* The child's next line, or NULL at its end. */
static inline char *
test_read_line (GDataInputStream *input)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (input, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

/* Kills the child with SIGKILL and reaps it. */
static inline void
test_kill (GSubprocess *child)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_force_exit (child);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
}

/* A fresh cache file in its own temp folder, for g_test_add(). */
typedef struct
{
  char       *dir;
  char       *path;
  PulseCache *cache;
} CacheFixture;

static inline void
cache_fixture_set_up (CacheFixture  *f,
                      gconstpointer  data)
{
  f->dir = test_cache_dir ();
  f->path = g_build_filename (f->dir, "cache.db", NULL);
  f->cache = test_cache_open (f->path, TEST_SERVER_URL, PULSE_CACHE_CREATED);
}

static inline void
cache_fixture_tear_down (CacheFixture  *f,
                         gconstpointer  data)
{
  g_clear_object (&f->cache);
  test_cache_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}
