/* pulse-window-actions.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseWindow's actions and the connection work it starts: the demo, a
 * reconnect, and the toasts that report their errors.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-connect-dialog.h"
#include "pulse-window-private.h"

static void
show_error (PulseWindow  *self,
            const char   *headline,
            const GError *error)
{
  AdwToast *toast;

  g_free (self->error_headline);
  self->error_headline = g_strdup (headline);
  g_free (self->error_detail);
  self->error_detail = g_strdup (error->message);

  toast = adw_toast_new (headline);
  /* Translators: button on a toast that opens the error message */
  adw_toast_set_button_label (toast, _("Details"));
  adw_toast_set_action_name (toast, "win.show-error-details");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  _pulse_window_update_actions (self);
}

static void
set_busy (PulseWindow *self,
          gboolean     busy)
{
  if (busy)
    self->n_busy++;
  else if (self->n_busy > 0)
    self->n_busy--;

  _pulse_window_update_first_run (self);
}

static void
start_demo_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PulseWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pulse_session_start_demo_finish (PULSE_SESSION (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    show_error (self, _("Could not start the demo"), error);
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PulseWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pulse_session_connect_finish (PULSE_SESSION (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    show_error (self, _("Could not connect to the server"), error);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PulseWindow *self = PULSE_WINDOW (widget);

  pulse_window_set_visible_page (self, g_variant_get_string (param, NULL));
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
disconnect_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PulseWindow *self = PULSE_WINDOW (widget);

  /* Forget the server too, so the next start shows the first-run page. */
  g_settings_set_string (self->settings, "last-server", "");
  pulse_session_disconnect (self->session);
}

static void
show_error_details_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PulseWindow *self = PULSE_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), self->error_headline, self->error_detail);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
has_server (PulseWindow *self)
{
  return pulse_session_get_server_url (self->session) != NULL;
}

void
_pulse_window_update_actions (PulseWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.show-page", has_server (self));
  gtk_widget_action_set_enabled (widget, "win.disconnect", has_server (self));
  gtk_widget_action_set_enabled (widget, "win.show-error-details", self->error_detail != NULL);
}

void
_pulse_window_update_first_run (PulseWindow *self)
{
  gboolean busy = self->n_busy > 0;

  gtk_stack_set_visible_child_name (self->main_stack,
                                    has_server (self) ? "console" : "first-run");
  gtk_widget_set_sensitive (self->demo_button, !busy);
  gtk_widget_set_sensitive (self->connect_button, !busy);
  gtk_widget_set_visible (self->first_run_spinner, busy);
  _pulse_window_update_actions (self);
}

void
_pulse_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.disconnect", NULL, disconnect_action);
  gtk_widget_class_install_action (widget_class, "win.show-error-details", NULL,
                                   show_error_details_action);
}

/* Starts the demo; the window shows progress and any error. */
void
pulse_window_start_demo (PulseWindow *self)
{
  g_return_if_fail (PULSE_IS_WINDOW (self));

  set_busy (self, TRUE);
  pulse_session_start_demo_async (self->session, self->cancellable, start_demo_cb,
                                  g_object_ref (self));
}

/* Connects to a server whose token is already in the keyring. */
void
pulse_window_connect (PulseWindow *self,
                      const char  *server_url)
{
  g_return_if_fail (PULSE_IS_WINDOW (self));
  g_return_if_fail (server_url != NULL);

  set_busy (self, TRUE);
  pulse_session_connect_async (self->session, server_url, self->cancellable, connect_cb,
                               g_object_ref (self));
}

void
pulse_window_show_connect_dialog (PulseWindow *self)
{
  GtkWidget *dialog;

  g_return_if_fail (PULSE_IS_WINDOW (self));

  dialog = pulse_connect_dialog_new (self->session);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}
