/* pulse-state-snapshot.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #PulseState read from `GET /api/v1/snapshot` (applications counts
 * are read with pulse_applications_new_from_json(), as ingest reads them).
 */

#include "config.h"

#include "pulse-applications.h"
#include "pulse-json.h"
#include "pulse-queue.h"
#include "pulse-state-private.h"

/* Dates have ten characters, so these keys sort by date, then country. */
char *
_pulse_state_applications_key (JsonNode *applications)
{
  JsonObject *object = json_node_get_object (applications);

  return g_strconcat (json_object_get_string_member (object, "date"), "/",
                      json_object_get_string_member (object, "country"), NULL);
}

/* A snapshot list may be longer than the 10,000 items of a request. */
static JsonArray *
get_list (PulseJsonReader *reader,
          const char      *member)
{
  /* The QA workflow's collections came later: a server without them
   * sends none, which is an empty list. */
  gboolean later = g_str_equal (member, "followups") || g_str_equal (member, "calibrations");

  return pulse_json_reader_get_array (reader, member,
                                      later ? PULSE_JSON_OPTIONAL : PULSE_JSON_REQUIRED,
                                      G_MAXUINT);
}

/* Puts @node under its @key, or records "member[i].field: … twice". */
static void
insert_unique (PulseJsonReader *reader,
               GHashTable      *table,
               const char      *member,
               guint            index,
               const char      *field,
               char            *key,
               gpointer         value,
               GDestroyNotify   free_value)
{
  g_autofree char *path = NULL;

  if (!g_hash_table_contains (table, key))
    {
      g_hash_table_insert (table, key, value);
      return;
    }

  path = g_strdup_printf ("%s[%u].%s", member, index, field);
  pulse_json_reader_fail (reader, path, "“%s” appears twice", key);
  g_free (key);
  free_value (value);
}

static void
read_items (PulseState               *self,
            PulseJsonReader          *reader,
            const PulseStateKindInfo *info)
{
  JsonArray *array = get_list (reader, info->collection);
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n && !pulse_json_reader_failed (reader); i++)
    {
      GError *error = NULL;
      JsonNode *item = _pulse_state_canonical (info, json_array_get_element (array, i), &error);
      g_autofree char *path = g_strdup_printf ("%s[%u]", info->collection, i);

      if (item == NULL)
        pulse_json_reader_take_error (reader, path, error);
      else
        insert_unique (reader, self->items[info->kind], info->collection, i, "id",
                       g_strdup (_pulse_state_item_id (item)), item,
                       (GDestroyNotify) json_node_unref);
    }
}

static void
read_tickets (PulseState      *self,
              PulseJsonReader *reader)
{
  JsonArray *array = get_list (reader, "tickets");
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n && !pulse_json_reader_failed (reader); i++)
    {
      GError *error = NULL;
      g_autoptr(PulseTicket) ticket = NULL;
      g_autofree char *path = g_strdup_printf ("tickets[%u]", i);

      JsonNode *source = json_array_get_element (array, i);

      ticket = pulse_ticket_new_from_json (source, &error);
      if (ticket == NULL)
        pulse_json_reader_take_error (reader, path, error);
      else
        insert_unique (reader, self->tickets, "tickets", i, "id",
                       g_strdup (pulse_ticket_get_id (ticket)),
                       _pulse_state_ticket_new (ticket, source),
                       (GDestroyNotify) _pulse_state_ticket_free);
    }
}

static void
read_applications (PulseState      *self,
                   PulseJsonReader *reader)
{
  JsonArray *array = get_list (reader, "applications");
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n && !pulse_json_reader_failed (reader); i++)
    {
      GError *error = NULL;
      JsonNode *item = pulse_applications_new_from_json (json_array_get_element (array, i), &error);
      g_autofree char *path = g_strdup_printf ("applications[%u]", i);

      if (item == NULL)
        pulse_json_reader_take_error (reader, path, error);
      else
        insert_unique (reader, self->applications, "applications", i, "date",
                       _pulse_state_applications_key (item), item,
                       (GDestroyNotify) json_node_unref);
    }
}

/**
 * pulse_state_new_from_snapshot:
 * @snapshot: the body of `GET /api/v1/snapshot`
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field by its path (`tickets[3].messages[0].at: …`, or
 *   `rules[2].id: “r-1” appears twice`)
 *
 * Reads a snapshot: `seq` and every list (queues, teams, agents,
 * channels, tickets, applications, rules, templates, scorecards,
 * mentorships, shifts, reviews) are required, followups and calibrations
 * optional; unknown members are
 * ignored. Each item goes through its codec.
 *
 * Returns: (transfer full) (nullable): the state at the snapshot's seq,
 *   or %NULL on error.
 */
PulseState *
pulse_state_new_from_snapshot (JsonNode  *snapshot,
                               GError   **error)
{
  g_autoptr(PulseState) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, snapshot, "a snapshot", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_STATE, NULL);
  self->seq = pulse_json_reader_get_int (&reader, "seq", PULSE_JSON_REQUIRED, 0, G_MAXINT64, 0);
  /* In the snapshot's order, so the first error is the first in the text. */
  for (guint k = PULSE_STATE_KIND_QUEUE; k <= PULSE_STATE_KIND_CHANNEL; k++)
    read_items (self, &reader, _pulse_state_kind_info (k));
  read_tickets (self, &reader);
  read_applications (self, &reader);
  for (guint k = PULSE_STATE_KIND_RULE; k < PULSE_STATE_N_ITEM_KINDS; k++)
    read_items (self, &reader, _pulse_state_kind_info (k));

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}
