/* pulse-server-snapshot.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET /api/v1/snapshot`: the current state and the event seq it is
 * consistent with (docs/protocol.md, Snapshot).
 */

#include "config.h"

#include "pulse-directory-store.h"
#include "pulse-event-log.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-server-http.h"
#include "pulse-server-snapshot.h"
#include "pulse-ticket-store.h"
#include "pulse-time-utils.h"

/* Closed tickets stay in the snapshot this long after their last change. */
#define RECENT_TICKETS   (24 * PULSE_USEC_PER_HOUR)
/* Days of loan applications in the snapshot, today included. */
#define APPLICATION_DAYS 90

static const char * const directory_kinds[][2] = {
  { "queues", "queue" },
  { "teams", "team" },
  { "agents", "agent" },
  { "channels", "channel" },
};

static const char * const managed_kinds[][2] = {
  { "rules", "rule" },
  { "templates", "template" },
  { "scorecards", "scorecard" },
  { "mentorships", "mentorship" },
  { "shifts", "shift" },
  { "reviews", "review" },
  { "followups", "followup" },
  { "calibrations", "calibration" },
};

typedef struct
{
  PulseServer *server;
  gint64       now;
  GString     *text;
} Snapshot;

/* Writes `"member":[…]` from JSON texts, which are the stored canonical
 * forms of their codecs. */
static void
add_texts (GString    *text,
           const char *member,
           GPtrArray  *items)
{
  g_string_append_printf (text, ",\"%s\":[", member);
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, items->pdata[i]);
    }
  g_string_append_c (text, ']');
}

static void
add_nodes (GString    *text,
           const char *member,
           GPtrArray  *items)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_full (items->len, g_free);

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (texts, pulse_json_to_string (items->pdata[i]));
  add_texts (text, member, texts);
}

static char *
first_application_day (gint64 now)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) first = g_date_time_add_days (today, -(APPLICATION_DAYS - 1));

  return g_date_time_format (first, "%Y-%m-%d");
}

static gboolean
add_state (Snapshot  *snapshot,
           GError   **error)
{
  PulseDb *db = pulse_server_get_db (snapshot->server);
  g_autoptr(PulseDirectoryStore) directory = pulse_directory_store_new (db);
  g_autoptr(PulseTicketStore) tickets = pulse_ticket_store_new (db);
  g_autoptr(GPtrArray) live = NULL;
  g_autoptr(GPtrArray) applications = NULL;
  g_autofree char *first_day = first_application_day (snapshot->now);

  for (guint i = 0; i < G_N_ELEMENTS (directory_kinds); i++)
    {
      g_autoptr(GPtrArray) items = pulse_directory_store_list (directory, directory_kinds[i][1],
                                                               error);
      if (items == NULL)
        return FALSE;
      add_texts (snapshot->text, directory_kinds[i][0], items);
    }

  live = pulse_ticket_store_list_live (tickets, snapshot->now - RECENT_TICKETS, error);
  if (live == NULL)
    return FALSE;
  add_texts (snapshot->text, "tickets", live);

  applications = pulse_directory_store_list_applications (directory, first_day, error);
  if (applications == NULL)
    return FALSE;
  add_texts (snapshot->text, "applications", applications);
  return TRUE;
}

/* Everything is read inside one transaction, which holds the database,
 * so no change lands between the seq and the state. */
static gboolean
read_cb (PulseDb   *db,
         gpointer   user_data,
         GError   **error)
{
  Snapshot *snapshot = user_data;
  PulseItemStore *items = pulse_server_get_item_store (snapshot->server);
  PulseEventLog *events = pulse_server_get_event_log (snapshot->server);

  g_string_append_printf (snapshot->text, "{\"seq\":%" G_GINT64_FORMAT,
                          pulse_event_log_get_last_seq (events));
  if (!add_state (snapshot, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (managed_kinds); i++)
    {
      g_autoptr(GPtrArray) list = pulse_item_store_list (items, managed_kinds[i][1], error);

      if (list == NULL)
        return FALSE;
      add_nodes (snapshot->text, managed_kinds[i][0], list);
    }

  g_string_append_c (snapshot->text, '}');
  return TRUE;
}

static void
on_snapshot_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  PulseServer *self = user_data;
  g_autoptr(PulseTokenInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot snapshot;
  gsize length;

  if (!pulse_server_accept (msg, path, "/api/v1/snapshot", SOUP_METHOD_GET, "snapshot"))
    return;

  info = pulse_server_authorize (self, msg, PULSE_PERMISSION_READ);
  if (info == NULL)
    return;

  snapshot = (Snapshot) { self, g_get_real_time (), g_string_new (NULL) };
  if (!pulse_db_transaction (pulse_server_get_db (self), read_cb, &snapshot, &error))
    {
      g_string_free (snapshot.text, TRUE);
      pulse_server_respond_internal (msg, "read its state", error);
      return;
    }

  length = snapshot.text->len;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_string_free (snapshot.text, FALSE), length);
}

/**
 * pulse_server_snapshot_install:
 *
 * Adds `/api/v1/snapshot` to the server.
 */
void
pulse_server_snapshot_install (PulseServer *self)
{
  g_return_if_fail (PULSE_IS_SERVER (self));

  soup_server_add_handler (pulse_server_get_soup (self), "/api/v1/snapshot", on_snapshot_cb,
                           self, NULL);
}
