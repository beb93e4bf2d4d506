/* pulse-server-items.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CRUD on the managed collections: rules, templates, scorecards,
 * mentorships, shifts and reviews (docs/protocol.md, "Managed items").
 * Every change is one transaction holding the item, its event, its audit
 * entry and, for a request with an Idempotency-Key, the answer to replay.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-event-log.h"
#include "pulse-item-kind.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-rule-book.h"
#include "pulse-rule.h"
#include "pulse-review-sample.h"
#include "pulse-server-calibrations.h"
#include "pulse-server-followups.h"
#include "pulse-server-http.h"
#include "pulse-server-items-private.h"
#include "pulse-server-items.h"
#include "pulse-server-mentorships.h"
#include "pulse-server-mutation.h"
#include "pulse-server-review-check.h"

#define API_PREFIX "/api/v1/"

static void
respond_list (PulseServer         *server,
              SoupServerMessage   *msg,
              PulseTokenInfo      *who,
              const PulseItemKind *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  items = pulse_item_store_list (pulse_server_get_item_store (server), kind->kind, &error);
  if (items == NULL)
    {
      pulse_server_respond_internal (msg, "read the items", error);
      return;
    }
  /* A lead lists their own teams' follow-ups only. */
  if (g_str_equal (kind->kind, "followup"))
    {
      GPtrArray *kept = pulse_server_followups_filter (server, who, items);

      g_ptr_array_unref (items);
      items = kept;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, kind->collection);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_value (builder, json_node_ref (items->pdata[i]));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  body = json_builder_get_root (builder);
  pulse_server_respond_json (msg, SOUP_STATUS_OK, body);
}

static void
respond_item (PulseServer         *server,
              SoupServerMessage   *msg,
              const PulseItemKind *kind,
              const char          *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) item = NULL;

  item = pulse_item_store_get (pulse_server_get_item_store (server), kind->kind, id, &error);
  if (item == NULL)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", error->message);
      return;
    }

  pulse_server_respond_json (msg, SOUP_STATUS_OK, item);
}

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

static gboolean
create_in_transaction (PulseDb   *db,
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

static gboolean
update_in_transaction (PulseDb   *db,
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

static gboolean
delete_in_transaction (PulseDb   *db,
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
  return pulse_server_commit (m->server, create ? create_in_transaction : update_in_transaction,
                              m, error);
}

static void
handle_mutation (PulseServer         *server,
                 SoupServerMessage   *msg,
                 const PulseItemKind *kind,
                 const char          *id)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(PulseServerMutation) m = NULL;
  PulseDbFunc func;

  m = pulse_server_mutation_begin (server, msg, kind->edit);
  if (m == NULL)
    return;

  m->kind = kind;
  if (method == SOUP_METHOD_POST && id == NULL)
    func = create_in_transaction;
  else if (method == SOUP_METHOD_PUT && id != NULL)
    func = update_in_transaction;
  else if (method == SOUP_METHOD_DELETE && id != NULL)
    func = delete_in_transaction;
  else
    {
      pulse_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                                  id == NULL ? "a collection accepts GET and POST"
                                             : "an item accepts GET, PUT and DELETE");
      return;
    }

  if (func != create_in_transaction && !pulse_server_mutation_require_if_match (m))
    return;

  if (func != delete_in_transaction && !pulse_server_mutation_read_input (m))
    return;

  pulse_server_mutation_set_id (m, id != NULL ? id : pulse_server_mutation_input_id (m));

  /* /api/v1/rules/test, /replay and /stats are the test bench and the
   * figures, so no rule may take those ids. */
  if (g_str_equal (kind->kind, "rule") &&
      (g_str_equal (m->id, "test") || g_str_equal (m->id, "replay") ||
       g_str_equal (m->id, "stats")))
    {
      g_autofree char *text = g_strdup_printf ("id: “%s” is reserved for rules", m->id);

      pulse_server_respond_error (msg, 422, "invalid_data", text);
      return;
    }
  /* Nor a review "draw": POST /api/v1/reviews/draw draws the week. */
  if (g_str_equal (kind->kind, "review") && g_str_equal (m->id, "draw"))
    {
      pulse_server_respond_error (msg, 422, "invalid_data",
                                  "id: “draw” is reserved for reviews");
      return;
    }

  pulse_server_mutation_run (m, func);

  /* Recompiled on next use; a rolled-back change costs one compilation. */
  if (g_str_equal (kind->kind, "rule"))
    pulse_rule_book_invalidate (pulse_server_get_rule_book (server));
}

/* Splits "/api/v1/rules/ID" into its collection and id; %FALSE for any
 * other shape (a nested path, an empty or over-long id). */
static gboolean
split_path (const char  *path,
            char       **collection,
            char       **id)
{
  g_auto(GStrv) parts = NULL;

  if (!g_str_has_prefix (path, API_PREFIX))
    return FALSE;

  parts = g_strsplit (path + strlen (API_PREFIX), "/", 3);
  if (parts[0] == NULL || (parts[1] != NULL && (parts[1][0] == '\0' || parts[2] != NULL)))
    return FALSE;

  if (parts[1] != NULL && strlen (parts[1]) > PULSE_JSON_MAX_ID)
    return FALSE;

  *collection = g_strdup (parts[0]);
  *id = g_strdup (parts[1]);
  return TRUE;
}

static void
on_items_cb (SoupServer        *soup,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  PulseServer *server = user_data;
  g_autofree char *collection = NULL;
  g_autofree char *id = NULL;
  g_autoptr(PulseTokenInfo) who = NULL;
  const PulseItemKind *kind;

  if (!split_path (path, &collection, &id) ||
      (kind = pulse_item_kind_find_collection (collection)) == NULL)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
      return;
    }

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      handle_mutation (server, msg, kind, id);
      return;
    }

  who = pulse_server_authorize (server, msg, PULSE_PERMISSION_READ);
  if (who == NULL)
    return;

  if (id == NULL)
    respond_list (server, msg, who, kind);
  else
    respond_item (server, msg, kind, id);
}

/**
 * pulse_server_items_install:
 * @server: the server
 *
 * Adds `/api/v1/<collection>` and `/api/v1/<collection>/<id>` for every
 * managed collection.
 */
void
pulse_server_items_install (PulseServer *server)
{
  const PulseItemKind *kinds;
  guint n_kinds;

  g_return_if_fail (PULSE_IS_SERVER (server));

  kinds = pulse_item_kind_get_all (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *path = g_strconcat (API_PREFIX, kinds[i].collection, NULL);

      soup_server_add_handler (pulse_server_get_soup (server), path, on_items_cb, server, NULL);
    }
}
