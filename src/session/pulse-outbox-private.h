/* pulse-outbox-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseOutbox is split by concern: pulse-outbox.c holds the object, its
 * state and public API; pulse-outbox-ops.c the cache writes, run one at a
 * time in workers; pulse-outbox-send.c the sender. This header is shared
 * by the three and by nothing else.
 */

#pragma once

#include "pulse-backoff.h"
#include "pulse-outbox.h"

G_BEGIN_DECLS

/* The first retry comes within a second; none waits over a minute. */
#define PULSE_OUTBOX_RETRY_BASE_MS 1000
#define PULSE_OUTBOX_RETRY_CAP_MS  60000

typedef enum
{
  PULSE_OUTBOX_OP_LOAD,
  PULSE_OUTBOX_OP_SUBMIT,
  PULSE_OUTBOX_OP_ACKNOWLEDGE,
  PULSE_OUTBOX_OP_FAIL,
  PULSE_OUTBOX_OP_CONFLICT,
  PULSE_OUTBOX_OP_REJECT,
  PULSE_OUTBOX_OP_KEEP_MINE,
  PULSE_OUTBOX_OP_TAKE_THEIRS,
  PULSE_OUTBOX_OP_DISCARD,
} PulseOutboxOpKind;

/**
 * PulseOutboxOp:
 * @entry_id: the entry; for a submit, set by the worker
 * @json: the submit's body, the answer acknowledged, or theirs
 * @entry: (nullable): for a resolution, the entry as it was before
 * @changed: ids of later entries of the same item that the operation
 *   turned into conflicts or rejections, to signal
 * @entries: the outbox after the write, read by the worker
 *
 * One change of the outbox, as copied task data: the worker touches
 * nothing else.
 */
typedef struct
{
  PulseOutboxOpKind  kind;
  PulseCache        *cache;
  gint64             entry_id;
  char              *method;
  char              *path;
  char              *key;
  char              *entity_kind;
  char              *entity_id;
  gint64             base_version;
  JsonNode          *json;
  guint              status;
  char              *message;
  gint64             next_attempt_at;
  PulseOutboxEntry  *entry;
  GArray            *changed;
  GPtrArray         *entries;
} PulseOutboxOp;

struct _PulseOutbox
{
  GObject          parent_instance;

  PulseClient     *client;
  PulseCache      *cache;
  /* Cancelled at dispose: the request in flight stops, and stays in the
   * cache to be sent again, with its key, by the next outbox. */
  GCancellable    *cancellable;

  /* The outbox as the last write left it, in order; entries are never
   * changed, only replaced with the whole array. */
  GPtrArray       *entries;
  guint            counts[PULSE_OUTBOX_REJECTED + 1];
  gboolean         loaded;

  /* Writes run one at a time, in the order they were asked for: a create
   * saved before an update gets the smaller id. */
  GQueue           ops;
  gboolean         op_running;

  gboolean         online;
  gint64           sending;
  gint64           not_before;
  gint64           retry_after_until;
  guint            retry_source;
  PulseBackoff     backoff;
  gboolean         record_failing;  /* the last answer could not be written */
};

PulseOutboxOp    *_pulse_outbox_op_new       (PulseOutbox        *self,
                                              PulseOutboxOpKind   kind,
                                              gint64              entry_id);
void              _pulse_outbox_op_free      (PulseOutboxOp      *op);
void              _pulse_outbox_run_op       (PulseOutbox        *self,
                                              PulseOutboxOp      *op,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
void              _pulse_outbox_op_done      (PulseOutbox        *self,
                                              PulseOutboxOp      *op,
                                              const GError       *error);
void              _pulse_outbox_set_sending  (PulseOutbox        *self,
                                              gint64              entry_id);
PulseOutboxEntry *_pulse_outbox_entry_copy   (const PulseOutboxEntry *entry);
const PulseOutboxEntry *
                  _pulse_outbox_find_entry   (PulseOutbox        *self,
                                              gint64              entry_id);
const char       *_pulse_outbox_collection   (const char         *kind);
JsonNode         *_pulse_outbox_copy_json    (JsonNode           *node);
void              _pulse_outbox_pump         (PulseOutbox        *self);
void              _pulse_outbox_stop         (PulseOutbox        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseOutboxOp, _pulse_outbox_op_free)

/* A scalar member of an object node of unknown shape, or NULL when there
 * is none: answers and bodies are read without trusting them. */
static inline JsonNode *
_pulse_outbox_json_member (JsonNode   *node,
                           const char *member,
                           GType       type)
{
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  value = json_object_get_member (json_node_get_object (node), member);
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != type)
    return NULL;
  return value;
}

static inline const char *
_pulse_outbox_json_string (JsonNode   *node,
                           const char *member)
{
  JsonNode *value = _pulse_outbox_json_member (node, member, G_TYPE_STRING);

  return value != NULL ? json_node_get_string (value) : NULL;
}

static inline gint64
_pulse_outbox_json_int (JsonNode   *node,
                        const char *member)
{
  JsonNode *value = _pulse_outbox_json_member (node, member, G_TYPE_INT64);

  return value != NULL ? json_node_get_int (value) : 0;
}

G_END_DECLS
