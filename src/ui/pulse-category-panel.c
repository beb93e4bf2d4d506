/* pulse-category-panel.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-category-panel.h"
#include "pulse-format.h"


/**
 * PulseCategoryPanel:
 *
 * The Queues page's side panel: categories spiking in the last hour (by
 * the rule of docs/spikes.md) and the week's top categories with their
 * change against the week before. Rows are rebuilt only when what they
 * say changes.
 */
struct _PulseCategoryPanel
{
  GtkWidget           parent_instance;

  GtkListBox         *spikes;
  GtkListBox         *top;

  PulseCategoryWatch *watch;
  char               *shown;
};

G_DEFINE_FINAL_TYPE (PulseCategoryPanel, pulse_category_panel, GTK_TYPE_WIDGET)

/**
 * pulse_category_panel_dup_spike_text:
 * @spike: a spike
 *
 * Returns: (transfer full): "12 in the last hour, 6× the usual 2.0", or
 *   "5 in the last hour, usually none at this hour".
 */
char *
pulse_category_panel_dup_spike_text (const PulseCategorySpike *spike)
{
  if (spike->expected < 0.05)
    /* Translators: a category spike with no usual rate at this hour */
    return g_strdup_printf (_("%d in the last hour, usually none at this hour"),
                            (int) MIN (spike->observed, G_MAXINT));

  /* Translators: a category spike: contacts in the last hour, how many
   * times the usual, and the usual count for that hour */
  return g_strdup_printf (_("%d in the last hour, %.0f× the usual %.1f"),
                          (int) MIN (spike->observed, G_MAXINT), spike->ratio, spike->expected);
}

/**
 * pulse_category_panel_dup_change_text:
 * @count: a line of the week's top
 * @up: (out): whether the count went up
 *
 * Returns: (transfer full): "▲ 25 %", "new" when last week had none.
 */
char *
pulse_category_panel_dup_change_text (const PulseCategoryCount *count,
                                      gboolean                 *up)
{
  double change;

  *up = count->count > count->previous;
  if (count->previous == 0)
    return g_strdup (C_("category change", "new"));

  change = 100.0 * (count->count - count->previous) / count->previous;
  return g_strdup_printf ("%s %.0f %%", change > 0 ? "▲" : change < 0 ? "▼" : "=", fabs (change));
}

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           gboolean    expand)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), expand ? 0.0f : 1.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), expand ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
row_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  return box;
}

static GtkWidget *
top_row (const PulseCategoryCount *line)
{
  GtkWidget *box = row_box ();
  g_autofree char *name = pulse_format_tag (line->tag);
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, line->count);
  g_autofree char *change = NULL;
  gboolean up;
  GtkWidget *change_label;

  change = pulse_category_panel_dup_change_text (line, &up);
  change_label = label_new (change, "caption", FALSE);
  /* More contacts about a category is not good news; the arrow says
   * which way, the colour only repeats it. */
  gtk_widget_add_css_class (change_label, line->count == line->previous ? "dim-label"
                                          : up ? "warning" : "success");
  gtk_widget_set_size_request (change_label, 56, -1);
  gtk_box_append (GTK_BOX (box), label_new (name, NULL, TRUE));
  gtk_box_append (GTK_BOX (box), label_new (count, "numeric", FALSE));
  gtk_box_append (GTK_BOX (box), change_label);
  gtk_widget_set_tooltip_text (box, line->tag);
  return box;
}

static GtkWidget *
spike_row (const PulseCategorySpike *spike)
{
  GtkWidget *box = row_box ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *name = pulse_format_tag (spike->tag);
  g_autofree char *detail = pulse_category_panel_dup_spike_text (spike);

  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (text), label_new (name, NULL, TRUE));
  gtk_box_append (GTK_BOX (text), label_new (detail, "caption", TRUE));
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static char *
describe (GArray *top,
          GArray *spikes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < spikes->len; i++)
    {
      PulseCategorySpike *spike = &g_array_index (spikes, PulseCategorySpike, i);

      g_string_append_printf (text, "s %s %" G_GINT64_FORMAT " %.1f\n", spike->tag,
                              spike->observed, spike->expected);
    }
  for (guint i = 0; i < top->len; i++)
    {
      PulseCategoryCount *line = &g_array_index (top, PulseCategoryCount, i);

      g_string_append_printf (text, "t %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                              line->tag, line->count, line->previous);
    }

  return g_string_free (text, FALSE);
}

/**
 * pulse_category_panel_update:
 *
 * Counts again at the current time; the rows change only if their text
 * does.
 */
void
pulse_category_panel_update (PulseCategoryPanel *self)
{
  PulseCategoryRates *rates;
  gint64 now = g_get_real_time ();
  g_autoptr(GArray) top = NULL;
  g_autoptr(GArray) spikes = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (PULSE_IS_CATEGORY_PANEL (self));

  rates = self->watch != NULL ? pulse_category_watch_get_rates (self->watch) : NULL;
  if (rates == NULL)
    return;

  top = pulse_category_rates_top (rates, now, PULSE_CATEGORY_PANEL_TOP);
  spikes = pulse_category_rates_spikes (rates, now, PULSE_CATEGORY_SPIKE_WEEKS);
  text = describe (top, spikes);
  if (g_strcmp0 (text, self->shown) == 0)
    return;

  g_free (self->shown);
  self->shown = g_steal_pointer (&text);
  clear_list (self->spikes);
  clear_list (self->top);
  for (guint i = 0; i < spikes->len; i++)
    gtk_list_box_append (self->spikes, spike_row (&g_array_index (spikes, PulseCategorySpike, i)));
  for (guint i = 0; i < top->len; i++)
    gtk_list_box_append (self->top, top_row (&g_array_index (top, PulseCategoryCount, i)));
}

static void
pulse_category_panel_dispose (GObject *object)
{
  PulseCategoryPanel *self = PULSE_CATEGORY_PANEL (object);
  GtkWidget *child;

  pulse_category_panel_set_watch (self, NULL);
  g_clear_pointer (&self->shown, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_CATEGORY_PANEL);
  /* The template's box is not a bound child: ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pulse_category_panel_parent_class)->dispose (object);
}

static void
pulse_category_panel_class_init (PulseCategoryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_category_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-category-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseCategoryPanel, spikes);
  gtk_widget_class_bind_template_child (widget_class, PulseCategoryPanel, top);
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *placeholder = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (list, placeholder);
}

static void
pulse_category_panel_init (PulseCategoryPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_placeholder (self->top, _("No tagged contacts in the last two weeks."));
  set_placeholder (self->spikes, _("No category is running above its usual rate."));
}

/**
 * pulse_category_panel_set_watch:
 * @watch: (nullable): where the counts come from
 */
void
pulse_category_panel_set_watch (PulseCategoryPanel *self,
                                PulseCategoryWatch *watch)
{
  g_return_if_fail (PULSE_IS_CATEGORY_PANEL (self));

  if (self->watch == watch)
    return;

  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_set_object (&self->watch, watch);
  if (watch != NULL)
    g_signal_connect_object (watch, "changed", G_CALLBACK (pulse_category_panel_update), self,
                             G_CONNECT_SWAPPED);
  g_clear_pointer (&self->shown, g_free);
  pulse_category_panel_update (self);
}
