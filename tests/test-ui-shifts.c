/* test-ui-shifts.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Shifts page in a real window against a real server: a 5/2 pattern
 * applied to a team (the shifts come back through the server), one moved
 * by the keyboard action (twice, so the second is held until the first is
 * answered), the planning coverage following both, adherence from status
 * changes ingested into the server, and the page read-only for a viewer.
 */

#include "config.h"

#include "pulse-entity-list.h"
#include "pulse-planning.h"
#include "pulse-shift-block.h"
#include "pulse-shift-grid.h"
#include "pulse-shift-pattern-popover.h"
#include "pulse-shift.h"
#include "pulse-shifts-adherence.h"
#include "pulse-shifts-coverage.h"
#include "pulse-shifts-page.h"
#include "pulse-test-live.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"
#include "pulse-window.h"
#include "test-ui-util.h"

#define WAIT_MS PULSE_TEST_LIVE_WAIT_MS
#define HOUR    PULSE_USEC_PER_HOUR

/* Team t-ua: a1 in Kyiv, a2 in UTC, both on Ukrainian calls. */
static const char directory[] =
  "{\"teams\":[{\"id\":\"t-ua\",\"name\":\"Ukraine\"}],"
  "\"queues\":[{\"id\":\"q-a\",\"name\":\"Phone A\",\"channel\":\"phone\",\"country\":\"UA\","
  "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8}],"
  "\"agents\":["
  "{\"id\":\"a1\",\"name\":\"Olena\",\"team_id\":\"t-ua\",\"position\":\"agent\","
  "\"status\":\"offline\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\"],"
  "\"languages\":[\"uk\"],\"timezone\":\"Europe/Kyiv\"},"
  "{\"id\":\"a2\",\"name\":\"Taras\",\"team_id\":\"t-ua\",\"position\":\"agent\","
  "\"status\":\"offline\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\"],"
  "\"languages\":[\"uk\"],\"timezone\":\"UTC\"}]}";

typedef struct
{
  PulseShiftsPage *page;
  guint            interval;
  int              scheduled;
} Figure;

static PulseShiftsCoverage *
coverage_of (PulseShiftsPage *page)
{
  return PULSE_SHIFTS_COVERAGE (pulse_test_ui_find_widget (GTK_WIDGET (page),
                                                           PULSE_TYPE_SHIFTS_COVERAGE, NULL));
}

static PulseShiftGrid *
grid_of (PulseShiftsPage *page)
{
  return PULSE_SHIFT_GRID (pulse_test_ui_find_widget (GTK_WIDGET (page), PULSE_TYPE_SHIFT_GRID,
                                                      NULL));
}

/* The planning coverage shows @scheduled agents in @interval of the week. */
static gboolean
shows_scheduled (gpointer user_data)
{
  Figure *figure = user_data;
  PulseShiftsCoverage *coverage = coverage_of (figure->page);
  PulsePlanning *planning = pulse_shifts_coverage_get_planning (coverage);
  PulsePlanningCell total;

  if (!pulse_shifts_coverage_is_settled (coverage) || planning == NULL)
    return FALSE;

  pulse_planning_get_total (planning, figure->interval, &total);
  return total.scheduled == figure->scheduled;
}

static void
wait_scheduled (PulseShiftsPage *page,
                guint            interval,
                int              scheduled)
{
  Figure figure = { page, interval, scheduled };

  g_test_message ("waiting for %d scheduled in interval %u", scheduled, interval);
  g_assert_true (pulse_test_wait_for (shows_scheduled, &figure, WAIT_MS));
}

typedef struct
{
  PulseShiftGrid *grid;
  guint           n_blocks;
} Blocks;

static gboolean
has_blocks (gpointer user_data)
{
  Blocks *blocks = user_data;

  if (g_test_verbose ())
    g_test_message ("%u blocks, want %u", pulse_shift_grid_get_n_blocks (blocks->grid),
                    blocks->n_blocks);
  return pulse_shift_grid_get_n_blocks (blocks->grid) == blocks->n_blocks;
}

static gboolean
coverage_settled (gpointer page)
{
  return pulse_shifts_coverage_is_settled (coverage_of (page));
}

/* The grid has its rows: the directory has reached the page. */
static gboolean
shows_agents (gpointer page)
{
  GtkStack *stack = pulse_test_ui_find_stack (page, "grid");

  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "grid") == 0;
}

static PulseShiftsPage *
open_page (PulseSession  *session,
           PulseWindow  **window)
{
  PulseShiftsPage *page;

  *window = pulse_test_ui_open_window (session, 1280, 900);
  pulse_window_set_visible_page (*window, "shifts");
  page = PULSE_SHIFTS_PAGE (pulse_test_ui_find_widget (GTK_WIDGET (*window),
                                                       PULSE_TYPE_SHIFTS_PAGE, NULL));
  g_assert_nonnull (page);
  g_assert_true (pulse_test_wait_for (shows_agents, page, WAIT_MS));
  g_assert_true (pulse_test_wait_for (coverage_settled, page, WAIT_MS));
  return page;
}

/* a2's Monday shift of the week shown. */
static PulseShiftBlock *
monday_block (PulseShiftsPage *page,
              gint64           monday)
{
  PulseShiftGrid *grid = grid_of (page);

  for (guint i = 0; i < pulse_shift_grid_get_n_blocks (grid); i++)
    {
      PulseShiftBlock *block = PULSE_SHIFT_BLOCK (pulse_shift_grid_get_block (grid, i));
      PulseShift *shift = pulse_shift_block_get_shift (block);

      if (g_str_equal (pulse_shift_get_agent_id (shift), "a2")
          && pulse_shift_get_starts_at (shift) >= monday
          && pulse_shift_get_starts_at (shift) < monday + 24 * HOUR)
        return block;
    }

  return NULL;
}

typedef struct
{
  PulseSession *session;
  const char   *id;
  gint64        starts_at;
} Stored;

static gboolean
is_stored (gpointer user_data)
{
  Stored *stored = user_data;
  PulseShift *shift = pulse_entity_list_lookup (
    PULSE_ENTITY_LIST (pulse_session_get_list (stored->session, PULSE_STATE_KIND_SHIFT)),
    stored->id);

  if (shift != NULL && g_test_verbose ())
    g_test_message ("stored %s v%" G_GINT64_FORMAT " at %" G_GINT64_FORMAT ", want %"
                    G_GINT64_FORMAT, stored->id, pulse_shift_get_version (shift),
                    pulse_shift_get_starts_at (shift), stored->starts_at);
  return shift != NULL && pulse_shift_get_starts_at (shift) == stored->starts_at;
}


/* Monday's intervals from 00:00 UTC (TZ=UTC): 07:00 is 14, 09:00 18,
 * 10:00 20, 18:00 36. 5/2 books a1 07:00–16:00 UTC (09:00 in Kyiv) with
 * a break 11:00–12:00, a2 09:00–18:00 with one 13:00–14:00. Moved an hour
 * later, a2 works 10:00–19:00. */
static void
test_pattern_and_move (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autofree char *before = NULL;
  PulseShiftPatternPopover *popover;
  PulseShiftsPage *page;
  PulseShiftBlock *block;
  PulseWindow *window;
  Blocks blocks;
  Stored stored;
  gint64 monday;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  pulse_test_live_ingest (ts, "directory", directory);
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_PLANNER);
  page = open_page (session, &window);
  monday = g_date_time_to_unix (pulse_shifts_page_get_first_day (page)) * G_USEC_PER_SEC;
  g_assert_true (pulse_test_wait_for (coverage_settled, page, WAIT_MS));
  wait_scheduled (page, 18, 0);
  before = g_strdup (pulse_shifts_coverage_get_summary (coverage_of (page)));

  popover = PULSE_SHIFT_PATTERN_POPOVER (pulse_test_ui_find_widget (
    GTK_WIDGET (page), PULSE_TYPE_SHIFT_PATTERN_POPOVER, NULL));
  pulse_shift_pattern_popover_set_choice (popover, PULSE_SHIFT_PATTERN_CHOICE_5_2);
  pulse_shift_pattern_popover_apply (popover);

  blocks = (Blocks) { grid_of (page), 10 };
  g_assert_true (pulse_test_wait_for (has_blocks, &blocks, WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (pulse_session_get_list (session,
                                                                      PULSE_STATE_KIND_SHIFT)),
                    ==, 10);
  wait_scheduled (page, 14, 1);
  wait_scheduled (page, 18, 2);
  wait_scheduled (page, 36, 0);
  g_assert_cmpstr (pulse_shifts_coverage_get_summary (coverage_of (page)), !=, before);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "shifts-week");

  block = monday_block (page, monday);
  g_assert_nonnull (block);
  stored = (Stored) { session, pulse_shift_get_id (pulse_shift_block_get_shift (block)),
                      monday + 10 * HOUR };
  gtk_widget_grab_focus (GTK_WIDGET (block));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block), "shift.move-later", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block), "shift.move-later", NULL));
  /* Both presses reach the server, the second once the first is answered. */
  g_test_message ("waiting for the moved shift");
  g_assert_true (pulse_test_wait_for (is_stored, &stored, WAIT_MS));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (monday_block (page, monday))));
  wait_scheduled (page, 18, 1);
  wait_scheduled (page, 20, 2);
  wait_scheduled (page, 36, 1);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (pulse_test_ui_find_widget (
    GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, NULL)), "coverage");
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "shifts-coverage");
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

typedef struct
{
  PulseShiftsAdherence *adherence;
  const char           *prefix;
  guint                 n_fetches;
} Summary;

static gboolean
has_fetched (gpointer user_data)
{
  Summary *summary = user_data;

  return pulse_shifts_adherence_get_n_fetches (summary->adherence) > summary->n_fetches;
}

static const char *
row_subtitle (GtkWidget  *root,
              const char *title)
{
  if (ADW_IS_ACTION_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_subtitle (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
summary_starts (gpointer user_data)
{
  Summary *summary = user_data;
  const char *text = pulse_shifts_adherence_get_summary (summary->adherence);

  return text != NULL && g_str_has_prefix (text, summary->prefix);
}

static void
ingest_status (PulseTestServer *ts,
               const char      *status,
               gint64           at)
{
  g_autofree char *when = pulse_time_format (at);
  g_autofree char *body = g_strdup_printf ("{\"items\":[{\"agent_id\":\"a1\",\"status\":\"%s\","
                                           "\"at\":\"%s\"}]}", status, when);

  pulse_test_live_ingest (ts, "agent-status", body);
}

/* a1 has a shift around now; a2 none. a1 online: 1 on shift, online.
 * Then a1 goes offline: on shift, not online. */
static void
test_adherence (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *shift = NULL;
  PulseShiftsPage *page;
  PulseWindow *window;
  Summary summary;
  gint64 now = g_get_real_time ();
  guint n_fetches;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  pulse_test_live_ingest (ts, "directory", directory);
  start = pulse_time_format (now - 2 * HOUR);
  end = pulse_time_format (now + 2 * HOUR);
  shift = g_strdup_printf ("{\"id\":\"now\",\"agent_id\":\"a1\",\"kind\":\"work\","
                           "\"starts_at\":\"%s\",\"ends_at\":\"%s\"}", start, end);
  pulse_test_live_create (ts, PULSE_ROLE_PLANNER, "shifts", shift);
  ingest_status (ts, "available", now - HOUR / 2);

  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_VIEWER);
  page = open_page (session, &window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (pulse_test_ui_find_widget (
    GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, NULL)), "adherence");
  summary.adherence = PULSE_SHIFTS_ADHERENCE (pulse_test_ui_find_widget (
    GTK_WIDGET (page), PULSE_TYPE_SHIFTS_ADHERENCE, NULL));
  n_fetches = pulse_shifts_adherence_get_n_fetches (summary.adherence);
  pulse_shifts_adherence_refresh (summary.adherence);
  summary.prefix = "On shift now: 1 · online 1 · not online 0";
  g_assert_true (pulse_test_wait_for (summary_starts, &summary, WAIT_MS));
  summary.n_fetches = n_fetches;
  g_assert_true (pulse_test_wait_for (has_fetched, &summary, WAIT_MS));
  /* Today's figures: an hour and a half online of the plan so far. */
  g_assert_true (g_str_has_prefix (row_subtitle (GTK_WIDGET (summary.adherence), "Olena"),
                                   "Planned "));

  ingest_status (ts, "offline", g_get_real_time ());
  summary.prefix = "On shift now: 1 · online 0 · not online 1";
  g_assert_true (pulse_test_wait_for (summary_starts, &summary, WAIT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "shifts-adherence");
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
count_edit (guint *n_edits)
{
  (*n_edits)++;
}

/* The directory and a2's shift s1 on Wednesday 2 December, 09:00–18:00 UTC. */
static PulseTestServer *
server_with_one_shift (void)
{
  PulseTestServer *ts = pulse_test_server_new ();

  pulse_test_live_ingest (ts, "directory", directory);
  pulse_test_live_create (ts, PULSE_ROLE_PLANNER, "shifts",
                          "{\"id\":\"s1\",\"agent_id\":\"a2\",\"kind\":\"work\","
                          "\"starts_at\":\"2026-12-02T09:00:00Z\","
                          "\"ends_at\":\"2026-12-02T18:00:00Z\"}");
  return ts;
}

/* A viewer sees the shifts, a line saying why they cannot change them,
 * and no control that would. */
static void
test_read_only (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseShiftsPage *page;
  PulseWindow *window;
  g_autoptr(GDateTime) wednesday = g_date_time_new_utc (2026, 12, 2, 0, 0, 0);
  GtkWidget *block;
  GtkWidget *button;
  GtkWidget *why;
  Blocks blocks;
  guint n_edits = 0;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = server_with_one_shift ();
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_VIEWER);
  page = open_page (session, &window);
  pulse_shifts_page_set_week (page, wednesday);
  blocks = (Blocks) { grid_of (page), 1 };
  g_assert_true (pulse_test_wait_for (has_blocks, &blocks, WAIT_MS));

  block = pulse_shift_grid_find_block (grid_of (page), "s1");
  g_assert_nonnull (block);
  g_signal_connect_swapped (grid_of (page), "shift-edit", G_CALLBACK (count_edit), &n_edits);
  gtk_widget_activate_action (block, "shift.move-later", NULL);
  gtk_widget_activate_action (block, "shift.lengthen", NULL);
  g_assert_cmpuint (n_edits, ==, 0);
  why = find_label (GTK_WIDGET (page), "Your role may see shifts but not change them; "
                    "planners edit them.");
  g_assert_nonnull (why);
  g_assert_true (gtk_widget_get_visible (why));
  button = pulse_test_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_false (gtk_widget_get_sensitive (button));
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static gboolean
has_one_shift (gpointer session)
{
  return g_list_model_get_n_items (pulse_session_get_list (session, PULSE_STATE_KIND_SHIFT)) == 1;
}

/* Whether the page follows @item's changes in place (its mark). */
static gboolean
is_followed (PulseShiftsPage *page,
             GListModel      *list,
             const char      *id)
{
  g_autoptr(GObject) item = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (list, i);

      if (g_str_equal (pulse_shift_get_id (PULSE_SHIFT (candidate)), id))
        item = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (item);
  return g_object_get_qdata (item, g_quark_from_static_string ("pulse-shifts-page-shift")) == page;
}

/* The interval of the page's week that begins at @at (µs). */
static guint
interval_at (PulseShiftsPage *page,
             gint64           at)
{
  gint64 monday = g_date_time_to_unix (pulse_shifts_page_get_first_day (page)) * G_USEC_PER_SEC;

  return (guint) ((at - monday) / (30 * G_USEC_PER_SEC * 60));
}

/* The page not shown builds no grid (its rows cost a time zone each) and
 * follows no shift (that decodes them all at each new state); shown, it
 * builds the grid at once, with the shift already there, and follows
 * the shift's changes in place from then on. */
static void
test_refreshed_when_shown (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) wednesday = g_date_time_new_utc (2026, 12, 2, 0, 0, 0);
  g_autoptr(PulseTestResponse) moved = NULL;
  GListModel *shifts;
  PulseShiftsPage *page;
  PulseWindow *window;
  gint64 last_half_hour = 0;

  if (pulse_test_ui_skip_without_display ())
    return;

  g_assert_true (pulse_time_parse ("2026-12-02T17:30:00Z", &last_half_hour));
  ts = server_with_one_shift ();
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_PLANNER);
  /* A new window opens on the page last shown: not this one. */
  g_settings_set_string (settings, "last-page", "queues");
  window = pulse_test_ui_open_window (session, 1280, 900);
  page = PULSE_SHIFTS_PAGE (pulse_test_ui_find_widget (GTK_WIDGET (window),
                                                       PULSE_TYPE_SHIFTS_PAGE, NULL));
  pulse_shifts_page_set_week (page, wednesday);
  g_assert_true (pulse_test_wait_for (has_one_shift, session, WAIT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  shifts = pulse_session_get_list (session, PULSE_STATE_KIND_SHIFT);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (pulse_shift_grid_get_n_blocks (grid_of (page)), ==, 0);
  g_assert_false (is_followed (page, shifts, "s1"));

  pulse_window_set_visible_page (window, "shifts");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (pulse_shift_grid_get_n_blocks (grid_of (page)), ==, 1);
  g_assert_true (shows_agents (page));
  g_assert_nonnull (pulse_shift_grid_find_block (grid_of (page), "s1"));
  g_assert_true (is_followed (page, shifts, "s1"));
  wait_scheduled (page, interval_at (page, last_half_hour), 1);

  /* Someone else ends the shift at 16:00: the same item changes in place
   * and the page's coverage follows. */
  moved = pulse_test_server_request (ts, "PUT", "/api/v1/shifts/s1",
                                     pulse_test_server_get_token (ts, PULSE_ROLE_PLANNER),
                                     "{\"agent_id\":\"a2\",\"kind\":\"work\","
                                     "\"starts_at\":\"2026-12-02T09:00:00Z\","
                                     "\"ends_at\":\"2026-12-02T16:00:00Z\"}",
                                     "If-Match", "1", NULL);
  g_assert_cmpuint (moved->status, ==, 200);
  wait_scheduled (page, interval_at (page, last_half_hour), 0);
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/shifts/pattern-and-move", test_pattern_and_move);
  g_test_add_func ("/pulse/ui/shifts/adherence", test_adherence);
  g_test_add_func ("/pulse/ui/shifts/read-only", test_read_only);
  g_test_add_func ("/pulse/ui/shifts/refreshed-when-shown", test_refreshed_when_shown);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
