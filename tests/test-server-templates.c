/* test-server-templates.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reply templates against a real server: one reply in two languages
 * (a family of two versions) created, read back, edited and checked by
 * core lint; dotted variable names; roles that may not edit refused;
 * messages that record the template they were written from.
 */

#include "config.h"

#include "pulse-role-policy.h"
#include "pulse-template-lint.h"
#include "pulse-template-render.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

static const char uk_version[] =
  "{\"id\":\"tpl-remind-uk\",\"name\":\"Нагадування\",\"language\":\"uk\","
  "\"channels\":[\"email\",\"telegram\"],\"family\":\"remind\",\"section\":\"Loans\","
  "\"category\":\"Repayment\",\"disclosure\":false,"
  "\"body\":\"{{client.first_name}}, сплатіть {{loan.balance}} до {{loan.due_date}}.\","
  "\"variables\":[\"client.first_name\",\"loan.balance\",\"loan.due_date\"]}";

static const char en_version[] =
  "{\"id\":\"tpl-remind-en\",\"name\":\"Reminder\",\"language\":\"en\","
  "\"channels\":[\"email\",\"telegram\"],\"family\":\"remind\",\"section\":\"Loans\","
  "\"category\":\"Repayment\",\"disclosure\":false,"
  "\"body\":\"{{client.first_name}}, please pay {{loan.balance}} by {{loan.due_date}}.\","
  "\"variables\":[\"client.first_name\",\"loan.balance\",\"loan.due_date\"]}";

static const char *
token (PulseTestServer *ts,
       PulseRole        role)
{
  return pulse_test_server_get_token (ts, role);
}

static PulseTemplate *
fetch (PulseTestServer *ts,
       const char      *id,
       PulseRole        role)
{
  g_autofree char *path = g_strconcat ("/api/v1/templates/", id, NULL);
  g_autoptr(PulseTestResponse) r = pulse_test_server_request (ts, "GET", path, token (ts, role),
                                                              NULL, NULL);
  g_autoptr(GError) error = NULL;
  PulseTemplate *template;

  g_assert_cmpuint (r->status, ==, 200);
  template = pulse_template_new_from_json (r->body, &error);
  g_assert_no_error (error);
  return template;
}

static void
create_family (PulseTestServer *ts)
{
  g_autoptr(PulseTestResponse) uk = pulse_test_server_request (ts, "POST", "/api/v1/templates",
                                                               token (ts, PULSE_ROLE_LEAD),
                                                               uk_version, NULL);
  g_autoptr(PulseTestResponse) en = pulse_test_server_request (ts, "POST", "/api/v1/templates",
                                                               token (ts, PULSE_ROLE_LEAD),
                                                               en_version, NULL);

  g_assert_cmpuint (uk->status, ==, 201);
  g_assert_cmpuint (en->status, ==, 201);
}

static void
test_two_languages (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) list = NULL;
  g_autoptr(PulseTemplate) uk = NULL;
  g_autoptr(PulseTemplate) en = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *rendered = NULL;
  const char *languages[] = { "uk", "en", NULL };
  JsonArray *items;

  create_family (ts);
  list = pulse_test_server_request (ts, "GET", "/api/v1/templates",
                                    token (ts, PULSE_ROLE_VIEWER), NULL, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  items = json_object_get_array_member (pulse_test_response_object (list), "templates");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);

  uk = fetch (ts, "tpl-remind-uk", PULSE_ROLE_VIEWER);
  en = fetch (ts, "tpl-remind-en", PULSE_ROLE_VIEWER);
  g_assert_cmpint (pulse_template_get_version (uk), ==, 1);
  g_assert_cmpstr (pulse_template_get_family (uk), ==, "remind");
  g_assert_cmpstr (pulse_template_get_family (en), ==, "remind");
  g_assert_cmpstr (pulse_template_get_section (en), ==, "Loans");
  g_assert_cmpstr (pulse_template_get_category (en), ==, "Repayment");
  g_assert_cmpstrv (pulse_template_get_variables (uk),
                    ((const char *[]) { "client.first_name", "loan.balance", "loan.due_date",
                                        NULL }));

  /* The family lacks ru, es and kk: three issues on each version. */
  issues = pulse_template_lint (uk, languages);
  g_assert_cmpuint (issues->len, ==, 3);
  rendered = pulse_template_render (en, NULL, NULL);
  g_assert_cmpstr (rendered, ==, "Olena, please pay 8,340.50\u00a0UAH by 15 December 2026.");
}

static void
test_edit_one_version (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) put = NULL;
  g_autoptr(PulseTestResponse) stale = NULL;
  g_autoptr(PulseTemplate) uk = NULL;
  g_autoptr(PulseTemplate) en = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  const char *body =
    "{\"id\":\"tpl-remind-uk\",\"name\":\"Нагадування\",\"language\":\"uk\","
    "\"channels\":[\"email\"],\"family\":\"remind\",\"section\":\"Loans\","
    "\"category\":\"Repayment\",\"disclosure\":true,"
    "\"body\":\"{{client.first_name}}, сплатіть тут: http://pay.example.com\","
    "\"variables\":[\"client.first_name\"]}";

  create_family (ts);
  put = pulse_test_server_request (ts, "PUT", "/api/v1/templates/tpl-remind-uk",
                                   token (ts, PULSE_ROLE_LEAD), body, "If-Match", "1", NULL);
  g_assert_cmpuint (put->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (pulse_test_response_object (put), "version"), ==,
                   2);
  stale = pulse_test_server_request (ts, "PUT", "/api/v1/templates/tpl-remind-uk",
                                     token (ts, PULSE_ROLE_HEAD), body, "If-Match", "1", NULL);
  g_assert_cmpuint (stale->status, ==, 412);

  uk = fetch (ts, "tpl-remind-uk", PULSE_ROLE_VIEWER);
  en = fetch (ts, "tpl-remind-en", PULSE_ROLE_VIEWER);
  g_assert_cmpint (pulse_template_get_version (uk), ==, 2);
  g_assert_true (pulse_template_get_disclosure (uk));
  /* The other version is untouched. */
  g_assert_cmpint (pulse_template_get_version (en), ==, 1);
  g_assert_cmpstr (pulse_template_get_body (en), ==,
                   "{{client.first_name}}, please pay {{loan.balance}} by {{loan.due_date}}.");

  issues = pulse_template_lint (uk, NULL);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpint (((PulseTemplateIssue *) issues->pdata[0])->detail, ==,
                   PULSE_TEMPLATE_LINK_INSECURE);
}

static void
test_roles_refused (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  PulseRole refused[] = { PULSE_ROLE_VIEWER, PULSE_ROLE_QA, PULSE_ROLE_PLANNER };
  g_autoptr(PulseTemplate) uk = NULL;

  create_family (ts);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PulseTestResponse) post = NULL;
      g_autoptr(PulseTestResponse) put = NULL;
      g_autoptr(PulseTestResponse) del = NULL;

      g_assert_false (pulse_role_can (refused[i], PULSE_PERMISSION_EDIT_TEMPLATES));
      post = pulse_test_server_request (ts, "POST", "/api/v1/templates",
                                        token (ts, refused[i]),
                                        "{\"id\":\"x\",\"name\":\"N\",\"language\":\"ru\","
                                        "\"family\":\"remind\",\"body\":\"Привет\"}", NULL);
      put = pulse_test_server_request (ts, "PUT", "/api/v1/templates/tpl-remind-uk",
                                       token (ts, refused[i]), uk_version, "If-Match", "1",
                                       NULL);
      del = pulse_test_server_request (ts, "DELETE", "/api/v1/templates/tpl-remind-en",
                                       token (ts, refused[i]), NULL, "If-Match", "1", NULL);
      g_assert_cmpuint (post->status, ==, 403);
      g_assert_cmpuint (put->status, ==, 403);
      g_assert_cmpuint (del->status, ==, 403);
      g_assert_cmpstr (pulse_test_response_error_code (put), ==, "forbidden");
    }

  uk = fetch (ts, "tpl-remind-uk", PULSE_ROLE_VIEWER);
  g_assert_cmpint (pulse_template_get_version (uk), ==, 1);
}

static void
test_bad_names_refused (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) bad = NULL;
  g_autoptr(PulseTestResponse) family = NULL;

  bad = pulse_test_server_request (ts, "POST", "/api/v1/templates", token (ts, PULSE_ROLE_LEAD),
                                   "{\"name\":\"N\",\"language\":\"en\",\"body\":\"Hi\","
                                   "\"variables\":[\"client.\"]}", NULL);
  g_assert_cmpuint (bad->status, ==, 422);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (
                   json_object_get_object_member (pulse_test_response_object (bad), "error"),
                   "message"), "variables[0]: “client.” is not a variable name"));

  family = pulse_test_server_request (ts, "POST", "/api/v1/templates",
                                      token (ts, PULSE_ROLE_LEAD),
                                      "{\"name\":\"N\",\"language\":\"en\",\"body\":\"Hi\","
                                      "\"family\":7}", NULL);
  g_assert_cmpuint (family->status, ==, 422);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/templates/two-languages", test_two_languages);
  g_test_add_func ("/pulse/server/templates/edit-one-version", test_edit_one_version);
  g_test_add_func ("/pulse/server/templates/roles-refused", test_roles_refused);
  g_test_add_func ("/pulse/server/templates/bad-names-refused", test_bad_names_refused);

  return g_test_run ();
}
