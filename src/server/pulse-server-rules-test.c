/* pulse-server-rules-test.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * POST /api/v1/rules/test: which rules a message would fire, on which
 * words, and which look-alike letters hide in it (docs/protocol.md).
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-rule-book.h"
#include "pulse-server-http.h"
#include "pulse-server-rules-test.h"
#include "pulse-time-utils.h"

typedef struct
{
  char      *subject;
  char      *text;
  int        channel;
  char      *queue_id;
  GStrv      tags;
  char      *language;
  gint64     at;
  PulseRule *draft;
} TestRequest;

static void
test_request_clear (TestRequest *request)
{
  g_free (request->subject);
  g_free (request->text);
  g_free (request->queue_id);
  g_strfreev (request->tags);
  g_free (request->language);
  g_clear_object (&request->draft);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRequest, test_request_clear)

/* The rule being edited may not have an id or version yet. */
static PulseRule *
read_draft (PulseJsonReader *reader)
{
  JsonNode *node = pulse_json_reader_get_object (reader, "rule", PULSE_JSON_OPTIONAL);
  g_autoptr(JsonNode) copy = NULL;
  g_autoptr(GError) error = NULL;
  PulseRule *draft;
  JsonObject *object;

  if (node == NULL)
    return NULL;

  copy = json_node_copy (node);
  object = json_node_get_object (copy);
  if (!json_object_has_member (object, "id"))
    json_object_set_string_member (object, "id", "draft");
  if (!json_object_has_member (object, "version"))
    json_object_set_int_member (object, "version", 0);

  draft = pulse_rule_new_from_json (copy, &error);
  if (draft == NULL)
    pulse_json_reader_take_error (reader, "rule", g_steal_pointer (&error));
  return draft;
}

static gboolean
read_request (JsonNode     *node,
              TestRequest  *request,
              GError      **error)
{
  PulseJsonReader reader;
  gboolean previous = pulse_json_set_strict (TRUE);
  gboolean ok;

  ok = pulse_json_reader_init (&reader, node, "a rule test", error);
  if (ok)
    {
      request->subject = pulse_json_reader_dup_string (&reader, "subject", PULSE_JSON_OPTIONAL,
                                                       PULSE_JSON_MAX_SHORT);
      request->text = pulse_json_reader_dup_string (&reader, "text", PULSE_JSON_OPTIONAL,
                                                    PULSE_JSON_MAX_TEXT);
      request->channel = pulse_json_reader_get_enum (&reader, "channel", PULSE_TYPE_CHANNEL_KIND,
                                                     PULSE_JSON_REQUIRED, 0);
      request->queue_id = pulse_json_reader_dup_string (&reader, "queue_id", PULSE_JSON_OPTIONAL,
                                                        PULSE_JSON_MAX_ID);
      request->tags = pulse_json_reader_dup_strv (&reader, "tags", PULSE_JSON_OPTIONAL, 100,
                                                  PULSE_JSON_MAX_NAME);
      request->language = pulse_json_reader_dup_string (&reader, "language", PULSE_JSON_OPTIONAL,
                                                        16);
      request->at = pulse_json_reader_get_time (&reader, "at", PULSE_JSON_OPTIONAL);
      request->draft = read_draft (&reader);
      ok = pulse_json_reader_finish (&reader, error);
    }

  pulse_json_set_strict (previous);
  return ok;
}

static int
minute_of_day (gint64 usec)
{
  gint64 in_day = usec % PULSE_USEC_PER_DAY;

  if (in_day < 0)
    in_day += PULSE_USEC_PER_DAY;
  return (int) (in_day / PULSE_USEC_PER_MINUTE);
}

static void
respond_test (PulseServer       *server,
              SoupServerMessage *msg,
              TestRequest       *request,
              PulseRuleBook     *book)
{
  g_autoptr(PulseRuleMatcher) matcher = NULL;
  g_autoptr(PulseRuleMatchResult) result = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  PulseRuleContact contact = {
    request->subject, request->text, request->channel, request->queue_id,
    (const char * const *) request->tags, request->language,
    minute_of_day (request->at != 0 ? request->at : g_get_real_time ()),
  };

  if (request->draft != NULL)
    matcher = pulse_rule_book_new_with_draft (book, request->draft, &error);
  else
    matcher = pulse_rule_book_get_matcher (book, &error);

  if (matcher == NULL)
    {
      pulse_server_respond_internal (msg, "read the rules", error);
      return;
    }

  result = pulse_rule_matcher_evaluate (matcher, &contact, &error);
  if (result == NULL)
    {
      pulse_server_respond_error (msg, 422, "invalid_data", error->message);
      return;
    }

  answer = pulse_rule_match_result_to_json (result);
  pulse_server_respond_json (msg, SOUP_STATUS_OK, answer);
}

static void
on_rules_test_cb (SoupServer        *soup,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  PulseServer *server = user_data;
  g_autoptr(PulseTokenInfo) who = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TestRequest) request = { NULL, };

  if (!pulse_server_accept (msg, path, "/api/v1/rules/test", SOUP_METHOD_POST,
                            "the rule test bench"))
    return;

  /* Testing changes nothing, so every reader may use the bench. */
  who = pulse_server_authorize (server, msg, PULSE_PERMISSION_READ);
  if (who == NULL || (body = pulse_server_read_body (msg)) == NULL)
    return;

  if (!read_request (body, &request, &error))
    {
      pulse_server_respond_error (msg, 422, "invalid_data", error->message);
      return;
    }

  respond_test (server, msg, &request, pulse_server_get_rule_book (server));
}

/**
 * pulse_server_rules_test_install:
 * @server: the server
 *
 * Adds `POST /api/v1/rules/test`. The path shadows a rule with the id
 * "test", so the items routes refuse that id.
 */
void
pulse_server_rules_test_install (PulseServer *server)
{
  g_return_if_fail (PULSE_IS_SERVER (server));

  soup_server_add_handler (pulse_server_get_soup (server), "/api/v1/rules/test",
                           on_rules_test_cb, server, NULL);
}
