/* pulse-group-row.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-group-row.h"
#include "pulse-utils.h"

/**
 * PulseGroupRow:
 *
 * One line of the Overview's breakdown: a team, queue, channel or
 * country with its headline figures for the period, written as the
 * Overview's tiles write them (pulse_kpi_tile_compute()). Each figure
 * is a property twice: the number to sort by ("csat", -1 for none) and
 * the text to show ("csat-text"). No GTK.
 */

/* The figures of a breakdown line, in column order. */
static const PulseKpiTileKind kinds[] = {
  PULSE_KPI_TILE_CONTACTS,
  PULSE_KPI_TILE_SERVICE_LEVEL,
  PULSE_KPI_TILE_FIRST_RESPONSE,
  PULSE_KPI_TILE_CSAT,
  PULSE_KPI_TILE_FCR,
  PULSE_KPI_TILE_AUTOMATION,
  PULSE_KPI_TILE_QA_SCORE,
};

static const char * const names[] = {
  "contacts", "service-level", "first-response", "csat", "fcr", "automation", "qa-score",
};

static const char * const text_names[] = {
  "contacts-text", "service-level-text", "first-response-text", "csat-text", "fcr-text",
  "automation-text", "qa-score-text",
};

#define N_FIGURES G_N_ELEMENTS (kinds)

struct _PulseGroupRow
{
  GObject  parent_instance;

  char    *key;
  char    *name;
  double   figures[N_FIGURES];
  char    *texts[N_FIGURES];
};

G_DEFINE_FINAL_TYPE (PulseGroupRow, pulse_group_row, G_TYPE_OBJECT)

/* Property ids: name, then per figure the number and its text. */
enum {
  PROP_0,
  PROP_NAME,
  PROP_FIRST_FIGURE,
  N_PROPS = PROP_FIRST_FIGURE + 2 * N_FIGURES
};

static GParamSpec *properties[N_PROPS];

static void
pulse_group_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PulseGroupRow *self = PULSE_GROUP_ROW (object);
  guint figure = (prop_id - PROP_FIRST_FIGURE) / 2;
  gboolean is_text = (prop_id - PROP_FIRST_FIGURE) % 2 == 1;

  if (prop_id == PROP_NAME)
    g_value_set_string (value, self->name);
  else if (prop_id < PROP_FIRST_FIGURE || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (is_text)
    g_value_set_string (value, self->texts[figure]);
  else
    g_value_set_double (value, isnan (self->figures[figure]) ? -1.0 : self->figures[figure]);
}

static void
pulse_group_row_finalize (GObject *object)
{
  PulseGroupRow *self = PULSE_GROUP_ROW (object);

  g_free (self->key);
  g_free (self->name);
  for (guint i = 0; i < N_FIGURES; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (pulse_group_row_parent_class)->finalize (object);
}

static void
pulse_group_row_class_init (PulseGroupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_group_row_finalize;
  object_class->get_property = pulse_group_row_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  for (guint i = 0; i < N_FIGURES; i++)
    {
      properties[PROP_FIRST_FIGURE + 2 * i] =
        g_param_spec_double (names[i], NULL, NULL, -1.0, G_MAXDOUBLE, -1.0, ro);
      properties[PROP_FIRST_FIGURE + 2 * i + 1] =
        g_param_spec_string (text_names[i], NULL, NULL, NULL, ro);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_group_row_init (PulseGroupRow *self)
{
  for (guint i = 0; i < N_FIGURES; i++)
    {
      self->figures[i] = NAN;
      self->texts[i] = g_strdup ("–");
    }
}

/**
 * pulse_group_row_new:
 * @key: the group's key in the KPI view (a team or queue id, a channel's
 *   wire name, a country code)
 * @name: what to call it
 *
 * Returns: (transfer full): a row with no figures yet.
 */
PulseGroupRow *
pulse_group_row_new (const char *key,
                     const char *name)
{
  PulseGroupRow *self = g_object_new (PULSE_TYPE_GROUP_ROW, NULL);

  self->key = g_strdup (key);
  self->name = g_strdup (name);
  return self;
}

const char *
pulse_group_row_get_key (PulseGroupRow *self)
{
  g_return_val_if_fail (PULSE_IS_GROUP_ROW (self), NULL);

  return self->key;
}

const char *
pulse_group_row_get_name (PulseGroupRow *self)
{
  g_return_val_if_fail (PULSE_IS_GROUP_ROW (self), NULL);

  return self->name;
}

void
pulse_group_row_set_name (PulseGroupRow *self,
                          const char    *name)
{
  g_return_if_fail (PULSE_IS_GROUP_ROW (self));

  if (pulse_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * pulse_group_row_update:
 * @summary: the group's figures
 *
 * Takes new figures, notifying the properties that changed.
 */
void
pulse_group_row_update (PulseGroupRow         *self,
                        const PulseKpiSummary *summary)
{
  g_return_if_fail (PULSE_IS_GROUP_ROW (self));
  g_return_if_fail (summary != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < N_FIGURES; i++)
    {
      g_auto(PulseKpiTileFigure) figure = { NULL };
      double raw = pulse_kpi_tile_get_raw (kinds[i], summary);

      pulse_kpi_tile_compute (kinds[i], summary, NULL, &figure);
      if (!(raw == self->figures[i] || (isnan (raw) && isnan (self->figures[i]))))
        {
          self->figures[i] = raw;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIGURE + 2 * i]);
        }
      if (pulse_set_str (&self->texts[i], figure.value))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIGURE + 2 * i + 1]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * pulse_group_row_get_figure:
 * @kind: one of the breakdown's figures
 *
 * Returns: the figure, NaN when there is none or @kind is not shown.
 */
double
pulse_group_row_get_figure (PulseGroupRow    *self,
                            PulseKpiTileKind  kind)
{
  g_return_val_if_fail (PULSE_IS_GROUP_ROW (self), NAN);

  for (guint i = 0; i < N_FIGURES; i++)
    {
      if (kinds[i] == kind)
        return self->figures[i];
    }

  return NAN;
}
