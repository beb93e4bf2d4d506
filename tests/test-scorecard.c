/* test-scorecard.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-scorecard.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"

#define DECODE PULSE_TEST_DECODE (pulse_scorecard_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_scorecard_to_json)

static const char full_scorecard[] =
  "{\"id\":\"sc-chat\",\"version\":3,\"name\":\"Chat QA\",\"sections\":["
  "{\"name\":\"Tone\",\"criteria\":["
  "{\"id\":\"greeting\",\"name\":\"Greets the customer\","
  "\"description\":\"Uses the customer's name\",\"weight\":10,\"critical\":false},"
  "{\"id\":\"empathy\",\"name\":\"Shows empathy\",\"weight\":15.5,\"critical\":false}]},"
  "{\"name\":\"Compliance\",\"criteria\":["
  "{\"id\":\"kyc\",\"name\":\"Verifies identity\","
  "\"description\":\"No loan details before KYC\",\"weight\":40,\"critical\":true},"
  "{\"id\":\"fees\",\"name\":\"Discloses fees\",\"weight\":34.5,\"critical\":false}]},"
  "{\"name\":\"Notes\",\"criteria\":[]}]}";

static const char minimal_scorecard[] =
  "{\"id\":\"s\",\"version\":0,\"name\":\"N\",\"sections\":[{\"name\":\"S\",\"criteria\":["
  "{\"id\":\"c\",\"name\":\"C\",\"weight\":100,\"critical\":false}]}]}";

static PulseScorecard *
decode (const char *json)
{
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseScorecard *scorecard = pulse_scorecard_new_from_json (node, &error);

  g_assert_no_error (error);
  return scorecard;
}

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_scorecard, DECODE, ENCODE);
  PulseScorecard *scorecard = PULSE_SCORECARD (object);
  const PulseScorecardSection *section;
  const PulseScorecardCriterion *criterion;

  g_assert_cmpstr (pulse_scorecard_get_id (scorecard), ==, "sc-chat");
  g_assert_cmpint (pulse_scorecard_get_version (scorecard), ==, 3);
  g_assert_cmpstr (pulse_scorecard_get_name (scorecard), ==, "Chat QA");
  g_assert_cmpuint (pulse_scorecard_get_n_sections (scorecard), ==, 3);

  section = pulse_scorecard_get_section (scorecard, 1);
  g_assert_cmpstr (section->name, ==, "Compliance");
  g_assert_cmpuint (section->criteria->len, ==, 2);
  criterion = g_ptr_array_index (section->criteria, 0);
  g_assert_cmpstr (criterion->id, ==, "kyc");
  g_assert_cmpstr (criterion->description, ==, "No loan details before KYC");
  g_assert_cmpfloat (criterion->weight, ==, 40.0);
  g_assert_true (criterion->critical);

  section = pulse_scorecard_get_section (scorecard, 2);
  g_assert_cmpuint (section->criteria->len, ==, 0);
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_scorecard, DECODE, ENCODE);
  const PulseScorecardCriterion *criterion;

  criterion = pulse_scorecard_find_criterion (PULSE_SCORECARD (object), "c");
  g_assert_nonnull (criterion);
  g_assert_null (criterion->description);
  g_assert_false (criterion->critical);
}

/* "critical" defaults to false and a section's "criteria" to empty. */
static void
test_absent_optionals (void)
{
  g_autoptr(PulseScorecard) scorecard = decode (
    "{\"id\":\"s\",\"version\":0,\"name\":\"N\",\"sections\":[{\"name\":\"Empty\"},"
    "{\"name\":\"S\",\"criteria\":[{\"id\":\"c\",\"name\":\"C\",\"weight\":0.5,"
    "\"description\":null}]}]}");
  const PulseScorecardCriterion *criterion = pulse_scorecard_find_criterion (scorecard, "c");

  g_assert_cmpuint (pulse_scorecard_get_section (scorecard, 0)->criteria->len, ==, 0);
  g_assert_false (criterion->critical);
  g_assert_null (criterion->description);
  g_assert_cmpfloat (criterion->weight, ==, 0.5);
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(PulseScorecard) scorecard = decode (
    "{\"id\":\"s\",\"version\":1,\"name\":\"N\",\"channel\":\"chat\",\"sections\":["
    "{\"name\":\"S\",\"colour\":\"red\",\"criteria\":[{\"id\":\"c\",\"name\":\"C\","
    "\"weight\":5,\"examples\":[\"a\"]}]}]}");

  g_assert_cmpuint (pulse_scorecard_get_n_criteria (scorecard), ==, 1);
}

static void
test_bad_input (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "7", "id: expected a string, got a number" },
    { "id", "\"\"", "id: must not be empty" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "version", NULL, "version: is required" },
    { "version", "\"3\"", "version: expected an integer, got a string" },
    { "version", "3.5", "version: expected an integer, got a number" },
    { "version", "-1", "version: -1 is outside" },
    { "name", NULL, "name: is required" },
    { "name", "{}", "name: expected a string, got an object" },
    { "name", "\"\"", "name: must not be empty" },
    { "name", long_name, "name: longer than 256 bytes" },
    { "sections", NULL, "sections: is required" },
    { "sections", "{}", "sections: expected an array, got an object" },
    { "sections", "[]", "sections: must hold at least one criterion" },
    { "sections", "[{\"name\":\"S\",\"criteria\":[]}]",
      "sections: must hold at least one criterion" },
    { "sections", "[1]", "sections[0]: expected a section object, got a number" },
  };

  pulse_test_assert_bad_mutations (full_scorecard, mutations, G_N_ELEMENTS (mutations),
                                   DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static void
test_bad_nested (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  g_autofree char *long_text = pulse_test_long_string (PULSE_JSON_MAX_SHORT + 1, 't');
  const PulseTestMutation mutations[] = {
    { "sections.0.name", NULL, "sections[0].name: is required" },
    { "sections.0.name", "5", "sections[0].name: expected a string, got a number" },
    { "sections.0.name", "\"\"", "sections[0].name: must not be empty" },
    { "sections.0.name", long_name, "sections[0].name: longer than 256 bytes" },
    { "sections.0.criteria", "{}", "sections[0].criteria: expected an array, got an object" },
    { "sections.0.criteria", "[null]",
      "sections[0].criteria[0]: expected a criterion object, got null" },
    { "sections.1.criteria.0.id", NULL, "sections[1].criteria[0].id: is required" },
    { "sections.1.criteria.0.id", "5", "sections[1].criteria[0].id: expected a string" },
    { "sections.1.criteria.0.id", "\"\"", "sections[1].criteria[0].id: must not be empty" },
    { "sections.1.criteria.0.id", long_id, "sections[1].criteria[0].id: longer than 128 bytes" },
    { "sections.1.criteria.1.id", "\"greeting\"",
      "sections[1].criteria[1].id: duplicate “greeting”, first used at sections[0].criteria[0]" },
    { "sections.0.criteria.1.id", "\"greeting\"",
      "sections[0].criteria[1].id: duplicate “greeting”, first used at sections[0].criteria[0]" },
    { "sections.0.criteria.0.name", NULL, "sections[0].criteria[0].name: is required" },
    { "sections.0.criteria.0.name", "true",
      "sections[0].criteria[0].name: expected a string, got a boolean" },
    { "sections.0.criteria.0.name", "\"\"", "sections[0].criteria[0].name: must not be empty" },
    { "sections.0.criteria.0.name", long_name,
      "sections[0].criteria[0].name: longer than 256 bytes" },
    { "sections.0.criteria.0.description", "5",
      "sections[0].criteria[0].description: expected a string, got a number" },
    { "sections.0.criteria.0.description", long_text,
      "sections[0].criteria[0].description: longer than 1024 bytes" },
    { "sections.0.criteria.0.weight", NULL, "sections[0].criteria[0].weight: is required" },
    { "sections.0.criteria.0.weight", "\"10\"",
      "sections[0].criteria[0].weight: expected a number, got a string" },
    { "sections.0.criteria.0.weight", "0",
      "sections[0].criteria[0].weight: must be greater than 0" },
    { "sections.0.criteria.0.weight", "0.0",
      "sections[0].criteria[0].weight: must be greater than 0" },
    { "sections.0.criteria.0.weight", "-1", "sections[0].criteria[0].weight: -1 is outside 0…100" },
    { "sections.0.criteria.0.weight", "100.5",
      "sections[0].criteria[0].weight: 100.5 is outside 0…100" },
    { "sections.0.criteria.0.critical", "\"yes\"",
      "sections[0].criteria[0].critical: expected a boolean, got a string" },
    { "sections.0.criteria.0.critical", "1",
      "sections[0].criteria[0].critical: expected a boolean, got a number" },
  };

  pulse_test_assert_bad_mutations (full_scorecard, mutations, G_N_ELEMENTS (mutations),
                                   DECODE);
}

static void
test_find_criterion (void)
{
  g_autoptr(PulseScorecard) scorecard = decode (full_scorecard);
  g_autoptr(PulseScorecard) empty = pulse_scorecard_new ("s");
  const PulseScorecardCriterion *criterion;

  g_assert_cmpuint (pulse_scorecard_get_n_criteria (scorecard), ==, 4);
  criterion = pulse_scorecard_find_criterion (scorecard, "fees");
  g_assert_nonnull (criterion);
  g_assert_cmpstr (criterion->name, ==, "Discloses fees");
  g_assert_cmpfloat (criterion->weight, ==, 34.5);
  g_assert_true (pulse_scorecard_find_criterion (scorecard, "greeting") ==
                 g_ptr_array_index (pulse_scorecard_get_section (scorecard, 0)->criteria, 0));
  g_assert_null (pulse_scorecard_find_criterion (scorecard, "Fees"));
  g_assert_null (pulse_scorecard_find_criterion (scorecard, ""));

  g_assert_cmpuint (pulse_scorecard_get_n_criteria (empty), ==, 0);
  g_assert_cmpuint (pulse_scorecard_get_n_sections (empty), ==, 0);
  g_assert_null (pulse_scorecard_find_criterion (empty, "fees"));
}

static void
test_boxed_copy (void)
{
  g_autoptr(PulseScorecard) scorecard = decode (full_scorecard);
  const PulseScorecardSection *section = pulse_scorecard_get_section (scorecard, 0);
  g_autoptr(PulseScorecardSection) copy = g_boxed_copy (PULSE_TYPE_SCORECARD_SECTION, section);
  const PulseScorecardCriterion *original = g_ptr_array_index (section->criteria, 0);
  const PulseScorecardCriterion *copied = g_ptr_array_index (copy->criteria, 0);
  g_autoptr(JsonNode) original_json = pulse_scorecard_section_to_json (section);
  g_autoptr(JsonNode) copy_json = pulse_scorecard_section_to_json (copy);

  g_assert_true (copy != section);
  g_assert_cmpuint (copy->criteria->len, ==, 2);
  g_assert_true (copied != original);
  g_assert_true (copied->description != original->description);
  g_assert_cmpstr (copied->description, ==, original->description);
  g_assert_true (json_node_equal (original_json, copy_json));
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
  g_autoptr(PulseScorecard) scorecard = pulse_scorecard_new ("s");
  guint count = 0;

  g_signal_connect (scorecard, "notify", G_CALLBACK (on_notify_cb), &count);
  pulse_scorecard_set_name (scorecard, "A");
  pulse_scorecard_set_name (scorecard, "A");
  pulse_scorecard_set_version (scorecard, 4);
  pulse_scorecard_set_version (scorecard, 4);
  g_object_set (scorecard, "name", "B", NULL);
  g_assert_cmpuint (count, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/scorecard/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/scorecard/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/scorecard/absent-optionals", test_absent_optionals);
  g_test_add_func ("/pulse/core/scorecard/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/scorecard/bad-input", test_bad_input);
  g_test_add_func ("/pulse/core/scorecard/bad-nested", test_bad_nested);
  g_test_add_func ("/pulse/core/scorecard/find-criterion", test_find_criterion);
  g_test_add_func ("/pulse/core/scorecard/boxed-copy", test_boxed_copy);
  g_test_add_func ("/pulse/core/scorecard/setters-notify-on-change-only",
                   test_setters_notify_on_change_only);

  return g_test_run ();
}
