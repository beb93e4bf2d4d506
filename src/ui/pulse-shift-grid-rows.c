/* pulse-shift-grid-rows.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid's rows: one per agent, labelled with their name, time zone
 * and UTC offset, rebuilt only when who is shown, or how, changes.
 * Part of PulseShiftGrid.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent.h"
#include "pulse-shift-grid-private.h"

static GTimeZone *
zone_of (PulseAgent *agent)
{
  const char *name = pulse_agent_get_timezone (agent);
  GTimeZone *tz = name != NULL ? g_time_zone_new_identifier (name) : NULL;

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

/* "+2", "−6", "+5:30": short enough for the row. */
static char *
format_offset (GTimeZone *tz)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  gint64 minutes = g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE;
  gint64 hours = ABS (minutes) / 60;
  const char *sign = minutes < 0 ? "−" : "+";

  if (ABS (minutes) % 60 != 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, sign, hours,
                            ABS (minutes) % 60);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, hours);
}

static GtkWidget *
row_label (PulseAgent *agent,
           GTimeZone  *tz)
{
  g_autofree char *offset = format_offset (tz);
  g_autofree char *name = g_markup_escape_text (pulse_agent_get_name (agent), -1);
  g_autofree char *zone = g_markup_escape_text (g_time_zone_get_identifier (tz), -1);
  g_autofree char *markup = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *label;

  /* Translators: an agent's row on the shift grid: name, then time zone and UTC offset */
  markup = g_strdup_printf (_("%s\n<small>%s · UTC%s</small>"), name, zone, offset);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "shift-agent");
  /* Translators: tooltip of an agent's row: name, time zone, UTC offset */
  tooltip = g_strdup_printf (_("%s, %s (UTC%s)"), pulse_agent_get_name (agent),
                             g_time_zone_get_identifier (tz), offset);
  gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

/* Agents come and go rarely, but their statuses change all the time:
 * the rows are rebuilt only when who is shown, or how, changes. */
static char *
agents_key (GPtrArray *agents)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < agents->len; i++)
    g_string_append_printf (key, "%s\x1f%s\x1f%s\x1e", pulse_agent_get_id (agents->pdata[i]),
                            pulse_agent_get_name (agents->pdata[i]),
                            pulse_agent_get_timezone (agents->pdata[i]));

  return g_string_free (key, FALSE);
}

/* The rows, in the order given (PulseAgent, borrowed). */
void
pulse_shift_grid_set_agents (PulseShiftGrid *self,
                             GPtrArray      *agents)
{
  g_autofree char *key = NULL;

  g_return_if_fail (PULSE_IS_SHIFT_GRID (self));

  key = agents_key (agents);
  if (g_strcmp0 (key, self->agents_key) == 0)
    return;

  g_free (self->agents_key);
  self->agents_key = g_steal_pointer (&key);
  g_ptr_array_set_size (self->agents, 0);
  g_ptr_array_set_size (self->row_labels, 0);
  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->zones);
  for (guint i = 0; i < agents->len; i++)
    {
      PulseAgent *agent = agents->pdata[i];
      GTimeZone *tz = zone_of (agent);
      GtkWidget *label = row_label (agent, tz);

      g_ptr_array_add (self->agents, g_object_ref (agent));
      g_hash_table_insert (self->rows, g_strdup (pulse_agent_get_id (agent)),
                           GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (self->zones, g_strdup (pulse_agent_get_id (agent)), tz);
      gtk_widget_insert_before (label, GTK_WIDGET (self), gtk_widget_get_first_child (
                                  GTK_WIDGET (self)));
      g_ptr_array_add (self->row_labels, label);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
