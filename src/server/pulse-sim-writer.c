/* pulse-sim-writer.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-event-log.h"
#include "pulse-item-kind.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-rule-book.h"
#include "pulse-server-followups.h"
#include "pulse-sim-writer.h"

struct _PulseSimWriter
{
  PulseServer       *server;
  PulseIngest        ingest;
  PulseTokenInfo     who;
  PulseSimWriteFunc  func;
  gpointer           user_data;
  gint64             seq_before;
  guint              count;
  gboolean           rules_changed;
};

/* One audit entry per batch, as ingest writes one per request. */
static gboolean
audit_batch (PulseSimWriter  *self,
             GError         **error)
{
  gint64 seq = pulse_event_log_get_last_seq (pulse_server_get_event_log (self->server));
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) after = NULL;

  if (seq == self->seq_before)
    return TRUE;

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "received", self->count);
  pulse_json_add_int (builder, "events", seq - self->seq_before);
  pulse_json_add_int (builder, "first_seq", self->seq_before + 1);
  pulse_json_add_int (builder, "last_seq", seq);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);

  return pulse_item_store_audit (pulse_server_get_item_store (self->server), &self->who,
                                 PULSE_AUDIT_ACTION_CREATE, "ingest", "simulator", seq, NULL,
                                 after, error);
}

static gboolean
commit_cb (PulseDb   *db,
           gpointer   user_data,
           GError   **error)
{
  PulseSimWriter *self = user_data;

  return self->func (self, self->user_data, error) &&
         pulse_ingest_flush_tickets (&self->ingest, error) &&
         audit_batch (self, error);
}

/**
 * pulse_sim_writer_commit:
 * @server: the server written to
 * @func: writes the batch through the writer it is given
 *
 * Runs @func in one transaction, then wakes the event streams. Wire data
 * is read strictly, as ingest reads it: a member the protocol does not
 * know is an error, not silently lost.
 *
 * Returns: %TRUE if the batch committed.
 */
gboolean
pulse_sim_writer_commit (PulseServer        *server,
                         PulseSimWriteFunc   func,
                         gpointer            user_data,
                         GError            **error)
{
  PulseSimWriter self = { server, { 0 }, { (char *) "simulator", (char *) "simulator",
                                           PULSE_ROLE_INTEGRATION, 0, 0 },
                          func, user_data, 0, 0, FALSE };
  gboolean previous, ok;

  g_return_val_if_fail (PULSE_IS_SERVER (server), FALSE);

  pulse_ingest_init (&self.ingest, server);
  self.seq_before = pulse_event_log_get_last_seq (pulse_server_get_event_log (server));
  previous = pulse_json_set_strict (TRUE);
  ok = pulse_server_commit (server, commit_cb, &self, error);
  pulse_json_set_strict (previous);
  pulse_ingest_clear (&self.ingest);

  /* Recompiled on next use, as after a rule edit over HTTP. */
  if (self.rules_changed)
    pulse_rule_book_invalidate (pulse_server_get_rule_book (server));

  return ok;
}

/**
 * pulse_sim_writer_ingest:
 * @func: an ingest function (pulse_ingest_ticket() …)
 * @item: the item, in the wire form the endpoint takes
 *
 * Returns: %TRUE if the item was applied or changed nothing.
 */
gboolean
pulse_sim_writer_ingest (PulseSimWriter   *self,
                         PulseIngestFunc   func,
                         JsonNode         *item,
                         GError          **error)
{
  self->count++;
  return func (&self->ingest, item, error);
}

/**
 * pulse_sim_writer_item:
 * @kind: "rule", "template", "shift" …
 * @item: the item's wire form, any version
 *
 * Creates the managed item at version 1, with its `<kind>.created`
 * event and audit entry, as `POST /api/v1/<collection>` would. An item
 * already stored (a simulator restarted on the same database) is left
 * as it is.
 *
 * Returns: %TRUE on success; %FALSE if the codec refuses @item.
 */
gboolean
pulse_sim_writer_item (PulseSimWriter  *self,
                       const char      *kind,
                       JsonNode        *item,
                       GError         **error)
{
  const PulseItemKind *info = pulse_item_kind_find (kind);
  PulseItemStore *store = pulse_server_get_item_store (self->server);
  g_autoptr(GObject) object = NULL;
  g_autoptr(JsonNode) existing = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *type = NULL;
  const char *id;

  g_return_val_if_fail (info != NULL, FALSE);

  object = info->decode (item, error);
  if (object == NULL)
    return FALSE;

  id = info->get_id (object);
  existing = pulse_item_store_get (store, kind, id, NULL);
  if (existing != NULL)
    return TRUE;

  self->count++;
  info->set_version (object, 1);
  body = info->encode (object);
  type = g_strdup_printf ("%s.created", kind);
  self->rules_changed |= g_str_equal (kind, "rule");
  return pulse_item_store_put (store, kind, id, 1, body, error) &&
         pulse_event_log_append (pulse_server_get_event_log (self->server), type, body,
                                 error) != 0 &&
         pulse_item_store_audit (store, &self->who, PULSE_AUDIT_ACTION_CREATE, kind, id, 1, NULL,
                                 body, error) &&
         (!g_str_equal (kind, "review") ||
          pulse_server_followups_review_stored (self->server, NULL, body, error));
}

/**
 * pulse_sim_writer_get_count:
 *
 * Returns: the items written in this batch so far.
 */
guint
pulse_sim_writer_get_count (PulseSimWriter *self)
{
  return self->count;
}
