/* pulse-queue-board.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-before-frame.h"
#include "pulse-queue-board.h"
#include "pulse-queue-load.h"
#include "pulse-row-store.h"

/**
 * PulseQueueBoard:
 *
 * The queues as the Queues page and the Overview show them: one
 * #PulseQueueRow per queue of the session, kept in place (a queue that
 * comes or goes adds or removes its row; anything else updates the row's
 * properties), the live load from the open tickets and the agents, and
 * the period's figures from the session's KPI view by queue.
 *
 * However many events arrive, the rows are refreshed once per frame
 * while ticking (its page shown), and once a second besides (waits grow
 * with no event at all); a hidden board waits until it ticks again.
 * #PulseQueueBoard::refreshed follows each refresh.
 */
struct _PulseQueueBoard
{
  GObject           parent_instance;

  PulseSession     *session;
  PulseKpiView     *view;
  GListStore       *rows;
  PulseQueueTotals  totals;
  gboolean          counted_once;
  guint             refresh_id;
  guint             tick_id;
};

G_DEFINE_FINAL_TYPE (PulseQueueBoard, pulse_queue_board, G_TYPE_OBJECT)

enum {
  REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
list_of (PulseQueueBoard *self,
         PulseStateKind   kind)
{
  return pulse_session_get_list (self->session, kind);
}

static const char *
row_key (gpointer row)
{
  return pulse_queue_get_id (pulse_queue_row_get_queue (row));
}

static void
sync_rows (PulseQueueBoard *self)
{
  GListModel *queues = list_of (self, PULSE_STATE_KIND_QUEUE);
  guint n = g_list_model_get_n_items (queues);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueue) queue = g_list_model_get_item (queues, i);
      const char *id = pulse_queue_get_id (queue);
      PulseQueueRow *row = pulse_row_store_find (self->rows, row_key, id);

      g_hash_table_add (seen, (gpointer) id);
      if (row != NULL)
        pulse_queue_row_set_queue (row, queue);
      else
        g_ptr_array_add (added, pulse_queue_row_new (queue));
    }

  /* New rows in one splice: the table takes one change, not one a row
   * (40 of them on a first state). */
  g_list_store_splice (self->rows, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0,
                       added->pdata, added->len);
  pulse_row_store_prune (self->rows, row_key, seen);
}

static guint
count_signed_in (GListModel *agents)
{
  guint n = g_list_model_get_n_items (agents), count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, i);
      PulseAgentStatus status = pulse_agent_get_status (agent);

      count += status == PULSE_AGENT_STATUS_AVAILABLE || status == PULSE_AGENT_STATUS_BUSY
               || status == PULSE_AGENT_STATUS_AFTER_CALL;
    }

  return count;
}

/**
 * pulse_queue_board_refresh:
 *
 * Recounts every row now (the tests and a page being shown want the
 * figures at once rather than at the next frame).
 */
void
pulse_queue_board_refresh (PulseQueueBoard *self)
{
  gint64 now = g_get_real_time ();
  g_autoptr(GHashTable) loads = NULL;
  guint n;

  g_return_if_fail (PULSE_IS_QUEUE_BOARD (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  loads = pulse_session_dup_queue_loads (self->session, now, NULL);
  self->totals = (PulseQueueTotals) { 0, -1, 0, 0 };
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueueRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      const char *id = pulse_queue_get_id (pulse_queue_row_get_queue (row));
      g_autoptr(PulseKpiSummary) summary = NULL;

      if (self->view != NULL)
        summary = pulse_kpi_view_dup_summary (self->view, id);
      pulse_queue_row_update (row, g_hash_table_lookup (loads, id), summary, now);
      self->totals.waiting += pulse_queue_row_get_waiting (row);
      self->totals.oldest_wait = MAX (self->totals.oldest_wait,
                                      pulse_queue_row_get_oldest_wait (row));
      self->totals.off_target += pulse_queue_row_get_health (row) >= PULSE_QUEUE_HEALTH_AT_RISK;
    }

  self->totals.signed_in = count_signed_in (list_of (self, PULSE_STATE_KIND_AGENT));
  self->counted_once = TRUE;
  g_signal_emit (self, signals[REFRESHED], 0);
}

static gboolean
refresh_cb (gpointer user_data)
{
  PulseQueueBoard *self = user_data;

  self->refresh_id = 0;
  pulse_queue_board_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A board nobody looks at (its page hidden) does not count: the events
 * of a busy centre would recount every hidden page each frame. It counts
 * again as soon as its page ticks. */
static void
schedule_refresh (PulseQueueBoard *self)
{
  if (self->tick_id == 0 && self->counted_once)
    return;

  /* Before the frame it was asked for (pulse-before-frame.c). */
  pulse_before_frame_schedule (&self->refresh_id, refresh_cb, self);
}

static void
on_queues_changed_cb (PulseQueueBoard *self)
{
  sync_rows (self);
  schedule_refresh (self);
}

/* The session's view by queue is replaced with its sync engine. */
static void
take_view (PulseQueueBoard *self)
{
  PulseKpiView *view = pulse_session_get_kpi_view (self->session, PULSE_KPI_GROUP_QUEUE);

  if (view == self->view)
    return;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  if (view != NULL)
    g_signal_connect_object (view, "changed", G_CALLBACK (schedule_refresh), self,
                             G_CONNECT_SWAPPED);
  schedule_refresh (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  pulse_queue_board_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
pulse_queue_board_dispose (GObject *object)
{
  PulseQueueBoard *self = PULSE_QUEUE_BOARD (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);
  g_clear_object (&self->session);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (pulse_queue_board_parent_class)->dispose (object);
}

static void
pulse_queue_board_class_init (PulseQueueBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_queue_board_dispose;

  /**
   * PulseQueueBoard::refreshed:
   *
   * The rows and totals have been recounted.
   */
  signals[REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pulse_queue_board_init (PulseQueueBoard *self)
{
  self->rows = g_list_store_new (PULSE_TYPE_QUEUE_ROW);
  self->totals.oldest_wait = -1;
}

/**
 * pulse_queue_board_new:
 * @session: the session whose queues to follow
 *
 * Returns: (transfer full): a board with a row per queue already.
 */
PulseQueueBoard *
pulse_queue_board_new (PulseSession *session)
{
  PulseQueueBoard *self;

  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  self = g_object_new (PULSE_TYPE_QUEUE_BOARD, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (list_of (self, PULSE_STATE_KIND_QUEUE), "items-changed",
                           G_CALLBACK (on_queues_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list_of (self, PULSE_STATE_KIND_TICKET), "items-changed",
                           G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list_of (self, PULSE_STATE_KIND_AGENT), "items-changed",
                           G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "data-reset", G_CALLBACK (take_view), self,
                           G_CONNECT_SWAPPED);
  /* Until then a new state's loads were counted in part. */
  g_signal_connect_object (session, "queue-loads-complete", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  sync_rows (self);
  take_view (self);
  return self;
}

/**
 * pulse_queue_board_get_rows:
 *
 * Returns: (transfer none): a #GListModel of #PulseQueueRow, in the
 *   session's queue order.
 */
GListModel *
pulse_queue_board_get_rows (PulseQueueBoard *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE_BOARD (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/* The totals of the last refresh. */
const PulseQueueTotals *
pulse_queue_board_get_totals (PulseQueueBoard *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE_BOARD (self), NULL);

  return &self->totals;
}

/**
 * pulse_queue_board_set_ticking:
 * @ticking: whether to recount every second
 *
 * Waits grow with no event at all; a page ticks while it is shown and
 * stops when hidden, so a hidden page costs nothing.
 */
void
pulse_queue_board_set_ticking (PulseQueueBoard *self,
                               gboolean         ticking)
{
  g_return_if_fail (PULSE_IS_QUEUE_BOARD (self));

  if (!ticking)
    {
      g_clear_handle_id (&self->tick_id, g_source_remove);
      return;
    }

  take_view (self);
  pulse_queue_board_refresh (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}
