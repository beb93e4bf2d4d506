/* pulse-connect-dialog.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-connect-dialog.h"
#include "pulse-connect-dialog-state.h"

/*
 * PulseConnectDialog:
 *
 * Asks for a server address and an API token, keeps the token in the
 * keyring and connects the session. Problems are shown inside the dialog,
 * next to the fields, so the user can correct them; the dialog closes once
 * the server answers.
 */
struct _PulseConnectDialog
{
  AdwWindow     parent_instance;

  GtkWidget    *connect_button;
  GtkWidget    *spinner;
  GtkWidget    *url_row;
  GtkWidget    *token_row;
  GtkLabel     *error_label;
  GtkLabel     *detail_label;

  PulseSession *session;
  GCancellable *cancellable;
  char         *server_url;
  gboolean      busy;
  gboolean      failed;
};

G_DEFINE_FINAL_TYPE (PulseConnectDialog, pulse_connect_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (PulseConnectDialog *self)
{
  PulseConnectDialogState state;
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  pulse_connect_dialog_state_compute (&state, url,
                                      pulse_session_get_allow_insecure_http (self->session),
                                      self->busy);

  gtk_widget_set_sensitive (self->connect_button, state.can_connect);
  gtk_widget_set_sensitive (self->url_row, !self->busy);
  gtk_widget_set_sensitive (self->token_row, !self->busy);
  gtk_widget_set_visible (self->spinner, self->busy);

  if (state.url_error)
    gtk_widget_add_css_class (self->url_row, "error");
  else
    gtk_widget_remove_css_class (self->url_row, "error");

  /* A failed attempt stays on screen until the user edits the address. */
  if (!self->failed)
    {
      gtk_label_set_label (self->error_label, state.message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), state.message != NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->detail_label), FALSE);
    }
}

static void
show_failure (PulseConnectDialog *self,
              const char         *headline,
              const GError       *error)
{
  self->busy = FALSE;
  self->failed = TRUE;

  gtk_label_set_label (self->error_label, headline);
  gtk_label_set_label (self->detail_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), TRUE);

  update_state (self);
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PulseConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (pulse_session_connect_finish (PULSE_SESSION (object), result, &error))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_failure (self, _("Could not connect to the server"), error);
}


static void
on_url_changed_cb (PulseConnectDialog *self)
{
  g_assert (PULSE_IS_CONNECT_DIALOG (self));

  self->failed = FALSE;
  update_state (self);
}

static void
on_connect_clicked_cb (PulseConnectDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  gboolean allow_insecure = pulse_session_get_allow_insecure_http (self->session);

  g_assert (PULSE_IS_CONNECT_DIALOG (self));

  if (self->busy || pulse_connect_dialog_check_url (url, allow_insecure) != PULSE_SERVER_URL_OK)
    return;

  g_free (self->server_url);
  self->server_url = g_strstrip (g_strdup (url));
  self->busy = TRUE;
  self->failed = FALSE;
  update_state (self);

  /* A new token goes to the session, which keeps it in the keyring (when
   * there is one) and uses it; the dialog never logs or keeps it. Without
   * one, the session uses the token the keyring has for this server. */
  if (token[0] != '\0')
    pulse_session_sign_in_async (self->session, self->server_url, token, self->cancellable,
                                 connect_cb, g_object_ref (self));
  else
    pulse_session_connect_async (self->session, self->server_url, self->cancellable,
                                 connect_cb, g_object_ref (self));
}

static void
pulse_connect_dialog_constructed (GObject *object)
{
  PulseConnectDialog *self = PULSE_CONNECT_DIALOG (object);
  const char *server_url;

  G_OBJECT_CLASS (pulse_connect_dialog_parent_class)->constructed (object);

  g_assert (PULSE_IS_SESSION (self->session));

  /* Offer the current server again (say, after "Not signed in"), but never
   * the demo's throwaway loopback address. */
  server_url = pulse_session_get_server_url (self->session);
  if (server_url != NULL && !pulse_session_get_is_demo (self->session))
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), server_url);

  g_signal_connect_object (self->session, "notify::allow-insecure-http",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
pulse_connect_dialog_dispose (GObject *object)
{
  PulseConnectDialog *self = PULSE_CONNECT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (pulse_connect_dialog_parent_class)->dispose (object);
}

static void
pulse_connect_dialog_finalize (GObject *object)
{
  PulseConnectDialog *self = PULSE_CONNECT_DIALOG (object);

  g_clear_pointer (&self->server_url, g_free);

  G_OBJECT_CLASS (pulse_connect_dialog_parent_class)->finalize (object);
}

static void
pulse_connect_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PulseConnectDialog *self = PULSE_CONNECT_DIALOG (object);

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
pulse_connect_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PulseConnectDialog *self = PULSE_CONNECT_DIALOG (object);

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
pulse_connect_dialog_class_init (PulseConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_connect_dialog_constructed;
  object_class->dispose = pulse_connect_dialog_dispose;
  object_class->finalize = pulse_connect_dialog_finalize;
  object_class->get_property = pulse_connect_dialog_get_property;
  object_class->set_property = pulse_connect_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, PulseConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PulseConnectDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, PulseConnectDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, PulseConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PulseConnectDialog, detail_label);
  gtk_widget_class_bind_template_callback (widget_class, on_url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pulse_connect_dialog_init (PulseConnectDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_connect_dialog_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_CONNECT_DIALOG,
                       "session", session,
                       NULL);
}
