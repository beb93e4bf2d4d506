/* test-audit-entry.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-audit-entry.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define DECODE PULSE_TEST_DECODE (pulse_audit_entry_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_audit_entry_to_json)

static const char full_entry[] =
  "{\"id\":\"audit-120\",\"seq\":120,\"at\":\"2026-11-20T09:30:00Z\",\"actor\":\"olena.lead\","
  "\"role\":\"lead\",\"action\":\"update\",\"entity_type\":\"rule\",\"entity_id\":\"rule-card\","
  "\"entity_version\":5,\"summary\":\"Disabled during the card outage\"}";

static const char minimal_entry[] =
  "{\"id\":\"a\",\"seq\":1,\"at\":\"2026-11-20T09:30:00Z\",\"actor\":\"bridge\","
  "\"role\":\"integration\",\"action\":\"create\",\"entity_type\":\"ingest\","
  "\"entity_id\":\"batch-1\",\"entity_version\":0}";

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_entry, DECODE, ENCODE);
  PulseAuditEntry *entry = PULSE_AUDIT_ENTRY (object);
  gint64 at = 0;

  g_assert_true (pulse_time_parse ("2026-11-20T09:30:00Z", &at));
  g_assert_cmpstr (pulse_audit_entry_get_id (entry), ==, "audit-120");
  g_assert_cmpint (pulse_audit_entry_get_seq (entry), ==, 120);
  g_assert_cmpint (pulse_audit_entry_get_at (entry), ==, at);
  g_assert_cmpstr (pulse_audit_entry_get_actor (entry), ==, "olena.lead");
  g_assert_cmpint (pulse_audit_entry_get_role (entry), ==, PULSE_ROLE_LEAD);
  g_assert_cmpint (pulse_audit_entry_get_action (entry), ==, PULSE_AUDIT_ACTION_UPDATE);
  g_assert_cmpstr (pulse_audit_entry_get_entity_type (entry), ==, "rule");
  g_assert_cmpstr (pulse_audit_entry_get_entity_id (entry), ==, "rule-card");
  g_assert_cmpint (pulse_audit_entry_get_entity_version (entry), ==, 5);
  g_assert_cmpstr (pulse_audit_entry_get_summary (entry), ==, "Disabled during the card outage");
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_entry, DECODE, ENCODE);

  g_assert_null (pulse_audit_entry_get_summary (PULSE_AUDIT_ENTRY (object)));
}

static void
test_unknown_fields_ignored (void)
{
  g_autofree char *json = pulse_test_mutate (full_entry, "ip", "\"10.0.0.1\"");
  g_autofree char *with_diff = pulse_test_mutate (json, "diff", "{\"enabled\":[true,false]}");
  g_autoptr(JsonNode) node = pulse_test_parse (with_diff);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseAuditEntry) entry = pulse_audit_entry_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pulse_audit_entry_get_seq (entry), ==, 120);
}

static void
test_bad_input (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  g_autofree char *long_text = pulse_test_long_string (PULSE_JSON_MAX_SHORT + 1, 't');
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "7", "id: expected a string, got a number" },
    { "id", "\"\"", "id: must not be empty" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "seq", NULL, "seq: is required" },
    { "seq", "\"120\"", "seq: expected an integer, got a string" },
    { "seq", "1.5", "seq: expected an integer, got a number" },
    { "seq", "0", "seq: 0 is outside 1…" },
    { "at", NULL, "at: is required" },
    { "at", "1700000000", "at: expected an RFC 3339 time string, got a number" },
    { "at", "\"20 Nov 2026\"", "at: is not an RFC 3339 time" },
    { "at", "\"1969-12-31T23:59:59Z\"", "at: is not an RFC 3339 time" },
    { "actor", NULL, "actor: is required" },
    { "actor", "false", "actor: expected a string, got a boolean" },
    { "actor", "\"\"", "actor: must not be empty" },
    { "actor", long_name, "actor: longer than 256 bytes" },
    { "role", NULL, "role: is required" },
    { "role", "\"admin\"", "role: unknown value “admin”" },
    { "role", "3", "role: expected a string, got a number" },
    { "action", NULL, "action: is required" },
    { "action", "\"rename\"", "action: unknown value “rename”" },
    { "action", "{}", "action: expected a string, got an object" },
    { "entity_type", NULL, "entity_type: is required" },
    { "entity_type", "\"ticket\"", "entity_type: unknown value “ticket”" },
    { "entity_type", "\"Rule\"", "entity_type: unknown value “Rule”" },
    { "entity_type", "\"\"", "entity_type: must not be empty" },
    { "entity_type", "[\"rule\"]", "entity_type: expected a string, got an array" },
    { "entity_type", long_id, "entity_type: longer than 128 bytes" },
    { "entity_id", NULL, "entity_id: is required" },
    { "entity_id", "5", "entity_id: expected a string, got a number" },
    { "entity_id", "\"\"", "entity_id: must not be empty" },
    { "entity_id", long_id, "entity_id: longer than 128 bytes" },
    { "entity_version", NULL, "entity_version: is required" },
    { "entity_version", "\"5\"", "entity_version: expected an integer, got a string" },
    { "entity_version", "-1", "entity_version: -1 is outside 0…" },
    { "summary", "5", "summary: expected a string, got a number" },
    { "summary", long_text, "summary: longer than 1024 bytes" },
  };

  pulse_test_assert_bad_mutations (full_entry, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static void
test_entity_types (void)
{
  const char *valid[] = {
    "rule", "template", "scorecard", "mentorship", "shift", "review", "token", "ingest", "agent",
  };
  const char *invalid[] = { "", "rules", "Rule", "ticket", "agents", " rule" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *json = g_strdup_printf ("\"%s\"", valid[i]);
      g_autofree char *entry_json = pulse_test_mutate (full_entry, "entity_type", json);
      g_autoptr(GObject) object = pulse_test_assert_round_trip (entry_json, DECODE, ENCODE);

      g_assert_true (pulse_audit_entry_is_valid_entity_type (valid[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (pulse_audit_entry_is_valid_entity_type (invalid[i]));
  g_assert_false (pulse_audit_entry_is_valid_entity_type (NULL));
}

/* The server builds entries from construct-only properties; none can be
 * changed afterwards. */
static void
test_construct_read_only (void)
{
  g_autoptr(PulseAuditEntry) entry = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) expected = pulse_test_parse (minimal_entry);
  GParamSpec **pspecs;
  guint n_pspecs = 0;
  gint64 at = 0;

  g_assert_true (pulse_time_parse ("2026-11-20T09:30:00Z", &at));
  entry = g_object_new (PULSE_TYPE_AUDIT_ENTRY,
                        "id", "a", "seq", (gint64) 1, "at", at, "actor", "bridge",
                        "role", PULSE_ROLE_INTEGRATION, "action", PULSE_AUDIT_ACTION_CREATE,
                        "entity-type", "ingest", "entity-id", "batch-1",
                        "entity-version", (gint64) 0,
                        NULL);
  node = pulse_audit_entry_to_json (entry);
  g_assert_true (json_node_equal (node, expected));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entry), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 10);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_assert_true (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY);
      g_assert_true (pspecs[i]->flags & G_PARAM_STATIC_STRINGS);
    }
  g_free (pspecs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/audit-entry/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/audit-entry/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/audit-entry/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/audit-entry/bad-input", test_bad_input);
  g_test_add_func ("/pulse/core/audit-entry/entity-types", test_entity_types);
  g_test_add_func ("/pulse/core/audit-entry/construct-read-only", test_construct_read_only);

  return g_test_run ();
}
