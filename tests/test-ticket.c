/* test-ticket.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

#define DECODE PULSE_TEST_DECODE (pulse_ticket_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_ticket_to_json)

/* Every optional field set. The bot answers first; the agent's reply at
 * 09:32:10 is the first response. */
static const char full_ticket[] =
  "{\"id\":\"t-1001\",\"version\":5,\"queue_id\":\"q-ua-chat\",\"channel\":\"chat\","
  "\"subject\":\"Картку заблоковано\",\"customer_id\":\"cust-42\",\"status\":\"resolved\","
  "\"priority\":\"high\",\"assignee_id\":\"agent-7\",\"tags\":[\"cards\",\"blocked\"],"
  "\"language\":\"uk\",\"created_at\":\"2026-11-20T09:30:00Z\","
  "\"updated_at\":\"2026-11-20T10:00:00Z\",\"resolved_at\":\"2026-11-20T09:40:00Z\","
  "\"handle_seconds\":412,\"messages\":["
  "{\"id\":\"m-1\",\"author_kind\":\"customer\",\"author_id\":\"cust-42\","
  "\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"Моя картка заблокована\"},"
  "{\"id\":\"m-2\",\"author_kind\":\"bot\",\"author_id\":\"bot-helper\","
  "\"at\":\"2026-11-20T09:30:02Z\",\"body\":\"Агент скоро відповість\"},"
  "{\"id\":\"m-3\",\"author_kind\":\"agent\",\"author_id\":\"agent-7\","
  "\"at\":\"2026-11-20T09:32:10Z\",\"body\":\"Розблокувала, перевірте\"},"
  "{\"id\":\"m-4\",\"author_kind\":\"customer\",\"author_id\":\"cust-42\","
  "\"at\":\"2026-11-20T09:32:10Z\",\"body\":\"Дякую!\"}],"
  "\"ratings\":["
  "{\"kind\":\"csat\",\"score\":5,\"at\":\"2026-11-20T10:00:00Z\",\"comment\":\"Швидко\"},"
  "{\"kind\":\"nps\",\"score\":9,\"at\":\"2026-11-20T10:00:00Z\"}]}";

static const char minimal_ticket[] =
  "{\"id\":\"t\",\"version\":0,\"queue_id\":\"q\",\"channel\":\"email\",\"subject\":\"S\","
  "\"customer_id\":\"c\",\"status\":\"new\",\"priority\":\"normal\",\"tags\":[],"
  "\"created_at\":\"2026-11-20T09:30:00Z\",\"messages\":[],\"ratings\":[]}";

static gint64
parse_time (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static PulseTicket *
decode (const char *json)
{
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseTicket *ticket = pulse_ticket_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ticket);
  return ticket;
}

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_ticket, DECODE, ENCODE);
  PulseTicket *ticket = PULSE_TICKET (object);

  g_assert_cmpstr (pulse_ticket_get_id (ticket), ==, "t-1001");
  g_assert_cmpint (pulse_ticket_get_version (ticket), ==, 5);
  g_assert_cmpstr (pulse_ticket_get_queue_id (ticket), ==, "q-ua-chat");
  g_assert_cmpint (pulse_ticket_get_channel (ticket), ==, PULSE_CHANNEL_KIND_CHAT);
  g_assert_cmpstr (pulse_ticket_get_subject (ticket), ==, "Картку заблоковано");
  g_assert_cmpstr (pulse_ticket_get_customer_id (ticket), ==, "cust-42");
  g_assert_cmpint (pulse_ticket_get_status (ticket), ==, PULSE_TICKET_STATUS_RESOLVED);
  g_assert_cmpint (pulse_ticket_get_priority (ticket), ==, PULSE_PRIORITY_HIGH);
  g_assert_cmpstr (pulse_ticket_get_assignee_id (ticket), ==, "agent-7");
  g_assert_cmpstrv (pulse_ticket_get_tags (ticket),
                    ((const char *[]) { "cards", "blocked", NULL }));
  g_assert_cmpstr (pulse_ticket_get_language (ticket), ==, "uk");
  g_assert_cmpint (pulse_ticket_get_created_at (ticket), ==, parse_time ("2026-11-20T09:30:00Z"));
  g_assert_cmpint (pulse_ticket_get_updated_at (ticket), ==, parse_time ("2026-11-20T10:00:00Z"));
  g_assert_cmpint (pulse_ticket_get_resolved_at (ticket), ==, parse_time ("2026-11-20T09:40:00Z"));
  g_assert_cmpint (pulse_ticket_get_handle_seconds (ticket), ==, 412);
}

static void
test_messages_and_ratings_models (void)
{
  g_autoptr(PulseTicket) ticket = decode (full_ticket);
  GListModel *messages = pulse_ticket_get_messages (ticket);
  GListModel *ratings = pulse_ticket_get_ratings (ticket);
  g_autoptr(PulseMessage) third = NULL;
  g_autoptr(PulseRating) first = NULL;
  g_autoptr(GListModel) property = NULL;

  g_assert_true (g_list_model_get_item_type (messages) == PULSE_TYPE_MESSAGE);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 4);
  third = g_list_model_get_item (messages, 2);
  g_assert_cmpstr (pulse_message_get_id (third), ==, "m-3");
  g_assert_cmpint (pulse_message_get_author_kind (third), ==, PULSE_AUTHOR_KIND_AGENT);

  g_assert_true (g_list_model_get_item_type (ratings) == PULSE_TYPE_RATING);
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 2);
  first = g_list_model_get_item (ratings, 0);
  g_assert_cmpint (pulse_rating_get_kind (first), ==, PULSE_RATING_KIND_CSAT);
  g_assert_cmpstr (pulse_rating_get_comment (first), ==, "Швидко");

  g_object_get (ticket, "messages", &property, NULL);
  g_assert_true (property == messages);
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_ticket, DECODE, ENCODE);
  PulseTicket *ticket = PULSE_TICKET (object);

  g_assert_null (pulse_ticket_get_assignee_id (ticket));
  g_assert_null (pulse_ticket_get_language (ticket));
  g_assert_cmpint (pulse_ticket_get_updated_at (ticket), ==, 0);
  g_assert_cmpint (pulse_ticket_get_resolved_at (ticket), ==, 0);
  g_assert_cmpint (pulse_ticket_get_handle_seconds (ticket), ==, PULSE_TICKET_HANDLE_UNKNOWN);
  g_assert_cmpstrv (pulse_ticket_get_tags (ticket), ((const char *[]) { NULL }));
  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_messages (ticket)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_ratings (ticket)), ==, 0);
}

/* Absent priority is normal; absent arrays and null optionals are empty. */
static void
test_absent_optionals (void)
{
  g_autoptr(PulseTicket) ticket = decode (
    "{\"id\":\"t\",\"version\":0,\"queue_id\":\"q\",\"channel\":\"email\",\"subject\":\"S\","
    "\"customer_id\":\"c\",\"status\":\"new\",\"assignee_id\":null,\"tags\":null,"
    "\"created_at\":\"2026-11-20T11:30:00+02:00\",\"resolved_at\":null,"
    "\"handle_seconds\":null}");
  g_autoptr(JsonNode) expected = pulse_test_parse (minimal_ticket);
  g_autoptr(JsonNode) output = pulse_ticket_to_json (ticket);

  g_assert_cmpint (pulse_ticket_get_priority (ticket), ==, PULSE_PRIORITY_NORMAL);
  g_assert_cmpint (pulse_ticket_get_handle_seconds (ticket), ==, PULSE_TICKET_HANDLE_UNKNOWN);
  g_assert_true (json_node_equal (output, expected));
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(PulseTicket) ticket = decode (
    "{\"id\":\"t\",\"version\":1,\"queue_id\":\"q\",\"channel\":\"viber\",\"subject\":\"S\","
    "\"customer_id\":\"c\",\"status\":\"open\",\"created_at\":\"2026-11-20T09:30:00Z\","
    "\"sla_policy\":\"gold\",\"custom\":{\"loan\":[1,2]},"
    "\"messages\":[{\"id\":\"m\",\"author_kind\":\"customer\",\"at\":\"2026-11-20T09:30:00Z\","
    "\"body\":\"Hi\",\"channel_message_id\":77}]}");

  g_assert_cmpint (pulse_ticket_get_channel (ticket), ==, PULSE_CHANNEL_KIND_VIBER);
  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_messages (ticket)), ==, 1);
}

static void
test_bad_fields (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  g_autofree char *long_subject = pulse_test_long_string (PULSE_JSON_MAX_SHORT + 1, 's');
  g_autofree char *long_tags = g_strdup_printf ("[\"cards\",%s]", long_name);
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "1001", "id: expected a string, got a number" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "version", NULL, "version: is required" },
    { "version", "-5", "version: -5 is outside" },
    { "version", "\"5\"", "version: expected an integer, got a string" },
    { "queue_id", NULL, "queue_id: is required" },
    { "queue_id", "\"\"", "queue_id: must not be empty" },
    { "queue_id", long_id, "queue_id: longer than 128 bytes" },
    { "channel", NULL, "channel: is required" },
    { "channel", "\"fax\"", "channel: unknown value “fax”" },
    { "channel", "7", "channel: expected a string, got a number" },
    { "subject", NULL, "subject: is required" },
    { "subject", "\"\"", "subject: must not be empty" },
    { "subject", "{}", "subject: expected a string, got an object" },
    { "subject", long_subject, "subject: longer than 1024 bytes" },
    { "customer_id", NULL, "customer_id: is required" },
    { "customer_id", "42", "customer_id: expected a string, got a number" },
    { "customer_id", long_id, "customer_id: longer than 128 bytes" },
    { "status", NULL, "status: is required" },
    { "status", "\"solved\"", "status: unknown value “solved”" },
    { "status", "false", "status: expected a string, got a boolean" },
    { "priority", "\"critical\"", "priority: unknown value “critical”" },
    { "priority", "3", "priority: expected a string, got a number" },
    { "assignee_id", "7", "assignee_id: expected a string, got a number" },
    { "assignee_id", long_id, "assignee_id: longer than 128 bytes" },
    { "tags", "\"cards\"", "tags: expected an array, got a string" },
    { "tags", "[\"cards\",1]", "tags[1]: expected a string, got a number" },
    { "tags", "[\"cards\",\"\"]", "tags[1]: must not be empty" },
    { "tags", long_tags, "tags[1]: longer than 256 bytes" },
    { "language", "\"Ukrainian\"", "language: must be a short BCP 47 tag" },
    { "language", "[]", "language: expected a string, got an array" },
    { "created_at", NULL, "created_at: is required" },
    { "created_at", "\"2026-11-20T09:30\"", "created_at: is not an RFC 3339 time" },
    { "created_at", "0", "created_at: expected an RFC 3339 time string, got a number" },
    { "updated_at", "\"soon\"", "updated_at: is not an RFC 3339 time" },
    { "updated_at", "\"2026-11-20T09:29:59Z\"", "updated_at: must not be before created_at" },
    { "resolved_at", "\"2026-11-20T09:40:00\"", "resolved_at: is not an RFC 3339 time" },
    { "resolved_at", "\"2026-11-20T09:29:59Z\"", "resolved_at: must not be before created_at" },
    { "resolved_at", "\"2026-11-20T11:29:59+02:00\"",
      "resolved_at: must not be before created_at" },
    { "handle_seconds", "-1", "handle_seconds: -1 is outside 0…604800" },
    { "handle_seconds", "604801", "handle_seconds: 604801 is outside 0…604800" },
    { "handle_seconds", "412000000000", "handle_seconds: 412000000000 is outside" },
    { "handle_seconds", "412.5", "handle_seconds: expected an integer, got a number" },
    { "handle_seconds", "\"412\"", "handle_seconds: expected an integer, got a string" },
    { "handle_seconds", "true", "handle_seconds: expected an integer, got a boolean" },
    { "messages", "{}", "messages: expected an array, got an object" },
    { "messages", "[5]", "messages[0]: expected a message object, got a number" },
    { "messages.2.author_kind", "\"robot\"", "messages[2].author_kind: unknown value “robot”" },
    { "messages.2.author_id", NULL,
      "messages[2].author_id: is required when the author is an agent" },
    { "messages.3.at", NULL, "messages[3].at: is required" },
    { "messages.0.body", "\"\"", "messages[0].body: must not be empty" },
    { "messages.2.at", "\"2026-11-20T09:30:01Z\"", "messages[2].at: is before messages[1]" },
    { "messages.0.at", "\"2026-11-20T09:30:03Z\"", "messages[1].at: is before messages[0]" },
    { "ratings", "\"5\"", "ratings: expected an array, got a string" },
    { "ratings", "[null]", "ratings[0]: expected a rating object, got null" },
    { "ratings.0.score", "6", "ratings[0].score: 6 is outside 1…5 for csat" },
    { "ratings.1.kind", "\"stars\"", "ratings[1].kind: unknown value “stars”" },
    { "ratings.1.at", NULL, "ratings[1].at: is required" },
  };

  pulse_test_assert_bad_mutations (full_ticket, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

/* The exact message the brief promises for a nested error. */
static void
test_nested_error_message (void)
{
  g_autofree char *json = pulse_test_mutate (full_ticket, "messages.2.author_kind", "\"robot\"");
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (node, &error);

  g_assert_null (ticket);
  g_assert_cmpstr (error->message, ==, "messages[2].author_kind: unknown value “robot”");
}

static void
test_too_many_tags (void)
{
  g_autoptr(GString) json = g_string_new (
    "{\"id\":\"t\",\"version\":0,\"queue_id\":\"q\",\"channel\":\"email\",\"subject\":\"S\","
    "\"customer_id\":\"c\",\"status\":\"new\",\"created_at\":\"2026-11-20T09:30:00Z\","
    "\"tags\":[\"t0\"");
  PulseTestBadInput bad = { NULL, "tags: has more than 64 items" };

  for (guint i = 1; i <= 64; i++)
    g_string_append_printf (json, ",\"t%u\"", i);
  g_string_append (json, "]}");

  bad.json = json->str;
  pulse_test_assert_bad_inputs (&bad, 1, DECODE);
}

/* The bounds are kept, and 0 (an instant close) is not "unknown". */
static void
test_handle_seconds_bounds (void)
{
  static const int values[] = { 0, 1, PULSE_TICKET_MAX_HANDLE_SECONDS };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", values[i]);
      g_autofree char *json = pulse_test_mutate (minimal_ticket, "handle_seconds", text);
      g_autoptr(GObject) object = pulse_test_assert_round_trip (json, DECODE, ENCODE);

      g_assert_cmpint (pulse_ticket_get_handle_seconds (PULSE_TICKET (object)), ==, values[i]);
    }
}

/* Builds a ticket with @status and @messages, a JSON array of messages. */
static PulseTicket *
ticket_with (const char *status,
             const char *messages)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"t\",\"version\":0,\"queue_id\":\"q\",\"channel\":\"chat\",\"subject\":\"S\","
    "\"customer_id\":\"c\",\"status\":\"%s\",\"created_at\":\"2026-11-20T09:30:00Z\","
    "\"messages\":%s}", status, messages);

  return decode (json);
}

#define CUSTOMER(at) "{\"id\":\"c" at "\",\"author_kind\":\"customer\",\"at\":\"2026-11-20T" \
                     at "Z\",\"body\":\"?\"}"
#define BOT(at)      "{\"id\":\"b" at "\",\"author_kind\":\"bot\",\"at\":\"2026-11-20T" \
                     at "Z\",\"body\":\"auto\"}"
#define RULE(at)     "{\"id\":\"r" at "\",\"author_kind\":\"rule\",\"rule_id\":\"r-1\"," \
                     "\"at\":\"2026-11-20T" at "Z\",\"body\":\"auto\"}"
#define SYSTEM(at)   "{\"id\":\"s" at "\",\"author_kind\":\"system\",\"at\":\"2026-11-20T" \
                     at "Z\",\"body\":\"closed\"}"
#define AGENT(at)    "{\"id\":\"a" at "\",\"author_kind\":\"agent\",\"author_id\":\"a-7\"," \
                     "\"at\":\"2026-11-20T" at "Z\",\"body\":\"human\"}"

static void
test_first_response_at (void)
{
  g_autoptr(PulseTicket) full = decode (full_ticket);
  g_autoptr(PulseTicket) bots_only = ticket_with ("open", "[" CUSTOMER ("09:30:00") ","
                                                  BOT ("09:30:01") "," RULE ("09:30:02") ","
                                                  SYSTEM ("09:30:03") "]");
  g_autoptr(PulseTicket) after_rule = ticket_with ("open", "[" CUSTOMER ("09:30:00") ","
                                                   RULE ("09:30:05") "," AGENT ("09:45:00") ","
                                                   AGENT ("09:50:00") "]");
  g_autoptr(PulseTicket) empty = ticket_with ("new", "[]");

  /* The bot's reply at 09:30:02 does not count; the agent's at 09:32:10 does. */
  g_assert_cmpint (pulse_ticket_get_first_response_at (full), ==,
                   parse_time ("2026-11-20T09:32:10Z"));
  g_assert_cmpint (pulse_ticket_get_first_response_at (bots_only), ==, 0);
  g_assert_cmpint (pulse_ticket_get_first_response_at (after_rule), ==,
                   parse_time ("2026-11-20T09:45:00Z"));
  g_assert_cmpint (pulse_ticket_get_first_response_at (empty), ==, 0);
}

static void
test_is_automated (void)
{
  static const struct {
    const char *status;
    const char *messages;
    gboolean    automated;
  } cases[] = {
    { "resolved", "[" CUSTOMER ("09:30:00") "," BOT ("09:30:01") "]", TRUE },
    { "closed", "[" CUSTOMER ("09:30:00") "," RULE ("09:30:01") "," SYSTEM ("09:31:00") "]", TRUE },
    { "resolved", "[" CUSTOMER ("09:30:00") "," BOT ("09:30:01") "," AGENT ("09:40:00") "]",
      FALSE },
    { "closed", "[" CUSTOMER ("09:30:00") "," AGENT ("09:30:01") "," RULE ("09:40:00") "]",
      FALSE },
    { "open", "[" CUSTOMER ("09:30:00") "," BOT ("09:30:01") "]", FALSE },
    { "pending", "[" RULE ("09:30:01") "]", FALSE },
    { "abandoned", "[" CUSTOMER ("09:30:00") "," BOT ("09:30:01") "]", FALSE },
    { "resolved", "[" CUSTOMER ("09:30:00") "]", FALSE },
    { "closed", "[" CUSTOMER ("09:30:00") "," SYSTEM ("09:31:00") "]", FALSE },
    { "closed", "[]", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PulseTicket) ticket = ticket_with (cases[i].status, cases[i].messages);

      g_test_message ("case %u: %s %s", i, cases[i].status, cases[i].messages);
      g_assert_cmpint (pulse_ticket_is_automated (ticket), ==, cases[i].automated);
    }
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
  g_autoptr(PulseTicket) ticket = pulse_ticket_new ("t");
  const char *tags[] = { "cards", "vip", NULL };
  const char *same_tags[] = { "cards", "vip", NULL };
  guint count = 0;

  g_assert_cmpint (pulse_ticket_get_priority (ticket), ==, PULSE_PRIORITY_NORMAL);
  g_signal_connect (ticket, "notify", G_CALLBACK (on_notify_cb), &count);

  pulse_ticket_set_status (ticket, PULSE_TICKET_STATUS_OPEN);
  pulse_ticket_set_status (ticket, PULSE_TICKET_STATUS_OPEN);
  pulse_ticket_set_priority (ticket, PULSE_PRIORITY_URGENT);
  pulse_ticket_set_priority (ticket, PULSE_PRIORITY_URGENT);
  pulse_ticket_set_assignee_id (ticket, "agent-7");
  pulse_ticket_set_assignee_id (ticket, "agent-7");
  g_assert_cmpuint (count, ==, 3);

  pulse_ticket_set_tags (ticket, tags);
  pulse_ticket_set_tags (ticket, same_tags);
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpstrv (pulse_ticket_get_tags (ticket), tags);

  pulse_ticket_set_tags (ticket, NULL);
  pulse_ticket_set_tags (ticket, (const char *[]) { NULL });
  g_assert_cmpuint (count, ==, 5);
  g_assert_cmpstrv (pulse_ticket_get_tags (ticket), ((const char *[]) { NULL }));

  pulse_ticket_set_assignee_id (ticket, NULL);
  g_object_set (ticket, "status", PULSE_TICKET_STATUS_CLOSED, "version", (gint64) 6, NULL);
  g_object_set (ticket, "status", PULSE_TICKET_STATUS_CLOSED, "version", (gint64) 6, NULL);
  g_assert_cmpuint (count, ==, 8);
  g_assert_null (pulse_ticket_get_assignee_id (ticket));

  g_assert_cmpint (pulse_ticket_get_handle_seconds (ticket), ==, PULSE_TICKET_HANDLE_UNKNOWN);
  pulse_ticket_set_handle_seconds (ticket, 0);
  pulse_ticket_set_handle_seconds (ticket, 0);
  g_object_set (ticket, "handle-seconds", 95, NULL);
  g_object_set (ticket, "handle-seconds", 95, NULL);
  g_assert_cmpuint (count, ==, 10);
  g_assert_cmpint (pulse_ticket_get_handle_seconds (ticket), ==, 95);
  pulse_ticket_set_handle_seconds (ticket, PULSE_TICKET_HANDLE_UNKNOWN);
  g_assert_cmpuint (count, ==, 11);
  g_assert_cmpint (pulse_ticket_get_handle_seconds (ticket), ==, PULSE_TICKET_HANDLE_UNKNOWN);
}

/* A setter call out of range is a programming error: refused, no change. */
static void
test_handle_seconds_setter_refuses (void)
{
  g_autoptr(PulseTicket) ticket = pulse_ticket_new ("t");

  pulse_ticket_set_handle_seconds (ticket, 60);
  g_test_expect_message ("pulse-core", G_LOG_LEVEL_CRITICAL, "*handle_seconds*");
  pulse_ticket_set_handle_seconds (ticket, PULSE_TICKET_MAX_HANDLE_SECONDS + 1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("pulse-core", G_LOG_LEVEL_CRITICAL, "*handle_seconds*");
  pulse_ticket_set_handle_seconds (ticket, -2);
  g_test_assert_expected_messages ();
  g_assert_cmpint (pulse_ticket_get_handle_seconds (ticket), ==, 60);
}

static void
on_notify_count_cb (GObject    *object,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GString    *log)
{
  g_string_append_printf (log, "%u,%u,%u ", position, removed, added);
}

/* pulse_ticket_update_from(): from the minimal ticket to the full one
 * and back to a version missing one message in the middle. The stores
 * are the same objects, each change one splice of what differs, and
 * the ticket then writes exactly what its source writes. */
static void
test_update_from (void)
{
  g_autoptr(PulseTicket) ticket = decode (full_ticket);
  g_autoptr(PulseTicket) other = NULL;
  g_autoptr(PulseMessage) kept = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (full_ticket);
  g_autoptr(JsonNode) expected = NULL, written = NULL;
  GListModel *messages = pulse_ticket_get_messages (ticket);
  guint n_notify = 0;

  kept = g_list_model_get_item (messages, 3);
  g_signal_connect (messages, "items-changed", G_CALLBACK (on_items_changed_cb), log);
  g_signal_connect (ticket, "notify::status", G_CALLBACK (on_notify_count_cb), &n_notify);

  /* m-2 (the bot's) gone, the status back to open: one removal. */
  g_string_replace (text, "{\"id\":\"m-2\",\"author_kind\":\"bot\",\"author_id\":\"bot-helper\","
                    "\"at\":\"2026-11-20T09:30:02Z\",\"body\":\"Агент скоро відповість\"},", "",
                    1);
  g_string_replace (text, "\"status\":\"resolved\"", "\"status\":\"open\"", 1);
  other = decode (text->str);
  pulse_ticket_update_from (ticket, other);
  g_assert_cmpstr (log->str, ==, "1,1,0 ");
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (pulse_ticket_get_messages (ticket) == messages);
  g_assert_true (g_list_model_get_item (messages, 2) == (gpointer) kept);
  g_object_unref (kept);
  expected = pulse_ticket_to_json (other);
  written = pulse_ticket_to_json (ticket);
  g_assert_true (json_node_equal (expected, written));

  /* To the minimal ticket: everything goes, in one splice. */
  g_string_truncate (log, 0);
  g_clear_object (&other);
  g_clear_pointer (&expected, json_node_unref);
  g_clear_pointer (&written, json_node_unref);
  g_string_assign (text, minimal_ticket);
  g_string_replace (text, "\"id\":\"t\"", "\"id\":\"t-1001\"", 1);
  other = decode (text->str);
  pulse_ticket_update_from (ticket, other);
  g_assert_cmpstr (log->str, ==, "0,3,0 ");
  g_assert_cmpint (pulse_ticket_get_handle_seconds (ticket), ==, PULSE_TICKET_HANDLE_UNKNOWN);
  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_ratings (ticket)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/ticket/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/ticket/messages-and-ratings-models",
                   test_messages_and_ratings_models);
  g_test_add_func ("/pulse/core/ticket/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/ticket/absent-optionals", test_absent_optionals);
  g_test_add_func ("/pulse/core/ticket/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/ticket/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/ticket/nested-error-message", test_nested_error_message);
  g_test_add_func ("/pulse/core/ticket/too-many-tags", test_too_many_tags);
  g_test_add_func ("/pulse/core/ticket/handle-seconds-bounds", test_handle_seconds_bounds);
  g_test_add_func ("/pulse/core/ticket/handle-seconds-setter-refuses",
                   test_handle_seconds_setter_refuses);
  g_test_add_func ("/pulse/core/ticket/first-response-at", test_first_response_at);
  g_test_add_func ("/pulse/core/ticket/is-automated", test_is_automated);
  g_test_add_func ("/pulse/core/ticket/update-from", test_update_from);
  g_test_add_func ("/pulse/core/ticket/setters-notify-on-change-only",
                   test_setters_notify_on_change_only);

  return g_test_run ();
}
