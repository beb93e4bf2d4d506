/* pulse-ingest-directory.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The directory (queues, teams, agents, channels), agent status and daily
 * loan applications coming in (docs/protocol.md, Ingest).
 */

#include "config.h"

#include "pulse-applications.h"
#include "pulse-agent.h"
#include "pulse-channel.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-ingest.h"
#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-queue.h"
#include "pulse-team.h"
#include "pulse-time-utils.h"

typedef const char *(*GetIdFunc)      (gpointer item);
typedef gint64      (*GetVersionFunc) (gpointer item);
typedef void        (*SetVersionFunc) (gpointer item, gint64 version);

#define GET_ID(f)      ((GetIdFunc) (void (*) (void)) (f))
#define GET_VERSION(f) ((GetVersionFunc) (void (*) (void)) (f))
#define SET_VERSION(f) ((SetVersionFunc) (void (*) (void)) (f))

typedef struct
{
  const char              *member;
  const char              *kind;
  PulseJsonListDecodeFunc  decode;
  PulseJsonListEncodeFunc  encode;
  GetIdFunc                get_id;
  GetVersionFunc           get_version;
  SetVersionFunc           set_version;
} DirectoryKind;

/* In the order they are applied, so a client reading the events meets a
 * team before the queues and agents that name it. */
static const DirectoryKind directory_kinds[] = {
  { "channels", "channel", PULSE_JSON_LIST_DECODE (pulse_channel_new_from_json),
    PULSE_JSON_LIST_ENCODE (pulse_channel_to_json), GET_ID (pulse_channel_get_id),
    GET_VERSION (pulse_channel_get_version), SET_VERSION (pulse_channel_set_version) },
  { "teams", "team", PULSE_JSON_LIST_DECODE (pulse_team_new_from_json),
    PULSE_JSON_LIST_ENCODE (pulse_team_to_json), GET_ID (pulse_team_get_id),
    GET_VERSION (pulse_team_get_version), SET_VERSION (pulse_team_set_version) },
  { "queues", "queue", PULSE_JSON_LIST_DECODE (pulse_queue_new_from_json),
    PULSE_JSON_LIST_ENCODE (pulse_queue_to_json), GET_ID (pulse_queue_get_id),
    GET_VERSION (pulse_queue_get_version), SET_VERSION (pulse_queue_set_version) },
  { "agents", "agent", PULSE_JSON_LIST_DECODE (pulse_agent_new_from_json),
    PULSE_JSON_LIST_ENCODE (pulse_agent_to_json), GET_ID (pulse_agent_get_id),
    GET_VERSION (pulse_agent_get_version), SET_VERSION (pulse_agent_set_version) },
};

static const DirectoryKind *
find_kind (const char *kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (directory_kinds); k++)
    if (g_str_equal (directory_kinds[k].kind, kind))
      return &directory_kinds[k];

  g_return_val_if_reached (NULL);
}

/* A directory upsert never rolls an agent's live status back: a status
 * older than the stored one gives way to it. */
static void
keep_live_status (PulseAgent *incoming,
                  PulseAgent *stored)
{
  if (pulse_agent_get_status_since (incoming) >= pulse_agent_get_status_since (stored))
    return;

  pulse_agent_set_status (incoming, pulse_agent_get_status (stored));
  pulse_agent_set_status_since (incoming, pulse_agent_get_status_since (stored));
}

static gboolean
record_status (PulseIngest  *ingest,
               PulseAgent   *agent,
               PulseAgent   *stored,
               GError      **error)
{
  if (stored != NULL &&
      pulse_agent_get_status (agent) == pulse_agent_get_status (stored) &&
      pulse_agent_get_status_since (agent) == pulse_agent_get_status_since (stored))
    return TRUE;

  return pulse_directory_store_add_agent_status (ingest->directory, pulse_agent_get_id (agent),
                                                 pulse_agent_get_status_since (agent),
                                                 pulse_agent_get_status (agent), error);
}

/* The stored item of @kind with @id decoded, or NULL (with no error) if
 * there is none. */
static GObject *
lookup_item (PulseIngest          *ingest,
             const DirectoryKind  *kind,
             const char           *id,
             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) stored = NULL;

  stored = pulse_directory_store_get (ingest->directory, kind->kind, id, &local_error);
  if (stored == NULL)
    {
      if (!g_error_matches (local_error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return kind->decode (stored, error);
}

static gboolean
put_item (PulseIngest          *ingest,
          const DirectoryKind  *kind,
          JsonNode             *node,
          GError              **error)
{
  g_autoptr(JsonNode) versioned = pulse_ingest_with_version (node, 0);
  g_autoptr(GObject) item = kind->decode (versioned, error);
  g_autoptr(GObject) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *type = NULL;
  gint64 version = 1;

  if (item == NULL)
    return FALSE;

  stored = lookup_item (ingest, kind, kind->get_id (item), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (stored != NULL)
    {
      g_autoptr(JsonNode) before = kind->encode (stored);
      g_autoptr(JsonNode) after = NULL;

      if (PULSE_IS_AGENT (item))
        keep_live_status (PULSE_AGENT (item), PULSE_AGENT (stored));
      /* Same content at the same version: a retry, nothing to do. */
      version = kind->get_version (stored);
      kind->set_version (item, version);
      after = kind->encode (item);
      if (json_node_equal (before, after))
        return TRUE;
      version++;
    }

  kind->set_version (item, version);
  body = kind->encode (item);
  type = g_strconcat (kind->kind, stored != NULL ? ".updated" : ".created", NULL);
  if (PULSE_IS_AGENT (item) &&
      !record_status (ingest, PULSE_AGENT (item), PULSE_AGENT (stored), error))
    return FALSE;

  return pulse_directory_store_put (ingest->directory, kind->kind, kind->get_id (item), version,
                                    body, error) &&
         pulse_ingest_emit (ingest, type, body, error);
}

/**
 * pulse_ingest_directory:
 * @item: `{"queues":[…],"teams":[…],"agents":[…],"channels":[…]}`, each
 *   optional, 10,000 items in all at most
 *
 * Creates or updates each item; one that is unchanged is left alone.
 * Events: `<kind>.created` or `<kind>.updated` with the whole item.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_ingest_directory (PulseIngest  *ingest,
                        JsonNode     *item,
                        GError      **error)
{
  JsonArray *arrays[G_N_ELEMENTS (directory_kinds)];
  PulseJsonReader reader;
  guint total = 0;

  if (!pulse_json_reader_init (&reader, item, "a directory", error))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (directory_kinds); k++)
    {
      arrays[k] = pulse_json_reader_get_array (&reader, directory_kinds[k].member,
                                               PULSE_JSON_OPTIONAL, PULSE_JSON_MAX_ITEMS);
      total += arrays[k] != NULL ? json_array_get_length (arrays[k]) : 0;
      if (total > PULSE_JSON_MAX_ITEMS)
        pulse_json_reader_fail (&reader, directory_kinds[k].member,
                                "the directory has more than %u items", PULSE_JSON_MAX_ITEMS);
    }

  for (guint k = 0; k < G_N_ELEMENTS (directory_kinds) && !pulse_json_reader_failed (&reader); k++)
    {
      guint n = arrays[k] != NULL ? json_array_get_length (arrays[k]) : 0;

      for (guint i = 0; i < n && !pulse_json_reader_failed (&reader); i++)
        {
          GError *local_error = NULL;

          if (!put_item (ingest, &directory_kinds[k], json_array_get_element (arrays[k], i),
                         &local_error))
            {
              g_autofree char *path = g_strdup_printf ("%s[%u]", directory_kinds[k].member, i);

              pulse_json_reader_take_error (&reader, path, local_error);
            }
        }
    }

  return pulse_json_reader_finish (&reader, error);
}

/* `{"agent_id","status","at"}`, the agent being one the directory has. */
static PulseAgent *
read_agent_status (PulseIngest       *ingest,
                   JsonNode          *item,
                   PulseAgentStatus  *status,
                   gint64            *at,
                   GError           **error)
{
  g_autofree char *agent_id = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GObject) agent = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, item, "an agent status", error))
    return NULL;

  agent_id = pulse_json_reader_dup_string (&reader, "agent_id", PULSE_JSON_REQUIRED,
                                           PULSE_JSON_MAX_ID);
  *status = pulse_json_reader_get_enum (&reader, "status", PULSE_TYPE_AGENT_STATUS,
                                        PULSE_JSON_REQUIRED, PULSE_AGENT_STATUS_OFFLINE);
  *at = pulse_json_reader_get_time (&reader, "at", PULSE_JSON_REQUIRED);
  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  agent = lookup_item (ingest, find_kind ("agent"), agent_id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (agent == NULL)
    g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND, "agent_id: no agent “%s”", agent_id);

  return PULSE_AGENT (g_steal_pointer (&agent));
}

/**
 * pulse_ingest_agent_status:
 * @item: `{"agent_id","status","at"}`
 *
 * Records the report in the agent's status history. It becomes the
 * agent's status only if it differs and is not older than the status the
 * server has. Event: `agent.status` `{"agent_id","version","status",
 * "since"}`.
 *
 * Returns: %TRUE on success; %PULSE_ERROR_NOT_FOUND for an agent the
 *   directory lacks.
 */
gboolean
pulse_ingest_agent_status (PulseIngest  *ingest,
                           JsonNode     *item,
                           GError      **error)
{
  g_autoptr(PulseAgent) agent = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) data = NULL;
  PulseAgentStatus status = PULSE_AGENT_STATUS_OFFLINE;
  gint64 at = 0;
  gint64 version;

  agent = read_agent_status (ingest, item, &status, &at, error);
  if (agent == NULL ||
      !pulse_directory_store_add_agent_status (ingest->directory, pulse_agent_get_id (agent), at,
                                               status, error))
    return FALSE;

  if (at < pulse_agent_get_status_since (agent) || status == pulse_agent_get_status (agent))
    return TRUE;

  version = pulse_agent_get_version (agent) + 1;
  pulse_agent_set_version (agent, version);
  pulse_agent_set_status (agent, status);
  pulse_agent_set_status_since (agent, at);
  body = pulse_agent_to_json (agent);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "agent_id", pulse_agent_get_id (agent));
  pulse_json_add_int (builder, "version", version);
  pulse_json_add_enum (builder, "status", PULSE_TYPE_AGENT_STATUS, status);
  pulse_json_add_time (builder, "since", at);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);

  return pulse_directory_store_put (ingest->directory, "agent", pulse_agent_get_id (agent),
                                    version, body, error) &&
         pulse_ingest_emit (ingest, "agent.status", data, error);
}

/**
 * pulse_ingest_applications:
 * @item: `{"date":"YYYY-MM-DD","country","count"}`
 *
 * Replaces the day's count of loan applications in the country; the same
 * count again changes nothing. Event: `applications.updated` with @item's
 * three fields.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_ingest_applications (PulseIngest  *ingest,
                           JsonNode     *item,
                           GError      **error)
{
  g_autoptr(JsonNode) data = pulse_applications_new_from_json (item, error);
  JsonObject *object;
  const char *day;
  const char *country;
  gint64 count, stored = -1;

  if (data == NULL)
    return FALSE;

  object = json_node_get_object (data);
  day = json_object_get_string_member (object, "date");
  country = json_object_get_string_member (object, "country");
  count = json_object_get_int_member (object, "count");
  if (pulse_directory_store_get_applications (ingest->directory, day, country, &stored) &&
      stored == count)
    return TRUE;

  return pulse_directory_store_put_applications (ingest->directory, day, country, count, error) &&
         pulse_ingest_emit (ingest, "applications.updated", data, error);
}
