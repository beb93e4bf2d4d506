/* pulse-quality-board.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-before-frame.h"
#include "pulse-quality-board-private.h"

/* The negative ratings are looked for at most this often (µs). */
#define NEGATIVE_EVERY_US G_USEC_PER_SEC

/* Backlog ages are shown in minutes: a tick a minute keeps them true. */
#define TICK_SECONDS 60

/**
 * PulseQualityBoard:
 *
 * The Quality page's lists, kept in place: the QA score by team and by
 * agent from the session's KPI views (which follow the header's period),
 * each reviewer's samples still to grade, the day's negative ratings no
 * sample has been drawn from, and calibration agreement per criterion.
 * Rows are #PulseQualityRow, keyed by what they show: a row whose subject
 * stays keeps its object and notifies only what changed.
 *
 * However many events arrive, the lists are recounted once per frame,
 * each only when something it is made of changed, and once a minute
 * while ticking. #PulseQualityBoard::refreshed follows each refresh.
 */

G_DEFINE_FINAL_TYPE (PulseQualityBoard, pulse_quality_board, G_TYPE_OBJECT)

enum {
  REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * _pulse_quality_board_row_at:
 * @position: where the row with @id belongs
 * @id: the id of what the row shows
 *
 * Finds the row for @id and puts it at @position: the row already there,
 * one further down moved up, or a new row. Rows before @position are
 * settled and never looked at.
 *
 * Returns: (transfer none): the row at @position.
 */
PulseQualityRow *
_pulse_quality_board_row_at (PulseQualityBoard *self,
                             PulseQualityList   list,
                             guint              position,
                             const char        *id)
{
  GListModel *model = G_LIST_MODEL (self->lists[list]);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(PulseQualityRow) row = NULL;

  for (guint i = position; i < n; i++)
    {
      g_autoptr(PulseQualityRow) candidate = g_list_model_get_item (model, i);

      if (g_strcmp0 (pulse_quality_row_get_id (candidate), id) != 0)
        continue;
      if (i == position)
        return candidate;

      row = g_steal_pointer (&candidate);
      g_list_store_remove (self->lists[list], i);
      break;
    }

  if (row == NULL)
    row = pulse_quality_row_new (id);
  g_list_store_insert (self->lists[list], position, row);
  /* The store holds it now. */
  return row;
}

/* Drops the rows from @n_items on: their subjects are gone. */
void
_pulse_quality_board_truncate (PulseQualityBoard *self,
                               PulseQualityList   list,
                               guint              n_items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lists[list]));

  if (n > n_items)
    g_list_store_splice (self->lists[list], n_items, n - n_items, NULL, 0);
}

static gboolean refresh_cb (gpointer user_data);

static gboolean
negative_due_cb (gpointer user_data)
{
  PulseQualityBoard *self = user_data;

  self->negative_id = 0;
  if (self->tick_id != 0)
    pulse_before_frame_schedule (&self->refresh_id, refresh_cb, self);
  return G_SOURCE_REMOVE;
}

/* What changed, recounted; the day's negative ratings at most once per
 * NEGATIVE_EVERY_US unless @now_please, since finding them is a pass over
 * every ticket (a busy centre changes tickets in every frame). */
static void
refresh (PulseQualityBoard *self,
         gboolean           now_please)
{
  gint64 now = g_get_real_time ();
  gint64 clock = g_get_monotonic_time ();
  PulseQualityDirty dirty;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  dirty = self->dirty;
  self->dirty = 0;
  if ((dirty & PULSE_QUALITY_DIRTY_NEGATIVE) && !now_please &&
      clock - self->negative_at < NEGATIVE_EVERY_US)
    {
      self->dirty |= PULSE_QUALITY_DIRTY_NEGATIVE;
      dirty &= ~PULSE_QUALITY_DIRTY_NEGATIVE;
      if (self->negative_id == 0)
        self->negative_id = g_timeout_add ((self->negative_at + NEGATIVE_EVERY_US - clock) / 1000
                                           + 1, negative_due_cb, self);
    }

  if (dirty & PULSE_QUALITY_DIRTY_SCORES)
    _pulse_quality_fill_scores (self);
  if (dirty & PULSE_QUALITY_DIRTY_BACKLOG)
    _pulse_quality_fill_backlog (self, now);
  if (dirty & PULSE_QUALITY_DIRTY_NEGATIVE)
    {
      g_clear_handle_id (&self->negative_id, g_source_remove);
      _pulse_quality_fill_negative (self, now);
      self->negative_at = clock;
    }
  if (dirty & PULSE_QUALITY_DIRTY_CRITERIA)
    _pulse_quality_fill_criteria (self);

  if (dirty != 0 || now_please)
    g_signal_emit (self, signals[REFRESHED], 0);
}

/**
 * pulse_quality_board_refresh:
 *
 * Recounts now what changed since the last refresh (the tests and a page
 * being shown want the figures at once rather than at the next frame).
 */
void
pulse_quality_board_refresh (PulseQualityBoard *self)
{
  g_return_if_fail (PULSE_IS_QUALITY_BOARD (self));

  refresh (self, TRUE);
}

static gboolean
refresh_cb (gpointer user_data)
{
  PulseQualityBoard *self = user_data;

  self->refresh_id = 0;
  refresh (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* A hidden board only notes what changed: every contact of a busy centre
 * would otherwise rescan the day's ratings for a page nobody sees. It
 * catches up when its page shows and starts ticking. */
static void
mark_dirty (PulseQualityBoard *self,
            PulseQualityDirty  dirty)
{
  self->dirty |= dirty;
  /* Before the frame it was asked for (pulse-before-frame.c). */
  if (self->tick_id != 0)
    pulse_before_frame_schedule (&self->refresh_id, refresh_cb, self);
}

static void
on_scores_changed_cb (PulseQualityBoard *self)
{
  mark_dirty (self, PULSE_QUALITY_DIRTY_SCORES);
}

/* Agents name the rows of every list. */
static void
on_names_changed_cb (PulseQualityBoard *self)
{
  mark_dirty (self, PULSE_QUALITY_DIRTY_ALL);
}

static void
on_reviews_changed_cb (PulseQualityBoard *self)
{
  mark_dirty (self, PULSE_QUALITY_DIRTY_BACKLOG | PULSE_QUALITY_DIRTY_NEGATIVE
                    | PULSE_QUALITY_DIRTY_CRITERIA);
}

static void
on_tickets_changed_cb (PulseQualityBoard *self)
{
  mark_dirty (self, PULSE_QUALITY_DIRTY_NEGATIVE);
}

static void
on_scorecards_changed_cb (PulseQualityBoard *self)
{
  mark_dirty (self, PULSE_QUALITY_DIRTY_CRITERIA);
}

static void
follow_view (PulseQualityBoard *self,
             PulseKpiView     **field,
             PulseKpiGroup      group)
{
  PulseKpiView *view = pulse_session_get_kpi_view (self->session, group);

  if (view == *field)
    return;

  if (*field != NULL)
    g_signal_handlers_disconnect_by_data (*field, self);
  g_set_object (field, view);
  if (view != NULL)
    g_signal_connect_object (view, "changed", G_CALLBACK (on_scores_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* The session's views are NULL until its cache is open, and replaced
 * with its sync engine: fetch them again on every data reset. */
static void
take_views (PulseQualityBoard *self)
{
  follow_view (self, &self->team_view, PULSE_KPI_GROUP_TEAM);
  follow_view (self, &self->agent_view, PULSE_KPI_GROUP_AGENT);
  mark_dirty (self, PULSE_QUALITY_DIRTY_ALL);
}

static gboolean
tick_cb (gpointer user_data)
{
  PulseQualityBoard *self = user_data;

  /* Ages grow, and at midnight the day's negative ratings start over. */
  self->dirty |= PULSE_QUALITY_DIRTY_BACKLOG | PULSE_QUALITY_DIRTY_NEGATIVE;
  pulse_quality_board_refresh (self);
  return G_SOURCE_CONTINUE;
}

static void
pulse_quality_board_dispose (GObject *object)
{
  PulseQualityBoard *self = PULSE_QUALITY_BOARD (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->negative_id, g_source_remove);
  if (self->team_view != NULL)
    g_signal_handlers_disconnect_by_data (self->team_view, self);
  if (self->agent_view != NULL)
    g_signal_handlers_disconnect_by_data (self->agent_view, self);
  g_clear_object (&self->team_view);
  g_clear_object (&self->agent_view);
  g_clear_object (&self->session);
  for (guint i = 0; i < PULSE_QUALITY_N_LISTS; i++)
    g_clear_object (&self->lists[i]);

  G_OBJECT_CLASS (pulse_quality_board_parent_class)->dispose (object);
}

static void
pulse_quality_board_class_init (PulseQualityBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_quality_board_dispose;

  /**
   * PulseQualityBoard::refreshed:
   *
   * The lists and totals have been recounted.
   */
  signals[REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pulse_quality_board_init (PulseQualityBoard *self)
{
  for (guint i = 0; i < PULSE_QUALITY_N_LISTS; i++)
    self->lists[i] = g_list_store_new (PULSE_TYPE_QUALITY_ROW);
  self->totals.qa_score = NAN;
  self->totals.csat = NAN;
}

static void
follow_list (PulseQualityBoard *self,
             PulseStateKind     kind,
             GCallback          callback)
{
  g_signal_connect_object (pulse_session_get_list (self->session, kind), "items-changed",
                           callback, self, G_CONNECT_SWAPPED);
}

/**
 * pulse_quality_board_new:
 * @session: the session whose reviews, tickets and figures to follow
 *
 * Returns: (transfer full): a board with its lists already counted.
 */
PulseQualityBoard *
pulse_quality_board_new (PulseSession *session)
{
  PulseQualityBoard *self;

  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  self = g_object_new (PULSE_TYPE_QUALITY_BOARD, NULL);
  self->session = g_object_ref (session);
  follow_list (self, PULSE_STATE_KIND_TEAM, G_CALLBACK (on_scores_changed_cb));
  follow_list (self, PULSE_STATE_KIND_AGENT, G_CALLBACK (on_names_changed_cb));
  follow_list (self, PULSE_STATE_KIND_QUEUE, G_CALLBACK (on_tickets_changed_cb));
  follow_list (self, PULSE_STATE_KIND_TICKET, G_CALLBACK (on_tickets_changed_cb));
  follow_list (self, PULSE_STATE_KIND_REVIEW, G_CALLBACK (on_reviews_changed_cb));
  follow_list (self, PULSE_STATE_KIND_SCORECARD, G_CALLBACK (on_scorecards_changed_cb));
  g_signal_connect_object (session, "data-reset", G_CALLBACK (take_views), self,
                           G_CONNECT_SWAPPED);
  take_views (self);
  pulse_quality_board_refresh (self);
  return self;
}

/**
 * pulse_quality_board_get_list:
 * @list: which list
 *
 * Returns: (transfer none): a #GListModel of #PulseQualityRow: teams and
 *   agents in the session's order, the backlog the oldest sample first,
 *   negative ratings the newest first, criteria the least agreed first.
 */
GListModel *
pulse_quality_board_get_list (PulseQualityBoard *self,
                              PulseQualityList   list)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_BOARD (self), NULL);
  g_return_val_if_fail (list < PULSE_QUALITY_N_LISTS, NULL);

  return G_LIST_MODEL (self->lists[list]);
}

/* The totals of the last refresh. */
const PulseQualityTotals *
pulse_quality_board_get_totals (PulseQualityBoard *self)
{
  g_return_val_if_fail (PULSE_IS_QUALITY_BOARD (self), NULL);

  return &self->totals;
}

/**
 * pulse_quality_board_set_ticking:
 * @ticking: whether to recount the ages every minute
 *
 * A page ticks while it is shown and stops when hidden, so a hidden page
 * costs nothing but its refreshes.
 */
void
pulse_quality_board_set_ticking (PulseQualityBoard *self,
                                 gboolean           ticking)
{
  g_return_if_fail (PULSE_IS_QUALITY_BOARD (self));

  if (!ticking)
    {
      g_clear_handle_id (&self->tick_id, g_source_remove);
      return;
    }

  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
  tick_cb (self);
}
