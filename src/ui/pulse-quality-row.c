/* pulse-quality-row.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-quality-row.h"

/**
 * PulseQualityRow:
 *
 * One row of a Quality page list, keyed by the id of what it shows (a
 * team, an agent, a reviewer, a ticket, a criterion). No GTK: the page's
 * lists bind to its properties, and an update notifies only what
 * changed, so a new review redraws one cell, not the list.
 */
struct _PulseQualityRow
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *subtitle;
  char    *detail;
  double   value;
  char    *value_text;
  gint64   count;
  char    *count_text;
  double   extra;
  char    *extra_text;
  gint64   time;
  char    *time_text;
};

G_DEFINE_FINAL_TYPE (PulseQualityRow, pulse_quality_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DETAIL,
  PROP_VALUE,
  PROP_VALUE_TEXT,
  PROP_COUNT,
  PROP_COUNT_TEXT,
  PROP_EXTRA,
  PROP_EXTRA_TEXT,
  PROP_TIME,
  PROP_TIME_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_quality_row_finalize (GObject *object)
{
  PulseQualityRow *self = PULSE_QUALITY_ROW (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->value_text, g_free);
  g_clear_pointer (&self->count_text, g_free);
  g_clear_pointer (&self->extra_text, g_free);
  g_clear_pointer (&self->time_text, g_free);

  G_OBJECT_CLASS (pulse_quality_row_parent_class)->finalize (object);
}

static void
pulse_quality_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PulseQualityRow *self = PULSE_QUALITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;
    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;
    case PROP_COUNT_TEXT:
      g_value_set_string (value, self->count_text);
      break;
    case PROP_EXTRA:
      g_value_set_double (value, self->extra);
      break;
    case PROP_EXTRA_TEXT:
      g_value_set_string (value, self->extra_text);
      break;
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;
    case PROP_TIME_TEXT:
      g_value_set_string (value, self->time_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
double_property (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
pulse_quality_row_class_init (PulseQualityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_quality_row_finalize;
  object_class->get_property = pulse_quality_row_get_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_SUBTITLE] = string_property ("subtitle");
  properties[PROP_DETAIL] = string_property ("detail");
  properties[PROP_VALUE] = double_property ("value");
  properties[PROP_VALUE_TEXT] = string_property ("value-text");
  properties[PROP_COUNT] = int64_property ("count");
  properties[PROP_COUNT_TEXT] = string_property ("count-text");
  properties[PROP_EXTRA] = double_property ("extra");
  properties[PROP_EXTRA_TEXT] = string_property ("extra-text");
  properties[PROP_TIME] = int64_property ("time");
  properties[PROP_TIME_TEXT] = string_property ("time-text");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_quality_row_init (PulseQualityRow *self)
{
  self->value = G_MAXDOUBLE;
  self->extra = G_MAXDOUBLE;
}

/**
 * pulse_quality_row_new:
 * @id: the id of what the row shows
 *
 * Returns: (transfer full): an empty row.
 */
PulseQualityRow *
pulse_quality_row_new (const char *id)
{
  PulseQualityRow *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (PULSE_TYPE_QUALITY_ROW, NULL);
  self->id = g_strdup (id);
  return self;
}

const char *
pulse_quality_row_get_id (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), NULL);

  return self->id;
}

static void
set_string (PulseQualityRow  *self,
            char            **field,
            const char       *value,
            guint             prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_double (PulseQualityRow *self,
            double          *field,
            double           value,
            guint            prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int64 (PulseQualityRow *self,
           gint64          *field,
           gint64           value,
           guint            prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * pulse_quality_row_update:
 * @data: what the row shows now
 *
 * Takes new contents, notifying the properties that changed.
 */
void
pulse_quality_row_update (PulseQualityRow           *self,
                          const PulseQualityRowData *data)
{
  g_return_if_fail (PULSE_IS_QUALITY_ROW (self));
  g_return_if_fail (data != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->title, data->title, PROP_TITLE);
  set_string (self, &self->subtitle, data->subtitle, PROP_SUBTITLE);
  set_string (self, &self->detail, data->detail, PROP_DETAIL);
  set_double (self, &self->value, data->value, PROP_VALUE);
  set_string (self, &self->value_text, data->value_text, PROP_VALUE_TEXT);
  set_int64 (self, &self->count, data->count, PROP_COUNT);
  set_string (self, &self->count_text, data->count_text, PROP_COUNT_TEXT);
  set_double (self, &self->extra, data->extra, PROP_EXTRA);
  set_string (self, &self->extra_text, data->extra_text, PROP_EXTRA_TEXT);
  set_int64 (self, &self->time, data->time, PROP_TIME);
  set_string (self, &self->time_text, data->time_text, PROP_TIME_TEXT);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
pulse_quality_row_get_title (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), NULL);

  return self->title;
}

const char *
pulse_quality_row_get_subtitle (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), NULL);

  return self->subtitle;
}

const char *
pulse_quality_row_get_detail (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), NULL);

  return self->detail;
}

/* The main figure, or G_MAXDOUBLE for none. */
double
pulse_quality_row_get_value (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), G_MAXDOUBLE);

  return self->value;
}

const char *
pulse_quality_row_get_value_text (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), NULL);

  return self->value_text;
}

gint64
pulse_quality_row_get_count (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), 0);

  return self->count;
}

const char *
pulse_quality_row_get_count_text (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), NULL);

  return self->count_text;
}

const char *
pulse_quality_row_get_extra_text (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), NULL);

  return self->extra_text;
}

const char *
pulse_quality_row_get_time_text (PulseQualityRow *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_ROW (self), NULL);

  return self->time_text;
}
