/* test-shift.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-shift.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define DECODE PULSE_TEST_DECODE (pulse_shift_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_shift_to_json)

/* 09:00–18:00 with a lunch and a short break; every optional field set. */
static const char full_shift[] =
  "{\"id\":\"shift-9\",\"version\":3,\"agent_id\":\"agent-7\",\"kind\":\"work\","
  "\"starts_at\":\"2026-11-20T09:00:00Z\",\"ends_at\":\"2026-11-20T18:00:00Z\","
  "\"breaks\":[{\"starts_at\":\"2026-11-20T13:00:00Z\",\"ends_at\":\"2026-11-20T13:30:00Z\"},"
  "{\"starts_at\":\"2026-11-20T15:30:00Z\",\"ends_at\":\"2026-11-20T15:45:00Z\"}],"
  "\"note\":\"Covers Olena's chat\"}";

static const char minimal_shift[] =
  "{\"id\":\"s\",\"version\":0,\"agent_id\":\"a\",\"kind\":\"absence\","
  "\"starts_at\":\"2026-11-23T00:00:00Z\",\"ends_at\":\"2026-11-28T00:00:00Z\",\"breaks\":[]}";

static gint64
parse_time (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static PulseShift *
decode (const char *json)
{
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseShift *shift = pulse_shift_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (shift);
  return shift;
}

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_shift, DECODE, ENCODE);
  PulseShift *shift = PULSE_SHIFT (object);
  const PulseShiftBreak *lunch;

  g_assert_cmpstr (pulse_shift_get_id (shift), ==, "shift-9");
  g_assert_cmpint (pulse_shift_get_version (shift), ==, 3);
  g_assert_cmpstr (pulse_shift_get_agent_id (shift), ==, "agent-7");
  g_assert_cmpint (pulse_shift_get_kind (shift), ==, PULSE_SHIFT_KIND_WORK);
  g_assert_cmpint (pulse_shift_get_starts_at (shift), ==, parse_time ("2026-11-20T09:00:00Z"));
  g_assert_cmpint (pulse_shift_get_ends_at (shift), ==, parse_time ("2026-11-20T18:00:00Z"));
  g_assert_cmpstr (pulse_shift_get_note (shift), ==, "Covers Olena's chat");

  g_assert_cmpuint (pulse_shift_get_n_breaks (shift), ==, 2);
  lunch = pulse_shift_get_break (shift, 0);
  g_assert_cmpint (lunch->starts_at, ==, parse_time ("2026-11-20T13:00:00Z"));
  g_assert_cmpint (lunch->ends_at, ==, parse_time ("2026-11-20T13:30:00Z"));
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_shift, DECODE, ENCODE);
  PulseShift *shift = PULSE_SHIFT (object);

  g_assert_cmpint (pulse_shift_get_kind (shift), ==, PULSE_SHIFT_KIND_ABSENCE);
  g_assert_cmpuint (pulse_shift_get_n_breaks (shift), ==, 0);
  g_assert_null (pulse_shift_get_note (shift));
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(PulseShift) shift = decode (
    "{\"id\":\"s\",\"version\":1,\"agent_id\":\"a\",\"kind\":\"training\","
    "\"starts_at\":\"2026-11-20T09:00:00Z\",\"ends_at\":\"2026-11-20T12:00:00Z\","
    "\"room\":\"B2\",\"breaks\":[{\"starts_at\":\"2026-11-20T10:00:00Z\","
    "\"ends_at\":\"2026-11-20T10:10:00Z\",\"paid\":true}]}");

  g_assert_cmpint (pulse_shift_get_kind (shift), ==, PULSE_SHIFT_KIND_TRAINING);
  g_assert_cmpuint (pulse_shift_get_n_breaks (shift), ==, 1);
}

static void
test_bad_fields (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_note = pulse_test_long_string (PULSE_JSON_MAX_SHORT + 1, 'n');
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "9", "id: expected a string, got a number" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "version", NULL, "version: is required" },
    { "version", "-3", "version: -3 is outside" },
    { "version", "3.5", "version: expected an integer" },
    { "agent_id", NULL, "agent_id: is required" },
    { "agent_id", "\"\"", "agent_id: must not be empty" },
    { "agent_id", long_id, "agent_id: longer than 128 bytes" },
    { "kind", NULL, "kind: is required" },
    { "kind", "\"holiday\"", "kind: unknown value “holiday”" },
    { "kind", "0", "kind: expected a string, got a number" },
    { "starts_at", NULL, "starts_at: is required" },
    { "starts_at", "\"09:00\"", "starts_at: is not an RFC 3339 time" },
    { "starts_at", "\"2026-11-20T09:00:00\"", "starts_at: is not an RFC 3339 time" },
    { "starts_at", "32400", "starts_at: expected an RFC 3339 time string, got a number" },
    { "ends_at", NULL, "ends_at: is required" },
    { "ends_at", "\"2026-11-20T25:00:00Z\"", "ends_at: is not an RFC 3339 time" },
    { "ends_at", "\"2026-11-20T09:00:00Z\"", "ends_at: must be after starts_at" },
    { "ends_at", "\"2026-11-20T08:00:00Z\"", "ends_at: must be after starts_at" },
    { "ends_at", "\"2026-12-04T09:00:01Z\"", "ends_at: must be at most 14 days after starts_at" },
    { "breaks", "{}", "breaks: expected an array, got an object" },
    { "breaks", "[42]", "breaks[0]: expected a break object, got a number" },
    { "breaks.0.starts_at", NULL, "breaks[0].starts_at: is required" },
    { "breaks.1.ends_at", "\"half past\"", "breaks[1].ends_at: is not an RFC 3339 time" },
    { "breaks.1.ends_at", "\"2026-11-20T15:30:00Z\"",
      "breaks[1].ends_at: must be after starts_at" },
    { "breaks.0.starts_at", "\"2026-11-20T08:50:00Z\"", "breaks[0]: must lie inside the shift" },
    { "breaks.1.ends_at", "\"2026-11-20T18:15:00Z\"", "breaks[1]: must lie inside the shift" },
    { "breaks.1.starts_at", "\"2026-11-20T13:15:00Z\"",
      "breaks[1]: must start after breaks[0] ends" },
    { "breaks.0.starts_at", "\"2026-11-20T15:35:00Z\"",
      "breaks[0].ends_at: must be after starts_at" },
    { "note", "1", "note: expected a string, got a number" },
    { "note", long_note, "note: longer than 1024 bytes" },
  };

  pulse_test_assert_bad_mutations (full_shift, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

/* Breaks must be in order; touching breaks do not overlap; 14 days is the
 * longest shift accepted. */
static void
test_limits (void)
{
  g_autoptr(PulseShift) touching = decode (
    "{\"id\":\"s\",\"version\":0,\"agent_id\":\"a\",\"kind\":\"work\","
    "\"starts_at\":\"2026-11-20T09:00:00Z\",\"ends_at\":\"2026-11-20T18:00:00Z\",\"breaks\":["
    "{\"starts_at\":\"2026-11-20T09:00:00Z\",\"ends_at\":\"2026-11-20T09:15:00Z\"},"
    "{\"starts_at\":\"2026-11-20T09:15:00Z\",\"ends_at\":\"2026-11-20T09:30:00Z\"},"
    "{\"starts_at\":\"2026-11-20T17:45:00Z\",\"ends_at\":\"2026-11-20T18:00:00Z\"}]}");
  g_autoptr(PulseShift) fortnight = decode (
    "{\"id\":\"s\",\"version\":0,\"agent_id\":\"a\",\"kind\":\"absence\","
    "\"starts_at\":\"2026-11-20T09:00:00Z\",\"ends_at\":\"2026-12-04T09:00:00Z\"}");
  const PulseTestBadInput cases[] = {
    { "{\"id\":\"s\",\"version\":0,\"agent_id\":\"a\",\"kind\":\"work\","
      "\"starts_at\":\"2026-11-20T09:00:00Z\",\"ends_at\":\"2026-11-20T18:00:00Z\",\"breaks\":["
      "{\"starts_at\":\"2026-11-20T15:00:00Z\",\"ends_at\":\"2026-11-20T15:15:00Z\"},"
      "{\"starts_at\":\"2026-11-20T13:00:00Z\",\"ends_at\":\"2026-11-20T13:30:00Z\"}]}",
      "breaks[1]: must start after breaks[0] ends" },
    { "{\"id\":\"s\",\"version\":0,\"agent_id\":\"a\",\"kind\":\"work\","
      "\"starts_at\":\"2026-11-20T09:00:00Z\",\"ends_at\":\"2026-11-20T18:00:00Z\",\"breaks\":["
      "{\"starts_at\":\"2026-11-20T13:00:00Z\",\"ends_at\":\"2026-11-20T14:00:00Z\"},"
      "{\"starts_at\":\"2026-11-20T13:15:00Z\",\"ends_at\":\"2026-11-20T13:30:00Z\"}]}",
      "breaks[1]: must start after breaks[0] ends" },
  };

  g_assert_cmpuint (pulse_shift_get_n_breaks (touching), ==, 3);
  g_assert_cmpint (pulse_shift_get_ends_at (fortnight) - pulse_shift_get_starts_at (fortnight),
                   ==, PULSE_SHIFT_MAX_DAYS * PULSE_USEC_PER_DAY);
  pulse_test_assert_bad_inputs (cases, G_N_ELEMENTS (cases), DECODE);
}

static void
test_covers (void)
{
  g_autoptr(PulseShift) shift = decode (full_shift);
  g_autofree char *absence_json = pulse_test_mutate (full_shift, "kind", "\"absence\"");
  g_autofree char *training_json = pulse_test_mutate (full_shift, "kind", "\"training\"");
  g_autoptr(PulseShift) absence = decode (absence_json);
  g_autoptr(PulseShift) training = decode (training_json);
  gint64 start = parse_time ("2026-11-20T09:00:00Z");
  gint64 end = parse_time ("2026-11-20T18:00:00Z");
  gint64 lunch = parse_time ("2026-11-20T13:00:00Z");
  gint64 lunch_end = parse_time ("2026-11-20T13:30:00Z");

  /* [starts_at, ends_at): the first instant works, the end does not. */
  g_assert_false (pulse_shift_covers (shift, start - 1));
  g_assert_true (pulse_shift_covers (shift, start));
  g_assert_true (pulse_shift_covers (shift, end - 1));
  g_assert_false (pulse_shift_covers (shift, end));
  g_assert_false (pulse_shift_covers (shift, 0));

  /* A break is [starts_at, ends_at) too. */
  g_assert_true (pulse_shift_covers (shift, lunch - 1));
  g_assert_false (pulse_shift_covers (shift, lunch));
  g_assert_false (pulse_shift_covers (shift, lunch_end - 1));
  g_assert_true (pulse_shift_covers (shift, lunch_end));
  g_assert_false (pulse_shift_covers (shift, parse_time ("2026-11-20T15:40:00Z")));
  g_assert_true (pulse_shift_covers (shift, parse_time ("2026-11-20T15:45:00Z")));

  /* Leave and training put no one on the queues. */
  g_assert_false (pulse_shift_covers (absence, start));
  g_assert_false (pulse_shift_covers (training, parse_time ("2026-11-20T10:00:00Z")));
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
test_setters (void)
{
  g_autoptr(PulseShift) shift = pulse_shift_new ("s", "agent-7");
  g_autoptr(GArray) copy = NULL;
  const PulseShiftBreak breaks[] = { { 3000, 4000 }, { 5000, 6000 } };
  const PulseShiftBreak same[] = { { 3000, 4000 }, { 5000, 6000 } };
  guint count = 0;

  g_signal_connect (shift, "notify", G_CALLBACK (on_notify_cb), &count);

  pulse_shift_set_starts_at (shift, 1000);
  pulse_shift_set_starts_at (shift, 1000);
  pulse_shift_set_ends_at (shift, 9000);
  pulse_shift_set_ends_at (shift, 9000);
  pulse_shift_set_kind (shift, PULSE_SHIFT_KIND_TRAINING);
  pulse_shift_set_kind (shift, PULSE_SHIFT_KIND_TRAINING);
  pulse_shift_set_note (shift, "n");
  pulse_shift_set_note (shift, "n");
  g_assert_cmpuint (count, ==, 4);

  pulse_shift_set_breaks (shift, breaks, G_N_ELEMENTS (breaks));
  pulse_shift_set_breaks (shift, same, G_N_ELEMENTS (same));
  g_assert_cmpuint (count, ==, 5);
  g_assert_cmpuint (pulse_shift_get_n_breaks (shift), ==, 2);
  g_assert_cmpint (pulse_shift_get_break (shift, 1)->ends_at, ==, 6000);

  /* The property hands out a copy, and takes a GArray of breaks. */
  g_object_get (shift, "breaks", &copy, NULL);
  g_assert_cmpuint (copy->len, ==, 2);
  g_array_set_size (copy, 1);
  g_assert_cmpuint (pulse_shift_get_n_breaks (shift), ==, 2);
  g_object_set (shift, "breaks", copy, NULL);
  g_assert_cmpuint (count, ==, 6);
  g_assert_cmpuint (pulse_shift_get_n_breaks (shift), ==, 1);

  pulse_shift_set_breaks (shift, NULL, 0);
  pulse_shift_set_breaks (shift, NULL, 0);
  g_assert_cmpuint (count, ==, 7);

  pulse_shift_set_kind (shift, PULSE_SHIFT_KIND_WORK);
  g_assert_true (pulse_shift_covers (shift, 3500));
  g_assert_false (pulse_shift_covers (shift, 9000));
}

static void
test_break_boxed (void)
{
  g_autoptr(PulseShiftBreak) item = pulse_shift_break_new (1000, 2000);
  g_autoptr(PulseShiftBreak) copy = g_boxed_copy (PULSE_TYPE_SHIFT_BREAK, item);

  g_assert_true (G_TYPE_IS_BOXED (PULSE_TYPE_SHIFT_BREAK));
  g_assert_cmpint (copy->starts_at, ==, 1000);
  g_assert_cmpint (copy->ends_at, ==, 2000);
  g_assert_true (pulse_shift_break_contains (copy, 1000));
  g_assert_true (pulse_shift_break_contains (copy, 1999));
  g_assert_false (pulse_shift_break_contains (copy, 2000));
  g_assert_false (pulse_shift_break_contains (copy, 999));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/shift/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/shift/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/shift/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/shift/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/shift/limits", test_limits);
  g_test_add_func ("/pulse/core/shift/covers", test_covers);
  g_test_add_func ("/pulse/core/shift/setters", test_setters);
  g_test_add_func ("/pulse/core/shift/break-boxed", test_break_boxed);

  return g_test_run ();
}
