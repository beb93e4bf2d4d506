/* pulse-followup.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-followup.h"
#include "pulse-json.h"

/**
 * PulseFollowup:
 *
 * Something an agent's team lead should act on: a submitted review with
 * a failed criterion, or a contact the customer rated 1–2. The server
 * makes them; the lead marks them done.
 *
 * Wire form: `{"id","version","agent_id","team_id"?,"ticket_id",
 * "review_id"?,"reason","criteria"?,"rating"?,"status","created_at",
 * "done_at"?,"done_by"?,"note"?}`. reason is `failed-criterion` (with the
 * review and the criteria failed) or `low-rating` (with the rating,
 * 1–5); status is `open` or `done`, and a done follow-up has a done_at
 * no earlier than created_at.
 */
struct _PulseFollowup
{
  GObject              parent_instance;

  char                *id;
  gint64               version;
  char                *agent_id;
  char                *team_id;
  char                *ticket_id;
  char                *review_id;
  PulseFollowupReason  reason;
  GStrv                criteria;
  int                  rating;
  PulseFollowupStatus  status;
  gint64               created_at;
  gint64               done_at;
  char                *done_by;
  char                *note;
};

G_DEFINE_FINAL_TYPE (PulseFollowup, pulse_followup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
read_id (PulseJsonReader *reader,
         const char      *member,
         PulseJsonFlags   flags)
{
  return pulse_json_reader_dup_string (reader, member, flags, PULSE_JSON_MAX_ID);
}

static void
check_fields (PulseFollowup   *self,
              PulseJsonReader *reader)
{
  if (self->status == PULSE_FOLLOWUP_STATUS_DONE && self->done_at == 0)
    pulse_json_reader_fail (reader, "done_at", "is required when status is done");
  else if (self->status != PULSE_FOLLOWUP_STATUS_DONE && self->done_at != 0)
    pulse_json_reader_fail (reader, "done_at", "must be absent unless status is done");
  else if (self->done_at != 0 && self->done_at < self->created_at)
    pulse_json_reader_fail (reader, "done_at", "is before created_at");
  else if (self->reason == PULSE_FOLLOWUP_REASON_LOW_RATING && self->rating == 0)
    pulse_json_reader_fail (reader, "rating", "is required when reason is low-rating");
}

static void
read_fields (PulseFollowup   *self,
             PulseJsonReader *reader)
{
  self->id = read_id (reader, "id", PULSE_JSON_REQUIRED);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->agent_id = read_id (reader, "agent_id", PULSE_JSON_REQUIRED);
  self->team_id = read_id (reader, "team_id", PULSE_JSON_OPTIONAL);
  self->ticket_id = read_id (reader, "ticket_id", PULSE_JSON_REQUIRED);
  self->review_id = read_id (reader, "review_id", PULSE_JSON_OPTIONAL);
  self->reason = pulse_json_reader_get_enum (reader, "reason", PULSE_TYPE_FOLLOWUP_REASON,
                                             PULSE_JSON_REQUIRED,
                                             PULSE_FOLLOWUP_REASON_FAILED_CRITERION);
  self->criteria = pulse_json_reader_dup_strv (reader, "criteria", PULSE_JSON_OPTIONAL,
                                               1000, PULSE_JSON_MAX_ID);
  if (self->criteria != NULL && self->criteria[0] == NULL)
    g_clear_pointer (&self->criteria, g_strfreev);
  self->rating = pulse_json_reader_get_int (reader, "rating", PULSE_JSON_OPTIONAL, 1, 5, 0);
  self->status = pulse_json_reader_get_enum (reader, "status", PULSE_TYPE_FOLLOWUP_STATUS,
                                             PULSE_JSON_REQUIRED, PULSE_FOLLOWUP_STATUS_OPEN);
  self->created_at = pulse_json_reader_get_time (reader, "created_at", PULSE_JSON_REQUIRED);
  self->done_at = pulse_json_reader_get_time (reader, "done_at", PULSE_JSON_OPTIONAL);
  self->done_by = pulse_json_reader_dup_string (reader, "done_by", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_NAME);
  self->note = pulse_json_reader_dup_string (reader, "note", PULSE_JSON_OPTIONAL,
                                             PULSE_JSON_MAX_SHORT);
  check_fields (self, reader);
}

static void
pulse_followup_finalize (GObject *object)
{
  PulseFollowup *self = (PulseFollowup *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->agent_id, g_free);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->ticket_id, g_free);
  g_clear_pointer (&self->review_id, g_free);
  g_clear_pointer (&self->criteria, g_strfreev);
  g_clear_pointer (&self->done_by, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (pulse_followup_parent_class)->finalize (object);
}

static void
pulse_followup_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PulseFollowup *self = PULSE_FOLLOWUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_followup_class_init (PulseFollowupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_followup_finalize;
  object_class->get_property = pulse_followup_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, PULSE_TYPE_FOLLOWUP_STATUS,
                                               PULSE_FOLLOWUP_STATUS_OPEN, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_followup_init (PulseFollowup *self)
{
}

/**
 * pulse_followup_new_from_json:
 * @node: the wire form of a follow-up
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the follow-up, or %NULL on error.
 */
PulseFollowup *
pulse_followup_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return pulse_json_decode_object (node, PULSE_TYPE_FOLLOWUP, "a follow-up",
                                   (PulseJsonFieldsFunc) read_fields, error);
}

/**
 * pulse_followup_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_followup_to_json (PulseFollowup *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "agent_id", self->agent_id);
  pulse_json_add_string (builder, "team_id", self->team_id);
  pulse_json_add_string (builder, "ticket_id", self->ticket_id);
  pulse_json_add_string (builder, "review_id", self->review_id);
  pulse_json_add_enum (builder, "reason", PULSE_TYPE_FOLLOWUP_REASON, self->reason);
  if (self->criteria != NULL && self->criteria[0] != NULL)
    pulse_json_add_strv (builder, "criteria", (const char * const *) self->criteria);
  if (self->rating > 0)
    pulse_json_add_int (builder, "rating", self->rating);
  pulse_json_add_enum (builder, "status", PULSE_TYPE_FOLLOWUP_STATUS, self->status);
  pulse_json_add_time (builder, "created_at", self->created_at);
  pulse_json_add_time (builder, "done_at", self->done_at);
  pulse_json_add_string (builder, "done_by", self->done_by);
  pulse_json_add_string (builder, "note", self->note);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pulse_followup_get_id (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), NULL);

  return self->id;
}

gint64
pulse_followup_get_version (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), 0);

  return self->version;
}

void
pulse_followup_set_version (PulseFollowup *self,
                            gint64         version)
{
  g_return_if_fail (PULSE_IS_FOLLOWUP (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_followup_get_agent_id (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), NULL);

  return self->agent_id;
}

/**
 * pulse_followup_get_team_id:
 *
 * Returns: (nullable): the agent's team when the follow-up was made: its
 *   lead is the one to act.
 */
const char *
pulse_followup_get_team_id (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), NULL);

  return self->team_id;
}

const char *
pulse_followup_get_ticket_id (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), NULL);

  return self->ticket_id;
}

/**
 * pulse_followup_get_review_id:
 *
 * Returns: (nullable): the review that failed, for a failed-criterion one.
 */
const char *
pulse_followup_get_review_id (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), NULL);

  return self->review_id;
}

PulseFollowupReason
pulse_followup_get_reason (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), PULSE_FOLLOWUP_REASON_FAILED_CRITERION);

  return self->reason;
}

/**
 * pulse_followup_get_criteria:
 *
 * Returns: (nullable) (array zero-terminated=1): the criteria failed.
 */
const char * const *
pulse_followup_get_criteria (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), NULL);

  return (const char * const *) self->criteria;
}

/**
 * pulse_followup_get_rating:
 *
 * Returns: the customer's rating (1–5) of a low-rating follow-up, else 0.
 */
int
pulse_followup_get_rating (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), 0);

  return self->rating;
}

PulseFollowupStatus
pulse_followup_get_status (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), PULSE_FOLLOWUP_STATUS_OPEN);

  return self->status;
}

gint64
pulse_followup_get_created_at (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), 0);

  return self->created_at;
}

gint64
pulse_followup_get_done_at (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), 0);

  return self->done_at;
}

/**
 * pulse_followup_get_done_by:
 *
 * Returns: (nullable): who marked it done (the token's user).
 */
const char *
pulse_followup_get_done_by (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), NULL);

  return self->done_by;
}

const char *
pulse_followup_get_note (PulseFollowup *self)
{
  g_return_val_if_fail (PULSE_IS_FOLLOWUP (self), NULL);

  return self->note;
}
