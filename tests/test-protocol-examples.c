/* test-protocol-examples.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs every ```http example of docs/protocol.md, in order, against one
 * fresh in-process server, so the specification cannot drift from the
 * code. An example is a request, a line "--", then the expected status,
 * expected headers and an expected JSON body:
 *
 *   - "Bearer {lead}" stands for the token of that role;
 *   - an expected object lists the members checked (others may be there);
 *   - an expected array must have the same length, element by element;
 *   - the string "…" matches any value.
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

typedef struct
{
  guint      line;
  char      *method;
  char      *path;
  GPtrArray *headers;          /* name, value, name, value … */
  char      *body;
  guint      status;
  GPtrArray *expected_headers; /* name, value … */
  char      *expected_body;
} Example;

static void
example_free (Example *example)
{
  g_free (example->method);
  g_free (example->path);
  g_ptr_array_unref (example->headers);
  g_free (example->body);
  g_ptr_array_unref (example->expected_headers);
  g_free (example->expected_body);
  g_free (example);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Example, example_free)

static gboolean
split_header (const char  *line,
              GPtrArray   *into)
{
  const char *colon = strchr (line, ':');

  if (colon == NULL || line[0] == '{' || line[0] == '[')
    return FALSE;

  g_ptr_array_add (into, g_strndup (line, colon - line));
  g_ptr_array_add (into, g_strstrip (g_strdup (colon + 1)));
  return TRUE;
}

static char *
join_rest (char  **lines,
           guint   from,
           guint   to)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      g_string_append (text, lines[i]);
      g_string_append_c (text, '\n');
    }

  g_strstrip (text->str);
  return text->str[0] != '\0' ? g_strdup (text->str) : NULL;
}

/* One block's lines, without the fences. */
static Example *
parse_example (char  **lines,
               guint   n_lines,
               guint   first_line)
{
  g_autoptr(Example) example = g_new0 (Example, 1);
  g_auto(GStrv) request = g_strsplit (lines[0], " ", 2);
  guint i = 1;
  guint separator;

  example->line = first_line;
  example->headers = g_ptr_array_new_with_free_func (g_free);
  example->expected_headers = g_ptr_array_new_with_free_func (g_free);
  g_assert_nonnull (request[1]);
  example->method = g_strdup (request[0]);
  example->path = g_strdup (request[1]);

  for (; i < n_lines && lines[i][0] != '\0' && !g_str_equal (lines[i], "--"); i++)
    g_assert_true (split_header (lines[i], example->headers));

  for (separator = i; separator < n_lines && !g_str_equal (lines[separator], "--"); separator++)
    ;
  g_assert_cmpuint (separator, <, n_lines - 1);
  example->body = join_rest (lines, i, separator);

  i = separator + 1;
  example->status = atoi (lines[i++]);
  for (; i < n_lines && split_header (lines[i], example->expected_headers); i++)
    ;
  example->expected_body = join_rest (lines, i, n_lines);

  return g_steal_pointer (&example);
}

static GPtrArray *
read_examples (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "protocol.md", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *examples = g_ptr_array_new_with_free_func ((GDestroyNotify) example_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint end;

      if (!g_str_equal (lines[i], "```http"))
        continue;

      for (end = i + 1; lines[end] != NULL && !g_str_equal (lines[end], "```"); end++)
        ;
      g_assert_nonnull (lines[end]);
      g_ptr_array_add (examples, parse_example (lines + i + 1, end - i - 1, i + 2));
      i = end;
    }

  return examples;
}

static gboolean matches (JsonNode *expected, JsonNode *actual, GString *where);

static gboolean
object_matches (JsonObject *expected,
                JsonObject *actual,
                GString    *where)
{
  g_autoptr(GList) members = json_object_get_members (expected);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (actual, l->data);
      gsize length = where->len;

      g_string_append_printf (where, ".%s", (const char *) l->data);
      if (value == NULL || !matches (json_object_get_member (expected, l->data), value, where))
        return FALSE;
      g_string_truncate (where, length);
    }

  return TRUE;
}

static gboolean
array_matches (JsonArray *expected,
               JsonArray *actual,
               GString   *where)
{
  if (json_array_get_length (expected) != json_array_get_length (actual))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      gsize length = where->len;

      g_string_append_printf (where, "[%u]", i);
      if (!matches (json_array_get_element (expected, i), json_array_get_element (actual, i),
                    where))
        return FALSE;
      g_string_truncate (where, length);
    }

  return TRUE;
}

static gboolean
matches (JsonNode *expected,
         JsonNode *actual,
         GString  *where)
{
  if (JSON_NODE_HOLDS_VALUE (expected) && json_node_get_value_type (expected) == G_TYPE_STRING &&
      g_str_equal (json_node_get_string (expected), "…"))
    return TRUE;

  if (JSON_NODE_HOLDS_OBJECT (expected))
    return JSON_NODE_HOLDS_OBJECT (actual) &&
           object_matches (json_node_get_object (expected), json_node_get_object (actual), where);

  if (JSON_NODE_HOLDS_ARRAY (expected))
    return JSON_NODE_HOLDS_ARRAY (actual) &&
           array_matches (json_node_get_array (expected), json_node_get_array (actual), where);

  return json_node_equal (expected, actual);
}

/* "Bearer {lead}" → the lead's token. */
static char *
expand_token (PulseTestServer *ts,
              const char      *value)
{
  int role;
  g_autofree char *nick = NULL;

  if (!g_str_has_prefix (value, "Bearer {") || !g_str_has_suffix (value, "}"))
    return g_strdup (value);

  nick = g_strndup (value + 8, strlen (value) - 9);
  g_assert_true (pulse_enum_from_nick (PULSE_TYPE_ROLE, nick, &role));
  return g_strconcat ("Bearer ", pulse_test_server_get_token (ts, role), NULL);
}

static void
run_example (PulseTestServer *ts,
             Example         *example)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(PulseTestResponse) response = NULL;
  g_autoptr(GString) where = g_string_new ("body");

  g_test_message ("docs/protocol.md:%u: %s %s", example->line, example->method, example->path);
  for (guint i = 0; i < example->headers->len; i += 2)
    {
      g_ptr_array_add (headers, g_strdup (example->headers->pdata[i]));
      g_ptr_array_add (headers, expand_token (ts, example->headers->pdata[i + 1]));
    }
  g_ptr_array_add (headers, NULL);

  if (example->body != NULL)
    body = g_bytes_new (example->body, strlen (example->body));

  response = pulse_test_server_request_raw (ts, example->method, example->path, NULL, body,
                                            (const char * const *) headers->pdata);
  g_assert_cmpuint (response->status, ==, example->status);

  for (guint i = 0; i < example->expected_headers->len; i += 2)
    g_assert_cmpstr (soup_message_headers_get_one (response->headers,
                                                   example->expected_headers->pdata[i]),
                     ==, example->expected_headers->pdata[i + 1]);

  if (example->expected_body != NULL)
    {
      g_autoptr(JsonNode) expected = pulse_test_parse (example->expected_body);

      if (!matches (expected, response->body, where))
        {
          g_autofree char *actual = pulse_json_to_string (response->body);

          g_test_message ("actual: %s", actual);
          g_test_fail_printf ("docs/protocol.md:%u: %s differs", example->line, where->str);
        }
    }
}

static void
test_examples (void)
{
  g_autoptr(GPtrArray) examples = read_examples ();
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();

  /* The document shows many; an empty list means the parser broke. */
  g_assert_cmpuint (examples->len, >=, 8);
  for (guint i = 0; i < examples->len; i++)
    run_example (ts, examples->pdata[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/protocol-examples/all", test_examples);

  return g_test_run ();
}
