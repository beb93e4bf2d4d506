/* test-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-test-util.h"
#include "pulse-types.h"

static void
read_doc (const char      *json,
          PulseJsonReader *reader)
{
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_json_reader_init (reader, node, "a test", &error));
  g_assert_no_error (error);
}

static void
assert_finish_fails (PulseJsonReader *reader,
                     const char      *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pulse_json_reader_finish (reader, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_first_error_wins (void)
{
  PulseJsonReader reader;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  read_doc ("{\"a\":1,\"b\":\"x\"}", &reader);
  a = pulse_json_reader_dup_string (&reader, "a", PULSE_JSON_REQUIRED, 10);
  b = pulse_json_reader_dup_string (&reader, "b", PULSE_JSON_REQUIRED, 10);
  g_assert_null (a);
  /* Reads after the first failure return their default, not the value. */
  g_assert_null (b);
  assert_finish_fails (&reader, "a: expected a string, got a number");
}

static void
test_numbers (void)
{
  PulseJsonReader reader;
  g_autoptr(GError) error = NULL;

  read_doc ("{\"i\":42,\"d\":0.5,\"di\":3,\"big\":1e400}", &reader);
  g_assert_cmpint (pulse_json_reader_get_int (&reader, "i", PULSE_JSON_REQUIRED, 0, 100, -1), ==, 42);
  g_assert_cmpfloat (pulse_json_reader_get_double (&reader, "d", PULSE_JSON_REQUIRED, 0, 1, -1), ==, 0.5);
  /* An integer is a fine double. */
  g_assert_cmpfloat (pulse_json_reader_get_double (&reader, "di", PULSE_JSON_REQUIRED, 0, 5, -1), ==, 3);
  g_assert_cmpint (pulse_json_reader_get_int (&reader, "missing", PULSE_JSON_OPTIONAL, 0, 9, 7), ==, 7);
  g_assert_true (pulse_json_reader_finish (&reader, &error));
  g_assert_no_error (error);

  read_doc ("{\"d\":2.5}", &reader);
  pulse_json_reader_get_double (&reader, "d", PULSE_JSON_REQUIRED, 0, 1, 0);
  assert_finish_fails (&reader, "d: 2.5 is outside 0…1");
}

static void
test_infinite_double (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pulse_json_parse ("{\"d\":1e400}", -1, &error);
  PulseJsonReader reader;

  /* json-glib turns an overflowing literal into infinity; never accept it. */
  if (node == NULL)
    {
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      return;
    }

  g_assert_true (pulse_json_reader_init (&reader, node, "a test", NULL));
  pulse_json_reader_get_double (&reader, "d", PULSE_JSON_REQUIRED, 0, G_MAXDOUBLE, 0);
  g_assert_true (pulse_json_reader_failed (&reader));
  pulse_json_reader_clear (&reader);
}

static void
test_enum_and_strv (void)
{
  PulseJsonReader reader;
  g_auto(GStrv) tags = NULL;

  read_doc ("{\"c\":\"in-app\",\"tags\":[\"a\",\"b\"]}", &reader);
  g_assert_cmpint (pulse_json_reader_get_enum (&reader, "c", PULSE_TYPE_CHANNEL_KIND,
                                               PULSE_JSON_REQUIRED, -1),
                   ==, PULSE_CHANNEL_KIND_IN_APP);
  tags = pulse_json_reader_dup_strv (&reader, "tags", PULSE_JSON_REQUIRED, 10, 10);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_true (pulse_json_reader_finish (&reader, NULL));

  read_doc ("{\"c\":\"fax\"}", &reader);
  pulse_json_reader_get_enum (&reader, "c", PULSE_TYPE_CHANNEL_KIND, PULSE_JSON_REQUIRED, 0);
  assert_finish_fails (&reader, "c: unknown value “fax”");

  read_doc ("{\"tags\":[\"a\",3]}", &reader);
  g_assert_null (pulse_json_reader_dup_strv (&reader, "tags", PULSE_JSON_REQUIRED, 10, 10));
  assert_finish_fails (&reader, "tags[1]: expected a string, got a number");

  read_doc ("{\"tags\":[\"a\",\"b\",\"c\"]}", &reader);
  g_assert_null (pulse_json_reader_dup_strv (&reader, "tags", PULSE_JSON_REQUIRED, 2, 10));
  assert_finish_fails (&reader, "tags: has more than 2 items");
}

static void
test_absent_strv_is_empty (void)
{
  PulseJsonReader reader;
  g_auto(GStrv) tags = NULL;

  read_doc ("{}", &reader);
  tags = pulse_json_reader_dup_strv (&reader, "tags", PULSE_JSON_OPTIONAL, 10, 10);
  g_assert_nonnull (tags);
  g_assert_cmpuint (g_strv_length (tags), ==, 0);
  g_assert_true (pulse_json_reader_finish (&reader, NULL));
}

static void
test_times (void)
{
  PulseJsonReader reader;

  read_doc ("{\"t\":\"2026-11-20T09:30:00+02:00\"}", &reader);
  /* 07:30 UTC on 2026-11-20. */
  g_assert_cmpint (pulse_json_reader_get_time (&reader, "t", PULSE_JSON_REQUIRED), ==,
                   G_GINT64_CONSTANT (1795159800) * G_USEC_PER_SEC);
  g_assert_true (pulse_json_reader_finish (&reader, NULL));

  read_doc ("{\"t\":\"2026-11-20T09:30:00\"}", &reader);
  pulse_json_reader_get_time (&reader, "t", PULSE_JSON_REQUIRED);
  assert_finish_fails (&reader, "t: is not an RFC 3339 time with a time zone");
}

static void
test_nested_error_path (void)
{
  PulseJsonReader reader;
  GError *inner = g_error_new_literal (PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "at: is required");

  read_doc ("{}", &reader);
  pulse_json_reader_take_error (&reader, "messages[2]", inner);
  assert_finish_fails (&reader, "messages[2].at: is required");

  read_doc ("{}", &reader);
  inner = g_error_new_literal (PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "expected a message object, got a number");
  pulse_json_reader_take_error (&reader, "messages[0]", inner);
  assert_finish_fails (&reader, "messages[0]: expected a message object, got a number");
}

static void
test_strict_rejects_unknown_members (void)
{
  PulseJsonReader reader;
  g_autoptr(GError) error = NULL;
  gboolean previous;

  /* Lenient by default: a newer peer's extra member is ignored. */
  read_doc ("{\"name\":\"x\",\"extra\":1}", &reader);
  g_free (pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED, 10));
  g_assert_true (pulse_json_reader_finish (&reader, &error));
  g_assert_no_error (error);

  previous = pulse_json_set_strict (TRUE);
  g_assert_false (previous);

  /* Asked-for members pass, even when absent or only tested with has(). */
  read_doc ("{\"name\":\"x\",\"flag\":true}", &reader);
  g_free (pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED, 10));
  g_assert_true (pulse_json_reader_has (&reader, "flag"));
  g_assert_null (pulse_json_reader_dup_string (&reader, "other", PULSE_JSON_OPTIONAL, 10));
  g_assert_true (pulse_json_reader_finish (&reader, &error));
  g_assert_no_error (error);

  read_doc ("{\"name\":\"x\",\"enabeld\":true}", &reader);
  g_free (pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED, 10));
  assert_finish_fails (&reader, "enabeld: unknown member");

  /* A type error is reported before any unknown member. */
  read_doc ("{\"name\":1,\"zzz\":true}", &reader);
  g_free (pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED, 10));
  assert_finish_fails (&reader, "name: expected a string, got a number");

  g_assert_true (pulse_json_set_strict (previous));
}

static void
test_deep_nesting_refused (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autoptr(GString) in_string = g_string_new ("\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) text = NULL;

  /* A megabyte of brackets would overflow json-glib's recursive parser. */
  for (int i = 0; i < 500000; i++)
    g_string_append_c (deep, '[');
  g_assert_null (pulse_json_parse (deep->str, deep->len, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "deeper than 64"));
  g_clear_error (&error);

  for (int i = 0; i < 64; i++)
    g_string_append_c (ok, '[');
  for (int i = 0; i < 64; i++)
    g_string_append_c (ok, ']');
  node = pulse_json_parse (ok->str, ok->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  /* Brackets inside strings, escaped quotes included, are text. */
  for (int i = 0; i < 100; i++)
    g_string_append (in_string, "[{\\\"");
  g_string_append_c (in_string, '"');
  text = pulse_json_parse (in_string->str, in_string->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
}

static void
test_nul_character_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) escaped = NULL;

  g_assert_null (pulse_json_parse ("{\"id\":\"a\\u0000b\"}", -1, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "NUL"));
  g_clear_error (&error);

  /* An escaped backslash followed by "u0000" is plain text. */
  escaped = pulse_json_parse ("{\"id\":\"a\\\\u0000\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (escaped), "id"), ==,
                   "a\\u0000");
}

static void
test_json_glib_leniency_refused (void)
{
  static const char *bad[] = { "{'a':1}", "{\"a\":1 /* c */}", "// c\n{}", "{\"a\":'x'}" };
  g_autoptr(JsonNode) inside = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (pulse_json_parse (bad[i], -1, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
    }

  /* Inside strings both are text: a URL, an apostrophe. */
  inside = pulse_json_parse ("{\"u\":\"https://x.ua/it's\"}", -1, NULL);
  g_assert_nonnull (inside);
}

static void
test_malformed_documents (void)
{
  static const char *inputs[] = { "", "{", "{\"a\":}", "[1,2", "{\"a\":1}}", "nul" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = pulse_json_parse (inputs[i], -1, &error);

      g_assert_null (node);
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
    }
}

/* An empty GBytes gives NULL data: an answer cut off after its headers
 * (seen through the fault proxy) reached the parser as (NULL, 0). */
static void
test_empty_bytes (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = pulse_json_parse (g_bytes_get_data (empty, NULL), g_bytes_get_size (empty), &error);
  g_assert_null (node);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "empty JSON document");
}

static void
test_invalid_utf8_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pulse_json_parse ("{\"a\":\"\xff\xfe\"}", -1, &error);

  g_assert_null (node);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
}

static void
test_enum_nicks (void)
{
  int value = -1;

  g_assert_cmpstr (pulse_enum_to_nick (PULSE_TYPE_AGENT_STATUS, PULSE_AGENT_STATUS_AFTER_CALL),
                   ==, "after-call");
  g_assert_null (pulse_enum_to_nick (PULSE_TYPE_AGENT_STATUS, 999));
  g_assert_true (pulse_enum_from_nick (PULSE_TYPE_ROLE, "planner", &value));
  g_assert_cmpint (value, ==, PULSE_ROLE_PLANNER);
  g_assert_false (pulse_enum_from_nick (PULSE_TYPE_ROLE, "PLANNER", &value));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/json/first-error-wins", test_first_error_wins);
  g_test_add_func ("/pulse/core/json/numbers", test_numbers);
  g_test_add_func ("/pulse/core/json/infinite-double", test_infinite_double);
  g_test_add_func ("/pulse/core/json/enum-and-strv", test_enum_and_strv);
  g_test_add_func ("/pulse/core/json/absent-strv-is-empty", test_absent_strv_is_empty);
  g_test_add_func ("/pulse/core/json/times", test_times);
  g_test_add_func ("/pulse/core/json/nested-error-path", test_nested_error_path);
  g_test_add_func ("/pulse/core/json/strict-rejects-unknown-members",
                   test_strict_rejects_unknown_members);
  g_test_add_func ("/pulse/core/json/deep-nesting-refused", test_deep_nesting_refused);
  g_test_add_func ("/pulse/core/json/nul-character-refused", test_nul_character_refused);
  g_test_add_func ("/pulse/core/json/json-glib-leniency-refused",
                   test_json_glib_leniency_refused);
  g_test_add_func ("/pulse/core/json/malformed-documents", test_malformed_documents);
  g_test_add_func ("/pulse/core/json/empty-bytes", test_empty_bytes);
  g_test_add_func ("/pulse/core/json/invalid-utf8-refused", test_invalid_utf8_refused);
  g_test_add_func ("/pulse/core/json/enum-nicks", test_enum_nicks);

  return g_test_run ();
}
