/* test-session-items.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session's item edits against a real in-process server: which roles
 * may edit what, a create, update and delete reaching the server through
 * the outbox, a stale save held as a conflict, the item's audit history
 * read by its editor, and a refusal for someone who may not read it.
 */

#include "config.h"

#include "pulse-session-items.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

#define TIMEOUT_MS 20000

static gboolean
session_is_live (gpointer user_data)
{
  PulseSync *sync = pulse_session_get_sync (user_data);

  return sync != NULL && pulse_sync_get_is_live (sync);
}

static PulseSession *
sign_in (PulseTestServer *ts,
         PulseRole        role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  PulseTestAsync wait = { NULL };
  PulseSession *session = pulse_session_new ();

  pulse_session_sign_in_async (session, ts->url, pulse_test_server_get_token (ts, role), NULL,
                               pulse_test_async_cb, &wait);
  result = pulse_test_async_wait (&wait, TIMEOUT_MS);
  g_assert_true (pulse_session_connect_finish (session, result, &error));
  g_assert_no_error (error);
  g_assert_true (pulse_test_wait_for (session_is_live, session, TIMEOUT_MS));
  return session;
}

static gboolean
outbox_is_empty (gpointer user_data)
{
  PulseOutbox *outbox = pulse_session_get_outbox (user_data);

  return pulse_outbox_get_n_pending (outbox) + pulse_outbox_get_n_failed (outbox) == 0
         && pulse_outbox_get_sending (outbox) == 0;
}

static JsonNode *
template_json (const char *name)
{
  g_autofree char *text = g_strdup_printf ("{\"id\":\"t-kit\",\"name\":\"%s\","
                                           "\"language\":\"uk\",\"channels\":[\"chat\"],"
                                           "\"body\":\"Вітаємо!\"}", name);

  return json_from_string (text, NULL);
}

static gint64
save (PulseSession *session,
      JsonNode     *item,
      gint64        base_version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  PulseTestAsync wait = { NULL };
  gint64 entry;

  pulse_session_save_item_async (session, "template", item, base_version, NULL,
                                 pulse_test_async_cb, &wait);
  result = pulse_test_async_wait (&wait, TIMEOUT_MS);
  entry = pulse_session_save_item_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry, >, 0);
  return entry;
}

static JsonObject *
server_template (PulseTestServer    *ts,
                 PulseTestResponse **response)
{
  *response = pulse_test_server_request (ts, "GET", "/api/v1/templates/t-kit",
                                         pulse_test_server_get_token (ts, PULSE_ROLE_HEAD),
                                         NULL, NULL);
  return (*response)->status == 200 ? pulse_test_response_object (*response) : NULL;
}

static void
test_can_edit_follows_roles (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseSession) lead = sign_in (ts, PULSE_ROLE_LEAD);
  g_autoptr(PulseSession) planner = sign_in (ts, PULSE_ROLE_PLANNER);
  g_autoptr(PulseSession) qa = sign_in (ts, PULSE_ROLE_QA);

  g_assert_true (pulse_session_can_edit (lead, "rule"));
  g_assert_true (pulse_session_can_edit (lead, "template"));
  g_assert_true (pulse_session_can_edit (lead, "mentorship"));
  g_assert_false (pulse_session_can_edit (lead, "shift"));
  g_assert_false (pulse_session_can_edit (lead, "scorecard"));
  g_assert_true (pulse_session_can_edit (planner, "shift"));
  g_assert_false (pulse_session_can_edit (planner, "rule"));
  g_assert_true (pulse_session_can_edit (qa, "scorecard"));
  g_assert_true (pulse_session_can_edit (qa, "review"));
  g_assert_false (pulse_session_can_edit (qa, "template"));
  g_assert_false (pulse_session_can_edit (lead, "ticket"));
  g_assert_false (pulse_session_can_edit (lead, NULL));

  pulse_session_disconnect (lead);
  pulse_session_disconnect (planner);
  pulse_session_disconnect (qa);
}

static void
test_create_update_delete_and_audit (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseSession) session = sign_in (ts, PULSE_ROLE_LEAD);
  g_autoptr(PulseTestResponse) stored = NULL;
  g_autoptr(JsonNode) created = template_json ("Card blocked");
  g_autoptr(JsonNode) renamed = template_json ("Card unblocked");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  PulseTestAsync wait = { NULL };
  JsonObject *item;

  save (session, created, 0);
  /* Made on top of the create the outbox still holds: no version yet. */
  save (session, renamed, 1);
  g_assert_true (pulse_test_wait_for (outbox_is_empty, session, TIMEOUT_MS));
  item = server_template (ts, &stored);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "Card unblocked");
  g_assert_cmpint (json_object_get_int_member (item, "version"), ==, 2);

  pulse_session_fetch_audit_async (session, "template", "t-kit", 10, NULL, pulse_test_async_cb,
                                   &wait);
  result = pulse_test_async_wait (&wait, TIMEOUT_MS);
  entries = pulse_session_fetch_audit_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0),
                                                  "action"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 1),
                                                  "action"), ==, "create");
  g_clear_object (&result);

  pulse_session_delete_item_async (session, "template", "t-kit", 2, NULL, pulse_test_async_cb,
                                   &wait);
  result = pulse_test_async_wait (&wait, TIMEOUT_MS);
  g_assert_cmpint (pulse_session_delete_item_finish (session, result, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (pulse_test_wait_for (outbox_is_empty, session, TIMEOUT_MS));
  g_clear_pointer (&stored, pulse_test_response_free);
  g_assert_null (server_template (ts, &stored));
  g_assert_cmpuint (stored->status, ==, 404);

  pulse_session_disconnect (session);
}

static gboolean
has_conflict (gpointer user_data)
{
  return pulse_outbox_get_n_conflicts (pulse_session_get_outbox (user_data)) == 1;
}

static void
test_stale_save_is_held_as_conflict (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseSession) session = sign_in (ts, PULSE_ROLE_LEAD);
  g_autoptr(PulseTestResponse) theirs = NULL;
  g_autoptr(PulseTestResponse) stored = NULL;
  g_autoptr(JsonNode) first = template_json ("Card blocked");
  g_autoptr(JsonNode) mine = template_json ("Mine");
  g_autoptr(GPtrArray) entries = NULL;
  PulseOutboxEntry *held;

  save (session, first, 0);
  g_assert_true (pulse_test_wait_for (outbox_is_empty, session, TIMEOUT_MS));
  theirs = pulse_test_server_request (ts, "PUT", "/api/v1/templates/t-kit",
                                      pulse_test_server_get_token (ts, PULSE_ROLE_HEAD),
                                      "{\"name\":\"Theirs\",\"language\":\"uk\","
                                      "\"body\":\"Вітаємо!\"}", "If-Match", "1", NULL);
  g_assert_cmpuint (theirs->status, ==, 200);

  save (session, mine, 1);
  g_assert_true (pulse_test_wait_for (has_conflict, session, TIMEOUT_MS));
  entries = pulse_outbox_dup_entries (pulse_session_get_outbox (session));
  g_assert_cmpuint (entries->len, ==, 1);
  held = g_ptr_array_index (entries, 0);
  g_assert_cmpint (held->state, ==, PULSE_OUTBOX_CONFLICT);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (held->theirs), "name"),
                   ==, "Theirs");
  g_assert_cmpstr (json_object_get_string_member (server_template (ts, &stored), "name"), ==,
                   "Theirs");

  pulse_session_disconnect (session);
}

static void
test_audit_refused_to_other_roles (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseSession) session = sign_in (ts, PULSE_ROLE_PLANNER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  PulseTestAsync wait = { NULL };

  pulse_session_fetch_audit_async (session, "template", "t-kit", 10, NULL, pulse_test_async_cb,
                                   &wait);
  result = pulse_test_async_wait (&wait, TIMEOUT_MS);
  entries = pulse_session_fetch_audit_finish (session, result, &error);
  g_assert_null (entries);
  g_assert_nonnull (error);

  pulse_session_disconnect (session);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/items/can-edit", test_can_edit_follows_roles);
  g_test_add_func ("/pulse/session/items/create-update-delete-audit",
                   test_create_update_delete_and_audit);
  g_test_add_func ("/pulse/session/items/stale-save-conflict",
                   test_stale_save_is_held_as_conflict);
  g_test_add_func ("/pulse/session/items/audit-refused", test_audit_refused_to_other_roles);

  return g_test_run ();
}
