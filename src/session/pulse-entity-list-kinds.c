/* pulse-entity-list-kinds.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each kind of #PulseEntityList holds and in which order. Sort keys
 * are read from the canonical JSON, not from a decoded object, so a list
 * can be filled and kept in order without decoding an item nobody shows.
 */

#include "config.h"

#include <string.h>

#include "pulse-agent.h"
#include "pulse-calibration-session.h"
#include "pulse-channel.h"
#include "pulse-followup.h"
#include "pulse-entity-list-private.h"
#include "pulse-mentorship.h"
#include "pulse-queue.h"
#include "pulse-review-sample.h"
#include "pulse-rule.h"
#include "pulse-scorecard.h"
#include "pulse-shift.h"
#include "pulse-team.h"
#include "pulse-template.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

#define KIND(k, collection, prefix, sort, member, is_time) \
  { k, collection, prefix##_get_type, PULSE_JSON_LIST_DECODE (prefix##_new_from_json), \
    PULSE_JSON_LIST_ENCODE (prefix##_to_json), sort, member, is_time }

#define BY_NAME(k, collection, prefix) \
  KIND (k, collection, prefix, PULSE_ENTITY_SORT_NAME, "name", FALSE)

/* The orders, each total (the id breaks ties):
 * - directory, templates, scorecards: by name, case-folded and collated;
 * - rules: by position, the order they run in;
 * - shifts: by start, the planner's timeline;
 * - tickets, reviews, follow-ups: newest created first, the order queues read;
 * - calibrations: newest settled first;
 * - mentorships: newest started first. */
static const PulseEntityKind kinds[] = {
  BY_NAME (PULSE_STATE_KIND_QUEUE, "queues", pulse_queue),
  BY_NAME (PULSE_STATE_KIND_TEAM, "teams", pulse_team),
  BY_NAME (PULSE_STATE_KIND_AGENT, "agents", pulse_agent),
  BY_NAME (PULSE_STATE_KIND_CHANNEL, "channels", pulse_channel),
  KIND (PULSE_STATE_KIND_RULE, "rules", pulse_rule, PULSE_ENTITY_SORT_ASCENDING,
        "position", FALSE),
  BY_NAME (PULSE_STATE_KIND_TEMPLATE, "templates", pulse_template),
  BY_NAME (PULSE_STATE_KIND_SCORECARD, "scorecards", pulse_scorecard),
  KIND (PULSE_STATE_KIND_MENTORSHIP, "mentorships", pulse_mentorship,
        PULSE_ENTITY_SORT_DESCENDING, "started_at", TRUE),
  KIND (PULSE_STATE_KIND_SHIFT, "shifts", pulse_shift, PULSE_ENTITY_SORT_ASCENDING,
        "starts_at", TRUE),
  KIND (PULSE_STATE_KIND_REVIEW, "reviews", pulse_review_sample,
        PULSE_ENTITY_SORT_DESCENDING, "created_at", TRUE),
  KIND (PULSE_STATE_KIND_FOLLOWUP, "followups", pulse_followup,
        PULSE_ENTITY_SORT_DESCENDING, "created_at", TRUE),
  KIND (PULSE_STATE_KIND_CALIBRATION, "calibrations", pulse_calibration_session,
        PULSE_ENTITY_SORT_DESCENDING, "settled_at", TRUE),
  KIND (PULSE_STATE_KIND_TICKET, "tickets", pulse_ticket, PULSE_ENTITY_SORT_DESCENDING,
        "created_at", TRUE),
};

/* The description of @kind, or NULL for one no list holds (applications). */
const PulseEntityKind *
_pulse_entity_kind_find (PulseStateKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return &kinds[i];

  return NULL;
}

static gboolean
read_digits (const char *text,
             guint       n,
             int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

/* Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  int y = year - (month <= 2);
  int era = y / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (gint64) era * 146097 + doe - 719468;
}

/* "YYYY-MM-DDTHH:MM:SS[.f…]Z" with up to 6 fraction digits, the form the
 * codecs write, read without GDateTime: a list reads the key of every
 * item it takes, 50,000 at a reset. FALSE for anything else (an offset,
 * a leap second), which pulse_time_parse() reads instead; the result is
 * its result, to the microsecond. */
static gboolean
parse_canonical_time (const char *text,
                      gint64     *usec)
{
  int year, month, day, hour, minute, second, fraction = 0, scale = 1000000;
  const char *p = text + 19;

  if (strlen (text) < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' ||
      !read_digits (text, 4, &year) || !read_digits (text + 5, 2, &month) ||
      !read_digits (text + 8, 2, &day) || !read_digits (text + 11, 2, &hour) ||
      !read_digits (text + 14, 2, &minute) || !read_digits (text + 17, 2, &second))
    return FALSE;

  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && scale > 1; p++)
      {
        scale /= 10;
        fraction += (*p - '0') * scale;
      }
  if (p[0] != 'Z' || p[1] != '\0' || p[-1] == '.' ||
      month < 1 || month > 12 || day < 1 || day > g_date_get_days_in_month (month, year) ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  *usec = ((days_from_civil (year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
  *usec = *usec * G_USEC_PER_SEC + fraction;
  return TRUE;
}

/* The sort key of a canonical item: its codec wrote the member, so it is
 * there and well formed. */
void
_pulse_entity_read_key (const PulseEntityKind  *kind,
                        JsonNode               *node,
                        gint64                 *key,
                        char                  **name_key)
{
  JsonObject *object = json_node_get_object (node);

  *key = 0;
  *name_key = NULL;
  if (kind->sort == PULSE_ENTITY_SORT_NAME)
    {
      const char *name = json_object_get_string_member_with_default (object, "name", "");
      g_autofree char *folded = g_utf8_casefold (name, -1);

      *name_key = g_utf8_collate_key (folded, -1);
    }
  else if (kind->key_is_time)
    {
      const char *text = json_object_get_string_member_with_default (object, kind->key_member,
                                                                     NULL);

      if (text == NULL || (!parse_canonical_time (text, key) && !pulse_time_parse (text, key)))
        *key = 0;
    }
  else
    *key = json_object_get_int_member_with_default (object, kind->key_member, 0);
}

PulseEntityEntry *
_pulse_entity_entry_new (const PulseEntityKind *kind,
                         const char            *id,
                         JsonNode              *node)
{
  PulseEntityEntry *entry = g_new0 (PulseEntityEntry, 1);

  entry->id = g_strdup (id);
  entry->node = json_node_ref (node);
  _pulse_entity_read_key (kind, node, &entry->key, &entry->name_key);
  return entry;
}

void
_pulse_entity_entry_free (PulseEntityEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_clear_pointer (&entry->node, json_node_unref);
  g_clear_object (&entry->object);
  g_free (entry->name_key);
  g_free (entry);
}

/* The list order: negative when @a goes before @b. */
int
_pulse_entity_entry_compare (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  const PulseEntityEntry *ea = a;
  const PulseEntityEntry *eb = b;
  const PulseEntityKind *kind = user_data;
  int result = 0;

  if (kind->sort == PULSE_ENTITY_SORT_NAME)
    result = strcmp (ea->name_key, eb->name_key);
  else if (ea->key != eb->key)
    result = ea->key < eb->key ? -1 : 1;

  if (kind->sort == PULSE_ENTITY_SORT_DESCENDING)
    result = -result;

  return result != 0 ? result : strcmp (ea->id, eb->id);
}

/* The entry's object, made from its JSON by the kind's codec. The state
 * decoded the same JSON already, so failing here is a bug: it is
 * reported, and an object with the id alone stands in, since a list
 * model must hand out an item at every position. */
GObject *
_pulse_entity_decode (const PulseEntityKind *kind,
                      PulseEntityEntry      *entry)
{
  g_autoptr(GError) error = NULL;
  GObject *object = kind->decode (entry->node, &error);

  if (object == NULL)
    {
      g_critical ("%s “%s” cannot be shown: %s", kind->collection, entry->id, error->message);
      object = g_object_new (kind->get_type (), "id", entry->id, NULL);
    }

  return object;
}
