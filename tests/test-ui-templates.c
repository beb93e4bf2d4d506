/* test-ui-templates.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Templates page against a real in-process server: a reply in two
 * languages created through the item API, contacts answered with it
 * through ingest. The lead opens the Ukrainian version from the tree,
 * types a body with an unknown variable (the preview renders the sample
 * data, the checks name the variable), switches to the English version,
 * edits it and saves: both edits reach the server. A viewer sees the
 * page read-only. Rendered to tests/screenshots/templates-*.png.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-audit-list.h"
#include "pulse-template-editor.h"
#include "pulse-template-node.h"
#include "pulse-template-vars.h"
#include "pulse-templates-page.h"
#include "pulse-test-live.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"
#include "test-ui-util.h"

#define WAIT_MS PULSE_TEST_LIVE_WAIT_MS

static const char *versions[] = {
  "{\"id\":\"tpl-remind-uk\",\"name\":\"Нагадування\",\"language\":\"uk\","
  "\"channels\":[\"email\",\"telegram\"],\"family\":\"remind\",\"section\":\"Loans\","
  "\"category\":\"Repayment\",\"disclosure\":false,"
  "\"body\":\"Сплатіть {{loan.balance}}.\",\"variables\":[\"loan.balance\"]}",
  "{\"id\":\"tpl-remind-en\",\"name\":\"Reminder\",\"language\":\"en\","
  "\"channels\":[\"email\",\"telegram\"],\"family\":\"remind\",\"section\":\"Loans\","
  "\"category\":\"Repayment\",\"disclosure\":false,"
  "\"body\":\"Please pay {{loan.balance}}.\",\"variables\":[\"loan.balance\"]}",
  "{\"id\":\"tpl-hello\",\"name\":\"Hello\",\"language\":\"en\",\"body\":\"Hello!\"}",
};

static const char directory[] =
  "{\"teams\":[{\"id\":\"team-ua\",\"name\":\"Kyiv\"}],"
  "\"queues\":[{\"id\":\"q-ua-chat\",\"name\":\"Ukraine · chat\",\"channel\":\"chat\","
  "\"country\":\"UA\",\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8}],"
  "\"agents\":[{\"id\":\"a-1\",\"name\":\"Оксана Мельник\",\"team_id\":\"team-ua\","
  "\"position\":\"agent\",\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\","
  "\"channels\":[\"chat\"]}]}";

/* Contacts of the last hours answered with the Ukrainian version: two
 * rated (5 and 2), one not; and one answered without a template. */
static void
ingest_contacts (PulseTestServer *ts)
{
  const struct { const char *id, *template, *score; } contacts[] = {
    { "t-1", "tpl-remind-uk", "5" }, { "t-2", "tpl-remind-uk", "2" },
    { "t-3", "tpl-remind-uk", NULL }, { "t-4", NULL, "5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autofree char *created = pulse_time_format (g_get_real_time () - (i + 2) *
                                                    G_TIME_SPAN_HOUR);
      g_autofree char *replied = pulse_time_format (g_get_real_time () - (i + 1) *
                                                    G_TIME_SPAN_HOUR);
      g_autofree char *template = contacts[i].template != NULL
        ? g_strdup_printf (",\"template_id\":\"%s\"", contacts[i].template) : g_strdup ("");
      g_autofree char *rating = contacts[i].score != NULL
        ? g_strdup_printf ("{\"kind\":\"csat\",\"score\":%s,\"at\":\"%s\"}", contacts[i].score,
                           replied)
        : g_strdup ("");
      g_autofree char *body = g_strdup_printf (
        "{\"id\":\"%s\",\"queue_id\":\"q-ua-chat\",\"channel\":\"chat\",\"subject\":\"Платіж\","
        "\"customer_id\":\"c-%u\",\"status\":\"resolved\",\"created_at\":\"%s\","
        "\"messages\":[{\"id\":\"m1\",\"author_kind\":\"customer\",\"at\":\"%s\","
        "\"body\":\"Коли платити?\"},{\"id\":\"m2\",\"author_kind\":\"agent\","
        "\"author_id\":\"a-1\",\"at\":\"%s\",\"body\":\"Сплатіть 8 340,50 UAH.\"%s}],"
        "\"ratings\":[%s]}", contacts[i].id, i, created, created, replied, template, rating);

      pulse_test_live_ingest (ts, "tickets", body);
    }
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static PulseTestServer *
server_with_templates (void)
{
  PulseTestServer *ts = pulse_test_server_new ();

  pulse_test_live_ingest (ts, "directory", directory);
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    pulse_test_live_create (ts, PULSE_ROLE_LEAD, "templates", versions[i]);
  ingest_contacts (ts);
  return ts;
}

/* The position of the tree row of the version @template_id, or of the
 * family titled so; else GTK_INVALID_LIST_POSITION. */
static guint
row_of (GtkWidget  *page,
        const char *template_id)
{
  GtkListView *tree = GTK_LIST_VIEW (find_named (page, "template-tree"));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (tree));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(PulseTemplateNode) node = gtk_tree_list_row_get_item (row);

      if (pulse_template_node_get_kind (node) == PULSE_TEMPLATE_NODE_VERSION &&
          g_strcmp0 (pulse_template_get_id (pulse_template_node_get_template (node)),
                     template_id) == 0)
        return i;
      if (pulse_template_node_get_kind (node) == PULSE_TEMPLATE_NODE_FAMILY &&
          g_strcmp0 (pulse_template_node_get_title (node), template_id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

typedef struct
{
  GtkWidget  *page;
  const char *id;
} RowWait;

static gboolean
has_row (gpointer user_data)
{
  RowWait *wait = user_data;

  return row_of (wait->page, wait->id) != GTK_INVALID_LIST_POSITION;
}

static void
open_version (GtkWidget  *page,
              const char *template_id)
{
  GtkListView *tree = GTK_LIST_VIEW (find_named (page, "template-tree"));
  RowWait wait = { page, template_id };

  g_assert_true (pulse_test_wait_for (has_row, &wait, WAIT_MS));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (tree)),
                                     row_of (page, template_id));
}

static void
type_body (GtkWidget  *page,
           const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (find_named (page, "template-body"));

  g_assert_true (gtk_text_view_get_editable (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static const char *
label_text (GtkWidget  *page,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (find_named (page, name)));
}

static gboolean
lint_says (GtkWidget  *page,
           const char *text)
{
  GtkListBox *lint = GTK_LIST_BOX (find_named (page, "template-lint"));

  for (int i = 0; gtk_list_box_get_row_at_index (lint, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (lint, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
switch_language (GtkWidget  *page,
                 const char *language)
{
  GtkWidget *box = find_named (page, "template-languages");

  for (GtkWidget *button = gtk_widget_get_first_child (box);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), language) == 0)
      {
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
        return;
      }

  g_error ("no %s version button", language);
}

typedef struct
{
  PulseTestServer *ts;
  const char      *id;
  const char      *body;
  gint64           version;
} ServerWait;

static gboolean
server_has (gpointer user_data)
{
  ServerWait *wait = user_data;
  g_autofree char *path = g_strconcat ("/api/v1/templates/", wait->id, NULL);
  g_autoptr(PulseTestResponse) r = pulse_test_server_request (wait->ts, "GET", path,
                                                              pulse_test_server_get_token (
                                                                wait->ts, PULSE_ROLE_VIEWER),
                                                              NULL, NULL);
  JsonObject *object = pulse_test_response_object (r);

  return r->status == 200 &&
         g_strcmp0 (json_object_get_string_member (object, "body"), wait->body) == 0 &&
         json_object_get_int_member (object, "version") == wait->version;
}

static PulseTemplateEditor *the_editor;

static gboolean
shows_version (gpointer id)
{
  return g_strcmp0 (pulse_template_editor_get_current (the_editor), id) == 0;
}

static void
add_language (GtkWidget  *page,
              const char *name)
{
  GtkWidget *box = find_named (page, "template-add-languages");

  the_editor = PULSE_TEMPLATE_EDITOR (pulse_test_ui_find_widget (page, PULSE_TYPE_TEMPLATE_EDITOR,
                                                                 NULL));
  for (GtkWidget *button = gtk_widget_get_first_child (box);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), name) == 0)
      {
        g_signal_emit_by_name (button, "clicked");
        return;
      }

  g_error ("no “%s” in the languages to add", name);
}

static gboolean
usage_counted (gpointer page)
{
  return g_strcmp0 (label_text (page, "template-usage-count"), "3") == 0;
}

static GtkWidget *
open_page_sized (PulseSession *session,
                 PulseWindow **window,
                 int           width)
{
  GtkWidget *page;

  *window = pulse_test_ui_open_window (session, width, 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (*window), "win.show-page", "s",
                                             "templates"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (*window), PULSE_TYPE_TEMPLATES_PAGE, NULL);
  g_assert_nonnull (page);
  return page;
}

static GtkWidget *
open_page (PulseSession *session,
           PulseWindow **window)
{
  return open_page_sized (session, window, 1280);
}

static void
test_edit_two_languages (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page;
  const char *uk = "{{client.first_name}}, до {{loan.due_date}} сплатіть {{loan.balance}}. "
                   "{{loan.amout}}";
  const char *en = "{{client.first_name}}, please pay {{loan.balance}} by {{loan.due_date}}.";
  const char *ru = "{{client.first_name}}, оплатите {{loan.balance}} до {{loan.due_date}}.";
  ServerWait uk_saved = { NULL, "tpl-remind-uk", uk, 2 };
  ServerWait en_saved = { NULL, "tpl-remind-en", en, 2 };
  ServerWait ru_saved = { NULL, "remind-ru", ru, 1 };

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = server_with_templates ();
  uk_saved.ts = en_saved.ts = ru_saved.ts = ts;
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_LEAD);
  page = open_page (session, &window);

  /* The family is named after its English version; it opens on its
   * first, Ukrainian, version and shows the versions under it. */
  open_version (page, "Reminder");
  open_version (page, "tpl-remind-uk");
  /* 3 contacts in 90 days; of the two rated, one gave 4–5. */
  g_assert_true (pulse_test_wait_for (usage_counted, page, WAIT_MS));
  g_assert_cmpstr (label_text (page, "template-usage-csat"), ==, "50 % of 2 rated");

  type_body (page, uk);
  g_assert_cmpstr (label_text (page, "template-preview"), ==,
                   "Олена, до 15 грудня 2026 сплатіть 8\u00a0340,50\u00a0UAH. {{loan.amout}}");
  g_assert_cmpstr (label_text (page, "template-status"), ==,
                   "{{loan.amout}} is not a documented variable");
  g_assert_true (lint_says (page, "{{loan.amout}} is not a documented variable"));
  g_assert_true (lint_says (page, "No version in Russian"));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "templates-editor");

  switch_language (page, "en");
  g_assert_cmpstr (pulse_template_editor_get_current (
                     PULSE_TEMPLATE_EDITOR (pulse_test_ui_find_widget (
                       page, PULSE_TYPE_TEMPLATE_EDITOR, NULL))), ==, "tpl-remind-en");
  type_body (page, en);
  g_assert_cmpstr (label_text (page, "template-preview"), ==,
                   "Olena, please pay 8,340.50\u00a0UAH by 15 December 2026.");
  g_assert_false (lint_says (page, "{{loan.amout}} is not a documented variable"));

  g_signal_emit_by_name (find_named (page, "template-save"), "clicked");
  g_assert_true (pulse_test_wait_for (server_has, &uk_saved, WAIT_MS));
  g_assert_true (pulse_test_wait_for (server_has, &en_saved, WAIT_MS));

  /* A third language, made from the version shown and translated. */
  add_language (page, "Russian");
  g_assert_true (pulse_test_wait_for (shows_version, (gpointer) "remind-ru", WAIT_MS));
  g_assert_false (lint_says (page, "No version in Russian"));
  type_body (page, ru);
  g_assert_cmpstr (label_text (page, "template-preview"), ==,
                   "Олена, оплатите 8\u00a0340,50\u00a0UAH до 15 декабря 2026.");
  g_signal_emit_by_name (find_named (page, "template-save"), "clicked");
  g_assert_true (pulse_test_wait_for (server_has, &ru_saved, WAIT_MS));

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static guint
n_on_server (PulseTestServer *ts)
{
  g_autoptr(PulseTestResponse) r = pulse_test_server_request (ts, "GET", "/api/v1/templates",
                                                              pulse_test_server_get_token (
                                                                ts, PULSE_ROLE_VIEWER),
                                                              NULL, NULL);

  return json_array_get_length (json_object_get_array_member (pulse_test_response_object (r),
                                                              "templates"));
}

static gboolean
has_four (gpointer ts)
{
  return n_on_server (ts) == 4;
}

static gboolean
has_three (gpointer ts)
{
  return n_on_server (ts) == 3;
}

/* A new template, written and saved, then deleted: both reach the
 * server through the edit kit. */
static void
test_new_and_delete (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page;
  GtkWidget *save;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = server_with_templates ();
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_LEAD);
  page = open_page (session, &window);

  g_signal_emit_by_name (find_named (page, "template-new"), "clicked");
  save = find_named (page, "template-save");
  /* Nothing to send before the reply is written. */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (label_text (page, "template-status"), ==, "Write the reply the client gets.");
  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "template-name")), "Дякуємо");
  type_body (page, "Дякуємо, {{client.first_name}}!");
  g_assert_cmpstr (label_text (page, "template-preview"), ==,
                   "Дякуємо, Олена!\n\nЦю відповідь надіслано автоматично.");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (pulse_test_wait_for (has_four, ts, WAIT_MS));
  /* The editor has the server's version once its history shows. */
  g_assert_true (pulse_test_wait_for (pulse_test_ui_is_mapped,
                                      pulse_test_ui_find_widget (page, PULSE_TYPE_AUDIT_LIST,
                                                                 NULL), WAIT_MS));

  g_signal_emit_by_name (find_named (page, "template-delete"), "clicked");
  g_assert_true (pulse_test_wait_for (has_three, ts, WAIT_MS));

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static void
test_read_only (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = server_with_templates ();
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_VIEWER);
  page = open_page (session, &window);
  open_version (page, "Reminder");
  open_version (page, "tpl-remind-en");

  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (find_named (page,
                                                                         "template-body"))));
  g_assert_false (gtk_widget_get_visible (find_named (page, "template-save")));
  g_assert_cmpstr (label_text (page, "template-preview"), ==, "Please pay 8,340.50\u00a0UAH.");
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "templates-read-only");

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static int
min_width (GtkWidget *widget)
{
  int width = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  return width;
}

/* 500 px wide, the tree and the editor take turns. */
static void
test_narrow (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page;
  AdwLeaflet *leaflet;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = server_with_templates ();
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_LEAD);
  page = open_page_sized (session, &window, 500);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  leaflet = ADW_LEAFLET (pulse_test_ui_find_widget (page, ADW_TYPE_LEAFLET, NULL));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* The page itself asks for no more than a phone-wide column. */
  g_assert_cmpint (min_width (page), <=, 360);

  open_version (page, "Reminder");
  g_assert_true (gtk_widget_is_ancestor (find_named (page, "template-body"),
                                         adw_leaflet_get_visible_child (leaflet)));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "templates-narrow");
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_true (gtk_widget_is_ancestor (find_named (page, "template-tree"),
                                         adw_leaflet_get_visible_child (leaflet)));

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The variables' popover is filled at its first showing, one row per
 * documented variable; a row puts the variable in at the cursor. */
static void
test_insert_variable (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page, *button;
  GtkListBox *list;
  GtkTextBuffer *buffer;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  const PulseTemplateVar *vars;
  GtkTextIter start, end;
  guint n_vars = 0;

  if (pulse_test_ui_skip_without_display ())
    return;

  vars = pulse_template_vars_get_all (&n_vars);
  ts = server_with_templates ();
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_LEAD);
  page = open_page (session, &window);
  open_version (page, "Reminder");
  open_version (page, "tpl-remind-en");
  type_body (page, "Pay ");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (page, "template-body")));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  button = find_named (page, "template-variables");
  list = GTK_LIST_BOX (pulse_test_ui_find_widget (
    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), GTK_TYPE_LIST_BOX,
    NULL));
  g_assert_cmpuint (n_rows (list), ==, 0);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_cmpuint (n_vars, >, 1);
  g_assert_cmpuint (n_rows (list), ==, n_vars);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_cmpuint (n_rows (list), ==, n_vars);

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  expected = g_strdup_printf ("Pay {{%s}}", vars[1].name);
  g_assert_cmpstr (body, ==, expected);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/templates/edit-two-languages", test_edit_two_languages);
  g_test_add_func ("/pulse/ui/templates/new-and-delete", test_new_and_delete);
  g_test_add_func ("/pulse/ui/templates/read-only", test_read_only);
  g_test_add_func ("/pulse/ui/templates/narrow", test_narrow);
  g_test_add_func ("/pulse/ui/templates/insert-variable", test_insert_variable);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
