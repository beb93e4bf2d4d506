/* pulse-shift-block.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-shift-block.h"
#include "pulse-shift-edit.h"

/*
 * PulseShiftBlock:
 *
 * One shift on the week grid: its local times as text, breaks drawn as
 * darker bands. Dragging it moves it; dragging its last few pixels
 * resizes it, in 30-minute steps. The keyboard does the same: Left and
 * Right move it, Shift+Left and Shift+Right change its end, Delete
 * removes it. Edits are requested with ::edit and ::remove; the page
 * saves them, so the block never changes its own shift.
 */
struct _PulseShiftBlock
{
  GtkWidget   parent_instance;

  GtkWidget  *label;
  PulseShift *shift;
  char       *agent_name;
  GTimeZone  *agent_tz;
  gboolean    editable;
  double      usec_per_px;
  gboolean    resizing;
  double      drag_dx;
  gboolean    dragging;
};

G_DEFINE_FINAL_TYPE (PulseShiftBlock, pulse_shift_block, GTK_TYPE_WIDGET)

enum {
  EDIT,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The last pixels of a block resize it rather than move it. */
#define RESIZE_HANDLE_PX 8

static char *
local_time (GTimeZone *tz,
            gint64     usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%H:%M");
}

static gint64
snapped_delta (PulseShiftBlock *self)
{
  double usec = self->drag_dx * self->usec_per_px;
  double steps = round (usec / PULSE_SHIFT_EDIT_STEP_USEC);

  return (gint64) steps * PULSE_SHIFT_EDIT_STEP_USEC;
}

/**
 * pulse_shift_block_get_preview:
 * @self: a block
 * @start_delta: (out): how far a drag under way moves the start
 * @end_delta: (out): how far it moves the end
 *
 * Both are 0 when no drag is under way.
 */
void
pulse_shift_block_get_preview (PulseShiftBlock *self,
                               gint64          *start_delta,
                               gint64          *end_delta)
{
  gint64 delta;

  g_return_if_fail (PULSE_IS_SHIFT_BLOCK (self));

  delta = self->dragging ? snapped_delta (self) : 0;
  *start_delta = self->resizing ? 0 : delta;
  *end_delta = delta;
}

/**
 * pulse_shift_block_dup_times:
 * @self: a block
 *
 * Returns: (transfer full): "08:00–20:00" in the agent's zone.
 */
char *
pulse_shift_block_dup_times (PulseShiftBlock *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (PULSE_IS_SHIFT_BLOCK (self), NULL);
  g_return_val_if_fail (self->shift != NULL, NULL);

  start = local_time (self->agent_tz, pulse_shift_get_starts_at (self->shift));
  end = local_time (self->agent_tz, pulse_shift_get_ends_at (self->shift));
  /* Translators: a shift's times, start–end */
  return g_strdup_printf (_("%s–%s"), start, end);
}

static const char *
kind_text (PulseShiftKind kind)
{
  switch (kind)
    {
    case PULSE_SHIFT_KIND_ABSENCE:
      return _("Absence");
    case PULSE_SHIFT_KIND_TRAINING:
      return _("Training");
    case PULSE_SHIFT_KIND_WORK:
    default:
      return _("Shift");
    }
}

/* "09–18" when both ends are on the hour: the block is often narrow. */
static char *
short_times (PulseShiftBlock *self)
{
  g_autofree char *start = local_time (self->agent_tz, pulse_shift_get_starts_at (self->shift));
  g_autofree char *end = local_time (self->agent_tz, pulse_shift_get_ends_at (self->shift));

  if (g_str_has_suffix (start, ":00") && g_str_has_suffix (end, ":00"))
    {
      start[2] = end[2] = '\0';
      /* Translators: a shift's hours on a narrow block, start–end */
      return g_strdup_printf (_("%s–%s"), start, end);
    }

  return pulse_shift_block_dup_times (self);
}

static void
update_text (PulseShiftBlock *self)
{
  g_autofree char *times = pulse_shift_block_dup_times (self);
  g_autofree char *label = short_times (self);
  g_autofree char *tooltip = NULL;
  g_autofree char *zone = NULL;
  PulseShiftKind kind = pulse_shift_get_kind (self->shift);

  gtk_label_set_text (GTK_LABEL (self->label),
                      kind == PULSE_SHIFT_KIND_WORK ? label : kind_text (kind));
  zone = g_strdup (g_time_zone_get_identifier (self->agent_tz));
  /* Translators: a shift's tooltip: agent, kind, times, the agent's time zone,
   * and the number of breaks */
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s %s (%s), %u break",
                                          "%s · %s %s (%s), %u breaks",
                                          pulse_shift_get_n_breaks (self->shift)),
                             self->agent_name, kind_text (kind), times, zone,
                             pulse_shift_get_n_breaks (self->shift));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "absence");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "training");
  if (kind == PULSE_SHIFT_KIND_ABSENCE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "absence");
  else if (kind == PULSE_SHIFT_KIND_TRAINING)
    gtk_widget_add_css_class (GTK_WIDGET (self), "training");
}

static void
request_edit (PulseShiftBlock *self,
              gint64           start_delta,
              gint64           end_delta)
{
  if (!self->editable || self->shift == NULL || (start_delta == 0 && end_delta == 0))
    return;

  g_signal_emit (self, signals[EDIT], 0, self->shift, start_delta, end_delta);
}

static void
shift_edit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PulseShiftBlock *self = PULSE_SHIFT_BLOCK (widget);
  gint64 step = PULSE_SHIFT_EDIT_STEP_USEC;

  if (g_str_equal (action_name, "shift.move-earlier"))
    request_edit (self, -step, -step);
  else if (g_str_equal (action_name, "shift.move-later"))
    request_edit (self, step, step);
  else if (g_str_equal (action_name, "shift.shorten"))
    request_edit (self, 0, -step);
  else if (g_str_equal (action_name, "shift.lengthen"))
    request_edit (self, 0, step);
}

static void
shift_remove_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PulseShiftBlock *self = PULSE_SHIFT_BLOCK (widget);

  if (self->editable && self->shift != NULL)
    g_signal_emit (self, signals[REMOVE], 0, self->shift);
}

static void
on_drag_begin_cb (GtkGestureDrag  *gesture,
                  double           x,
                  double           y,
                  PulseShiftBlock *self)
{
  if (!self->editable || self->usec_per_px <= 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->resizing = x >= gtk_widget_get_width (GTK_WIDGET (self)) - RESIZE_HANDLE_PX;
  self->dragging = TRUE;
  self->drag_dx = 0;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update_cb (GtkGestureDrag  *gesture,
                   double           dx,
                   double           dy,
                   PulseShiftBlock *self)
{
  self->drag_dx = dx;
  gtk_widget_queue_allocate (gtk_widget_get_parent (GTK_WIDGET (self)));
}

static void
on_drag_end_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                PulseShiftBlock *self)
{
  gint64 start_delta, end_delta;

  self->drag_dx = dx;
  pulse_shift_block_get_preview (self, &start_delta, &end_delta);
  self->dragging = FALSE;
  self->drag_dx = 0;
  gtk_widget_queue_allocate (gtk_widget_get_parent (GTK_WIDGET (self)));
  request_edit (self, start_delta, end_delta);
}

static void
pulse_shift_block_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PulseShiftBlock *self = PULSE_SHIFT_BLOCK (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA shade = { 0, 0, 0, 0.28 };
  gint64 start, length;

  if (self->shift != NULL && self->usec_per_px > 0)
    {
      start = pulse_shift_get_starts_at (self->shift);
      length = pulse_shift_get_ends_at (self->shift) - start;
      for (guint i = 0; i < pulse_shift_get_n_breaks (self->shift); i++)
        {
          const PulseShiftBreak *pause = pulse_shift_get_break (self->shift, i);
          double x = (double) (pause->starts_at - start) / length * width;
          double w = (double) (pause->ends_at - pause->starts_at) / length * width;

          gtk_snapshot_append_color (snapshot, &shade,
                                     &GRAPHENE_RECT_INIT (x, 0, MAX (w, 1), height));
        }
    }

  gtk_widget_snapshot_child (widget, self->label, snapshot);
}

static void
pulse_shift_block_dispose (GObject *object)
{
  PulseShiftBlock *self = PULSE_SHIFT_BLOCK (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_object (&self->shift);

  G_OBJECT_CLASS (pulse_shift_block_parent_class)->dispose (object);
}

static void
pulse_shift_block_finalize (GObject *object)
{
  PulseShiftBlock *self = PULSE_SHIFT_BLOCK (object);

  g_free (self->agent_name);
  g_clear_pointer (&self->agent_tz, g_time_zone_unref);

  G_OBJECT_CLASS (pulse_shift_block_parent_class)->finalize (object);
}

static void
pulse_shift_block_class_init (PulseShiftBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const edits[] = {
    "shift.move-earlier", "shift.move-later", "shift.shorten", "shift.lengthen",
  };

  object_class->dispose = pulse_shift_block_dispose;
  object_class->finalize = pulse_shift_block_finalize;
  widget_class->snapshot = pulse_shift_block_snapshot;

  /**
   * PulseShiftBlock::edit:
   * @shift: the shift as it is
   * @start_delta: how far to move its start, microseconds
   * @end_delta: how far to move its end
   *
   * Asks for the shift to be moved (equal deltas) or resized.
   */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 3, PULSE_TYPE_SHIFT, G_TYPE_INT64,
                                G_TYPE_INT64);

  /**
   * PulseShiftBlock::remove:
   * @shift: the shift
   *
   * Asks for the shift to be deleted.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, PULSE_TYPE_SHIFT);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_class_install_action (widget_class, edits[i], NULL, shift_edit_action);
  gtk_widget_class_install_action (widget_class, "shift.delete", NULL, shift_remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "shift.move-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "shift.move-later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK,
                                       "shift.shorten", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK,
                                       "shift.lengthen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "shift.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "shiftblock");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
pulse_shift_block_init (PulseShiftBlock *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->agent_tz = g_time_zone_new_utc ();
  self->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->label), 1);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  pulse_shift_block_set_editable (self, FALSE);
}

GtkWidget *
pulse_shift_block_new (void)
{
  return g_object_new (PULSE_TYPE_SHIFT_BLOCK, NULL);
}

/* Public setters for the grid; the shift is kept by reference. */
void
pulse_shift_block_set_shift (PulseShiftBlock *self,
                             PulseShift      *shift,
                             const char      *agent_name,
                             GTimeZone       *agent_tz)
{
  g_return_if_fail (PULSE_IS_SHIFT_BLOCK (self));
  g_return_if_fail (PULSE_IS_SHIFT (shift));

  g_set_object (&self->shift, shift);
  g_free (self->agent_name);
  self->agent_name = g_strdup (agent_name);
  g_clear_pointer (&self->agent_tz, g_time_zone_unref);
  self->agent_tz = agent_tz != NULL ? g_time_zone_ref (agent_tz) : g_time_zone_new_utc ();
  update_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

PulseShift *
pulse_shift_block_get_shift (PulseShiftBlock *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT_BLOCK (self), NULL);

  return self->shift;
}

void
pulse_shift_block_set_editable (PulseShiftBlock *self,
                                gboolean         editable)
{
  static const char * const actions[] = {
    "shift.move-earlier", "shift.move-later", "shift.shorten", "shift.lengthen", "shift.delete",
  };

  g_return_if_fail (PULSE_IS_SHIFT_BLOCK (self));

  self->editable = editable;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], editable);
  if (editable)
    gtk_widget_add_css_class (GTK_WIDGET (self), "editable");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "editable");
}

void
pulse_shift_block_set_scale (PulseShiftBlock *self,
                             double           usec_per_px)
{
  g_return_if_fail (PULSE_IS_SHIFT_BLOCK (self));

  self->usec_per_px = usec_per_px;
}
