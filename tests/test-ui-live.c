/* test-ui-live.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Live pages against a real in-process server. Queues: rows per queue with
 * the live load and the day's service level, worst first; search and the
 * off-target filter; sorting by a column; a new contact updating its row
 * in place. Rendered to tests/screenshots/queues-live.png.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-bar-chart.h"
#include "pulse-overview-page.h"
#include "pulse-period-button.h"
#include "pulse-queue-row.h"
#include "pulse-queues-page.h"
#include "pulse-stat-tile.h"
#include "pulse-test-live.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"
#include "test-ui-util.h"

#define WAIT_MS PULSE_TEST_LIVE_WAIT_MS

static const char directory[] =
  "{\"queues\":["
  "{\"id\":\"q-ua-chat\",\"name\":\"Ukraine · chat\",\"channel\":\"chat\",\"country\":\"UA\","
  "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8},"
  "{\"id\":\"q-es-phone\",\"name\":\"Spain · phone\",\"channel\":\"phone\",\"country\":\"ES\","
  "\"language\":\"es\",\"sl_target_seconds\":20,\"sl_goal\":0.8},"
  "{\"id\":\"q-kz-email\",\"name\":\"Kazakhstan · email\",\"channel\":\"email\","
  "\"country\":\"KZ\",\"language\":\"ru\",\"sl_target_seconds\":3600,\"sl_goal\":0.8}],"
  "\"agents\":["
  "{\"id\":\"a-1\",\"name\":\"Оксана Мельник\",\"position\":\"agent\",\"status\":\"available\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"],\"languages\":[\"uk\"]},"
  "{\"id\":\"a-2\",\"name\":\"Lucía Gómez\",\"position\":\"agent\",\"status\":\"busy\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\"],\"languages\":[\"es\"]}]}";

/* A contact created @ago seconds before now, answered after @answer_s
 * seconds, or waiting if @answer_s is negative. */
static char *
contact (const char *id,
         const char *queue_id,
         const char *channel,
         int         ago,
         int         answer_s)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC;
  g_autofree char *created = pulse_time_format (now - (gint64) ago * G_USEC_PER_SEC);
  g_autofree char *answered = pulse_time_format (now - (gint64) (ago - answer_s) * G_USEC_PER_SEC);
  g_autofree char *reply = NULL;

  if (answer_s >= 0)
    reply = g_strdup_printf (",{\"id\":\"m-2\",\"author_kind\":\"agent\",\"author_id\":\"a-2\","
                             "\"at\":\"%s\",\"body\":\"Hola\"}", answered);

  return g_strdup_printf (
    "{\"id\":\"%s\",\"queue_id\":\"%s\",\"channel\":\"%s\",\"subject\":\"Pago\","
    "\"customer_id\":\"c-%s\",\"status\":\"%s\",\"created_at\":\"%s\",\"messages\":["
    "{\"id\":\"m-1\",\"author_kind\":\"customer\",\"at\":\"%s\",\"body\":\"?\"}%s]}",
    id, queue_id, channel, id, answer_s >= 0 ? "resolved" : "open", created, created,
    reply != NULL ? reply : "");
}

static void
ingest_contacts (PulseTestServer *ts)
{
  g_autofree char *t1 = contact ("t-1", "q-ua-chat", "chat", 300, -1);
  g_autofree char *t2 = contact ("t-2", "q-ua-chat", "chat", 30, -1);
  g_autofree char *t3 = contact ("t-3", "q-es-phone", "phone", 1200, 10);
  g_autofree char *body = g_strdup_printf ("{\"items\":[%s,%s,%s]}", t1, t2, t3);

  pulse_test_live_ingest (ts, "tickets", body);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
  const char *first_id;
  guint       first_waiting;
} RowsWanted;

static PulseQueueRow *
row_at (GListModel *model,
        guint       position)
{
  g_autoptr(PulseQueueRow) row = g_list_model_get_item (model, position);

  return row;
}

static const char *
id_at (GListModel *model,
       guint       position)
{
  return pulse_queue_get_id (pulse_queue_row_get_queue (row_at (model, position)));
}

static gboolean
rows_are (gpointer user_data)
{
  RowsWanted *wanted = user_data;

  if (g_list_model_get_n_items (wanted->model) != wanted->n_items)
    return FALSE;
  if (wanted->first_id == NULL)
    return TRUE;

  return g_strcmp0 (id_at (wanted->model, 0), wanted->first_id) == 0
         && pulse_queue_row_get_waiting (row_at (wanted->model, 0)) == wanted->first_waiting;
}

static void
wait_rows (GListModel *model,
           guint       n_items,
           const char *first_id,
           guint       first_waiting)
{
  RowsWanted wanted = { model, n_items, first_id, first_waiting };

  g_assert_true (pulse_test_wait_for (rows_are, &wanted, WAIT_MS));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_error ("no column %s", title);
}

static void
test_live_rows (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autofree char *t4 = NULL;
  g_autofree char *body = NULL;
  PulseQueueRow *first;
  PulseWindow *window;
  GtkColumnView *view;
  GtkWidget *page, *search, *toggle;
  GListModel *model;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  pulse_test_live_ingest (ts, "directory", directory);
  ingest_contacts (ts);
  session = pulse_test_live_sign_in (ts);
  window = pulse_test_ui_open_window (session, 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "queues"));

  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_QUEUES_PAGE, NULL);
  view = GTK_COLUMN_VIEW (pulse_test_ui_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL));
  model = G_LIST_MODEL (gtk_column_view_get_model (view));

  /* Worst first: Ukrainian chat has two waiting, one for 5 minutes
   * against a 20 s target: a breach. */
  wait_rows (model, 3, "q-ua-chat", 2);
  first = row_at (model, 0);
  g_assert_cmpint (pulse_queue_row_get_health (first), ==, PULSE_QUEUE_HEALTH_BREACH);
  g_assert_cmpint (pulse_queue_row_get_oldest_wait (first), >=, 300);
  g_assert_cmpint (pulse_queue_row_get_health (row_at (model, 1)), ==, PULSE_QUEUE_HEALTH_OK);
  g_assert_cmpstr (id_at (model, 1), ==, "q-es-phone");
  g_assert_cmpfloat (pulse_queue_row_get_service_level (row_at (model, 1)), ==, 1.0);
  g_assert_cmpint (pulse_queue_row_get_health (row_at (model, 2)), ==, PULSE_QUEUE_HEALTH_QUIET);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "queues-live");

  /* A new contact waits in Ukrainian chat: the same row counts three. */
  t4 = contact ("t-4", "q-ua-chat", "chat", 5, -1);
  body = g_strdup_printf ("{\"items\":[%s]}", t4);
  pulse_test_live_ingest (ts, "tickets", body);
  wait_rows (model, 3, "q-ua-chat", 3);
  g_assert_true (row_at (model, 0) == first);

  /* Sorted by name, ascending. */
  gtk_column_view_sort_by_column (view, column_titled (view, "Queue"), GTK_SORT_ASCENDING);
  g_assert_cmpstr (id_at (model, 0), ==, "q-kz-email");
  g_assert_cmpstr (id_at (model, 1), ==, "q-es-phone");
  g_assert_cmpstr (id_at (model, 2), ==, "q-ua-chat");

  /* Search by country or channel; then only what is off target. */
  search = pulse_test_ui_find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "phone");
  wait_rows (model, 1, "q-es-phone", 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_rows (model, 3, NULL, 0);
  toggle = pulse_test_ui_find_widget (page, GTK_TYPE_TOGGLE_BUTTON, NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  wait_rows (model, 1, "q-ua-chat", 3);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

/* The header's period: a choice sets the session's period, the views
 * the pages count with follow, and the button names it. */
static void
test_period (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *button, *choices;
  PulseKpiView *view;
  gint64 from = 0, to = 0;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  session = pulse_test_live_sign_in (ts);
  window = pulse_test_ui_open_window (session, 1280, 800);
  button = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_PERIOD_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (pulse_period_button_get_label (PULSE_PERIOD_BUTTON (button)), ==, "Today");

  choices = pulse_test_ui_find_widget (button, GTK_TYPE_LIST_BOX, NULL);
  g_signal_emit_by_name (choices, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (choices), 2));
  g_assert_cmpint (pulse_session_get_kpi_window (session), ==, PULSE_KPI_WINDOW_7_DAYS);
  g_assert_cmpstr (pulse_period_button_get_label (PULSE_PERIOD_BUTTON (button)), ==,
                   "Last 7 days");
  view = pulse_session_get_kpi_view (session, PULSE_KPI_GROUP_QUEUE);
  g_assert_nonnull (view);
  g_assert_cmpint (pulse_kpi_view_get_window (view), ==, PULSE_KPI_WINDOW_7_DAYS);

  /* Yesterday is a whole UTC day before today. */
  g_signal_emit_by_name (choices, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (choices), 1));
  g_assert_cmpint (pulse_session_get_kpi_window (session), ==, PULSE_KPI_WINDOW_CUSTOM);
  pulse_session_get_kpi_range (session, &from, &to);
  g_assert_cmpint (to - from, ==, G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC);
  g_assert_cmpint (to, <=, g_get_real_time ());
  g_assert_cmpint (pulse_kpi_view_get_from (view), ==, from);
  g_assert_cmpstr (pulse_period_button_get_label (PULSE_PERIOD_BUTTON (button)), ==, "Yesterday");

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static gboolean
has_one_alert (gpointer list)
{
  return gtk_list_box_get_row_at_index (list, 0) != NULL
         && gtk_list_box_get_row_at_index (list, 1) == NULL;
}

/* The Overview: the period's figures, the alerts and the last day. */
static void
test_overview (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autofree char *t1 = contact ("t-1", "q-ua-chat", "chat", 300, -1);
  g_autofree char *t2 = contact ("t-2", "q-ua-chat", "chat", 30, -1);
  g_autofree char *t3 = contact ("t-3", "q-es-phone", "phone", 240, 10);
  g_autofree char *body = NULL;
  g_autofree char *rating = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC;
  g_autofree char *rated_at = pulse_time_format (now - 60 * G_USEC_PER_SEC);
  PulseWindow *window;
  GtkWidget *page, *alerts, *row;
  PulseBarChart *chart;
  double total = 0;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  pulse_test_live_ingest (ts, "directory", directory);
  body = g_strdup_printf ("{\"items\":[%s,%s,%s]}", t1, t2, t3);
  pulse_test_live_ingest (ts, "tickets", body);
  rating = g_strdup_printf ("{\"ticket_id\":\"t-3\",\"rating\":{\"kind\":\"csat\","
                            "\"score\":5,\"at\":\"%s\"}}", rated_at);
  pulse_test_live_ingest (ts, "ratings", rating);
  session = pulse_test_live_sign_in (ts);
  /* A week, so a test run just after midnight counts the same. */
  pulse_session_set_kpi_window (session, PULSE_KPI_WINDOW_7_DAYS);
  window = pulse_test_ui_open_window (session, 1280, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "overview"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_OVERVIEW_PAGE, NULL);

  pulse_test_live_wait_tile (page, "Contacts", "3");
  /* t-3 answered in 10 s; t-1 and t-2 wait past 20 s: 1 of 3. */
  pulse_test_live_wait_tile (page, "Service level", "33 %");
  pulse_test_live_wait_tile (page, "CSAT", "100 %");
  pulse_test_live_wait_tile (page, "First response", "10 s");
  pulse_test_live_wait_tile (page, "Waiting now", "2");

  /* One alert, for the Ukrainian chat queue. */
  alerts = pulse_test_ui_find_widget (page, GTK_TYPE_LIST_BOX, NULL);
  g_assert_true (pulse_test_wait_for (has_one_alert, alerts, WAIT_MS));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (alerts), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Ukraine · chat");

  /* The last day's bars hold the three contacts, the last bar now. */
  chart = PULSE_BAR_CHART (pulse_test_ui_find_widget (page, PULSE_TYPE_BAR_CHART, NULL));
  g_assert_cmpuint (pulse_bar_chart_get_n_bars (chart), ==, 24);
  for (guint i = 0; i < 24; i++)
    total += pulse_bar_chart_get_value (chart, i);
  g_assert_cmpfloat (total, ==, 3);

  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "overview-live");
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/live/queues-live-rows", test_live_rows);
  g_test_add_func ("/pulse/ui/live/queues-period", test_period);
  g_test_add_func ("/pulse/ui/live/overview", test_overview);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
