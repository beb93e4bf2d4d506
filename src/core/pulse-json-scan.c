/* pulse-json-scan.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast path of pulse_json_parse(): a single pass over the text that
 * builds the same sealed tree as json-glib's parser, for the JSON the
 * protocol and the cache actually carry. json-glib's scanner costs more
 * than the tree it builds (a GScanner token per character class, a
 * signal per member), and every event and cache row goes through it.
 *
 * It does not try to be a whole parser. It takes a strict subset (an
 * object or array at the root; strings without \u escapes, raw control
 * characters or invalid UTF-8; numbers as -?(0|[1-9][0-9]{0,17})
 * (.[0-9]+)?; true, false, null; no duplicate member; nesting up to the
 * limit) and declines everything else, well-formed or not, by returning
 * %NULL: the caller then hands the text to json-glib, so an unusual
 * document is parsed exactly as before and a malformed one gets exactly
 * json-glib's error. Within the subset the trees are the same: objects
 * keep their member order, integers are gint64, fractions doubles read
 * by g_ascii_strtod() as json-glib's scanner reads them
 * (test-json-scan.c compares both on the simulator's events).
 */

#include "config.h"

#include <string.h>

#include "pulse-json-private.h"

/* An integer json-glib reads exactly: 18 digits always fit a gint64. */
#define MAX_INT_DIGITS 18

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
  GString    *scratch;  /* a string's text, NUL-terminated */
} Scan;

static JsonNode *scan_value (Scan *s);

static inline void
skip_space (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

static inline gboolean
eat (Scan *s,
     char  c)
{
  skip_space (s);
  if (s->p < s->end && *s->p == c)
    {
      s->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
append_escape (Scan *s)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const char *at;

  if (s->p >= s->end || *s->p == '\0' || (at = strchr (from, *s->p)) == NULL)
    return FALSE;  /* \u and anything unknown: json-glib decides */

  g_string_append_c (s->scratch, to[at - from]);
  s->p++;
  return TRUE;
}

/* The string at s->p (after its opening quote) into s->scratch. */
static gboolean
scan_string (Scan *s)
{
  gboolean ascii = TRUE;

  g_string_truncate (s->scratch, 0);
  while (s->p < s->end)
    {
      const char *run = s->p;
      guchar c;

      while (s->p < s->end && (c = (guchar) *s->p) >= 0x20 && c != '"' && c != '\\')
        {
          ascii &= c < 0x80;
          s->p++;
        }
      g_string_append_len (s->scratch, run, s->p - run);
      if (s->p >= s->end || (guchar) *s->p < 0x20)
        return FALSE;
      if (*s->p++ == '"')
        return ascii || g_utf8_validate_len (s->scratch->str, s->scratch->len, NULL);
      if (!append_escape (s))
        return FALSE;
    }
  return FALSE;
}

static JsonNode *
scan_number (Scan *s)
{
  const char *start = s->p;
  gboolean negative = s->p < s->end && *s->p == '-';
  guint64 value = 0;
  guint digits = 0;
  char text[64];

  s->p += negative;
  if (s->p < s->end && *s->p == '0' && s->p + 1 < s->end && g_ascii_isdigit (s->p[1]))
    return NULL;  /* a leading zero */
  for (; s->p < s->end && g_ascii_isdigit (*s->p); s->p++, digits++)
    value = value * 10 + (guint64) (*s->p - '0');
  if (digits == 0 || digits > MAX_INT_DIGITS)
    return NULL;
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    return NULL;
  if (s->p >= s->end || *s->p != '.')
    return json_node_init_int (json_node_alloc (), negative ? -(gint64) value : (gint64) value);

  for (s->p++, digits = 0; s->p < s->end && g_ascii_isdigit (*s->p); s->p++)
    digits++;
  if (digits == 0 || (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) ||
      (gsize) (s->p - start) >= sizeof text)
    return NULL;

  memcpy (text, start, s->p - start);
  text[s->p - start] = '\0';
  return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
}

static gboolean
eat_word (Scan       *s,
          const char *word,
          gsize       length)
{
  if ((gsize) (s->end - s->p) < length || memcmp (s->p, word, length) != 0)
    return FALSE;

  s->p += length;
  /* "nullx" or "true1": not ours to judge. */
  return s->p >= s->end || !g_ascii_isalnum (*s->p);
}

static JsonNode *
scan_object (Scan *s)
{
  g_autoptr(JsonObject) object = json_object_new ();
  guint n = 0;

  if (eat (s, '}'))
    return json_node_init_object (json_node_alloc (), object);

  do
    {
      g_autofree char *name = NULL;
      JsonNode *value;

      if (!eat (s, '"') || !scan_string (s))
        return NULL;
      name = g_strndup (s->scratch->str, s->scratch->len);
      if (!eat (s, ':') || (value = scan_value (s)) == NULL)
        return NULL;
      json_object_set_member (object, name, value);
      n++;
    }
  while (eat (s, ','));

  /* A repeated member: json-glib's rule for it, not ours. */
  if (!eat (s, '}') || json_object_get_size (object) != n)
    return NULL;

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
scan_array (Scan *s)
{
  g_autoptr(JsonArray) array = json_array_new ();

  if (eat (s, ']'))
    return json_node_init_array (json_node_alloc (), array);

  do
    {
      JsonNode *value = scan_value (s);

      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
    }
  while (eat (s, ','));

  if (!eat (s, ']'))
    return NULL;

  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
scan_nested (Scan *s,
             char  open)
{
  JsonNode *node;

  if (++s->depth > PULSE_JSON_MAX_DEPTH)
    return NULL;

  node = open == '{' ? scan_object (s) : scan_array (s);
  s->depth--;
  return node;
}

static JsonNode *
scan_value (Scan *s)
{
  skip_space (s);
  if (s->p >= s->end)
    return NULL;

  switch (*s->p)
    {
    case '{':
    case '[':
      return scan_nested (s, *s->p++);
    case '"':
      s->p++;
      if (!scan_string (s))
        return NULL;
      return json_node_init_string (json_node_alloc (), s->scratch->str);
    case 't':
      return eat_word (s, "true", 4) ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return eat_word (s, "false", 5) ? json_node_init_boolean (json_node_alloc (), FALSE)
                                      : NULL;
    case 'n':
      return eat_word (s, "null", 4) ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return scan_number (s);
    }
}

/**
 * _pulse_json_scan:
 * @text: the document
 * @length: its length in bytes
 *
 * Parses @text if it is in the subset this file reads (see above).
 *
 * Returns: (transfer full) (nullable): the sealed root, as json-glib's
 *   immutable parser would build it; %NULL if @text is outside the
 *   subset (malformed or merely unusual), for json-glib to parse.
 */
JsonNode *
_pulse_json_scan (const char *text,
                  gsize       length)
{
  g_autoptr(GString) scratch = g_string_sized_new (256);
  Scan s = { text, text + length, 0, scratch };
  JsonNode *root;

  skip_space (&s);
  if (s.p >= s.end || (*s.p != '{' && *s.p != '['))
    return NULL;

  root = scan_value (&s);
  skip_space (&s);
  if (root == NULL || s.p != s.end)
    {
      g_clear_pointer (&root, json_node_unref);
      return NULL;
    }

  json_node_seal (root);
  return root;
}
