/* pulse-server-items-apply.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a change to a managed item does inside its transaction: the body
 * decoded and checked as an item of its kind (references to other
 * collections too), its version checked against If-Match, and the item
 * stored with its event and audit entry, or deleted. Part of the item
 * routes (pulse-server-items-private.h).
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-item-kind.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-rule.h"
#include "pulse-review-sample.h"
#include "pulse-server-calibrations.h"
#include "pulse-server-followups.h"
#include "pulse-server-items-private.h"
#include "pulse-server-mentorships.h"
#include "pulse-server-review-check.h"

/* A reference the codec cannot check: an item of another collection. */
static gboolean
check_reference (PulseServerMutation *m,
                 const char          *kind,
                 const char          *id,
                 const char          *field,
                 GError             **error)
{
  g_autoptr(JsonNode) item = NULL;

  if (id == NULL)
    return TRUE;

  item = pulse_item_store_get (pulse_server_get_item_store (m->server), kind, id, NULL);
  if (item != NULL)
    return TRUE;

  return pulse_server_mutation_reject (m, 422, "unknown_reference", error,
                                       "%s: no %s with id “%s”", field, kind, id);
}

static gboolean
check_rule_references (PulseServerMutation *m,
                       PulseRule           *rule,
                       GError             **error)
{
  for (guint i = 0; i < pulse_rule_get_n_actions (rule); i++)
    {
      const PulseRuleAction *action = pulse_rule_get_action (rule, i);
      g_autofree char *field = g_strdup_printf ("actions[%u].value", i);

      if (action->kind == PULSE_RULE_ACTION_KIND_AUTO_REPLY &&
          !check_reference (m, "template", action->value, field, error))
        return FALSE;
    }

  return TRUE;
}

/* Cross-collection checks, run inside the change's transaction. */
static gboolean
check_references (PulseServerMutation *m,
                  GObject             *item,
                  GError             **error)
{
  if (PULSE_IS_RULE (item))
    return check_rule_references (m, PULSE_RULE (item), error);

  if (PULSE_IS_REVIEW_SAMPLE (item))
    return pulse_server_review_check (m, PULSE_REVIEW_SAMPLE (item), error);

  return TRUE;
}

/* Decodes the request body as an item of @m's kind with @id and @version
 * imposed: the path names the item and the server owns its version. */
static GObject *
decode_item (PulseServerMutation *m,
             gint64               version,
             GError             **error)
{
  const PulseItemKind *kind = m->kind;
  g_autoptr(JsonNode) node = json_node_copy (m->input);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GObject) item = NULL;
  gboolean previous;

  if (json_object_has_member (object, "id") &&
      (!JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "id")) ||
       g_strcmp0 (json_object_get_string_member (object, "id"), m->id) != 0))
    {
      pulse_server_mutation_reject (m, 422, "invalid_data", error,
                                    "id: does not match the item's path");
      return NULL;
    }

  json_object_set_string_member (object, "id", m->id);
  json_object_set_int_member (object, "version", version);

  /* Follow-ups and calibrations are partly the server's to fill in. */
  if ((g_str_equal (kind->kind, "followup") &&
       !pulse_server_followups_prepare (m, object, error)) ||
      (g_str_equal (kind->kind, "calibration") &&
       !pulse_server_calibrations_prepare (m, object, error)))
    return NULL;

  previous = pulse_json_set_strict (TRUE);
  item = kind->decode (node, &local_error);
  pulse_json_set_strict (previous);

  if (item == NULL)
    {
      pulse_server_mutation_reject (m, 422, "invalid_data", error, "%s", local_error->message);
      return NULL;
    }

  if (!check_references (m, item, error))
    return NULL;

  return g_steal_pointer (&item);
}

/* Stores @item as its canonical JSON and records the event and audit. */
static gboolean
store_item (PulseServerMutation *m,
            GObject             *item,
            gint64               version,
            JsonNode            *before,
            PulseAuditAction     action,
            GError             **error)
{
  PulseItemStore *store = pulse_server_get_item_store (m->server);
  g_autofree char *type = NULL;
  g_autoptr(JsonNode) after = NULL;

  m->kind->set_version (item, version);
  after = m->kind->encode (item);

  /* A mentor's limit, and the channels a milestone sign-off opens. */
  if (PULSE_IS_MENTORSHIP (item) &&
      !pulse_server_mentorship_apply (m, PULSE_MENTORSHIP (item), before, error))
    return FALSE;

  type = g_strdup_printf ("%s.%s", m->kind->kind,
                          action == PULSE_AUDIT_ACTION_CREATE ? "created" : "updated");
  if (!pulse_item_store_put (store, m->kind->kind, m->id, version, after, error) ||
      pulse_event_log_append (pulse_server_get_event_log (m->server), type, after, error) == 0 ||
      !pulse_item_store_audit (store, m->who, action, m->kind->kind, m->id, version, before,
                               after, error))
    return FALSE;

  /* A review submitted with a failed criterion makes its follow-up. */
  if (g_str_equal (m->kind->kind, "review") &&
      !pulse_server_followups_review_stored (m->server, before, after, error))
    return FALSE;

  m->answer = g_steal_pointer (&after);
  return TRUE;
}

gboolean
_pulse_server_items_create (PulseDb   *db,
                            gpointer   user_data,
                            GError   **error)
{
  PulseServerMutation *m = user_data;
  g_autoptr(JsonNode) existing = NULL;
  g_autoptr(GObject) item = NULL;
  JsonObject *object = json_node_get_object (m->input);

  if (json_object_has_member (object, "version") &&
      (!JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "version")) ||
       json_object_get_int_member (object, "version") != 0))
    return pulse_server_mutation_reject (m, 422, "invalid_data", error,
                                         "version: must be 0 or absent when creating");

  existing = pulse_item_store_get (pulse_server_get_item_store (m->server), m->kind->kind, m->id,
                                   NULL);
  if (existing != NULL)
    return pulse_server_mutation_reject (m, 409, "already_exists", error,
                                         "a %s with id “%s” exists", m->kind->kind, m->id);

  item = decode_item (m, 0, error);
  if (item == NULL)
    return FALSE;

  m->status = SOUP_STATUS_CREATED;
  return store_item (m, item, 1, NULL, PULSE_AUDIT_ACTION_CREATE, error) &&
         pulse_server_mutation_remember (m, error);
}

/* The item as stored, checked against If-Match; sets 404 or 412. */
static JsonNode *
get_current (PulseServerMutation  *m,
             gint64               *version,
             GError              **error)
{
  g_autoptr(JsonNode) current = NULL;

  current = pulse_item_store_get (pulse_server_get_item_store (m->server), m->kind->kind, m->id,
                                  NULL);
  if (current == NULL)
    {
      pulse_server_mutation_reject (m, 404, "not_found", error, "no %s with id “%s”",
                                    m->kind->kind, m->id);
      return NULL;
    }

  *version = json_object_get_int_member (json_node_get_object (current), "version");
  if (*version != m->if_match)
    {
      m->current = g_steal_pointer (&current);
      pulse_server_mutation_reject (m, 412, "stale_version", error,
                                    "the %s is at version %" G_GINT64_FORMAT
                                    ", not %" G_GINT64_FORMAT,
                                    m->kind->kind, *version, m->if_match);
      return NULL;
    }

  return g_steal_pointer (&current);
}

gboolean
_pulse_server_items_update (PulseDb   *db,
                            gpointer   user_data,
                            GError   **error)
{
  PulseServerMutation *m = user_data;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(GObject) item = NULL;
  gint64 version = 0;

  before = get_current (m, &version, error);
  if (before == NULL)
    return FALSE;

  item = decode_item (m, version, error);
  if (item == NULL)
    return FALSE;

  m->status = SOUP_STATUS_OK;
  return store_item (m, item, version + 1, before, PULSE_AUDIT_ACTION_UPDATE, error) &&
         pulse_server_mutation_remember (m, error);
}

gboolean
_pulse_server_items_delete (PulseDb   *db,
                            gpointer   user_data,
                            GError   **error)
{
  PulseServerMutation *m = user_data;
  PulseItemStore *store = pulse_server_get_item_store (m->server);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *type = g_strdup_printf ("%s.deleted", m->kind->kind);
  gint64 version = 0;

  before = get_current (m, &version, error);
  if (before == NULL)
    return FALSE;
  if (g_str_equal (m->kind->kind, "followup") &&
      !pulse_server_followups_check_team (m, json_object_get_string_member_with_default (
                                            json_node_get_object (before), "team_id", NULL),
                                          error))
    return FALSE;

  /* The deletion is a change too: it gets the next version, so a client
   * that replays events can tell it from the last update. */
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", m->id);
  pulse_json_add_int (builder, "version", version + 1);
  json_builder_end_object (builder);
  m->answer = json_builder_get_root (builder);
  m->status = SOUP_STATUS_OK;

  return pulse_item_store_delete (store, m->kind->kind, m->id, error) &&
         pulse_event_log_append (pulse_server_get_event_log (m->server), type, m->answer,
                                 error) != 0 &&
         pulse_item_store_audit (store, m->who, PULSE_AUDIT_ACTION_DELETE, m->kind->kind, m->id,
                                 version + 1, before, NULL, error) &&
         pulse_server_mutation_remember (m, error);
}

/**
 * _pulse_server_items_apply:
 * @m: a change with its server, token, kind, id, input and, for an
 *   update, if-match set (@m->msg may be %NULL)
 * @create: %TRUE for `POST /api/v1/<collection>`, %FALSE for `PUT …/<id>`
 *
 * What the item routes do with a body once it is a JSON object: decode
 * and check it as an item of @m's kind and store it, in one transaction.
 * The fuzz target of tests/fuzz calls it directly.
 *
 * Returns: %TRUE if the change committed (@m->status, @m->answer set);
 *   %FALSE otherwise (@m->status set when it was refused).
 */
gboolean
_pulse_server_items_apply (PulseServerMutation  *m,
                           gboolean              create,
                           GError              **error)
{
  return pulse_server_commit (m->server,
                              create ? _pulse_server_items_create : _pulse_server_items_update,
                              m, error);
}
