/* pulse-rating.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json-sink.h"
#include "pulse-json.h"
#include "pulse-rating-private.h"

/**
 * PulseRating:
 *
 * A customer's rating of one contact: CSAT (1–5), NPS (0–10) or CES
 * (1–7). A rating belongs to its ticket and has no id of its own.
 * Wire form: `{"kind","score","at","comment"?}`.
 */
struct _PulseRating
{
  GObject parent_instance;

  PulseRatingKind  kind;
  int              score;
  gint64           at;
  char            *comment;
};

G_DEFINE_FINAL_TYPE (PulseRating, pulse_rating, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SCORE,
  PROP_AT,
  PROP_COMMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
check_score (PulseRating     *self,
             PulseJsonReader *reader)
{
  int min_score;
  int max_score;

  if (pulse_json_reader_failed (reader))
    return;

  pulse_rating_kind_get_range (self->kind, &min_score, &max_score);
  if (self->score < min_score || self->score > max_score)
    pulse_json_reader_fail (reader, "score", "%d is outside %d…%d for %s",
                            self->score, min_score, max_score,
                            pulse_enum_to_nick (PULSE_TYPE_RATING_KIND, self->kind));
}

static void
pulse_rating_finalize (GObject *object)
{
  PulseRating *self = (PulseRating *)object;

  g_clear_pointer (&self->comment, g_free);

  G_OBJECT_CLASS (pulse_rating_parent_class)->finalize (object);
}

static void
pulse_rating_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PulseRating *self = PULSE_RATING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SCORE:
      g_value_set_int (value, self->score);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_rating_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PulseRating *self = PULSE_RATING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_SCORE:
      self->score = g_value_get_int (value);
      break;
    case PROP_AT:
      self->at = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_rating_class_init (PulseRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_rating_finalize;
  object_class->get_property = pulse_rating_get_property;
  object_class->set_property = pulse_rating_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PULSE_TYPE_RATING_KIND, PULSE_RATING_KIND_CSAT, construct);
  properties[PROP_SCORE] = g_param_spec_int ("score", NULL, NULL, 0, 10, 0, construct);
  properties[PROP_AT] = g_param_spec_int64 ("at", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_rating_init (PulseRating *self)
{
}

/**
 * pulse_rating_new:
 * @kind: the survey the score answers
 * @score: the score, within pulse_rating_kind_get_range() of @kind
 * @at: when the customer rated, in microseconds since the epoch
 *
 * Returns: (transfer full): a new rating without a comment.
 */
PulseRating *
pulse_rating_new (PulseRatingKind kind,
                  int             score,
                  gint64          at)
{
  int min_score;
  int max_score;

  pulse_rating_kind_get_range (kind, &min_score, &max_score);
  g_return_val_if_fail (score >= min_score && score <= max_score, NULL);

  return g_object_new (PULSE_TYPE_RATING, "kind", kind, "score", score, "at", at, NULL);
}

/**
 * pulse_rating_new_from_json:
 * @node: the wire form of a rating
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault; a score outside its kind's scale names "score"
 *
 * Returns: (transfer full) (nullable): the rating, or %NULL on error.
 */
PulseRating *
pulse_rating_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(PulseRating) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "a rating", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_RATING, NULL);
  self->kind = pulse_json_reader_get_enum (&reader, "kind", PULSE_TYPE_RATING_KIND,
                                           PULSE_JSON_REQUIRED, PULSE_RATING_KIND_CSAT);
  /* Any int here; check_score() applies the scale of the kind. */
  self->score = pulse_json_reader_get_int (&reader, "score", PULSE_JSON_REQUIRED,
                                           G_MININT, G_MAXINT, 0);
  self->at = pulse_json_reader_get_time (&reader, "at", PULSE_JSON_REQUIRED);
  self->comment = pulse_json_reader_dup_string (&reader, "comment", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_TEXT);
  check_score (self, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The wire form, in its canonical order, into @sink. */
static void
write_fields (gpointer       object,
              PulseJsonSink *sink)
{
  PulseRating *self = object;

  pulse_json_sink_enum (sink, "kind", PULSE_TYPE_RATING_KIND, self->kind);
  pulse_json_sink_int (sink, "score", self->score);
  pulse_json_sink_time (sink, "at", self->at);
  pulse_json_sink_string (sink, "comment", self->comment);
}

/**
 * pulse_rating_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_rating_to_json (PulseRating *self)
{
  g_return_val_if_fail (PULSE_IS_RATING (self), NULL);

  return pulse_json_sink_build_object (write_fields, self);
}

/* Whether @node is pulse_rating_to_json()'s text of @self. */
gboolean
_pulse_rating_matches_json (PulseRating *self,
                            JsonNode    *node)
{
  return pulse_json_sink_object_matches (node, write_fields, self);
}

/**
 * pulse_rating_kind_get_range:
 * @kind: a rating kind
 * @min_score: (out): the lowest score on @kind's scale
 * @max_score: (out): the highest score on @kind's scale
 *
 * The scales: CSAT 1–5, NPS 0–10, CES 1–7.
 */
void
pulse_rating_kind_get_range (PulseRatingKind  kind,
                             int             *min_score,
                             int             *max_score)
{
  g_return_if_fail (min_score != NULL && max_score != NULL);

  switch (kind)
    {
    case PULSE_RATING_KIND_NPS:
      *min_score = 0;
      *max_score = 10;
      break;
    case PULSE_RATING_KIND_CES:
      *min_score = 1;
      *max_score = 7;
      break;
    case PULSE_RATING_KIND_CSAT:
    default:
      *min_score = 1;
      *max_score = 5;
      break;
    }
}

PulseRatingKind
pulse_rating_get_kind (PulseRating *self)
{
  g_return_val_if_fail (PULSE_IS_RATING (self), PULSE_RATING_KIND_CSAT);

  return self->kind;
}

/**
 * pulse_rating_get_score:
 *
 * Returns: the score, always within the scale of #PulseRating:kind.
 */
int
pulse_rating_get_score (PulseRating *self)
{
  g_return_val_if_fail (PULSE_IS_RATING (self), 0);

  return self->score;
}

/**
 * pulse_rating_get_at:
 *
 * Returns: when the customer rated, in microseconds since the epoch.
 */
gint64
pulse_rating_get_at (PulseRating *self)
{
  g_return_val_if_fail (PULSE_IS_RATING (self), 0);

  return self->at;
}

/**
 * pulse_rating_get_comment:
 *
 * Returns: (nullable): what the customer wrote with the score.
 */
const char *
pulse_rating_get_comment (PulseRating *self)
{
  g_return_val_if_fail (PULSE_IS_RATING (self), NULL);

  return self->comment;
}
