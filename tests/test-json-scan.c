/* test-json-scan.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pulse-json-scan.c, pulse_json_parse()'s fast path: what it takes is
 * parsed exactly as json-glib parses it, and what it declines (malformed
 * or unusual) goes to json-glib, so pulse_json_parse() answers as before.
 * The simulator's events are compared in test-json-scan-sim.c.
 */

#include "config.h"

#include <string.h>

#include "pulse-error.h"
#include "pulse-json-private.h"
#include "pulse-json.h"
#include "pulse-test-json-same.h"

/* AddressSanitizer makes json-glib some 20 times slower: fewer rounds. */
#if defined(__SANITIZE_ADDRESS__)
#define FUZZ_ROUNDS 2000
#else
#define FUZZ_ROUNDS 20000
#endif

/* Taken by the fast path, and the same tree as json-glib's. */
static void
assert_taken (const char *text)
{
  g_autoptr(JsonNode) fast = _pulse_json_scan (text, strlen (text));
  g_autoptr(JsonNode) slow = pulse_test_json_glib_parse (text, strlen (text));
  g_autoptr(JsonNode) parsed = NULL;

  if (fast == NULL)
    g_error ("the fast path declined %s", text);
  g_assert_nonnull (slow);
  g_assert_true (json_node_is_immutable (fast));
  if (!pulse_test_json_same (fast, slow))
    g_error ("the trees differ for %s", text);

  parsed = pulse_json_parse (text, -1, NULL);
  g_assert_true (pulse_test_json_same (parsed, slow));
}

/* Declined by the fast path, so pulse_json_parse() is json-glib's. */
static void
assert_declined (const char *text,
                 gsize       length)
{
  g_autoptr(JsonNode) fast = _pulse_json_scan (text, length);

  if (fast != NULL)
    g_error ("the fast path took %.*s", (int) length, text);
}

static void
test_taken (void)
{
  static const char * const texts[] = {
    "{}", "[]", " \t\r\n{ } \n", "[1,-2,0,-0,123456789012345678]",
    "[0.5,-0.25,3.14159,100.0,-0.0]", "[true,false,null]",
    /* Fractions that do not round trip by naive digit sums: bit for bit. */
    "[0.1,0.30000000000000004,3.141592653589793,123456.78901234567,0.8,99.99,"
    "2.2250738585072014,-1.7976931348623157,0.000000000000000000001]",
    "{\"a\":{\"b\":[{\"c\":\"d\"}]},\"e\":[]}",
    "{\"z\":1,\"a\":2,\"m\":3}",
    "{\"s\":\"tab\\tnew\\nline \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\r\"}",
    "{\"uk\":\"Доброго дня, картку заблоковано\",\"emoji\":\"\xf0\x9f\x92\xb3\"}",
    "{\"\":\"empty name\",\"k\":\"\"}",
    "{\"seq\":42,\"type\":\"message.created\",\"at\":\"2026-11-20T09:30:00.123456Z\","
    "\"data\":{\"ticket_id\":\"t1\",\"ticket_version\":3,\"message\":{\"id\":\"m1\"}}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_taken (texts[i]);
}

/* Well-formed but unusual: json-glib reads these, the fast path leaves
 * them to it. */
static void
test_declined_unusual (void)
{
  static const char * const texts[] = {
    "\"a string at the root\"", "42", "true", "null", "", "   ",
    "{\"u\":\"\\u00e9\"}", "[1e3]", "[1.5E-2]", "[1234567890123456789]",
    "{\"a\":1,\"a\":2}", "[01]", "[\"raw\ttab\"]", "[1.]", "[.5]", "{} {}",
    "[\"bad \\x escape\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_declined (texts[i], strlen (texts[i]));
}

static void
test_declined_malformed (void)
{
  static const char * const texts[] = {
    "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,}", "[1,]", "[,1]", "{a:1}",
    "{'a':1}", "[1 2]", "{\"a\" 1}", "[tru]", "[nul]", "[falsey]", "[-]",
    "[+1]", "[]x", "[\"unterminated]", "[\"\xff\xfe\"]",
    "[\"\xc3\"]", "/* c */ {}", "{\"a\":1}/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      assert_declined (texts[i], strlen (texts[i]));
      node = pulse_json_parse (texts[i], -1, &error);
      if (node != NULL)
        g_error ("pulse_json_parse took %s", texts[i]);
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
    }

  /* Bytes after a NUL are the caller's length's business: inside a string
   * a NUL is never taken. */
  assert_declined ("[\"a\0b\"]", 7);
}

/* 64 levels are read, the 65th is json-glib's refusal (pulse-json.c). */
static void
test_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < PULSE_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < PULSE_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  assert_taken (deep->str);

  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  assert_declined (deep->str, deep->len);
  node = pulse_json_parse (deep->str, -1, &error);
  g_assert_null (node);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "nested deeper than 64"));
}

/* A length shorter than the text: only that much is read. */
static void
test_length (void)
{
  const char *text = "{\"a\":[1,2]}{\"b\":3}";
  g_autoptr(JsonNode) fast = _pulse_json_scan (text, 11);

  g_assert_nonnull (fast);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_node_get_object (fast), "a")), ==, 2);
  assert_declined (text, 10);
}

static const char sample[] =
  "{\"seq\":7,\"type\":\"ticket.created\",\"at\":\"2026-11-20T09:30:00.1Z\",\"data\":"
  "{\"id\":\"t-1\",\"version\":1,\"tags\":[\"card\",\"uk\"],\"score\":-0.5,\"vip\":true,"
  "\"assignee_id\":null,\"subject\":\"Карта \\\"Visa\\\"\\n\",\"messages\":[{\"id\":\"m\","
  "\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"Hi\\tthere é\"}],\"ratings\":[]}}";

/* Random damage to a real-looking event: whatever the fast path takes
 * is json-glib's tree too, and nothing crashes (ASan runs this). */
static void
test_fuzz (void)
{
  static const char noise[] = "{}[]\",:\\ -.0123456789eEtrufalsn\x7f\x80\xc3\xff\t\n";
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  guint taken = 0;

  for (guint round = 0; round < FUZZ_ROUNDS; round++)
    {
      g_autofree char *text = g_strdup (sample);
      gsize length = strlen (text);
      g_autoptr(JsonNode) fast = NULL;
      g_autoptr(JsonNode) slow = NULL;
      g_autoptr(JsonNode) parsed = NULL;

      for (guint n = g_rand_int_range (rand, 1, 4); n > 0; n--)
        text[g_rand_int_range (rand, 0, length)] =
          noise[g_rand_int_range (rand, 0, sizeof noise - 1)];
      if (g_rand_boolean (rand))
        length = g_rand_int_range (rand, 0, length + 1);

      fast = _pulse_json_scan (text, length);
      slow = pulse_test_json_glib_parse (text, length);
      parsed = pulse_json_parse (text, length, NULL);
      if (fast == NULL)
        continue;
      taken++;
      if (slow == NULL || !pulse_test_json_same (fast, slow) ||
          !pulse_test_json_same (parsed, slow))
        g_error ("the fast path and json-glib differ on %.*s", (int) length, text);
    }

  /* Damage in a string's text leaves a valid document: some are taken. */
  g_test_message ("%u of %d damaged documents taken by the fast path", taken, FUZZ_ROUNDS);
  g_assert_cmpuint (taken, >, FUZZ_ROUNDS / 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/json-scan/taken", test_taken);
  g_test_add_func ("/pulse/core/json-scan/declined-unusual", test_declined_unusual);
  g_test_add_func ("/pulse/core/json-scan/declined-malformed", test_declined_malformed);
  g_test_add_func ("/pulse/core/json-scan/depth", test_depth);
  g_test_add_func ("/pulse/core/json-scan/length", test_length);
  g_test_add_func ("/pulse/core/json-scan/fuzz", test_fuzz);

  return g_test_run ();
}
