/* pulse-template-lint.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a lead should fix in a template before clients see it: unknown
 * or malformed variables, a language version missing from its family,
 * a reply too long for a messenger, and links that will not open.
 */

#include "config.h"

#include <string.h>

#include "pulse-channel-set.h"
#include "pulse-template-lint.h"
#include "pulse-template-render.h"

/* Every family of templates should answer in these. */
static const char * const languages[] = { "uk", "ru", "es", "kk", "en", NULL };

#define MESSENGERS (PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_TELEGRAM) | \
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_VIBER) | \
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_WHATSAPP))

/**
 * pulse_template_lint_get_languages:
 *
 * Returns: (transfer none): the languages a template family should have
 *   a version in: uk, ru, es, kk, en.
 */
const char * const *
pulse_template_lint_get_languages (void)
{
  return languages;
}

static gboolean
is_host_label (const char *label)
{
  gsize n = strlen (label);

  if (n == 0 || label[0] == '-' || label[n - 1] == '-')
    return FALSE;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '-' && !g_unichar_isalnum (c))
        return FALSE;
    }

  return TRUE;
}

/* A host that can exist: labels joined by dots, a top level of letters,
 * an optional port. A variable in it (`{{company.site}}`) is trusted. */
static gboolean
is_host (const char *start,
         gsize       len)
{
  g_autofree char *host = g_strndup (start, len);
  g_auto(GStrv) labels = NULL;
  char *port = strrchr (host, ':');
  guint n;

  if (strstr (host, "{{") != NULL)
    return TRUE;
  if (port != NULL)
    {
      *port++ = '\0';
      if (*port == '\0' || strspn (port, "0123456789") != strlen (port))
        return FALSE;
    }

  labels = g_strsplit (host, ".", -1);
  n = g_strv_length (labels);
  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!is_host_label (labels[i]))
      return FALSE;
  for (const char *p = labels[n - 1]; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)))
      return FALSE;

  return g_utf8_strlen (labels[n - 1], -1) >= 2;
}

/* 0 when @token (no spaces, no trailing punctuation) is a good link or
 * not a link at all. */
static PulseTemplateLinkFault
link_fault (const char *token)
{
  const char *sep = strstr (token, "://");
  const char *host;

  if (g_ascii_strncasecmp (token, "www.", 4) == 0)
    return PULSE_TEMPLATE_LINK_NO_SCHEME;
  if (sep == NULL)
    return g_ascii_strncasecmp (token, "http", 4) == 0 && strchr (token, '/') != NULL
           ? PULSE_TEMPLATE_LINK_MALFORMED : 0;
  if (sep - token == 4 && g_ascii_strncasecmp (token, "http", 4) == 0)
    return PULSE_TEMPLATE_LINK_INSECURE;
  if (sep - token != 5 || g_ascii_strncasecmp (token, "https", 5) != 0)
    return PULSE_TEMPLATE_LINK_MALFORMED;

  host = sep + 3;
  return is_host (host, strcspn (host, "/?#")) ? 0 : PULSE_TEMPLATE_LINK_MALFORMED;
}

static const char *
fault_message (PulseTemplateLinkFault fault)
{
  switch (fault)
    {
    case PULSE_TEMPLATE_LINK_INSECURE:
      return "uses http://; links to clients must be https://";
    case PULSE_TEMPLATE_LINK_NO_SCHEME:
      return "has no https:// in front, so messengers may not open it";
    case PULSE_TEMPLATE_LINK_MALFORMED:
    default:
      return "is not a well-formed https:// link";
    }
}

/* Quotes and brackets around a link, and the full stop after it, in any
 * script («…», „…“); a slash or a variable's brace may end a link. */
static gboolean
is_edge_punctuation (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return c != '/' && c != '}' && c != '#' && g_unichar_ispunct (c);
}

static void
check_token (const char *body,
             const char *start,
             const char *end,
             GPtrArray  *issues)
{
  g_autofree char *token = NULL;
  PulseTemplateLinkFault fault;
  const char *prev;

  while (start < end && is_edge_punctuation (start))
    start = g_utf8_next_char (start);
  /* Bounded by @start: in invalid UTF-8 the previous character may begin
   * before it, or before the body itself. */
  while (end > start && (prev = g_utf8_find_prev_char (start, end)) != NULL &&
         is_edge_punctuation (prev))
    end = prev;
  /* A truncated sequence can also step @start past @end. */
  if (start >= end)
    return;

  token = g_strndup (start, end - start);
  fault = link_fault (token);
  if (fault != 0)
    g_ptr_array_add (issues,
                     pulse_template_issue_new (PULSE_TEMPLATE_ISSUE_DEAD_LINK, start - body,
                                               end - body, token, fault, "the link “%s” %s",
                                               token, fault_message (fault)));
}

/**
 * pulse_template_lint_links:
 * @body: a template's body
 *
 * Finds the links of @body that will not open, or not safely: `http://`,
 * `www.` without a scheme, a misspelt scheme (`htps://`, `https:/`) or a
 * host that cannot exist. Links are the words that look like one;
 * punctuation around a word is not part of it, and a variable in the
 * host (`https://{{company.site}}`) is taken on trust.
 *
 * Returns: (transfer full) (element-type PulseTemplateIssue): a
 *   %PULSE_TEMPLATE_ISSUE_DEAD_LINK for each, in order.
 */
GPtrArray *
pulse_template_lint_links (const char *body)
{
  GPtrArray *issues = pulse_template_issues_new ();
  const char *p = body;

  g_return_val_if_fail (body != NULL, issues);

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      if (p > start)
        check_token (body, start, p, issues);
    }

  return issues;
}

/* g_ptr_array_sort() is stable: at one place, parse issues come first. */
static int
by_place (gconstpointer a,
          gconstpointer b)
{
  const PulseTemplateIssue *x = *(PulseTemplateIssue **) a;
  const PulseTemplateIssue *y = *(PulseTemplateIssue **) b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static void
lint_length (PulseTemplate *self,
             GPtrArray     *issues)
{
  g_autofree char *text = NULL;
  guint channels = pulse_template_get_channels (self);
  glong length;

  if (channels != 0 && (channels & MESSENGERS) == 0)
    return;

  text = pulse_template_render (self, NULL, NULL);
  length = g_utf8_strlen (text, -1);
  if (length > PULSE_TEMPLATE_MESSENGER_LIMIT)
    g_ptr_array_add (issues,
                     pulse_template_issue_new (PULSE_TEMPLATE_ISSUE_TOO_LONG, 0, 0, NULL, length,
                                               "%ld characters as sent, more than the %d a "
                                               "messenger reply should have",
                                               length, PULSE_TEMPLATE_MESSENGER_LIMIT));
}

static void
lint_languages (const char * const *family_languages,
                GPtrArray          *issues)
{
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_strv_contains (family_languages, languages[i]))
        continue;

      g_ptr_array_add (issues,
                       pulse_template_issue_new (PULSE_TEMPLATE_ISSUE_MISSING_LANGUAGE, 0, 0,
                                                 languages[i], 0, "no version in “%s”",
                                                 languages[i]));
    }
}

/**
 * pulse_template_lint:
 * @family_languages: (nullable) (array zero-terminated=1): the languages
 *   of every version in @self's family, @self's included; %NULL not to
 *   check them
 *
 * Checks @self: what pulse_template_parse() finds (unclosed braces, bad
 * names, unknown variables), dead links (pulse_template_lint_links()),
 * a reply longer than %PULSE_TEMPLATE_MESSENGER_LIMIT characters as sent
 * with the samples when a messenger may send it (its channels name
 * Telegram, Viber or WhatsApp, or none), and each language of
 * pulse_template_lint_get_languages() the family has no version in.
 *
 * Returns: (transfer full) (element-type PulseTemplateIssue): the
 *   issues: the body's in order of place, then length, then languages.
 */
GPtrArray *
pulse_template_lint (PulseTemplate      *self,
                     const char * const *family_languages)
{
  GPtrArray *issues = pulse_template_issues_new ();
  g_autoptr(GPtrArray) placeholders = NULL;
  g_autoptr(GPtrArray) links = NULL;
  const char *body;

  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), issues);

  body = pulse_template_get_body (self) != NULL ? pulse_template_get_body (self) : "";
  placeholders = pulse_template_parse (body, issues);
  links = pulse_template_lint_links (body);
  g_ptr_array_extend_and_steal (issues, g_steal_pointer (&links));
  g_ptr_array_sort (issues, by_place);
  lint_length (self, issues);
  if (family_languages != NULL)
    lint_languages (family_languages, issues);

  return issues;
}
