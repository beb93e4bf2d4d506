/* pulse-session-identity.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starting without the server. A lead who opens Pulse while the server
 * (or the network) is down still sees the last state the cache holds,
 * marked not live, and may queue edits in the outbox: the sync engine
 * starts on the cache and keeps reconnecting on its own.
 *
 * The pages need a role to know what may be edited; offline nobody can
 * ask the server, so the user and role of the last sign-in to each
 * server are remembered in a small key file beside the caches
 * ($XDG_CACHE_HOME/pulse/identities). No token goes there: the token
 * stays in the keyring. The role read back is only a guess until the
 * server answers: once live, whoami is asked again and its answer
 * replaces it, and the server checks every edit against the real role
 * anyway (a 403 becomes a visible error on the item).
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pulse-session-private.h"

static char *
identities_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "pulse", "identities", NULL);
}

/* Remembers who signed in to the server followed, as whoami said. */
void
_pulse_session_remember_identity (PulseSession *self)
{
  g_autofree char *path = identities_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  if (self->server_url == NULL || self->user_name == NULL)
    return;

  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL);
  g_key_file_set_string (file, self->server_url, "user", self->user_name);
  g_key_file_set_integer (file, self->server_url, "role", self->role);
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &error))
    g_debug ("identity for %s not remembered: %s", self->server_url,
             error != NULL ? error->message : g_strerror (errno));
}

static gboolean
recall_identity (PulseSession  *self,
                 char         **user,
                 PulseRole     *role)
{
  g_autofree char *path = identities_path ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  int value;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  value = g_key_file_get_integer (file, self->server_url, "role", &error);
  if (error != NULL || value < PULSE_ROLE_VIEWER || value > PULSE_ROLE_INTEGRATION)
    return FALSE;

  *user = g_key_file_get_string (file, self->server_url, "user", NULL);
  *role = value;
  return *user != NULL;
}

/**
 * _pulse_session_follow_offline:
 *
 * Called when the server cannot be reached at sign-in. If the server has
 * a cache here, follows it from the cache (not live), as the identity of
 * its last sign-in (read only if none is remembered), and lets the sync
 * engine reconnect.
 *
 * Returns: %TRUE if the session follows the server from its cache.
 */
gboolean
_pulse_session_follow_offline (PulseSession *self)
{
  g_autofree char *cache = NULL;
  g_autofree char *user = NULL;
  PulseRole role = PULSE_ROLE_VIEWER;

  if (self->client == NULL || self->server_url == NULL || pulse_session_get_is_demo (self))
    return FALSE;

  cache = pulse_cache_default_path (self->server_url);
  if (!g_file_test (cache, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  /* Nobody remembered (a cache from before identities were kept): read
   * only. No token (a locked keyring): the cache still shows, and the
   * sync engine says "unauthorised" once the server answers. */
  if (!recall_identity (self, &user, &role))
    role = PULSE_ROLE_VIEWER;

  g_message ("%s cannot be reached: showing what the cache holds until it answers",
             self->server_url);
  _pulse_session_set_identity (self, user, role);
  self->identity_unconfirmed = TRUE;
  _pulse_session_start_live (self);
  return TRUE;
}

static void
confirm_whoami_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PulseSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  PulseRole role = PULSE_ROLE_VIEWER;

  /* A newer sign-in or a disconnect took over meanwhile. */
  if (PULSE_CLIENT (object) != self->client)
    return;

  if (!pulse_client_get_whoami_finish (PULSE_CLIENT (object), result, &user, &role, &error))
    {
      /* The sync engine reports a refused token itself; try again at the
       * next time it is live. */
      g_message ("whoami after reconnecting: %s", error->message);
      self->identity_unconfirmed = TRUE;
      return;
    }

  _pulse_session_set_identity (self, user, role);
  _pulse_session_remember_identity (self);
}

/**
 * _pulse_session_confirm_identity:
 *
 * Once the sync engine is live after an offline start, asks the server
 * who we are, replacing the remembered guess.
 */
void
_pulse_session_confirm_identity (PulseSession *self)
{
  if (!self->identity_unconfirmed || self->client == NULL)
    return;

  self->identity_unconfirmed = FALSE;
  pulse_client_get_whoami_async (self->client, NULL, confirm_whoami_cb, g_object_ref (self));
}
