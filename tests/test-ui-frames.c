/* test-ui-frames.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Style changes that would cost a frame of their own for nothing:
 * libadwaita 1.2's fold shadow setting the classes a widget already has
 * (pulse-same-classes.c), and widgets of ours that took a class off and
 * put it back on every live update. A style change is seen here as a
 * widget's notify::css-classes, which GTK sends whenever it changes the
 * classes. Without a display every case is skipped.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-same-classes.h"
#include "pulse-stat-tile.h"
#include "pulse-test-util.h"
#include "test-ui-util.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_same_classes (void)
{
  const char *ab[] = { "a", "b", NULL };
  const char *ba[] = { "b", "a", NULL };
  const char *a[] = { "a", NULL };
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new ("x"));
  g_auto(GStrv) classes = NULL;
  guint notified = 0;

  if (pulse_test_ui_skip_without_display ())
    return;

  g_assert_true (pulse_same_classes_is_active ());
  gtk_widget_set_css_classes (label, ab);
  g_signal_connect (label, "notify::css-classes", G_CALLBACK (count_notify_cb), &notified);

  gtk_widget_set_css_classes (label, ab);
  g_assert_cmpuint (notified, ==, 0);

  /* Anything else is GTK's own call. */
  gtk_widget_set_css_classes (label, ba);
  g_assert_cmpuint (notified, ==, 1);
  gtk_widget_set_css_classes (label, a);
  g_assert_cmpuint (notified, ==, 2);
  classes = gtk_widget_get_css_classes (label);
  g_assert_cmpstrv (classes, a);
  gtk_widget_set_css_classes (label, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_false (gtk_widget_has_css_class (label, "a"));
  gtk_widget_set_css_classes (label, NULL);
  g_assert_cmpuint (notified, ==, 3);
}

/* The leaflet's own children other than its pages: the shadow's parts. */
static guint
watch_shadow_parts (GtkWidget *leaflet,
                    GtkWidget *sidebar,
                    GtkWidget *content,
                    guint     *notified)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (leaflet);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child == sidebar || child == content)
        continue;
      g_signal_connect (child, "notify::css-classes", G_CALLBACK (count_notify_cb), notified);
      n++;
    }
  return n;
}

static void
test_leaflet_relayout (void)
{
  GtkWidget *window, *leaflet, *sidebar, *content;
  guint notified = 0;

  if (pulse_test_ui_skip_without_display ())
    return;

  window = gtk_window_new ();
  leaflet = adw_leaflet_new ();
  sidebar = gtk_label_new ("Sidebar");
  content = gtk_label_new ("0");
  adw_leaflet_append (ADW_LEAFLET (leaflet), sidebar);
  adw_leaflet_append (ADW_LEAFLET (leaflet), content);
  gtk_window_set_child (GTK_WINDOW (window), leaflet);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  gtk_window_present (GTK_WINDOW (window));
  pulse_test_wait_for (pulse_test_ui_is_mapped, window, PULSE_TEST_UI_TIMEOUT_MS);
  pulse_test_ui_wait_for_frames (window, 2);

  /* If libadwaita no longer has these parts, this test has nothing to see. */
  g_assert_cmpuint (watch_shadow_parts (leaflet, sidebar, content, &notified), >, 0);

  /* A live figure changes: the leaflet is laid out again, each time. */
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i * 1111);

      gtk_label_set_label (GTK_LABEL (content), text);
      pulse_test_ui_wait_for_frames (window, 2);
    }
  g_assert_cmpuint (notified, ==, 0);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static void
watch_labels (GtkWidget *root,
              guint     *notified)
{
  if (GTK_IS_LABEL (root))
    g_signal_connect (root, "notify::css-classes", G_CALLBACK (count_notify_cb), notified);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    watch_labels (child, notified);
}

static void
test_stat_tile_caption (void)
{
  g_autoptr(GtkWidget) tile = NULL;
  guint notified = 0;

  if (pulse_test_ui_skip_without_display ())
    return;

  tile = g_object_ref_sink (g_object_new (PULSE_TYPE_STAT_TILE, NULL));
  pulse_stat_tile_set_caption (PULSE_STAT_TILE (tile), "+3 vs yesterday", PULSE_STAT_TREND_BETTER);
  watch_labels (tile, &notified);

  /* Every refresh of a live page sets the caption it has. */
  for (guint i = 0; i < 3; i++)
    pulse_stat_tile_set_caption (PULSE_STAT_TILE (tile), "+3 vs yesterday", PULSE_STAT_TREND_BETTER);
  g_assert_cmpuint (notified, ==, 0);

  /* A new trend still restyles the caption. */
  pulse_stat_tile_set_caption (PULSE_STAT_TILE (tile), "−2 vs yesterday", PULSE_STAT_TREND_WORSE);
  g_assert_cmpuint (notified, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/frames/same-classes", test_same_classes);
  g_test_add_func ("/pulse/ui/frames/leaflet-relayout", test_leaflet_relayout);
  g_test_add_func ("/pulse/ui/frames/stat-tile-caption", test_stat_tile_caption);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
