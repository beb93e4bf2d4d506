/* test-channel-set.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-test-util.h"

/* Reads the "channels" member of @json; returns FALSE with @error set. */
static gboolean
read_set (const char  *json,
          guint       *set,
          GError     **error)
{
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  PulseJsonReader reader;
  gboolean ok;

  g_assert_true (pulse_json_reader_init (&reader, node, "a test", NULL));
  ok = pulse_channel_set_read (&reader, "channels", set);
  g_assert_cmpint (ok, ==, !pulse_json_reader_failed (&reader));

  return pulse_json_reader_finish (&reader, error) && ok;
}

static char *
write_set (guint set)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  pulse_channel_set_write (builder, "channels", set);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  return pulse_json_to_string (node);
}

static void
test_read (void)
{
  g_autoptr(GError) error = NULL;
  guint set = 99;

  g_assert_true (read_set ("{\"channels\":[\"chat\",\"email\",\"in-app\"]}", &set, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (set, ==, PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_EMAIL) |
                             PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_CHAT) |
                             PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_IN_APP));

  g_assert_true (read_set ("{}", &set, &error));
  g_assert_cmpuint (set, ==, 0);
  set = 99;
  g_assert_true (read_set ("{\"channels\":null}", &set, &error));
  g_assert_cmpuint (set, ==, 0);
  set = 99;
  g_assert_true (read_set ("{\"channels\":[]}", &set, &error));
  g_assert_cmpuint (set, ==, 0);
  g_assert_no_error (error);
}

static void
test_read_bad (void)
{
  static const PulseTestBadInput cases[] = {
    { "{\"channels\":\"email\"}", "channels: expected an array, got a string" },
    { "{\"channels\":{}}", "channels: expected an array, got an object" },
    { "{\"channels\":[\"email\",\"fax\"]}", "channels[1]: unknown value “fax”" },
    { "{\"channels\":[\"Email\"]}", "channels[0]: unknown value “Email”" },
    { "{\"channels\":[\"\"]}", "channels[0]: unknown value “”" },
    { "{\"channels\":[1]}", "channels[0]: expected a channel name string" },
    { "{\"channels\":[null]}", "channels[0]: expected a channel name string" },
    { "{\"channels\":[[\"chat\"]]}", "channels[0]: expected a channel name string" },
    { "{\"channels\":[\"chat\",\"email\",\"chat\"]}", "channels[2]: duplicate “chat”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint set = 99;

      g_assert_false (read_set (cases[i].json, &set, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message_part);
      g_assert_cmpuint (set, ==, 0);
    }
}

/* A reader that has already failed reads nothing more. */
static void
test_read_after_failure (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse ("{\"channels\":[\"chat\"]}");
  g_autoptr(GError) error = NULL;
  PulseJsonReader reader;
  guint set = 99;

  g_assert_true (pulse_json_reader_init (&reader, node, "a test", NULL));
  pulse_json_reader_fail (&reader, "id", "is required");
  g_assert_false (pulse_channel_set_read (&reader, "channels", &set));
  g_assert_cmpuint (set, ==, 0);
  g_assert_false (pulse_json_reader_finish (&reader, &error));
  g_assert_cmpstr (error->message, ==, "id: is required");
}

static void
test_write (void)
{
  g_autofree char *all = write_set (0);
  g_autofree char *some = write_set (PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_PHONE) |
                                     PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_EMAIL) |
                                     PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_IN_APP));
  g_autofree char *every = write_set (PULSE_CHANNEL_SET_MASK);
  g_autofree char *stray = write_set (PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_VIBER) |
                                      (1u << 20));

  g_assert_cmpstr (all, ==, "{\"channels\":[]}");
  g_assert_cmpstr (some, ==, "{\"channels\":[\"email\",\"phone\",\"in-app\"]}");
  g_assert_cmpstr (every, ==, "{\"channels\":[\"email\",\"chat\",\"telegram\",\"viber\","
                              "\"whatsapp\",\"phone\",\"social\",\"in-app\"]}");
  g_assert_cmpstr (stray, ==, "{\"channels\":[\"viber\"]}");
}

static void
test_write_read_round_trip (void)
{
  for (guint set = 0; set <= PULSE_CHANNEL_SET_MASK; set++)
    {
      g_autofree char *json = write_set (set);
      g_autoptr(GError) error = NULL;
      guint back = 0;

      g_assert_true (read_set (json, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (back, ==, set);
    }
}

static void
test_contains (void)
{
  guint chat_only = PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_CHAT);

  g_assert_true (pulse_channel_set_contains (0, PULSE_CHANNEL_KIND_PHONE));
  g_assert_true (pulse_channel_set_contains (0, PULSE_CHANNEL_KIND_IN_APP));
  g_assert_true (pulse_channel_set_contains (chat_only, PULSE_CHANNEL_KIND_CHAT));
  g_assert_false (pulse_channel_set_contains (chat_only, PULSE_CHANNEL_KIND_EMAIL));
  g_assert_true (pulse_channel_set_contains (PULSE_CHANNEL_SET_MASK, PULSE_CHANNEL_KIND_SOCIAL));
}

/* The mask covers exactly the registered channel kinds. */
static void
test_mask (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PULSE_TYPE_CHANNEL_KIND);
  guint all = 0;

  for (guint i = 0; i < klass->n_values; i++)
    all |= PULSE_CHANNEL_SET_BIT (klass->values[i].value);
  g_assert_cmpuint (all, ==, PULSE_CHANNEL_SET_MASK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/channel-set/read", test_read);
  g_test_add_func ("/pulse/core/channel-set/read-bad", test_read_bad);
  g_test_add_func ("/pulse/core/channel-set/read-after-failure", test_read_after_failure);
  g_test_add_func ("/pulse/core/channel-set/write", test_write);
  g_test_add_func ("/pulse/core/channel-set/write-read-round-trip", test_write_read_round_trip);
  g_test_add_func ("/pulse/core/channel-set/contains", test_contains);
  g_test_add_func ("/pulse/core/channel-set/mask", test_mask);

  return g_test_run ();
}
