/* pulse-outbox-send.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sender of #PulseOutbox: one entry in flight at a time, the first
 * one due, so a create reaches the server before the update that follows
 * it. A failure keeps its place and holds back everything behind it until
 * the retry; a held entry (conflict, rejection) holds back only the later
 * edits of its item.
 */

#include "config.h"

#include "pulse-outbox-private.h"

#define HTTP_PRECONDITION_FAILED 412

typedef struct
{
  /* Not a reference: once the cancellable is cancelled (at dispose), the
   * outbox may be gone, and the callback returns at once. */
  PulseOutbox      *self;
  GCancellable     *cancellable;
  PulseOutboxEntry *entry;
} Sending;

static void
sending_free (Sending *sending)
{
  g_clear_object (&sending->cancellable);
  g_clear_pointer (&sending->entry, pulse_outbox_entry_free);
  g_free (sending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sending, sending_free)

static const PulseOutboxEntry *
next_to_send (GPtrArray *entries)
{
  g_autoptr(GHashTable) held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const PulseOutboxEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *item = NULL;

      if (entry->entity_id != NULL)
        item = g_strconcat (entry->entity_kind ? entry->entity_kind : "", "/", entry->entity_id,
                            NULL);

      if (entry->state == PULSE_OUTBOX_CONFLICT || entry->state == PULSE_OUTBOX_REJECTED)
        {
          if (item != NULL)
            g_hash_table_add (held, g_steal_pointer (&item));
          continue;
        }

      if (item == NULL || !g_hash_table_contains (held, item))
        return entry;
    }

  return NULL;
}

/* A reason to try again later rather than a refusal of the change: the
 * token may be renewed (401), the server may come back. */
static gboolean
is_transient (guint status)
{
  return status < 400 || status >= 500 || status == 401 || status == 408 || status == 429;
}

/* The protocol's `{"error":{"code","message"}}`, or the bare status. */
static char *
describe (guint     status,
          JsonNode *answer)
{
  JsonNode *error = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
                    ? json_object_get_member (json_node_get_object (answer), "error") : NULL;
  const char *message = _pulse_outbox_json_string (error, "message");
  const char *code = _pulse_outbox_json_string (error, "code");

  if (message != NULL)
    return g_strdup (message);
  if (code != NULL)
    return g_strdup_printf ("HTTP %u %s", status, code);
  return g_strdup_printf ("HTTP %u", status);
}

static PulseOutboxOp *
failure (PulseOutbox *self,
         gint64       entry_id,
         char        *message,
         guint        retry_after)
{
  PulseOutboxOp *op = _pulse_outbox_op_new (self, PULSE_OUTBOX_OP_FAIL, entry_id);
  gint64 now = g_get_monotonic_time ();
  gint64 delay = (gint64) pulse_backoff_next_ms (&self->backoff) * 1000;

  if (retry_after > 0)
    {
      self->retry_after_until = now + (gint64) retry_after * G_USEC_PER_SEC;
      delay = MAX (delay, (gint64) retry_after * G_USEC_PER_SEC);
    }

  self->not_before = now + delay;
  op->message = message;
  op->next_attempt_at = g_get_real_time () + delay;
  return op;
}

/* The server answered: whatever it said, it is reachable. */
static void
answered (PulseOutbox *self)
{
  pulse_backoff_reset (&self->backoff);
  self->not_before = 0;
  self->retry_after_until = 0;
}

static PulseOutboxOp *
classify (PulseOutbox *self,
          gint64       entry_id,
          guint        status,
          JsonNode    *answer,
          guint        retry_after)
{
  gboolean success = status >= 200 && status < 300;
  PulseOutboxOp *op;

  if (!success && is_transient (status))
    {
      g_autofree char *what = describe (status, answer);

      return failure (self, entry_id, g_strdup_printf ("not sent: %s", what), retry_after);
    }

  answered (self);
  if (success)
    {
      op = _pulse_outbox_op_new (self, PULSE_OUTBOX_OP_ACKNOWLEDGE, entry_id);
      op->json = answer != NULL ? json_node_ref (answer) : NULL;
    }
  else if (status == HTTP_PRECONDITION_FAILED)
    {
      JsonNode *current = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
                          ? json_object_get_member (json_node_get_object (answer), "current")
                          : NULL;

      op = _pulse_outbox_op_new (self, PULSE_OUTBOX_OP_CONFLICT, entry_id);
      op->json = _pulse_outbox_copy_json (current);
    }
  else
    {
      op = _pulse_outbox_op_new (self, PULSE_OUTBOX_OP_REJECT, entry_id);
      op->status = status;
      op->message = describe (status, answer);
    }

  return op;
}

static void
result_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PulseOutbox *self = PULSE_OUTBOX (object);
  g_autoptr(GError) error = NULL;

  /* The entry stays as it was, to send again: pause first, so a cache
   * that cannot be written does not turn into a busy loop. Said once
   * until it works again (the window tells a full disk from the sync
   * engine's cache-error). */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!self->record_failing)
        g_warning ("outbox: cannot record the server's answer, sending again later: %s",
                   error->message);
      else
        g_debug ("outbox: still cannot record the server's answer: %s", error->message);
      self->record_failing = TRUE;
      self->not_before = g_get_monotonic_time () +
                         (gint64) pulse_backoff_next_ms (&self->backoff) * 1000;
    }
  else if (self->record_failing)
    {
      g_message ("outbox: the server's answers are recorded again");
      self->record_failing = FALSE;
    }

  _pulse_outbox_set_sending (self, 0);
  _pulse_outbox_pump (self);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Sending) sending = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  PulseOutboxOp *op;
  gboolean replayed = FALSE;
  guint retry_after = 0;
  guint status = 0;

  if (!pulse_client_send_json_finish (PULSE_CLIENT (object), result, &status, &answer,
                                      &retry_after, &replayed, &error))
    {
      if (g_cancellable_is_cancelled (sending->cancellable))
        return;
      op = failure (sending->self, sending->entry->id,
                    g_strdup_printf ("not sent: %s", error->message), 0);
    }
  else
    {
      if (g_cancellable_is_cancelled (sending->cancellable))
        return;
      g_debug ("outbox: entry %" G_GINT64_FORMAT ": HTTP %u%s", sending->entry->id, status,
               replayed ? ", answered from the server's memory" : "");
      op = classify (sending->self, sending->entry->id, status, answer, retry_after);
    }

  op->entry = g_steal_pointer (&sending->entry);
  _pulse_outbox_run_op (sending->self, op, NULL, result_written_cb, NULL);
}

static void
send_entry (PulseOutbox            *self,
            const PulseOutboxEntry *entry)
{
  Sending *sending = g_new0 (Sending, 1);
  g_autofree char *if_match = NULL;

  sending->self = self;
  sending->cancellable = g_object_ref (self->cancellable);
  sending->entry = _pulse_outbox_entry_copy (entry);

  if (entry->base_version > 0)
    if_match = g_strdup_printf ("%" G_GINT64_FORMAT, entry->base_version);

  _pulse_outbox_set_sending (self, entry->id);
  g_debug ("outbox: sending entry %" G_GINT64_FORMAT ": %s %s", entry->id, entry->method,
           entry->path);
  pulse_client_send_json_async (self->client, entry->method, entry->path, entry->body, if_match,
                                entry->idempotency_key, self->cancellable, send_cb, sending);
}

static gboolean
on_retry_cb (gpointer user_data)
{
  PulseOutbox *self = user_data;

  self->retry_source = 0;
  _pulse_outbox_pump (self);
  return G_SOURCE_REMOVE;
}

/**
 * _pulse_outbox_pump:
 *
 * Sends the next entry due, or sets a timer for when it is due. Called
 * whenever something changed; does nothing while an entry is in flight.
 */
void
_pulse_outbox_pump (PulseOutbox *self)
{
  const PulseOutboxEntry *entry;
  gint64 now, due;

  _pulse_outbox_stop (self);
  if (!self->loaded || !self->online || self->sending != 0 || self->client == NULL)
    return;

  entry = next_to_send (self->entries);
  if (entry == NULL)
    return;

  now = g_get_monotonic_time ();
  due = MAX (self->not_before, self->retry_after_until);
  if (now < due)
    {
      self->retry_source = g_timeout_add ((guint) ((due - now + 999) / 1000), on_retry_cb, self);
      return;
    }

  send_entry (self, entry);
}

void
_pulse_outbox_stop (PulseOutbox *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
}

/**
 * pulse_outbox_kick:
 *
 * Tries the next entry now instead of when its backoff ends ("retry
 * now"); a `Retry-After` from the server is still honoured.
 */
void
pulse_outbox_kick (PulseOutbox *self)
{
  g_return_if_fail (PULSE_IS_OUTBOX (self));

  self->not_before = 0;
  _pulse_outbox_pump (self);
}

/**
 * pulse_outbox_set_retry_delays:
 * @base_ms: the longest first wait after a failure
 * @cap_ms: the longest wait of all
 *
 * Sets the backoff between failed attempts: a random wait up to @base_ms
 * doubling with each failure in a row, up to @cap_ms (full jitter).
 */
void
pulse_outbox_set_retry_delays (PulseOutbox *self,
                               guint        base_ms,
                               guint        cap_ms)
{
  guint64 seed;

  g_return_if_fail (PULSE_IS_OUTBOX (self));
  g_return_if_fail (base_ms <= cap_ms);

  seed = ((guint64) g_random_int () << 32) | g_random_int ();
  pulse_backoff_init (&self->backoff, base_ms, cap_ms, seed);
}
