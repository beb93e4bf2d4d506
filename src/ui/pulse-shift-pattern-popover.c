/* pulse-shift-pattern-popover.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent.h"
#include "pulse-shift-pattern-popover.h"

/*
 * PulseShiftPatternPopover:
 *
 * What to book: a preset pattern, a custom one (start, length, days on
 * and off, break), or an absence; for everyone shown or one agent; over
 * how many days from the week's start. ::apply asks the page to do it.
 */
struct _PulseShiftPatternPopover
{
  GtkPopover      parent_instance;

  GtkDropDown    *choice_dropdown;
  GtkDropDown    *agent_dropdown;
  GtkSpinButton  *days_spin;
  GtkCheckButton *stagger_check;
  GtkGrid        *custom_grid;

  GtkSpinButton  *start_spin;
  GtkSpinButton  *length_spin;
  GtkSpinButton  *on_spin;
  GtkSpinButton  *off_spin;
  GtkSpinButton  *break_at_spin;
  GtkSpinButton  *break_spin;
  GPtrArray      *agent_ids;   /* char *, parallel to the dropdown after "everyone" */
  char           *agents_key;
};

G_DEFINE_FINAL_TYPE (PulseShiftPatternPopover, pulse_shift_pattern_popover, GTK_TYPE_POPOVER)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkSpinButton *
add_spin (GtkGrid    *grid,
          int         row,
          const char *label,
          double      lower,
          double      upper,
          double      step,
          double      value,
          guint       digits)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), spin);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, spin, 1, row, 1, 1);
  return GTK_SPIN_BUTTON (spin);
}

static void
on_choice_changed_cb (PulseShiftPatternPopover *self)
{
  PulseShiftPatternChoice choice = pulse_shift_pattern_popover_get_choice (self);

  gtk_widget_set_visible (GTK_WIDGET (self->custom_grid),
                          choice == PULSE_SHIFT_PATTERN_CHOICE_CUSTOM);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stagger_check),
                            choice != PULSE_SHIFT_PATTERN_CHOICE_ABSENCE);
}

static void
on_apply_clicked_cb (PulseShiftPatternPopover *self)
{
  pulse_shift_pattern_popover_apply (self);
}

static void
pulse_shift_pattern_popover_dispose (GObject *object)
{
  PulseShiftPatternPopover *self = PULSE_SHIFT_PATTERN_POPOVER (object);

  g_clear_pointer (&self->agent_ids, g_ptr_array_unref);
  g_clear_pointer (&self->agents_key, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_SHIFT_PATTERN_POPOVER);

  G_OBJECT_CLASS (pulse_shift_pattern_popover_parent_class)->dispose (object);
}

static void
pulse_shift_pattern_popover_class_init (PulseShiftPatternPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_shift_pattern_popover_dispose;

  /**
   * PulseShiftPatternPopover::apply:
   *
   * The planner asked for the pattern to be booked.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-shift-pattern-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseShiftPatternPopover, choice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftPatternPopover, agent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftPatternPopover, days_spin);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftPatternPopover, stagger_check);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftPatternPopover, custom_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
}

static void
pulse_shift_pattern_popover_init (PulseShiftPatternPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->agent_ids = g_ptr_array_new_with_free_func (g_free);
  self->start_spin = add_spin (self->custom_grid, 0, _("_Start, hour"), 0, 23.5, 0.5, 8, 1);
  self->length_spin = add_spin (self->custom_grid, 1, _("_Length, hours"), 0.5, 24, 0.5, 8, 1);
  self->on_spin = add_spin (self->custom_grid, 2, _("Days _on"), 1, 14, 1, 4, 0);
  self->off_spin = add_spin (self->custom_grid, 3, _("Days o_ff"), 0, 14, 1, 3, 0);
  self->break_at_spin = add_spin (self->custom_grid, 4, _("_Break after, hours"), 0, 23.5, 0.5,
                                  4, 1);
  self->break_spin = add_spin (self->custom_grid, 5, _("Break _minutes"), 0, 180, 15, 60, 0);
  pulse_shift_pattern_popover_set_agents (self, NULL);
}

GtkWidget *
pulse_shift_pattern_popover_new (void)
{
  return g_object_new (PULSE_TYPE_SHIFT_PATTERN_POPOVER, NULL);
}

/* The agents one may pick instead of everyone shown (PulseAgent, borrowed). */
void
pulse_shift_pattern_popover_set_agents (PulseShiftPatternPopover *self,
                                        GPtrArray                *agents)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *previous = NULL;
  guint selected = 0;

  g_return_if_fail (PULSE_IS_SHIFT_PATTERN_POPOVER (self));

  /* The page passes its agents on every status change: the list is
   * rebuilt only when who is in it changes, so an open list stays. */
  for (guint i = 0; agents != NULL && i < agents->len; i++)
    g_string_append_printf (key, "%s\x1f%s\x1e", pulse_agent_get_id (agents->pdata[i]),
                            pulse_agent_get_name (agents->pdata[i]));
  if (self->agents_key != NULL && g_str_equal (key->str, self->agents_key))
    return;
  g_free (self->agents_key);
  self->agents_key = g_strdup (key->str);

  previous = g_strdup (pulse_shift_pattern_popover_get_agent_id (self));
  g_ptr_array_set_size (self->agent_ids, 0);
  gtk_string_list_append (names, _("Everyone shown"));
  for (guint i = 0; agents != NULL && i < agents->len; i++)
    {
      const char *id = pulse_agent_get_id (agents->pdata[i]);

      gtk_string_list_append (names, pulse_agent_get_name (agents->pdata[i]));
      g_ptr_array_add (self->agent_ids, g_strdup (id));
      if (g_strcmp0 (id, previous) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->agent_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->agent_dropdown, selected);
}

void
pulse_shift_pattern_popover_set_choice (PulseShiftPatternPopover *self,
                                        PulseShiftPatternChoice   choice)
{
  g_return_if_fail (PULSE_IS_SHIFT_PATTERN_POPOVER (self));

  gtk_drop_down_set_selected (self->choice_dropdown, choice);
}

PulseShiftPatternChoice
pulse_shift_pattern_popover_get_choice (PulseShiftPatternPopover *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT_PATTERN_POPOVER (self), 0);

  return MIN (gtk_drop_down_get_selected (self->choice_dropdown),
              PULSE_SHIFT_PATTERN_CHOICE_ABSENCE);
}

static guint
minutes (GtkSpinButton *spin,
         double         factor)
{
  return (guint) (gtk_spin_button_get_value (spin) * factor + 0.5);
}

/* The pattern chosen; for an absence, a whole-day one. */
void
pulse_shift_pattern_popover_get_pattern (PulseShiftPatternPopover *self,
                                         PulseShiftPattern        *pattern)
{
  g_return_if_fail (PULSE_IS_SHIFT_PATTERN_POPOVER (self));

  switch (pulse_shift_pattern_popover_get_choice (self))
    {
    case PULSE_SHIFT_PATTERN_CHOICE_5_2:
      pulse_shift_pattern_init (pattern, PULSE_SHIFT_PATTERN_5_2);
      break;

    case PULSE_SHIFT_PATTERN_CHOICE_CUSTOM:
      *pattern = (PulseShiftPattern) {
        minutes (self->on_spin, 1), minutes (self->off_spin, 1), minutes (self->start_spin, 60),
        minutes (self->length_spin, 60), minutes (self->break_at_spin, 60),
        minutes (self->break_spin, 1),
      };
      if (pattern->break_minutes == 0)
        pattern->break_after_minutes = 0;
      break;

    case PULSE_SHIFT_PATTERN_CHOICE_ABSENCE:
      *pattern = (PulseShiftPattern) { 1, 0, 0, 24 * 60, 0, 0 };
      break;

    case PULSE_SHIFT_PATTERN_CHOICE_2_2:
    default:
      pulse_shift_pattern_init (pattern, PULSE_SHIFT_PATTERN_2_2);
      break;
    }
}

/* Returns: (nullable): the one agent chosen, or %NULL for everyone shown. */
const char *
pulse_shift_pattern_popover_get_agent_id (PulseShiftPatternPopover *self)
{
  guint selected;

  g_return_val_if_fail (PULSE_IS_SHIFT_PATTERN_POPOVER (self), NULL);

  selected = gtk_drop_down_get_selected (self->agent_dropdown);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected > self->agent_ids->len)
    return NULL;

  return self->agent_ids->pdata[selected - 1];
}

guint
pulse_shift_pattern_popover_get_days (PulseShiftPatternPopover *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT_PATTERN_POPOVER (self), 7);

  return (guint) gtk_spin_button_get_value_as_int (self->days_spin);
}

gboolean
pulse_shift_pattern_popover_get_stagger (PulseShiftPatternPopover *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT_PATTERN_POPOVER (self), FALSE);

  return gtk_check_button_get_active (self->stagger_check);
}

/* What the Apply button does; tests call it too. */
void
pulse_shift_pattern_popover_apply (PulseShiftPatternPopover *self)
{
  g_return_if_fail (PULSE_IS_SHIFT_PATTERN_POPOVER (self));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[APPLY], 0);
}
