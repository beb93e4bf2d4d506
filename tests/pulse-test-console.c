/* pulse-test-console.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-outbox-private.h"
#include "pulse-sync-private.h"
#include "pulse-enums.h"
#include "pulse-test-console.h"
#include "pulse-test-faults.h"
#include "pulse-test-util.h"

#define MAX_UNSENT       3    /* edits saved but not yet acknowledged */
#define HTTP_TIMEOUT_S   3    /* a stalled request fails in seconds, not 30 */
#define PING_INTERVAL_S  1    /* as the child server's: a stalled stream is noticed in 3 s */
#define REFUSED_PAUSE_MS 100

static void kick (PulseTestConsole *self);

static void
edited_free (PulseTestEdited *item)
{
  g_free (item->id);
  g_free (item);
}

static gboolean
on_pause_done_cb (gpointer user_data)
{
  PulseTestConsole *self = user_data;

  self->submitting = FALSE;
  kick (self);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  PulseTestConsole *console;
  PulseTestEdited  *item;
  gint64            version;
} Submit;

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Submit *submit = user_data;
  PulseTestConsole *self = submit->console;
  g_autoptr(GError) error = NULL;

  if (pulse_outbox_submit_finish (PULSE_OUTBOX (object), result, &error) > 0)
    {
      submit->item->version = submit->version;
      self->n_saved++;
      if (self->saved != NULL)
        self->saved (self, submit->item->id, submit->version, self->saved_data);
      self->submitting = FALSE;
      kick (self);
    }
  else
    {
      /* The cache would not take it (a full disk): nothing was saved, and
       * the editor says so. Try again a little later. */
      g_message ("console: edit of %s not saved: %s", submit->item->id, error->message);
      self->n_refused++;
      if (submit->item->version == 0)
        g_ptr_array_remove (self->items, submit->item);
      g_timeout_add (REFUSED_PAUSE_MS, on_pause_done_cb, self);
    }
  g_free (submit);
}

static JsonNode *
template_body (PulseTestConsole *self,
               const char       *id)
{
  g_autofree char *text = g_strdup_printf ("{\"id\":\"%s\",\"name\":\"Edit %u\","
                                           "\"language\":\"uk\",\"channels\":[\"email\"],"
                                           "\"body\":\"Картку розблоковано, %u.\"}", id,
                                           self->n_saved, g_rand_int (self->rand));

  return pulse_json_parse (text, strlen (text), NULL);
}

/* A new template one time in three (always while there are few), else an
 * update of one made before. */
static void
submit_one (PulseTestConsole *self)
{
  Submit *submit = g_new0 (Submit, 1);
  g_autoptr(JsonNode) body = NULL;
  gboolean create = self->items->len < 2 || g_rand_int_range (self->rand, 0, 3) == 0;

  submit->console = self;
  if (create)
    {
      submit->item = g_new0 (PulseTestEdited, 1);
      submit->item->id = g_strdup_printf ("%s-%u", self->prefix, self->n_created++);
      g_ptr_array_add (self->items, submit->item);
    }
  else
    submit->item = self->items->pdata[g_rand_int_range (self->rand, 0, self->items->len)];

  submit->version = submit->item->version + 1;
  body = template_body (self, submit->item->id);
  self->submitting = TRUE;
  pulse_outbox_submit_async (self->outbox, create ? "POST" : "PUT", "template",
                             submit->item->id, submit->item->version, body, NULL,
                             submitted_cb, submit);
}

static void
kick (PulseTestConsole *self)
{
  if (!self->editing || self->submitting || self->outbox == NULL ||
      self->n_saved >= self->max_edits)
    return;
  if (pulse_outbox_get_n_pending (self->outbox) + pulse_outbox_get_n_failed (self->outbox) >=
      MAX_UNSENT)
    return;

  submit_one (self);
}

static void
on_outbox_counts_cb (GObject    *object,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  kick (user_data);
}

static void
on_sync_state_cb (PulseSync  *sync,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  PulseTestConsole *self = user_data;

  if (self->outbox != NULL)
    pulse_outbox_set_online (self->outbox,
                             pulse_sync_get_state (sync) == PULSE_CONNECTION_STATE_LIVE);
}

/* As PulseSession: the outbox shares the cache, which exists once the
 * cached state is loaded. */
static void
on_sync_reset_cb (PulseSync *sync,
                  gpointer   user_data)
{
  PulseTestConsole *self = user_data;
  PulseCache *cache = pulse_sync_get_cache (sync);

  if (self->outbox != NULL || cache == NULL)
    return;

  self->outbox = pulse_outbox_new (pulse_sync_get_client (sync), cache);
  pulse_outbox_set_retry_delays (self->outbox, 10, 200);
  on_sync_state_cb (sync, NULL, self);
  g_signal_connect (self->outbox, "notify::n-pending", G_CALLBACK (on_outbox_counts_cb), self);
  g_signal_connect (self->outbox, "notify::n-failed", G_CALLBACK (on_outbox_counts_cb), self);
  kick (self);
}

/**
 * pulse_test_console_new:
 * @prefix: the ids of the templates this console creates: "@prefix-N"
 * @seed: the seed of the editor's choices
 *
 * Returns: (transfer full): the console, started: it loads @cache_path
 *   and follows @url with @token. It does not edit until
 *   pulse_test_console_edit().
 */
PulseTestConsole *
pulse_test_console_new (const char *url,
                        const char *token,
                        const char *cache_path,
                        const char *prefix,
                        guint32     seed)
{
  PulseTestConsole *self = g_new0 (PulseTestConsole, 1);
  g_autoptr(PulseClient) client = pulse_client_new (url, token);

  g_object_set (pulse_client_get_soup (client), "timeout", HTTP_TIMEOUT_S, NULL);
  self->rand = g_rand_new_with_seed (seed);
  self->prefix = g_strdup (prefix);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) edited_free);
  self->sync = pulse_sync_new (client, cache_path);
  pulse_sync_set_timing (self->sync, 5, 100, 200);
  pulse_stream_set_ping_interval (self->sync->stream, PING_INTERVAL_S);
  g_signal_connect (self->sync, "reset", G_CALLBACK (on_sync_reset_cb), self);
  g_signal_connect (self->sync, "notify::state", G_CALLBACK (on_sync_state_cb), self);
  pulse_sync_start (self->sync);
  return self;
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pulse_sync_flush_finish (PULSE_SYNC (object), result, &error))
    g_message ("console: the last flush failed: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
is_not_submitting (gpointer data)
{
  return !((PulseTestConsole *) data)->submitting;
}

/* What still holds @what, said before the wait fails, so a hang names
 * its cause (a run in CI cannot be replayed under a debugger). */
static void
say_holders (const char *what,
             gpointer    object)
{
  if (PULSE_IS_SYNC (object))
    {
      PulseSync *sync = object;

      g_printerr ("console: still waiting for the %s: %u references, a write %s, %u queued, "
                  "%u flush waiters\n", what, G_OBJECT (object)->ref_count,
                  sync->job_running ? "running" : "not running", g_queue_get_length (&sync->jobs),
                  sync->flush_waiters->len);
    }
  else if (PULSE_IS_OUTBOX (object))
    {
      PulseOutbox *outbox = object;

      g_printerr ("console: still waiting for the %s: %u references, an op %s, %u queued\n",
                  what, G_OBJECT (object)->ref_count,
                  outbox->op_running ? "running" : "not running",
                  g_queue_get_length (&outbox->ops));
    }
}

typedef struct
{
  gpointer    object;   /* a weak pointer */
  const char *what;
  gint64      deadline;
  gboolean    said;
} Release;

static gboolean
is_released (gpointer data)
{
  Release *release = data;

  if (release->object == NULL)
    return TRUE;
  if (!release->said && g_get_monotonic_time () > release->deadline)
    {
      say_holders (release->what, release->object);
      pulse_test_print_own_stacks ();
      release->said = TRUE;
    }
  return FALSE;
}

static gboolean
on_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Drops our reference on @object and waits until it is finalized. */
static void
release_and_wait (gpointer    object,
                  const char *what)
{
  Release release = { object, what, g_get_monotonic_time () + 30 * G_USEC_PER_SEC, FALSE };
  guint tick = g_timeout_add_seconds (1, on_tick_cb, NULL);

  g_object_add_weak_pointer (G_OBJECT (object), &release.object);
  g_object_unref (object);
  pulse_test_wait_for (is_released, &release, 60000);
  g_source_remove (tick);
}

/* As the console quits: stop, flush (a failed flush is logged), and wait
 * until the sync and outbox are finalized. */
void
pulse_test_console_free (PulseTestConsole *self)
{
  gboolean flushed = FALSE;

  self->editing = FALSE;
  pulse_test_wait_for (is_not_submitting, self, 60000);
  pulse_sync_stop (self->sync);
  pulse_sync_flush_async (self->sync, NULL, flushed_cb, &flushed);
  pulse_test_wait_for (is_true, &flushed, 60000);
  g_signal_handlers_disconnect_by_data (self->sync, self);
  if (self->outbox != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->outbox, self);
      release_and_wait (g_steal_pointer (&self->outbox), "outbox");
    }
  release_and_wait (g_steal_pointer (&self->sync), "sync");
  g_ptr_array_unref (self->items);
  g_rand_free (self->rand);
  g_free (self->prefix);
  g_free (self);
}

/**
 * pulse_test_console_edit:
 * @max_edits: how many edits to save in all
 *
 * Starts editing: an edit whenever fewer than three saved ones wait to be
 * acknowledged and none is being saved.
 */
void
pulse_test_console_edit (PulseTestConsole *self,
                         guint             max_edits)
{
  self->editing = TRUE;
  self->max_edits = max_edits;
  kick (self);
}

/* No new edit from now on; one being saved still is. */
void
pulse_test_console_stop_editing (PulseTestConsole *self)
{
  self->editing = FALSE;
}

/* Entries of any state still in the outbox. */
guint
pulse_test_console_n_held (PulseTestConsole *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  if (self->outbox == NULL || !pulse_outbox_get_loaded (self->outbox))
    return G_MAXUINT;

  entries = pulse_outbox_dup_entries (self->outbox);
  return entries->len;
}

/**
 * pulse_test_console_caught_up:
 * @seq: the server's seq
 *
 * Returns: whether the sync is live at @seq or later, missing no ticket
 *   an event named, and the outbox is empty, with no edit being saved.
 */
gboolean
pulse_test_console_caught_up (PulseTestConsole *self,
                              gint64            seq)
{
  return pulse_sync_get_is_live (self->sync) && pulse_sync_get_seq (self->sync) >= seq &&
         pulse_sync_get_n_missing (self->sync) == 0 && !self->submitting &&
         pulse_test_console_n_held (self) == 0;
}

typedef struct
{
  PulseTestConsole *console;
  gint64            seq;
} CaughtUp;

static gboolean
is_caught_up (gpointer data)
{
  CaughtUp *wait = data;

  return pulse_test_console_caught_up (wait->console, wait->seq);
}

static gint64
server_seq (PulseTestServer *ts)
{
  g_autoptr(PulseTestResponse) response = NULL;

  response = pulse_test_server_request (ts, "GET", "/api/v1/health", NULL, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  return json_object_get_int_member (pulse_test_response_object (response), "seq");
}

static void
fail_not_caught_up (PulseTestConsole *self,
                    gint64            seq)
{
  GEnumClass *states = g_type_class_ref (PULSE_TYPE_CONNECTION_STATE);

  if (self->outbox != NULL)
    {
      g_autoptr(GPtrArray) entries = pulse_outbox_dup_entries (self->outbox);

      for (guint i = 0; i < entries->len; i++)
        {
          PulseOutboxEntry *entry = entries->pdata[i];

          g_test_message ("outbox entry %" G_GINT64_FORMAT ": %s %s base %" G_GINT64_FORMAT
                          ", %s after %u attempts, HTTP %u: %s", entry->id, entry->method,
                          entry->path, entry->base_version,
                          pulse_outbox_state_to_string (entry->state), entry->attempts,
                          entry->last_status, entry->last_error);
        }
    }
  g_error ("not caught up with seq %" G_GINT64_FORMAT ": %s, live %d, seq %" G_GINT64_FORMAT
           ", saving %d, outbox %u (pending %u, failed %u, conflicts %u, rejected %u)", seq,
           g_enum_get_value (states, pulse_sync_get_state (self->sync))->value_nick,
           pulse_sync_get_is_live (self->sync), pulse_sync_get_seq (self->sync),
           self->submitting, pulse_test_console_n_held (self),
           self->outbox ? pulse_outbox_get_n_pending (self->outbox) : 0,
           self->outbox ? pulse_outbox_get_n_failed (self->outbox) : 0,
           self->outbox ? pulse_outbox_get_n_conflicts (self->outbox) : 0,
           self->outbox ? pulse_outbox_get_n_rejected (self->outbox) : 0);
}

/**
 * pulse_test_console_wait_caught_up:
 * @ts: the server, which nothing but this console writes to any more
 *
 * Waits until the console is live at the server's seq with its outbox
 * empty: the last edits it sends move that seq, so until the seq holds.
 * Fails the test, saying where the console stands, after two minutes.
 */
void
pulse_test_console_wait_caught_up (PulseTestConsole *self,
                                   PulseTestServer  *ts)
{
  CaughtUp wait = { self, server_seq (ts) };
  gint64 seq;

  pulse_test_console_stop_editing (self);
  for (;;)
    {
      pulse_test_faults_run_for (PULSE_TEST_FAULTS_WAIT_MS, is_caught_up, &wait);
      if (!is_caught_up (&wait))
        fail_not_caught_up (self, wait.seq);
      seq = server_seq (ts);
      if (seq == wait.seq)
        break;
      wait.seq = seq;
    }
}

static JsonObject *
get_object (PulseTestServer    *ts,
            const char         *path,
            PulseTestResponse **response)
{
  *response = pulse_test_server_request (ts, "GET", path,
                                         pulse_test_server_get_token (ts, PULSE_ROLE_HEAD),
                                         NULL, NULL);
  g_assert_cmpuint ((*response)->status, ==, 200);
  return pulse_test_response_object (*response);
}

/* How many audit entries template @id has: one per change applied. */
static guint
audit_count (PulseTestServer *ts,
             const char      *id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/audit?entity=template&id=%s&limit=1000", id);
  g_autoptr(PulseTestResponse) response = NULL;
  JsonObject *object = get_object (ts, path, &response);

  return json_array_get_length (json_object_get_array_member (object, "entries"));
}

/**
 * pulse_test_assert_edits:
 * @items: (element-type PulseTestEdited): edits known to be saved
 * @exact: whether @items are all the edits; else one more edit of an item
 *   may have been saved unreported (a kill right after the save)
 *
 * Every saved edit is on the server exactly once: each item at the
 * version its last saved edit gives, with one audit entry per version.
 */
void
pulse_test_assert_edits (PulseTestServer *ts,
                         GPtrArray       *items,
                         gboolean         exact)
{
  for (guint i = 0; i < items->len; i++)
    {
      PulseTestEdited *item = items->pdata[i];
      g_autofree char *path = g_strconcat ("/api/v1/templates/", item->id, NULL);
      g_autoptr(PulseTestResponse) response = NULL;
      gint64 version;

      if (item->version == 0)
        continue;
      version = json_object_get_int_member (get_object (ts, path, &response), "version");
      if (exact)
        g_assert_cmpint (version, ==, item->version);
      else
        {
          g_assert_cmpint (version, >=, item->version);
          g_assert_cmpint (version, <=, item->version + 1);
        }
      g_assert_cmpuint (audit_count (ts, item->id), ==, version);
    }
}

/**
 * pulse_test_assert_audit_once:
 *
 * No change of any template was applied twice: each has exactly one
 * audit entry per version, saved edits the test never heard of included.
 */
void
pulse_test_assert_audit_once (PulseTestServer *ts)
{
  g_autoptr(PulseTestResponse) response = NULL;
  JsonArray *templates = json_object_get_array_member (get_object (ts, "/api/v1/templates",
                                                                   &response), "templates");

  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonObject *item = json_array_get_object_element (templates, i);

      g_assert_cmpuint (audit_count (ts, json_object_get_string_member (item, "id")), ==,
                        json_object_get_int_member (item, "version"));
    }
}
