/* test-kpi-view-util.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the PulseKpiView tests share. The reference is a fresh PulseKpi
 * built from the final state alone, with the tickets the server's
 * metrics would read: after any changes the view and it must agree on
 * every group, by pulse_kpi_summary_equal(). Times count from Monday
 * 2 November 2026; the window is its week and the clock two weeks
 * after, so every follow-up has elapsed. Header-only.
 */

#pragma once

#include <math.h>

#include "pulse-agent.h"
#include "pulse-kpi-view-private.h"
#include "pulse-queue.h"
#include "pulse-review-sample.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"
#include "test-entity-list-util.h"

G_BEGIN_DECLS

/* 2026-11-02T00:00:00Z, a Monday. */
#define BASE_S      G_GINT64_CONSTANT (1793577600)
#define HOUR        G_GINT64_CONSTANT (3600)
#define DAY         (24 * HOUR)
#define AT(s)       ((BASE_S + (gint64) (s)) * G_USEC_PER_SEC)
#define FROM        AT (0)
#define TO          AT (7 * DAY)
#define NOW         AT (20 * DAY)

#define DIRECTORY \
  "queues", "{'id':'q-ua','version':1,'name':'UA chat','channel':'chat','country':'UA'," \
            "'language':'uk','sl_target_seconds':20,'sl_goal':0.8}," \
            "{'id':'q-pl','version':1,'name':'PL mail','channel':'email','country':'PL'," \
            "'language':'pl','sl_target_seconds':60,'sl_goal':0.8}", \
  "teams", "{'id':'team-a','version':1,'name':'A'},{'id':'team-b','version':1,'name':'B'}", \
  "agents", "{'id':'a-1','version':1,'name':'One','team_id':'team-a','position':'agent'," \
            "'status':'available','status_since':'2026-11-01T08:00:00Z','channels':[]," \
            "'languages':[]},{'id':'a-2','version':1,'name':'Two','team_id':'team-b'," \
            "'position':'agent','status':'available','status_since':'2026-11-01T08:00:00Z'," \
            "'channels':[],'languages':[]},{'id':'a-3','version':1,'name':'Three'," \
            "'position':'agent','status':'offline','status_since':'2026-11-01T08:00:00Z'," \
            "'channels':[],'languages':[]}"

static inline char *
time_at (gint64 seconds)
{
  return pulse_time_format (AT (seconds));
}

/* A ticket created @created_s after the base, with the customer's first
 * message and, when @reply_s >= 0, an agent's reply @reply_s later. */
static inline JsonNode *
ticket_node (const char *id,
             gint64      version,
             const char *queue,
             const char *customer,
             const char *assignee,
             const char *status,
             gint64      created_s,
             gint64      reply_s)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created = time_at (created_s);
  g_autofree char *reply = time_at (created_s + MAX (reply_s, 0));
  g_autofree char *m1 = g_strconcat (id, "-m1", NULL);
  g_autofree char *m2 = g_strconcat (id, "-m2", NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_int (builder, "version", version);
  pulse_json_add_string (builder, "queue_id", queue);
  pulse_json_add_string (builder, "channel", g_str_equal (queue, "q-ua") ? "chat" : "email");
  pulse_json_add_string (builder, "subject", "S");
  pulse_json_add_string (builder, "customer_id", customer);
  pulse_json_add_string (builder, "status", status);
  if (assignee != NULL)
    pulse_json_add_string (builder, "assignee_id", assignee);
  pulse_json_add_string (builder, "created_at", created);
  pulse_json_add_string (builder, "updated_at", reply);
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", m1);
  pulse_json_add_string (builder, "author_kind", "customer");
  pulse_json_add_string (builder, "at", created);
  pulse_json_add_string (builder, "body", "Hi");
  json_builder_end_object (builder);
  if (reply_s >= 0)
    {
      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", m2);
      pulse_json_add_string (builder, "author_kind", "agent");
      pulse_json_add_string (builder, "author_id", assignee != NULL ? assignee : "a-1");
      pulse_json_add_string (builder, "at", reply);
      pulse_json_add_string (builder, "body", "Hello");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static inline char *
ticket_q (const char *id,
          const char *queue,
          const char *customer,
          const char *assignee,
          gint64      created_s,
          gint64      reply_s)
{
  g_autoptr(JsonNode) node = ticket_node (id, 1, queue, customer, assignee, "resolved", created_s,
                                          reply_s);

  return pulse_json_to_string (node);
}

/* The applications of the UTC days that begin in [from, to), summed as
 * the server's metrics do: per country, and in all. */
static inline void
set_applications (PulseKpi   *kpi,
                  JsonNode   *dump,
                  gint64      from,
                  gint64      to)
{
  JsonArray *days = json_object_get_array_member (json_node_get_object (dump), "applications");
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  gint64 total = -1;

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      JsonObject *day = json_array_get_object_element (days, i);
      g_autofree char *midnight = g_strconcat (json_object_get_string_member (day, "date"),
                                               "T00:00:00Z", NULL);
      const char *country = json_object_get_string_member (day, "country");
      gint64 at = 0, count = json_object_get_int_member (day, "count");
      gint64 *sum;

      g_assert_true (pulse_time_parse (midnight, &at));
      if (at < from || at >= to)
        continue;
      if ((sum = g_hash_table_lookup (sums, country)) == NULL)
        g_hash_table_insert (sums, g_strdup (country), (sum = g_new0 (gint64, 1)));
      *sum += count;
      total = MAX (total, 0) + count;
    }

  pulse_kpi_set_applications (kpi, NULL, total);
  g_hash_table_iter_init (&iter, sums);
  while (pulse_kpi_get_group (kpi) == PULSE_KPI_GROUP_COUNTRY
         && g_hash_table_iter_next (&iter, &key, &value))
    pulse_kpi_set_applications (kpi, key, *(gint64 *) value);
}

/* The tickets the server's metrics read: created in the window or the
 * 7 days after it. Earlier ones never count; they would only give a
 * review of theirs a queue, channel or country, which the server's
 * figures do not. */
static inline void
add_in_range (PulseKpi    *kpi,
              PulseTicket *ticket)
{
  gint64 created_at = pulse_ticket_get_created_at (ticket);

  if (created_at >= pulse_kpi_get_from (kpi)
      && created_at < pulse_kpi_get_to (kpi) + PULSE_KPI_FOLLOW_UP_USEC)
    pulse_kpi_add_ticket (kpi, ticket);
}

/* A fresh accumulator with everything the state holds, plus @extra
 * tickets (history) the state does not hold. */
static inline PulseKpi *
fresh_kpi (PulseState    *state,
           PulseKpiGroup  group,
           gint64         from,
           gint64         to,
           GPtrArray     *extra)
{
  g_autoptr(JsonNode) dump = pulse_state_to_json (state);
  JsonObject *object = json_node_get_object (dump);
  PulseKpi *kpi = pulse_kpi_new (group, from, to);
  JsonArray *array;

  array = json_object_get_array_member (object, "queues");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(PulseQueue) queue = pulse_queue_new_from_json (json_array_get_element (array, i),
                                                               NULL);

      pulse_kpi_set_queue (kpi, pulse_queue_get_id (queue), pulse_queue_get_country (queue),
                           pulse_queue_get_sl_target_seconds (queue));
    }
  array = json_object_get_array_member (object, "agents");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(PulseAgent) agent = pulse_agent_new_from_json (json_array_get_element (array, i),
                                                               NULL);

      pulse_kpi_set_agent_team (kpi, pulse_agent_get_id (agent), pulse_agent_get_team_id (agent));
    }
  set_applications (kpi, dump, from, to);
  array = json_object_get_array_member (object, "reviews");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(PulseReviewSample) review =
        pulse_review_sample_new_from_json (json_array_get_element (array, i), NULL);

      pulse_kpi_add_review (kpi, review);
    }
  array = json_object_get_array_member (object, "tickets");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (json_array_get_element (array, i),
                                                                  NULL);

      add_in_range (kpi, ticket);
    }
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    if (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET,
                            pulse_ticket_get_id (extra->pdata[i])) == NULL)
      add_in_range (kpi, extra->pdata[i]);

  return kpi;
}

static inline void
assert_summary_equal (PulseKpiSummary *a,
                      PulseKpiSummary *b,
                      const char      *what)
{
  if (!pulse_kpi_summary_equal (a, b))
    {
      g_autoptr(JsonNode) ja = pulse_kpi_summary_to_json (a);
      g_autoptr(JsonNode) jb = pulse_kpi_summary_to_json (b);
      g_autofree char *ta = pulse_json_to_string (ja);
      g_autofree char *tb = pulse_json_to_string (jb);

      g_error ("%s differs:\n view  %s\n fresh %s", what, ta, tb);
    }
}

/* The view agrees with a fresh accumulator on every key, the total and
 * the ungrouped figures. */
static inline gboolean
view_is_loaded (gpointer view)
{
  return pulse_kpi_view_get_loaded (view);
}

/* Once the view is filled, it agrees with a fresh accumulator on every
 * key, the total and the ungrouped figures. */
static inline void
assert_like_fresh (PulseKpiView *view,
                   PulseState   *state,
                   GPtrArray    *extra)
{
  g_autoptr(PulseKpi) kpi = NULL;
  gint64 now = pulse_kpi_view_get_now (view);
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) view_keys = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *view_joined = NULL;
  g_autoptr(PulseKpiSummary) total = NULL;
  g_autoptr(PulseKpiSummary) view_total = NULL;
  g_autoptr(PulseKpiSummary) ungrouped = NULL;
  g_autoptr(PulseKpiSummary) view_ungrouped = NULL;

  pulse_test_wait_for (view_is_loaded, view, 20000);
  kpi = fresh_kpi (state, pulse_kpi_view_get_group (view), pulse_kpi_view_get_from (view),
                   pulse_kpi_view_get_to (view), extra);
  keys = pulse_kpi_dup_keys (kpi);
  view_keys = pulse_kpi_view_dup_keys (view);
  joined = g_strjoinv (" ", keys);
  view_joined = g_strjoinv (" ", view_keys);
  total = pulse_kpi_dup_summary (kpi, NULL, now);
  view_total = pulse_kpi_view_dup_summary (view, NULL);
  ungrouped = pulse_kpi_dup_ungrouped (kpi, now);
  view_ungrouped = pulse_kpi_view_dup_ungrouped (view);

  g_assert_cmpstr (view_joined, ==, joined);
  assert_summary_equal (view_total, total, "total");
  assert_summary_equal (view_ungrouped, ungrouped, "ungrouped");
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(PulseKpiSummary) a = pulse_kpi_view_dup_summary (view, keys[i]);
      g_autoptr(PulseKpiSummary) b = pulse_kpi_dup_summary (kpi, keys[i], now);

      assert_summary_equal (a, b, keys[i]);
    }
}

static inline PulseKpiView *
view_new (PulseCache    *cache,
          PulseKpiGroup  group)
{
  PulseKpiView *view = pulse_kpi_view_new (cache);

  pulse_kpi_view_set_now (view, NOW);
  pulse_kpi_view_set_range (view, FROM, TO);
  pulse_kpi_view_set_group (view, group);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return view;
}

static inline void
apply_both (PulseState   *state,
            PulseKpiView *view,
            const char   *type,
            JsonNode     *data)
{
  g_auto(PulseStateChange) change = { 0 };

  test_apply (state, type, data, &change);
  pulse_kpi_view_apply (view, &change);
}

static inline void
on_changed_cb (PulseKpiView *view,
               guint        *count)
{
  (*count)++;
}

static inline void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline PulseState *
figures_state (void)
{
  g_autofree char *t1 = ticket_q ("t-1", "q-ua", "c-1", "a-1", HOUR, 10);
  g_autofree char *t2 = ticket_q ("t-2", "q-ua", "c-2", "a-2", 2 * HOUR, 60);
  g_autofree char *t3 = ticket_q ("t-3", "q-ua", "c-1", "a-1", -DAY, 10);
  g_autofree char *t4 = ticket_q ("t-4", "q-pl", "c-1", "a-3", 7 * DAY, 5);
  g_autofree char *tickets = g_strjoin (",", t1, t2, t3, t4, NULL);

  g_strdelimit (tickets, "\"", '\'');
  return test_state_new (DIRECTORY, "tickets", tickets,
                         "applications", "{'date':'2026-11-02','country':'UA','count':10},"
                                         "{'date':'2026-11-03','country':'PL','count':30},"
                                         "{'date':'2026-11-10','country':'UA','count':99}",
                         NULL);
}

G_END_DECLS
