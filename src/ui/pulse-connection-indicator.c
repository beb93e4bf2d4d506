/* pulse-connection-indicator.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-connection-indicator.h"
#include "pulse-connection-indicator-state.h"

/* The tooltip says how old the data is; refresh it while it can be seen. */
#define REFRESH_SECONDS 15

/*
 * PulseConnectionIndicator:
 *
 * A small icon and label in the header bar telling how current the
 * figures are ("Live", "Offline", "Not signed in"), with the server and
 * the age of the data in the tooltip. Its look comes from
 * pulse_connection_indicator_state_compute().
 */
struct _PulseConnectionIndicator
{
  GtkWidget     parent_instance;

  GtkImage     *image;
  GtkLabel     *label;

  PulseSession *session;
  GSignalGroup *session_signals;
  const char   *css_class;     /* static strings of the state */
  const char   *icon_name;
  guint         refresh_id;
};

G_DEFINE_FINAL_TYPE (PulseConnectionIndicator, pulse_connection_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PulseConnectionIndicator *self)
{
  g_auto(PulseConnectionIndicatorState) state = { 0 };
  PulseConnectionState connection_state = PULSE_CONNECTION_STATE_DISCONNECTED;
  const char *server_url = NULL;
  gint64 last_event_at = 0;

  g_assert (PULSE_IS_CONNECTION_INDICATOR (self));

  if (self->session != NULL)
    {
      connection_state = pulse_session_get_connection_state (self->session);
      server_url = pulse_session_get_server_url (self->session);
      last_event_at = pulse_session_get_last_event_at (self->session);
    }

  pulse_connection_indicator_state_compute (&state, connection_state, server_url,
                                            last_event_at, g_get_real_time ());

  /* Called at every event applied: what did not change is left alone. A
   * class taken off and put back is a style change for GTK, and a style
   * change is one more frame. */
  if (g_strcmp0 (gtk_label_get_label (self->label), state.label) == 0 &&
      g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self)), state.tooltip) == 0 &&
      g_strcmp0 (self->css_class, state.css_class) == 0 &&
      g_strcmp0 (self->icon_name, state.icon_name) == 0)
    return;

  self->icon_name = state.icon_name;
  gtk_image_set_from_icon_name (self->image, state.icon_name);
  gtk_label_set_label (self->label, state.label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), state.tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, state.label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, state.tooltip,
                                  -1);

  if (g_strcmp0 (self->css_class, state.css_class) == 0)
    return;
  if (self->css_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->css_class);
  self->css_class = state.css_class;
  gtk_widget_add_css_class (GTK_WIDGET (self), self->css_class);
}

static gboolean
on_refresh_cb (gpointer user_data)
{
  update (PULSE_CONNECTION_INDICATOR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
pulse_connection_indicator_map (GtkWidget *widget)
{
  PulseConnectionIndicator *self = PULSE_CONNECTION_INDICATOR (widget);

  GTK_WIDGET_CLASS (pulse_connection_indicator_parent_class)->map (widget);

  update (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, on_refresh_cb, self);
}

static void
pulse_connection_indicator_unmap (GtkWidget *widget)
{
  PulseConnectionIndicator *self = PULSE_CONNECTION_INDICATOR (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  GTK_WIDGET_CLASS (pulse_connection_indicator_parent_class)->unmap (widget);
}

static void
pulse_connection_indicator_dispose (GObject *object)
{
  PulseConnectionIndicator *self = PULSE_CONNECTION_INDICATOR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_CONNECTION_INDICATOR);

  G_OBJECT_CLASS (pulse_connection_indicator_parent_class)->dispose (object);
}

static void
pulse_connection_indicator_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  PulseConnectionIndicator *self = PULSE_CONNECTION_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_connection_indicator_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  PulseConnectionIndicator *self = PULSE_CONNECTION_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pulse_connection_indicator_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_connection_indicator_class_init (PulseConnectionIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_connection_indicator_dispose;
  object_class->get_property = pulse_connection_indicator_get_property;
  object_class->set_property = pulse_connection_indicator_set_property;

  widget_class->map = pulse_connection_indicator_map;
  widget_class->unmap = pulse_connection_indicator_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-connection-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseConnectionIndicator, image);
  gtk_widget_class_bind_template_child (widget_class, PulseConnectionIndicator, label);

  gtk_widget_class_set_css_name (widget_class, "connectionindicator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
pulse_connection_indicator_init (PulseConnectionIndicator *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (PULSE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::connection-state",
                                  G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::server-url",
                                  G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::last-event-at",
                                  G_CALLBACK (update), self);

  update (self);
}

GtkWidget *
pulse_connection_indicator_new (PulseSession *session)
{
  g_return_val_if_fail (session == NULL || PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_CONNECTION_INDICATOR,
                       "session", session,
                       NULL);
}

PulseSession *
pulse_connection_indicator_get_session (PulseConnectionIndicator *self)
{
  g_return_val_if_fail (PULSE_IS_CONNECTION_INDICATOR (self), NULL);

  return self->session;
}

void
pulse_connection_indicator_set_session (PulseConnectionIndicator *self,
                                        PulseSession             *session)
{
  g_return_if_fail (PULSE_IS_CONNECTION_INDICATOR (self));
  g_return_if_fail (session == NULL || PULSE_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* The label as shown, for tests and for the window's accessible name. */
const char *
pulse_connection_indicator_get_label (PulseConnectionIndicator *self)
{
  g_return_val_if_fail (PULSE_IS_CONNECTION_INDICATOR (self), NULL);

  return gtk_label_get_label (self->label);
}
