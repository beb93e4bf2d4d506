/* test-server-items.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CRUD on the managed collections over loopback: versions and If-Match,
 * Idempotency-Key, strict bodies, references, events, audit, roles.
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-role-policy.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

typedef struct
{
  const char      *collection;
  const char      *kind;
  PulsePermission  edit;
  const char      *body;
} Collection;

/* A minimal valid body per collection, without id and version: the
 * server assigns them. The review names scorecard "s", made first. */
static const Collection collections[] = {
  { "templates", "template", PULSE_PERMISSION_EDIT_TEMPLATES,
    "{\"name\":\"N\",\"language\":\"en\",\"body\":\"Hello\"}" },
  { "rules", "rule", PULSE_PERMISSION_EDIT_RULES,
    "{\"name\":\"N\",\"position\":0,\"enabled\":false,\"actions\":[{\"kind\":\"close\"}]}" },
  { "scorecards", "scorecard", PULSE_PERMISSION_EDIT_SCORECARDS,
    "{\"name\":\"N\",\"sections\":[{\"name\":\"S\",\"criteria\":["
    "{\"id\":\"c\",\"name\":\"C\",\"weight\":100,\"critical\":false}]}]}" },
  { "mentorships", "mentorship", PULSE_PERMISSION_EDIT_MENTORSHIPS,
    "{\"mentor_id\":\"a\",\"newcomer_id\":\"b\",\"status\":\"planned\","
    "\"started_at\":\"2026-09-01T06:00:00Z\",\"plan\":[]}" },
  { "shifts", "shift", PULSE_PERMISSION_EDIT_SHIFTS,
    "{\"agent_id\":\"a\",\"kind\":\"absence\",\"starts_at\":\"2026-11-23T00:00:00Z\","
    "\"ends_at\":\"2026-11-28T00:00:00Z\",\"breaks\":[]}" },
  { "reviews", "review", PULSE_PERMISSION_EDIT_REVIEWS,
    "{\"ticket_id\":\"t\",\"message_id\":\"m\",\"agent_id\":\"a\",\"scorecard_id\":\"s\","
    "\"scorecard_version\":1,\"reason\":\"random\",\"status\":\"pending\",\"grades\":[],"
    "\"created_at\":\"2026-11-20T09:30:00Z\"}" },
};

static const char template_body[] = "{\"name\":\"Card\",\"language\":\"uk\",\"body\":\"Привіт\"}";

static const char *
head (PulseTestServer *ts)
{
  return pulse_test_server_get_token (ts, PULSE_ROLE_HEAD);
}

static PulseTestResponse *
post (PulseTestServer *ts,
      const char      *path,
      const char      *token,
      const char      *body)
{
  return pulse_test_server_request (ts, "POST", path, token, body, NULL);
}

static char *
create_template (PulseTestServer *ts,
                 const char      *id)
{
  g_autofree char *body = g_strdup_printf ("{\"id\":\"%s\",\"name\":\"N\",\"language\":\"en\","
                                           "\"body\":\"Hi\"}", id);
  g_autoptr(PulseTestResponse) r = post (ts, "/api/v1/templates", head (ts), body);

  g_assert_cmpuint (r->status, ==, 201);
  return g_strdup (json_object_get_string_member (pulse_test_response_object (r), "id"));
}

static gint64
last_seq (PulseTestServer *ts)
{
  return pulse_event_log_get_last_seq (pulse_server_get_event_log (ts->server));
}

static JsonObject *
last_event (PulseTestServer *ts,
            GPtrArray      **keep)
{
  *keep = pulse_event_log_read_since (pulse_server_get_event_log (ts->server), last_seq (ts) - 1,
                                      1, NULL);
  g_assert_cmpuint ((*keep)->len, ==, 1);
  return json_node_get_object ((*keep)->pdata[0]);
}

static void
test_create_assigns_id_and_version (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) r = post (ts, "/api/v1/templates", head (ts), template_body);
  g_autoptr(PulseTestResponse) got = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *path = NULL;
  JsonObject *item = pulse_test_response_object (r);
  JsonObject *event;

  g_assert_cmpuint (r->status, ==, 201);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (item, "id")));
  g_assert_cmpint (json_object_get_int_member (item, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "body"), ==, "Привіт");

  event = last_event (ts, &events);
  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "template.created");
  g_assert_true (json_node_equal (json_object_get_member (event, "data"), r->body));

  path = g_strconcat ("/api/v1/templates/", json_object_get_string_member (item, "id"), NULL);
  got = pulse_test_server_request (ts, "GET", path, pulse_test_server_get_token (ts,
                                   PULSE_ROLE_VIEWER), NULL, NULL);
  g_assert_cmpuint (got->status, ==, 200);
  g_assert_true (json_node_equal (got->body, r->body));
}

static void
test_every_collection_round_trips (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) card = post (ts, "/api/v1/scorecards", head (ts),
    "{\"id\":\"s\",\"name\":\"N\",\"sections\":[{\"name\":\"S\",\"criteria\":["
    "{\"id\":\"c\",\"name\":\"C\",\"weight\":100,\"critical\":false}]}]}");

  g_assert_cmpuint (card->status, ==, 201);
  for (gsize i = 0; i < G_N_ELEMENTS (collections); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/", collections[i].collection, NULL);
      g_autoptr(PulseTestResponse) created = post (ts, path, head (ts), collections[i].body);
      g_autoptr(PulseTestResponse) list = NULL;
      JsonArray *items;

      g_test_message ("%s", collections[i].collection);
      g_assert_cmpuint (created->status, ==, 201);
      list = pulse_test_server_request (ts, "GET", path, head (ts), NULL, NULL);
      g_assert_cmpuint (list->status, ==, 200);
      items = json_object_get_array_member (pulse_test_response_object (list),
                                            collections[i].collection);
      g_assert_nonnull (items);
      g_assert_cmpuint (json_array_get_length (items), ==,
                        g_str_equal (collections[i].collection, "scorecards") ? 2 : 1);
    }
}

static void
test_update_needs_current_version (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autofree char *id = create_template (ts, "t-1");
  g_autoptr(PulseTestResponse) missing = NULL;
  g_autoptr(PulseTestResponse) garbled = NULL;
  g_autoptr(PulseTestResponse) ok = NULL;
  g_autoptr(PulseTestResponse) stale = NULL;
  g_autoptr(PulseTestResponse) quoted = NULL;
  g_autoptr(GPtrArray) events = NULL;
  const char *body = "{\"name\":\"Renamed\",\"language\":\"en\",\"body\":\"Hi\"}";
  JsonObject *current;
  gint64 seq;

  missing = pulse_test_server_request (ts, "PUT", "/api/v1/templates/t-1", head (ts), body, NULL);
  g_assert_cmpuint (missing->status, ==, 428);
  g_assert_cmpstr (pulse_test_response_error_code (missing), ==, "precondition_required");

  garbled = pulse_test_server_request (ts, "PUT", "/api/v1/templates/t-1", head (ts), body,
                                       "If-Match", "one", NULL);
  g_assert_cmpuint (garbled->status, ==, 400);

  ok = pulse_test_server_request (ts, "PUT", "/api/v1/templates/t-1", head (ts), body,
                                  "If-Match", "1", NULL);
  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (pulse_test_response_object (ok), "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (last_event (ts, &events), "type"), ==,
                   "template.updated");

  /* A second client still at version 1 gets 412 and the current item,
   * and nothing changes. */
  seq = last_seq (ts);
  stale = pulse_test_server_request (ts, "PUT", "/api/v1/templates/t-1", head (ts),
                                     "{\"name\":\"Mine\",\"language\":\"en\",\"body\":\"Hi\"}",
                                     "If-Match", "1", NULL);
  g_assert_cmpuint (stale->status, ==, 412);
  g_assert_cmpstr (pulse_test_response_error_code (stale), ==, "stale_version");
  current = json_object_get_object_member (pulse_test_response_object (stale), "current");
  g_assert_cmpstr (json_object_get_string_member (current, "name"), ==, "Renamed");
  g_assert_cmpint (json_object_get_int_member (current, "version"), ==, 2);
  g_assert_cmpint (last_seq (ts), ==, seq);

  quoted = pulse_test_server_request (ts, "PUT", "/api/v1/templates/t-1", head (ts), body,
                                      "If-Match", "\"2\"", NULL);
  g_assert_cmpuint (quoted->status, ==, 200);
}

static void
test_delete (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autofree char *id = create_template (ts, "t-1");
  g_autoptr(PulseTestResponse) stale = NULL;
  g_autoptr(PulseTestResponse) gone = NULL;
  g_autoptr(PulseTestResponse) again = NULL;
  g_autoptr(PulseTestResponse) get = NULL;
  g_autoptr(GPtrArray) events = NULL;
  JsonObject *event;

  stale = pulse_test_server_request (ts, "DELETE", "/api/v1/templates/t-1", head (ts), NULL,
                                     "If-Match", "7", NULL);
  g_assert_cmpuint (stale->status, ==, 412);

  gone = pulse_test_server_request (ts, "DELETE", "/api/v1/templates/t-1", head (ts), NULL,
                                    "If-Match", "1", NULL);
  g_assert_cmpuint (gone->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (pulse_test_response_object (gone), "version"),
                   ==, 2);
  event = last_event (ts, &events);
  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "template.deleted");

  get = pulse_test_server_request (ts, "GET", "/api/v1/templates/t-1", head (ts), NULL, NULL);
  g_assert_cmpuint (get->status, ==, 404);
  again = pulse_test_server_request (ts, "DELETE", "/api/v1/templates/t-1", head (ts), NULL,
                                     "If-Match", "2", NULL);
  g_assert_cmpuint (again->status, ==, 404);
}

static void
test_create_twice_conflicts (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autofree char *id = create_template (ts, "t-1");
  g_autoptr(PulseTestResponse) r = NULL;

  r = post (ts, "/api/v1/templates", head (ts),
            "{\"id\":\"t-1\",\"name\":\"N\",\"language\":\"en\",\"body\":\"Hi\"}");
  g_assert_cmpuint (r->status, ==, 409);
  g_assert_cmpstr (pulse_test_response_error_code (r), ==, "already_exists");
}

static void
test_idempotent_retry (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) first = NULL;
  g_autoptr(PulseTestResponse) retry = NULL;
  g_autoptr(PulseTestResponse) other = NULL;
  g_autoptr(PulseTestResponse) list = NULL;
  gint64 seq;

  first = pulse_test_server_request (ts, "POST", "/api/v1/templates", head (ts), template_body,
                                     "Idempotency-Key", "4b1c-retry", NULL);
  g_assert_cmpuint (first->status, ==, 201);
  seq = last_seq (ts);

  /* No id in the body, so a replayed create would make a second item:
   * the retry gets the first answer instead. */
  retry = pulse_test_server_request (ts, "POST", "/api/v1/templates", head (ts), template_body,
                                     "Idempotency-Key", "4b1c-retry", NULL);
  g_assert_cmpuint (retry->status, ==, 201);
  g_assert_true (json_node_equal (first->body, retry->body));
  g_assert_cmpstr (soup_message_headers_get_one (retry->headers, "Idempotent-Replayed"), ==,
                   "true");
  g_assert_cmpint (last_seq (ts), ==, seq);

  other = pulse_test_server_request (ts, "POST", "/api/v1/templates", head (ts),
                                     "{\"name\":\"Else\",\"language\":\"en\",\"body\":\"x\"}",
                                     "Idempotency-Key", "4b1c-retry", NULL);
  g_assert_cmpuint (other->status, ==, 422);
  g_assert_cmpstr (pulse_test_response_error_code (other), ==, "idempotency_key_reused");

  list = pulse_test_server_request (ts, "GET", "/api/v1/templates", head (ts), NULL, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      pulse_test_response_object (list), "templates")), ==, 1);
}

static void
test_keys_are_per_token (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) a = NULL;
  g_autoptr(PulseTestResponse) b = NULL;

  a = pulse_test_server_request (ts, "POST", "/api/v1/templates", head (ts), template_body,
                                 "Idempotency-Key", "same", NULL);
  b = pulse_test_server_request (ts, "POST", "/api/v1/templates",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_LEAD), template_body,
                                 "Idempotency-Key", "same", NULL);
  g_assert_cmpuint (a->status, ==, 201);
  g_assert_cmpuint (b->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (pulse_test_response_object (a), "id"), !=,
                   json_object_get_string_member (pulse_test_response_object (b), "id"));
}

static void
test_bad_bodies_change_nothing (void)
{
  static const struct { const char *body; guint status; const char *part; } cases[] = {
    { "{\"name\":\"N\",\"language\":\"en\",\"body\":\"Hi\",\"langauge\":\"uk\"}", 422,
      "langauge: unknown member" },
    { "{\"name\":5,\"language\":\"en\",\"body\":\"Hi\"}", 422, "name: expected a string" },
    { "{\"name\":\"N\",\"language\":\"en\"", 400, NULL },
    { "[1,2]", 422, "expected a JSON object" },
    { "{\"id\":7,\"name\":\"N\",\"language\":\"en\",\"body\":\"Hi\"}", 422, "id:" },
    { "{\"version\":3,\"name\":\"N\",\"language\":\"en\",\"body\":\"Hi\"}", 422, "version:" },
    { "{\"name\":\"N\",\"language\":\"en\",\"body\":\"Hi\",\"channels\":[\"fax\"]}", 422,
      "channels" },
  };
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  gint64 seq = last_seq (ts);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PulseTestResponse) r = post (ts, "/api/v1/templates", head (ts), cases[i].body);

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, cases[i].body);
      g_assert_cmpuint (r->status, ==, cases[i].status);
      if (cases[i].part != NULL)
        {
          JsonObject *error = json_object_get_object_member (pulse_test_response_object (r),
                                                             "error");

          g_assert_nonnull (strstr (json_object_get_string_member (error, "message"),
                                    cases[i].part));
        }
    }

  g_assert_cmpint (last_seq (ts), ==, seq);
}

static void
test_references_are_checked (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) dangling = NULL;
  g_autoptr(PulseTestResponse) ok = NULL;
  g_autoptr(PulseTestResponse) review = NULL;
  g_autofree char *id = NULL;

  dangling = post (ts, "/api/v1/rules", head (ts),
                   "{\"name\":\"N\",\"position\":0,\"enabled\":true,"
                   "\"actions\":[{\"kind\":\"tag\",\"value\":\"x\"},"
                   "{\"kind\":\"auto-reply\",\"value\":\"tpl-x\"}]}");
  g_assert_cmpuint (dangling->status, ==, 422);
  g_assert_cmpstr (pulse_test_response_error_code (dangling), ==, "unknown_reference");

  id = create_template (ts, "tpl-x");
  ok = post (ts, "/api/v1/rules", head (ts),
             "{\"name\":\"N\",\"position\":0,\"enabled\":true,"
             "\"actions\":[{\"kind\":\"auto-reply\",\"value\":\"tpl-x\"}]}");
  g_assert_cmpuint (ok->status, ==, 201);

  review = post (ts, "/api/v1/reviews", pulse_test_server_get_token (ts, PULSE_ROLE_QA),
                 collections[5].body);
  g_assert_cmpuint (review->status, ==, 422);
  g_assert_cmpstr (pulse_test_response_error_code (review), ==, "unknown_reference");
}

static void
test_audit_records_who_and_what (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  const char *lead = pulse_test_server_get_token (ts, PULSE_ROLE_LEAD);
  g_autoptr(PulseTestResponse) created = NULL;
  g_autoptr(PulseTestResponse) updated = NULL;
  g_autoptr(PulseTestResponse) audit = NULL;
  g_autoptr(PulseTestResponse) denied = NULL;
  g_autoptr(PulseTestResponse) own = NULL;
  JsonArray *entries;
  JsonObject *newest;
  JsonObject *oldest;

  created = post (ts, "/api/v1/templates", lead,
                  "{\"id\":\"t-a\",\"name\":\"Old\",\"language\":\"en\",\"body\":\"Hi\"}");
  updated = pulse_test_server_request (ts, "PUT", "/api/v1/templates/t-a", lead,
                                       "{\"name\":\"New\",\"language\":\"en\",\"body\":\"Hi\"}",
                                       "If-Match", "1", NULL);
  g_assert_cmpuint (updated->status, ==, 200);

  denied = pulse_test_server_request (ts, "GET", "/api/v1/audit", lead, NULL, NULL);
  g_assert_cmpuint (denied->status, ==, 403);
  g_clear_pointer (&denied, pulse_test_response_free);
  denied = pulse_test_server_request (ts, "GET", "/api/v1/audit?entity=template", lead, NULL,
                                      NULL);
  g_assert_cmpuint (denied->status, ==, 403);
  g_clear_pointer (&denied, pulse_test_response_free);
  denied = pulse_test_server_request (ts, "GET", "/api/v1/audit?entity=shift&id=t-a", lead,
                                      NULL, NULL);
  g_assert_cmpuint (denied->status, ==, 403);

  /* The one item's history is open to those who may edit it. */
  own = pulse_test_server_request (ts, "GET", "/api/v1/audit?entity=template&id=t-a", lead,
                                   NULL, NULL);
  g_assert_cmpuint (own->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      pulse_test_response_object (own), "entries")), ==, 2);

  audit = pulse_test_server_request (ts, "GET", "/api/v1/audit?entity=template&id=t-a",
                                     head (ts), NULL, NULL);
  g_assert_cmpuint (audit->status, ==, 200);
  entries = json_object_get_array_member (pulse_test_response_object (audit), "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  newest = json_array_get_object_element (entries, 0);
  oldest = json_array_get_object_element (entries, 1);
  g_assert_cmpstr (json_object_get_string_member (newest, "action"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (newest, "actor"), ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (newest, "role"), ==, "lead");
  g_assert_cmpint (json_object_get_int_member (newest, "entity_version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (newest,
                   "before"), "name"), ==, "Old");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (newest,
                   "after"), "name"), ==, "New");
  g_assert_cmpstr (json_object_get_string_member (oldest, "action"), ==, "create");
  g_assert_true (json_object_get_null_member (oldest, "before"));
}

/* Every role against every collection's create: allowed exactly where
 * the role policy says, 403 elsewhere; reads for all but integration. */
static void
test_role_matrix (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) card = post (ts, "/api/v1/scorecards", head (ts),
    "{\"id\":\"s\",\"name\":\"N\",\"sections\":[{\"name\":\"S\",\"criteria\":["
    "{\"id\":\"c\",\"name\":\"C\",\"weight\":100,\"critical\":false}]}]}");

  for (guint role = 0; role <= PULSE_ROLE_INTEGRATION; role++)
    for (gsize i = 0; i < G_N_ELEMENTS (collections); i++)
      {
        const char *token = pulse_test_server_get_token (ts, role);
        g_autofree char *path = g_strconcat ("/api/v1/", collections[i].collection, NULL);
        g_autoptr(PulseTestResponse) w = post (ts, path, token, collections[i].body);
        g_autoptr(PulseTestResponse) r = NULL;

        g_test_message ("role %u, %s", role, collections[i].collection);
        g_assert_cmpuint (w->status, ==, pulse_role_can (role, collections[i].edit) ? 201 : 403);
        r = pulse_test_server_request (ts, "GET", path, token, NULL, NULL);
        g_assert_cmpuint (r->status, ==, pulse_role_can (role, PULSE_PERMISSION_READ) ? 200 : 403);
      }
}

static void
test_http_edges (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) anonymous = NULL;
  g_autoptr(PulseTestResponse) nested = NULL;
  g_autoptr(PulseTestResponse) unknown = NULL;
  g_autoptr(PulseTestResponse) method = NULL;
  g_autoptr(PulseTestResponse) huge = NULL;
  g_autoptr(GBytes) big = NULL;
  g_autofree char *text = NULL;
  gsize size = 1024 * 1024 + 16;

  anonymous = post (ts, "/api/v1/templates", NULL, template_body);
  g_assert_cmpuint (anonymous->status, ==, 401);
  g_assert_nonnull (soup_message_headers_get_one (anonymous->headers, "WWW-Authenticate"));

  nested = pulse_test_server_request (ts, "GET", "/api/v1/templates/a/b", head (ts), NULL, NULL);
  g_assert_cmpuint (nested->status, ==, 404);
  unknown = pulse_test_server_request (ts, "GET", "/api/v1/templatez", head (ts), NULL, NULL);
  g_assert_cmpuint (unknown->status, ==, 404);
  method = pulse_test_server_request (ts, "PUT", "/api/v1/templates", head (ts), template_body,
                                      "If-Match", "1", NULL);
  g_assert_cmpuint (method->status, ==, 405);

  text = g_malloc (size);
  memset (text, ' ', size);
  text[0] = '{';
  text[size - 1] = '}';
  big = g_bytes_new_take (g_steal_pointer (&text), size);
  huge = pulse_test_server_request_raw (ts, "POST", "/api/v1/templates", head (ts), big, NULL);
  g_assert_cmpuint (huge->status, ==, 413);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/items/create-assigns-id-and-version",
                   test_create_assigns_id_and_version);
  g_test_add_func ("/pulse/server/items/every-collection-round-trips",
                   test_every_collection_round_trips);
  g_test_add_func ("/pulse/server/items/update-needs-current-version",
                   test_update_needs_current_version);
  g_test_add_func ("/pulse/server/items/delete", test_delete);
  g_test_add_func ("/pulse/server/items/create-twice-conflicts", test_create_twice_conflicts);
  g_test_add_func ("/pulse/server/items/idempotent-retry", test_idempotent_retry);
  g_test_add_func ("/pulse/server/items/keys-are-per-token", test_keys_are_per_token);
  g_test_add_func ("/pulse/server/items/bad-bodies-change-nothing",
                   test_bad_bodies_change_nothing);
  g_test_add_func ("/pulse/server/items/references-are-checked", test_references_are_checked);
  g_test_add_func ("/pulse/server/items/audit-records-who-and-what",
                   test_audit_records_who_and_what);
  g_test_add_func ("/pulse/server/items/role-matrix", test_role_matrix);
  g_test_add_func ("/pulse/server/items/http-edges", test_http_edges);

  return g_test_run ();
}
