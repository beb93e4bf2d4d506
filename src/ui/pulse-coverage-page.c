/* pulse-coverage-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-coverage-page.h"

/*
 * PulseCoveragePage:
 *
 * Shift coverage per 30-minute interval: agents scheduled, online and
 * required by Erlang C, over a week and across time zones.
 * Until the session publishes these models, the page shows its empty state.
 */
struct _PulseCoveragePage
{
  AdwBin        parent_instance;

  PulseSession *session;
};

G_DEFINE_FINAL_TYPE (PulseCoveragePage, pulse_coverage_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_coverage_page_dispose (GObject *object)
{
  PulseCoveragePage *self = PULSE_COVERAGE_PAGE (object);

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_COVERAGE_PAGE);

  G_OBJECT_CLASS (pulse_coverage_page_parent_class)->dispose (object);
}

static void
pulse_coverage_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PulseCoveragePage *self = PULSE_COVERAGE_PAGE (object);

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
pulse_coverage_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PulseCoveragePage *self = PULSE_COVERAGE_PAGE (object);

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
pulse_coverage_page_class_init (PulseCoveragePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_coverage_page_dispose;
  object_class->get_property = pulse_coverage_page_get_property;
  object_class->set_property = pulse_coverage_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-coverage-page.ui");
}

static void
pulse_coverage_page_init (PulseCoveragePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_coverage_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_COVERAGE_PAGE,
                       "session", session,
                       NULL);
}
