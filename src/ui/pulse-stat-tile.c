/* pulse-stat-tile.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-stat-tile.h"

/**
 * PulseStatTile:
 *
 * One headline figure: a title, the value in large digits and a caption
 * under it (a target, or the change against the previous period, whose
 * trend also sets a style class). Built in code rather than from a
 * template: three labels in a vertical box layout.
 */
struct _PulseStatTile
{
  GtkWidget       parent_instance;

  GtkWidget      *title_label;
  GtkWidget      *value_label;
  GtkWidget      *caption_label;
  PulseStatTrend  trend;
};

G_DEFINE_FINAL_TYPE (PulseStatTile, pulse_stat_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const trend_classes[] = { "neutral", "better", "worse", "same" };

static void
pulse_stat_tile_dispose (GObject *object)
{
  PulseStatTile *self = PULSE_STAT_TILE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->title_label = self->value_label = self->caption_label = NULL;

  G_OBJECT_CLASS (pulse_stat_tile_parent_class)->dispose (object);
}

static void
pulse_stat_tile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PulseStatTile *self = PULSE_STAT_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, pulse_stat_tile_get_title (self));
      break;
    case PROP_VALUE:
      g_value_set_string (value, pulse_stat_tile_get_value (self));
      break;
    case PROP_CAPTION:
      g_value_set_string (value, pulse_stat_tile_get_caption (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_stat_tile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PulseStatTile *self = PULSE_STAT_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pulse_stat_tile_set_title (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      pulse_stat_tile_set_value (self, g_value_get_string (value));
      break;
    case PROP_CAPTION:
      pulse_stat_tile_set_caption (self, g_value_get_string (value), self->trend);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_stat_tile_class_init (PulseStatTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pulse_stat_tile_dispose;
  object_class->get_property = pulse_stat_tile_get_property;
  object_class->set_property = pulse_stat_tile_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, rw);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stattile");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
add_label (PulseStatTile *self,
           const char    *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
pulse_stat_tile_init (PulseStatTile *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  self->title_label = add_label (self, "heading");
  self->value_label = add_label (self, "value");
  /* A figure cut short misleads: the tile asks for the room instead. */
  gtk_label_set_ellipsize (GTK_LABEL (self->value_label), PANGO_ELLIPSIZE_NONE);
  gtk_widget_add_css_class (self->value_label, "numeric");
  gtk_label_set_label (GTK_LABEL (self->value_label), "–");
  self->caption_label = add_label (self, "caption");
  gtk_widget_add_css_class (self->caption_label, trend_classes[self->trend]);
  gtk_widget_set_visible (self->caption_label, FALSE);
}

/**
 * pulse_stat_tile_new:
 * @title: what the figure is
 *
 * Returns: (transfer floating): a tile with no value yet (an en dash).
 */
GtkWidget *
pulse_stat_tile_new (const char *title)
{
  return g_object_new (PULSE_TYPE_STAT_TILE, "title", title, NULL);
}

const char *
pulse_stat_tile_get_title (PulseStatTile *self)
{
  g_return_val_if_fail (PULSE_IS_STAT_TILE (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->title_label));
}

void
pulse_stat_tile_set_title (PulseStatTile *self,
                           const char    *title)
{
  g_return_if_fail (PULSE_IS_STAT_TILE (self));

  if (g_strcmp0 (title, pulse_stat_tile_get_title (self)) == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->title_label), title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
pulse_stat_tile_get_value (PulseStatTile *self)
{
  g_return_val_if_fail (PULSE_IS_STAT_TILE (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->value_label));
}

/**
 * pulse_stat_tile_set_value:
 * @value: (nullable): the figure as text; %NULL shows an en dash
 */
void
pulse_stat_tile_set_value (PulseStatTile *self,
                           const char    *value)
{
  g_return_if_fail (PULSE_IS_STAT_TILE (self));

  value = value != NULL ? value : "–";
  if (g_strcmp0 (value, pulse_stat_tile_get_value (self)) == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->value_label), value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
pulse_stat_tile_get_caption (PulseStatTile *self)
{
  g_return_val_if_fail (PULSE_IS_STAT_TILE (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->caption_label));
}

/**
 * pulse_stat_tile_set_caption:
 * @caption: (nullable): the line under the figure; %NULL hides it
 * @trend: how the figure compares, for the caption's style
 */
void
pulse_stat_tile_set_caption (PulseStatTile  *self,
                             const char     *caption,
                             PulseStatTrend  trend)
{
  g_return_if_fail (PULSE_IS_STAT_TILE (self));
  g_return_if_fail (trend <= PULSE_STAT_TREND_SAME);

  /* Called at every refresh of a live page: a class taken off and put
   * back is a style change, and one more frame. */
  if (trend != self->trend)
    {
      gtk_widget_remove_css_class (self->caption_label, trend_classes[self->trend]);
      self->trend = trend;
      gtk_widget_add_css_class (self->caption_label, trend_classes[trend]);
    }
  gtk_widget_set_visible (self->caption_label, caption != NULL);
  if (g_strcmp0 (caption, pulse_stat_tile_get_caption (self)) == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->caption_label), caption);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}
