/* pulse-mentors-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-mentors-page.h"

/*
 * PulseMentorsPage:
 *
 * Mentor assignments: each newcomer's mentor and the channels opened over
 * the three-month probation.
 * Until the session publishes these models, the page shows its empty state.
 */
struct _PulseMentorsPage
{
  AdwBin        parent_instance;

  PulseSession *session;
};

G_DEFINE_FINAL_TYPE (PulseMentorsPage, pulse_mentors_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_mentors_page_dispose (GObject *object)
{
  PulseMentorsPage *self = PULSE_MENTORS_PAGE (object);

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_MENTORS_PAGE);

  G_OBJECT_CLASS (pulse_mentors_page_parent_class)->dispose (object);
}

static void
pulse_mentors_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PulseMentorsPage *self = PULSE_MENTORS_PAGE (object);

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
pulse_mentors_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PulseMentorsPage *self = PULSE_MENTORS_PAGE (object);

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
pulse_mentors_page_class_init (PulseMentorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_mentors_page_dispose;
  object_class->get_property = pulse_mentors_page_get_property;
  object_class->set_property = pulse_mentors_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-mentors-page.ui");
}

static void
pulse_mentors_page_init (PulseMentorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_mentors_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_MENTORS_PAGE,
                       "session", session,
                       NULL);
}
