/* pulse-outbox.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-outbox-private.h"

/**
 * PulseOutbox:
 *
 * Every change a user saves to a managed item (rules, templates,
 * scorecards, mentorships, shifts, reviews) goes through the outbox: it is
 * written to the cache with a fresh idempotency key before anything is
 * sent, then sent in order, one at a time, while the session says the
 * server is online. The server's answer decides what becomes of it:
 *
 * - 2xx: removed, and #PulseOutbox::acknowledged is emitted;
 * - no answer, 5xx, 429, 408 or 401: kept as failed and retried after a
 *   backoff with full jitter (at least `Retry-After`, when given), ahead
 *   of everything saved after it;
 * - 412: held as a conflict with the server's item, #PulseOutbox::conflict;
 * - any other 4xx: held as rejected with the server's message,
 *   #PulseOutbox::rejected.
 *
 * Held entries stay until the user settles them; later edits of the same
 * item wait behind them, while other items' edits go on. Nothing leaves
 * the outbox unless the server took it or the user let it go. An entry
 * sent before a crash is sent again with its original key, so the server
 * answers it from its memory instead of applying it twice.
 */

G_DEFINE_FINAL_TYPE (PulseOutbox, pulse_outbox, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CACHE,
  PROP_ONLINE,
  PROP_LOADED,
  PROP_SENDING,
  PROP_N_PENDING,
  PROP_N_FAILED,
  PROP_N_CONFLICTS,
  PROP_N_REJECTED,
  N_PROPS
};

enum {
  ACKNOWLEDGED,
  CONFLICT,
  REJECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One property per state, in PulseOutboxState order. */
static const guint count_props[] = {
  PROP_N_PENDING, PROP_N_FAILED, PROP_N_CONFLICTS, PROP_N_REJECTED,
};

G_STATIC_ASSERT (G_N_ELEMENTS (count_props) == PULSE_OUTBOX_REJECTED + 1);

const PulseOutboxEntry *
_pulse_outbox_find_entry (PulseOutbox *self,
                          gint64       entry_id)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const PulseOutboxEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->id == entry_id)
        return entry;
    }

  return NULL;
}

/* Copies share the JSON nodes; sealed, none can change under another. */
static void
apply_snapshot (PulseOutbox *self,
                GPtrArray   *entries)
{
  guint counts[G_N_ELEMENTS (self->counts)] = { 0 };

  for (guint i = 0; i < entries->len; i++)
    {
      PulseOutboxEntry *entry = g_ptr_array_index (entries, i);

      if (entry->body != NULL)
        json_node_seal (entry->body);
      if (entry->theirs != NULL)
        json_node_seal (entry->theirs);
      counts[entry->state]++;
    }

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      if (self->counts[i] != counts[i])
        {
          self->counts[i] = counts[i];
          g_object_notify_by_pspec (G_OBJECT (self), properties[count_props[i]]);
        }
    }
}

/* Later edits of an item that a resolution held too. */
static void
emit_changed (PulseOutbox   *self,
              PulseOutboxOp *op)
{
  for (guint i = 0; op->changed != NULL && i < op->changed->len; i++)
    {
      gint64 id = g_array_index (op->changed, gint64, i);
      const PulseOutboxEntry *entry = _pulse_outbox_find_entry (self, id);

      if (entry == NULL)
        continue;
      if (entry->state == PULSE_OUTBOX_CONFLICT)
        g_signal_emit (self, signals[CONFLICT], 0, entry->id, entry->body, entry->theirs);
      else if (entry->state == PULSE_OUTBOX_REJECTED)
        g_signal_emit (self, signals[REJECTED], 0, entry->id, entry->last_status,
                       entry->last_error);
    }
}

static void
emit_acknowledged (PulseOutbox   *self,
                   PulseOutboxOp *op)
{
  const char *id = op->entry->entity_id;

  /* A create without an id learns it from the answer. */
  if (id == NULL)
    id = _pulse_outbox_json_string (op->json, "id");
  g_signal_emit (self, signals[ACKNOWLEDGED], 0, op->entry_id, op->entry->entity_kind, id,
                 op->json, op->entry->method);
}

/**
 * _pulse_outbox_op_done:
 * @error: (nullable): why the write failed
 *
 * Takes the outbox as @op's worker read it, then signals what changed.
 */
void
_pulse_outbox_op_done (PulseOutbox   *self,
                       PulseOutboxOp *op,
                       const GError  *error)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (op->entries != NULL)
    apply_snapshot (self, g_steal_pointer (&op->entries));
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (error != NULL)
    return;

  switch (op->kind)
    {
    case PULSE_OUTBOX_OP_ACKNOWLEDGE:
      emit_acknowledged (self, op);
      break;
    case PULSE_OUTBOX_OP_CONFLICT:
      g_signal_emit (self, signals[CONFLICT], 0, op->entry_id, op->entry->body, op->json);
      break;
    case PULSE_OUTBOX_OP_REJECT:
      g_signal_emit (self, signals[REJECTED], 0, op->entry_id, op->status, op->message);
      break;
    default:
      break;
    }
  emit_changed (self, op);
}

void
_pulse_outbox_set_sending (PulseOutbox *self,
                           gint64       entry_id)
{
  if (self->sending == entry_id)
    return;

  self->sending = entry_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENDING]);
}

static void
pulse_outbox_constructed (GObject *object)
{
  PulseOutbox *self = (PulseOutbox *)object;

  G_OBJECT_CLASS (pulse_outbox_parent_class)->constructed (object);

  g_assert (PULSE_IS_CLIENT (self->client));
  g_assert (PULSE_IS_CACHE (self->cache));

  /* What an earlier run left is sent first, with its original keys. */
  _pulse_outbox_run_op (self, _pulse_outbox_op_new (self, PULSE_OUTBOX_OP_LOAD, 0), NULL, NULL,
                        NULL);
}

static void
pulse_outbox_dispose (GObject *object)
{
  PulseOutbox *self = (PulseOutbox *)object;

  g_cancellable_cancel (self->cancellable);
  _pulse_outbox_stop (self);
  g_clear_object (&self->client);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (pulse_outbox_parent_class)->dispose (object);
}

static void
pulse_outbox_finalize (GObject *object)
{
  PulseOutbox *self = (PulseOutbox *)object;

  /* Every queued write holds a reference: none is left. */
  g_assert (g_queue_is_empty (&self->ops));
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_outbox_parent_class)->finalize (object);
}

static void
pulse_outbox_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PulseOutbox *self = PULSE_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_CACHE:
      g_value_set_object (value, self->cache);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_SENDING:
      g_value_set_int64 (value, self->sending);
      break;
    case PROP_N_PENDING:
    case PROP_N_FAILED:
    case PROP_N_CONFLICTS:
    case PROP_N_REJECTED:
      g_value_set_uint (value, self->counts[prop_id - PROP_N_PENDING]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_outbox_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PulseOutbox *self = PULSE_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_CACHE:
      self->cache = g_value_dup_object (value);
      break;
    case PROP_ONLINE:
      pulse_outbox_set_online (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_param (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
pulse_outbox_class_init (PulseOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pulse_outbox_constructed;
  object_class->dispose = pulse_outbox_dispose;
  object_class->finalize = pulse_outbox_finalize;
  object_class->get_property = pulse_outbox_get_property;
  object_class->set_property = pulse_outbox_set_property;

  /**
   * PulseOutbox:client:
   *
   * The client the changes are sent with.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PULSE_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PulseOutbox:cache:
   *
   * The cache whose outbox holds the changes.
   */
  properties[PROP_CACHE] =
    g_param_spec_object ("cache", NULL, NULL, PULSE_TYPE_CACHE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PulseOutbox:online:
   *
   * Whether the server is reachable, as the session's connection state
   * says; nothing is sent while it is %FALSE.
   */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PulseOutbox:loaded:
   *
   * Whether what the cache held at start has been read.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseOutbox:sending:
   *
   * The id of the entry on its way to the server, or 0.
   */
  properties[PROP_SENDING] =
    g_param_spec_int64 ("sending", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseOutbox:n-pending:
   *
   * Entries saved and not sent yet (or on their way).
   */
  properties[PROP_N_PENDING] = count_param ("n-pending");

  /**
   * PulseOutbox:n-failed:
   *
   * Entries whose last attempt failed for a reason that may pass; they
   * are retried.
   */
  properties[PROP_N_FAILED] = count_param ("n-failed");

  /**
   * PulseOutbox:n-conflicts:
   *
   * Entries held because the item changed on the server meanwhile.
   */
  properties[PROP_N_CONFLICTS] = count_param ("n-conflicts");

  /**
   * PulseOutbox:n-rejected:
   *
   * Entries held because the server refused them.
   */
  properties[PROP_N_REJECTED] = count_param ("n-rejected");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PulseOutbox::acknowledged:
   * @entry_id: the entry, now gone from the outbox
   * @kind: (nullable): the item's kind ("rule" …)
   * @id: (nullable): the item's id
   * @answer: (nullable): the server's answer: the item as stored for a
   *   create or update, `{"id","version"}` for a delete
   * @method: "POST", "PUT" or "DELETE", to tell a delete's answer apart
   *
   * The server took the change. The session may apply @answer at once;
   * the event stream confirms it.
   */
  signals[ACKNOWLEDGED] =
    g_signal_new ("acknowledged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 5, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING,
                  JSON_TYPE_NODE, G_TYPE_STRING);

  /**
   * PulseOutbox::conflict:
   * @entry_id: the entry, held
   * @mine: (nullable): the change as saved (%NULL for a delete)
   * @theirs: (nullable): the item as the server has it
   *
   * The item changed on the server since the user's edit was based on
   * it. Settle it with pulse_outbox_resolve_keep_mine_async() or
   * pulse_outbox_resolve_take_theirs_async().
   */
  signals[CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, JSON_TYPE_NODE,
                  JSON_TYPE_NODE);

  /**
   * PulseOutbox::rejected:
   * @entry_id: the entry, held
   * @status: the HTTP status (424 when the outbox refused it because the
   *   item's create was discarded)
   * @message: the server's reason
   *
   * The server refused the change. It stays, with @message, until the
   * user discards it with pulse_outbox_discard_async().
   */
  signals[REJECTED] =
    g_signal_new ("rejected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_STRING);
}

static void
pulse_outbox_init (PulseOutbox *self)
{
  self->cancellable = g_cancellable_new ();
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_outbox_entry_free);
  g_queue_init (&self->ops);
  pulse_outbox_set_retry_delays (self, PULSE_OUTBOX_RETRY_BASE_MS, PULSE_OUTBOX_RETRY_CAP_MS);
}

/**
 * pulse_outbox_new:
 * @client: the client to send with
 * @cache: the cache whose outbox to keep
 *
 * Reads what @cache holds (in a worker) and sends it once
 * pulse_outbox_set_online() says the server is up.
 *
 * Returns: (transfer full): the outbox.
 */
PulseOutbox *
pulse_outbox_new (PulseClient *client,
                  PulseCache  *cache)
{
  g_return_val_if_fail (PULSE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (PULSE_IS_CACHE (cache), NULL);

  return g_object_new (PULSE_TYPE_OUTBOX, "client", client, "cache", cache, NULL);
}

/**
 * pulse_outbox_set_online:
 * @online: whether the server is reachable
 *
 * The session calls this as its connection state changes. Coming online
 * sends at once, without waiting out the backoff (but not before a
 * `Retry-After` the server gave). Going offline stops the retries; an
 * entry in flight still gets its answer.
 */
void
pulse_outbox_set_online (PulseOutbox *self,
                         gboolean     online)
{
  g_return_if_fail (PULSE_IS_OUTBOX (self));

  online = !!online;
  if (self->online == online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
  if (online)
    pulse_outbox_kick (self);
  else
    _pulse_outbox_stop (self);
}
