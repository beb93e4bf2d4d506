/* test-template-render.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Template variables: the documented list, parsing `{{…}}` with its
 * errors, and rendering with sample or real data in each language.
 */

#include "config.h"

#include "pulse-template-format.h"
#include "pulse-template-render.h"
#include "pulse-template-vars.h"
#include "pulse-test-util.h"

static void
test_vars_sorted_and_valid (void)
{
  guint n = 0;
  const PulseTemplateVar *vars = pulse_template_vars_get_all (&n);

  g_assert_cmpuint (n, >=, 20);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (pulse_template_is_valid_variable_name (vars[i].name));
      g_assert_true (pulse_template_vars_lookup (vars[i].name) == &vars[i]);
      g_assert_nonnull (vars[i].sample);
      g_assert_nonnull (vars[i].description);
      if (i > 0)
        g_assert_cmpstr (vars[i - 1].name, <, vars[i].name);
    }

  g_assert_cmpint (pulse_template_vars_lookup ("loan.amount")->type, ==,
                   PULSE_TEMPLATE_VAR_MONEY);
  g_assert_cmpint (pulse_template_vars_lookup ("loan.due_date")->type, ==,
                   PULSE_TEMPLATE_VAR_DATE);
  g_assert_cmpint (pulse_template_vars_lookup ("payment.link")->type, ==,
                   PULSE_TEMPLATE_VAR_URL);
  g_assert_null (pulse_template_vars_lookup ("loan.amout"));
  g_assert_null (pulse_template_vars_lookup ("loan"));
  g_assert_null (pulse_template_vars_lookup (""));
  g_assert_null (pulse_template_vars_lookup (NULL));
  g_assert_cmpstr (pulse_template_var_type_to_string (PULSE_TEMPLATE_VAR_MONEY), ==, "money");
}

/* Every documented variable is in docs/templates.md, as `{{name}}`. */
static void
test_vars_documented (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "templates.md",
                                                 NULL);
  g_autofree char *doc = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  const PulseTemplateVar *vars = pulse_template_vars_get_all (&n);

  g_file_get_contents (path, &doc, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *needle = g_strdup_printf ("`{{%s}}`", vars[i].name);

      if (strstr (doc, needle) == NULL)
        g_error ("docs/templates.md does not list %s", needle);
    }
}

static void
test_samples_by_script (void)
{
  const PulseTemplateVar *name = pulse_template_vars_lookup ("client.first_name");
  const PulseTemplateVar *id = pulse_template_vars_lookup ("loan.id");

  g_assert_cmpstr (pulse_template_var_get_sample (name, "uk"), ==, "Олена");
  g_assert_cmpstr (pulse_template_var_get_sample (name, "ru-RU"), ==, "Олена");
  g_assert_cmpstr (pulse_template_var_get_sample (name, "kk"), ==, "Олена");
  g_assert_cmpstr (pulse_template_var_get_sample (name, "es"), ==, "Olena");
  g_assert_cmpstr (pulse_template_var_get_sample (name, "en"), ==, "Olena");
  g_assert_cmpstr (pulse_template_var_get_sample (name, NULL), ==, "Olena");
  g_assert_cmpstr (pulse_template_var_get_sample (id, "uk"), ==, "L-2026-004512");
}

static void
assert_format (PulseTemplateVarType  type,
               const char           *value,
               const char           *language,
               const char           *expected)
{
  g_autofree char *shown = pulse_template_format_value (type, value, language);

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_format_money_and_numbers (void)
{
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "12500.00 UAH", "uk", "12\u00a0500,00\u00a0UAH");
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "12500.00 UAH", "ru", "12\u00a0500,00\u00a0UAH");
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "12500.00 EUR", "es", "12.500,00\u00a0EUR");
  /* Spanish groups four digits only from five. */
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "1500.50 EUR", "es", "1500,50\u00a0EUR");
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "1500.50 UAH", "uk", "1\u00a0500,50\u00a0UAH");
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "1234567.8 KZT", "en", "1,234,567.8\u00a0KZT");
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "999 USD", "en", "999\u00a0USD");
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "-250.00 UAH", "uk", "-250,00\u00a0UAH");
  /* A language without rules of its own reads as English. */
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "1000.00 PLN", "pl", "1,000.00\u00a0PLN");
  assert_format (PULSE_TEMPLATE_VAR_NUMBER, "1000000", "kk", "1\u00a0000\u00a0000");
  assert_format (PULSE_TEMPLATE_VAR_NUMBER, "3", "uk", "3");
  /* Not of the type: the caller shows the value as given. */
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "12500", "uk", NULL);
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "12,500.00 UAH", "uk", NULL);
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "12500.00 uah", "uk", NULL);
  assert_format (PULSE_TEMPLATE_VAR_MONEY, "12500.00 UAH extra", "uk", NULL);
  assert_format (PULSE_TEMPLATE_VAR_MONEY, ".5 UAH", "uk", NULL);
  assert_format (PULSE_TEMPLATE_VAR_NUMBER, "2.5", "uk", NULL);
  assert_format (PULSE_TEMPLATE_VAR_NUMBER, "three", "en", NULL);
  assert_format (PULSE_TEMPLATE_VAR_TEXT, "12500", "uk", "12500");
}

static void
test_format_dates (void)
{
  assert_format (PULSE_TEMPLATE_VAR_DATE, "2026-12-15", "uk", "15 грудня 2026");
  assert_format (PULSE_TEMPLATE_VAR_DATE, "2026-03-01", "ru", "1 марта 2026");
  assert_format (PULSE_TEMPLATE_VAR_DATE, "2026-12-15", "kk", "2026 ж. 15 желтоқсан");
  assert_format (PULSE_TEMPLATE_VAR_DATE, "2026-12-15", "es", "15 de diciembre de 2026");
  assert_format (PULSE_TEMPLATE_VAR_DATE, "2026-05-09", "en", "9 May 2026");
  assert_format (PULSE_TEMPLATE_VAR_DATE, "2028-02-29", "en", "29 February 2028");
  assert_format (PULSE_TEMPLATE_VAR_DATE, "2026-02-29", "en", NULL);
  assert_format (PULSE_TEMPLATE_VAR_DATE, "2026-13-01", "en", NULL);
  assert_format (PULSE_TEMPLATE_VAR_DATE, "15.12.2026", "uk", NULL);
  assert_format (PULSE_TEMPLATE_VAR_DATE, "2026-12-1", "uk", NULL);
}

static void
test_parse_placeholders (void)
{
  const char *body = "Hi {{client.first_name}}, loan {{ loan.id }}: {x} {{ticket.id}}";
  g_autoptr(GPtrArray) issues = pulse_template_issues_new ();
  g_autoptr(GPtrArray) found = pulse_template_parse (body, issues);
  PulseTemplatePlaceholder *p;

  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_cmpuint (found->len, ==, 3);
  p = found->pdata[0];
  g_assert_cmpstr (p->name, ==, "client.first_name");
  g_assert_cmpuint (p->start, ==, 3);
  g_assert_cmpuint (p->end, ==, 24);
  p = found->pdata[1];
  g_assert_cmpstr (p->name, ==, "loan.id");
  g_assert_cmpuint (p->start, ==, 31);
  g_assert_cmpuint (p->end, ==, 44);
  p = found->pdata[2];
  g_assert_cmpstr (p->name, ==, "ticket.id");
}

static void
assert_issue (GPtrArray              *issues,
              guint                   index,
              PulseTemplateIssueKind  kind,
              guint                   start,
              guint                   end,
              const char             *subject,
              const char             *message)
{
  PulseTemplateIssue *issue;

  g_assert_cmpuint (index, <, issues->len);
  issue = issues->pdata[index];
  g_assert_cmpint (issue->kind, ==, kind);
  g_assert_cmpuint (issue->start, ==, start);
  g_assert_cmpuint (issue->end, ==, end);
  g_assert_cmpstr (issue->subject, ==, subject);
  g_assert_cmpstr (issue->message, ==, message);
}

static void
test_parse_errors (void)
{
  /* Ї is two bytes: the message counts characters, the range bytes. */
  const char *body = "Ї {{client.first_name {{loan.amout}} {{First Name}} {{}} {{loan.id";
  g_autoptr(GPtrArray) issues = pulse_template_issues_new ();
  g_autoptr(GPtrArray) found = pulse_template_parse (body, issues);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((PulseTemplatePlaceholder *) found->pdata[0])->name, ==, "loan.amout");
  g_assert_cmpuint (issues->len, ==, 5);
  assert_issue (issues, 0, PULSE_TEMPLATE_ISSUE_UNCLOSED, 3, 5, NULL,
                "“{{” at character 3 is never closed with “}}”");
  assert_issue (issues, 1, PULSE_TEMPLATE_ISSUE_UNKNOWN_VARIABLE, 23, 37, "loan.amout",
                "{{loan.amout}} is not a documented variable");
  assert_issue (issues, 2, PULSE_TEMPLATE_ISSUE_BAD_NAME, 38, 52, "First Name",
                "“First Name” is not a variable name: use lower-case words joined by dots, "
                "as in client.first_name");
  assert_issue (issues, 3, PULSE_TEMPLATE_ISSUE_BAD_NAME, 53, 57, "",
                "“” is not a variable name: use lower-case words joined by dots, "
                "as in client.first_name");
  assert_issue (issues, 4, PULSE_TEMPLATE_ISSUE_UNCLOSED, 58, 60, NULL,
                "“{{” at character 58 is never closed with “}}”");
}

static void
test_parse_odd_input (void)
{
  g_autoptr(GPtrArray) issues = pulse_template_issues_new ();
  g_autoptr(GPtrArray) none = pulse_template_parse ("", issues);
  g_autoptr(GPtrArray) stray = pulse_template_parse ("}} a } b { c }}", issues);
  g_autoptr(GPtrArray) triple = NULL;

  g_assert_cmpuint (none->len + stray->len + issues->len, ==, 0);
  triple = pulse_template_parse ("{{{loan.id}}}", issues);
  g_assert_cmpuint (triple->len, ==, 0);
  assert_issue (issues, 0, PULSE_TEMPLATE_ISSUE_BAD_NAME, 0, 12, "{loan.id",
                "“{loan.id” is not a variable name: use lower-case words joined by dots, "
                "as in client.first_name");
}

static void
test_used_names (void)
{
  g_auto(GStrv) names = pulse_template_dup_used_names (
    "{{loan.id}} {{client.first_name}} {{loan.id}} {{Bad}} {{x.y}} {{");

  g_assert_cmpstrv (names, ((const char *[]) { "loan.id", "client.first_name", "x.y", NULL }));
}

static void
test_render_samples (void)
{
  const char *body = "Добрий день, {{client.first_name}}! До {{loan.due_date}} сплатіть "
                     "{{loan.balance}} за договором {{ loan.id }}.";
  g_autofree char *uk = pulse_template_render_body (body, "uk", NULL, NULL);
  g_autofree char *en = pulse_template_render_body ("Hi {{client.first_name}}, pay "
                                                    "{{payment.amount}} by {{loan.due_date}}.",
                                                    "en", NULL, NULL);

  g_assert_cmpstr (uk, ==, "Добрий день, Олена! До 15 грудня 2026 сплатіть 8\u00a0340,50\u00a0UAH "
                           "за договором L-2026-004512.");
  g_assert_cmpstr (en, ==, "Hi Olena, pay 1,500.00\u00a0UAH by 15 December 2026.");
}

static void
test_render_keeps_what_it_cannot_fill (void)
{
  g_autoptr(GPtrArray) issues = pulse_template_issues_new ();
  g_autofree char *text = pulse_template_render_body ("{{loan.amout}} {{Bad}} {{loan.id} x",
                                                      "en", NULL, issues);

  g_assert_cmpstr (text, ==, "{{loan.amout}} {{Bad}} {{loan.id} x");
  g_assert_cmpuint (issues->len, ==, 3);
}

static void
test_render_real_values (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) issues = pulse_template_issues_new ();
  g_autofree char *text = NULL;
  const char *pairs[] = { "client.first_name", "Carmen", "loan.amount", "25000.00 EUR",
                          "payment.date", "not a date", "custom.code", "X-1" };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i += 2)
    g_hash_table_insert (values, g_strdup (pairs[i]), g_strdup (pairs[i + 1]));
  text = pulse_template_render_body ("{{client.first_name}}: {{loan.amount}}, {{payment.date}}, "
                                     "{{custom.code}}, {{loan.id}}", "es", values, issues);

  /* A value that is not of its type is shown as given; a variable the
   * data lacks stays, and is reported. */
  g_assert_cmpstr (text, ==, "Carmen: 25.000,00\u00a0EUR, not a date, X-1, {{loan.id}}");
  g_assert_cmpuint (issues->len, ==, 2);
  assert_issue (issues, 0, PULSE_TEMPLATE_ISSUE_UNKNOWN_VARIABLE, 58, 73, "custom.code",
                "{{custom.code}} is not a documented variable");
  assert_issue (issues, 1, PULSE_TEMPLATE_ISSUE_MISSING_VALUE, 75, 86, "loan.id",
                "no value for {{loan.id}}");
}

static void
test_render_with_disclosure (void)
{
  g_autoptr(PulseTemplate) template = pulse_template_new ("t");
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;

  pulse_template_set_language (template, "uk");
  pulse_template_set_body (template, "Ваш договір {{loan.id}}.");
  with = pulse_template_render (template, NULL, NULL);
  g_assert_cmpstr (with, ==, "Ваш договір L-2026-004512.\n\nЦю відповідь надіслано автоматично.");

  pulse_template_set_language (template, "es");
  pulse_template_set_disclosure (template, FALSE);
  without = pulse_template_render (template, NULL, NULL);
  g_assert_cmpstr (without, ==, "Ваш договір L-2026-004512.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/template-render/vars-sorted-and-valid",
                   test_vars_sorted_and_valid);
  g_test_add_func ("/pulse/core/template-render/vars-documented", test_vars_documented);
  g_test_add_func ("/pulse/core/template-render/samples-by-script", test_samples_by_script);
  g_test_add_func ("/pulse/core/template-render/format-money-and-numbers",
                   test_format_money_and_numbers);
  g_test_add_func ("/pulse/core/template-render/format-dates", test_format_dates);
  g_test_add_func ("/pulse/core/template-render/parse-placeholders", test_parse_placeholders);
  g_test_add_func ("/pulse/core/template-render/parse-errors", test_parse_errors);
  g_test_add_func ("/pulse/core/template-render/parse-odd-input", test_parse_odd_input);
  g_test_add_func ("/pulse/core/template-render/used-names", test_used_names);
  g_test_add_func ("/pulse/core/template-render/render-samples", test_render_samples);
  g_test_add_func ("/pulse/core/template-render/render-keeps-what-it-cannot-fill",
                   test_render_keeps_what_it_cannot_fill);
  g_test_add_func ("/pulse/core/template-render/render-real-values", test_render_real_values);
  g_test_add_func ("/pulse/core/template-render/render-with-disclosure",
                   test_render_with_disclosure);

  return g_test_run ();
}
