/* pulse-preferences-window.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-credentials.h"
#include "pulse-preferences-window.h"

/*
 * PulsePreferencesWindow:
 *
 * Appearance, the connection's security and the alert thresholds. Every
 * control is bound to its GSettings key, so changes apply at once.
 */
struct _PulsePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  AdwActionRow         *server_row;
  GtkWidget            *forget_button;
  GtkWidget            *insecure_switch;
  GtkWidget            *service_level_spin;
  GtkWidget            *oldest_wait_spin;
  GtkWidget            *spike_spin;
  GtkWidget            *csat_spin;
  GtkWidget            *notifications_switch;
  GtkWidget            *hold_spin;
  GtkWidget            *offline_spin;

  PulseSession         *session;
  GSettings            *settings;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (PulsePreferencesWindow, pulse_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The combo row's items, in the order of the color-scheme enum. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_to_selected (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_strcmp0 (scheme, color_schemes[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_color_scheme (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static void
update_server (PulsePreferencesWindow *self)
{
  const char *server_url = pulse_session_get_server_url (self->session);
  gboolean is_demo = pulse_session_get_is_demo (self->session);

  if (is_demo)
    adw_action_row_set_subtitle (self->server_row, _("The demo contact centre on this computer"));
  else if (server_url != NULL)
    adw_action_row_set_subtitle (self->server_row, server_url);
  else
    adw_action_row_set_subtitle (self->server_row, _("Not connected"));

  gtk_widget_set_sensitive (self->forget_button, server_url != NULL && !is_demo);
}

static void
clear_token_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PulsePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (pulse_credentials_clear_finish (result, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Token removed from the keyring")));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Could not remove the token"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_forget_clicked_cb (PulsePreferencesWindow *self)
{
  const char *server_url = pulse_session_get_server_url (self->session);

  g_assert (PULSE_IS_PREFERENCES_WINDOW (self));

  if (server_url == NULL)
    return;

  pulse_credentials_clear_async (server_url, self->cancellable, clear_token_cb,
                                 g_object_ref (self));
}

static void
bind_settings (PulsePreferencesWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_selected, selected_to_color_scheme,
                                NULL, NULL);
  g_settings_bind (self->settings, "allow-insecure-http",
                   self->insecure_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-service-level",
                   self->service_level_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-oldest-wait",
                   self->oldest_wait_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-spike-factor",
                   self->spike_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-csat",
                   self->csat_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-hold-minutes",
                   self->hold_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-offline-seconds",
                   self->offline_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "desktop-notifications",
                   self->notifications_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

static void
pulse_preferences_window_constructed (GObject *object)
{
  PulsePreferencesWindow *self = PULSE_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (pulse_preferences_window_parent_class)->constructed (object);

  g_assert (PULSE_IS_SESSION (self->session));

  bind_settings (self);

  g_signal_connect_object (self->session, "notify::server-url",
                           G_CALLBACK (update_server), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::is-demo",
                           G_CALLBACK (update_server), self, G_CONNECT_SWAPPED);
  update_server (self);
}

static void
pulse_preferences_window_dispose (GObject *object)
{
  PulsePreferencesWindow *self = PULSE_PREFERENCES_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (pulse_preferences_window_parent_class)->dispose (object);
}

static void
pulse_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PulsePreferencesWindow *self = PULSE_PREFERENCES_WINDOW (object);

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
pulse_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PulsePreferencesWindow *self = PULSE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_preferences_window_class_init (PulsePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_preferences_window_constructed;
  object_class->dispose = pulse_preferences_window_dispose;
  object_class->get_property = pulse_preferences_window_get_property;
  object_class->set_property = pulse_preferences_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, forget_button);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, insecure_switch);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, service_level_spin);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, oldest_wait_spin);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, spike_spin);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, csat_spin);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, hold_spin);
  gtk_widget_class_bind_template_child (widget_class, PulsePreferencesWindow, offline_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_forget_clicked_cb);
}

static void
pulse_preferences_window_init (PulsePreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_preferences_window_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_PREFERENCES_WINDOW,
                       "session", session,
                       NULL);
}
