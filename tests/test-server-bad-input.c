/* test-server-bad-input.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table of hostile and broken requests. Each must get its documented
 * status and error code, change nothing, and leave the server serving.
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

#define NO_TOKEN (-1)

typedef enum
{
  BODY_TEXT,
  BODY_OVER_LIMIT,   /* 1 MiB and a bit */
  BODY_DEEP,         /* 100,000 nested arrays */
  BODY_BAD_UTF8,     /* a name with a stray continuation byte */
  BODY_LONG_NAME,    /* a 257-byte name */
  BODY_LONG_BODY,    /* a 64 KiB + 1 template body */
  BODY_MANY_PHRASES, /* 10,001 phrases */
} BodyKind;

typedef struct
{
  const char *what;
  const char *method;
  const char *path;
  int         role;
  BodyKind    kind;
  const char *body;
  const char *header;
  const char *value;
  guint       status;
  const char *code;
} BadCase;

#define TPL "\"language\":\"en\",\"body\":\"Hi\""
#define RULE_ACTIONS "\"actions\":[{\"kind\":\"close\"}]"

static const BadCase cases[] = {
  /* Broken JSON. */
  { "truncated object", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"language\":", NULL, NULL, 400, "malformed_json" },
  { "truncated string", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N", NULL, NULL, 400, "malformed_json" },
  { "empty body", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT, "", NULL, NULL, 400,
    "malformed_json" },
  { "trailing garbage", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\"," TPL "} x", NULL, NULL, 400, "malformed_json" },
  { "NaN literal", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":NaN,\"enabled\":true," RULE_ACTIONS "}", NULL, NULL, 400,
    "malformed_json" },
  { "single quotes", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{'name':'N'}", NULL, NULL, 400, "malformed_json" },
  { "deep nesting", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_DEEP, NULL, NULL, NULL,
    400, "malformed_json" },
  { "invalid UTF-8", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_BAD_UTF8, NULL, NULL,
    NULL, 400, "malformed_json" },
  { "NUL in a string", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\\u0000x\"," TPL "}", NULL, NULL, 400, "malformed_json" },
  /* Well-formed, wrong shape. */
  { "null document", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT, "null", NULL, NULL,
    422, "invalid_data" },
  { "string document", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT, "\"rule\"", NULL,
    NULL, 422, "invalid_data" },
  { "array document", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT, "[{}]", NULL,
    NULL, 422, "invalid_data" },
  { "number for a string", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":5," TPL "}", NULL, NULL, 422, "invalid_data" },
  { "string for a boolean", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":0,\"enabled\":\"yes\"," RULE_ACTIONS "}", NULL, NULL, 422,
    "invalid_data" },
  { "object for an array", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":0,\"enabled\":true,\"actions\":{\"kind\":\"close\"}}", NULL,
    NULL, 422, "invalid_data" },
  { "null for a required member", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":null," TPL "}", NULL, NULL, 422, "invalid_data" },
  { "missing member", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"language\":\"en\",\"body\":\"Hi\"}", NULL, NULL, 422, "invalid_data" },
  { "unknown member", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\"," TPL ",\"admin\":true}", NULL, NULL, 422, "invalid_data" },
  { "unknown nested member", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":0,\"enabled\":true,"
    "\"actions\":[{\"kind\":\"close\",\"sql\":\"1\"}]}", NULL, NULL, 422, "invalid_data" },
  { "unknown enum value", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\"," TPL ",\"channels\":[\"fax\"]}", NULL, NULL, 422, "invalid_data" },
  { "unknown action kind", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":0,\"enabled\":true,\"actions\":[{\"kind\":\"delete-all\"}]}",
    NULL, NULL, 422, "invalid_data" },
  { "negative number", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":-1,\"enabled\":true," RULE_ACTIONS "}", NULL, NULL, 422,
    "invalid_data" },
  { "huge number", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":1e300,\"enabled\":true," RULE_ACTIONS "}", NULL, NULL, 422,
    "invalid_data" },
  { "integer beyond 64 bits", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":99999999999999999999999,\"enabled\":true," RULE_ACTIONS "}",
    NULL, NULL, 422, "invalid_data" },
  { "fraction for an integer", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":1.5,\"enabled\":true," RULE_ACTIONS "}", NULL, NULL, 422,
    "invalid_data" },
  { "over-long name", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_LONG_NAME, NULL, NULL,
    NULL, 422, "invalid_data" },
  { "over-long text", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_LONG_BODY, NULL, NULL,
    NULL, 422, "invalid_data" },
  { "too many items", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_MANY_PHRASES, NULL, NULL,
    NULL, 422, "invalid_data" },
  { "empty id", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"id\":\"\",\"name\":\"N\"," TPL "}", NULL, NULL, 422, "invalid_data" },
  { "time without zone", "POST", "/api/v1/shifts", PULSE_ROLE_PLANNER, BODY_TEXT,
    "{\"agent_id\":\"a\",\"kind\":\"work\",\"starts_at\":\"2026-11-23T08:00:00\","
    "\"ends_at\":\"2026-11-23T20:00:00Z\",\"breaks\":[]}", NULL, NULL, 422, "invalid_data" },
  { "impossible date", "POST", "/api/v1/shifts", PULSE_ROLE_PLANNER, BODY_TEXT,
    "{\"agent_id\":\"a\",\"kind\":\"work\",\"starts_at\":\"2026-13-40T08:00:00Z\","
    "\"ends_at\":\"2026-11-23T20:00:00Z\",\"breaks\":[]}", NULL, NULL, 422, "invalid_data" },
  { "shift ending before it starts", "POST", "/api/v1/shifts", PULSE_ROLE_PLANNER, BODY_TEXT,
    "{\"agent_id\":\"a\",\"kind\":\"work\",\"starts_at\":\"2026-11-23T20:00:00Z\","
    "\"ends_at\":\"2026-11-23T08:00:00Z\",\"breaks\":[]}", NULL, NULL, 422, "invalid_data" },
  { "version on create", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"version\":9,\"name\":\"N\"," TPL "}", NULL, NULL, 422, "invalid_data" },
  { "id differing from the path", "PUT", "/api/v1/templates/tpl", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"id\":\"other\",\"name\":\"N\"," TPL "}", "If-Match", "1", 422, "invalid_data" },
  { "dangling template", "POST", "/api/v1/rules", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\",\"position\":0,\"enabled\":true,"
    "\"actions\":[{\"kind\":\"auto-reply\",\"value\":\"nope\"}]}", NULL, NULL, 422,
    "unknown_reference" },
  /* Limits and headers. */
  { "body over 1 MiB", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_OVER_LIMIT, NULL, NULL,
    NULL, 413, "too_large" },
  { "missing If-Match", "PUT", "/api/v1/templates/tpl", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\"," TPL "}", NULL, NULL, 428, "precondition_required" },
  { "negative If-Match", "PUT", "/api/v1/templates/tpl", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\"," TPL "}", "If-Match", "-1", 400, "bad_request" },
  { "If-Match beyond 64 bits", "DELETE", "/api/v1/templates/tpl", PULSE_ROLE_LEAD, BODY_TEXT,
    NULL, "If-Match", "184467440737095516150", 400, "bad_request" },
  { "stale If-Match", "DELETE", "/api/v1/templates/tpl", PULSE_ROLE_LEAD, BODY_TEXT, NULL,
    "If-Match", "0", 412, "stale_version" },
  { "over-long Idempotency-Key", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\"," TPL "}", "Idempotency-Key",
    "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"
    "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", 400, "bad_request" },
  { "Idempotency-Key with spaces", "POST", "/api/v1/templates", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"name\":\"N\"," TPL "}", "Idempotency-Key", "a key", 400, "bad_request" },
  { "audit limit 0", "GET", "/api/v1/audit?limit=0", PULSE_ROLE_HEAD, BODY_TEXT, NULL, NULL,
    NULL, 400, "bad_request" },
  { "audit limit not a number", "GET", "/api/v1/audit?limit=ten", PULSE_ROLE_HEAD, BODY_TEXT,
    NULL, NULL, NULL, 400, "bad_request" },
  { "audit unknown entity", "GET", "/api/v1/audit?entity=password", PULSE_ROLE_HEAD, BODY_TEXT,
    NULL, NULL, NULL, 400, "bad_request" },
  /* Who asks. */
  { "no token", "POST", "/api/v1/templates", NO_TOKEN, BODY_TEXT, "{\"name\":\"N\"," TPL "}",
    NULL, NULL, 401, "unauthorized" },
  { "Basic credentials", "GET", "/api/v1/rules", NO_TOKEN, BODY_TEXT, NULL, "Authorization",
    "Basic b2xlbmE6c2VjcmV0", 401, "unauthorized" },
  { "empty bearer", "GET", "/api/v1/rules", NO_TOKEN, BODY_TEXT, NULL, "Authorization",
    "Bearer ", 401, "unauthorized" },
  { "SQL as a token", "GET", "/api/v1/rules", NO_TOKEN, BODY_TEXT, NULL, "Authorization",
    "Bearer ' OR '1'='1", 401, "unauthorized" },
  { "wrong role", "POST", "/api/v1/shifts", PULSE_ROLE_LEAD, BODY_TEXT, "{}", NULL, NULL, 403,
    "forbidden" },
  { "integration reading", "GET", "/api/v1/rules", PULSE_ROLE_INTEGRATION, BODY_TEXT, NULL, NULL,
    NULL, 403, "forbidden" },
  /* Ingest. */
  { "ingest: unknown member", "POST", "/api/v1/ingest/tickets", PULSE_ROLE_INTEGRATION,
    BODY_TEXT, "{\"id\":\"t\",\"queue_id\":\"q\",\"channel\":\"chat\",\"subject\":\"s\","
    "\"customer_id\":\"c\",\"status\":\"new\",\"created_at\":\"2026-11-20T09:30:00Z\","
    "\"priorty\":\"high\"}", NULL, NULL, 422, "invalid_data" },
  { "ingest: unknown status", "POST", "/api/v1/ingest/tickets", PULSE_ROLE_INTEGRATION,
    BODY_TEXT, "{\"id\":\"t\",\"queue_id\":\"q\",\"channel\":\"chat\",\"subject\":\"s\","
    "\"customer_id\":\"c\",\"status\":\"lost\",\"created_at\":\"2026-11-20T09:30:00Z\"}",
    NULL, NULL, 422, "invalid_data" },
  { "ingest: message for an unknown ticket", "POST", "/api/v1/ingest/messages",
    PULSE_ROLE_INTEGRATION, BODY_TEXT, "{\"ticket_id\":\"nope\",\"message\":{\"id\":\"m\","
    "\"author_kind\":\"customer\",\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"x\"}}", NULL,
    NULL, 404, "not_found" },
  { "ingest: status of an unknown agent", "POST", "/api/v1/ingest/agent-status",
    PULSE_ROLE_INTEGRATION, BODY_TEXT, "{\"agent_id\":\"ghost\",\"status\":\"available\","
    "\"at\":\"2026-11-20T09:30:00Z\"}", NULL, NULL, 404, "not_found" },
  { "ingest: negative count", "POST", "/api/v1/ingest/applications", PULSE_ROLE_INTEGRATION,
    BODY_TEXT, "{\"date\":\"2026-11-20\",\"country\":\"UA\",\"count\":-5}", NULL, NULL,
    422, "invalid_data" },
  { "ingest: impossible date", "POST", "/api/v1/ingest/applications", PULSE_ROLE_INTEGRATION,
    BODY_TEXT, "{\"date\":\"2026-02-30\",\"country\":\"UA\",\"count\":5}", NULL, NULL,
    422, "invalid_data" },
  { "ingest: batch of the wrong type", "POST", "/api/v1/ingest/ratings", PULSE_ROLE_INTEGRATION,
    BODY_TEXT, "{\"items\":\"all\"}", NULL, NULL, 422, "invalid_data" },
  { "ingest by a lead", "POST", "/api/v1/ingest/applications", PULSE_ROLE_LEAD, BODY_TEXT,
    "{\"date\":\"2026-11-20\",\"country\":\"UA\",\"count\":5}", NULL, NULL, 403,
    "forbidden" },
  /* Reading. */
  { "tickets: limit 0", "GET", "/api/v1/tickets?limit=0", PULSE_ROLE_VIEWER, BODY_TEXT, NULL,
    NULL, NULL, 400, "bad_request" },
  { "tickets: forged cursor", "GET", "/api/v1/tickets?cursor=AAAA", PULSE_ROLE_VIEWER,
    BODY_TEXT, NULL, NULL, NULL, 400, "bad_request" },
  { "tickets: not a time", "GET", "/api/v1/tickets?since=yesterday", PULSE_ROLE_VIEWER,
    BODY_TEXT, NULL, NULL, NULL, 400, "bad_request" },
  { "events: negative since", "GET", "/api/v1/events?since=-1", PULSE_ROLE_VIEWER, BODY_TEXT,
    NULL, NULL, NULL, 400, "bad_request" },
  { "events without an upgrade", "GET", "/api/v1/events?since=0", PULSE_ROLE_VIEWER, BODY_TEXT,
    NULL, NULL, NULL, 400, "bad_request" },
  { "snapshot by POST", "POST", "/api/v1/snapshot", PULSE_ROLE_HEAD, BODY_TEXT, "{}", NULL,
    NULL, 405, "method_not_allowed" },
  /* Paths and methods. */
  { "unknown collection", "GET", "/api/v1/passwords", PULSE_ROLE_HEAD, BODY_TEXT, NULL, NULL,
    NULL, 404, "not_found" },
  { "dot segments", "GET", "/api/v1/rules/../../etc/passwd", PULSE_ROLE_HEAD, BODY_TEXT, NULL,
    NULL, NULL, 404, "not_found" },
  { "unknown item", "GET", "/api/v1/rules/nope", PULSE_ROLE_HEAD, BODY_TEXT, NULL, NULL, NULL,
    404, "not_found" },
  { "PATCH", "PATCH", "/api/v1/rules/r1", PULSE_ROLE_HEAD, BODY_TEXT, "{}", NULL, NULL, 405,
    "method_not_allowed" },
  { "POST to an item", "POST", "/api/v1/rules/r1", PULSE_ROLE_HEAD, BODY_TEXT, "{}", NULL, NULL,
    405, "method_not_allowed" },
};

static GBytes *
make_body (const BadCase *c)
{
  g_autoptr(GString) text = g_string_new (NULL);

  switch (c->kind)
    {
    case BODY_TEXT:
      return c->body != NULL ? g_bytes_new_static (c->body, strlen (c->body)) : NULL;
    case BODY_OVER_LIMIT:
      g_string_append (text, "{\"name\":\"");
      while (text->len < 1024 * 1024 + 1)
        g_string_append (text, "xxxxxxxxxxxxxxxx");
      g_string_append (text, "\"}");
      break;
    case BODY_DEEP:
      for (int i = 0; i < 100000; i++)
        g_string_append_c (text, '[');
      break;
    case BODY_BAD_UTF8:
      g_string_append (text, "{\"name\":\"caf\x80\xff\"," TPL "}");
      break;
    case BODY_LONG_NAME:
      g_string_append (text, "{\"name\":\"");
      for (int i = 0; i < 257; i++)
        g_string_append_c (text, 'n');
      g_string_append (text, "\",\"language\":\"en\",\"body\":\"Hi\"}");
      break;
    case BODY_LONG_BODY:
      g_string_append (text, "{\"name\":\"N\",\"language\":\"en\",\"body\":\"");
      for (int i = 0; i < 64 * 1024 + 1; i++)
        g_string_append_c (text, 'b');
      g_string_append (text, "\"}");
      break;
    case BODY_MANY_PHRASES:
      g_string_append (text, "{\"name\":\"N\",\"position\":0,\"enabled\":true," RULE_ACTIONS
                       ",\"phrases\":[");
      for (int i = 0; i < 10001; i++)
        g_string_append_printf (text, "%s{\"text\":\"w%d\",\"mode\":\"phrase\",\"field\":\"any\"}",
                                i > 0 ? "," : "", i);
      g_string_append (text, "]}");
      break;
    default:
      g_assert_not_reached ();
    }

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static gint64
last_seq (PulseTestServer *ts)
{
  return pulse_event_log_get_last_seq (pulse_server_get_event_log (ts->server));
}

static void
seed (PulseTestServer *ts)
{
  const char *head = pulse_test_server_get_token (ts, PULSE_ROLE_HEAD);
  g_autoptr(PulseTestResponse) tpl = NULL;
  g_autoptr(PulseTestResponse) rule = NULL;

  tpl = pulse_test_server_request (ts, "POST", "/api/v1/templates", head,
                                   "{\"id\":\"tpl\",\"name\":\"N\"," TPL "}", NULL);
  rule = pulse_test_server_request (ts, "POST", "/api/v1/rules", head,
                                    "{\"id\":\"r1\",\"name\":\"N\",\"position\":0,"
                                    "\"enabled\":true," RULE_ACTIONS "}", NULL);
  g_assert_cmpuint (tpl->status, ==, 201);
  g_assert_cmpuint (rule->status, ==, 201);
}

typedef struct
{
  SoupWebsocketConnection *conn;
  gboolean                 done;
  gboolean                 closed;
} Stream;

static void
on_stream_closed_cb (SoupWebsocketConnection *conn,
                     gpointer                 user_data)
{
  ((Stream *) user_data)->closed = TRUE;
}

static void
on_stream_connected_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Stream *stream = user_data;

  stream->conn = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, NULL);
  if (stream->conn != NULL)
    g_signal_connect (stream->conn, "closed", G_CALLBACK (on_stream_closed_cb), stream);
  stream->done = TRUE;
}

static gboolean
stream_is_done (gpointer user_data)
{
  return ((Stream *) user_data)->done;
}

/* Another console following the events while the table runs. */
static void
open_stream (PulseTestServer *ts,
             Stream          *stream)
{
  g_autofree char *url = g_strconcat (ts->url, "/api/v1/events?since=0", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ",
                                       pulse_test_server_get_token (ts, PULSE_ROLE_VIEWER), NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_session_websocket_connect_async (ts->soup, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        on_stream_connected_cb, stream);
  g_assert_true (pulse_test_wait_for (stream_is_done, stream, 10000));
  g_assert_nonnull (stream->conn);
}

static void
test_table (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  Stream stream = { NULL, FALSE, FALSE };
  gint64 seq;

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 40);
  seed (ts);
  seq = last_seq (ts);
  open_stream (ts, &stream);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BadCase *c = &cases[i];
      const char *headers[] = { c->header, c->value, NULL };
      const char *token = c->role == NO_TOKEN ? NULL : pulse_test_server_get_token (ts, c->role);
      g_autoptr(GBytes) body = make_body (c);
      g_autoptr(PulseTestResponse) r = NULL;
      g_autoptr(PulseTestResponse) health = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, c->what);
      r = pulse_test_server_request_raw (ts, c->method, c->path, token, body,
                                         c->header != NULL ? headers : NULL);
      g_assert_cmpuint (r->status, ==, c->status);
      g_assert_cmpstr (pulse_test_response_error_code (r), ==, c->code);

      health = pulse_test_server_request (ts, "GET", "/api/v1/health", NULL, NULL, NULL);
      g_assert_cmpuint (health->status, ==, 200);
    }

  /* Nothing was applied by any of them, and the other console's stream
   * stayed open throughout. */
  g_assert_cmpint (last_seq (ts), ==, seq);
  g_assert_false (stream.closed);
  g_assert_cmpint (soup_websocket_connection_get_state (stream.conn), ==,
                   SOUP_WEBSOCKET_STATE_OPEN);
  soup_websocket_connection_close (stream.conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&stream.conn);
}

/* Text that looks like SQL is data: stored and served verbatim, and the
 * tables are still there. */
static void
test_sql_looking_strings_are_data (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  const char *lead = pulse_test_server_get_token (ts, PULSE_ROLE_LEAD);
  g_autoptr(PulseTestResponse) created = NULL;
  g_autoptr(PulseTestResponse) list = NULL;
  JsonObject *item;

  created = pulse_test_server_request (ts, "POST", "/api/v1/templates", lead,
                                       "{\"id\":\"x'); DROP TABLE item; --\","
                                       "\"name\":\"Robert'); DELETE FROM event; --\","
                                       "\"language\":\"en\",\"body\":\"1 OR 1=1\"}", NULL);
  g_assert_cmpuint (created->status, ==, 201);
  item = pulse_test_response_object (created);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "x'); DROP TABLE item; --");

  list = pulse_test_server_request (ts, "GET", "/api/v1/templates", lead, NULL, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  item = json_array_get_object_element (json_object_get_array_member (
           pulse_test_response_object (list), "templates"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==,
                   "Robert'); DELETE FROM event; --");
  g_assert_cmpint (last_seq (ts), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/bad-input/table", test_table);
  g_test_add_func ("/pulse/server/bad-input/sql-looking-strings-are-data",
                   test_sql_looking_strings_are_data);

  return g_test_run ();
}
