/* pulse-shifts-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-session-items.h"
#include "pulse-shifts-page-private.h"

/*
 * PulseShiftsPage:
 *
 * Shift planning: the week's shifts per team and agent (each in their own
 * time zone) on a grid the planner edits by dragging or the keyboard;
 * patterns, absences and a copy of the week booked for many agents at
 * once; the coverage this plan gives against the forecast, with what-if
 * changes computed in the console; and adherence, live and for today.
 * Every edit goes through the edit kit (pulse_item_edit_save()), so it
 * is queued in the outbox, undoable, and its conflicts are settled by the
 * window. Roles that may not edit shifts see everything without the
 * editing controls.
 */

G_DEFINE_FINAL_TYPE (PulseShiftsPage, pulse_shifts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Status changes arrive all the time; the plan is redrawn at most this
 * often for them, at once for changes of shifts. */
#define AGENT_REFRESH_MS 1000

static GDateTime *
week_start (GDateTime *any)
{
  g_autoptr(GDateTime) midnight =
    g_date_time_new (g_date_time_get_timezone (any), g_date_time_get_year (any),
                     g_date_time_get_month (any), g_date_time_get_day_of_month (any), 0, 0, 0);

  return g_date_time_add_days (midnight, 1 - g_date_time_get_day_of_week (midnight));
}

gboolean
_pulse_shifts_page_can_edit (PulseShiftsPage *self)
{
  return self->session != NULL && pulse_session_can_edit (self->session, "shift");
}

static void
update_actions (PulseShiftsPage *self)
{
  gboolean editable = _pulse_shifts_page_can_edit (self);

  gtk_widget_set_visible (GTK_WIDGET (self->readonly_label), self->session != NULL && !editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pattern_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shifts.copy-week", editable);
  pulse_shift_grid_set_editable (self->grid, editable);
}

static void
refresh (PulseShiftsPage *self)
{
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) shifts = NULL;

  /* Here rather than on each change: an item updated in place notifies
   * one property at a time, and a held edit is sent once it is whole. */
  _pulse_shifts_page_settle (self);
  _pulse_shifts_page_fill_teams (self);
  everyone = _pulse_shifts_page_dup_agents (self, FALSE);
  shown = _pulse_shifts_page_dup_agents (self, TRUE);
  shifts = _pulse_shifts_page_dup_shifts (self);

  pulse_shift_grid_set_agents (self->grid, shown);
  pulse_shift_grid_set_shifts (self->grid, shifts);
  gtk_stack_set_visible_child_name (self->grid_stack, shown->len > 0 ? "grid" : "empty");
  pulse_shifts_coverage_set_plan (self->coverage, everyone, shifts);
  pulse_shifts_adherence_set_plan (self->adherence, shown, shifts);
  pulse_shift_pattern_popover_set_agents (self->pattern_popover, shown);
  update_actions (self);
}

static gboolean
on_refresh_cb (gpointer user_data)
{
  PulseShiftsPage *self = user_data;

  self->refresh_id = 0;
  self->refresh_soon = FALSE;
  /* Not shown: the grid's rows, a time zone each, and the plans wait for
   * the page's showing, so a first state does not hold the main loop
   * for a page nobody opened (docs/performance.md). A held edit goes
   * out all the same. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      _pulse_shifts_page_settle (self);
      self->stale = TRUE;
    }
  else
    refresh (self);
  return G_SOURCE_REMOVE;
}

static void follow_all (PulseShiftsPage *self);

static void
on_map_cb (PulseShiftsPage *self)
{
  follow_all (self);
  if (!self->stale)
    return;

  self->stale = FALSE;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_soon = FALSE;
  refresh (self);
}

/* Coalesces updates: @soon for shift changes (the next idle), else within
 * AGENT_REFRESH_MS. */
void
_pulse_shifts_page_queue_refresh (PulseShiftsPage *self,
                                  gboolean         soon)
{
  if (self->refresh_id != 0 && (self->refresh_soon || !soon))
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_soon = soon;
  self->refresh_id = soon ? g_idle_add (on_refresh_cb, self)
                          : g_timeout_add (AGENT_REFRESH_MS, on_refresh_cb, self);
}

static void
on_shifts_changed_cb (PulseShiftsPage *self)
{
  _pulse_shifts_page_queue_refresh (self, TRUE);
}

static void
on_directory_changed_cb (PulseShiftsPage *self)
{
  _pulse_shifts_page_queue_refresh (self, FALSE);
}

static void
on_role_changed_cb (PulseShiftsPage *self)
{
  _pulse_shifts_page_queue_refresh (self, TRUE);
}

static void
on_team_changed_cb (PulseShiftsPage *self)
{
  if (!self->filling_teams)
    _pulse_shifts_page_queue_refresh (self, TRUE);
}

static void
on_pattern_apply_cb (PulseShiftsPage *self)
{
  _pulse_shifts_page_apply_pattern (self);
}

static void
on_shift_edit_cb (PulseShiftsPage *self,
                  PulseShift      *shift,
                  gint64           start_delta,
                  gint64           end_delta)
{
  _pulse_shifts_page_edit_shift (self, shift, start_delta, end_delta);
}

static void
on_shift_remove_cb (PulseShiftsPage *self,
                    PulseShift      *shift)
{
  _pulse_shifts_page_remove_shift (self, shift);
}

static void
week_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PulseShiftsPage *self = PULSE_SHIFTS_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) week = NULL;

  if (g_str_equal (action_name, "shifts.previous-week"))
    week = g_date_time_add_weeks (self->first_day, -1);
  else if (g_str_equal (action_name, "shifts.next-week"))
    week = g_date_time_add_weeks (self->first_day, 1);
  else
    week = g_date_time_ref (now);

  pulse_shifts_page_set_week (self, week);
}

static void
copy_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _pulse_shifts_page_copy_week (PULSE_SHIFTS_PAGE (widget));
}

/* Lists update an item in place with `notify` when it stays where it
 * is, and emit `items-changed` only when items come, go or move: both
 * are followed. Each item is connected once (marked with its kind's
 * quark), however often it moves. */
static void
follow_items (PulseShiftsPage *self,
              GListModel      *model,
              guint            position,
              guint            n_added,
              GCallback        callback)
{
  GQuark mark = g_quark_from_static_string (callback == G_CALLBACK (on_shifts_changed_cb)
                                            ? "pulse-shifts-page-shift"
                                            : "pulse-shifts-page-agent");

  for (guint i = position; i < position + n_added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_object_get_qdata (item, mark) == self)
        continue;
      g_object_set_qdata (item, mark, self);
      g_signal_connect_object (item, "notify", callback, self, G_CONNECT_SWAPPED);
    }
}

static void
on_shift_items_changed_cb (PulseShiftsPage *self,
                           guint            position,
                           guint            removed,
                           guint            added,
                           GListModel      *model)
{
  if (self->following)
    follow_items (self, model, position, added, G_CALLBACK (on_shifts_changed_cb));
  on_shifts_changed_cb (self);
}

static void
on_agent_items_changed_cb (PulseShiftsPage *self,
                           guint            position,
                           guint            removed,
                           guint            added,
                           GListModel      *model)
{
  if (self->following)
    follow_items (self, model, position, added, G_CALLBACK (on_directory_changed_cb));
  on_directory_changed_cb (self);
}

static void
watch (PulseShiftsPage *self,
       PulseStateKind   kind,
       GCallback        items_changed)
{
  GListModel *model = pulse_session_get_list (self->session, kind);

  if (model != NULL)
    g_signal_connect_object (model, "items-changed", items_changed, self, G_CONNECT_SWAPPED);
}

/* Each shift and agent followed from the page's first showing on. Not
 * before: following decodes every item of the lists, a thousand shifts
 * at each new state, for a page nobody opened, and until it is shown
 * the page refreshes whole at its showing anyway (and holds no edit). */
static void
follow_all (PulseShiftsPage *self)
{
  GListModel *shifts = pulse_session_get_list (self->session, PULSE_STATE_KIND_SHIFT);
  GListModel *agents = pulse_session_get_list (self->session, PULSE_STATE_KIND_AGENT);

  if (self->following)
    return;

  self->following = TRUE;
  if (shifts != NULL)
    follow_items (self, shifts, 0, g_list_model_get_n_items (shifts),
                  G_CALLBACK (on_shifts_changed_cb));
  if (agents != NULL)
    follow_items (self, agents, 0, g_list_model_get_n_items (agents),
                  G_CALLBACK (on_directory_changed_cb));
}

static void
pulse_shifts_page_constructed (GObject *object)
{
  PulseShiftsPage *self = PULSE_SHIFTS_PAGE (object);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  G_OBJECT_CLASS (pulse_shifts_page_parent_class)->constructed (object);

  watch (self, PULSE_STATE_KIND_SHIFT, G_CALLBACK (on_shift_items_changed_cb));
  watch (self, PULSE_STATE_KIND_AGENT, G_CALLBACK (on_agent_items_changed_cb));
  watch (self, PULSE_STATE_KIND_TEAM, G_CALLBACK (on_directory_changed_cb));
  g_signal_connect_object (self->session, "notify::role", G_CALLBACK (on_role_changed_cb), self,
                           G_CONNECT_SWAPPED);
  pulse_shifts_coverage_set_session (self->coverage, self->session);
  pulse_shifts_adherence_set_session (self->adherence, self->session);
  pulse_shifts_page_set_week (self, now);
}

static void
pulse_shifts_page_dispose (GObject *object)
{
  PulseShiftsPage *self = PULSE_SHIFTS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->session);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_SHIFTS_PAGE);

  G_OBJECT_CLASS (pulse_shifts_page_parent_class)->dispose (object);
}

static void
pulse_shifts_page_finalize (GObject *object)
{
  PulseShiftsPage *self = PULSE_SHIFTS_PAGE (object);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_clear_pointer (&self->team_ids, g_ptr_array_unref);
  g_free (self->teams_key);

  G_OBJECT_CLASS (pulse_shifts_page_parent_class)->finalize (object);
}

static void
pulse_shifts_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PulseShiftsPage *self = PULSE_SHIFTS_PAGE (object);

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
pulse_shifts_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PulseShiftsPage *self = PULSE_SHIFTS_PAGE (object);

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
pulse_shifts_page_class_init (PulseShiftsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_shifts_page_constructed;
  object_class->dispose = pulse_shifts_page_dispose;
  object_class->finalize = pulse_shifts_page_finalize;
  object_class->get_property = pulse_shifts_page_get_property;
  object_class->set_property = pulse_shifts_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "shifts.previous-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "shifts.next-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "shifts.this-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "shifts.copy-week", NULL, copy_week_action);

  g_type_ensure (PULSE_TYPE_SHIFT_GRID);
  g_type_ensure (PULSE_TYPE_SHIFT_PATTERN_POPOVER);
  g_type_ensure (PULSE_TYPE_SHIFTS_COVERAGE);
  g_type_ensure (PULSE_TYPE_SHIFTS_ADHERENCE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-shifts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, week_label);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, pattern_button);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, pattern_popover);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, readonly_label);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, coverage);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsPage, adherence);
  gtk_widget_class_bind_template_callback (widget_class, on_team_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pattern_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_shift_edit_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_shift_remove_cb);
}

static void
pulse_shifts_page_init (PulseShiftsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->team_ids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

GtkWidget *
pulse_shifts_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_SHIFTS_PAGE,
                       "session", session,
                       NULL);
}

/* Returns: (transfer none): the Monday the week shown starts, local time. */
GDateTime *
pulse_shifts_page_get_first_day (PulseShiftsPage *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFTS_PAGE (self), NULL);

  return self->first_day;
}

/* Shows the week (Monday to Sunday, local time) holding @first_day. */
void
pulse_shifts_page_set_week (PulseShiftsPage *self,
                            GDateTime       *first_day)
{
  g_autoptr(GDateTime) last = NULL;
  GDateTime *monday;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (PULSE_IS_SHIFTS_PAGE (self));

  /* @first_day may be the week shown: work out the new one first. */
  monday = week_start (first_day);
  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = monday;
  last = g_date_time_add_days (self->first_day, 6);
  /* Translators: the first day of the week shown, see g_date_time_format() */
  from = g_date_time_format (self->first_day, _("%-d %b"));
  /* Translators: the last day of the week shown, see g_date_time_format() */
  to = g_date_time_format (last, _("%-d %b %Y"));
  /* Translators: the week shown, first day – last day */
  text = g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_text (self->week_label, text);

  pulse_shift_grid_set_week (self->grid, self->first_day);
  pulse_shifts_coverage_set_week (self->coverage, self->first_day);
  _pulse_shifts_page_queue_refresh (self, TRUE);
}
