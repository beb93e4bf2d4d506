/* test-ui-mentors.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Mentors page on a real display against a real in-process server:
 * a lead assigns a mentor to a newcomer hired 40 days ago, the usual plan
 * starts at the hire (email overdue since day 7, chat since day 37), a
 * milestone signed off in the page opens chat to the agent on the server,
 * and a viewer sees the page read-only. The demo's page is rendered too.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-agent.h"
#include "pulse-agent-row.h"
#include "pulse-agents-page.h"
#include "pulse-mentor-detail.h"
#include "pulse-mentors-page.h"
#include "pulse-mentorship.h"
#include "pulse-test-live.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"
#include "test-ui-util.h"

#define DAY PULSE_USEC_PER_DAY
/* Sanitized builds on a shared machine answer slowly. */
#define WAIT_MS 60000

typedef struct
{
  PulseSession *session;
  const char   *agent_id;
  guint         channel;
} ChannelWait;

static char *
directory_json (gint64 now)
{
  g_autofree char *veteran = pulse_time_format (now - 400 * DAY);
  g_autofree char *hired = pulse_time_format (now - 40 * DAY);
  g_autofree char *since = pulse_time_format (now - PULSE_USEC_PER_HOUR);

  return g_strdup_printf (
    "{\"teams\":[{\"id\":\"team-kyiv\",\"name\":\"Kyiv desk\",\"lead_id\":\"a-lead\"}],"
    "\"agents\":["
    "{\"id\":\"a-lead\",\"name\":\"Olena Lead\",\"team_id\":\"team-kyiv\",\"position\":\"lead\","
    "\"status\":\"offline\",\"status_since\":\"%s\",\"channels\":[\"email\"],\"hired_at\":\"%s\"},"
    "{\"id\":\"a-m1\",\"name\":\"Taras Mentor\",\"team_id\":\"team-kyiv\","
    "\"position\":\"agent\",\"status\":\"offline\",\"status_since\":\"%s\","
    "\"channels\":[\"email\",\"chat\",\"phone\"],\"hired_at\":\"%s\"},"
    "{\"id\":\"a-n1\",\"name\":\"Ivan Newcomer\",\"team_id\":\"team-kyiv\","
    "\"position\":\"agent\",\"status\":\"offline\",\"status_since\":\"%s\","
    "\"channels\":[\"email\"],\"hired_at\":\"%s\"}]}",
    since, veteran, since, veteran, since, hired);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_named (gpointer data)
{
  gpointer *pair = data;

  return find_named (pair[0], pair[1]) != NULL && gtk_widget_get_mapped (find_named (pair[0],
                                                                                     pair[1]));
}

static GtkWidget *
wait_named (GtkWidget  *root,
            const char *name)
{
  gpointer pair[] = { root, (gpointer) name };

  g_test_message ("waiting for %s", name);
  g_assert_true (pulse_test_wait_for (has_named, pair, WAIT_MS));
  return find_named (root, name);
}

static gboolean
has_mentorship (gpointer session)
{
  GListModel *list = pulse_session_get_list (session, PULSE_STATE_KIND_MENTORSHIP);

  return g_list_model_get_n_items (list) == 1;
}

static gboolean
agent_has_channel (gpointer data)
{
  ChannelWait *wait = data;
  GListModel *agents = pulse_session_get_list (wait->session, PULSE_STATE_KIND_AGENT);

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, i);

      if (g_str_equal (pulse_agent_get_id (agent), wait->agent_id))
        return pulse_agent_has_channel (agent, wait->channel);
    }

  return FALSE;
}

typedef struct
{
  PulseSession *session;
  gint64        phone_at;
} PhoneWait;

/* The session's mentorship (from the server's event) has phone on @phone_at. */
static gboolean
phone_moved (gpointer data)
{
  PhoneWait *wait = data;
  GListModel *list = pulse_session_get_list (wait->session, PULSE_STATE_KIND_MENTORSHIP);
  g_autoptr(PulseMentorship) m = g_list_model_get_n_items (list) == 1
                                 ? g_list_model_get_item (list, 0) : NULL;

  return m != NULL &&
         pulse_mentorship_get_opens_at (m, PULSE_CHANNEL_KIND_PHONE) == wait->phone_at;
}

static guint
count_rows (GtkWidget *page,
            const char *name)
{
  GtkWidget *list = find_named (page, name);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

typedef struct
{
  GtkWidget  *page;
  const char *title;
} RowsWait;

/* The overdue list holds one row, for the newcomer, naming @title. */
static gboolean
has_overdue_row (gpointer data)
{
  RowsWait *wait = data;
  GtkWidget *row = gtk_widget_get_first_child (find_named (wait->page, "overdue-list"));

  if (row != NULL)
    g_test_message ("overdue: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return count_rows (wait->page, "overdue-list") == 1 &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), wait->title) == 0;
}

static void
choose_mentor (GtkWidget  *detail,
               const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (pulse_test_ui_find_widget (detail, GTK_TYPE_DROP_DOWN,
                                                                    NULL));
  GListModel *names = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *text = gtk_string_list_get_string (GTK_STRING_LIST (names), i);

      if (g_str_has_prefix (text, name))
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static char *
server_channels (PulseTestServer *ts)
{
  g_autoptr(PulseTestResponse) r = NULL;
  JsonArray *agents;
  GString *out = g_string_new (NULL);

  r = pulse_test_server_request (ts, "GET", "/api/v1/snapshot",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_VIEWER), NULL, NULL);
  agents = json_object_get_array_member (pulse_test_response_object (r), "agents");
  for (guint i = 0; i < json_array_get_length (agents); i++)
    {
      JsonObject *agent = json_array_get_object_element (agents, i);
      JsonArray *channels = json_object_get_array_member (agent, "channels");

      if (!g_str_equal (json_object_get_string_member (agent, "id"), "a-n1"))
        continue;
      for (guint c = 0; c < json_array_get_length (channels); c++)
        g_string_append_printf (out, "%s%s", c > 0 ? " " : "",
                                json_array_get_string_element (channels, c));
    }

  return g_string_free (out, FALSE);
}

/* The Agents page's table row of "a-n1" opens @channel (the Agents page
 * reads the same agent, updated by the server's agent.updated). */
static gboolean
agents_table_has_channel (gpointer data)
{
  gpointer *pair = data;
  GtkWidget *view = pulse_test_ui_find_widget (pair[0], GTK_TYPE_COLUMN_VIEW, NULL);
  GListModel *rows = NULL;

  if (view != NULL)
    rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PulseAgentRow) row = g_list_model_get_item (rows, i);
      guint channels = 0;

      g_object_get (row, "channels", &channels, NULL);
      if (g_str_equal (pulse_agent_row_get_id (row), "a-n1"))
        return (channels & (1u << GPOINTER_TO_UINT (pair[1]))) != 0;
    }

  return FALSE;
}

static GtkWidget *
open_page_sized (PulseSession *session,
                 PulseWindow **window,
                 int           width,
                 int           height)
{
  GtkWidget *page;

  *window = pulse_test_ui_open_window (session, width, height);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (*window), "win.show-page", "s",
                                             "mentors"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (*window), PULSE_TYPE_MENTORS_PAGE, NULL);
  g_assert_nonnull (page);
  return page;
}

static GtkWidget *
open_page (PulseSession *session,
           PulseWindow **window)
{
  return open_page_sized (session, window, 1280, 900);
}

static void
test_assign_and_sign_off (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *channels = NULL;
  GtkWidget *page, *row, *detail, *button;
  PulseWindow *window;
  ChannelWait chat = { NULL, "a-n1", PULSE_CHANNEL_KIND_CHAT };
  RowsWait two = { NULL, "Ivan Newcomer: Email, Chat" };
  RowsWait one = { NULL, "Ivan Newcomer: Email" };

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  directory = directory_json (g_get_real_time ());
  pulse_test_live_ingest (ts, "directory", directory);
  session = pulse_test_live_sign_in (ts);
  page = open_page (session, &window);

  /* The newcomer, with no mentor yet; the veterans are not newcomers. */
  row = wait_named (page, "a-n1");
  g_assert_null (find_named (page, "a-m1"));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  detail = pulse_test_ui_find_widget (page, PULSE_TYPE_MENTOR_DETAIL, NULL);
  g_assert_true (pulse_test_wait_for (pulse_test_ui_is_mapped, detail, WAIT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "mentors-unassigned");

  choose_mentor (detail, "Taras Mentor");
  g_signal_emit_by_name (find_named (detail, "assign"), "clicked");
  g_assert_true (pulse_test_wait_for (has_mentorship, session, WAIT_MS));

  /* Hired 40 days ago: email (day 0) and chat (day 30) are over a week
   * late, raised to the team's lead; phone (day 45) is to come. */
  two.page = page;
  g_assert_true (pulse_test_wait_for (has_overdue_row, &two, WAIT_MS));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_first_child (
                     find_named (page, "overdue-list")))), ==,
                   "40 days late · for Olena Lead, lead of Kyiv desk");
  button = wait_named (detail, "sign-off-chat");
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "mentors-assigned");

  g_signal_emit_by_name (button, "clicked");
  chat.session = session;
  g_assert_true (pulse_test_wait_for (agent_has_channel, &chat, WAIT_MS));
  channels = server_channels (ts);
  g_assert_cmpstr (channels, ==, "email chat");
  one.page = page;
  g_assert_true (pulse_test_wait_for (has_overdue_row, &one, WAIT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "mentors-signed-off");

  /* Phone moved to a week later by its date: the time of day stays. */
  {
    GListModel *list = pulse_session_get_list (session, PULSE_STATE_KIND_MENTORSHIP);
    g_autoptr(PulseMentorship) m = g_list_model_get_item (list, 0);
    gint64 phone = pulse_mentorship_get_opens_at (m, PULSE_CHANNEL_KIND_PHONE);
    PhoneWait moved = { session, phone + 7 * DAY };
    g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc ((phone + 7 * DAY) /
                                                               G_USEC_PER_SEC);
    g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");
    GtkWidget *entry = wait_named (detail, "date-phone");

    gtk_editable_set_text (GTK_EDITABLE (entry), text);
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (pulse_test_wait_for (phone_moved, &moved, WAIT_MS));
  }

  /* The Agents page shows chat open to the newcomer too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "agents"));
  {
    gpointer pair[] = { pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_AGENTS_PAGE,
                                                   NULL),
                        GUINT_TO_POINTER (PULSE_CHANNEL_KIND_CHAT) };

    g_assert_nonnull (pair[0]);
    g_assert_true (pulse_test_wait_for (agents_table_has_channel, pair,
                                        WAIT_MS));
  }

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
is_set (gpointer user_data)
{
  return *(gpointer *) user_data != NULL;
}

static gboolean
is_live (gpointer session)
{
  return pulse_session_get_connection_state (session) == PULSE_CONNECTION_STATE_LIVE;
}

static PulseSession *
sign_in_as (PulseTestServer *ts,
            PulseRole        role)
{
  PulseSession *session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  pulse_session_sign_in_async (session, ts->url, pulse_test_server_get_token (ts, role), NULL,
                               on_done_cb, &result);
  g_assert_true (pulse_test_wait_for (is_set, &result, WAIT_MS));
  g_assert_true (pulse_session_connect_finish (session, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_true (pulse_test_wait_for (is_live, session, WAIT_MS));
  return session;
}

/* A viewer reads the plan; every control is off and the page says why. */
static void
test_read_only (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *started = NULL;
  g_autofree char *body = NULL;
  GtkWidget *page, *row, *detail;
  PulseWindow *window;
  gint64 now = g_get_real_time ();

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  directory = directory_json (now);
  pulse_test_live_ingest (ts, "directory", directory);
  started = pulse_time_format (now - 40 * DAY);
  body = g_strdup_printf ("{\"id\":\"mt-1\",\"mentor_id\":\"a-m1\",\"newcomer_id\":\"a-n1\","
                          "\"status\":\"active\",\"started_at\":\"%s\",\"plan\":["
                          "{\"channel\":\"email\",\"opens_at\":\"%s\",\"signed_off_at\":\"%s\"}]}",
                          started, started, started);
  pulse_test_live_create (ts, PULSE_ROLE_LEAD, "mentorships", body);
  session = sign_in_as (ts, PULSE_ROLE_VIEWER);
  page = open_page (session, &window);

  row = wait_named (page, "a-n1");
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  detail = pulse_test_ui_find_widget (page, PULSE_TYPE_MENTOR_DETAIL, NULL);
  wait_named (detail, "sign-off-email");
  g_assert_false (gtk_widget_get_sensitive (find_named (detail, "sign-off-email")));
  g_assert_false (gtk_widget_get_sensitive (find_named (detail, "assign")));
  g_assert_false (gtk_widget_is_sensitive (find_named (detail, "decide-pass")));
  g_assert_false (gtk_widget_is_sensitive (find_named (detail, "date-test")));
  g_assert_true (gtk_widget_get_visible (find_named (page, "read-only-hint")));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "mentors-read-only");

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static gboolean
demo_has_mentorships (gpointer session)
{
  return pulse_session_get_connection_state (session) == PULSE_CONNECTION_STATE_LIVE &&
         g_list_model_get_n_items (pulse_session_get_list (session,
                                                           PULSE_STATE_KIND_MENTORSHIP)) > 0 &&
         g_list_model_get_n_items (pulse_session_get_list (session,
                                                           PULSE_STATE_KIND_AGENT)) >= 50;
}

/* The embedded simulation's newcomers, for a person to look at. */
static void
test_demo (void)
{
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  PulseWindow *window;
  GtkWidget *page, *list, *row;

  if (pulse_test_ui_skip_without_display ())
    return;
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("the demo's pictures need a build without sanitizers");
  return;
#endif

  g_setenv ("PULSE_DEMO_SIMULATE", "1", TRUE);
  session = pulse_session_new ();
  pulse_session_start_demo_async (session, NULL, on_done_cb, &result);
  g_assert_true (pulse_test_wait_for (is_set, &result, 60000));
  g_assert_true (pulse_session_start_demo_finish (session, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_true (pulse_test_wait_for (demo_has_mentorships, session, 60000));

  page = open_page (session, &window);
  list = find_named (page, "newcomers-list");
  g_assert_true (pulse_test_wait_for (pulse_test_ui_is_mapped, list, WAIT_MS));
  row = gtk_widget_get_first_child (list);
  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 4);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "mentors-demo");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 4);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "mentors-demo-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  pulse_test_ui_close_window (GTK_WINDOW (window));

  /* 800 px: the lists alone, then a newcomer's detail with a way back. */
  page = open_page_sized (session, &window, 800, 800);
  list = find_named (page, "newcomers-list");
  g_assert_true (pulse_test_wait_for (pulse_test_ui_is_mapped, list, WAIT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 4);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "mentors-demo-narrow");
  gtk_list_box_select_row (GTK_LIST_BOX (list),
                           GTK_LIST_BOX_ROW (gtk_widget_get_first_child (list)));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 4);
  g_assert_true (gtk_widget_get_mapped (find_named (page, "date-test")));
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "mentors-demo-narrow-detail");
  pulse_test_ui_close_window (GTK_WINDOW (window));
  pulse_session_disconnect (session);
  g_setenv ("PULSE_DEMO_SIMULATE", "0", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/mentors/assign-and-sign-off", test_assign_and_sign_off);
  g_test_add_func ("/pulse/ui/mentors/read-only", test_read_only);
  g_test_add_func ("/pulse/ui/mentors/demo", test_demo);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
