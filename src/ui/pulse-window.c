/* pulse-window.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-connection-indicator.h"
#include "pulse-same-classes.h"
#include "pulse-window-private.h"

G_DEFINE_FINAL_TYPE (PulseWindow, pulse_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_VISIBLE_PAGE,
  PROP_PAGES_BUILT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_subtitle (PulseWindow *self)
{
  const char *server_url = pulse_session_get_server_url (self->session);
  g_autoptr(GUri) uri = NULL;

  if (pulse_session_get_is_demo (self->session))
    {
      /* Translators: subtitle of the page title while the demo server runs */
      adw_window_title_set_subtitle (self->page_title, _("Demo contact centre"));
      return;
    }

  uri = server_url != NULL ? g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL) : NULL;
  adw_window_title_set_subtitle (self->page_title, uri != NULL ? g_uri_get_host (uri) : NULL);
}

static void
show_content (PulseWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
on_sidebar_row_activated_cb (PulseWindow   *self,
                             GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  g_assert (PULSE_IS_WINDOW (self));

  if (index >= 0)
    pulse_window_set_visible_page (self, _pulse_window_get_page_name (index));
  show_content (self);
}

static void
on_back_clicked_cb (PulseWindow *self)
{
  g_assert (PULSE_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_page_changed_cb (PulseWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);
  int index = _pulse_window_find_page (name);
  GtkStackPage *page;

  g_assert (PULSE_IS_WINDOW (self));

  /* Not while the pages are added and the last one shown is restored:
   * the first added would be built for nothing. */
  if (name != NULL && self->pages_ready)
    _pulse_window_build_page (self, name);
  if (child != NULL)
    {
      page = gtk_stack_get_page (self->page_stack, child);
      adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
    }

  if (index >= 0)
    gtk_list_box_select_row (self->sidebar_list,
                             gtk_list_box_get_row_at_index (self->sidebar_list, index));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
on_session_server_changed_cb (PulseWindow *self)
{
  _pulse_window_update_first_run (self);
  update_subtitle (self);
}

static void
restore_window_state (PulseWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (PulseWindow *self)
{
  int width;
  int height;

  /* The default size is the size before any maximizing; keep it within
   * the schema's range, which the window's minimum size already meets. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", CLAMP (width, 360, 10000));
  g_settings_set_int (self->settings, "window-height", CLAMP (height, 360, 10000));
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
pulse_window_close_request (GtkWindow *window)
{
  PulseWindow *self = PULSE_WINDOW (window);

  save_window_state (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (pulse_window_parent_class)->close_request (window);
}

static void
pulse_window_constructed (GObject *object)
{
  PulseWindow *self = PULSE_WINDOW (object);

  G_OBJECT_CLASS (pulse_window_parent_class)->constructed (object);

  g_assert (PULSE_IS_SESSION (self->session));

#if PULSE_DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* The app icon carries APP_ID, which differs in development builds. */
  adw_status_page_set_icon_name (self->first_run_page, APP_ID);
  _pulse_window_add_pages (self);
  pulse_connection_indicator_set_session (self->connection_indicator, self->session);
  pulse_period_button_set_session (self->period_button, self->session);
  _pulse_window_watch_edits (self);
  _pulse_window_watch_cache (self);
  self->notifier = pulse_notifier_new (self->session, self->settings, GTK_WINDOW (self));

  g_signal_connect_object (self->session, "notify::server-url",
                           G_CALLBACK (on_session_server_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::is-demo",
                           G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);

  restore_window_state (self);
  g_settings_bind (self->settings, "last-page", self, "visible-page",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);

  on_session_server_changed_cb (self);
  self->pages_ready = TRUE;
  on_page_changed_cb (self);
}

/* The sidebar folds away at this width and under, leaving the page the
 * whole window: beside a 220 px sidebar, the Live pages' tables and
 * tiles would be cramped. AdwLeaflet alone folds only when the children
 * no longer fit at all (~580 px). */
#define FOLD_WIDTH 860

static void
on_surface_width_cb (GdkSurface  *surface,
                     GParamSpec  *pspec,
                     PulseWindow *self)
{
  adw_leaflet_set_can_unfold (self->leaflet, gdk_surface_get_width (surface) > FOLD_WIDTH);
}

static void
pulse_window_realize (GtkWidget *widget)
{
  PulseWindow *self = PULSE_WINDOW (widget);
  GdkSurface *surface;

  GTK_WIDGET_CLASS (pulse_window_parent_class)->realize (widget);

  surface = gtk_native_get_surface (GTK_NATIVE (self));
  g_signal_connect_object (surface, "notify::width", G_CALLBACK (on_surface_width_cb), self, 0);
  on_surface_width_cb (surface, NULL, self);
  _pulse_window_build_pages_later (self);
}

static void
pulse_window_dispose (GObject *object)
{
  PulseWindow *self = PULSE_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_object (&self->settings);
  _pulse_window_unwatch_edits (self);
  _pulse_window_unwatch_cache (self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_WINDOW);

  G_OBJECT_CLASS (pulse_window_parent_class)->dispose (object);
}

static void
pulse_window_finalize (GObject *object)
{
  PulseWindow *self = PULSE_WINDOW (object);

  g_clear_pointer (&self->error_headline, g_free);
  g_clear_pointer (&self->error_detail, g_free);

  G_OBJECT_CLASS (pulse_window_parent_class)->finalize (object);
}

static void
pulse_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PulseWindow *self = PULSE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, pulse_window_get_visible_page (self));
      break;

    case PROP_PAGES_BUILT:
      g_value_set_boolean (value, _pulse_window_get_pages_built (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PulseWindow *self = PULSE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_VISIBLE_PAGE:
      pulse_window_set_visible_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_window_class_init (PulseWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pulse_window_constructed;
  object_class->dispose = pulse_window_dispose;
  object_class->finalize = pulse_window_finalize;
  object_class->get_property = pulse_window_get_property;
  object_class->set_property = pulse_window_set_property;
  window_class->close_request = pulse_window_close_request;
  widget_class->realize = pulse_window_realize;

  /* A build that lost the work-around still runs, one frame in two empty. */
  if (!pulse_same_classes_is_active ())
    g_warning ("libadwaita's style-class resets are not skipped: live pages draw twice as often");

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  /**
   * PulseWindow:pages-built:
   *
   * Whether every page is built: the page shown is built at once, the
   * others in idles after the first frame.
   */
  properties[PROP_PAGES_BUILT] =
    g_param_spec_boolean ("pages-built", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PULSE_TYPE_CONNECTION_INDICATOR);
  g_type_ensure (PULSE_TYPE_PERIOD_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, first_run_page);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, first_run_spinner);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, connection_indicator);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, period_button);
  gtk_widget_class_bind_template_child (widget_class, PulseWindow, page_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);

  _pulse_window_class_install_actions (widget_class);
  _pulse_window_class_install_edit_actions (widget_class);
  _pulse_window_class_add_page_shortcuts (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
pulse_window_init (PulseWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
}

PulseWindow *
pulse_window_new (GtkApplication *application,
                  PulseSession   *session)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

PulseSession *
pulse_window_get_session (PulseWindow *self)
{
  g_return_val_if_fail (PULSE_IS_WINDOW (self), NULL);

  return self->session;
}

/* The name of the page in view, one of the last-page setting's choices. */
const char *
pulse_window_get_visible_page (PulseWindow *self)
{
  g_return_val_if_fail (PULSE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

void
pulse_window_set_visible_page (PulseWindow *self,
                               const char  *page_name)
{
  g_return_if_fail (PULSE_IS_WINDOW (self));

  if (_pulse_window_find_page (page_name) < 0)
    {
      g_debug ("no page named %s", page_name);
      return;
    }

  gtk_stack_set_visible_child_name (self->page_stack, page_name);
}


/**
 * pulse_window_add_toast:
 * @text: what happened, in a few words
 *
 * Tells the user something the pages did (an export saved).
 */
void
pulse_window_add_toast (PulseWindow *self,
                        const char  *text)
{
  g_return_if_fail (PULSE_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/**
 * pulse_window_get_notifier:
 *
 * Returns: (transfer none): what sends this window's desktop notifications
 */
PulseNotifier *
pulse_window_get_notifier (PulseWindow *self)
{
  g_return_val_if_fail (PULSE_IS_WINDOW (self), NULL);

  return self->notifier;
}

/**
 * pulse_window_show_toast:
 * @toast: (transfer full): the toast, with its button if it has one
 *
 * Shows @toast over the window's pages.
 */
void
pulse_window_show_toast (PulseWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (PULSE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
