/* pulse-application.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-application.h"

struct _PulseApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (PulseApplication, pulse_application, ADW_TYPE_APPLICATION)

static void
pulse_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));

  gtk_window_present (window);
}

static void
pulse_application_class_init (PulseApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = pulse_application_activate;
}

static void
pulse_application_init (PulseApplication *self)
{
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
