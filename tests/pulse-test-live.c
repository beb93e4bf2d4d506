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
  PulseSession *session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  pulse_session_sign_in_async (session, ts->url,
                               pulse_test_server_get_token (ts, PULSE_ROLE_HEAD), NULL,
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
