/* pulse-application.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-application.h"
#include "pulse-bench-hook.h"
#include "pulse-preferences-window.h"
#include "pulse-session.h"
#include "pulse-window.h"

/*
 * PulseApplication:
 *
 * Owns the one PulseSession and hands it to every window. It follows the
 * colour-scheme setting, remembers the last real server the session went
 * live on, and reconnects to it at start.
 */
struct _PulseApplication
{
  AdwApplication  parent_instance;

  PulseSession   *session;
  GSettings      *settings;
  gboolean        tried_reconnect;
};

G_DEFINE_FINAL_TYPE (PulseApplication, pulse_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start the built-in demo contact centre"), NULL },
  { NULL }
};

/* Translators: AppStream markup for the About window; keep the tags */
static const char release_notes[] = N_(
  "<p>The first release of the supervisor console.</p>"
  "<ul>"
  "<li>Pages for queues, coverage, agents, quality, rules, templates, mentors, "
  "shifts and scorecards</li>"
  "<li>A built-in demo contact centre, one click away</li>"
  "<li>API tokens kept in the keyring, and HTTPS required for remote servers</li>"
  "<li>A connection indicator that always tells how current the figures are</li>"
  "</ul>");

static PulseWindow *
ensure_window (PulseApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PULSE_IS_WINDOW (window))
    return PULSE_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (PULSE_IS_WINDOW (l->data))
        return PULSE_WINDOW (l->data);
    }

  return pulse_window_new (GTK_APPLICATION (self), self->session);
}

static void
update_color_scheme (PulseApplication *self)
{
  AdwStyleManager *manager = adw_application_get_style_manager (ADW_APPLICATION (self));
  AdwColorScheme scheme;

  /* The values of the schema's ColorScheme enum. */
  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;

    case 2:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;

    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (manager, scheme);
}

static void
on_session_state_changed_cb (PulseApplication *self)
{
  const char *server_url = pulse_session_get_server_url (self->session);

  /* The demo's loopback address changes every run: never remember it. */
  if (pulse_session_get_connection_state (self->session) != PULSE_CONNECTION_STATE_LIVE ||
      pulse_session_get_is_demo (self->session) || server_url == NULL)
    return;

  g_settings_set_string (self->settings, "last-server", server_url);
}

static void
maybe_reconnect (PulseApplication *self,
                 PulseWindow      *window)
{
  g_autofree char *last_server = NULL;

  if (self->tried_reconnect)
    return;
  self->tried_reconnect = TRUE;

  /* `--demo` or a connection already under way wins over the last server. */
  if (pulse_session_get_server_url (self->session) != NULL ||
      pulse_session_get_connection_state (self->session) != PULSE_CONNECTION_STATE_DISCONNECTED)
    return;

  last_server = g_settings_get_string (self->settings, "last-server");
  if (last_server[0] != '\0')
    pulse_window_connect (window, last_server);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window;

  /* Close rather than destroy, so each window saves its size and page. */
  while ((window = gtk_application_get_active_window (app)) != NULL)
    {
      gtk_window_close (window);
      if (gtk_application_get_active_window (app) == window)
        break;
    }

  g_application_quit (G_APPLICATION (app));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PulseApplication *self = PULSE_APPLICATION (user_data);
  PulseWindow *window = ensure_window (self);
  GtkWidget *preferences = pulse_preferences_window_new (pulse_window_get_session (window));

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  PulseApplication *self = PULSE_APPLICATION (user_data);
  PulseWindow *window = ensure_window (self);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", "Pulse",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Pulse authors"),
                        "comments", _("Supervisor console for customer-support teams"),
                        "copyright", "© 2026 The Pulse authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/pulsedesk/pulse",
                        "issue-url", "https://github.com/pulsedesk/pulse/issues",
                        "release-notes-version", "0.1.0",
                        "release-notes", _(release_notes),
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
connect_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  PulseWindow *window = ensure_window (PULSE_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  pulse_window_show_connect_dialog (window);
}

static void
demo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PulseWindow *window = ensure_window (PULSE_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  pulse_window_start_demo (window);
}

/* A notification's click: the window, at the page that shows the alert. */
static void
show_page_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  PulseWindow *window = ensure_window (PULSE_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  pulse_window_set_visible_page (window, g_variant_get_string (param, NULL));
}

static const GActionEntry action_entries[] = {
  { "quit", quit_action },
  { "show-page", show_page_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "connect", connect_action },
  { "demo", demo_action },
};

static void
pulse_application_startup (GApplication *app)
{
  PulseApplication *self = PULSE_APPLICATION (app);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };

  G_APPLICATION_CLASS (pulse_application_parent_class)->startup (app);

  self->session = pulse_session_new ();
  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "allow-insecure-http",
                   self->session, "allow-insecure-http", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (update_color_scheme), self, G_CONNECT_SWAPPED);
  update_color_scheme (self);
  g_signal_connect_object (self->session, "notify::connection-state",
                           G_CALLBACK (on_session_state_changed_cb), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
}

static void
pulse_application_activate (GApplication *app)
{
  PulseApplication *self = PULSE_APPLICATION (app);
  PulseWindow *window = ensure_window (self);

  pulse_bench_hook_attach (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  maybe_reconnect (self, window);
}

static int
pulse_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "demo"))
    return -1;

  /* Register first so that a running instance starts the demo, then go
   * on to activate (and show) the window as usual. */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "demo", NULL);
  return -1;
}

static void
pulse_application_shutdown (GApplication *app)
{
  PulseApplication *self = PULSE_APPLICATION (app);

  /* Stop the demo server child and drop the connection; nothing here
   * should change the remembered server. */
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      pulse_session_disconnect (self->session);
    }

  G_APPLICATION_CLASS (pulse_application_parent_class)->shutdown (app);
}

static void
pulse_application_dispose (GObject *object)
{
  PulseApplication *self = PULSE_APPLICATION (object);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pulse_application_parent_class)->dispose (object);
}

static void
pulse_application_class_init (PulseApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pulse_application_dispose;

  app_class->startup = pulse_application_startup;
  app_class->activate = pulse_application_activate;
  app_class->handle_local_options = pulse_application_handle_local_options;
  app_class->shutdown = pulse_application_shutdown;
}

static void
pulse_application_init (PulseApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

PulseApplication *
pulse_application_new (void)
{
  return g_object_new (PULSE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", PULSE_RESOURCE_PATH,
                       NULL);
}
