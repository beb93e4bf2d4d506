/* pulse-quality-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-calibration-view.h"
#include "pulse-followups-view.h"
#include "pulse-sampling-view.h"
#include "pulse-format.h"
#include "pulse-period.h"
#include "pulse-quality-board.h"
#include "pulse-quality-columns.h"
#include "pulse-quality-page-private.h"
#include "pulse-quality-summary.h"
#include "pulse-stat-tile.h"

/*
 * PulseQualityPage:
 *
 * What QA reviewers and leads watch: the period's QA score, by team and
 * by agent; the day's negative ratings no sample has been drawn from;
 * each reviewer's samples still to grade, and how far reviewers agree on
 * calibration samples, per criterion and overall.
 *
 * The lists come from a #PulseQualityBoard, which keeps their rows in
 * place and recounts them once per frame; the tables sort by every
 * figure.
 */

G_DEFINE_FINAL_TYPE (PulseQualityPage, pulse_quality_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The figure and the dim line under it, for each boxed list's rows. */
static const char *backlog_suffix[] = { "count-text", "time-text" };
static const char *criteria_suffix[] = { "value-text", "count-text" };

static void
set_tile (PulseQualityPage *self,
          Tile              tile,
          char             *value,
          char             *caption)
{
  pulse_stat_tile_set_value (self->tile[tile], value);
  pulse_stat_tile_set_caption (self->tile[tile], caption, PULSE_STAT_TREND_NONE);
  g_free (value);
  g_free (caption);
}

static char *
count_text (guint count)
{
  return g_strdup_printf ("%u", count);
}

static char *
backlog_caption (const PulseQualityTotals *totals)
{
  g_autofree char *age = NULL;

  if (totals->backlog == 0)
    return g_strdup (_("nothing to grade"));

  age = pulse_quality_format_age ((g_get_real_time () - totals->backlog_oldest_at)
                                  / G_USEC_PER_SEC);
  /* Translators: how long the oldest sample has waited, e.g. "oldest 3 h" */
  return g_strdup_printf (_("oldest %s"), age);
}

static void
update_tiles (PulseQualityPage *self)
{
  const PulseQualityTotals *totals = pulse_quality_board_get_totals (self->board);
  const PulseCalibrationAgreement *calibration = &totals->calibration;

  set_tile (self, TILE_QA_SCORE, pulse_format_score (totals->qa_score, 1),
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review", "%u reviews",
                                          (gulong) totals->reviews),
                             (guint) totals->reviews));
  set_tile (self, TILE_CSAT, pulse_format_share (totals->csat),
            g_strdup (_("4–5 of all ratings")));
  set_tile (self, TILE_NEGATIVE, count_text (totals->negative),
            g_strdup (_("today, no sample yet")));
  set_tile (self, TILE_BACKLOG, count_text (totals->backlog), backlog_caption (totals));
  set_tile (self, TILE_CALIBRATION, pulse_format_share (pulse_calibration_share (calibration)),
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u calibration sample",
                                          "%u calibration samples",
                                          totals->calibration_groups),
                             totals->calibration_groups));
}

static void
update_period (PulseQualityPage *self)
{
  g_autofree char *period = NULL;
  gint64 from = 0, to = 0;

  pulse_session_get_kpi_range (self->session, &from, &to);
  period = pulse_period_describe (pulse_session_get_kpi_window (self->session), from, to,
                                  g_get_real_time ());
  gtk_label_set_label (self->period_label, period);
}

static void
show_list (GtkStack   *stack,
           GListModel *rows)
{
  gtk_stack_set_visible_child_name (stack, g_list_model_get_n_items (rows) > 0 ? "list"
                                                                                : "empty");
}

static GListModel *
list_of (PulseQualityPage *self,
         PulseQualityList  list)
{
  return pulse_quality_board_get_list (self->board, list);
}

static void
resort (GtkColumnView *view)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (view);

  /* Row properties changed under the sort: with a few hundred rows at
   * most, sorting again each refresh costs nothing. */
  gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_refreshed_cb (PulseQualityPage *self)
{
  gboolean any = FALSE;

  for (PulseQualityList list = 0; list < PULSE_QUALITY_N_LISTS; list++)
    any |= g_list_model_get_n_items (list_of (self, list)) > 0;
  gtk_stack_set_visible_child_name (self->stack, any ? "quality" : "empty");

  show_list (self->negative_stack, list_of (self, PULSE_QUALITY_LIST_NEGATIVE));
  show_list (self->teams_stack, list_of (self, PULSE_QUALITY_LIST_TEAMS));
  show_list (self->agents_stack, list_of (self, PULSE_QUALITY_LIST_AGENTS));
  update_tiles (self);
  update_period (self);
  resort (self->negative_view);
  resort (self->teams_view);
  resort (self->agents_view);
}

/* Ages tick only while someone can see them. */
static void
pulse_quality_page_map (GtkWidget *widget)
{
  PulseQualityPage *self = PULSE_QUALITY_PAGE (widget);

  GTK_WIDGET_CLASS (pulse_quality_page_parent_class)->map (widget);
  pulse_quality_board_set_ticking (self->board, TRUE);
}

static void
pulse_quality_page_unmap (GtkWidget *widget)
{
  PulseQualityPage *self = PULSE_QUALITY_PAGE (widget);

  pulse_quality_board_set_ticking (self->board, FALSE);
  GTK_WIDGET_CLASS (pulse_quality_page_parent_class)->unmap (widget);
}

/* Shows @list sorted by @sort_column, @order first. */
static void
bind_table (PulseQualityPage    *self,
            GtkColumnView       *view,
            PulseQualityList     list,
            GtkColumnViewColumn *sort_column,
            GtkSortType          order)
{
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (list_of (self, list))),
                                    g_object_ref (gtk_column_view_get_sorter (view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_sort_by_column (view, sort_column, order);
}

/* @name_cell: the name alone (teams), or over a second line (agents). */
static void
setup_score_table (PulseQualityPage *self,
                   GtkColumnView    *view,
                   PulseQualityList  list,
                   const char       *name_title,
                   PulseQualityCell  name_cell)
{
  GtkColumnViewColumn *score;

  pulse_quality_columns_add (view, name_title, name_cell);
  score = pulse_quality_columns_add (view, _("QA Score"), PULSE_QUALITY_CELL_VALUE);
  pulse_quality_columns_add (view, _("Reviews"), PULSE_QUALITY_CELL_COUNT);
  pulse_quality_columns_add (view, _("CSAT"), PULSE_QUALITY_CELL_EXTRA);
  /* The lowest score first: who needs coaching. No score sorts last. */
  bind_table (self, view, list, score, GTK_SORT_ASCENDING);
}

static void
setup_negative_table (PulseQualityPage *self)
{
  GtkColumnViewColumn *time, *agent;

  time = pulse_quality_columns_add (self->negative_view, _("Time"), PULSE_QUALITY_CELL_TIME);
  pulse_quality_columns_add (self->negative_view, _("Score"), PULSE_QUALITY_CELL_VALUE);
  agent = pulse_quality_columns_add (self->negative_view, _("Agent"), PULSE_QUALITY_CELL_NAME);
  /* The customer's words take the spare width. */
  gtk_column_view_column_set_expand (agent, FALSE);
  pulse_quality_columns_add (self->negative_view, _("Queue"), PULSE_QUALITY_CELL_SUBTITLE);
  pulse_quality_columns_add (self->negative_view, _("Comment"), PULSE_QUALITY_CELL_DETAIL);
  /* The newest first: a bad experience is best read while it is fresh. */
  bind_table (self, self->negative_view, PULSE_QUALITY_LIST_NEGATIVE, time,
              GTK_SORT_DESCENDING);
}

static void
bind_boxed_list (PulseQualityPage *self,
                 GtkListBox       *box,
                 PulseQualityList  list,
                 const char      **suffix,
                 const char       *empty_text)
{
  GtkWidget *placeholder = gtk_label_new (empty_text);

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (box, placeholder);
  gtk_list_box_bind_model (box, list_of (self, list), pulse_quality_columns_new_row,
                           (gpointer) suffix, NULL);
}

static void
pulse_quality_page_constructed (GObject *object)
{
  PulseQualityPage *self = PULSE_QUALITY_PAGE (object);

  G_OBJECT_CLASS (pulse_quality_page_parent_class)->constructed (object);

  self->board = pulse_quality_board_new (self->session);
  g_signal_connect_object (self->board, "refreshed", G_CALLBACK (on_refreshed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::kpi-window", G_CALLBACK (update_period),
                           self, G_CONNECT_SWAPPED);
  setup_score_table (self, self->teams_view, PULSE_QUALITY_LIST_TEAMS, _("Team"),
                     PULSE_QUALITY_CELL_NAME);
  setup_score_table (self, self->agents_view, PULSE_QUALITY_LIST_AGENTS, _("Agent"),
                     PULSE_QUALITY_CELL_TITLE);
  setup_negative_table (self);
  bind_boxed_list (self, self->backlog_list, PULSE_QUALITY_LIST_BACKLOG, backlog_suffix,
                   _("Every sample drawn has been graded."));
  bind_boxed_list (self, self->criteria_list, PULSE_QUALITY_LIST_CRITERIA, criteria_suffix,
                   _("No calibration sample has been graded by two reviewers yet."));
  on_refreshed_cb (self);
}

static void
pulse_quality_page_dispose (GObject *object)
{
  PulseQualityPage *self = PULSE_QUALITY_PAGE (object);

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);
  g_clear_object (&self->board);
  g_clear_object (&self->session);
  /* The stack is both the bin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_QUALITY_PAGE);

  G_OBJECT_CLASS (pulse_quality_page_parent_class)->dispose (object);
}

static void
pulse_quality_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PulseQualityPage *self = PULSE_QUALITY_PAGE (object);

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
pulse_quality_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PulseQualityPage *self = PULSE_QUALITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, PulseQualityPage, name)

static void
pulse_quality_page_class_init (PulseQualityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_quality_page_constructed;
  object_class->dispose = pulse_quality_page_dispose;
  object_class->get_property = pulse_quality_page_get_property;
  object_class->set_property = pulse_quality_page_set_property;
  widget_class->map = pulse_quality_page_map;
  widget_class->unmap = pulse_quality_page_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PULSE_TYPE_QUALITY_ROW);
  g_type_ensure (PULSE_TYPE_CALIBRATION_VIEW);
  g_type_ensure (PULSE_TYPE_FOLLOWUPS_VIEW);
  g_type_ensure (PULSE_TYPE_SAMPLING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-quality-page.ui");
  BIND_CHILD (stack);
  BIND_CHILD (period_label);
  BIND_CHILD (tiles);
  BIND_CHILD (negative_stack);
  BIND_CHILD (negative_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_negative_activated_cb",
                                                G_CALLBACK (
                                                  _pulse_quality_page_negative_activated));
  gtk_widget_class_install_action (widget_class, "quality.export", "s",
                                   _pulse_quality_page_export_action);
  BIND_CHILD (backlog_list);
  BIND_CHILD (teams_stack);
  BIND_CHILD (teams_view);
  BIND_CHILD (agents_stack);
  BIND_CHILD (agents_view);
  BIND_CHILD (criteria_list);
}

static void
pulse_quality_page_init (PulseQualityPage *self)
{
  static const char *titles[N_TILES] = {
    N_("QA score"), N_("CSAT"), N_("Negative ratings"), N_("To grade"), N_("Calibration"),
  };
  static const char *definitions[N_TILES] = {
    N_("The mean score of the reviews submitted in the period, 0–100: weighted criteria, and a "
       "failed critical criterion scores 0."),
    N_("The share of 4 and 5 among the period’s rated contacts, on a 1–5 scale."),
    N_("Today’s CSAT ratings of 1 or 2 that no review sample has been drawn from yet."),
    N_("Review samples not yet submitted, started or not."),
    N_("Of the criteria two reviewers both graded on the same calibration sample, the share "
       "they graded alike."),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (Tile tile = 0; tile < N_TILES; tile++)
    {
      self->tile[tile] = PULSE_STAT_TILE (pulse_stat_tile_new (_(titles[tile])));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->tile[tile]), _(definitions[tile]));
      gtk_flow_box_append (self->tiles, GTK_WIDGET (self->tile[tile]));
    }
}

GtkWidget *
pulse_quality_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_QUALITY_PAGE,
                       "session", session,
                       NULL);
}
