/* pulse-server-tickets.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET /api/v1/tickets` (history pages, for KPIs) and
 * `GET /api/v1/tickets/{id}` (docs/protocol.md, Tickets).
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-server-http.h"
#include "pulse-server-tickets.h"
#include "pulse-ticket-store.h"
#include "pulse-time-utils.h"

#define TICKETS_PATH     "/api/v1/tickets"
#define DEFAULT_LIMIT    500
#define CURSOR_TAG       "v1:"

typedef struct
{
  gint64  since;
  gint64  until;
  gint64  after_updated_at;
  char   *after_id;
  guint   limit;
} PageQuery;

/* The cursor is opaque to clients: base64url of "v1:<updated_at µs>:<id>",
 * the position of the last ticket of the page. */
static char *
encode_cursor (gint64      updated_at,
               const char *id)
{
  g_autofree char *plain = g_strdup_printf (CURSOR_TAG "%" G_GINT64_FORMAT ":%s", updated_at, id);
  char *text = g_base64_encode ((const guchar *) plain, strlen (plain));

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  g_strdelimit (text, "=", '\0');
  return text;
}

static gboolean
decode_cursor (const char  *text,
               gint64      *updated_at,
               char       **id)
{
  g_autoptr(GString) padded = g_string_new (text);
  g_autofree guchar *plain = NULL;
  g_autofree char *string = NULL;
  const char *rest;
  char *end = NULL;
  gsize length = 0;

  if (padded->len == 0 || strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                        "0123456789-_") != padded->len || padded->len > 1024)
    return FALSE;

  g_strdelimit (padded->str, "-", '+');
  g_strdelimit (padded->str, "_", '/');
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');

  plain = g_base64_decode (padded->str, &length);
  string = g_strndup ((const char *) plain, length);
  if (strlen (string) != length || !g_str_has_prefix (string, CURSOR_TAG))
    return FALSE;

  rest = string + strlen (CURSOR_TAG);
  if (!g_ascii_isdigit (rest[0]))
    return FALSE;
  *updated_at = g_ascii_strtoll (rest, &end, 10);
  if (end == NULL || *end != ':' || end[1] == '\0' || !g_utf8_validate (end + 1, -1, NULL))
    return FALSE;

  *id = g_strdup (end + 1);
  return TRUE;
}

static gboolean
read_time (GHashTable  *query,
           const char  *name,
           gint64      *usec,
           GError     **error)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  if (text == NULL)
    return TRUE;

  if (!pulse_time_parse (text, usec))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "%s: is not an RFC 3339 time with a time zone", name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_query (GHashTable  *query,
            PageQuery   *page,
            GError     **error)
{
  const char *limit = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  guint64 value = 0;

  if (!read_time (query, "since", &page->since, error) ||
      !read_time (query, "until", &page->until, error))
    return FALSE;

  if (limit != NULL &&
      (!g_ascii_string_to_unsigned (limit, 10, 1, PULSE_TICKET_STORE_MAX_PAGE, &value, NULL)))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "limit: must be a whole number from 1 to %d", PULSE_TICKET_STORE_MAX_PAGE);
      return FALSE;
    }
  if (limit != NULL)
    page->limit = value;

  if (cursor != NULL && !decode_cursor (cursor, &page->after_updated_at, &page->after_id))
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "cursor: is not a cursor this server gave out");
      return FALSE;
    }

  return TRUE;
}

/* The page is written around the stored text of each ticket, which is
 * already the canonical JSON of its codec. */
static void
respond_page (SoupServerMessage *msg,
              GPtrArray         *tickets,
              const char        *next_cursor)
{
  GString *text = g_string_new ("{\"tickets\":[");
  gsize length;

  for (guint i = 0; i < tickets->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, tickets->pdata[i]);
    }

  /* A cursor is base64url: nothing in it needs escaping. */
  if (next_cursor != NULL)
    g_string_append_printf (text, "],\"next_cursor\":\"%s\"}", next_cursor);
  else
    g_string_append (text, "],\"next_cursor\":null}");

  length = text->len;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_string_free (text, FALSE), length);
}

static void
list_tickets (PulseServer       *self,
              SoupServerMessage *msg,
              GHashTable        *query)
{
  g_autoptr(PulseTicketStore) store = pulse_ticket_store_new (pulse_server_get_db (self));
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_id = NULL;
  g_autofree char *next_cursor = NULL;
  PageQuery page = { 0, 0, 0, NULL, DEFAULT_LIMIT };
  gint64 last_updated_at = 0;
  gboolean more = FALSE;

  if (!read_query (query, &page, &error))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message);
      return;
    }

  tickets = pulse_ticket_store_list_page (store, page.since, page.until, page.after_updated_at,
                                          page.after_id, page.limit, &more, &last_updated_at,
                                          &last_id, &error);
  g_free (page.after_id);
  if (tickets == NULL)
    {
      pulse_server_respond_internal (msg, "read its tickets", error);
      return;
    }

  if (more)
    next_cursor = encode_cursor (last_updated_at, last_id);
  respond_page (msg, tickets, next_cursor);
}

static void
get_ticket (PulseServer       *self,
            SoupServerMessage *msg,
            const char        *id)
{
  g_autoptr(PulseTicketStore) store = pulse_ticket_store_new (pulse_server_get_db (self));
  g_autoptr(JsonNode) ticket = NULL;
  g_autoptr(GError) error = NULL;

  /* libsoup hands over the path unescaped, so the rest of it is the id,
   * "/" included: no deeper path exists under a ticket. */
  if (id[0] == '\0' || !g_utf8_validate (id, -1, NULL))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such ticket");
      return;
    }

  ticket = pulse_ticket_store_get (store, id, &error);
  if (ticket != NULL)
    pulse_server_respond_json (msg, SOUP_STATUS_OK, ticket);
  else if (g_error_matches (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND))
    pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", error->message);
  else
    {
      pulse_server_respond_internal (msg, "read the ticket", error);
    }
}

static void
on_tickets_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  PulseServer *self = user_data;
  g_autoptr(PulseTokenInfo) info = NULL;

  if (!pulse_server_accept (msg, path, NULL, SOUP_METHOD_GET, "tickets"))
    return;

  info = pulse_server_authorize (self, msg, PULSE_PERMISSION_READ);
  if (info == NULL)
    return;

  if (g_str_equal (path, TICKETS_PATH))
    list_tickets (self, msg, query);
  else if (g_str_has_prefix (path, TICKETS_PATH "/"))
    get_ticket (self, msg, path + strlen (TICKETS_PATH "/"));
  else
    pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
}

/**
 * pulse_server_tickets_install:
 *
 * Adds `/api/v1/tickets` and `/api/v1/tickets/{id}` to the server.
 */
void
pulse_server_tickets_install (PulseServer *self)
{
  g_return_if_fail (PULSE_IS_SERVER (self));

  soup_server_add_handler (pulse_server_get_soup (self), TICKETS_PATH, on_tickets_cb, self,
                           NULL);
}
