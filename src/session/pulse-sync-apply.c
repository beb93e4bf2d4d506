/* pulse-sync-apply.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSync applying the event stream, main thread only: events queue in
 * an inbox and are applied in time slices, each change written to the
 * cache and told to the lists and views; a ticket an event names that the
 * state lacks is fetched. Part of PulseSync (pulse-sync-private.h).
 */

#include "config.h"

#include "pulse-idle-budget.h"
#include "pulse-error.h"
#include "pulse-sync-private.h"

#define TICKETS_PATH  "/api/v1/tickets/"

typedef struct
{
  PulseSync *self;
  char      *id;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_free (fetch->id);
  g_free (fetch);
}

static void
ticket_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  PulseSync *self;

  node = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fetch_free (fetch);
      return;
    }

  self = fetch->self;
  g_hash_table_remove (self->fetching, fetch->id);
  if (node == NULL)
    g_message ("sync: ticket %s: %s; trying again when connected", fetch->id, error->message);
  else if (!pulse_state_put_ticket (self->state, node, &change, &error))
    {
      g_message ("sync: ticket %s: %s", fetch->id, error->message);
      if (g_error_matches (error, PULSE_ERROR, PULSE_ERROR_CONFLICT))
        _pulse_sync_net_take_snapshot (self);
    }
  else if (change.action != PULSE_STATE_ACTION_NONE)
    {
      _pulse_sync_writer_add (self, &change);
      _pulse_sync_emit_changed (self, &change);
    }

  fetch_free (fetch);
}

/* `GET /api/v1/tickets/{id}` for a ticket an event named; the state
 * holds that event and the later ones until the ticket comes. */
void
_pulse_sync_fetch_ticket (PulseSync  *self,
                          const char *id)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  Fetch *fetch;

  if (g_hash_table_contains (self->fetching, id))
    return;

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat (TICKETS_PATH, escaped, NULL);
  fetch = g_new0 (Fetch, 1);
  fetch->self = self;
  fetch->id = g_strdup (id);
  g_hash_table_add (self->fetching, g_strdup (id));
  pulse_client_get_json_async (self->client, path, self->cancellable, ticket_cb, fetch);
}

static void
apply_change (PulseSync        *self,
              PulseStateChange *change)
{
  switch (change->action)
    {
    case PULSE_STATE_ACTION_MISSING:
      _pulse_sync_fetch_ticket (self, change->id);
      break;
    case PULSE_STATE_ACTION_CREATED:
    case PULSE_STATE_ACTION_UPDATED:
    case PULSE_STATE_ACTION_DELETED:
      _pulse_sync_writer_add (self, change);
      _pulse_sync_emit_changed (self, change);
      break;
    case PULSE_STATE_ACTION_NONE:
    case PULSE_STATE_ACTION_RESYNC:
    default:
      break;
    }
}

/* Applies one event; FALSE if it parted us from the server, and a
 * snapshot is on its way instead. */
static gboolean
apply_event (PulseSync *self,
             JsonNode  *event)
{
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;

  /* A gap, a conflict or data we cannot read: our copy and the server's
   * have parted, and only a snapshot joins them again. */
  if (!pulse_state_apply (self->state, event, &change, &error))
    {
      g_message ("sync: %s; taking a snapshot", error->message);
      _pulse_sync_net_take_snapshot (self);
      return FALSE;
    }

  apply_change (self, &change);
  return TRUE;
}

/* Forgets the events not applied yet (a snapshot replaces them, or the
 * run stopped), and the drain that would apply them. */
void
_pulse_sync_drop_inbox (PulseSync *self)
{
  JsonNode *event;

  g_clear_handle_id (&self->drain_id, g_source_remove);
  g_clear_handle_id (&self->drain_late_id, g_source_remove);
  while ((event = g_queue_pop_head (&self->inbox)) != NULL)
    json_node_unref (event);
}

/* Events that found the inbox empty are applied before the UI's next
 * redraw (GDK_PRIORITY_REDRAW is G_PRIORITY_HIGH_IDLE + 20), so the
 * frame that follows shows them: below it, a frame something else had
 * asked for was drawn first, with none of them, and the frame that did
 * show them had to wait a whole frame interval after it. What a slice
 * leaves over (a backlog) goes on below the redraw, a slice between
 * frames. */
#define DRAIN_FRESH_PRIORITY   (G_PRIORITY_HIGH_IDLE + 10)
#define DRAIN_BACKLOG_PRIORITY G_PRIORITY_DEFAULT_IDLE

/* Applies what arrived, a time slice at a time: a burst of a thousand
 * frames read at once must not hold up a frame of the UI. Returns
 * whether events are left. */
static gboolean
drain_slice (PulseSync *self)
{
  gint64 deadline = pulse_idle_budget_deadline ();
  gboolean applied = FALSE;
  JsonNode *event;

  while (self->phase == PULSE_SYNC_PHASE_STREAMING &&
         (event = g_queue_pop_head (&self->inbox)) != NULL)
    {
      gboolean ok = apply_event (self, event);

      json_node_unref (event);
      applied |= ok;
      if (!ok || g_get_monotonic_time () >= deadline)
        break;
    }

  if (applied)
    {
      _pulse_sync_set_last_event_at (self, pulse_stream_get_last_event_at (self->stream));
      _pulse_sync_notify_seq (self);
      _pulse_sync_update (self);
    }

  self->inbox_since = g_get_monotonic_time ();
  return !g_queue_is_empty (&self->inbox);
}

static gboolean
on_drain_cb (gpointer user_data)
{
  g_autoptr(PulseSync) self = g_object_ref (user_data);

  if (drain_slice (self) && self->drain_id != 0)
    {
      if (g_source_get_priority (g_main_current_source ()) == DRAIN_BACKLOG_PRIORITY)
        return G_SOURCE_CONTINUE;

      self->drain_id = g_idle_add_full (DRAIN_BACKLOG_PRIORITY, on_drain_cb, self, NULL);
      return G_SOURCE_REMOVE;
    }

  self->drain_id = 0;
  g_clear_handle_id (&self->drain_late_id, g_source_remove);
  return G_SOURCE_REMOVE;
}

/* The idle did not run in time (default-priority work all the while):
 * a slice at default priority, until the inbox is empty. */
static gboolean
on_drain_late_cb (gpointer user_data)
{
  g_autoptr(PulseSync) self = g_object_ref (user_data);

  if (drain_slice (self) && self->drain_late_id != 0)
    return G_SOURCE_CONTINUE;

  self->drain_late_id = 0;
  g_clear_handle_id (&self->drain_id, g_source_remove);
  g_clear_handle_id (&self->drain_late_id, g_source_remove);
  return G_SOURCE_REMOVE;
}

static void
schedule_drain (PulseSync *self,
                int        priority)
{
  if (self->drain_id == 0)
    self->drain_id = g_idle_add_full (priority, on_drain_cb, self, NULL);
  if (self->drain_late_id == 0)
    self->drain_late_id = g_timeout_add (PULSE_SYNC_INBOX_WAIT_US / 1000, on_drain_late_cb,
                                         self);
}

/* The stream's "event": into the inbox, applied by the drain. */
void
_pulse_sync_on_stream_event (PulseStream *stream,
                    JsonNode    *event,
                    gpointer     user_data)
{
  PulseSync *self = user_data;
  gboolean fresh;

  if (self->phase != PULSE_SYNC_PHASE_STREAMING)
    return;

  /* Applied by an idle, unless it has been kept from running for too
   * long. */
  fresh = g_queue_is_empty (&self->inbox);
  if (fresh)
    self->inbox_since = g_get_monotonic_time ();
  g_queue_push_tail (&self->inbox, json_node_ref (event));
  if (g_get_monotonic_time () - self->inbox_since > PULSE_SYNC_INBOX_WAIT_US)
    {
      g_autoptr(PulseSync) hold = g_object_ref (self);

      drain_slice (self);
    }
  if (!g_queue_is_empty (&self->inbox))
    schedule_drain (self, fresh ? DRAIN_FRESH_PRIORITY : DRAIN_BACKLOG_PRIORITY);
}
