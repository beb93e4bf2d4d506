/* test-session-live.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSession end to end against a real in-process server: signed in,
 * it follows the server into its list models, and an edit saved through
 * its outbox reaches the server and comes back through the stream.
 */

#include "config.h"

#include "pulse-queue-load.h"
#include "pulse-rule.h"
#include "pulse-session-contacts.h"
#include "pulse-session-rules.h"
#include "pulse-session-private.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"
#include "pulse-ticket.h"

/* A test's session: at the test's end it and its sync engine are gone
 * before the test's server (declared first, so freed after), so no
 * event stream of one test meets the next. Waiting for them found that
 * the contact search's worker let go of the session last, disposing it
 * in that worker (pulse_background_run_in_thread() now drops a task in
 * its main context); under valgrind libsoup then aborted in the next
 * test (`soup_websocket_connection_write: assertion failed:
 * (len > frame->sent)`). */
typedef PulseSession TestSession;

static gboolean
both_gone (gpointer data)
{
  gpointer *weak = data;

  return weak[0] == NULL && weak[1] == NULL;
}

static void
test_session_release (TestSession *session)
{
  gpointer weak[2] = { session, pulse_session_get_sync (session) };

  g_object_add_weak_pointer (G_OBJECT (session), &weak[0]);
  if (weak[1] != NULL)
    g_object_add_weak_pointer (G_OBJECT (weak[1]), &weak[1]);
  g_object_unref (session);
  g_assert_true (pulse_test_wait_for (both_gone, weak, 20000));
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSession, test_session_release)

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ((Wait *) user_data)->result = g_object_ref (result);
}

static gboolean
wait_is_done (gpointer user_data)
{
  return ((Wait *) user_data)->result != NULL;
}

typedef struct
{
  GListModel *list;
  guint       n_items;
} Count;

static gboolean
has_n_items (gpointer user_data)
{
  Count *count = user_data;

  return g_list_model_get_n_items (count->list) == count->n_items;
}

static void
wait_items (PulseSession   *session,
            PulseStateKind  kind,
            guint           n_items)
{
  Count count = { pulse_session_get_list (session, kind), n_items };

  g_assert_true (pulse_test_wait_for (has_n_items, &count, 20000));
}

static gboolean
session_is_live (gpointer user_data)
{
  return pulse_sync_get_is_live (pulse_session_get_sync (user_data));
}

static gboolean
has_outbox (gpointer user_data)
{
  return pulse_session_get_outbox (user_data) != NULL;
}

static void
ingest (PulseTestServer *ts,
        const char      *endpoint,
        const char      *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  g_autoptr(PulseTestResponse) r = NULL;

  r = pulse_test_server_request (ts, "POST", path,
                                 pulse_test_server_get_token (ts, PULSE_ROLE_INTEGRATION), body,
                                 NULL);
  g_assert_cmpuint (r->status, ==, 200);
}

/* Signs @session in as a lead, without waiting for it to be live. */
static void
sign_in (PulseSession    *session,
         PulseTestServer *ts)
{
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };

  pulse_session_sign_in_async (session, ts->url, pulse_test_server_get_token (ts, PULSE_ROLE_LEAD),
                               NULL, on_done_cb, &wait);
  g_assert_true (pulse_test_wait_for (wait_is_done, &wait, 20000));
  g_assert_true (pulse_session_connect_finish (session, wait.result, &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);
}

static PulseSession *
signed_in_session (PulseTestServer *ts)
{
  PulseSession *session = pulse_session_new ();

  sign_in (session, ts);
  g_assert_true (pulse_test_wait_for (session_is_live, session, 20000));
  g_assert_cmpint (pulse_session_get_connection_state (session), ==, PULSE_CONNECTION_STATE_LIVE);
  return session;
}

static void
test_follows_the_server (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(TestSession) session = NULL;
  g_autoptr(PulseTicket) ticket = NULL;
  GListModel *tickets;

  ingest (ts, "directory", "{\"queues\":[{\"id\":\"q-ua-chat\",\"name\":\"Ukraine · chat\","
          "\"channel\":\"chat\",\"country\":\"UA\",\"language\":\"uk\",\"timezone\":\"Europe/Kyiv\","
          "\"sl_target_seconds\":20,\"sl_goal\":0.8}]}");
  session = signed_in_session (ts);
  wait_items (session, PULSE_STATE_KIND_QUEUE, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pulse_session_get_list (session,
                                                PULSE_STATE_KIND_TICKET)), ==, 0);

  /* A contact comes in while we watch: it reaches the ticket list. */
  ingest (ts, "tickets", "{\"id\":\"t-1\",\"queue_id\":\"q-ua-chat\",\"channel\":\"chat\","
          "\"subject\":\"Картку заблоковано\",\"customer_id\":\"c-1\",\"status\":\"open\","
          "\"created_at\":\"2026-11-30T09:30:00Z\"}");
  wait_items (session, PULSE_STATE_KIND_TICKET, 1);
  tickets = pulse_session_get_list (session, PULSE_STATE_KIND_TICKET);
  ticket = g_list_model_get_item (tickets, 0);
  g_assert_cmpstr (pulse_ticket_get_subject (ticket), ==, "Картку заблоковано");

  /* Disconnected, the lists are empty again. */
  pulse_session_disconnect (session);
  g_assert_cmpuint (g_list_model_get_n_items (tickets), ==, 0);
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_DISCONNECTED);
}

/* What a reader of the ticket list sees at a given moment, against what
 * the list's signals announced by then. */
typedef struct
{
  GListModel *list;
  guint       announced;      /* n_items as the signals so far leave it */
  guint       n_read;         /* readers that looked */
  guint       n_mismatched;   /* of them, those that saw other content */
  guint       n_signals;
} Contract;

static void
on_items_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Contract   *contract)
{
  contract->announced += added;
  contract->announced -= removed;
  contract->n_signals++;
}

static void
read_list (Contract *contract)
{
  contract->n_read++;
  if (g_list_model_get_n_items (contract->list) != contract->announced)
    contract->n_mismatched++;
}

static gboolean
read_in_idle_cb (gpointer user_data)
{
  read_list (user_data);
  return G_SOURCE_REMOVE;
}

/* After the session's own handler, as any code running between an event
 * and the next frame: now, and in a default-priority idle (an input
 * handler's priority). */
static void
on_sync_changed_after_cb (PulseSync              *sync,
                          const PulseStateChange *change,
                          Contract               *contract)
{
  if (change->kind != PULSE_STATE_KIND_TICKET)
    return;

  read_list (contract);
  g_idle_add (read_in_idle_cb, contract);
}

/* A list's content changes with its `items-changed`, never before: code
 * that reads it between an event and the lists' batch sees what the
 * signals announced (GListModel's contract; a filter model reading a
 * list ahead of its signal finds items that are not there). */
static void
test_lists_change_with_their_signals (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(TestSession) session = NULL;
  Contract contract = { 0 };

  ingest (ts, "directory", "{\"queues\":[{\"id\":\"q-ua-chat\",\"name\":\"Ukraine · chat\","
          "\"channel\":\"chat\",\"country\":\"UA\",\"language\":\"uk\",\"timezone\":\"Europe/Kyiv\","
          "\"sl_target_seconds\":20,\"sl_goal\":0.8}]}");
  session = signed_in_session (ts);
  contract.list = pulse_session_get_list (session, PULSE_STATE_KIND_TICKET);
  contract.announced = g_list_model_get_n_items (contract.list);
  g_signal_connect (contract.list, "items-changed", G_CALLBACK (on_items_changed_cb), &contract);
  g_signal_connect_after (pulse_session_get_sync (session), "changed",
                          G_CALLBACK (on_sync_changed_after_cb), &contract);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *ticket = g_strdup_printf (
        "{\"id\":\"t-%u\",\"queue_id\":\"q-ua-chat\",\"channel\":\"chat\","
        "\"subject\":\"Картку заблоковано\",\"customer_id\":\"c-1\",\"status\":\"open\","
        "\"created_at\":\"2026-11-30T09:3%u:00Z\"}", i, i);

      ingest (ts, "tickets", ticket);
    }
  wait_items (session, PULSE_STATE_KIND_TICKET, 3);
  /* The idles of the last change, too. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_signal_handlers_disconnect_by_data (pulse_session_get_sync (session), &contract);
  g_signal_handlers_disconnect_by_data (contract.list, &contract);
  g_assert_cmpuint (contract.n_read, >=, 6);
  g_assert_cmpuint (contract.n_signals, >=, 1);
  g_assert_cmpuint (contract.announced, ==, 3);
  g_assert_cmpuint (contract.n_mismatched, ==, 0);
}

static void
test_saves_through_the_outbox (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(TestSession) session = signed_in_session (ts);
  g_autoptr(JsonNode) body = pulse_test_parse ("{\"id\":\"r-1\",\"name\":\"Payments\","
                                               "\"position\":1,\"enabled\":true,"
                                               "\"actions\":[{\"kind\":\"close\"}]}");
  g_autoptr(PulseTestResponse) stored = NULL;
  g_autoptr(PulseRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };

  g_assert_true (pulse_test_wait_for (has_outbox, session, 20000));
  pulse_outbox_submit_async (pulse_session_get_outbox (session), "POST", "rule", "r-1", 0, body,
                             NULL, on_done_cb, &wait);
  g_assert_true (pulse_test_wait_for (wait_is_done, &wait, 20000));
  g_assert_cmpint (pulse_outbox_submit_finish (pulse_session_get_outbox (session), wait.result,
                                               &error), >, 0);
  g_assert_no_error (error);
  g_object_unref (wait.result);

  /* The rule comes back through the event stream into the rules list. */
  wait_items (session, PULSE_STATE_KIND_RULE, 1);
  rule = g_list_model_get_item (pulse_session_get_list (session, PULSE_STATE_KIND_RULE), 0);
  g_assert_cmpstr (pulse_rule_get_name (rule), ==, "Payments");
  g_assert_cmpint (pulse_rule_get_version (rule), ==, 1);

  stored = pulse_test_server_request (ts, "GET", "/api/v1/rules/r-1",
                                      pulse_test_server_get_token (ts, PULSE_ROLE_VIEWER), NULL,
                                      NULL);
  g_assert_cmpuint (stored->status, ==, 200);
}

static gboolean
view_counts (gpointer user_data)
{
  PulseKpiView *view = user_data;
  g_autoptr(PulseKpiSummary) total = NULL;

  if (!pulse_kpi_view_get_loaded (view))
    return FALSE;

  total = pulse_kpi_view_dup_summary (view, NULL);
  return total->contacts == 2;
}

static void
on_data_reset_cb (PulseSession *session,
                  guint        *count)
{
  (*count)++;
}

static void
test_shares_kpi_views (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(TestSession) session = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%FT%TZ");
  g_autofree char *body = NULL;
  PulseKpiView *by_queue, *total;
  guint resets = 0;

  session = pulse_session_new ();
  g_signal_connect (session, "data-reset", G_CALLBACK (on_data_reset_cb), &resets);
  g_assert_null (pulse_session_get_kpi_view (session, PULSE_KPI_GROUP_QUEUE));
  g_object_unref (session);
  session = signed_in_session (ts);
  g_signal_connect (session, "data-reset", G_CALLBACK (on_data_reset_cb), &resets);

  /* One view per grouping, shared; each follows the session's period. */
  by_queue = pulse_session_get_kpi_view (session, PULSE_KPI_GROUP_QUEUE);
  total = pulse_session_get_kpi_view (session, PULSE_KPI_GROUP_NONE);
  g_assert_nonnull (by_queue);
  g_assert_true (by_queue == pulse_session_get_kpi_view (session, PULSE_KPI_GROUP_QUEUE));
  g_assert_true (by_queue != total);
  g_assert_cmpint (pulse_kpi_view_get_group (by_queue), ==, PULSE_KPI_GROUP_QUEUE);
  g_assert_cmpint (pulse_kpi_view_get_window (by_queue), ==, PULSE_KPI_WINDOW_TODAY);
  pulse_session_set_kpi_window (session, PULSE_KPI_WINDOW_7_DAYS);
  g_assert_cmpint (pulse_kpi_view_get_window (by_queue), ==, PULSE_KPI_WINDOW_7_DAYS);
  g_assert_cmpint (pulse_kpi_view_get_window (total), ==, PULSE_KPI_WINDOW_7_DAYS);
  pulse_session_set_kpi_range (session, 1000, 2000);
  g_assert_cmpint (pulse_session_get_kpi_window (session), ==, PULSE_KPI_WINDOW_CUSTOM);
  g_assert_cmpint (pulse_kpi_view_get_from (total), ==, 1000);
  g_assert_cmpint (pulse_kpi_view_get_to (total), ==, 2000);
  pulse_session_set_kpi_window (session, PULSE_KPI_WINDOW_TODAY);

  /* Contacts that come in are counted by the shared views. */
  body = g_strdup_printf ("{\"items\":[{\"id\":\"t-1\",\"queue_id\":\"q\",\"channel\":\"chat\","
                          "\"subject\":\"Loan\",\"customer_id\":\"c-1\",\"status\":\"open\","
                          "\"created_at\":\"%s\"},"
                          "{\"id\":\"t-2\",\"queue_id\":\"q\",\"channel\":\"chat\","
                          "\"subject\":\"Card\",\"customer_id\":\"c-2\",\"status\":\"open\","
                          "\"created_at\":\"%s\"}]}", created, created);
  ingest (ts, "tickets", body);
  wait_items (session, PULSE_STATE_KIND_TICKET, 2);
  g_assert_true (pulse_test_wait_for (view_counts, total, 20000));

  /* Disconnected, the views go with the sync engine, and pages hear it. */
  pulse_session_disconnect (session);
  g_assert_cmpuint (resets, ==, 1);
  g_assert_null (pulse_session_get_kpi_view (session, PULSE_KPI_GROUP_NONE));
}

typedef struct
{
  PulseCategoryWatch *watch;
  guint               size;
} WatchWanted;

static gboolean
watch_counts (gpointer user_data)
{
  WatchWanted *wanted = user_data;

  return pulse_category_watch_get_loaded (wanted->watch)
         && pulse_category_rates_get_size (pulse_category_watch_get_rates (wanted->watch))
            == wanted->size;
}

static char *
ticket_in_status (const char *id,
                  const char *tag,
                  const char *created,
                  const char *status)
{
  return g_strdup_printf ("{\"id\":\"%s\",\"queue_id\":\"q\",\"channel\":\"chat\","
                          "\"subject\":\"Pago\",\"customer_id\":\"c-%s\","
                          "\"status\":\"%s\",\"tags\":[\"%s\"],"
                          "\"created_at\":\"%s\"}", id, id, status, tag, created);
}

static char *
tagged_ticket (const char *id,
               const char *tag,
               const char *created)
{
  return ticket_in_status (id, tag, created, "open");
}

/* The record of categories: the cache's tickets and the live ones, each
 * counted once. */
static void
test_watches_categories (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(TestSession) session = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%FT%TZ");
  g_autofree char *t1 = tagged_ticket ("t-1", "payment-not-received", created);
  g_autofree char *t2 = tagged_ticket ("t-2", "fraud", created);
  g_autofree char *t3 = tagged_ticket ("t-3", "payment-not-received", created);
  g_autofree char *before = g_strdup_printf ("{\"items\":[%s,%s]}", t1, t2);
  PulseCategoryWatch *watch;
  PulseCategoryRates *rates;
  gint64 at = g_get_real_time ();

  ingest (ts, "tickets", before);
  session = signed_in_session (ts);
  g_assert_true (pulse_test_wait_for (has_outbox, session, 20000));
  watch = pulse_session_get_category_watch (session);
  g_assert_nonnull (watch);
  g_assert_true (watch == pulse_session_get_category_watch (session));
  g_assert_true (pulse_test_wait_for (watch_counts, &(WatchWanted) { watch, 2 }, 20000));

  ingest (ts, "tickets", t3);
  g_assert_true (pulse_test_wait_for (watch_counts, &(WatchWanted) { watch, 3 }, 20000));
  rates = pulse_category_watch_get_rates (watch);
  g_assert_cmpint (pulse_category_rates_count (rates, "payment-not-received", at - 3600000000,
                                               at + 3600000000), ==, 2);

  /* A reading again counts nothing twice. */
  pulse_category_watch_reload (watch);
  g_assert_true (pulse_test_wait_for (watch_counts, &(WatchWanted) { watch, 3 }, 20000));

  pulse_session_disconnect (session);
  g_assert_null (pulse_session_get_category_watch (session));
}

static gboolean
history_is_complete (gpointer session)
{
  return pulse_sync_get_history_complete (pulse_session_get_sync (session));
}

static GListModel *
find_contacts (PulseSession             *session,
               const PulseContactFilter *filter,
               guint                    *n_matched)
{
  g_autoptr(GError) error = NULL;
  GListModel *found;
  Wait wait = { NULL };

  pulse_session_find_contacts_async (session, filter, NULL, on_done_cb, &wait);
  g_assert_true (pulse_test_wait_for (wait_is_done, &wait, 20000));
  found = pulse_session_find_contacts_finish (session, wait.result, n_matched, &error);
  g_assert_no_error (error);
  g_object_unref (wait.result);
  return found;
}

static const char *
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(PulseTicket) ticket = g_list_model_get_item (model, position);

  return pulse_ticket_get_id (ticket);
}

/* Drill-down: the cache's history and the live tickets, newest first. */
static void
test_finds_contacts (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(TestSession) session = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) old = g_date_time_add_days (now, -8);
  g_autoptr(GDateTime) older = g_date_time_add_days (now, -9);
  g_autofree char *now_text = g_date_time_format (now, "%FT%TZ");
  g_autofree char *old_text = g_date_time_format (old, "%FT%TZ");
  g_autofree char *older_text = g_date_time_format (older, "%FT%TZ");
  g_autofree char *t1 = tagged_ticket ("t-live", "fraud", now_text);
  g_autofree char *t2 = ticket_in_status ("t-old", "fraud", old_text, "closed");
  g_autofree char *t3 = tagged_ticket ("t-older", "loan-conditions", older_text);
  g_autofree char *body = NULL;
  g_autoptr(GListModel) found = NULL;
  PulseContactFilter filter = { 0 };
  guint matched = 0;
  Wait wait = { NULL };

  /* Closed 8 days ago: not in the live state, only in the history. */
  body = g_strdup_printf ("{\"items\":[%s,%s,%s]}", t1, t2, t3);
  ingest (ts, "tickets", body);
  session = signed_in_session (ts);
  g_assert_null (pulse_entity_list_lookup (PULSE_ENTITY_LIST (pulse_session_get_list (
                   session, PULSE_STATE_KIND_TICKET)), "t-old"));
  g_assert_true (pulse_test_wait_for (history_is_complete, session, 20000));
  pulse_sync_flush_async (pulse_session_get_sync (session), NULL, on_done_cb, &wait);
  g_assert_true (pulse_test_wait_for (wait_is_done, &wait, 20000));
  g_object_unref (wait.result);

  /* Ten days of fraud: the live one and the one only the history has. */
  filter.from = g_date_time_to_unix (now) * G_USEC_PER_SEC - G_GINT64_CONSTANT (10) * 86400 * G_USEC_PER_SEC;
  filter.to = g_get_real_time () + G_USEC_PER_SEC;
  filter.tag = (char *) "fraud";
  found = find_contacts (session, &filter, &matched);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_assert_cmpuint (matched, ==, 2);
  g_assert_cmpstr (id_at (found, 0), ==, "t-live");
  g_assert_cmpstr (id_at (found, 1), ==, "t-old");
  g_clear_object (&found);

  /* From 8.5 days ago, waiting: t-older is before, t-old is closed. */
  filter.from = filter.to - (gint64) (8.5 * 86400) * G_USEC_PER_SEC;
  filter.tag = NULL;
  filter.focus = PULSE_CONTACT_FOCUS_WAITING;
  found = find_contacts (session, &filter, &matched);
  g_assert_cmpuint (matched, ==, 1);
  g_assert_cmpstr (id_at (found, 0), ==, "t-live");
}

static gboolean
rule_is_disabled (gpointer session)
{
  g_autoptr(PulseRule) rule = NULL;
  GListModel *rules = pulse_session_get_list (session, PULSE_STATE_KIND_RULE);

  if (g_list_model_get_n_items (rules) != 1)
    return FALSE;

  rule = g_list_model_get_item (rules, 0);
  return !pulse_rule_get_enabled (rule) && pulse_rule_get_version (rule) == 2;
}

/* The Rules page's two asks: the test bench, and switching a rule off
 * through the outbox. */
static void
test_rules (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(TestSession) session = NULL;
  g_autoptr(PulseTestResponse) created = NULL;
  g_autoptr(JsonNode) message = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(PulseRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };
  JsonObject *object;

  created = pulse_test_server_request (ts, "POST", "/api/v1/rules",
                                       pulse_test_server_get_token (ts, PULSE_ROLE_LEAD),
                                       "{\"id\":\"rule-money\",\"name\":\"Payment\","
                                       "\"position\":1,\"enabled\":true,\"phrases\":["
                                       "{\"text\":\"не пришли деньги\",\"mode\":\"phrase\","
                                       "\"field\":\"any\"}],\"actions\":[{\"kind\":\"tag\","
                                       "\"value\":\"payment-not-received\"}]}", NULL);
  g_assert_cmpuint (created->status, ==, 201);
  session = signed_in_session (ts);
  wait_items (session, PULSE_STATE_KIND_RULE, 1);

  /* A look-alike Latin "e" in the subject is warned about. */
  message = pulse_test_parse ("{\"channel\":\"chat\",\"subject\":\"Пeревод\","
                              "\"text\":\"НЕ пришли деньги\"}");
  pulse_session_test_rules_async (session, message, NULL, on_done_cb, &wait);
  g_assert_true (pulse_test_wait_for (wait_is_done, &wait, 20000));
  answer = pulse_session_test_rules_finish (session, wait.result, &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  object = json_node_get_object (answer);
  g_assert_cmpstr (json_object_get_string_member (object, "fires"), ==, "rule-money");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "warnings")),
                    ==, 1);

  /* Switched off: through the outbox to the server, back in the list. */
  g_assert_true (pulse_test_wait_for (has_outbox, session, 20000));
  rule = g_list_model_get_item (pulse_session_get_list (session, PULSE_STATE_KIND_RULE), 0);
  pulse_session_set_rule_enabled_async (session, rule, FALSE, NULL, on_done_cb, &wait);
  g_assert_true (pulse_test_wait_for (wait_is_done, &wait, 20000));
  g_assert_true (pulse_session_set_rule_enabled_finish (session, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_true (pulse_test_wait_for (rule_is_disabled, session, 20000));
}

typedef struct
{
  PulseSession *session;
  guint         waiting;
} Loads;

static gboolean
loads_are (gpointer user_data)
{
  Loads *want = user_data;
  gboolean complete = FALSE;
  g_autoptr(GHashTable) loads = pulse_session_dup_queue_loads (want->session,
                                                                g_get_real_time (), &complete);
  PulseQueueLoad *load = g_hash_table_lookup (loads, "q-ua-chat");

  return complete && load != NULL && load->waiting == want->waiting;
}

static void
count_calls (guint *calls)
{
  (*calls)++;
}

static char *
waiting_ticket (guint n)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%FT%TZ");

  return g_strdup_printf ("{\"id\":\"t-%u\",\"queue_id\":\"q-ua-chat\",\"channel\":\"chat\","
                          "\"subject\":\"Loan\",\"customer_id\":\"c-%u\",\"status\":\"open\","
                          "\"created_at\":\"%s\"}", n, n, created);
}

/* The queue loads take a state's tickets in idle slices: partial at
 * first, then complete, told once; changes count from then on. */
static void
test_queue_loads_complete (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(TestSession) session = NULL;
  g_autoptr(GHashTable) first = NULL;
  gboolean complete = TRUE;
  guint calls = 0;

  ingest (ts, "directory", "{\"queues\":[{\"id\":\"q-ua-chat\",\"name\":\"Ukraine · chat\","
          "\"channel\":\"chat\",\"country\":\"UA\",\"language\":\"uk\","
          "\"timezone\":\"Europe/Kyiv\",\"sl_target_seconds\":20,\"sl_goal\":0.8}]}");
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *ticket = waiting_ticket (i);

      ingest (ts, "tickets", ticket);
    }
  session = signed_in_session (ts);
  wait_items (session, PULSE_STATE_KIND_TICKET, 3);
  g_signal_connect_swapped (session, "queue-loads-complete", G_CALLBACK (count_calls), &calls);

  first = pulse_session_dup_queue_loads (session, g_get_real_time (), &complete);
  g_assert_false (complete);
  g_assert_cmpuint (calls, ==, 0);
  g_assert_true (pulse_test_wait_for (loads_are, &(Loads) { session, 3 }, 20000));
  g_assert_cmpuint (calls, ==, 1);

  {
    g_autofree char *ticket = waiting_ticket (4);

    ingest (ts, "tickets", ticket);
  }
  g_assert_true (pulse_test_wait_for (loads_are, &(Loads) { session, 4 }, 20000));
  g_assert_cmpuint (calls, ==, 1);
}

/* What the queue list announced while the first state went in. */
typedef struct
{
  GListModel *list;
  guint       announced;
  guint       n_signals;
  guint       n_not_appends;  /* signals other than an addition at the end */
  guint       n_mismatched;   /* handlers that read other content */
} Fill;

static void
on_fill_changed_cb (GListModel *list,
                    guint       position,
                    guint       removed,
                    guint       added,
                    Fill       *fill)
{
  if (position != fill->announced || removed != 0)
    fill->n_not_appends++;
  fill->announced += added - removed;
  fill->n_signals++;
  if (g_list_model_get_n_items (list) != fill->announced)
    fill->n_mismatched++;
}

static char *
many_queues (guint n)
{
  g_autoptr(GString) text = g_string_new ("{\"queues\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"id\":\"q-%04u\",\"name\":\"Queue %u\","
                            "\"channel\":\"chat\",\"country\":\"UA\",\"language\":\"uk\","
                            "\"timezone\":\"Europe/Kyiv\",\"sl_target_seconds\":20,"
                            "\"sl_goal\":0.8}", i > 0 ? "," : "", i, (n - i) % 97);
  g_string_append (text, "]}");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A first state goes into the empty lists in steps between frames: only
 * additions at the end, each read back as announced, ending in the
 * state's items in the list's order (as a list reset at once holds). */
static void
test_first_state_appends (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(TestSession) session = pulse_session_new ();
  g_autofree char *queues = many_queues (3000);
  g_autoptr(PulseEntityList) at_once = pulse_entity_list_new (PULSE_STATE_KIND_QUEUE);
  Fill fill = { pulse_session_get_list (session, PULSE_STATE_KIND_QUEUE) };

  ingest (ts, "directory", queues);
  g_signal_connect (fill.list, "items-changed", G_CALLBACK (on_fill_changed_cb), &fill);
  sign_in (session, ts);
  wait_items (session, PULSE_STATE_KIND_QUEUE, 3000);
  g_signal_handlers_disconnect_by_data (fill.list, &fill);

  g_test_message ("3000 queues in %u steps", fill.n_signals);
  g_assert_cmpuint (fill.n_signals, >=, 1);
  g_assert_cmpuint (fill.n_not_appends, ==, 0);
  g_assert_cmpuint (fill.n_mismatched, ==, 0);
  pulse_entity_list_reset (at_once, pulse_sync_get_state_snapshot (pulse_session_get_sync (session)));
  for (guint i = 0; i < 3000; i += 7)
    {
      g_autoptr(PulseQueue) mine = g_list_model_get_item (fill.list, i);
      g_autoptr(PulseQueue) theirs = g_list_model_get_item (G_LIST_MODEL (at_once), i);

      g_assert_cmpstr (pulse_queue_get_id (mine), ==, pulse_queue_get_id (theirs));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/live/follows-the-server", test_follows_the_server);
  g_test_add_func ("/pulse/session/live/lists-change-with-their-signals",
                   test_lists_change_with_their_signals);
  g_test_add_func ("/pulse/session/live/first-state-appends", test_first_state_appends);
  g_test_add_func ("/pulse/session/live/saves-through-the-outbox", test_saves_through_the_outbox);
  g_test_add_func ("/pulse/session/live/shares-kpi-views", test_shares_kpi_views);
  g_test_add_func ("/pulse/session/live/watches-categories", test_watches_categories);
  g_test_add_func ("/pulse/session/live/finds-contacts", test_finds_contacts);
  g_test_add_func ("/pulse/session/live/rules", test_rules);
  g_test_add_func ("/pulse/session/live/queue-loads-complete", test_queue_loads_complete);

  return g_test_run ();
}
