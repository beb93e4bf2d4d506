/* test-template.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-json.h"
#include "pulse-template.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"

#define DECODE PULSE_TEST_DECODE (pulse_template_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_template_to_json)

static const char full_template[] =
  "{\"id\":\"tpl-card\",\"version\":2,\"name\":\"Card blocked (UA)\",\"language\":\"uk\","
  "\"channels\":[\"email\",\"chat\"],"
  "\"body\":\"Вітаємо, {{customer_name}}! Картку *{{card_last4}} заблоковано.\","
  "\"variables\":[\"customer_name\",\"card_last4\"],\"disclosure\":false,"
  "\"family\":\"card-blocked\",\"section\":\"Cards\",\"category\":\"Blocking\","
  "\"updated_by\":\"olena.lead\"}";

static const char minimal_template[] =
  "{\"id\":\"t\",\"version\":0,\"name\":\"N\",\"language\":\"en\",\"channels\":[],"
  "\"body\":\"Hello\",\"variables\":[],\"disclosure\":true}";

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_template, DECODE, ENCODE);
  PulseTemplate *template = PULSE_TEMPLATE (object);

  g_assert_cmpstr (pulse_template_get_id (template), ==, "tpl-card");
  g_assert_cmpint (pulse_template_get_version (template), ==, 2);
  g_assert_cmpstr (pulse_template_get_name (template), ==, "Card blocked (UA)");
  g_assert_cmpstr (pulse_template_get_language (template), ==, "uk");
  g_assert_cmpuint (pulse_template_get_channels (template), ==,
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_EMAIL) |
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_CHAT));
  g_assert_true (g_str_has_prefix (pulse_template_get_body (template), "Вітаємо"));
  g_assert_cmpstrv (pulse_template_get_variables (template),
                    ((const char *[]) { "customer_name", "card_last4", NULL }));
  g_assert_false (pulse_template_get_disclosure (template));
  g_assert_cmpstr (pulse_template_get_updated_by (template), ==, "olena.lead");
  g_assert_cmpstr (pulse_template_get_family (template), ==, "card-blocked");
  g_assert_cmpstr (pulse_template_get_section (template), ==, "Cards");
  g_assert_cmpstr (pulse_template_get_category (template), ==, "Blocking");
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_template, DECODE, ENCODE);
  PulseTemplate *template = PULSE_TEMPLATE (object);

  g_assert_cmpuint (pulse_template_get_channels (template), ==, 0);
  g_assert_true (pulse_template_get_disclosure (template));
  g_assert_null (pulse_template_get_updated_by (template));
  /* Without a family a template is a family of its own. */
  g_assert_cmpstr (pulse_template_get_family (template), ==, "t");
  g_assert_null (pulse_template_get_section (template));
  g_assert_null (pulse_template_get_category (template));
}

/* Without "disclosure" the notice is on: leaving it out must not hide it. */
static void
test_disclosure_defaults_on (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"t\",\"version\":0,\"name\":\"N\",\"language\":\"en\",\"body\":\"Hello\"}");
  g_autoptr(JsonNode) expected = pulse_test_parse (minimal_template);
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTemplate) template = pulse_template_new_from_json (node, &error);
  g_autoptr(PulseTemplate) fresh = pulse_template_new ("t");

  g_assert_no_error (error);
  g_assert_true (pulse_template_get_disclosure (template));
  output = pulse_template_to_json (template);
  g_assert_true (json_node_equal (output, expected));
  g_assert_true (pulse_template_get_disclosure (fresh));
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"t\",\"version\":1,\"name\":\"N\",\"language\":\"en\",\"body\":\"Hi\","
    "\"format\":\"markdown\",\"extra\":{\"a\":[1]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTemplate) template = pulse_template_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pulse_template_get_body (template), ==, "Hi");
}

static void
test_bad_fields (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  g_autofree char *long_body = pulse_test_long_string (PULSE_TEMPLATE_MAX_BODY + 1, 'b');
  g_autofree char *max_body = pulse_test_long_string (PULSE_TEMPLATE_MAX_BODY, 'b');
  g_autofree char *long_variable = pulse_test_long_string (PULSE_TEMPLATE_MAX_VARIABLE + 1, 'v');
  g_autofree char *long_variables = g_strdup_printf ("[\"a\",%s]", long_variable);
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "7", "id: expected a string, got a number" },
    { "id", "\"\"", "id: must not be empty" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "version", NULL, "version: is required" },
    { "version", "\"2\"", "version: expected an integer, got a string" },
    { "version", "2.5", "version: expected an integer, got a number" },
    { "version", "-1", "version: -1 is outside" },
    { "name", NULL, "name: is required" },
    { "name", "false", "name: expected a string, got a boolean" },
    { "name", "\"\"", "name: must not be empty" },
    { "name", long_name, "name: longer than 256 bytes" },
    { "language", NULL, "language: is required" },
    { "language", "null", "language: is required" },
    { "language", "[\"uk\"]", "language: expected a string, got an array" },
    { "language", "\"\"", "language: must not be empty" },
    { "language", long_id, "language: longer than 128 bytes" },
    { "channels", "\"chat\"", "channels: expected an array, got a string" },
    { "channels", "[\"email\",\"fax\"]", "channels[1]: unknown value “fax”" },
    { "channels", "[\"email\",\"email\"]", "channels[1]: duplicate “email”" },
    { "body", NULL, "body: is required" },
    { "body", "{}", "body: expected a string, got an object" },
    { "body", "\"\"", "body: must not be empty" },
    { "body", long_body, "body: longer than 16384 bytes" },
    { "variables", "{}", "variables: expected an array, got an object" },
    { "variables", "[\"a\",1]", "variables[1]: expected a string, got a number" },
    { "variables", "[\"Name\"]", "variables[0]: “Name” is not a variable name" },
    { "variables", "[\"a\",\"1st\"]", "variables[1]: “1st” is not a variable name" },
    { "variables", "[\"first-name\"]", "variables[0]: “first-name” is not a variable name" },
    { "variables", "[\"first name\"]", "variables[0]: “first name” is not a variable name" },
    { "variables", "[\"імя\"]", "variables[0]: “імя” is not a variable name" },
    { "variables", "[\"\"]", "variables[0]: “” is not a variable name" },
    { "variables", long_variables, "variables[1]: longer than 64 bytes" },
    { "variables", "[\"a\",\"b\",\"a\"]", "variables[2]: duplicate “a”" },
    { "disclosure", "\"yes\"", "disclosure: expected a boolean, got a string" },
    { "disclosure", "0", "disclosure: expected a boolean, got a number" },
    { "family", "5", "family: expected a string, got a number" },
    { "family", long_id, "family: longer than 128 bytes" },
    { "section", "[]", "section: expected a string, got an array" },
    { "section", long_name, "section: longer than 256 bytes" },
    { "category", "true", "category: expected a string, got a boolean" },
    { "updated_by", "5", "updated_by: expected a string, got a number" },
    { "updated_by", long_name, "updated_by: longer than 256 bytes" },
  };
  g_autofree char *max_json = pulse_test_mutate (full_template, "body", max_body);
  g_autoptr(JsonNode) node = pulse_test_parse (max_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTemplate) longest = pulse_template_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (pulse_template_get_body (longest)), ==, PULSE_TEMPLATE_MAX_BODY);

  pulse_test_assert_bad_mutations (full_template, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static void
test_variable_names (void)
{
  g_autofree char *longest = g_strnfill (PULSE_TEMPLATE_MAX_VARIABLE, 'x');
  g_autofree char *too_long = g_strnfill (PULSE_TEMPLATE_MAX_VARIABLE + 1, 'x');
  const char *valid[] = { "a", "_", "_x", "customer_name", "card_last4", "x1_2", longest,
                          "a.b", "client.first_name", "loan.due_date", "a._b.c9" };
  const char *invalid[] = { "", "1a", "9", "A", "Name", "a-b", "a b", "é", "{{a}}",
                            too_long, ".a", "a.", "a..b", "a.1b", "client.First", "a. b" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (pulse_template_is_valid_variable_name (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (pulse_template_is_valid_variable_name (invalid[i]));
  g_assert_false (pulse_template_is_valid_variable_name (NULL));
}

static void
test_has_variable (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (full_template);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTemplate) template = pulse_template_new_from_json (node, &error);
  g_autoptr(PulseTemplate) empty = pulse_template_new ("t");

  g_assert_no_error (error);
  g_assert_true (pulse_template_has_variable (template, "customer_name"));
  g_assert_true (pulse_template_has_variable (template, "card_last4"));
  g_assert_false (pulse_template_has_variable (template, "customer"));
  g_assert_false (pulse_template_has_variable (empty, "customer_name"));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_setters_notify_on_change_only (void)
{
  g_autoptr(PulseTemplate) template = pulse_template_new ("t");
  g_autofree char *body = NULL;
  guint count = 0;

  g_signal_connect (template, "notify", G_CALLBACK (on_notify_cb), &count);
  pulse_template_set_name (template, "A");
  pulse_template_set_name (template, "A");
  pulse_template_set_body (template, "Hello");
  pulse_template_set_body (template, "Hello");
  pulse_template_set_language (template, "en");
  pulse_template_set_language (template, "en");
  pulse_template_set_disclosure (template, TRUE);
  pulse_template_set_disclosure (template, FALSE);
  pulse_template_set_disclosure (template, FALSE);
  pulse_template_set_updated_by (template, "olena");
  pulse_template_set_updated_by (template, "olena");
  pulse_template_set_version (template, 1);
  pulse_template_set_version (template, 1);
  pulse_template_set_family (template, "f");
  pulse_template_set_family (template, "f");
  pulse_template_set_section (template, "S");
  pulse_template_set_section (template, "S");
  pulse_template_set_category (template, "C");
  pulse_template_set_category (template, "C");
  g_assert_cmpuint (count, ==, 9);

  g_object_set (template, "body", "Bye", NULL);
  g_object_get (template, "body", &body, NULL);
  g_assert_cmpstr (body, ==, "Bye");
  g_assert_cmpuint (count, ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/template/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/template/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/template/disclosure-defaults-on", test_disclosure_defaults_on);
  g_test_add_func ("/pulse/core/template/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/template/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/template/variable-names", test_variable_names);
  g_test_add_func ("/pulse/core/template/has-variable", test_has_variable);
  g_test_add_func ("/pulse/core/template/setters-notify-on-change-only",
                   test_setters_notify_on_change_only);

  return g_test_run ();
}
