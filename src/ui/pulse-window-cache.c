/* pulse-window-cache.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseWindow's watch over the cache of the server followed. When a
 * write to it fails (a full disk, a file that went read-only), the sync
 * engine keeps following the server but nothing more is kept for the next
 * start, and new edits cannot be saved: the lead is told once per sync
 * engine, with the reason, in a toast that stays until dismissed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-window-private.h"

static void
on_cache_error_cb (PulseWindow *self)
{
  const GError *error = pulse_sync_get_cache_error (self->watched_sync);
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (error == NULL || self->cache_error_told)
    return;

  self->cache_error_told = TRUE;
  /* Translators: toast when the local copy cannot be written; the reason
   * (from the system, in English) follows */
  text = g_strdup_printf (_("Pulse cannot save its copy of the data (%s): what you see stays "
                            "live, but new edits cannot be saved until there is room"),
                          error->message);
  toast = adw_toast_new (text);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  pulse_window_show_toast (self, toast);
}

static void
on_data_reset_cb (PulseWindow *self)
{
  PulseSync *sync = pulse_session_get_sync (self->session);

  if (sync == self->watched_sync)
    return;

  _pulse_window_unwatch_cache (self);
  if (sync == NULL)
    return;

  self->watched_sync = g_object_ref (sync);
  self->cache_error_told = FALSE;
  g_signal_connect_object (sync, "notify::cache-error", G_CALLBACK (on_cache_error_cb), self,
                           G_CONNECT_SWAPPED);
  on_cache_error_cb (self);
}

/**
 * _pulse_window_watch_cache:
 *
 * Follows the cache of the session's sync engine, whichever it is now.
 */
void
_pulse_window_watch_cache (PulseWindow *self)
{
  g_signal_connect_object (self->session, "data-reset", G_CALLBACK (on_data_reset_cb), self,
                           G_CONNECT_SWAPPED);
  on_data_reset_cb (self);
}

void
_pulse_window_unwatch_cache (PulseWindow *self)
{
  if (self->watched_sync != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_sync, self);
  g_clear_object (&self->watched_sync);
}
