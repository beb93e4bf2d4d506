/* pulse-live-strip.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-format.h"
#include "pulse-live-strip.h"
#include "pulse-stat-tile.h"

/**
 * PulseLiveStrip:
 *
 * The contact centre right now, in four tiles of the same width: who
 * waits, the longest wait, queues off target and agents signed in, in a
 * row, or two rows of two where the page is narrow (a figure is never
 * cut short). Shown atop the Overview and the Queues page.
 */
struct _PulseLiveStrip
{
  GtkWidget      parent_instance;

  GtkWidget     *flow;
  PulseStatTile *waiting;
  PulseStatTile *oldest;
  PulseStatTile *off_target;
  PulseStatTile *signed_in;
};

G_DEFINE_FINAL_TYPE (PulseLiveStrip, pulse_live_strip, GTK_TYPE_WIDGET)

static void
pulse_live_strip_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pulse_live_strip_parent_class)->dispose (object);
}

static void
pulse_live_strip_class_init (PulseLiveStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_live_strip_dispose;
  gtk_widget_class_set_css_name (widget_class, "livestrip");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static PulseStatTile *
add_tile (PulseLiveStrip *self,
          const char     *title,
          const char     *tooltip)
{
  GtkWidget *tile = pulse_stat_tile_new (title);

  gtk_widget_set_hexpand (tile, TRUE);
  gtk_widget_set_tooltip_text (tile, tooltip);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow), tile);
  return PULSE_STAT_TILE (tile);
}

static void
pulse_live_strip_init (PulseLiveStrip *self)
{
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 12);
  gtk_widget_add_css_class (self->flow, "tiles");
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));

  self->waiting = add_tile (self, _("Waiting now"),
                            _("Open contacts no person has answered yet, in every queue"));
  self->oldest = add_tile (self, _("Longest wait"),
                           _("How long the contact waiting longest has waited"));
  self->off_target = add_tile (self, _("Queues off target"),
                               _("Queues whose wait or service level is at risk or in breach"));
  self->signed_in = add_tile (self, _("Agents signed in"),
                              _("Agents available, busy or wrapping up a call"));
}

/**
 * pulse_live_strip_update:
 * @totals: the board's totals
 *
 * Shows @totals.
 */
void
pulse_live_strip_update (PulseLiveStrip         *self,
                         const PulseQueueTotals *totals)
{
  g_autofree char *waiting = NULL;
  g_autofree char *oldest = NULL;
  g_autofree char *off_target = NULL;
  g_autofree char *signed_in = NULL;

  g_return_if_fail (PULSE_IS_LIVE_STRIP (self));
  g_return_if_fail (totals != NULL);

  waiting = g_strdup_printf ("%u", totals->waiting);
  oldest = pulse_format_wait (totals->oldest_wait);
  off_target = g_strdup_printf ("%u", totals->off_target);
  signed_in = g_strdup_printf ("%u", totals->signed_in);
  pulse_stat_tile_set_value (self->waiting, waiting);
  pulse_stat_tile_set_value (self->oldest, oldest);
  pulse_stat_tile_set_value (self->off_target, off_target);
  pulse_stat_tile_set_caption (self->off_target,
                               totals->off_target > 0 ? _("At risk or in breach")
                                                      : _("All within target"),
                               totals->off_target > 0 ? PULSE_STAT_TREND_WORSE
                                                      : PULSE_STAT_TREND_BETTER);
  pulse_stat_tile_set_value (self->signed_in, signed_in);
}
