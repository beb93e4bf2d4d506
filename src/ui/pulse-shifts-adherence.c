/* pulse-shifts-adherence.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-adherence-report.h"
#include "pulse-agent.h"
#include "pulse-session-adherence.h"
#include "pulse-shift.h"
#include "pulse-shifts-adherence.h"

/*
 * PulseShiftsAdherence:
 *
 * Adherence, live and for today: per agent, where they stand now (from
 * their status and the shifts as the page has them, so it follows every
 * status event at once) and today's minutes planned on the line and out
 * of adherence (GET /api/v1/adherence, since the status history is the
 * server's; asked again every minute and when the plan changes). Rows
 * are built only while the list is on screen.
 */
struct _PulseShiftsAdherence
{
  AdwBin                parent_instance;

  GtkLabel             *summary_label;
  GtkListBox           *list;

  PulseSession         *session;
  GCancellable         *cancellable;
  PulseAdherenceReport *report;
  GPtrArray            *agents;   /* PulseAgent */
  GHashTable           *shifts;   /* agent id → GPtrArray of PulseShift */
  guint                 timer_id;
  guint                 n_fetches;
  gboolean              in_flight;
  gboolean              again;
  gboolean              dirty;
  char                 *summary;
};

G_DEFINE_FINAL_TYPE (PulseShiftsAdherence, pulse_shifts_adherence, ADW_TYPE_BIN)

#define REFRESH_SECONDS 60

static const char *
state_text (PulseAdherenceState state)
{
  switch (state)
    {
    case PULSE_ADHERENCE_STATE_IN:
      return _("On shift, online");
    case PULSE_ADHERENCE_STATE_MISSING:
      return _("On shift, not online");
    case PULSE_ADHERENCE_STATE_BREAK:
      return _("On a break or leave");
    case PULSE_ADHERENCE_STATE_UNPLANNED:
      return _("Online off shift");
    case PULSE_ADHERENCE_STATE_OFF:
    default:
      return _("Off shift");
    }
}

static PulseAdherenceState
state_of (PulseShiftsAdherence *self,
          PulseAgent           *agent,
          gint64                now)
{
  GPtrArray *shifts = g_hash_table_lookup (self->shifts, pulse_agent_get_id (agent));

  return pulse_adherence_state_at (shifts != NULL ? (PulseShift * const *) shifts->pdata : NULL,
                                   shifts != NULL ? shifts->len : 0,
                                   pulse_agent_get_status (agent), now);
}

static char *
format_day (const PulseAdherenceEntry *entry)
{
  int planned = entry->figures.planned_usec / (60 * G_USEC_PER_SEC);
  int out = entry->figures.out_usec / (60 * G_USEC_PER_SEC);

  if (planned == 0)
    return g_strdup (_("Nothing planned today so far"));

  /* Translators: today's adherence: minutes planned, minutes out of adherence,
   * share in adherence */
  return g_strdup_printf (_("Planned %d min · out of adherence %d min · %.0f %% in adherence"),
                          planned, out, 100 * pulse_adherence_share (&entry->figures));
}

static GtkWidget *
make_row (PulseShiftsAdherence *self,
          PulseAgent           *agent,
          PulseAdherenceState   state)
{
  const PulseAdherenceEntry *entry = NULL;
  g_autofree char *day = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (state_text (state));

  if (self->report != NULL)
    entry = pulse_adherence_report_find (self->report, pulse_agent_get_id (agent));
  day = entry != NULL ? format_day (entry) : g_strdup (_("Today’s figures are loading…"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pulse_agent_get_name (agent));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), day);
  gtk_widget_add_css_class (pill, "adherence-state");
  gtk_widget_add_css_class (pill, pulse_adherence_state_to_string (state));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  return row;
}

/* Those out of adherence first, then those online off shift. */
static int
rank (PulseAdherenceState state)
{
  switch (state)
    {
    case PULSE_ADHERENCE_STATE_MISSING:
      return 0;
    case PULSE_ADHERENCE_STATE_UNPLANNED:
      return 1;
    case PULSE_ADHERENCE_STATE_IN:
      return 2;
    case PULSE_ADHERENCE_STATE_BREAK:
      return 3;
    case PULSE_ADHERENCE_STATE_OFF:
    default:
      return 4;
    }
}

static void
rebuild (PulseShiftsAdherence *self)
{
  gint64 now = g_get_real_time ();
  guint counts[PULSE_ADHERENCE_STATE_UNPLANNED + 1] = { 0 };
  g_autofree PulseAdherenceState *states = NULL;
  gint64 out = 0;
  GtkWidget *child;
  guint n;

  self->dirty = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  n = self->agents != NULL ? self->agents->len : 0;
  states = g_new (PulseAdherenceState, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    states[i] = state_of (self, self->agents->pdata[i], now);

  for (int r = 0; r <= 4; r++)
    for (guint i = 0; i < n; i++)
      {
        PulseAgent *agent = self->agents->pdata[i];
        PulseAdherenceState state = states[i];
        const PulseAdherenceEntry *entry = NULL;

        if (rank (state) != r)
          continue;
        if (self->report != NULL)
          entry = pulse_adherence_report_find (self->report, pulse_agent_get_id (agent));
        counts[state]++;
        out += entry != NULL ? entry->figures.out_usec : 0;
        gtk_list_box_append (self->list, make_row (self, agent, state));
      }

  g_free (self->summary);
  /* Translators: the adherence summary: agents planned now, of them online, not
   * online, and today's minutes out of adherence */
  self->summary = g_strdup_printf (_("On shift now: %u · online %u · not online %u · "
                                     "%d min out of adherence today"),
                                   counts[PULSE_ADHERENCE_STATE_IN]
                                   + counts[PULSE_ADHERENCE_STATE_MISSING],
                                   counts[PULSE_ADHERENCE_STATE_IN],
                                   counts[PULSE_ADHERENCE_STATE_MISSING],
                                   (int) (out / (60 * G_USEC_PER_SEC)));
  gtk_label_set_text (self->summary_label, self->summary);
}

static void
update (PulseShiftsAdherence *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PulseShiftsAdherence) self = user_data;
  g_autoptr(GError) error = NULL;
  PulseAdherenceReport *report;

  report = pulse_session_fetch_adherence_finish (PULSE_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->in_flight = FALSE;
  self->n_fetches++;
  if (report == NULL)
    g_debug ("adherence: %s", error->message);
  else
    {
      g_clear_pointer (&self->report, pulse_adherence_report_free);
      self->report = report;
      update (self);
    }

  if (self->again)
    pulse_shifts_adherence_refresh (self);
}

/* Asks for today (local midnight to midnight) again; while an answer is
 * awaited, once more after it, rather than cancelling it. */
void
pulse_shifts_adherence_refresh (PulseShiftsAdherence *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;

  g_return_if_fail (PULSE_IS_SHIFTS_ADHERENCE (self));

  if (self->session == NULL)
    return;
  self->again = self->in_flight;
  if (self->in_flight)
    return;

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);
  self->in_flight = TRUE;
  pulse_session_fetch_adherence_async (self->session,
                                       g_date_time_to_unix (midnight) * G_USEC_PER_SEC,
                                       g_date_time_to_unix (tomorrow) * G_USEC_PER_SEC,
                                       self->cancellable, fetch_cb, g_object_ref (self));
}

static gboolean
on_timer_cb (gpointer user_data)
{
  pulse_shifts_adherence_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
pulse_shifts_adherence_map (GtkWidget *widget)
{
  PulseShiftsAdherence *self = PULSE_SHIFTS_ADHERENCE (widget);

  GTK_WIDGET_CLASS (pulse_shifts_adherence_parent_class)->map (widget);
  if (self->dirty)
    rebuild (self);
  if (self->timer_id == 0)
    self->timer_id = g_timeout_add_seconds (REFRESH_SECONDS, on_timer_cb, self);
}

static void
pulse_shifts_adherence_unmap (GtkWidget *widget)
{
  PulseShiftsAdherence *self = PULSE_SHIFTS_ADHERENCE (widget);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  GTK_WIDGET_CLASS (pulse_shifts_adherence_parent_class)->unmap (widget);
}

static void
pulse_shifts_adherence_dispose (GObject *object)
{
  PulseShiftsAdherence *self = PULSE_SHIFTS_ADHERENCE (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->shifts, g_hash_table_unref);
  g_clear_pointer (&self->report, pulse_adherence_report_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_SHIFTS_ADHERENCE);

  G_OBJECT_CLASS (pulse_shifts_adherence_parent_class)->dispose (object);
}

static void
pulse_shifts_adherence_finalize (GObject *object)
{
  g_free (PULSE_SHIFTS_ADHERENCE (object)->summary);

  G_OBJECT_CLASS (pulse_shifts_adherence_parent_class)->finalize (object);
}

static void
pulse_shifts_adherence_class_init (PulseShiftsAdherenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_shifts_adherence_dispose;
  object_class->finalize = pulse_shifts_adherence_finalize;
  widget_class->map = pulse_shifts_adherence_map;
  widget_class->unmap = pulse_shifts_adherence_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-shifts-adherence.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsAdherence, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsAdherence, list);
}

static void
pulse_shifts_adherence_init (PulseShiftsAdherence *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shifts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->dirty = TRUE;
}

void
pulse_shifts_adherence_set_session (PulseShiftsAdherence *self,
                                    PulseSession         *session)
{
  g_return_if_fail (PULSE_IS_SHIFTS_ADHERENCE (self));

  if (g_set_object (&self->session, session))
    pulse_shifts_adherence_refresh (self);
}

/* The agents shown and the shifts as planned (borrowed objects). */
void
pulse_shifts_adherence_set_plan (PulseShiftsAdherence *self,
                                 GPtrArray            *agents,
                                 GPtrArray            *shifts)
{
  g_return_if_fail (PULSE_IS_SHIFTS_ADHERENCE (self));

  g_clear_pointer (&self->agents, g_ptr_array_unref);
  self->agents = g_ptr_array_copy (agents, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->agents, g_object_unref);
  g_hash_table_remove_all (self->shifts);
  for (guint i = 0; i < shifts->len; i++)
    {
      const char *agent_id = pulse_shift_get_agent_id (shifts->pdata[i]);
      GPtrArray *mine = g_hash_table_lookup (self->shifts, agent_id);

      if (mine == NULL)
        {
          mine = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->shifts, g_strdup (agent_id), mine);
        }
      g_ptr_array_add (mine, g_object_ref (shifts->pdata[i]));
    }
  update (self);
}

guint
pulse_shifts_adherence_get_n_fetches (PulseShiftsAdherence *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFTS_ADHERENCE (self), 0);

  return self->n_fetches;
}

const char *
pulse_shifts_adherence_get_summary (PulseShiftsAdherence *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFTS_ADHERENCE (self), NULL);

  return self->summary;
}
