/* pulse-server-mutation.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One change requested over HTTP, from the token check to the answer:
 * Idempotency-Key replay, If-Match, the JSON body, one transaction, and
 * the error that rolled it back.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "pulse-item-kind.h"
#include "pulse-server.h"
#include "pulse-token-store.h"

G_BEGIN_DECLS

/**
 * PulseServerMutation:
 * @server: the server
 * @msg: the request
 * @who: the token that asked, for the audit log
 * @kind: (nullable): the collection, for item routes
 * @id: (nullable): the item the change is about
 * @if_match: the version the client based its change on, or -1
 * @input: (nullable): the request body, an object
 * @status: the status to answer on success, or the rejection's
 * @answer: (nullable): the body to answer on success
 * @current: (nullable): the item as stored, sent with a 412
 *
 * The state of one change. Transaction functions read it and fill in
 * @status and @answer, or call pulse_server_mutation_reject().
 */
typedef struct
{
  PulseServer         *server;
  SoupServerMessage   *msg;
  PulseTokenInfo      *who;
  const PulseItemKind *kind;
  char                *id;
  gint64               if_match;
  JsonNode            *input;
  guint                status;
  JsonNode            *answer;
  JsonNode            *current;

  /*< private >*/
  char                *idempotency_key;
  char                *digest;
  char                *code;
  char                *message;
} PulseServerMutation;

void                 pulse_server_mutation_free             (PulseServerMutation *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseServerMutation, pulse_server_mutation_free)

PulseServerMutation *pulse_server_mutation_begin            (PulseServer         *server,
                                                             SoupServerMessage   *msg,
                                                             PulsePermission      permission);
gboolean             pulse_server_mutation_require_if_match (PulseServerMutation *m);
gboolean             pulse_server_mutation_read_input       (PulseServerMutation *m);
const char          *pulse_server_mutation_input_id         (PulseServerMutation *m);
void                 pulse_server_mutation_set_id           (PulseServerMutation *m,
                                                             const char          *id);
gboolean             pulse_server_mutation_reject           (PulseServerMutation *m,
                                                             guint                status,
                                                             const char          *code,
                                                             GError             **error,
                                                             const char          *format,
                                                             ...) G_GNUC_PRINTF (5, 6);
gboolean             pulse_server_mutation_remember         (PulseServerMutation *m,
                                                             GError             **error);
void                 pulse_server_mutation_run              (PulseServerMutation *m,
                                                             PulseDbFunc          func);

G_END_DECLS
