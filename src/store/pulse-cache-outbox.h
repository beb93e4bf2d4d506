/* pulse-cache-outbox.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-cache.h"

G_BEGIN_DECLS

/**
 * PulseOutboxState:
 * @PULSE_OUTBOX_PENDING: saved, not tried yet
 * @PULSE_OUTBOX_FAILED: tried and failed for a reason that may pass
 *   (offline, 5xx, 429); due again at its `next_attempt_at`
 * @PULSE_OUTBOX_CONFLICT: the server answered 412; holds the server's
 *   item ("theirs") until the user chooses
 * @PULSE_OUTBOX_REJECTED: the server refused it (a 4xx other than 412);
 *   kept with its error for the UI, never sent again unless requeued
 *
 * Pending and failed entries are "to send"; conflicts and rejections are
 * "held" for the user. Nothing leaves the outbox except by
 * pulse_cache_outbox_remove().
 */
typedef enum
{
  PULSE_OUTBOX_PENDING,
  PULSE_OUTBOX_FAILED,
  PULSE_OUTBOX_CONFLICT,
  PULSE_OUTBOX_REJECTED,
} PulseOutboxState;

/**
 * PulseOutboxEntry:
 * @id: the entry's place in the outbox; entries are sent in id order
 * @base_version: the version the edit was made against (`If-Match`), 0 none
 * @last_status: the HTTP status of the last refusal, 0 if none
 * @theirs: (nullable): the server's item after a 412
 *
 * One request a user saved, as it was stored.
 */
typedef struct
{
  gint64            id;
  char             *method;
  char             *path;
  JsonNode         *body;
  char             *idempotency_key;
  char             *entity_kind;
  char             *entity_id;
  gint64            base_version;
  PulseOutboxState  state;
  guint             attempts;
  gint64            next_attempt_at;
  guint             last_status;
  char             *last_error;
  JsonNode         *theirs;
  gint64            created_at;
} PulseOutboxEntry;

void              pulse_outbox_entry_free            (PulseOutboxEntry  *entry);
const char       *pulse_outbox_state_to_string       (PulseOutboxState   state);

gint64            pulse_cache_outbox_enqueue         (PulseCache        *self,
                                                      const char        *method,
                                                      const char        *path,
                                                      JsonNode          *body,
                                                      const char        *idempotency_key,
                                                      const char        *entity_kind,
                                                      const char        *entity_id,
                                                      gint64             base_version,
                                                      GError           **error);
GPtrArray        *pulse_cache_outbox_list_pending    (PulseCache        *self,
                                                      GError           **error);
GPtrArray        *pulse_cache_outbox_list_all        (PulseCache        *self,
                                                      GError           **error);
PulseOutboxEntry *pulse_cache_outbox_get             (PulseCache        *self,
                                                      gint64             id,
                                                      GError           **error);
gboolean          pulse_cache_outbox_remove          (PulseCache        *self,
                                                      gint64             id,
                                                      GError           **error);
gboolean          pulse_cache_outbox_mark_failed     (PulseCache        *self,
                                                      gint64             id,
                                                      gint64             next_attempt_at,
                                                      const char        *message,
                                                      guint             *attempts,
                                                      GError           **error);
gboolean          pulse_cache_outbox_mark_conflict   (PulseCache        *self,
                                                      gint64             id,
                                                      JsonNode          *theirs,
                                                      GError           **error);
gboolean          pulse_cache_outbox_mark_rejected   (PulseCache        *self,
                                                      gint64             id,
                                                      guint              status,
                                                      const char        *message,
                                                      GError           **error);
gboolean          pulse_cache_outbox_requeue         (PulseCache        *self,
                                                      gint64             id,
                                                      gint64             base_version,
                                                      JsonNode          *body,
                                                      const char        *idempotency_key,
                                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseOutboxEntry, pulse_outbox_entry_free)

G_END_DECLS
