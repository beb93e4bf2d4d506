/* pulse-health-icon.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-health-icon.h"

/**
 * PulseHealthIcon:
 *
 * A queue's health as an icon whose shape differs per state (a check, a
 * warning triangle, an error sign) and whose colour repeats it, so it
 * reads without colour too. The row's label says it in words beside it.
 */
struct _PulseHealthIcon
{
  GtkWidget         parent_instance;

  GtkWidget        *image;
  PulseQueueHealth  health;
};

G_DEFINE_FINAL_TYPE (PulseHealthIcon, pulse_health_icon, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEALTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *icon_name;
  const char *css_class;
} looks[] = {
  [PULSE_QUEUE_HEALTH_QUIET] = { "media-playback-pause-symbolic", "quiet" },
  [PULSE_QUEUE_HEALTH_OK] = { "emblem-ok-symbolic", "success" },
  [PULSE_QUEUE_HEALTH_AT_RISK] = { "dialog-warning-symbolic", "warning" },
  [PULSE_QUEUE_HEALTH_BREACH] = { "dialog-error-symbolic", "error" },
};

static void
pulse_health_icon_dispose (GObject *object)
{
  PulseHealthIcon *self = PULSE_HEALTH_ICON (object);

  g_clear_pointer (&self->image, gtk_widget_unparent);

  G_OBJECT_CLASS (pulse_health_icon_parent_class)->dispose (object);
}

static void
pulse_health_icon_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PulseHealthIcon *self = PULSE_HEALTH_ICON (object);

  switch (prop_id)
    {
    case PROP_HEALTH:
      g_value_set_int (value, self->health);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_health_icon_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PulseHealthIcon *self = PULSE_HEALTH_ICON (object);

  switch (prop_id)
    {
    case PROP_HEALTH:
      pulse_health_icon_set_health (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_health_icon_class_init (PulseHealthIconClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_health_icon_dispose;
  object_class->get_property = pulse_health_icon_get_property;
  object_class->set_property = pulse_health_icon_set_property;

  /* An int, as PulseQueueRow:health, so a list item can bind one to the
   * other without an enum type. */
  properties[PROP_HEALTH] =
    g_param_spec_int ("health", NULL, NULL, PULSE_QUEUE_HEALTH_QUIET, PULSE_QUEUE_HEALTH_BREACH,
                      PULSE_QUEUE_HEALTH_QUIET,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "healthicon");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pulse_health_icon_init (PulseHealthIcon *self)
{
  self->image = gtk_image_new_from_icon_name (looks[PULSE_QUEUE_HEALTH_QUIET].icon_name);
  gtk_widget_set_parent (self->image, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), looks[PULSE_QUEUE_HEALTH_QUIET].css_class);
}

PulseQueueHealth
pulse_health_icon_get_health (PulseHealthIcon *self)
{
  g_return_val_if_fail (PULSE_IS_HEALTH_ICON (self), PULSE_QUEUE_HEALTH_QUIET);

  return self->health;
}

void
pulse_health_icon_set_health (PulseHealthIcon  *self,
                              PulseQueueHealth  health)
{
  g_return_if_fail (PULSE_IS_HEALTH_ICON (self));
  g_return_if_fail (health <= PULSE_QUEUE_HEALTH_BREACH);

  if (self->health == health)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self), looks[self->health].css_class);
  self->health = health;
  gtk_widget_add_css_class (GTK_WIDGET (self), looks[health].css_class);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->image), looks[health].icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH]);
}
