/* test-sync-e2e.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSync end to end against pulse-server as a child process with a
 * database file: SIGKILL in the middle of a busy stream, a restart on the
 * same port and database, and the console ends with exactly the server's
 * snapshot. Writes the killed server never acknowledged may be lost; the
 * server's own snapshot is the criterion.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-test-child-server.h"
#include "pulse-test-sync.h"
#include "pulse-time-utils.h"

#define KILL_AFTER_EVENTS  150  /* the sync's seq when the server is killed */
#define WRITES_AFTER       150  /* acknowledged writes after the restart */
#define IN_FLIGHT          4

typedef struct
{
  PulseTestChildServer *server;
  const char  *head;
  const char  *integration;
  SoupSession *soup;
  gboolean     writing;
  guint        in_flight;
  guint        next;          /* the next write's number */
  guint        acknowledged;
  guint        refused;       /* writes the server did not acknowledge */
  GPtrArray   *tickets;       /* ids of acknowledged tickets */
} Child;

/* pulse-server over a database file, with a head's and an integration's
 * token. */
static void
child_init (Child *child)
{
  child->server = pulse_test_child_server_new ();
  child->head = pulse_test_server_get_token (&child->server->ts, PULSE_ROLE_HEAD);
  child->integration = pulse_test_server_get_token (&child->server->ts, PULSE_ROLE_INTEGRATION);
  child->tickets = g_ptr_array_new_with_free_func (g_free);
  child->soup = soup_session_new_with_options ("max-conns-per-host", IN_FLIGHT + 2, NULL);
}

static void
child_clear (Child *child)
{
  soup_session_abort (child->soup);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&child->soup);
  g_clear_pointer (&child->tickets, g_ptr_array_unref);
  g_clear_pointer (&child->server, pulse_test_child_server_free);
}

/* A blocking request: the server is another process. */
static JsonNode *
child_get (Child      *child,
           const char *path)
{
  g_autofree char *url = g_strconcat (child->server->ts.url, path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", child->head, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  body = soup_session_send_and_read (child->soup, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  node = pulse_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  return node;
}

static void child_write (Child *child);

typedef struct
{
  Child *child;
  char  *ticket_id;           /* a new ticket's id, or NULL for a message */
} Write;

static void
on_write_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Write *write = user_data;
  Child *child = write->child;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result,
                                                              NULL);

  /* Only what the server answered 200 to is known to be stored. */
  if (body != NULL && soup_message_get_status (msg) == SOUP_STATUS_OK)
    {
      child->acknowledged++;
      if (write->ticket_id != NULL)
        g_ptr_array_add (child->tickets, g_steal_pointer (&write->ticket_id));
    }
  else
    child->refused++;

  child->in_flight--;
  g_free (write->ticket_id);
  g_free (write);
  if (child->writing)
    child_write (child);
}

/* Every third write a reply on an acknowledged ticket, else a ticket. */
static char *
write_body (Child  *child,
            Write  *write,
            char  **endpoint)
{
  gint64 now = g_get_real_time ();
  g_autofree char *at = pulse_time_format (now);
  guint n = child->next++;

  if (n % 3 == 2 && child->tickets->len > 0)
    {
      const char *ticket = child->tickets->pdata[n % child->tickets->len];

      *endpoint = g_strconcat (child->server->ts.url, "/api/v1/ingest/messages", NULL);
      return g_strdup_printf ("{\"ticket_id\":\"%s\",\"message\":{\"id\":\"m-%u\","
                              "\"author_kind\":\"customer\",\"at\":\"%s\",\"body\":\"Ще?\"}}",
                              ticket, n, at);
    }

  write->ticket_id = g_strdup_printf ("t-%05u", n);
  *endpoint = g_strconcat (child->server->ts.url, "/api/v1/ingest/tickets", NULL);
  return pulse_test_sync_ticket_json (write->ticket_id, "open", now, now);
}

static void
child_write (Child *child)
{
  g_autofree char *auth = g_strconcat ("Bearer ", child->integration, NULL);
  g_autofree char *endpoint = NULL;
  g_autofree char *body = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  Write *write = g_new0 (Write, 1);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  write->child = child;
  body = write_body (child, write, &endpoint);
  length = strlen (body);
  msg = soup_message_new ("POST", endpoint);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  /* The message takes its own reference on the body. */
  bytes = g_bytes_new_take (g_steal_pointer (&body), length);
  pulse_test_set_json_body (msg, bytes);
  child->in_flight++;
  soup_session_send_and_read_async (child->soup, msg, G_PRIORITY_DEFAULT, NULL, on_write_done_cb,
                                    write);
}

static void
child_start_writing (Child *child)
{
  child->writing = TRUE;
  while (child->in_flight < IN_FLIGHT)
    child_write (child);
}

typedef struct
{
  Child     *child;
  PulseSync *sync;
  gint64     seq;
  guint      acknowledged;
} Wait;

static gboolean
sync_reached (gpointer data)
{
  Wait *wait = data;

  return pulse_sync_get_seq (wait->sync) >= wait->seq;
}

static gboolean
acknowledged_reached (gpointer data)
{
  Wait *wait = data;

  return wait->child->acknowledged >= wait->acknowledged;
}

static gboolean
none_in_flight (gpointer data)
{
  return ((Wait *) data)->child->in_flight == 0;
}

static gboolean
live_at_seq (gpointer data)
{
  Wait *wait = data;

  return pulse_sync_get_is_live (wait->sync) && pulse_sync_get_seq (wait->sync) == wait->seq;
}

static void
assert_state_is_snapshot (Child     *child,
                          PulseSync *sync)
{
  SyncFixture fixture = { .ts = &child->server->ts };

  pulse_test_sync_assert_matches (&fixture, sync);
}

static PulseSync *
sync_new (Child *child)
{
  g_autofree char *cache = g_build_filename (child->server->dir, "cache.db", NULL);
  g_autoptr(PulseClient) client = pulse_client_new (child->server->ts.url, child->head);
  PulseSync *sync = pulse_sync_new (client, cache);

  pulse_sync_set_timing (sync, 5, 50, 200);
  return sync;
}

static void
test_sigkill_mid_stream (void)
{
  Child child = { 0 };
  g_autoptr(PulseSync) sync = NULL;
  g_autoptr(JsonNode) health = NULL;
  Wait wait = { &child, NULL, KILL_AFTER_EVENTS, 0 };
  guint before_kill;

  child_init (&child);

  wait.sync = sync = sync_new (&child);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  child_start_writing (&child);

  /* Killed while the stream is busy: writes in flight, events unread. */
  g_assert_true (pulse_test_wait_for (sync_reached, &wait, PULSE_TEST_SYNC_WAIT_MS));
  pulse_test_child_server_kill (child.server);
  before_kill = child.acknowledged;
  g_test_message ("killed at sync seq %" G_GINT64_FORMAT ", %u writes acknowledged, "
                  "%u in flight", pulse_sync_get_seq (sync), before_kill, child.in_flight);
  pulse_test_child_server_start (child.server);

  wait.acknowledged = before_kill + WRITES_AFTER;
  g_assert_true (pulse_test_wait_for (acknowledged_reached, &wait, PULSE_TEST_SYNC_WAIT_MS));
  child.writing = FALSE;
  g_assert_true (pulse_test_wait_for (none_in_flight, &wait, PULSE_TEST_SYNC_WAIT_MS));
  g_assert_cmpuint (child.acknowledged, >=, before_kill + WRITES_AFTER);

  health = child_get (&child, "/api/v1/health");
  wait.seq = json_object_get_int_member (json_node_get_object (health), "seq");
  /* Every acknowledged write is an event the restarted server still has. */
  g_assert_cmpint (wait.seq, >=, child.acknowledged);
  g_assert_true (pulse_test_wait_for (live_at_seq, &wait, PULSE_TEST_SYNC_WAIT_MS));
  g_test_message ("server seq %" G_GINT64_FORMAT ", %u acknowledged, %u refused", wait.seq,
                  child.acknowledged, child.refused);

  assert_state_is_snapshot (&child, sync);
  /* A write whose answer the kill lost may still be stored: at least. */
  g_assert_cmpuint (pulse_test_sync_n_tickets (sync), >=, child.tickets->len);

  pulse_test_sync_close (g_steal_pointer (&sync));
  child_clear (&child);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/sync-e2e/sigkill-mid-stream", test_sigkill_mid_stream);

  return g_test_run ();
}
