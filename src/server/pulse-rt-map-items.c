/* pulse-rt-map-items.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RT records → Pulse ingest items (the mapping table in
 * docs/bridges/rt.md). Helpers for RT's quirks are in pulse-rt-map.c.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-rt-map.h"

/* Agents the directory learns from RT have no live status: RT has none. */
#define RT_AGENT_STATUS_SINCE "2000-01-01T00:00:00Z"

static char *
clip (const char *text,
      gsize       max)
{
  const char *end;

  if (strlen (text) <= max)
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, text + max + 1);
  return g_strndup (text, end - text);
}

/**
 * pulse_rt_map_queue:
 * @rt_queue: a queue as GET /queue/N answers
 * @options: the bridge's channel per queue, country and language
 *
 * Returns: (transfer full) (nullable): a Pulse queue item, or %NULL with
 *   an error naming the member RT left out.
 */
JsonNode *
pulse_rt_map_queue (JsonObject               *rt_queue,
                    const PulseRtMapOptions  *options,
                    GError                  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  const char *rt_name = json_object_get_string_member_with_default (rt_queue, "Name", NULL);
  const char *channel = NULL;
  gint64 number;

  if (!pulse_rt_member_int (rt_queue, "id", &number) || rt_name == NULL || *rt_name == '\0')
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "queue: id or Name missing");
      return NULL;
    }

  if (options->channels != NULL)
    channel = g_hash_table_lookup (options->channels, rt_name);
  if (channel == NULL)
    channel = "email";
  id = pulse_rt_queue_id (number);
  name = clip (rt_name, PULSE_JSON_MAX_NAME);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_string (builder, "name", name);
  pulse_json_add_string (builder, "channel", channel);
  pulse_json_add_string (builder, "country", options->country);
  pulse_json_add_string (builder, "language", options->language);
  /* RT has no service level; an hour for mail, a minute for live ones. */
  pulse_json_add_int (builder, "sl_target_seconds", g_str_equal (channel, "email") ? 3600 : 60);
  pulse_json_add_double (builder, "sl_goal", 0.8);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * pulse_rt_map_agent:
 * @rt_user: an RT user's Name (an owner, a replying user)
 *
 * Returns: (transfer full): a Pulse agent item: RT knows no position,
 *   status or channels, so an agent, offline, open for none.
 */
JsonNode *
pulse_rt_map_agent (const char *rt_user)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *id = pulse_rt_agent_id (rt_user);
  g_autofree char *name = clip (rt_user, PULSE_JSON_MAX_NAME);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_string (builder, "name", name);
  pulse_json_add_string (builder, "position", "agent");
  pulse_json_add_string (builder, "status", "offline");
  pulse_json_add_string (builder, "status_since", RT_AGENT_STATUS_SINCE);
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * pulse_rt_map_message:
 * @txn: a Create or Correspond transaction
 * @rt_ticket: its ticket, for the requestors
 * @body: the text of its first text part ("" if none)
 *
 * The Create is the customer's first message whoever typed it into RT;
 * a Correspond is the customer's when a requestor wrote it, else an
 * agent's reply. The message id is the transaction's, so a transaction
 * read twice is still one message.
 *
 * Returns: (transfer full): a Pulse message.
 */
JsonNode *
pulse_rt_map_message (const PulseRtTxn *txn,
                      JsonObject       *rt_ticket,
                      const char       *body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *id = g_strdup_printf ("rt-txn-%" G_GINT64_FORMAT, txn->id);
  g_autofree char *text = clip (*body != '\0' ? body : "(no text)", PULSE_JSON_MAX_TEXT);
  g_autofree char *agent = NULL;
  gboolean customer = g_str_equal (txn->type, "Create") ||
                      pulse_rt_is_requestor (rt_ticket, txn->creator);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_string (builder, "author_kind", customer ? "customer" : "agent");
  if (!customer && txn->creator != NULL)
    {
      agent = pulse_rt_agent_id (txn->creator);
      pulse_json_add_string (builder, "author_id", agent);
    }
  pulse_json_add_time (builder, "at", txn->created);
  pulse_json_add_string (builder, "body", text);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
first_requestor (JsonObject *rt_ticket)
{
  JsonNode *node = json_object_get_member (rt_ticket, "Requestor");
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonNode *link = json_array_get_element (json_node_get_array (node), 0);

      if (JSON_NODE_HOLDS_OBJECT (link))
        name = pulse_rt_member_link (json_node_get_object (link), "id");
    }
  id = g_strconcat ("rt-c-", name != NULL ? name : "unknown", NULL);
  return clip (id, PULSE_JSON_MAX_ID);
}

static void
add_header (JsonBuilder *builder,
            JsonObject  *rt_ticket,
            gint64       created)
{
  g_autofree char *owner = pulse_rt_member_link (rt_ticket, "Owner");
  const char *status = pulse_rt_map_status (json_object_get_string_member_with_default (
    rt_ticket, "Status", NULL));
  gint64 priority = 0, updated, resolved;

  pulse_rt_member_int (rt_ticket, "Priority", &priority);
  pulse_json_add_string (builder, "status", status);
  pulse_json_add_string (builder, "priority", pulse_rt_map_priority (priority));
  /* RT's "Nobody" (user 6) is no owner. */
  if (owner != NULL && g_ascii_strcasecmp (owner, "Nobody") != 0 && !g_str_equal (owner, "6"))
    {
      g_autofree char *agent = pulse_rt_agent_id (owner);

      pulse_json_add_string (builder, "assignee_id", agent);
    }
  pulse_json_add_time (builder, "created_at", created);
  if (pulse_rt_member_time (rt_ticket, "LastUpdated", &updated) && updated >= created)
    pulse_json_add_time (builder, "updated_at", updated);
  if ((g_str_equal (status, "resolved") || g_str_equal (status, "closed")) &&
      pulse_rt_member_time (rt_ticket, "Resolved", &resolved) && resolved >= created)
    pulse_json_add_time (builder, "resolved_at", resolved);
}

/**
 * pulse_rt_map_ticket:
 * @rt_ticket: a ticket as GET /ticket/N answers
 * @queue_channel: the channel of its queue ("email")
 * @messages: (element-type JsonNode) (nullable): messages to add, from
 *   pulse_rt_map_message()
 *
 * Returns: (transfer full) (nullable): a Pulse ticket item with RT's
 *   current header, or %NULL with an error naming the member.
 */
JsonNode *
pulse_rt_map_ticket (JsonObject  *rt_ticket,
                     const char  *queue_channel,
                     GPtrArray   *messages,
                     GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *id = NULL, *queue_id = NULL, *customer = NULL, *subject = NULL;
  const char *rt_subject = json_object_get_string_member_with_default (rt_ticket, "Subject", "");
  gint64 number, queue, created;

  if (!pulse_rt_member_int (rt_ticket, "id", &number) ||
      !pulse_rt_member_int (rt_ticket, "Queue", &queue) ||
      !pulse_rt_member_time (rt_ticket, "Created", &created))
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "ticket: id, Queue or Created missing");
      return NULL;
    }

  id = pulse_rt_ticket_id (number);
  queue_id = pulse_rt_queue_id (queue);
  customer = first_requestor (rt_ticket);
  subject = clip (*rt_subject != '\0' ? rt_subject : "(no subject)", PULSE_JSON_MAX_SHORT);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_string (builder, "queue_id", queue_id);
  pulse_json_add_string (builder, "channel", queue_channel);
  pulse_json_add_string (builder, "subject", subject);
  pulse_json_add_string (builder, "customer_id", customer);
  add_header (builder, rt_ticket, created);
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (guint i = 0; messages != NULL && i < messages->len; i++)
    json_builder_add_value (builder, json_node_copy (g_ptr_array_index (messages, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
