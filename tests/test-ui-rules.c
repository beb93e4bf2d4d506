/* test-ui-rules.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Rules page and its editor against a real server on loopback, under
 * a display: a lead creates a rule in the editor (a look-alike letter is
 * caught and corrected on the way, a missing name is named), moves it up
 * with the keyboard action, switches one off, replays a draft, and sees
 * the flags; each change is checked on the server. A viewer sees no
 * control that edits.
 */

#include "config.h"

#include "pulse-audit-list.h"
#include "pulse-rule-bench.h"
#include "pulse-rule-editor.h"
#include "pulse-rule-phrase-row.h"
#include "pulse-rule-replay-view.h"
#include "pulse-rule-row.h"
#include "pulse-rules-page.h"
#include "pulse-test-live.h"
#include "pulse-test-util.h"
#include "test-ui-util.h"

#define WAIT_MS PULSE_TEST_LIVE_WAIT_MS

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static PulseRuleRow *
row_at (GtkWidget *page,
        int        index)
{
  GtkListBox *list = GTK_LIST_BOX (find_by_id (page, "rules_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL && PULSE_IS_RULE_ROW (row) ? PULSE_RULE_ROW (row) : NULL;
}

typedef struct
{
  GtkWidget  *page;
  guint       n;
  const char *title;
  const char *flags;
} RowWait;

/* Row @n - 1 exists, with @title if given, and its flags hold @flags. */
static gboolean
row_is (gpointer user_data)
{
  RowWait *wait = user_data;
  PulseRuleRow *row = row_at (wait->page, wait->n - 1);
  const char *flags;

  if (row == NULL)
    return FALSE;
  if (wait->title != NULL &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), wait->title) != 0)
    return FALSE;
  flags = pulse_rule_row_get_flags (row);
  return wait->flags == NULL || (flags != NULL && strstr (flags, wait->flags) != NULL);
}

static JsonObject *
server_rule (PulseTestServer *ts,
             const char      *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/rules/", id, NULL);
  PulseTestResponse *r = pulse_test_server_request (ts, "GET", path,
                                                    pulse_test_server_get_token (ts,
                                                                                 PULSE_ROLE_VIEWER),
                                                    NULL, NULL);
  JsonObject *object = NULL;

  if (r->status == 200)
    object = json_object_ref (pulse_test_response_object (r));
  pulse_test_response_free (r);
  return object;
}

/* The rule the editor made, by its name: its id, once the server has it. */
static char *
find_created (PulseTestServer *ts,
              const char      *name)
{
  g_autoptr(PulseTestResponse) r = NULL;
  JsonArray *rules;

  r = pulse_test_server_request (ts, "GET", "/api/v1/rules",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_VIEWER), NULL, NULL);
  rules = json_object_get_array_member (pulse_test_response_object (r), "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);

      if (g_str_equal (json_object_get_string_member (rule, "name"), name))
        return g_strdup (json_object_get_string_member (rule, "id"));
    }

  return NULL;
}

static gboolean
created_cb (gpointer ts)
{
  g_autofree char *id = find_created (ts, "Card stolen");

  return id != NULL;
}

typedef struct
{
  PulseTestServer *ts;
  const char      *id;
  const char      *member;
  gint64           value;
} ServerWait;

static gboolean
server_has (gpointer user_data)
{
  ServerWait *wait = user_data;
  g_autoptr(JsonObject) rule = server_rule (wait->ts, wait->id);

  return rule != NULL && json_object_has_member (rule, wait->member) &&
         json_node_get_int (json_object_get_member (rule, wait->member)) == wait->value;
}

static void
make_rules (PulseTestServer *ts)
{
  pulse_test_live_create (ts, PULSE_ROLE_LEAD, "rules",
    "{\"id\":\"rule-any\",\"name\":\"Any card\",\"position\":1,\"enabled\":true,"
    "\"phrases\":[{\"text\":\"картку\",\"mode\":\"whole-word\",\"field\":\"any\"}],"
    "\"actions\":[{\"kind\":\"tag\",\"value\":\"card\"}]}");
  pulse_test_live_create (ts, PULSE_ROLE_LEAD, "rules",
    "{\"id\":\"rule-card\",\"name\":\"Card blocked\",\"position\":2,\"enabled\":true,"
    "\"phrases\":[{\"text\":\"картку заблоковано\",\"mode\":\"phrase\",\"field\":\"any\"}],"
    "\"actions\":[{\"kind\":\"close\"}]}");
}

static PulseRuleEditor *
open_new_editor (GtkWidget *page)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (page, "rules.new", NULL));
  editor = pulse_test_ui_find_toplevel (PULSE_TYPE_RULE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (pulse_test_wait_for (pulse_test_ui_is_mapped, editor, WAIT_MS));
  return PULSE_RULE_EDITOR (editor);
}

/* A new rule, typed in: «Kартку вкрали» with a Latin K, caught and
 * corrected; saved once the name is there. */
static void
create_in_editor (PulseTestServer *ts,
                  GtkWidget       *page)
{
  PulseRuleEditor *editor = open_new_editor (page);
  GtkWidget *phrase_row = pulse_test_ui_find_widget (GTK_WIDGET (editor),
                                                     PULSE_TYPE_RULE_PHRASE_ROW, NULL);
  GtkWidget *entry = pulse_test_ui_find_widget (phrase_row, GTK_TYPE_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Kартку вкрали");
  g_assert_cmpstr (pulse_rule_phrase_row_get_warning (PULSE_RULE_PHRASE_ROW (phrase_row)), ==,
                   "“Kартку” mixes Latin and Cyrillic letters. Rules compare the corrected "
                   "spelling: “Картку вкрали”.");
  gtk_switch_set_active (GTK_SWITCH (find_by_id (GTK_WIDGET (editor), "close_switch")), TRUE);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (editor), "rules-editor");

  g_assert_false (pulse_rule_editor_save (editor));
  g_assert_cmpstr (pulse_rule_editor_get_message (editor), ==,
                   "Name: give the rule a name the team will recognise.");

  g_assert_true (pulse_rule_phrase_row_apply_correction (PULSE_RULE_PHRASE_ROW (phrase_row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Картку вкрали");
  g_assert_null (pulse_rule_phrase_row_get_warning (PULSE_RULE_PHRASE_ROW (phrase_row)));
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (editor), "name_row")),
                         "Card stolen");
  g_assert_true (pulse_rule_editor_save (editor));
  g_assert_true (pulse_test_wait_for (created_cb, ts, WAIT_MS));
}

static void
check_created (PulseTestServer *ts,
               const char      *id)
{
  g_autoptr(JsonObject) rule = server_rule (ts, id);
  JsonObject *phrase;

  g_assert_nonnull (rule);
  g_assert_cmpint (json_object_get_int_member (rule, "position"), ==, 3);
  g_assert_true (json_object_get_boolean_member (rule, "enabled"));
  phrase = json_array_get_object_element (json_object_get_array_member (rule, "phrases"), 0);
  g_assert_cmpstr (json_object_get_string_member (phrase, "text"), ==, "Картку вкрали");
  g_assert_cmpstr (json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (rule, "actions"), 0), "kind"),
    ==, "close");
}

static void
scroll_to_end (GtkWidget *editor)
{
  GtkWidget *scrolled = pulse_test_ui_find_widget (find_by_id (editor, "page"),
                                                   GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  pulse_test_ui_wait_for_frames (editor, 2);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static gboolean
has_results (gpointer list)
{
  return gtk_list_box_get_row_at_index (list, 2) != NULL;
}

/* The bench finds the Latin «e» in «Пeревод» and says what fires. */
static void
test_bench (GtkWidget *page)
{
  GtkWidget *bench = pulse_test_ui_find_widget (page, PULSE_TYPE_RULE_BENCH, NULL);
  GtkWidget *entry = find_by_id (bench, "subject_entry");
  GtkWidget *view = find_by_id (bench, "text_view");
  GtkWidget *results = find_by_id (bench, "results");
  AdwActionRow *row;

  gtk_editable_set_text (GTK_EDITABLE (entry), "Пeревод");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Мою картку заблоковано", -1);
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (pulse_test_wait_for (has_results, results, WAIT_MS));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), 2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Пeревод");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Mixes Latin and Cyrillic letters; did you mean “Перевод”?");
}

static gboolean
has_entries (gpointer audit)
{
  return pulse_audit_list_get_n_entries (audit) >= 1;
}

static gboolean
replay_says (gpointer user_data)
{
  gpointer *args = user_data;

  return g_strcmp0 (pulse_rule_replay_view_get_status (args[0]), args[1]) == 0;
}

/* Replays the stored rule-card: one contact today, taken by rule-any. */
static void
replay_in_editor (GtkWidget *page)
{
  PulseRuleRow *row = row_at (page, 1);
  GtkWindow *editor;
  GtkWidget *view;
  GtkWidget *audit;
  const char *wanted = "Would catch 0 of 1 contacts in the last 30 days. Its conditions also "
                       "hold on 1 contact an earlier rule takes.";

  g_signal_emit_by_name (row, "activated");
  editor = pulse_test_ui_find_toplevel (PULSE_TYPE_RULE_EDITOR);
  g_assert_true (pulse_test_wait_for (pulse_test_ui_is_mapped, editor, WAIT_MS));
  /* Its history: created by the lead. */
  audit = pulse_test_ui_find_widget (GTK_WIDGET (editor), PULSE_TYPE_AUDIT_LIST, NULL);
  g_assert_true (pulse_test_wait_for (has_entries, audit, WAIT_MS));
  view = pulse_test_ui_find_widget (GTK_WIDGET (editor), PULSE_TYPE_RULE_REPLAY_VIEW, NULL);
  g_signal_emit_by_name (view, "run");
  g_assert_true (pulse_test_wait_for (replay_says, (gpointer[]) { view, (gpointer) wanted },
                                      WAIT_MS));
  scroll_to_end (GTK_WIDGET (editor));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (editor), "rules-editor-replay");
  gtk_window_close (editor);
}

static void
ingest_today (PulseTestServer *ts)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before = g_date_time_add_hours (now, -1);
  g_autofree char *at = g_date_time_format (before, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *body = NULL;

  body = g_strdup_printf ("{\"id\":\"t-1\",\"queue_id\":\"q-ua\",\"channel\":\"chat\","
                          "\"subject\":\"Картка\",\"customer_id\":\"c-1\",\"status\":\"new\","
                          "\"created_at\":\"%s\",\"messages\":[{\"id\":\"m1\","
                          "\"author_kind\":\"customer\",\"at\":\"%s\","
                          "\"body\":\"Мою картку заблоковано\"}]}", at, at);
  pulse_test_live_ingest (ts, "tickets", body);
}

static void
test_lead (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) off = NULL;
  PulseWindow *window;
  GtkWidget *page;
  PulseRuleRow *row;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  make_rules (ts);
  ingest_today (ts);
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_LEAD);
  window = pulse_test_ui_open_window (session, 1280, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rules"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_RULES_PAGE, NULL);

  /* rule-card can never fire: rule-any, earlier, has «картку». */
  g_assert_true (pulse_test_wait_for (row_is, &(RowWait) { page, 2, "2. Card blocked",
                                                           "Shadowed" }, WAIT_MS));
  g_assert_true (pulse_test_wait_for (row_is, &(RowWait) { page, 2, NULL, "No hits in 30 days" },
                                      WAIT_MS));
  g_assert_null (pulse_rule_row_get_flags (row_at (page, 0)));
  test_bench (page);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "rules-page");
  replay_in_editor (page);

  create_in_editor (ts, page);
  id = find_created (ts, "Card stolen");
  check_created (ts, id);
  g_assert_true (pulse_test_wait_for (row_is, &(RowWait) { page, 3, "3. Card stolen", NULL },
                                      WAIT_MS));

  /* Alt+Up on the new rule: it runs before rule-card; only rule-card
   * moves (to 4), the new rule keeps its position and version. */
  gtk_widget_grab_focus (GTK_WIDGET (row_at (page, 2)));
  g_assert_true (gtk_widget_activate_action (page, "rules.move-focused", "i", -1));
  g_assert_true (pulse_test_wait_for (server_has,
                                      &(ServerWait) { ts, "rule-card", "position", 4 }, WAIT_MS));
  g_assert_true (server_has (&(ServerWait) { ts, id, "version", 1 }));
  g_assert_true (server_has (&(ServerWait) { ts, "rule-any", "version", 1 }));
  g_assert_true (pulse_test_wait_for (row_is, &(RowWait) { page, 3, "4. Card blocked", NULL },
                                      WAIT_MS));

  /* Switched off from its row. */
  row = row_at (page, 0);
  gtk_switch_set_active (pulse_rule_row_get_switch (row), FALSE);
  g_assert_true (pulse_test_wait_for (server_has,
                                      &(ServerWait) { ts, "rule-any", "version", 2 }, WAIT_MS));
  off = server_rule (ts, "rule-any");
  g_assert_false (json_object_get_boolean_member (off, "enabled"));

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static void
test_viewer (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page;
  GtkWindow *editor;
  PulseRuleRow *row;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  make_rules (ts);
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_PLANNER);
  window = pulse_test_ui_open_window (session, 1280, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rules"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_RULES_PAGE, NULL);
  g_assert_true (pulse_test_wait_for (row_is, &(RowWait) { page, 2, NULL, NULL }, WAIT_MS));

  g_assert_false (gtk_widget_get_visible (find_by_id (page, "new_button")));
  /* The action is off: nothing opens. */
  gtk_widget_activate_action (page, "rules.new", NULL);
  g_assert_null (pulse_test_ui_find_toplevel (PULSE_TYPE_RULE_EDITOR));
  row = row_at (page, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (pulse_rule_row_get_switch (row))));
  g_assert_null (pulse_test_ui_find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, NULL));

  /* The editor opens read-only: no Save, Delete, Replay or new phrase. */
  g_signal_emit_by_name (row, "activated");
  editor = pulse_test_ui_find_toplevel (PULSE_TYPE_RULE_EDITOR);
  g_assert_true (pulse_test_wait_for (pulse_test_ui_is_mapped, editor, WAIT_MS));
  g_assert_false (pulse_rule_editor_is_editable (PULSE_RULE_EDITOR (editor)));
  g_assert_cmpstr (pulse_rule_editor_get_message (PULSE_RULE_EDITOR (editor)), ==,
                   "Your role may read rules but not change them.");
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (editor), "save_button")));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (editor), "delete_group")));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (editor), "replay_group")));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (editor),
                                                      "add_phrase_button")));
  g_assert_false (gtk_widget_get_sensitive (find_by_id (GTK_WIDGET (editor), "rule_group")));
  g_assert_false (pulse_rule_editor_save (PULSE_RULE_EDITOR (editor)));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (editor), "rules-editor-read-only");
  gtk_window_close (editor);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static gboolean
has_rules (gpointer session)
{
  return g_list_model_get_n_items (pulse_session_get_list (session, PULSE_STATE_KIND_RULE)) == 2;
}

/* The page not shown makes no rows (pulse-lazy-bind.c); shown, it makes
 * them all, with their figures and shadows. */
static void
test_rows_when_shown (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PulseWindow *window;
  GtkWidget *page;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  make_rules (ts);
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_LEAD);
  /* A new window opens on the page last shown: not this one. */
  g_settings_set_string (settings, "last-page", "queues");
  window = pulse_test_ui_open_window (session, 1280, 900);
  g_assert_true (pulse_test_wait_for (has_rules, session, WAIT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_RULES_PAGE, NULL);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_null (row_at (page, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rules"));
  g_assert_nonnull (row_at (page, 1));
  g_assert_true (pulse_test_wait_for (row_is, &(RowWait) { page, 2, "2. Card blocked",
                                                           "Shadowed" }, WAIT_MS));
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/rules/lead", test_lead);
  g_test_add_func ("/pulse/ui/rules/read-only", test_viewer);
  g_test_add_func ("/pulse/ui/rules/rows-when-shown", test_rows_when_shown);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
