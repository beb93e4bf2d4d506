/* test-ui-util.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the tests that need a display: one registered (never run)
 * application, waiting on frames instead of sleeping, finding widgets and
 * rendering them to PNG.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pulse-application.h"
#include "pulse-test-util.h"
#include "test-ui-util.h"

static gboolean has_display;
static PulseApplication *app;

/**
 * pulse_test_ui_init:
 *
 * Call after g_test_init(). Makes criticals and warnings fatal whatever
 * G_DEBUG says, opens the display if there is one, turns animations off
 * (a screenshot must not catch a crossfade halfway) and registers the
 * application: its startup installs the app actions, accels, style and
 * help overlay.
 *
 * Returns: whether there is a display.
 */
gboolean
pulse_test_ui_init (void)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  has_display = gtk_init_check ();
  if (!has_display)
    return FALSE;

  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = pulse_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return TRUE;
}

void
pulse_test_ui_shutdown (void)
{
  g_clear_object (&app);
}

/* Call first in every case: without a display the case is skipped. */
gboolean
pulse_test_ui_skip_without_display (void)
{
  if (!has_display)
    g_test_skip ("no display");
  return !has_display;
}

gboolean
pulse_test_ui_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
pulse_test_ui_is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

typedef struct
{
  guint n_frames;
  guint target;
} Frames;

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  ((Frames *) user_data)->n_frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_done (gpointer user_data)
{
  Frames *frames = user_data;

  return frames->n_frames >= frames->target;
}

/* Lets layout and drawing settle: a few frames, never a sleep. */
void
pulse_test_ui_wait_for_frames (GtkWidget *widget,
                               guint      n_frames)
{
  Frames frames = { 0, n_frames };
  guint id = gtk_widget_add_tick_callback (widget, on_tick_cb, &frames, NULL);

  pulse_test_wait_for (frames_done, &frames, PULSE_TEST_UI_TIMEOUT_MS);
  gtk_widget_remove_tick_callback (widget, id);
}

GtkWidget *
pulse_test_ui_find_widget (GtkWidget  *root,
                           GType       type,
                           const char *child_name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (child_name == NULL || gtk_stack_get_child_by_name (GTK_STACK (root), child_name)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pulse_test_ui_find_widget (child, type, child_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
pulse_test_ui_find_window_title (GtkWidget  *root,
                                 const char *title)
{
  if (ADW_IS_WINDOW_TITLE (root) &&
      g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pulse_test_ui_find_window_title (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkStack *
pulse_test_ui_find_stack (GtkWidget  *root,
                          const char *child_name)
{
  return GTK_STACK (pulse_test_ui_find_widget (root, GTK_TYPE_STACK, child_name));
}

GtkWindow *
pulse_test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

void
pulse_test_ui_save_screenshot (GtkWidget  *widget,
                               const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GStatBuf buf;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  /* A blank or black frame compresses to almost nothing. */
  g_assert_cmpint (buf.st_size, >, 8 * 1024);
  g_test_message ("screenshot %s (%d×%d)", path, width, height);
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;

  /* Nothing listens there: the session goes offline but keeps the URL. */
  g_assert_false (pulse_session_connect_finish (PULSE_SESSION (object), result, NULL));
  *done = TRUE;
}

static gboolean
is_true (gpointer user_data)
{
  return *(gboolean *) user_data;
}

/* A loopback port that nothing listens on. */
static guint16
closed_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* The window's pages not shown are built after its first frame. */
gboolean
pulse_test_ui_pages_built (gpointer window)
{
  gboolean built = FALSE;

  g_object_get (window, "pages-built", &built, NULL);
  return built;
}

PulseWindow *
pulse_test_ui_open_window (PulseSession *session,
                           int           width,
                           int           height)
{
  PulseWindow *window = pulse_window_new (GTK_APPLICATION (app), session);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  pulse_test_wait_for (pulse_test_ui_is_mapped, window, PULSE_TEST_UI_TIMEOUT_MS);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  /* The pages not shown are built after the first frame: tests look
   * into them. */
  pulse_test_wait_for (pulse_test_ui_pages_built, window, PULSE_TEST_UI_TIMEOUT_MS);

  return window;
}

void
pulse_test_ui_close_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_close (window);
  pulse_test_wait_for (pulse_test_ui_is_unmapped, window, PULSE_TEST_UI_TIMEOUT_MS);
  g_object_unref (window);
}

/* The address of a loopback server that is not there. */
char *
pulse_test_ui_dup_closed_url (void)
{
  return g_strdup_printf ("http://127.0.0.1:%u/", closed_port ());
}

void
pulse_test_ui_go_offline (PulseSession *session)
{
  g_autofree char *url = pulse_test_ui_dup_closed_url ();
  gboolean done = FALSE;

  pulse_session_connect_async (session, url, NULL, connect_cb, &done);
  pulse_test_wait_for (is_true, &done, PULSE_TEST_UI_TIMEOUT_MS);
}
