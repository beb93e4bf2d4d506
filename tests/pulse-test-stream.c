/* pulse-test-stream.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-test-stream.h"
#include "pulse-token-store.h"

static void
on_event_cb (PulseStream *stream,
             JsonNode    *event,
             gpointer     user_data)
{
  Recorder *rec = user_data;

  g_ptr_array_add (rec->events, json_node_ref (event));
  g_assert_cmpint (pulse_stream_get_last_seq (stream), ==, pulse_test_event_seq (event));

  if (rec->stop_after != 0 && rec->events->len == rec->stop_after)
    {
      pulse_stream_stop (stream);
      if (rec->drop_after)
        g_clear_object (&rec->stream);
    }
}

static void
on_state_cb (PulseStream *stream,
             GParamSpec  *pspec,
             gpointer     user_data)
{
  Recorder *rec = user_data;
  PulseConnectionState state = pulse_stream_get_state (stream);

  g_array_append_val (rec->states, state);
}

static void
on_resync_cb (PulseStream *stream,
              gint64       seq,
              gpointer     user_data)
{
  Recorder *rec = user_data;

  g_assert_cmpint (pulse_stream_get_state (stream), ==, PULSE_CONNECTION_STATE_DISCONNECTED);
  g_array_append_val (rec->resyncs, seq);
}

static void
on_retry_at_cb (PulseStream *stream,
                GParamSpec  *pspec,
                gpointer     user_data)
{
  Recorder *rec = user_data;
  gint64 retry_at = pulse_stream_get_retry_at (stream);

  if (retry_at == 0)
    return;

  rec->waits++;
  rec->last_wait = retry_at - g_get_real_time ();
}

/**
 * pulse_test_recorder_new:
 * @token: (nullable): the bearer token
 *
 * Returns: (transfer full): a recorder with a stream on @url that is not
 *   started; it waits 5 to 50 ms between attempts.
 */
Recorder *
pulse_test_recorder_new (const char *url,
                         const char *token)
{
  Recorder *rec = g_new0 (Recorder, 1);

  rec->client = pulse_client_new (url, token);
  rec->stream = pulse_stream_new (rec->client);
  g_object_set (rec->stream,
                "backoff-base", PULSE_TEST_BACKOFF_BASE,
                "backoff-cap", PULSE_TEST_BACKOFF_CAP,
                NULL);
  rec->events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  rec->states = g_array_new (FALSE, FALSE, sizeof (PulseConnectionState));
  rec->resyncs = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (rec->stream, "event", G_CALLBACK (on_event_cb), rec);
  g_signal_connect (rec->stream, "resync", G_CALLBACK (on_resync_cb), rec);
  g_signal_connect (rec->stream, "notify::state", G_CALLBACK (on_state_cb), rec);
  g_signal_connect (rec->stream, "notify::retry-at", G_CALLBACK (on_retry_at_cb), rec);
  return rec;
}

void
pulse_test_recorder_free (Recorder *rec)
{
  if (rec->stream != NULL)
    g_signal_handlers_disconnect_by_data (rec->stream, rec);
  g_clear_object (&rec->stream);
  g_clear_object (&rec->client);
  /* Let the connection's close and release run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_ptr_array_unref (rec->events);
  g_array_unref (rec->states);
  g_array_unref (rec->resyncs);
  g_free (rec);
}

typedef struct
{
  Recorder             *rec;
  guint                 count;
  PulseConnectionState  state;
} Wait;

static gboolean
has_events (gpointer user_data)
{
  Wait *wait = user_data;

  return wait->rec->events->len >= wait->count;
}

/* Waits until @count events came; no more may have come. */
void
pulse_test_recorder_wait_events (Recorder *rec,
                                 guint     count)
{
  Wait wait = { rec, count, 0 };

  pulse_test_wait_for (has_events, &wait, PULSE_TEST_STREAM_WAIT_MS);
  g_assert_cmpuint (rec->events->len, ==, count);
}

static gboolean
is_in_state (gpointer user_data)
{
  Wait *wait = user_data;

  return pulse_stream_get_state (wait->rec->stream) == wait->state;
}

void
pulse_test_recorder_wait_state (Recorder             *rec,
                                PulseConnectionState  state)
{
  Wait wait = { rec, 0, state };

  pulse_test_wait_for (is_in_state, &wait, PULSE_TEST_STREAM_WAIT_MS);
}

static gboolean
has_waits (gpointer user_data)
{
  Wait *wait = user_data;

  return wait->rec->waits >= wait->count;
}

/* Waits until @count reconnect waits in all were scheduled. */
void
pulse_test_recorder_wait_waits (Recorder *rec,
                                guint     count)
{
  Wait wait = { rec, count, 0 };

  pulse_test_wait_for (has_waits, &wait, PULSE_TEST_STREAM_WAIT_MS);
}

gint64
pulse_test_event_seq (JsonNode *event)
{
  return json_object_get_int_member (json_node_get_object (event), "seq");
}

/* The events are exactly @first … @last, in order, each once. */
void
pulse_test_recorder_assert_seqs (Recorder *rec,
                                 gint64    first,
                                 gint64    last)
{
  g_assert_cmpuint (rec->events->len, ==, last - first + 1);
  for (guint i = 0; i < rec->events->len; i++)
    g_assert_cmpint (pulse_test_event_seq (rec->events->pdata[i]), ==, first + i);
}

/* The states the stream went through, -1 after the last. */
void
pulse_test_recorder_assert_states (Recorder *rec,
                                   ...)
{
  va_list args;
  guint i = 0;
  int state;

  va_start (args, rec);
  while ((state = va_arg (args, int)) != -1)
    {
      g_assert_cmpuint (i, <, rec->states->len);
      g_assert_cmpint (g_array_index (rec->states, PulseConnectionState, i), ==, state);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (i, ==, rec->states->len);
}

gboolean
pulse_test_recorder_saw_state (Recorder             *rec,
                               PulseConnectionState  state)
{
  for (guint i = 0; i < rec->states->len; i++)
    if (g_array_index (rec->states, PulseConnectionState, i) == state)
      return TRUE;

  return FALSE;
}

static void
on_request_read_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  Fixture *fixture = user_data;
  GUri *uri = soup_server_message_get_uri (msg);

  if (g_str_equal (g_uri_get_path (uri), "/api/v1/events"))
    g_ptr_array_add (fixture->sinces, g_strdup (g_uri_get_query (uri)));
}

/* (Re)starts the server on @port (0: any) over the fixture's database. */
void
pulse_test_fixture_start_server (Fixture *fixture,
                                 guint    port)
{
  g_autoptr(GError) error = NULL;
  PulseServerConfig config;

  fixture->server = pulse_server_new (fixture->db);
  pulse_server_config_init_defaults (&config);
  if (fixture->ping_interval != 0)
    config.ping_interval_seconds = fixture->ping_interval;
  pulse_server_set_config (fixture->server, &config);
  g_signal_connect (pulse_server_get_soup (fixture->server), "request-read",
                    G_CALLBACK (on_request_read_cb), fixture);

  g_assert_true (pulse_server_listen (fixture->server, "127.0.0.1", port, &error));
  g_assert_no_error (error);
  fixture->port = pulse_server_get_port (fixture->server);
  if (fixture->url == NULL)
    fixture->url = pulse_server_dup_url (fixture->server);
}

/* @data: the server's ping interval in seconds, 0 for its default. */
void
pulse_test_fixture_set_up (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->ping_interval = GPOINTER_TO_UINT (data);
  fixture->sinces = g_ptr_array_new_with_free_func (g_free);
  fixture->db = pulse_server_schema_open (":memory:", &error);
  g_assert_no_error (error);
  pulse_test_fixture_start_server (fixture, 0);
  fixture->token = pulse_token_store_add (pulse_server_get_token_store (fixture->server),
                                          "Ivan", PULSE_ROLE_VIEWER, NULL, &error);
  g_assert_no_error (error);
}

void
pulse_test_fixture_tear_down (Fixture       *fixture,
                              gconstpointer  data)
{
  g_clear_object (&fixture->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->url, g_free);
  g_clear_pointer (&fixture->token, g_free);
  g_clear_pointer (&fixture->sinces, g_ptr_array_unref);
}

typedef struct
{
  Fixture *fixture;
  guint    count;
} Append;

static gboolean
append_func (PulseDb   *db,
             gpointer   user_data,
             GError   **error)
{
  Append *job = user_data;
  PulseEventLog *log = pulse_server_get_event_log (job->fixture->server);
  g_autofree char *pad = g_strnfill (job->fixture->pad, 'a');

  for (guint i = 0; i < job->count; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", "t1");
      /* The seq this event will get, so a test can tell events apart. */
      pulse_json_add_int (builder, "n", pulse_event_log_get_last_seq (log) + 1);
      if (job->fixture->pad > 0)
        pulse_json_add_string (builder, "pad", pad);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);

      if (pulse_event_log_append (log, "ticket.updated", node, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/* Commits @count events in one transaction, as a change would. */
void
pulse_test_fixture_append (Fixture *fixture,
                           guint    count)
{
  g_autoptr(GError) error = NULL;
  Append job = { fixture, count };

  g_assert_true (pulse_server_commit (fixture->server, append_func, &job, &error));
  g_assert_no_error (error);
}

/* Each event is the log's own: its data names its seq. */
void
pulse_test_assert_event_data (Recorder *rec)
{
  for (guint i = 0; i < rec->events->len; i++)
    {
      JsonObject *event = json_node_get_object (rec->events->pdata[i]);
      JsonObject *data = json_object_get_object_member (event, "data");

      g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "ticket.updated");
      g_assert_nonnull (json_object_get_string_member (event, "at"));
      g_assert_cmpint (json_object_get_int_member (data, "n"), ==,
                       json_object_get_int_member (event, "seq"));
    }
}

/* The `since` of each /events request the server saw, then NULL. */
void
pulse_test_fixture_assert_sinces (Fixture *fixture,
                                  ...)
{
  va_list args;
  const char *since;
  guint i = 0;

  va_start (args, fixture);
  while ((since = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *query = g_strconcat ("since=", since, NULL);

      g_assert_cmpuint (i, <, fixture->sinces->len);
      g_assert_cmpstr (fixture->sinces->pdata[i], ==, query);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (i, ==, fixture->sinces->len);
}
