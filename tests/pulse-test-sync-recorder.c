/* pulse-test-sync-recorder.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The console side of the PulseSync tests: a sync on the fixture's
 * server and cache, waits on what it reports, and a recorder of it.
 */

#include "config.h"

#include "pulse-test-sync.h"

/* The console: a viewer's client, the fixture's cache file, short waits. */
PulseSync *
pulse_test_sync_new (SyncFixture *fixture)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", fixture->port);
  g_autoptr(PulseClient) client = pulse_client_new (url, fixture->viewer);
  PulseSync *sync = pulse_sync_new (client, fixture->cache_path);

  pulse_sync_set_timing (sync, 5, 50, 200);
  return sync;
}

static gboolean
is_live (gpointer data)
{
  return pulse_sync_get_is_live (data);
}

void
pulse_test_sync_wait_live (PulseSync *sync)
{
  pulse_test_wait_for (is_live, sync, PULSE_TEST_SYNC_WAIT_MS);
}

typedef struct
{
  PulseSync *sync;
  gint64     seq;
  int        state;
  gboolean   done;
} Wait;

static gboolean
seq_reached (gpointer data)
{
  Wait *wait = data;

  return pulse_sync_get_seq (wait->sync) >= wait->seq;
}

void
pulse_test_sync_wait_seq (PulseSync *sync,
                          gint64     seq)
{
  Wait wait = { sync, seq, 0, FALSE };

  pulse_test_wait_for (seq_reached, &wait, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, seq);
}

static gboolean
state_reached (gpointer data)
{
  Wait *wait = data;

  return (int) pulse_sync_get_state (wait->sync) == wait->state;
}

void
pulse_test_sync_wait_state (PulseSync            *sync,
                            PulseConnectionState  state)
{
  Wait wait = { sync, 0, state, FALSE };

  pulse_test_wait_for (state_reached, &wait, PULSE_TEST_SYNC_WAIT_MS);
}

static gboolean
loaded (gpointer data)
{
  return !pulse_sync_get_loading (data);
}

/* After pulse_sync_start(): until the cached state is whole. */
void
pulse_test_sync_wait_loaded (PulseSync *sync)
{
  pulse_test_wait_for (loaded, sync, PULSE_TEST_SYNC_WAIT_MS);
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_sync_flush_finish (PULSE_SYNC (object), result, &error));
  g_assert_no_error (error);
  wait->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Wait *) data)->done;
}

/* Everything applied so far is in the cache. */
void
pulse_test_sync_flush (PulseSync *sync)
{
  Wait wait = { sync, 0, 0, FALSE };

  pulse_sync_flush_async (sync, NULL, flushed_cb, &wait);
  pulse_test_wait_for (is_done, &wait, PULSE_TEST_SYNC_WAIT_MS);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Takes @sync: drops it without a stop or a flush, and waits until it
 * is finalized. */
void
pulse_test_sync_drop (PulseSync *sync)
{
  gpointer weak = sync;

  g_object_add_weak_pointer (G_OBJECT (sync), &weak);
  g_object_unref (sync);
  pulse_test_wait_for (is_gone, &weak, PULSE_TEST_SYNC_WAIT_MS);
}

/* Takes @sync: stops it, flushes, and waits until its last worker is
 * done and it is finalized, as when the console quits. */
void
pulse_test_sync_close (PulseSync *sync)
{
  gpointer weak = sync;

  pulse_sync_stop (sync);
  pulse_test_sync_flush (sync);
  g_object_add_weak_pointer (G_OBJECT (sync), &weak);
  g_object_unref (sync);
  pulse_test_wait_for (is_gone, &weak, PULSE_TEST_SYNC_WAIT_MS);
}

static void
on_reset_cb (PulseSync *sync,
             gpointer   user_data)
{
  SyncRecorder *rec = user_data;
  PulseState *state = pulse_sync_get_state_snapshot (sync);
  guint tickets = pulse_state_get_n_items (state, PULSE_STATE_KIND_TICKET);
  gint64 seq = pulse_state_get_seq (state);

  rec->resets++;
  g_array_append_val (rec->reset_tickets, tickets);
  g_array_append_val (rec->reset_seqs, seq);
  rec->live_at_reset |= pulse_sync_get_is_live (sync);
}

static void
on_changed_cb (PulseSync              *sync,
               const PulseStateChange *change,
               gpointer                user_data)
{
  SyncRecorder *rec = user_data;

  g_assert_nonnull (change);
  g_assert_true (change->action == PULSE_STATE_ACTION_CREATED ||
                 change->action == PULSE_STATE_ACTION_UPDATED ||
                 change->action == PULSE_STATE_ACTION_DELETED);
  rec->changes++;
  g_ptr_array_add (rec->change_ids, g_strdup (change->id));
  g_array_append_val (rec->change_seqs, (gint64) { pulse_sync_get_seq (sync) });
}

static void
on_state_cb (PulseSync  *sync,
             GParamSpec *pspec,
             gpointer    user_data)
{
  SyncRecorder *rec = user_data;
  PulseConnectionState state = pulse_sync_get_state (sync);

  g_array_append_val (rec->states, state);
}

SyncRecorder *
pulse_test_sync_recorder_new (PulseSync *sync)
{
  SyncRecorder *rec = g_new0 (SyncRecorder, 1);

  /* No reference: free the recorder before closing the sync. */
  rec->sync = sync;
  rec->reset_tickets = g_array_new (FALSE, FALSE, sizeof (guint));
  rec->reset_seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  rec->states = g_array_new (FALSE, FALSE, sizeof (PulseConnectionState));
  rec->change_ids = g_ptr_array_new_with_free_func (g_free);
  rec->change_seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (sync, "reset", G_CALLBACK (on_reset_cb), rec);
  g_signal_connect (sync, "changed", G_CALLBACK (on_changed_cb), rec);
  g_signal_connect (sync, "notify::state", G_CALLBACK (on_state_cb), rec);
  return rec;
}

void
pulse_test_sync_recorder_free (SyncRecorder *rec)
{
  g_signal_handlers_disconnect_by_data (rec->sync, rec);
  g_array_unref (rec->reset_tickets);
  g_array_unref (rec->reset_seqs);
  g_array_unref (rec->states);
  g_ptr_array_unref (rec->change_ids);
  g_array_unref (rec->change_seqs);
  g_free (rec);
}

typedef struct
{
  SyncRecorder *rec;
  guint         count;
} ResetWait;

static gboolean
resets_reached (gpointer data)
{
  ResetWait *wait = data;

  return wait->rec->resets >= wait->count;
}

void
pulse_test_sync_wait_resets (SyncRecorder *rec,
                             guint         count)
{
  ResetWait wait = { rec, count };

  pulse_test_wait_for (resets_reached, &wait, PULSE_TEST_SYNC_WAIT_MS);
}

guint
pulse_test_sync_n_tickets (PulseSync *sync)
{
  return pulse_state_get_n_items (pulse_sync_get_state_snapshot (sync),
                                  PULSE_STATE_KIND_TICKET);
}

/* The seq the cache file holds. */
gint64
pulse_test_sync_cache_seq (PulseSync *sync)
{
  g_auto(PulseCacheMeta) meta = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_cache_read_meta (pulse_sync_get_cache (sync), &meta, &error));
  g_assert_no_error (error);
  return meta.seq;
}

/* A sync that went live once and wrote its cache; returns the seq. */
gint64
pulse_test_sync_run_once (SyncFixture *fixture)
{
  PulseSync *sync = pulse_test_sync_new (fixture);
  gint64 seq;

  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  seq = pulse_sync_get_seq (sync);
  pulse_test_sync_close (sync);
  return seq;
}
