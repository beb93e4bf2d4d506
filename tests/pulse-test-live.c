/* pulse-test-live.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-test-live.h"
#include "pulse-test-util.h"

/* POSTs @body to /api/v1/ingest/@endpoint as the integration; anything
 * but 200 ends the test. */
void
pulse_test_live_ingest (PulseTestServer *ts,
                        const char      *endpoint,
                        const char      *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  g_autoptr(PulseTestResponse) r = NULL;

  r = pulse_test_server_request (ts, "POST", path,
                                 pulse_test_server_get_token (ts, PULSE_ROLE_INTEGRATION), body,
                                 NULL);
  if (r->status != 200)
    g_error ("ingest %s: %u", endpoint, r->status);
}

/* Creates an item of @collection ("reviews") as @role; anything but 201
 * ends the test. */
void
pulse_test_live_create (PulseTestServer *ts,
                        PulseRole        role,
                        const char      *collection,
                        const char      *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/", collection, NULL);
  g_autoptr(PulseTestResponse) r = NULL;

  r = pulse_test_server_request (ts, "POST", path, pulse_test_server_get_token (ts, role), body,
                                 NULL);
  if (r->status != 201)
    g_error ("create in %s: %u (%s)", collection, r->status,
             pulse_test_response_error_code (r));
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

/* A session signed in to @ts as the head, its event stream live. */
PulseSession *
pulse_test_live_sign_in (PulseTestServer *ts)
{
  return pulse_test_live_sign_in_as (ts, PULSE_ROLE_HEAD);
}

/* Signed in to @ts with @role's token, once the session is live. */
PulseSession *
pulse_test_live_sign_in_as (PulseTestServer *ts,
                            PulseRole        role)
{
  PulseSession *session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  pulse_session_sign_in_async (session, ts->url, pulse_test_server_get_token (ts, role), NULL,
                               on_done_cb, &result);
  g_assert_true (pulse_test_wait_for (is_set, &result, PULSE_TEST_LIVE_WAIT_MS));
  g_assert_true (pulse_session_connect_finish (session, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_true (pulse_test_wait_for (is_live, session, PULSE_TEST_LIVE_WAIT_MS));
  return session;
}

/* The stat tile titled @title under @root, or NULL. */
PulseStatTile *
pulse_test_live_find_tile (GtkWidget  *root,
                           const char *title)
{
  if (PULSE_IS_STAT_TILE (root)
      && g_strcmp0 (pulse_stat_tile_get_title (PULSE_STAT_TILE (root)), title) == 0)
    return PULSE_STAT_TILE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PulseStatTile *found = pulse_test_live_find_tile (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  PulseStatTile *tile;
  const char    *value;
} TileWanted;

static gboolean
tile_shows (gpointer user_data)
{
  TileWanted *wanted = user_data;

  return g_strcmp0 (pulse_stat_tile_get_value (wanted->tile), wanted->value) == 0;
}

/* Waits until the tile titled @title shows @value; fails the test on a
 * timeout, naming what it showed. */
void
pulse_test_live_wait_tile (GtkWidget  *page,
                           const char *title,
                           const char *value)
{
  TileWanted wanted = { pulse_test_live_find_tile (page, title), value };

  g_assert_nonnull (wanted.tile);
  if (!pulse_test_wait_for (tile_shows, &wanted, PULSE_TEST_LIVE_WAIT_MS))
    g_error ("tile %s shows %s, not %s", title, pulse_stat_tile_get_value (wanted.tile), value);
}

typedef struct
{
  GListModel          *model;
  PulseTestLiveGetId   get_id;
  GPtrArray           *ids;
} IdsWanted;

static gboolean
ids_are (gpointer user_data)
{
  IdsWanted *wanted = user_data;

  if (g_list_model_get_n_items (wanted->model) != wanted->ids->len)
    return FALSE;
  for (guint i = 0; i < wanted->ids->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (wanted->model, i);

      if (g_strcmp0 (wanted->get_id (item), wanted->ids->pdata[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Waits until @model holds items with the ids given, in that order (as
 * @get_id reads them); fails the test on a timeout, saying what it held. */
void
pulse_test_live_wait_ids (GListModel         *model,
                          PulseTestLiveGetId  get_id,
                          const char         *first_id,
                          ...)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  IdsWanted wanted = { model, get_id, ids };
  g_autoptr(GObject) first = NULL;
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (ids, (gpointer) id);
  va_end (args);
  if (pulse_test_wait_for (ids_are, &wanted, PULSE_TEST_LIVE_WAIT_MS))
    return;

  first = g_list_model_get_item (model, 0);
  g_error ("%u items, the first %s, not %u from %s", g_list_model_get_n_items (model),
           first != NULL ? get_id (first) : "none", ids->len, first_id);
}

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* The @index-th widget of @type under @root, depth first (a page's
 * order); fails the test if there are fewer. */
GtkWidget *
pulse_test_live_nth_widget (GtkWidget *root,
                            GType      type,
                            guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, >, index);
  return found->pdata[index];
}

/* Row @index of the @list-th boxed list under @root, or NULL past its
 * end. The rows are AdwActionRows. */
AdwActionRow *
pulse_test_live_boxed_row (GtkWidget *root,
                           guint      list,
                           int        index)
{
  GtkWidget *box = pulse_test_live_nth_widget (root, GTK_TYPE_LIST_BOX, list);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), index);

  return row != NULL ? ADW_ACTION_ROW (row) : NULL;
}

/* The text of the right-aligned label with @css_class in @row's suffix
 * ("heading" for a figure, "caption" for the line under it). */
const char *
pulse_test_live_row_label (AdwActionRow *row,
                           const char   *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];

      if (gtk_widget_has_css_class (label, css_class)
          && gtk_label_get_xalign (GTK_LABEL (label)) == 1)
        return gtk_label_get_label (GTK_LABEL (label));
    }

  g_error ("no %s label in the row", css_class);
}
