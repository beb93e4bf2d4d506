/* test-ui-edits.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edit kit in a real window against a real server: a create and an
 * update undone from their toasts, a stale save held as a conflict and
 * settled from the dialog the window offers, an item's history, and a
 * refused edit offered for discarding. Renders the conflict dialog to
 * build/tests/screenshots/conflict-dialog.png.
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include "pulse-audit-list.h"
#include "pulse-conflict-dialog.h"
#include "pulse-item-edit.h"
#include "pulse-test-live.h"
#include "pulse-test-util.h"
#include "pulse-window.h"
#include "test-ui-util.h"

#define WAIT_MS PULSE_TEST_LIVE_WAIT_MS

typedef struct
{
  PulseTestServer *ts;
  const char      *name;
  gint64           version;
  guint            status;
} ServerItem;

static JsonNode *
template_json (const char *name,
               gint64      version)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf ("{\"id\":\"t-kit\",\"version\":%" G_GINT64_FORMAT ",\"name\":\"%s\","
                          "\"language\":\"uk\",\"channels\":[\"chat\"],\"body\":\"Вітаємо!\"}",
                          version, name);
  return json_from_string (text, NULL);
}

/* Whether the server's t-kit is @item's name and version (status 404
 * when @item's name is NULL). */
static gboolean
server_has (gpointer user_data)
{
  ServerItem *item = user_data;
  g_autoptr(PulseTestResponse) r = NULL;
  JsonObject *object;

  r = pulse_test_server_request (item->ts, "GET", "/api/v1/templates/t-kit",
                                 pulse_test_server_get_token (item->ts, PULSE_ROLE_HEAD), NULL,
                                 NULL);
  item->status = r->status;
  if (item->name == NULL)
    return r->status == 404;

  object = r->status == 200 ? pulse_test_response_object (r) : NULL;
  return object != NULL
         && g_strcmp0 (json_object_get_string_member (object, "name"), item->name) == 0
         && json_object_get_int_member (object, "version") == item->version;
}

static void
wait_server (PulseTestServer *ts,
             const char      *name,
             gint64           version)
{
  ServerItem item = { ts, name, version, 0 };

  g_assert_true (pulse_test_wait_for (server_has, &item, WAIT_MS));
}

/* The button labelled @label under @root, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
  const char *label;
  GtkWidget  *button;
} ButtonWait;

static GtkWidget *find_label (GtkWidget  *root,
                              const char *text);

/* The button @label of the toast titled @title: the toast's title and
 * button share a parent a few levels up. */
static gboolean
has_button (gpointer user_data)
{
  ButtonWait *wait = user_data;
  GtkWidget *title = find_label (wait->root, wait->title);

  wait->button = NULL;
  for (GtkWidget *up = title; up != NULL && wait->button == NULL; up = gtk_widget_get_parent (up))
    wait->button = find_button (up, wait->label);

  return wait->button != NULL && gtk_widget_get_mapped (wait->button);
}

/* Clicks the button @label of the toast @title once it shows. */
static void
click_toast (PulseWindow *window,
             const char  *title,
             const char  *label)
{
  ButtonWait wait = { GTK_WIDGET (window), title, label, NULL };

  g_assert_true (pulse_test_wait_for (has_button, &wait, WAIT_MS));
  g_signal_emit_by_name (wait.button, "clicked");
}

static void
test_undo (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(JsonNode) first = template_json ("Card blocked", 0);
  g_autoptr(JsonNode) opened = template_json ("Card blocked", 1);
  g_autoptr(JsonNode) renamed = template_json ("Card unblocked", 1);
  PulseWindow *window;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_LEAD);
  window = pulse_test_ui_open_window (session, 1000, 700);

  /* A create, undone: the server deletes it. */
  pulse_item_edit_save (GTK_WIDGET (window), "template", NULL, first, "Card blocked");
  wait_server (ts, "Card blocked", 1);
  click_toast (window, "“Card blocked” saved", "_Undo");
  wait_server (ts, NULL, 0);

  /* Made again, renamed, and the rename undone: the old name is back,
   * as a new version. */
  pulse_item_edit_save (GTK_WIDGET (window), "template", NULL, first, "Card blocked");
  wait_server (ts, "Card blocked", 1);
  pulse_item_edit_save (GTK_WIDGET (window), "template", opened, renamed, "Card unblocked");
  wait_server (ts, "Card unblocked", 2);
  click_toast (window, "“Card unblocked” saved", "_Undo");
  wait_server (ts, "Card blocked", 3);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static gboolean
audit_has_three (gpointer list)
{
  return pulse_audit_list_get_n_entries (list) == 3;
}

/* The label reading @text under @root, or NULL. */
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

static gboolean
dialog_is_shown (gpointer user_data)
{
  GtkWindow *dialog = pulse_test_ui_find_toplevel (PULSE_TYPE_CONFLICT_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
no_conflicts (gpointer session)
{
  PulseOutbox *outbox = pulse_session_get_outbox (session);

  return pulse_outbox_get_n_conflicts (outbox) == 0 && pulse_outbox_get_sending (outbox) == 0;
}

static void
settle_conflict (PulseWindow *window,
                 const char  *response)
{
  GtkWindow *dialog;

  click_toast (window, "A saved change needs your decision", "_Review");
  g_assert_true (pulse_test_wait_for (dialog_is_shown, NULL, WAIT_MS));
  dialog = pulse_test_ui_find_toplevel (PULSE_TYPE_CONFLICT_DIALOG);
  /* The name differs, the text does not. */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Name"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Theirs"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Mine"));
  g_assert_null (find_label (GTK_WIDGET (dialog), "Text"));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (dialog), "conflict-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  pulse_test_ui_close_window (dialog);
}

static void
test_conflict_and_history (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(PulseTestResponse) theirs = NULL;
  g_autoptr(JsonNode) first = template_json ("Card blocked", 0);
  g_autoptr(JsonNode) opened = template_json ("Card blocked", 1);
  g_autoptr(JsonNode) mine = template_json ("Mine", 1);
  GtkWidget *history;
  PulseWindow *window;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_LEAD);
  window = pulse_test_ui_open_window (session, 1000, 700);
  pulse_item_edit_save (GTK_WIDGET (window), "template", NULL, first, "Card blocked");
  wait_server (ts, "Card blocked", 1);

  theirs = pulse_test_server_request (ts, "PUT", "/api/v1/templates/t-kit",
                                      pulse_test_server_get_token (ts, PULSE_ROLE_HEAD),
                                      "{\"name\":\"Theirs\",\"language\":\"uk\","
                                      "\"body\":\"Вітаємо!\"}", "If-Match", "1", NULL);
  g_assert_cmpuint (theirs->status, ==, 200);

  /* Mine, made against version 1, is held; keeping it wins over theirs. */
  pulse_item_edit_save (GTK_WIDGET (window), "template", opened, mine, "Mine");
  settle_conflict (window, "mine");
  wait_server (ts, "Mine", 3);
  g_assert_true (pulse_test_wait_for (no_conflicts, session, WAIT_MS));

  /* Its history, for its editor: created, theirs, mine. */
  history = pulse_audit_list_new ();
  g_object_ref_sink (history);
  pulse_audit_list_show (PULSE_AUDIT_LIST (history), session, "template", "t-kit");
  g_assert_true (pulse_test_wait_for (audit_has_three, history, WAIT_MS));
  g_object_unref (history);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget  *root;
  const char *prefix;
} PrefixWait;

static gboolean
has_label_with_prefix (GtkWidget  *root,
                       const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix)
      && gtk_widget_get_mapped (root))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with_prefix (child, prefix))
      return TRUE;

  return FALSE;
}

static gboolean
shows_prefix (gpointer user_data)
{
  PrefixWait *wait = user_data;

  return has_label_with_prefix (wait->root, wait->prefix);
}

/* The cache's file can grow no more (a size limit, as a full disk): the
 * window says so, with the system's reason, and the session still
 * follows the server. */
static void
test_cache_cannot_be_written (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  struct rlimit before, full;
  PrefixWait wait = { NULL, "Pulse cannot save its copy of the data" };
  PulseWindow *window;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_LEAD);
  window = pulse_test_ui_open_window (session, 1000, 700);
  wait.root = GTK_WIDGET (window);
  g_assert_false (shows_prefix (&wait));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &before), ==, 0);
  full = before;
  full.rlim_cur = 1;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
  pulse_test_live_create (ts, PULSE_ROLE_LEAD, "templates",
                          "{\"id\":\"t-full\",\"name\":\"Переказ\",\"language\":\"uk\","
                          "\"channels\":[\"chat\"],\"body\":\"Перевіряємо переказ.\"}");
  g_assert_true (pulse_test_wait_for (shows_prefix, &wait, WAIT_MS));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &before), ==, 0);
  g_assert_nonnull (pulse_sync_get_cache_error (pulse_session_get_sync (session)));
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_LIVE);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/edits/undo", test_undo);
  g_test_add_func ("/pulse/ui/edits/conflict-and-history", test_conflict_and_history);
  g_test_add_func ("/pulse/ui/edits/cache-cannot-be-written", test_cache_cannot_be_written);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
