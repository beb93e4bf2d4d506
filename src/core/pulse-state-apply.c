/* pulse-state-apply.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Events on a #PulseState: the frame, its seq, and the events of the
 * directory, the managed items, agent status and applications. Ticket
 * events are in pulse-state-tickets.c.
 */

#include "config.h"

#include "pulse-applications.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-state-private.h"
#include "pulse-time-utils.h"

typedef struct
{
  gint64    seq;
  char     *type;
  JsonNode *data;   /* NULL when absent */
} Frame;

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->type, g_free);
  g_clear_pointer (&frame->data, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Frame, frame_clear)

/* `{"seq","type","at","data"}`; `at` is not needed to apply anything. */
static gboolean
read_frame (JsonNode  *event,
            Frame     *frame,
            GError   **error)
{
  PulseJsonReader reader;
  JsonNode *data;

  if (!pulse_json_reader_init (&reader, event, "an event", error))
    return FALSE;

  frame->seq = pulse_json_reader_get_int (&reader, "seq", PULSE_JSON_REQUIRED, 0, G_MAXINT64, 0);
  frame->type = pulse_json_reader_dup_string (&reader, "type", PULSE_JSON_REQUIRED,
                                              PULSE_JSON_MAX_ID);
  data = pulse_json_reader_get_object (&reader, "data", PULSE_JSON_OPTIONAL);
  frame->data = data != NULL ? json_node_ref (data) : NULL;
  return pulse_json_reader_finish (&reader, error);
}

/* Each change bumps an item's version by one: anything else means an
 * event was lost, or the state is not the one the server streams for. */
static gboolean
check_next_version (const char  *what,
                    const char  *id,
                    JsonNode    *stored,
                    gint64       version,
                    GError     **error)
{
  gint64 expected;

  if (stored == NULL)
    return _pulse_state_conflict (error, "the state has no %s “%s”", what, id);

  expected = _pulse_state_item_version (stored) + 1;
  if (version != expected)
    return _pulse_state_conflict (error, "version: expected %" G_GINT64_FORMAT " (the %s is at %"
                                  G_GINT64_FORMAT "), got %" G_GINT64_FORMAT,
                                  expected, what, expected - 1, version);
  return TRUE;
}

static gboolean
item_created (PulseState               *self,
              const PulseStateKindInfo *info,
              JsonNode                 *data,
              PulseStateChange         *change,
              GError                  **error)
{
  g_autoptr(JsonNode) item = _pulse_state_canonical (info, data, error);
  const char *id;

  if (item == NULL)
    return FALSE;

  id = _pulse_state_item_id (item);
  if (g_hash_table_contains (self->items[info->kind], id))
    return _pulse_state_conflict (error, "the state has a %s “%s” already", info->name, id);

  g_hash_table_insert (self->items[info->kind], g_strdup (id), json_node_ref (item));
  _pulse_state_report (change, info->kind, PULSE_STATE_ACTION_CREATED, id, item);
  return TRUE;
}

static gboolean
item_updated (PulseState               *self,
              const PulseStateKindInfo *info,
              JsonNode                 *data,
              PulseStateChange         *change,
              GError                  **error)
{
  g_autoptr(JsonNode) item = _pulse_state_canonical (info, data, error);
  const char *id;

  if (item == NULL)
    return FALSE;

  id = _pulse_state_item_id (item);
  if (!check_next_version (info->name, id, g_hash_table_lookup (self->items[info->kind], id),
                           _pulse_state_item_version (item), error))
    return FALSE;

  g_hash_table_insert (self->items[info->kind], g_strdup (id), json_node_ref (item));
  _pulse_state_report (change, info->kind, PULSE_STATE_ACTION_UPDATED, id, item);
  return TRUE;
}

/* `{"id","version"}`: the version the deletion has, one past the last. */
static gboolean
item_deleted (PulseState               *self,
              const PulseStateKindInfo *info,
              JsonNode                 *data,
              PulseStateChange         *change,
              GError                  **error)
{
  g_autofree char *id = NULL;
  PulseJsonReader reader;
  JsonNode *stored;
  gint64 version;

  if (!pulse_json_reader_init (&reader, data, "a deletion", error))
    return FALSE;

  id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  version = pulse_json_reader_get_int (&reader, "version", PULSE_JSON_REQUIRED, 1, G_MAXINT64,
                                       0);
  if (!pulse_json_reader_finish (&reader, error))
    return FALSE;

  stored = g_hash_table_lookup (self->items[info->kind], id);
  if (!check_next_version (info->name, id, stored, version, error))
    return FALSE;

  _pulse_state_report (change, info->kind, PULSE_STATE_ACTION_DELETED, id, stored);
  g_hash_table_remove (self->items[info->kind], id);
  return TRUE;
}

/* Whether @agent has the members an agent.status writes in place. */
static gboolean
has_status_members (JsonNode *agent)
{
  JsonObject *object = json_node_get_object (agent);

  return json_object_has_member (object, "version") &&
         json_object_has_member (object, "status") &&
         json_object_has_member (object, "status_since");
}

/* `{"agent_id","version","status","since"}`: the agent's live status. */
static gboolean
agent_status (PulseState        *self,
              JsonNode          *data,
              PulseStateChange  *change,
              GError           **error)
{
  const PulseStateKindInfo *info = _pulse_state_kind_info (PULSE_STATE_KIND_AGENT);
  g_autofree char *agent_id = NULL;
  g_autofree char *since_text = NULL;
  g_autoptr(JsonNode) candidate = NULL;
  g_autoptr(JsonNode) agent = NULL;
  PulseJsonReader reader;
  JsonNode *stored;
  JsonObject *object;
  gint64 version, since;
  int status;

  if (!pulse_json_reader_init (&reader, data, "an agent status", error))
    return FALSE;

  agent_id = pulse_json_reader_dup_string (&reader, "agent_id", PULSE_JSON_REQUIRED,
                                           PULSE_JSON_MAX_ID);
  version = pulse_json_reader_get_int (&reader, "version", PULSE_JSON_REQUIRED, 1, G_MAXINT64,
                                       0);
  status = pulse_json_reader_get_enum (&reader, "status", PULSE_TYPE_AGENT_STATUS,
                                       PULSE_JSON_REQUIRED, 0);
  since = pulse_json_reader_get_time (&reader, "since", PULSE_JSON_REQUIRED);
  if (!pulse_json_reader_finish (&reader, error))
    return FALSE;

  stored = g_hash_table_lookup (self->items[PULSE_STATE_KIND_AGENT], agent_id);
  if (!check_next_version ("agent", agent_id, stored, version, error))
    return FALSE;

  object = _pulse_state_copy_object (stored);
  candidate = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  since_text = pulse_time_format (since);
  json_object_set_int_member (object, "version", version);
  json_object_set_string_member (object, "status",
                                 pulse_enum_to_nick (PULSE_TYPE_AGENT_STATUS, status));
  json_object_set_string_member (object, "status_since", since_text);
  /* The stored agent is canonical and the three fields are written as
   * its codec writes them, in their places: decoding and encoding it
   * again (half the cost of the event) would give the same. A stored
   * agent without them, or a time the codec leaves out, goes through it. */
  if (has_status_members (stored) && since != 0)
    agent = g_steal_pointer (&candidate);
  else
    agent = _pulse_state_canonical (info, candidate, error);
  if (agent == NULL)
    return FALSE;

  g_hash_table_insert (self->items[PULSE_STATE_KIND_AGENT], g_strdup (agent_id),
                       json_node_ref (agent));
  _pulse_state_report (change, PULSE_STATE_KIND_AGENT, PULSE_STATE_ACTION_UPDATED, agent_id,
                       agent);
  return TRUE;
}

/* `{"date","country","count"}`: last write wins. */
static gboolean
applications_updated (PulseState        *self,
                      JsonNode          *data,
                      PulseStateChange  *change,
                      GError           **error)
{
  g_autoptr(JsonNode) item = pulse_applications_new_from_json (data, error);
  char *key;
  gboolean existed;
  JsonObject *object;

  if (item == NULL)
    return FALSE;

  key = _pulse_state_applications_key (item);
  existed = g_hash_table_contains (self->applications, key);
  g_hash_table_insert (self->applications, key, json_node_ref (item));

  object = json_node_get_object (item);
  _pulse_state_report (change, PULSE_STATE_KIND_APPLICATIONS,
                       existed ? PULSE_STATE_ACTION_UPDATED : PULSE_STATE_ACTION_CREATED,
                       json_object_get_string_member (object, "date"), item);
  change->country = g_strdup (json_object_get_string_member (object, "country"));
  return TRUE;
}

static gboolean
is_ticket_event (const char *type)
{
  return g_str_equal (type, "ticket.created") || g_str_equal (type, "ticket.updated") ||
         g_str_equal (type, "message.created") || g_str_equal (type, "rating.created");
}

/* The item kind and verb of `<kind>.<verb>` when v1 knows the pair. */
static const PulseStateKindInfo *
find_item_event (const char  *type,
                 const char **verb)
{
  const char *dot = strrchr (type, '.');
  g_autofree char *name = NULL;
  const PulseStateKindInfo *info;

  if (dot == NULL)
    return NULL;

  name = g_strndup (type, dot - type);
  info = _pulse_state_find_kind (name);
  *verb = dot + 1;
  if (info == NULL ||
      !(g_str_equal (*verb, "created") || g_str_equal (*verb, "updated") ||
        (info->deletable && g_str_equal (*verb, "deleted"))))
    return NULL;

  return info;
}

/* Returns TRUE with @known FALSE for a type v1 does not define. */
static gboolean
dispatch (PulseState        *self,
          Frame             *frame,
          gboolean          *known,
          PulseStateChange  *change,
          GError           **error)
{
  const PulseStateKindInfo *info;
  const char *verb = NULL;

  *known = TRUE;
  if (is_ticket_event (frame->type))
    return _pulse_state_apply_ticket (self, frame->type, frame->data, change, error);
  if (g_str_equal (frame->type, "agent.status"))
    return agent_status (self, frame->data, change, error);
  if (g_str_equal (frame->type, "applications.updated"))
    return applications_updated (self, frame->data, change, error);

  info = find_item_event (frame->type, &verb);
  if (info == NULL)
    {
      *known = FALSE;
      return TRUE;
    }

  if (g_str_equal (verb, "created"))
    return item_created (self, info, frame->data, change, error);
  if (g_str_equal (verb, "updated"))
    return item_updated (self, info, frame->data, change, error);
  return item_deleted (self, info, frame->data, change, error);
}

static gboolean
check_seq (PulseState  *self,
           Frame       *frame,
           GError     **error)
{
  if (frame->seq == self->seq + 1)
    return TRUE;

  if (frame->seq <= self->seq)
    return _pulse_state_conflict (error, "seq: event %" G_GINT64_FORMAT " is applied already"
                                  " (the state is at %" G_GINT64_FORMAT "); take a new snapshot",
                                  frame->seq, self->seq);

  return _pulse_state_conflict (error, "seq: expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT
                                " (%" G_GINT64_FORMAT " events are missing); take a new snapshot",
                                self->seq + 1, frame->seq, frame->seq - self->seq - 1);
}

/* Data errors name the field under "data."; the event's seq and type go
 * in front of every error. */
static void
prefix_error (GError **error,
              Frame   *frame)
{
  if (error == NULL || *error == NULL)
    return;

  if (g_error_matches (*error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA))
    {
      if (strchr ((*error)->message, ':') != NULL)
        g_prefix_error (error, "data.");
      else
        g_prefix_error (error, "data: ");
    }
  g_prefix_error (error, "event %" G_GINT64_FORMAT " (%s): ", frame->seq, frame->type);
}

/**
 * pulse_state_apply:
 * @event: one frame of `/api/v1/events`, parsed
 * @change: (out caller-allocates) (optional): what the event did;
 *   `{ 0 }` or a change filled before, which is cleared first
 * @error: return location for a %PULSE_ERROR error
 *
 * Applies the next event. The rules at the edges:
 *
 * - **Order.** The event's `seq` must be the state's seq + 1. A gap or a
 *   seq already applied is %PULSE_ERROR_CONFLICT: the stream and the
 *   state have parted, and the caller must take a new snapshot.
 * - **Resync.** A `{"type":"resync","seq":N}` frame returns %FALSE with
 *   %PULSE_ERROR_CONFLICT and @change's action
 *   %PULSE_STATE_ACTION_RESYNC, @change's seq the server's last seq: take
 *   a new snapshot and reconnect with its seq.
 * - **Unknown types** (a newer server's) are ignored, but their seq is
 *   taken, so the stream goes on: %TRUE with %PULSE_STATE_ACTION_NONE.
 *   So are verbs v1 does not define (`queue.deleted`).
 * - **Bad data** in a known type is %PULSE_ERROR_INVALID_DATA naming the
 *   field (`event 12 (message.created): data.message.at: …`); everything
 *   is checked with the core codecs before anything changes, so the
 *   state, seq included, is as it was. The event cannot be skipped: the
 *   next one would be a gap.
 * - **Versions.** An update, a deletion, an `agent.status` and a ticket's
 *   message, rating or header must bring the item's version exactly one
 *   past the stored one, and name an item the state has; a creation must
 *   name one it has not. Otherwise %PULSE_ERROR_CONFLICT.
 * - **Missing tickets.** The snapshot leaves out tickets closed more than
 *   24 hours ago, so an event about one of them may come: it is held,
 *   its seq taken, and reported as %PULSE_STATE_ACTION_MISSING; see
 *   pulse_state_put_ticket().
 *
 * Returns: %TRUE if the event was applied or ignored.
 */
gboolean
pulse_state_apply (PulseState        *self,
                   JsonNode          *event,
                   PulseStateChange  *change,
                   GError           **error)
{
  g_auto(PulseStateChange) scratch = { 0 };
  g_auto(Frame) frame = { 0 };
  GError *local_error = NULL;
  gboolean known = FALSE;

  g_return_val_if_fail (PULSE_IS_STATE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (change == NULL)
    change = &scratch;
  pulse_state_change_clear (change);

  if (!read_frame (event, &frame, error))
    return FALSE;

  change->seq = frame.seq;
  if (g_str_equal (frame.type, "resync"))
    {
      change->action = PULSE_STATE_ACTION_RESYNC;
      return _pulse_state_conflict (error, "resync: the server's log cannot bring the state"
                                    " from seq %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
                                    "; take a new snapshot", self->seq, frame.seq);
    }

  if (!check_seq (self, &frame, error))
    return FALSE;

  if (!dispatch (self, &frame, &known, change, &local_error))
    {
      pulse_state_change_clear (change);
      change->seq = frame.seq;
      g_propagate_error (error, local_error);
      prefix_error (error, &frame);
      return FALSE;
    }

  /* Forward compatibility: a newer server's event types pass by. */
  if (!known)
    g_debug ("event %" G_GINT64_FORMAT ": ignoring the unknown type “%s”", frame.seq,
             frame.type);

  self->seq = frame.seq;
  return TRUE;
}
