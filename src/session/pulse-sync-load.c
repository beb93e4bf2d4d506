/* pulse-sync-load.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state PulseSync starts from: read back from its #PulseCache (laid
 * out as pulse-sync-store.c says) in a worker, before any network. The
 * worker sees only the path and the URL; the object gets the result on
 * the main thread.
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-json.h"
#include "pulse-sync-private.h"

/* Before anything is read: seq 0, every list empty. */
PulseState *
_pulse_sync_empty_state (void)
{
  g_autoptr(JsonNode) empty = NULL;
  guint n_kinds = 0;
  const PulseSyncKindName *kind_names = _pulse_sync_kind_names (&n_kinds);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "seq", 0);
  for (guint k = 0; k < n_kinds; k++)
    {
      json_builder_set_member_name (builder, kind_names[k].collection);
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "tickets");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  empty = json_builder_get_root (builder);

  return pulse_state_new_from_snapshot (empty, NULL);
}

void
_pulse_sync_load_free (PulseSyncLoad *load)
{
  if (load == NULL)
    return;

  g_clear_object (&load->cache);
  g_clear_object (&load->state);
  _pulse_sync_history_clear (&load->history);
  g_free (load);
}

/* A record we cannot read counts as none: paging starts over. */
static void
read_history (PulseCache       *cache,
              PulseSyncHistory *history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = pulse_cache_get_entity (cache, PULSE_SYNC_KIND_HISTORY,
                                                     PULSE_SYNC_HISTORY_ID, &error);
  PulseJsonReader reader;

  if (body == NULL || !pulse_json_reader_init (&reader, body, "a history record", &error))
    return;

  history->since = pulse_json_reader_get_time (&reader, "since", PULSE_JSON_REQUIRED);
  history->cursor = pulse_json_reader_dup_string (&reader, "cursor", PULSE_JSON_OPTIONAL,
                                                  PULSE_JSON_MAX_SHORT);
  history->complete = pulse_json_reader_get_boolean (&reader, "complete", PULSE_JSON_REQUIRED,
                                                     FALSE);
  if (!pulse_json_reader_finish (&reader, &error))
    {
      g_message ("cache: ignoring the history record: %s", error->message);
      _pulse_sync_history_clear (history);
    }
}

/* The cache's items in the snapshot's shape, without tickets. */
static JsonNode *
snapshot_from_cache (PulseCache  *cache,
                     gint64       seq,
                     GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_kinds = 0;
  const PulseSyncKindName *kind_names = _pulse_sync_kind_names (&n_kinds);

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "seq", seq);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) items = pulse_cache_list_entities (cache, kind_names[k].cache_kind,
                                                              error);

      if (items == NULL)
        return NULL;

      json_builder_set_member_name (builder, kind_names[k].collection);
      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        json_builder_add_value (builder, json_node_ref (items->pdata[i]));
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "tickets");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* One part of the open tickets, read, parsed and decoded in a thread. */
typedef struct
{
  PulseCache *cache;
  guint       part;
  GPtrArray  *stored;   /* PulseStateStoredTicket */
  GError     *error;
} OpenPart;

#define N_OPEN_PARTS 2

static gpointer
read_open_part (gpointer data)
{
  OpenPart *part = data;
  g_autoptr(GPtrArray) tickets = NULL;

  pulse_background_enter ();
  tickets = pulse_cache_list_open_tickets_part (part->cache, part->part, N_OPEN_PARTS,
                                                &part->error);
  if (tickets != NULL)
    part->stored = _pulse_sync_stored_tickets (tickets);
  return NULL;
}

static void
open_part_clear (OpenPart *part)
{
  g_clear_pointer (&part->stored, g_ptr_array_unref);
  g_clear_error (&part->error);
}

/* The directory in this thread while the open tickets are read in two
 * (the machine has two cores or more): the tickets are most of a first
 * state's time, in parsing and decoding. */
static PulseState *
state_from_cache (PulseCache  *cache,
                  gint64       seq,
                  GError     **error)
{
  OpenPart parts[N_OPEN_PARTS] = { { cache, 0 }, { cache, 1 } };
  GThread *other = g_thread_try_new ("pulse-cache-read", read_open_part, &parts[1], NULL);
  g_autoptr(JsonNode) snapshot = snapshot_from_cache (cache, seq, error);
  g_autoptr(PulseState) state = NULL;
  gboolean ok;

  if (snapshot != NULL)
    state = pulse_state_new_from_snapshot (snapshot, error);
  read_open_part (&parts[0]);
  if (other != NULL)
    g_thread_join (other);
  else
    read_open_part (&parts[1]);

  ok = state != NULL;
  for (guint p = 0; p < N_OPEN_PARTS; p++)
    {
      if (ok && parts[p].error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&parts[p].error));
          ok = FALSE;
        }
      for (guint i = 0; ok && i < parts[p].stored->len; i++)
        {
          g_autoptr(GError) local_error = NULL;

          /* Tickets go in as fetched ones: a ticket history paging
           * stored at a newer version than the cache's seq is then not a
           * conflict, and the events up to its version are skipped as it
           * has them. */
          if (!pulse_state_put_stored (state, g_steal_pointer (&parts[p].stored->pdata[i]), NULL,
                                       &local_error))
            g_message ("cache: leaving out a ticket: %s", local_error->message);
        }
      open_part_clear (&parts[p]);
    }

  return ok ? g_steal_pointer (&state) : NULL;
}

/**
 * _pulse_sync_store_load:
 *
 * Opens the cache and reads the state it holds.
 *
 * Returns: (transfer full) (nullable): what was found, with a %NULL
 *   state when the cache has none we can use; %NULL with @error if the
 *   file cannot be opened.
 */
PulseSyncLoad *
_pulse_sync_store_load (const char  *path,
                        const char  *server_url,
                        gint64       now,
                        GError     **error)
{
  g_autoptr(PulseSyncLoad) load = g_new0 (PulseSyncLoad, 1);
  g_auto(PulseCacheMeta) meta = { 0 };
  g_autoptr(GError) local_error = NULL;

  load->cache = pulse_cache_open (path, server_url, error);
  if (load->cache == NULL)
    return NULL;

  load->rebuilt = pulse_cache_was_rebuilt (load->cache);
  if (!pulse_cache_read_meta (load->cache, &meta, &local_error))
    {
      g_message ("cache: no state read: %s", local_error->message);
      return g_steal_pointer (&load);
    }

  read_history (load->cache, &load->history);
  load->last_event_at = meta.last_event_at;

  /* Without a snapshot stored, what the cache holds is no state at a
   * seq (history alone, or nothing). */
  if (meta.snapshot_at == 0)
    return g_steal_pointer (&load);

  /* The first state is the directory and the open tickets; the day's
   * closed ones follow (pulse-sync-recent.c): they are two thirds of
   * what a start reads, and a lead looks at the queues first. */
  load->state = state_from_cache (load->cache, meta.seq, &local_error);
  if (load->state == NULL)
    g_message ("cache: its state is unusable, taking a snapshot: %s", local_error->message);

  return g_steal_pointer (&load);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  char **args = task_data;
  GError *error = NULL;
  PulseSyncLoad *load;

  pulse_background_enter ();
  load = _pulse_sync_store_load (args[0], args[1], g_get_real_time (), &error);
  if (load == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, load, (GDestroyNotify) _pulse_sync_load_free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PulseSync) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseSyncLoad) load = g_task_propagate_pointer (G_TASK (result), &error);

  if (load == NULL)
    {
      g_message ("cache: cannot open %s, running without it: %s", self->cache_path,
                 error->message);
      load = g_new0 (PulseSyncLoad, 1);
    }

  _pulse_sync_loaded (self, load);
}

/**
 * _pulse_sync_load_start:
 *
 * Opens the cache and reads its state in a worker; then
 * _pulse_sync_loaded(). Nothing else touches the cache before.
 */
void
_pulse_sync_load_start (PulseSync *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, load_done_cb, g_object_ref (self));
  char **args = g_new0 (char *, 3);

  args[0] = g_strdup (self->cache_path);
  args[1] = g_strdup (pulse_client_get_base_url (self->client));
  g_task_set_source_tag (task, _pulse_sync_load_start);
  g_task_set_task_data (task, args, (GDestroyNotify) g_strfreev);
  pulse_background_run_in_thread (task, load_worker);
}
