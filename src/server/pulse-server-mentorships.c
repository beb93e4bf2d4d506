/* pulse-server-mentorships.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a mentorship change does beyond storing it (docs/protocol.md,
 * "Mentorships"): a mentor takes no more open mentorships than the
 * server's max-mentees, and a milestone signed off (or taken back) opens
 * (or closes) its channel to the newcomer — the agent is updated, with
 * its `agent.updated` event and an audit entry, in the same transaction.
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-channel-set.h"
#include "pulse-directory-store.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-event-log.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-mentorship-plan.h"
#include "pulse-server-mentorships.h"

/* Open mentorships @mentor_id has besides @except_id. */
static gboolean
count_mentees (PulseServerMutation  *m,
               const char           *mentor_id,
               const char           *except_id,
               guint                *count,
               GError              **error)
{
  g_autoptr(GPtrArray) items = NULL;

  items = pulse_item_store_list (pulse_server_get_item_store (m->server), "mentorship", error);
  if (items == NULL)
    return FALSE;

  *count = 0;
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(PulseMentorship) other = pulse_mentorship_new_from_json (items->pdata[i], NULL);

      if (other != NULL && pulse_mentorship_is_open (other) &&
          g_strcmp0 (pulse_mentorship_get_mentor_id (other), mentor_id) == 0 &&
          g_strcmp0 (pulse_mentorship_get_id (other), except_id) != 0)
        (*count)++;
    }

  return TRUE;
}

/* Only a new assignment is held to the limit: a plan edit of a mentor
 * already over it (the limit was lowered) still goes through. */
static gboolean
check_limit (PulseServerMutation  *m,
             PulseMentorship      *item,
             PulseMentorship      *previous,
             GError              **error)
{
  guint limit = pulse_server_get_config (m->server)->max_mentees;
  const char *mentor_id = pulse_mentorship_get_mentor_id (item);
  guint count = 0;

  if (!pulse_mentorship_is_open (item) ||
      (previous != NULL && pulse_mentorship_is_open (previous) &&
       g_str_equal (pulse_mentorship_get_mentor_id (previous), mentor_id)))
    return TRUE;

  if (!count_mentees (m, mentor_id, pulse_mentorship_get_id (item), &count, error))
    return FALSE;

  if (count < limit)
    return TRUE;

  return pulse_server_mutation_reject (m, 422, "mentor_limit", error,
                                       "mentor_id: “%s” already mentors %u newcomers, "
                                       "the most one mentor may (max-mentees is %u)",
                                       mentor_id, count, limit);
}

static JsonNode *
channels_array (guint set)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint kind = 0; kind <= PULSE_CHANNEL_KIND_IN_APP; kind++)
    if (set & PULSE_CHANNEL_SET_BIT (kind))
      json_builder_add_string_value (builder, pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, kind));
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* Stores @stored with @channels at the next version; its event and audit
 * entry go in the same transaction as the mentorship. */
static gboolean
put_agent (PulseServerMutation  *m,
           PulseDirectoryStore  *directory,
           JsonNode             *stored,
           PulseAgent           *agent,
           guint                 channels,
           GError              **error)
{
  g_autofree char *text = pulse_json_to_string (stored);
  g_autoptr(JsonNode) edited = pulse_json_parse (text, -1, NULL);
  g_autoptr(PulseAgent) updated = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *object = json_node_get_object (edited);
  gint64 version = pulse_agent_get_version (agent) + 1;
  const char *id = pulse_agent_get_id (agent);

  json_object_set_member (object, "channels", channels_array (channels));
  json_object_set_int_member (object, "version", version);
  updated = pulse_agent_new_from_json (edited, error);
  if (updated == NULL)
    return FALSE;

  after = pulse_agent_to_json (updated);
  return pulse_directory_store_put (directory, "agent", id, version, after, error) &&
         pulse_event_log_append (pulse_server_get_event_log (m->server), "agent.updated", after,
                                 error) != 0 &&
         pulse_item_store_audit (pulse_server_get_item_store (m->server), m->who,
                                 PULSE_AUDIT_ACTION_UPDATE, "agent", id, version, stored, after,
                                 error);
}

/* Opens the channels newly signed off and closes those taken back. */
static gboolean
apply_channels (PulseServerMutation  *m,
                PulseMentorship      *item,
                PulseMentorship      *previous,
                GError              **error)
{
  const char *newcomer_id = pulse_mentorship_get_newcomer_id (item);
  /* A mentorship moved to another newcomer opens all its sign-offs to
   * them; the first newcomer keeps what they had. */
  gboolean same = previous != NULL &&
                  g_str_equal (pulse_mentorship_get_newcomer_id (previous), newcomer_id);
  guint was = same ? pulse_mentorship_get_signed_off (previous) : 0;
  guint now = pulse_mentorship_get_signed_off (item);
  g_autoptr(PulseDirectoryStore) directory = NULL;
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(PulseAgent) agent = NULL;
  g_autoptr(GError) local_error = NULL;
  guint channels;

  if (was == now)
    return TRUE;

  directory = pulse_directory_store_new (pulse_server_get_db (m->server));
  stored = pulse_directory_store_get (directory, "agent", newcomer_id, &local_error);
  if (stored == NULL && g_error_matches (local_error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND))
    return pulse_server_mutation_reject (m, 422, "unknown_reference", error,
                                         "newcomer_id: no agent with id “%s” to open channels to",
                                         newcomer_id);
  if (stored == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  agent = pulse_agent_new_from_json (stored, error);
  if (agent == NULL)
    return FALSE;

  channels = (pulse_agent_get_channels (agent) | (now & ~was)) & ~(was & ~now);
  if (channels == pulse_agent_get_channels (agent))
    return TRUE;

  return put_agent (m, directory, stored, agent, channels, error);
}

/**
 * pulse_server_mentorship_apply:
 * @m: the change, inside its transaction
 * @item: the mentorship as it will be stored
 * @before: (nullable): the mentorship as stored until now; %NULL for a
 *   create
 *
 * Holds a new assignment to the mentor's limit (`422 mentor_limit`) and
 * opens or closes the newcomer's channels as milestones are signed off
 * or taken back (`422 unknown_reference` if the newcomer is no agent).
 *
 * Returns: %TRUE if the change may be stored; on %FALSE @m carries the
 *   rejection, or @error a store error.
 */
gboolean
pulse_server_mentorship_apply (PulseServerMutation  *m,
                               PulseMentorship      *item,
                               JsonNode             *before,
                               GError              **error)
{
  g_autoptr(PulseMentorship) previous = NULL;

  g_return_val_if_fail (m != NULL, FALSE);
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (item), FALSE);

  if (before != NULL)
    previous = pulse_mentorship_new_from_json (before, NULL);

  return check_limit (m, item, previous, error) &&
         apply_channels (m, item, previous, error);
}
