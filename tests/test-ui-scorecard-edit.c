/* test-ui-scorecard-edit.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scorecard editor's pure part: a copy of a scorecard, the checks
 * before a save, ids for new criteria, the wire form the core reads back.
 */

#include "config.h"

#include <string.h>

#include "pulse-scorecard-edit.h"

static const char scorecard_json[] =
  "{\"id\":\"sc\",\"version\":3,\"name\":\"Chat QA\",\"sections\":["
  "{\"name\":\"Tone\",\"criteria\":["
  "{\"id\":\"greeting\",\"name\":\"Greets\",\"description\":\"By name\",\"weight\":20,"
  "\"critical\":false}]},"
  "{\"name\":\"Compliance\",\"criteria\":["
  "{\"id\":\"kyc\",\"name\":\"Identity\",\"weight\":50,\"critical\":true}]}]}";

static PulseScorecardEdit *
edit (void)
{
  g_autoptr(JsonNode) node = json_from_string (scorecard_json, NULL);
  g_autoptr(PulseScorecard) scorecard = pulse_scorecard_new_from_json (node, NULL);

  return pulse_scorecard_edit_new (scorecard);
}

/* Unchanged, the editor writes what the core's codec writes. */
static void
test_copy_round_trips (void)
{
  g_autoptr(PulseScorecardEdit) self = edit ();
  g_autoptr(JsonNode) original = json_from_string (scorecard_json, NULL);
  g_autoptr(PulseScorecard) scorecard = pulse_scorecard_new_from_json (original, NULL);
  g_autoptr(JsonNode) encoded = pulse_scorecard_to_json (scorecard);
  g_autofree char *expected = json_to_string (encoded, FALSE);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (self->version, ==, 3);
  g_assert_cmpuint (self->sections->len, ==, 2);
  g_assert_null (pulse_scorecard_edit_check (self));
  node = pulse_scorecard_edit_to_json (self);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==, expected);
  g_assert_nonnull (strstr (text, "\"description\":\"By name\",\"weight\":20"));
}

static void
assert_problem (PulseScorecardEdit *self,
                const char         *expected)
{
  g_autofree char *problem = pulse_scorecard_edit_check (self);

  g_assert_cmpstr (problem, ==, expected);
  if (expected != NULL)
    g_assert_null (pulse_scorecard_edit_to_json (self));
}

static void
test_checks (void)
{
  g_autoptr(PulseScorecardEdit) self = edit ();
  PulseScorecardEditCriterion *added;

  added = pulse_scorecard_edit_add_criterion (self, 0, "  ", 10);
  assert_problem (self, "A criterion in “Tone” has no name.");
  g_free (added->name);
  added->name = g_strdup ("greets ");
  assert_problem (self, "Two criteria are called “greets ”.");
  g_free (added->name);
  added->name = g_strdup ("Empathy");
  added->weight = 0;
  assert_problem (self, "The weight of “Empathy” must be above 0 and at most 100.");
  added->weight = 100.5;
  assert_problem (self, "The weight of “Empathy” must be above 0 and at most 100.");
  added->weight = 30;
  assert_problem (self, NULL);

  g_free (self->name);
  self->name = g_strdup ("");
  assert_problem (self, "The scorecard has no name.");
  self->name = (g_free (self->name), g_strdup ("Chat QA"));
  pulse_scorecard_edit_add_section (self, "");
  assert_problem (self, "A section has no name.");
  pulse_scorecard_edit_remove (self, 2, -1);
  pulse_scorecard_edit_remove (self, 1, 0);
  pulse_scorecard_edit_remove (self, 0, 1);
  pulse_scorecard_edit_remove (self, 0, 0);
  assert_problem (self, "A scorecard needs at least one criterion.");
}

/* New criteria get ids from their names, never one already taken; an
 * old one keeps its id when renamed. */
static void
test_new_ids (void)
{
  g_autoptr(PulseScorecardEdit) self = edit ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PulseScorecard) saved = NULL;
  g_autoptr(GError) error = NULL;

  pulse_scorecard_edit_get_criterion (self, 0, 0)->name = (g_free (pulse_scorecard_edit_get_criterion
                                                                  (self, 0, 0)->name),
                                                         g_strdup ("Greets by name"));
  pulse_scorecard_edit_add_criterion (self, 0, "Greeting", 10);
  pulse_scorecard_edit_add_criterion (self, 1, "KYC!", 10);
  pulse_scorecard_edit_add_criterion (self, 1, "Ідентифікація", 10);
  pulse_scorecard_edit_add_criterion (self, 1, "Перевірка", 10);
  node = pulse_scorecard_edit_to_json (self);
  saved = pulse_scorecard_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pulse_scorecard_get_n_criteria (saved), ==, 6);
  g_assert_cmpstr (pulse_scorecard_find_criterion (saved, "greeting")->name, ==,
                   "Greets by name");
  g_assert_cmpstr (pulse_scorecard_find_criterion (saved, "greeting-2")->name, ==, "Greeting");
  g_assert_cmpstr (pulse_scorecard_find_criterion (saved, "kyc-2")->name, ==, "KYC!");
  g_assert_nonnull (pulse_scorecard_find_criterion (saved, "kyc"));
  /* Letters with no ASCII spelling here: a generic id, still unique. */
  g_assert_nonnull (pulse_scorecard_edit_get_criterion (self, 1, 2)->id);
  g_assert_cmpstr (pulse_scorecard_edit_get_criterion (self, 1, 2)->id, !=,
                   pulse_scorecard_edit_get_criterion (self, 1, 3)->id);
}

static void
test_blank (void)
{
  g_autoptr(PulseScorecardEdit) self = pulse_scorecard_edit_new_blank ("sc-new", "Email QA");

  g_assert_cmpint (self->version, ==, 0);
  assert_problem (self, "A criterion in “General” has no name.");
  g_free (pulse_scorecard_edit_get_criterion (self, 0, 0)->name);
  pulse_scorecard_edit_get_criterion (self, 0, 0)->name = g_strdup ("Solved");
  assert_problem (self, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/scorecard-edit/copy-round-trips", test_copy_round_trips);
  g_test_add_func ("/pulse/ui/scorecard-edit/checks", test_checks);
  g_test_add_func ("/pulse/ui/scorecard-edit/new-ids", test_new_ids);
  g_test_add_func ("/pulse/ui/scorecard-edit/blank", test_blank);

  return g_test_run ();
}
