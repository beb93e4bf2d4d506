/* pulse-server-rules-replay.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `POST /api/v1/rules/replay` (a draft rule against the stored contacts
 * of the last N days: how many it would catch, examples, and what the
 * stored rule of its id already answered) and `GET /api/v1/rules/stats`
 * (every rule's figures over such a window), both counted by
 * pulse-rule-figures.c in a worker thread while the message waits paused:
 * 90 days of contacts take seconds to read (docs/protocol.md).
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-rule-book.h"
#include "pulse-rule-figures.h"
#include "pulse-server-http.h"
#include "pulse-server-rules-replay.h"
#include "pulse-time-utils.h"

#define REPLAY_PATH "/api/v1/rules/replay"
#define STATS_PATH "/api/v1/rules/stats"
#define DEFAULT_DAYS 30
#define DEFAULT_SAMPLE 10
/* Tickets read per transaction, so ingest goes on between pages. */
#define PAGE_SIZE 250

#define CREATED_SQL \
  "SELECT body FROM ticket WHERE (created_at, id) > (?1, ?2) AND created_at < ?3 " \
  "ORDER BY created_at, id LIMIT ?4"

typedef struct
{
  PulseDb           *db;
  PulseRuleFigures  *figures;
  SoupServerMessage *msg;
  gboolean           replay;
  gint64             from;
  gint64             to;
  int                days;
  gulong             disconnected_id;
  gboolean           disconnected;
} Request;

typedef struct
{
  gint64     after_created_at;
  char      *after_id;
  gint64     to;
  GPtrArray *bodies;
} Page;

/* May be freed on the worker thread; the message is gone by then. */
static void
request_free (gpointer data)
{
  Request *request = data;

  g_assert (request->msg == NULL);
  g_clear_object (&request->db);
  g_clear_pointer (&request->figures, pulse_rule_figures_free);
  g_free (request);
}

static gboolean
read_page_cb (PulseDb   *db,
              gpointer   user_data,
              GError   **error)
{
  Page *page = user_data;
  g_autoptr(PulseStmt) stmt = pulse_db_prepare (db, CREATED_SQL, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, page->after_created_at);
  sqlite3_bind_text (stmt, 2, page->after_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, page->to);
  sqlite3_bind_int64 (stmt, 4, PAGE_SIZE);
  page->bodies = pulse_db_collect_json (db, stmt, PAGE_SIZE, error);
  return page->bodies != NULL;
}

/* Decoded outside the transaction, which the page no longer needs. */
static gboolean
add_page (Request  *request,
          Page     *page,
          GError  **error)
{
  for (guint i = 0; i < page->bodies->len; i++)
    {
      g_autoptr(PulseTicket) ticket = NULL;

      ticket = pulse_ticket_new_from_json (g_ptr_array_index (page->bodies, i), error);
      if (ticket == NULL || !pulse_rule_figures_add (request->figures, ticket, error))
        return FALSE;

      page->after_created_at = pulse_ticket_get_created_at (ticket);
      g_free (page->after_id);
      page->after_id = g_strdup (pulse_ticket_get_id (ticket));
    }

  return TRUE;
}

static void
figures_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  Page page = { request->from - 1, g_strdup (""), request->to, NULL };
  g_autoptr(GError) error = NULL;
  gboolean more = TRUE;
  gboolean ok = TRUE;

  while (ok && more)
    {
      ok = pulse_db_transaction (request->db, read_page_cb, &page, &error) &&
           add_page (request, &page, &error);
      more = ok && page.bodies->len == PAGE_SIZE;
      g_clear_pointer (&page.bodies, g_ptr_array_unref);
    }

  g_free (page.after_id);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static JsonNode *
build_answer (Request *request)
{
  g_autoptr(JsonNode) figures = NULL;
  g_autofree char *from = pulse_time_format (request->from);
  g_autofree char *to = pulse_time_format (request->to);
  JsonObject *object;

  figures = request->replay ? pulse_rule_figures_replay_to_json (request->figures)
                            : pulse_rule_figures_to_json (request->figures);
  object = json_node_get_object (figures);
  json_object_set_string_member (object, "from", from);
  json_object_set_string_member (object, "to", to);
  json_object_set_int_member (object, "days", request->days);
  return g_steal_pointer (&figures);
}

/* A client that gave up gets no answer: its message is gone. */
static void
on_message_disconnected_cb (SoupServerMessage *msg,
                            gpointer           user_data)
{
  Request *request = user_data;

  request->disconnected = TRUE;
}

static void
figures_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PulseServer) server G_GNUC_UNUSED = user_data;  /* let go on this thread */
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_signal_handler (&request->disconnected_id, request->msg);
  if (request->disconnected)
    {
      g_clear_object (&request->msg);
      return;
    }

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autoptr(JsonNode) answer = build_answer (request);

      pulse_server_respond_json (request->msg, SOUP_STATUS_OK, answer);
    }
  else
    pulse_server_respond_internal (request->msg, "count the rules' contacts", error);

  soup_server_message_unpause (request->msg);
  g_clear_object (&request->msg);
}

static void
start_counting (PulseServer       *server,
                SoupServerMessage *msg,
                PulseRule         *draft,
                int                days,
                int                n_sample,
                gint64             until)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  Request *request;

  rules = pulse_rule_book_load_rules (pulse_server_get_rule_book (server), &error);
  if (rules == NULL)
    {
      pulse_server_respond_internal (msg, "read the rules", error);
      return;
    }

  request = g_new0 (Request, 1);
  request->db = g_object_ref (pulse_server_get_db (server));
  request->figures = pulse_rule_figures_new (rules, draft, n_sample);
  request->msg = g_object_ref (msg);
  request->replay = draft != NULL;
  request->days = days;
  request->to = until != 0 ? until : g_get_real_time ();
  request->from = request->to - days * PULSE_USEC_PER_DAY;

  soup_server_message_pause (msg);
  request->disconnected_id = g_signal_connect (msg, "disconnected",
                                               G_CALLBACK (on_message_disconnected_cb), request);
  /* Held by the callback, not as the task's source object, which the
   * worker may drop last (pulse-server-metrics.c). */
  task = g_task_new (NULL, NULL, figures_done_cb, g_object_ref (server));
  g_task_set_source_tag (task, start_counting);
  g_task_set_task_data (task, request, request_free);
  g_task_run_in_thread (task, figures_worker);
}

/* The rule being edited may not have an id, version or position yet. */
static PulseRule *
read_draft (PulseJsonReader *reader)
{
  JsonNode *node = pulse_json_reader_get_object (reader, "rule", PULSE_JSON_REQUIRED);
  g_autoptr(JsonNode) copy = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  PulseRule *draft;

  if (node == NULL)
    return NULL;

  copy = json_node_copy (node);
  object = json_node_get_object (copy);
  if (!json_object_has_member (object, "id"))
    json_object_set_string_member (object, "id", "draft");
  if (!json_object_has_member (object, "version"))
    json_object_set_int_member (object, "version", 0);
  if (!json_object_has_member (object, "position"))
    json_object_set_int_member (object, "position", G_MAXINT);

  draft = pulse_rule_new_from_json (copy, &error);
  if (draft == NULL)
    pulse_json_reader_take_error (reader, "rule", g_steal_pointer (&error));
  return draft;
}

static void
on_replay_cb (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  PulseServer *server = user_data;
  g_autoptr(PulseTokenInfo) who = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PulseRule) draft = NULL;
  g_autoptr(GError) error = NULL;
  PulseJsonReader reader;
  gboolean previous;
  gint64 days = 0, sample = 0, until = 0;
  gboolean ok;

  if (!pulse_server_accept (msg, path, REPLAY_PATH, SOUP_METHOD_POST, "the rule replay"))
    return;

  /* Reading weeks of contacts is for those who edit the rules. */
  who = pulse_server_authorize (server, msg, PULSE_PERMISSION_EDIT_RULES);
  if (who == NULL || (body = pulse_server_read_body (msg)) == NULL)
    return;

  previous = pulse_json_set_strict (TRUE);
  ok = pulse_json_reader_init (&reader, body, "a rule replay", &error);
  if (ok)
    {
      draft = read_draft (&reader);
      days = pulse_json_reader_get_int (&reader, "days", PULSE_JSON_OPTIONAL, 1,
                                        PULSE_RULES_REPLAY_MAX_DAYS, DEFAULT_DAYS);
      sample = pulse_json_reader_get_int (&reader, "sample", PULSE_JSON_OPTIONAL, 0,
                                          PULSE_RULE_FIGURES_MAX_SAMPLE, DEFAULT_SAMPLE);
      until = pulse_json_reader_get_time (&reader, "until", PULSE_JSON_OPTIONAL);
      ok = pulse_json_reader_finish (&reader, &error);
    }
  pulse_json_set_strict (previous);

  if (!ok)
    {
      pulse_server_respond_error (msg, 422, "invalid_data", error->message);
      return;
    }

  start_counting (server, msg, draft, days, sample, until);
}

static gboolean
read_stats_query (GHashTable  *query,
                  int         *days,
                  gint64      *until,
                  GError     **error)
{
  const char *days_text = query != NULL ? g_hash_table_lookup (query, "days") : NULL;
  const char *until_text = query != NULL ? g_hash_table_lookup (query, "until") : NULL;
  guint64 value = DEFAULT_DAYS;

  if (days_text != NULL &&
      !g_ascii_string_to_unsigned (days_text, 10, 1, PULSE_RULES_REPLAY_MAX_DAYS, &value, NULL))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "days: must be a whole number from 1 to %d", PULSE_RULES_REPLAY_MAX_DAYS);
      return FALSE;
    }

  *days = value;
  *until = 0;
  if (until_text != NULL && !pulse_time_parse (until_text, until))
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "until: is not an RFC 3339 time with a time zone");
      return FALSE;
    }

  return TRUE;
}

static void
on_stats_cb (SoupServer        *soup,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  PulseServer *server = user_data;
  g_autoptr(PulseTokenInfo) who = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until = 0;
  int days = DEFAULT_DAYS;

  if (!pulse_server_accept (msg, path, STATS_PATH, SOUP_METHOD_GET, "the rule figures"))
    return;

  who = pulse_server_authorize (server, msg, PULSE_PERMISSION_READ);
  if (who == NULL)
    return;

  if (!read_stats_query (query, &days, &until, &error))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message);
      return;
    }

  start_counting (server, msg, NULL, days, 0, until);
}

/**
 * pulse_server_rules_replay_install:
 * @server: the server
 *
 * Adds `POST /api/v1/rules/replay` and `GET /api/v1/rules/stats`. The
 * paths shadow rules with the ids "replay" and "stats", so the items
 * routes refuse those ids.
 */
void
pulse_server_rules_replay_install (PulseServer *server)
{
  g_return_if_fail (PULSE_IS_SERVER (server));

  soup_server_add_handler (pulse_server_get_soup (server), REPLAY_PATH, on_replay_cb, server,
                           NULL);
  soup_server_add_handler (pulse_server_get_soup (server), STATS_PATH, on_stats_cb, server,
                           NULL);
}
