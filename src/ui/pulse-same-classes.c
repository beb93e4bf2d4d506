/* pulse-same-classes.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A work-around for libadwaita 1.2 (Debian 12), not a type.
 *
 * AdwLeaflet and AdwFlap draw their fold shadow with a helper that calls
 * gtk_widget_set_css_classes() on four child widgets at *every*
 * allocation, with the classes they already have. GTK takes the classes
 * off and puts them back: a style change, validated in a frame of its
 * own. The window's sidebar is an AdwLeaflet, and any label that changes
 * inside it (every live figure does) reallocates the leaflet, so each
 * frame that shows an event queued one more, empty, frame. At 50 batches
 * a second the frame clock never stopped, and an event waited for the
 * next tick of a clock already running instead of starting a frame
 * (docs/performance.md, "a frame clock that stops between batches").
 * Later libadwaita versions remember the last direction and set the
 * classes only when it changes.
 *
 * The executable defines gtk_widget_set_css_classes() itself, so the
 * dynamic linker binds libadwaita's calls (and everyone else's) here
 * first: a call that would set exactly the classes the widget has is a
 * no-op, anything else goes on to GTK's own function. GTK's result is
 * the same either way; only the redundant style change and its frame
 * are gone. ld exports the symbol because the shared libraries on the
 * link line refer to it (pulse_same_classes_is_active(), test ui-frames).
 */

#include "config.h"

#include <dlfcn.h>
#include <gtk/gtk.h>

#include "pulse-same-classes.h"

typedef void (*SetClassesFunc) (GtkWidget   *widget,
                                const char **classes);

/* Looked up once; two threads that race both find the same function. */
static SetClassesFunc
gtk_set_classes (void)
{
  static gpointer real;
  gpointer found = g_atomic_pointer_get (&real);

  if (found == NULL)
    {
      found = dlsym (RTLD_NEXT, "gtk_widget_set_css_classes");
      g_assert (found != NULL);
      g_atomic_pointer_set (&real, found);
    }
  return (SetClassesFunc) found;
}

/* The widget's classes, in GTK's order, are @classes exactly. */
static gboolean
has_exactly (GtkWidget   *widget,
             const char **classes)
{
  g_auto(GStrv) current = gtk_widget_get_css_classes (widget);
  guint i = 0;

  for (; classes != NULL && classes[i] != NULL; i++)
    {
      if (current[i] == NULL || strcmp (current[i], classes[i]) != 0)
        return FALSE;
    }
  return current[i] == NULL;
}

void
gtk_widget_set_css_classes (GtkWidget   *widget,
                            const char **classes)
{
  if (GTK_IS_WIDGET (widget) && has_exactly (widget, classes))
    return;

  gtk_set_classes () (widget, classes);
}

/**
 * pulse_same_classes_is_active:
 *
 * Calls gtk_widget_set_css_classes() through the dynamic linker, as a
 * library would, and tells whether that call ended here.
 *
 * Returns: %TRUE if setting a widget's own classes again is skipped.
 */
gboolean
pulse_same_classes_is_active (void)
{
  SetClassesFunc bound = (SetClassesFunc) dlsym (RTLD_DEFAULT, "gtk_widget_set_css_classes");

  return bound == gtk_widget_set_css_classes;
}
