/* test-template-lint.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Template lint (unknown variables, missing languages, too long for a
 * messenger, dead links) and the usage tally from contacts.
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-template-lint.h"
#include "pulse-template-usage.h"
#include "pulse-test-util.h"

static PulseTemplate *
make (const char *language,
      const char *channels,
      const char *body)
{
  g_autofree char *json = g_strdup_printf ("{\"id\":\"t-%s\",\"version\":1,\"name\":\"N\","
                                           "\"language\":\"%s\",\"channels\":%s,\"body\":\"%s\"}",
                                           language, language, channels, body);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseTemplate *template = pulse_template_new_from_json (node, &error);

  g_assert_no_error (error);
  return template;
}

static PulseTemplateIssue *
issue_at (GPtrArray *issues,
          guint      index)
{
  g_assert_cmpuint (index, <, issues->len);
  return issues->pdata[index];
}

static void
test_clean (void)
{
  const char *all[] = { "uk", "ru", "es", "kk", "en", NULL };
  g_autoptr(PulseTemplate) template = make ("uk", "[\"email\",\"telegram\"]",
                                            "Сплатіть {{loan.balance}}: {{payment.link}} або "
                                            "https://pay.example.com/{{loan.id}}.");
  g_autoptr(GPtrArray) issues = pulse_template_lint (template, all);

  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_cmpstrv (pulse_template_lint_get_languages (), all);
}

static void
test_unknown_variable_and_languages (void)
{
  const char *family[] = { "uk", "ru", NULL };
  g_autoptr(PulseTemplate) template = make ("uk", "[]", "Борг {{loan.amout}}, {{Bad}}");
  g_autoptr(GPtrArray) issues = pulse_template_lint (template, family);
  g_autoptr(GPtrArray) unchecked = pulse_template_lint (template, NULL);

  /* The body's in order of place, then the three languages missing. */
  g_assert_cmpuint (issues->len, ==, 5);
  g_assert_cmpint (issue_at (issues, 0)->kind, ==, PULSE_TEMPLATE_ISSUE_UNKNOWN_VARIABLE);
  g_assert_cmpstr (issue_at (issues, 0)->subject, ==, "loan.amout");
  g_assert_cmpuint (issue_at (issues, 0)->start, ==, 9);
  g_assert_cmpint (issue_at (issues, 1)->kind, ==, PULSE_TEMPLATE_ISSUE_BAD_NAME);
  for (guint i = 2; i < 5; i++)
    g_assert_cmpint (issue_at (issues, i)->kind, ==, PULSE_TEMPLATE_ISSUE_MISSING_LANGUAGE);
  g_assert_cmpstr (issue_at (issues, 2)->subject, ==, "es");
  g_assert_cmpstr (issue_at (issues, 3)->subject, ==, "kk");
  g_assert_cmpstr (issue_at (issues, 4)->subject, ==, "en");
  g_assert_cmpstr (issue_at (issues, 4)->message, ==, "no version in “en”");
  g_assert_cmpuint (unchecked->len, ==, 2);
}

/* The limit counts characters as sent, with the samples and the
 * disclosure: Cyrillic letters count one each, not two bytes. */
static void
test_too_long_for_messenger (void)
{
  const char *disclosure = "\n\nЦю відповідь надіслано автоматично.";
  glong extra = g_utf8_strlen (disclosure, -1);
  g_autofree char *fits = g_strnfill (PULSE_TEMPLATE_MESSENGER_LIMIT - extra, 'x');
  g_autofree char *over = g_strnfill (PULSE_TEMPLATE_MESSENGER_LIMIT - extra + 1, 'x');
  g_autoptr(PulseTemplate) a = make ("uk", "[\"viber\"]", fits);
  g_autoptr(PulseTemplate) b = make ("uk", "[\"viber\"]", over);
  g_autoptr(PulseTemplate) c = make ("uk", "[\"email\",\"chat\"]", over);
  g_autoptr(PulseTemplate) d = make ("uk", "[]", over);
  g_autoptr(PulseTemplate) e = make ("uk", "[\"whatsapp\"]", "{{payment.link}}");
  g_autoptr(GPtrArray) ia = pulse_template_lint (a, NULL);
  g_autoptr(GPtrArray) ib = pulse_template_lint (b, NULL);
  g_autoptr(GPtrArray) ic = pulse_template_lint (c, NULL);
  g_autoptr(GPtrArray) id = pulse_template_lint (d, NULL);
  g_autoptr(GPtrArray) ie = NULL;
  g_autofree char *long_body = NULL;

  g_assert_cmpint (extra, ==, 37);
  g_assert_cmpuint (ia->len, ==, 0);
  g_assert_cmpuint (ib->len, ==, 1);
  g_assert_cmpint (issue_at (ib, 0)->kind, ==, PULSE_TEMPLATE_ISSUE_TOO_LONG);
  g_assert_cmpuint (issue_at (ib, 0)->detail, ==, 1001);
  g_assert_cmpstr (issue_at (ib, 0)->message, ==,
                   "1001 characters as sent, more than the 1000 a messenger reply should have");
  /* Not for a messenger: no limit. All channels: a messenger among them. */
  g_assert_cmpuint (ic->len, ==, 0);
  g_assert_cmpuint (id->len, ==, 1);

  /* The link sample is 44 characters: 23 copies with the disclosure and
   * 22 spaces are 23 × 44 + 22 + 37 = 1071. */
  long_body = g_strjoinv (" ", (char **) (const char *[]) {
    "{{payment.link}}", "{{payment.link}}", "{{payment.link}}", "{{payment.link}}",
    "{{payment.link}}", "{{payment.link}}", "{{payment.link}}", "{{payment.link}}",
    "{{payment.link}}", "{{payment.link}}", "{{payment.link}}", "{{payment.link}}",
    "{{payment.link}}", "{{payment.link}}", "{{payment.link}}", "{{payment.link}}",
    "{{payment.link}}", "{{payment.link}}", "{{payment.link}}", "{{payment.link}}",
    "{{payment.link}}", "{{payment.link}}", "{{payment.link}}", NULL });
  pulse_template_set_body (e, long_body);
  ie = pulse_template_lint (e, NULL);
  g_assert_cmpuint (ie->len, ==, 1);
  g_assert_cmpuint (issue_at (ie, 0)->detail, ==, 1071);
}

static void
test_dead_links (void)
{
  struct { const char *body; guint fault; const char *subject; } cases[] = {
    { "Pay at http://pay.example.com now", PULSE_TEMPLATE_LINK_INSECURE,
      "http://pay.example.com" },
    { "(HTTP://pay.example.com).", PULSE_TEMPLATE_LINK_INSECURE, "HTTP://pay.example.com" },
    { "See www.example.com.", PULSE_TEMPLATE_LINK_NO_SCHEME, "www.example.com" },
    { "htps://example.com", PULSE_TEMPLATE_LINK_MALFORMED, "htps://example.com" },
    { "https:/example.com", PULSE_TEMPLATE_LINK_MALFORMED, "https:/example.com" },
    { "https//example.com", PULSE_TEMPLATE_LINK_MALFORMED, "https//example.com" },
    { "https://example", PULSE_TEMPLATE_LINK_MALFORMED, "https://example" },
    { "https://pay..example.com/x", PULSE_TEMPLATE_LINK_MALFORMED,
      "https://pay..example.com/x" },
    { "https://-pay.example.com", PULSE_TEMPLATE_LINK_MALFORMED, "https://-pay.example.com" },
    { "https://example.c0m", PULSE_TEMPLATE_LINK_MALFORMED, "https://example.c0m" },
    { "https://", PULSE_TEMPLATE_LINK_MALFORMED, "https://" },
    { "https://example.com:port", PULSE_TEMPLATE_LINK_MALFORMED, "https://example.com:port" },
    { "ftp://files.example.com", PULSE_TEMPLATE_LINK_MALFORMED, "ftp://files.example.com" },
  };
  const char *good[] = {
    "https://pay.example.com/p/1?x=2#y", "https://example.com:8443/", "«https://приклад.укр»",
    "https://{{company.site}}/help", "{{payment.link}}", "mailto:help@example.com",
    "http", "httpbin", "tel:+380671234567", "a://b is prose? no: 'a' is no scheme we know",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) issues = pulse_template_lint_links (cases[i].body);

      g_test_message ("%s", cases[i].body);
      g_assert_cmpuint (issues->len, ==, 1);
      g_assert_cmpint (issue_at (issues, 0)->kind, ==, PULSE_TEMPLATE_ISSUE_DEAD_LINK);
      g_assert_cmpuint (issue_at (issues, 0)->detail, ==, cases[i].fault);
      g_assert_cmpstr (issue_at (issues, 0)->subject, ==, cases[i].subject);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good) - 1; i++)
    {
      g_autoptr(GPtrArray) issues = pulse_template_lint_links (good[i]);

      g_test_message ("%s", good[i]);
      g_assert_cmpuint (issues->len, ==, 0);
    }
}

static void
test_dead_link_place (void)
{
  g_autoptr(PulseTemplate) template = make ("en", "[\"email\"]",
                                            "Hi {{client.first_name}}, pay at "
                                            "http://pay.example.com, or {{nope}}.");
  g_autoptr(GPtrArray) issues = pulse_template_lint (template, NULL);

  g_assert_cmpuint (issues->len, ==, 2);
  g_assert_cmpint (issue_at (issues, 0)->kind, ==, PULSE_TEMPLATE_ISSUE_DEAD_LINK);
  g_assert_cmpuint (issue_at (issues, 0)->start, ==, 33);
  g_assert_cmpuint (issue_at (issues, 0)->end, ==, 55);
  g_assert_cmpstr (issue_at (issues, 0)->message, ==,
                   "the link “http://pay.example.com” uses http://; links to clients must be "
                   "https://");
  g_assert_cmpint (issue_at (issues, 1)->kind, ==, PULSE_TEMPLATE_ISSUE_UNKNOWN_VARIABLE);
}

static PulseTicket *
ticket_with (const char *messages,
             const char *ratings)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"t-1\",\"version\":1,\"queue_id\":\"q\",\"channel\":\"chat\",\"subject\":\"S\","
    "\"customer_id\":\"c\",\"status\":\"resolved\",\"priority\":\"normal\","
    "\"created_at\":\"2026-11-20T09:00:00Z\",\"updated_at\":\"2026-11-20T09:30:00Z\","
    "\"messages\":[%s],\"ratings\":[%s]}", messages, ratings);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseTicket *ticket = pulse_ticket_new_from_json (node, &error);

  g_assert_no_error (error);
  return ticket;
}

#define MSG(id, tpl) \
  "{\"id\":\"" id "\",\"author_kind\":\"agent\",\"author_id\":\"a\"," \
  "\"at\":\"2026-11-20T09:10:00Z\",\"body\":\"x\"" tpl "}"
#define CSAT(score) \
  "{\"kind\":\"csat\",\"score\":" score ",\"at\":\"2026-11-20T10:00:00Z\"}"

static void
test_usage (void)
{
  g_autoptr(GHashTable) usage = pulse_template_usage_new ();
  PulseTicket *tickets[] = {
    /* Two uses of A in one contact count once; rated 5. */
    ticket_with (MSG ("1", ",\"template_id\":\"A\"") "," MSG ("2", ",\"template_id\":\"A\""),
                 CSAT ("5")),
    /* A and B, rated 2, then again 4: the last rating counts. */
    ticket_with (MSG ("1", ",\"template_id\":\"A\"") "," MSG ("2", ",\"template_id\":\"B\""),
                 CSAT ("2") "," CSAT ("4")),
    /* A, not rated. */
    ticket_with (MSG ("1", ",\"template_id\":\"A\""), ""),
    /* B, rated 3. */
    ticket_with (MSG ("1", ",\"template_id\":\"B\""), CSAT ("3")),
    /* No template. */
    ticket_with (MSG ("1", ""), CSAT ("1")),
  };
  PulseTemplateUsage *a, *b;

  for (guint i = 0; i < G_N_ELEMENTS (tickets); i++)
    {
      pulse_template_usage_add_ticket (usage, tickets[i]);
      g_object_unref (tickets[i]);
    }

  g_assert_cmpuint (g_hash_table_size (usage), ==, 2);
  a = g_hash_table_lookup (usage, "A");
  b = g_hash_table_lookup (usage, "B");
  g_assert_cmpuint (a->contacts, ==, 3);
  g_assert_cmpuint (a->rated, ==, 2);
  g_assert_cmpuint (a->satisfied, ==, 2);
  g_assert_cmpfloat_with_epsilon (pulse_template_usage_get_csat (a), 1.0, 1e-9);
  g_assert_cmpuint (b->contacts, ==, 2);
  g_assert_cmpuint (b->rated, ==, 2);
  g_assert_cmpuint (b->satisfied, ==, 1);
  g_assert_cmpfloat_with_epsilon (pulse_template_usage_get_csat (b), 0.5, 1e-9);
  g_assert_cmpfloat (pulse_template_usage_get_csat (&(PulseTemplateUsage) { 4, 0, 0 }), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/template-lint/clean", test_clean);
  g_test_add_func ("/pulse/core/template-lint/unknown-variable-and-languages",
                   test_unknown_variable_and_languages);
  g_test_add_func ("/pulse/core/template-lint/too-long-for-messenger",
                   test_too_long_for_messenger);
  g_test_add_func ("/pulse/core/template-lint/dead-links", test_dead_links);
  g_test_add_func ("/pulse/core/template-lint/dead-link-place", test_dead_link_place);
  g_test_add_func ("/pulse/core/template-lint/usage", test_usage);

  return g_test_run ();
}
