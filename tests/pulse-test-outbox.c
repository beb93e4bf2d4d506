/* pulse-test-outbox.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-test-outbox.h"

#define WAIT_MS 10000

static void
wire_free (TestWire *wire)
{
  g_free (wire->method);
  g_free (wire->path);
  g_free (wire->if_match);
  g_free (wire->key);
  g_free (wire);
}

static void
signal_free (TestSignal *signal)
{
  g_free (signal->name);
  g_free (signal->kind);
  g_free (signal->id);
  g_clear_pointer (&signal->json, json_node_unref);
  g_clear_pointer (&signal->theirs, json_node_unref);
  g_free (signal->message);
  g_free (signal);
}

/* Answers 503 to the next requests of a method, before the server's own
 * handler sees them: a proxy in front of a server that is down. */
static void
on_got_headers_cb (SoupServerMessage *msg,
                   gpointer           user_data)
{
  TestOutbox *f = user_data;

  if (f->fail_next == 0 || g_strcmp0 (soup_server_message_get_method (msg), f->fail_method) != 0)
    return;

  f->fail_next--;
  soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
  if (f->fail_retry_after != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After",
                                  f->fail_retry_after);
}

static void
on_request_started_cb (SoupServer        *server,
                       SoupServerMessage *msg,
                       gpointer           user_data)
{
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers_cb), user_data);
}

void
test_outbox_set_up (TestOutbox    *f,
                    gconstpointer  data)
{
  f->server = pulse_test_server_new ();
  f->port = pulse_server_get_port (f->server->server);
  g_signal_connect (pulse_server_get_soup (f->server->server), "request-started",
                    G_CALLBACK (on_request_started_cb), f);

  f->dir = test_cache_dir ();
  f->cache_path = g_build_filename (f->dir, "cache.db", NULL);
  f->cache = test_cache_open (f->cache_path, f->server->url, PULSE_CACHE_CREATED);

  f->wire = g_ptr_array_new_with_free_func ((GDestroyNotify) wire_free);
  f->signals = g_ptr_array_new_with_free_func ((GDestroyNotify) signal_free);
}

static gboolean
cache_closed (gpointer user_data)
{
  return *(PulseCache **) user_data == NULL;
}

void
test_outbox_tear_down (TestOutbox    *f,
                       gconstpointer  data)
{
  PulseCache *cache = f->cache;

  test_outbox_drop (f);
  /* A change still being written in a worker holds the outbox, and so the
   * cache: its files are removed once it is closed (under valgrind the
   * journal could otherwise vanish between listing and removing it). */
  g_object_add_weak_pointer (G_OBJECT (cache), (gpointer *) &f->cache);
  g_object_unref (cache);
  pulse_test_wait_for (cache_closed, &f->cache, WAIT_MS);
  g_clear_pointer (&f->server, pulse_test_server_free);
  test_cache_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->cache_path);
  g_free (f->fail_method);
  g_free (f->fail_retry_after);
  g_ptr_array_unref (f->wire);
  g_ptr_array_unref (f->signals);
}

static void
on_finished_cb (SoupMessage *msg,
                gpointer     user_data)
{
  TestWire *wire = user_data;
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *retry_after = soup_message_headers_get_one (headers, "Retry-After");

  wire->status = soup_message_get_status (msg);
  wire->replayed = g_strcmp0 (soup_message_headers_get_one (headers, "Idempotent-Replayed"),
                              "true") == 0;
  wire->retry_after = retry_after != NULL ? (guint) g_ascii_strtoull (retry_after, NULL, 10) : 0;
  wire->answered_at = g_get_monotonic_time ();
}

static void
on_request_queued_cb (SoupSession *session,
                      SoupMessage *msg,
                      gpointer     user_data)
{
  TestOutbox *f = user_data;
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  TestWire *wire = g_new0 (TestWire, 1);

  wire->method = g_strdup (soup_message_get_method (msg));
  wire->path = g_strdup (g_uri_get_path (soup_message_get_uri (msg)));
  wire->if_match = g_strdup (soup_message_headers_get_one (headers, "If-Match"));
  wire->key = g_strdup (soup_message_headers_get_one (headers, "Idempotency-Key"));
  wire->sent_at = g_get_monotonic_time ();
  g_ptr_array_add (f->wire, wire);
  g_signal_connect (msg, "finished", G_CALLBACK (on_finished_cb), wire);
}

static TestSignal *
add_signal (TestOutbox *f,
            const char *name,
            gint64      entry_id)
{
  TestSignal *signal = g_new0 (TestSignal, 1);

  signal->name = g_strdup (name);
  signal->entry_id = entry_id;
  g_ptr_array_add (f->signals, signal);
  return signal;
}

static void
on_acknowledged_cb (PulseOutbox *outbox,
                    gint64       entry_id,
                    const char  *kind,
                    const char  *id,
                    JsonNode    *answer,
                    const char  *method,
                    TestOutbox  *f)
{
  TestSignal *signal = add_signal (f, "acknowledged", entry_id);

  signal->kind = g_strdup (kind);
  signal->id = g_strdup (id);
  signal->json = answer != NULL ? json_node_ref (answer) : NULL;
  signal->message = g_strdup (method);
}

static void
on_conflict_cb (PulseOutbox *outbox,
                gint64       entry_id,
                JsonNode    *mine,
                JsonNode    *theirs,
                TestOutbox  *f)
{
  TestSignal *signal = add_signal (f, "conflict", entry_id);

  signal->json = mine != NULL ? json_node_ref (mine) : NULL;
  signal->theirs = theirs != NULL ? json_node_ref (theirs) : NULL;
}

static void
on_rejected_cb (PulseOutbox *outbox,
                gint64       entry_id,
                guint        status,
                const char  *message,
                TestOutbox  *f)
{
  TestSignal *signal = add_signal (f, "rejected", entry_id);

  signal->status = status;
  signal->message = g_strdup (message);
}

static gboolean
is_loaded (gpointer user_data)
{
  return pulse_outbox_get_loaded (user_data);
}

/**
 * test_outbox_start:
 * @role: whose token the client holds
 *
 * A client and an outbox on the fixture's cache, offline, with short
 * retry delays, once it has read the cache.
 */
void
test_outbox_start (TestOutbox *f,
                   PulseRole   role)
{
  f->role = role;
  f->client = pulse_client_new (f->server->url, pulse_test_server_get_token (f->server, role));
  g_signal_connect (pulse_client_get_soup (f->client), "request-queued",
                    G_CALLBACK (on_request_queued_cb), f);

  f->outbox = pulse_outbox_new (f->client, f->cache);
  pulse_outbox_set_retry_delays (f->outbox, 10, 50);
  g_signal_connect (f->outbox, "acknowledged", G_CALLBACK (on_acknowledged_cb), f);
  g_signal_connect (f->outbox, "conflict", G_CALLBACK (on_conflict_cb), f);
  g_signal_connect (f->outbox, "rejected", G_CALLBACK (on_rejected_cb), f);
  pulse_test_wait_for (is_loaded, f->outbox, WAIT_MS);
}

/* The outbox and its client are gone, as in a crash: nothing is waited
 * for, and a request in flight is abandoned. */
void
test_outbox_drop (TestOutbox *f)
{
  if (f->outbox != NULL)
    g_signal_handlers_disconnect_by_data (f->outbox, f);
  if (f->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (pulse_client_get_soup (f->client), f);
      soup_session_abort (pulse_client_get_soup (f->client));
    }
  g_clear_object (&f->outbox);
  g_clear_object (&f->client);
}

/**
 * test_outbox_restart:
 *
 * Drops the outbox and the cache, opens the cache file again and starts
 * a new outbox on it, as the next run of the console would.
 */
void
test_outbox_restart (TestOutbox *f)
{
  test_outbox_drop (f);
  g_clear_object (&f->cache);
  f->cache = test_cache_open (f->cache_path, f->server->url, PULSE_CACHE_OPENED);
  test_outbox_start (f, f->role);
}

/* No server on the port any more: connections are refused. */
void
test_outbox_stop_server (TestOutbox *f)
{
  pulse_server_disconnect (f->server->server);
  soup_session_abort (f->server->soup);
}

void
test_outbox_start_server (TestOutbox *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_server_listen (f->server->server, "127.0.0.1", f->port, &error));
  g_assert_no_error (error);
}

void
test_outbox_fail_next (TestOutbox *f,
                       const char *method,
                       guint       count)
{
  g_free (f->fail_method);
  f->fail_method = g_strdup (method);
  f->fail_next = count;
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ((Wait *) user_data)->result = g_object_ref (result);
}

static gboolean
wait_is_done (gpointer user_data)
{
  return ((Wait *) user_data)->result != NULL;
}

static gint64
submit (TestOutbox  *f,
        const char  *method,
        const char  *kind,
        const char  *id,
        gint64       base_version,
        const char  *body,
        GError     **error)
{
  g_autoptr(JsonNode) node = body != NULL ? pulse_test_parse (body) : NULL;
  Wait wait = { NULL };
  gint64 entry_id;

  pulse_outbox_submit_async (f->outbox, method, kind, id, base_version, node, NULL, on_done_cb,
                             &wait);
  pulse_test_wait_for (wait_is_done, &wait, WAIT_MS);
  entry_id = pulse_outbox_submit_finish (f->outbox, wait.result, error);
  g_object_unref (wait.result);
  return entry_id;
}

/* Returns: (transfer full): the error; the test fails if there is none. */
GError *
test_outbox_submit_error (TestOutbox *f,
                          const char *method,
                          const char *kind,
                          const char *id,
                          gint64      base_version,
                          const char *body)
{
  GError *error = NULL;

  g_assert_cmpint (submit (f, method, kind, id, base_version, body, &error), ==, 0);
  g_assert_nonnull (error);
  return error;
}

/* Returns: the entry id; the test fails if the submit does. */
gint64
test_outbox_submit (TestOutbox *f,
                    const char *method,
                    const char *kind,
                    const char *id,
                    gint64      base_version,
                    const char *body)
{
  g_autoptr(GError) error = NULL;
  gint64 entry_id = submit (f, method, kind, id, base_version, body, &error);

  g_assert_no_error (error);
  g_assert_cmpint (entry_id, >, 0);
  return entry_id;
}

/* Returns: (transfer full) (nullable): the error of the resolution. */
GError *
test_outbox_resolve (TestOutbox *f,
                     void      (*func) (PulseOutbox *,
                                        gint64,
                                        GCancellable *,
                                        GAsyncReadyCallback,
                                        gpointer),
                     gint64      entry_id)
{
  GError *error = NULL;
  Wait wait = { NULL };
  gboolean ok;

  func (f->outbox, entry_id, NULL, on_done_cb, &wait);
  pulse_test_wait_for (wait_is_done, &wait, WAIT_MS);
  ok = pulse_outbox_resolve_finish (f->outbox, wait.result, &error);
  g_assert_true (ok == (error == NULL));
  g_object_unref (wait.result);
  return error;
}

typedef struct
{
  TestOutbox *f;
  guint       counts[4];
} Counts;

static gboolean
counts_match (gpointer user_data)
{
  Counts *c = user_data;
  PulseOutbox *outbox = c->f->outbox;

  return pulse_outbox_get_n_pending (outbox) == c->counts[0] &&
         pulse_outbox_get_n_failed (outbox) == c->counts[1] &&
         pulse_outbox_get_n_conflicts (outbox) == c->counts[2] &&
         pulse_outbox_get_n_rejected (outbox) == c->counts[3];
}

void
test_outbox_wait_counts (TestOutbox *f,
                         guint       pending,
                         guint       failed,
                         guint       conflicts,
                         guint       rejected)
{
  Counts c = { f, { pending, failed, conflicts, rejected } };

  if (!counts_match (&c))
    pulse_test_wait_for (counts_match, &c, WAIT_MS);
}

typedef struct
{
  GPtrArray *array;
  guint      n;
} Length;

static gboolean
has_signals (gpointer user_data)
{
  Length *l = user_data;

  return l->array->len >= l->n;
}

void
test_outbox_wait_signals (TestOutbox *f,
                          guint       n)
{
  Length l = { f->signals, n };

  pulse_test_wait_for (has_signals, &l, WAIT_MS);
}

static gboolean
has_answers (gpointer user_data)
{
  Length *l = user_data;

  return l->array->len >= l->n &&
         ((TestWire *) g_ptr_array_index (l->array, l->n - 1))->answered_at != 0;
}

/* Waits until @n requests went out and the last of them is finished. */
void
test_outbox_wait_wire (TestOutbox *f,
                       guint       n)
{
  Length l = { f->wire, n };

  pulse_test_wait_for (has_answers, &l, WAIT_MS);
}

TestWire *
test_outbox_wire (TestOutbox *f,
                  guint       i)
{
  g_assert_cmpuint (i, <, f->wire->len);
  return g_ptr_array_index (f->wire, i);
}

TestSignal *
test_outbox_signal (TestOutbox *f,
                    guint       i)
{
  g_assert_cmpuint (i, <, f->signals->len);
  return g_ptr_array_index (f->signals, i);
}

/* A GET with the head's token, which the outbox's rate limit spares. */
PulseTestResponse *
test_outbox_get (TestOutbox *f,
                 const char *path)
{
  return pulse_test_server_request (f->server, "GET", path,
                                    pulse_test_server_get_token (f->server, PULSE_ROLE_HEAD),
                                    NULL, NULL);
}

guint
test_outbox_count_items (TestOutbox *f,
                         const char *collection)
{
  g_autofree char *path = g_strconcat ("/api/v1/", collection, NULL);
  g_autoptr(PulseTestResponse) response = test_outbox_get (f, path);
  JsonArray *items;

  g_assert_cmpuint (response->status, ==, 200);
  items = json_object_get_array_member (pulse_test_response_object (response), collection);
  g_assert_nonnull (items);
  return json_array_get_length (items);
}

/* Returns: (transfer full): the cache's outbox, read from the file. */
GPtrArray *
test_outbox_cache_entries (TestOutbox *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = pulse_cache_outbox_list_all (f->cache, &error);

  g_assert_no_error (error);
  return entries;
}
