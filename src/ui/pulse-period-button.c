/* pulse-period-button.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-period-button.h"
#include "pulse-period.h"

#define DAY_USEC (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

/**
 * PulsePeriodButton:
 *
 * The header's choice of the period every page counts in: today,
 * yesterday, the last 7, 30 or 90 days, or a custom range of whole days.
 * It sets the session's #PulseSession:kpi-window (or its range) and its
 * label names the period in force.
 */
struct _PulsePeriodButton
{
  GtkWidget       parent_instance;

  GtkMenuButton  *menu_button;
  GtkPopover     *popover;
  GtkListBox     *choices;
  GtkExpander    *custom_expander;
  GtkCalendar    *from_calendar;
  GtkCalendar    *to_calendar;
  GtkWidget      *apply_button;

  PulseSession   *session;
};

G_DEFINE_FINAL_TYPE (PulsePeriodButton, pulse_period_button, GTK_TYPE_WIDGET)

/* The presets, in the popover's order; "yesterday" is a custom range. */
typedef enum
{
  CHOICE_TODAY,
  CHOICE_YESTERDAY,
  CHOICE_7_DAYS,
  CHOICE_30_DAYS,
  CHOICE_90_DAYS,
  N_CHOICES
} Choice;

static const char *
choice_label (Choice choice)
{
  switch (choice)
    {
    case CHOICE_TODAY:
      return C_("period", "Today");
    case CHOICE_YESTERDAY:
      return C_("period", "Yesterday");
    case CHOICE_7_DAYS:
      return C_("period", "Last 7 days");
    case CHOICE_30_DAYS:
      return C_("period", "Last 30 days");
    case CHOICE_90_DAYS:
    default:
      return C_("period", "Last 90 days");
    }
}

static void
update_label (PulsePeriodButton *self)
{
  g_autofree char *label = NULL;
  gint64 from = 0, to = 0;

  if (self->session == NULL)
    return;

  pulse_session_get_kpi_range (self->session, &from, &to);
  label = pulse_period_describe (pulse_session_get_kpi_window (self->session), from, to,
                                 g_get_real_time ());
  gtk_menu_button_set_label (self->menu_button, label);
}

static void
on_choice_activated_cb (PulsePeriodButton *self,
                        GtkListBoxRow     *row)
{
  static const PulseKpiWindow windows[] = {
    [CHOICE_TODAY] = PULSE_KPI_WINDOW_TODAY,
    [CHOICE_7_DAYS] = PULSE_KPI_WINDOW_7_DAYS,
    [CHOICE_30_DAYS] = PULSE_KPI_WINDOW_30_DAYS,
    [CHOICE_90_DAYS] = PULSE_KPI_WINDOW_90_DAYS,
  };
  Choice choice = gtk_list_box_row_get_index (row);
  gint64 from, to;

  if (self->session == NULL)
    return;

  if (choice == CHOICE_YESTERDAY)
    {
      pulse_period_day_range (g_get_real_time (), 1, &from, &to);
      pulse_session_set_kpi_range (self->session, from, to);
    }
  else
    {
      pulse_session_set_kpi_window (self->session, windows[choice]);
    }

  gtk_popover_popdown (self->popover);
}

static gint64
calendar_utc_midnight (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (g_date_time_get_year (date),
                                                  g_date_time_get_month (date),
                                                  g_date_time_get_day_of_month (date), 0, 0, 0);

  return g_date_time_to_unix (utc) * G_USEC_PER_SEC;
}

static void
on_range_changed_cb (PulsePeriodButton *self)
{
  gtk_widget_set_sensitive (self->apply_button, calendar_utc_midnight (self->from_calendar)
                                                <= calendar_utc_midnight (self->to_calendar));
}

static void
on_apply_clicked_cb (PulsePeriodButton *self)
{
  gint64 from = calendar_utc_midnight (self->from_calendar);
  gint64 to = calendar_utc_midnight (self->to_calendar) + DAY_USEC;

  if (self->session == NULL || from >= to)
    return;

  pulse_session_set_kpi_range (self->session, from, to);
  gtk_popover_popdown (self->popover);
}

static void
select_day (GtkCalendar *calendar,
            gint64       usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (utc),
                                                    g_date_time_get_month (utc),
                                                    g_date_time_get_day_of_month (utc),
                                                    12, 0, 0);

  gtk_calendar_select_day (calendar, day);
}

/* The calendars open on the period in force, so a custom range starts
 * from what the user sees. */
static void
on_popover_show_cb (PulsePeriodButton *self)
{
  gint64 from = 0, to = 0;

  if (self->session == NULL)
    return;

  pulse_session_get_kpi_range (self->session, &from, &to);
  if (pulse_session_get_kpi_window (self->session) != PULSE_KPI_WINDOW_CUSTOM || from >= to)
    {
      pulse_period_day_range (g_get_real_time (), 6, &from, &to);
      to = from + 7 * DAY_USEC;
    }

  select_day (self->from_calendar, from);
  select_day (self->to_calendar, to - 1);
  gtk_expander_set_expanded (self->custom_expander,
                             pulse_session_get_kpi_window (self->session)
                             == PULSE_KPI_WINDOW_CUSTOM
                             && !pulse_period_is_yesterday (from, to, g_get_real_time ()));
}

static void
pulse_period_button_dispose (GObject *object)
{
  PulsePeriodButton *self = PULSE_PERIOD_BUTTON (object);

  pulse_period_button_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_PERIOD_BUTTON);

  G_OBJECT_CLASS (pulse_period_button_parent_class)->dispose (object);
}

static void
pulse_period_button_class_init (PulsePeriodButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_period_button_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-period-button.ui");
  gtk_widget_class_bind_template_child (widget_class, PulsePeriodButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PulsePeriodButton, popover);
  gtk_widget_class_bind_template_child (widget_class, PulsePeriodButton, choices);
  gtk_widget_class_bind_template_child (widget_class, PulsePeriodButton, custom_expander);
  gtk_widget_class_bind_template_child (widget_class, PulsePeriodButton, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, PulsePeriodButton, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, PulsePeriodButton, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
}

static void
pulse_period_button_init (PulsePeriodButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (Choice choice = 0; choice < N_CHOICES; choice++)
    {
      GtkWidget *label = gtk_label_new (choice_label (choice));

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 9);
      gtk_widget_set_margin_bottom (label, 9);
      gtk_list_box_append (self->choices, label);
    }

  gtk_menu_button_set_label (self->menu_button, choice_label (CHOICE_TODAY));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button),
                               _("The period every page counts in. Days are UTC days, "
                                 "as the server counts them."));
}

/**
 * pulse_period_button_set_session:
 * @session: (nullable): the session whose period the button chooses
 */
void
pulse_period_button_set_session (PulsePeriodButton *self,
                                 PulseSession      *session)
{
  g_return_if_fail (PULSE_IS_PERIOD_BUTTON (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::kpi-window", G_CALLBACK (update_label), self,
                             G_CONNECT_SWAPPED);
  update_label (self);
}

/* The period in force, as the button shows it. */
const char *
pulse_period_button_get_label (PulsePeriodButton *self)
{
  g_return_val_if_fail (PULSE_IS_PERIOD_BUTTON (self), NULL);

  return gtk_menu_button_get_label (self->menu_button);
}
