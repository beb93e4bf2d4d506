/* pulse-sync-history.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ticket history for the KPIs: once live, `GET /api/v1/tickets?since=`
 * 90 days ago is paged into the cache in the background, one page at a
 * time, each stored with the cursor that follows it so a restart goes
 * on from there. The state never holds it (90 days of tickets would not
 * fit in memory at the top end); others read it from the cache. After a
 * snapshot, what happened while away and is in no snapshot (tickets
 * closed more than a day ago) is paged in again from the last event
 * seen.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-sync-private.h"
#include "pulse-time-utils.h"

#define HISTORY_PATH "/api/v1/tickets"
/* Clocks differ: page from a little before the last event we saw. */
#define WATERMARK_MARGIN PULSE_USEC_PER_HOUR
/* A failed page is asked for again after this long (seconds). */
#define RETRY_AFTER      30

void
_pulse_sync_history_clear (PulseSyncHistory *history)
{
  g_clear_pointer (&history->cursor, g_free);
  *history = (PulseSyncHistory) { 0 };
}

void
_pulse_sync_history_copy (PulseSyncHistory       *dest,
                          const PulseSyncHistory *src)
{
  char *cursor = g_strdup (src->cursor);

  _pulse_sync_history_clear (dest);
  *dest = *src;
  dest->cursor = cursor;
}

static gint64
window_start (void)
{
  return g_get_real_time () - PULSE_CACHE_HISTORY_DAYS * PULSE_USEC_PER_DAY;
}

/* Sets history-complete, notifying on change. */
static void
set_history (PulseSync              *self,
             const PulseSyncHistory *history)
{
  gboolean was_complete = self->history.complete;

  _pulse_sync_history_copy (&self->history, history);
  if (was_complete != history->complete)
    _pulse_sync_notify_history (self);
}

/**
 * _pulse_sync_history_for_snapshot:
 * @history: (out caller-allocates): the record to store with the snapshot
 *
 * A snapshot holds no ticket closed more than a day ago: complete
 * history is paged again from the last event seen (the gap the snapshot
 * jumps over), and paging under way goes on, as it reaches the present.
 * The record becomes the current one.
 */
void
_pulse_sync_history_for_snapshot (PulseSync        *self,
                                  PulseSyncHistory *history)
{
  gint64 floor = window_start ();

  if (self->history.since == 0)
    *history = (PulseSyncHistory) { floor, NULL, FALSE };
  else if (self->history.complete)
    *history = (PulseSyncHistory) {
      self->last_event_at != 0 ? MAX (floor, self->last_event_at - WATERMARK_MARGIN) : floor,
      NULL, FALSE };
  else
    _pulse_sync_history_copy (history, &self->history);

  set_history (self, history);
}

/**
 * _pulse_sync_history_abandon:
 *
 * Forgets the page under way (a snapshot or a stop): its answer, or the
 * job storing it, no longer moves the record.
 */
void
_pulse_sync_history_abandon (PulseSync *self)
{
  self->history_generation++;
  self->history_busy = FALSE;
  g_clear_handle_id (&self->history_retry_id, g_source_remove);
}

static gboolean
read_page (JsonNode   *node,
           JsonArray **tickets,
           char      **next_cursor,
           GError    **error)
{
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "a ticket page", error))
    return FALSE;

  *tickets = pulse_json_reader_get_array (&reader, "tickets", PULSE_JSON_REQUIRED,
                                          PULSE_JSON_MAX_ITEMS);
  *next_cursor = pulse_json_reader_dup_string (&reader, "next_cursor", PULSE_JSON_OPTIONAL,
                                               PULSE_JSON_MAX_SHORT);
  return pulse_json_reader_finish (&reader, error);
}

static gboolean
on_retry_cb (gpointer user_data)
{
  PulseSync *self = user_data;

  self->history_retry_id = 0;
  _pulse_sync_history_kick (self);
  return G_SOURCE_REMOVE;
}

static void
page_failed (PulseSync    *self,
             const GError *error)
{
  g_message ("history: %s; trying again in %d s", error->message, RETRY_AFTER);
  self->history_busy = FALSE;
  g_clear_handle_id (&self->history_retry_id, g_source_remove);
  self->history_retry_id = g_timeout_add_seconds (RETRY_AFTER, on_retry_cb, self);
}

typedef struct
{
  PulseSync *self;
  guint      generation;
} PageRequest;

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autofree PageRequest *request = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  PulseSyncHistory next = { 0 };
  JsonArray *tickets = NULL;
  PulseSync *self;

  node = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = request->self;
  if (request->generation != self->history_generation)
    return;

  if (node == NULL || !read_page (node, &tickets, &next_cursor, &error))
    {
      page_failed (self, error);
      return;
    }

  _pulse_sync_history_copy (&next, &self->history);
  g_free (next.cursor);
  next.cursor = g_steal_pointer (&next_cursor);
  next.complete = next.cursor == NULL;
  _pulse_sync_writer_page (self, tickets, &next, request->generation);
  _pulse_sync_history_clear (&next);
}

static void
request_page (PulseSync *self)
{
  g_autofree char *since = pulse_time_format (self->history.since);
  g_autofree char *since_escaped = g_uri_escape_string (since, NULL, FALSE);
  g_autoptr(GString) path = g_string_new (HISTORY_PATH);
  PageRequest *request = g_new0 (PageRequest, 1);

  g_string_append_printf (path, "?since=%s&limit=%u", since_escaped, self->history_page_size);
  if (self->history.cursor != NULL)
    {
      g_autofree char *cursor = g_uri_escape_string (self->history.cursor, NULL, FALSE);

      g_string_append_printf (path, "&cursor=%s", cursor);
    }

  request->self = self;
  request->generation = self->history_generation;
  self->history_busy = TRUE;
  pulse_client_get_json_async (self->client, path->str, self->cancellable, page_cb, request);
}

/**
 * _pulse_sync_history_kick:
 *
 * While live: asks for the next page unless one is under way; once the
 * history is complete, prunes what left the window (once a run).
 */
void
_pulse_sync_history_kick (PulseSync *self)
{
  PulseSyncHistory start = { 0 };

  if (!self->running || !self->is_live || self->history_busy || self->cache == NULL ||
      self->cache_failed || self->history_retry_id != 0)
    return;

  if (self->history.complete)
    {
      if (!self->pruned)
        {
          self->pruned = TRUE;
          _pulse_sync_writer_prune (self);
        }
      return;
    }

  if (self->history.since == 0)
    {
      start.since = window_start ();
      set_history (self, &start);
    }

  request_page (self);
}

/**
 * _pulse_sync_history_stored:
 * @history: (nullable): the record stored with the page, or %NULL if the
 *   page could not be stored
 * @generation: the paging the page belonged to
 *
 * A page is in the cache: go on with the next, or prune at the end.
 */
void
_pulse_sync_history_stored (PulseSync              *self,
                            const PulseSyncHistory *history,
                            guint                   generation)
{
  if (generation != self->history_generation)
    return;

  self->history_busy = FALSE;
  if (history == NULL)
    return;

  set_history (self, history);
  if (history->complete)
    g_debug ("history: complete since %" G_GINT64_FORMAT, history->since);
  _pulse_sync_history_kick (self);
}
