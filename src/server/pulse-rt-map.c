/* pulse-rt-map.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-rt-map.h"
#include "pulse-time-utils.h"

/* RT's "unset" date is the epoch; anything before 1971 is treated so. */
#define RT_UNSET_BEFORE_USEC (G_GINT64_CONSTANT (31536000) * G_USEC_PER_SEC)

/* Cuts @text to at most @max bytes on a character boundary. */
static char *
dup_clipped (const char *text,
             gsize       max)
{
  const char *end;

  if (strlen (text) <= max)
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, text + max + 1);
  return g_strndup (text, end - text);
}

/**
 * pulse_rt_read_int:
 * @node: (nullable): a JSON number, a string of digits, or a hyperlink
 *   object (`{"type":"ticket","id":"12"}`)
 * @value: (out): the integer
 *
 * RT sends the same id as 12, "12", 12.0 or inside a hyperlink.
 *
 * Returns: %TRUE if @node holds an integer in one of those forms.
 */
gboolean
pulse_rt_read_int (JsonNode *node,
                   gint64   *value)
{
  const char *text;
  char *end = NULL;
  double number;

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return pulse_rt_read_int (json_object_get_member (json_node_get_object (node), "id"), value);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *value = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      number = json_node_get_double (node);
      if (number != (double) (gint64) number)
        return FALSE;
      *value = (gint64) number;
      return TRUE;
    case G_TYPE_STRING:
      text = json_node_get_string (node);
      number = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || number != (double) (gint64) number)
        return FALSE;
      *value = (gint64) number;
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * pulse_rt_member_int:
 * @object: an RT record
 * @member: "id", "Priority" …
 * @value: (out): the integer
 *
 * Returns: %TRUE if @member is there and an integer in any of RT's forms.
 */
gboolean
pulse_rt_member_int (JsonObject *object,
                     const char *member,
                     gint64     *value)
{
  return pulse_rt_read_int (json_object_get_member (object, member), value);
}

/**
 * pulse_rt_member_link:
 * @object: an RT record
 * @member: "Owner", "Creator", "Queue" …
 *
 * A hyperlink's `id` (a user's Name, a queue's number), whether RT wrote
 * the link as an object, a string or a number.
 *
 * Returns: (transfer full) (nullable): the id as text, or %NULL.
 */
char *
pulse_rt_member_link (JsonObject *object,
                      const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 number;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    node = json_object_get_member (json_node_get_object (node), "id");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) != '\0' ? g_strdup (json_node_get_string (node)) : NULL;
  if (pulse_rt_read_int (node, &number))
    return g_strdup_printf ("%" G_GINT64_FORMAT, number);
  return NULL;
}

/**
 * pulse_rt_member_time:
 * @usec: (out): the time, µs since the epoch
 *
 * Returns: %TRUE for a set date; %FALSE when missing, "Not set", or
 *   RT's 1970-01-01 for unset.
 */
gboolean
pulse_rt_member_time (JsonObject *object,
                      const char *member,
                      gint64     *usec)
{
  const char *text = json_object_get_string_member_with_default (object, member, NULL);
  gint64 value;

  if (text == NULL || !pulse_time_parse (text, &value) || value < RT_UNSET_BEFORE_USEC)
    return FALSE;
  *usec = value;
  return TRUE;
}

/**
 * pulse_rt_page_count:
 * @page: a collection answer (`{"pages":2.0,"items":[…]}`)
 *
 * Returns: `pages` rounded up (RT writes it as a float, sometimes as a
 *   string), 0 if missing.
 */
gint64
pulse_rt_page_count (JsonObject *page)
{
  JsonNode *node = json_object_get_member (page, "pages");
  double pages = 0;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    pages = g_ascii_strtod (json_node_get_string (node), NULL);
  else
    pages = json_node_get_double (node);
  return pages > 0 ? (gint64) (pages + 0.999999) : 0;
}

/**
 * pulse_rt_decode_content:
 * @content: (nullable): an attachment's `Content`
 * @base64: whether RT sent it base64-encoded (single-record reads do)
 *
 * Returns: (transfer full): the text as valid UTF-8, invalid bytes
 *   replaced, or "" for nothing.
 */
char *
pulse_rt_decode_content (const char *content,
                         gboolean    base64)
{
  g_autofree guchar *raw = NULL;
  gsize length = 0;

  if (content == NULL)
    return g_strdup ("");
  if (!base64)
    return g_utf8_make_valid (content, -1);
  raw = g_base64_decode (content, &length);
  return g_utf8_make_valid ((const char *) raw, (gssize) length);
}

/**
 * pulse_rt_map_status:
 * @rt_status: (nullable): an RT status ("new", "stalled" …)
 *
 * Returns: the Pulse ticket status nick: stalled is pending, rejected
 *   and deleted are closed; a custom lifecycle's status is open.
 */
const char *
pulse_rt_map_status (const char *rt_status)
{
  static const char * const map[][2] = {
    { "new", "new" }, { "open", "open" }, { "stalled", "pending" },
    { "resolved", "resolved" }, { "rejected", "closed" }, { "deleted", "closed" },
  };

  for (gsize i = 0; rt_status != NULL && i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (rt_status, map[i][0]) == 0)
      return map[i][1];
  return "open";
}

/**
 * pulse_rt_map_priority:
 * @rt_priority: RT's 0…100 (Low 0, Medium 50, High 100 in RT 5)
 *
 * Returns: low below 50, normal below 90, high below 100, urgent from 100.
 */
const char *
pulse_rt_map_priority (gint64 rt_priority)
{
  if (rt_priority < 50)
    return "low";
  if (rt_priority < 90)
    return "normal";
  if (rt_priority < 100)
    return "high";
  return "urgent";
}

/**
 * pulse_rt_agent_id:
 * @rt_user: an RT user's Name
 *
 * Returns: (transfer full): the Pulse agent id, "rt-u-<Name>".
 */
char *
pulse_rt_agent_id (const char *rt_user)
{
  g_autofree char *id = g_strconcat ("rt-u-", rt_user, NULL);

  return dup_clipped (id, PULSE_JSON_MAX_ID);
}

/**
 * pulse_rt_queue_id:
 *
 * Returns: (transfer full): "rt-q-<number>".
 */
char *
pulse_rt_queue_id (gint64 rt_queue)
{
  return g_strdup_printf ("rt-q-%" G_GINT64_FORMAT, rt_queue);
}

/**
 * pulse_rt_ticket_id:
 *
 * Returns: (transfer full): "rt-<number>".
 */
char *
pulse_rt_ticket_id (gint64 rt_ticket)
{
  return g_strdup_printf ("rt-%" G_GINT64_FORMAT, rt_ticket);
}

/**
 * pulse_rt_txn_read:
 * @txn: (out caller-allocates): filled; free with pulse_rt_txn_clear()
 * @node: one item of a /transactions page, asked with
 *   `fields=Type,ObjectId,Creator,Created,Field`
 *
 * Returns: %TRUE, or %FALSE with a %PULSE_ERROR_INVALID_DATA error
 *   naming the member.
 */
gboolean
pulse_rt_txn_read (PulseRtTxn  *txn,
                   JsonNode    *node,
                   GError     **error)
{
  JsonObject *object;
  const char *missing = NULL;

  memset (txn, 0, sizeof *txn);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "transaction: not an object");
      return FALSE;
    }

  object = json_node_get_object (node);
  if (!pulse_rt_member_int (object, "id", &txn->id))
    missing = "id";
  else if (!pulse_rt_member_int (object, "ObjectId", &txn->ticket_id) &&
           !pulse_rt_member_int (object, "Object", &txn->ticket_id))
    missing = "ObjectId";
  else if (!pulse_rt_member_time (object, "Created", &txn->created))
    missing = "Created";
  else if ((txn->type = g_strdup (json_object_get_string_member_with_default (object, "Type",
                                                                              NULL))) == NULL)
    missing = "Type";
  if (missing != NULL)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "transaction %" G_GINT64_FORMAT ": %s: missing or not valid", txn->id, missing);
      pulse_rt_txn_clear (txn);
      return FALSE;
    }

  txn->creator = pulse_rt_member_link (object, "Creator");
  txn->field = g_strdup (json_object_get_string_member_with_default (object, "Field", NULL));
  return TRUE;
}

/**
 * pulse_rt_txn_clear:
 *
 * Frees what pulse_rt_txn_read() filled in.
 */
void
pulse_rt_txn_clear (PulseRtTxn *txn)
{
  g_clear_pointer (&txn->type, g_free);
  g_clear_pointer (&txn->creator, g_free);
  g_clear_pointer (&txn->field, g_free);
}

/**
 * pulse_rt_txn_free:
 * @data: (transfer full): a #PulseRtTxn from g_new0()
 *
 * Frees a heap transaction, for pointer arrays.
 */
void
pulse_rt_txn_free (gpointer data)
{
  pulse_rt_txn_clear (data);
  g_free (data);
}

/**
 * pulse_rt_is_requestor:
 * @rt_ticket: a ticket as GET /ticket/N answers
 * @rt_user: (nullable): a user's Name (requestors are named by address)
 *
 * Returns: %TRUE if @rt_user is among the ticket's requestors.
 */
gboolean
pulse_rt_is_requestor (JsonObject *rt_ticket,
                       const char *rt_user)
{
  JsonArray *requestors;

  if (rt_user == NULL || !json_object_has_member (rt_ticket, "Requestor") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (rt_ticket, "Requestor")))
    return FALSE;

  requestors = json_object_get_array_member (rt_ticket, "Requestor");
  for (guint i = 0; i < json_array_get_length (requestors); i++)
    {
      JsonNode *link = json_array_get_element (requestors, i);
      g_autofree char *name = NULL;

      if (JSON_NODE_HOLDS_OBJECT (link))
        name = pulse_rt_member_link (json_node_get_object (link), "id");
      else if (JSON_NODE_HOLDS_VALUE (link) && json_node_get_value_type (link) == G_TYPE_STRING)
        name = g_strdup (json_node_get_string (link));
      if (name != NULL && g_ascii_strcasecmp (name, rt_user) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * pulse_rt_page_items:
 * @page: a collection answer
 *
 * Returns: (transfer none) (nullable): its `items`, or %NULL with an
 *   error when RT answered something else.
 */
JsonArray *
pulse_rt_page_items (JsonNode  *page,
                     GError   **error)
{
  JsonNode *items = NULL;

  if (JSON_NODE_HOLDS_OBJECT (page))
    items = json_object_get_member (json_node_get_object (page), "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "RT answered a search without “items”");
      return NULL;
    }
  return json_node_get_array (items);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * pulse_rt_sort_unique:
 * @numbers: (element-type gint64): ids, as a page named them
 *
 * Sorts @numbers ascending and drops repeats.
 */
void
pulse_rt_sort_unique (GArray *numbers)
{
  guint kept = 0;

  g_array_sort (numbers, compare_int64);
  for (guint i = 0; i < numbers->len; i++)
    {
      gint64 number = g_array_index (numbers, gint64, i);

      if (kept == 0 || number != g_array_index (numbers, gint64, kept - 1))
        g_array_index (numbers, gint64, kept++) = number;
    }
  g_array_set_size (numbers, kept);
}
