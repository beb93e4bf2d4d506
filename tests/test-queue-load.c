/* test-queue-load.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A queue's live load, counted by hand: who waits and since when, what
 * came in the last hour, and which signed-in agents can answer it.
 */

#include "config.h"

#include <math.h>

#include "pulse-contact-filter.h"
#include "pulse-contact-hours.h"
#include "pulse-hourly-figures.h"
#include "pulse-queue-load.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define NOW "2026-11-16T10:00:00Z"

static GListModel *
decode_all (GType         type,
            GObject    *(*decode) (JsonNode *, GError **),
            const char  *json)
{
  g_autoptr(JsonNode) root = pulse_test_parse (json);
  JsonArray *array = json_node_get_array (root);
  GListStore *store = g_list_store_new (type);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) item = decode (json_array_get_element (array, i), &error);

      g_assert_no_error (error);
      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (store);
}

#define DECODER(func) ((GObject *(*) (JsonNode *, GError **)) (void (*) (void)) (func))

static GListModel *
queues (void)
{
  return decode_all (PULSE_TYPE_QUEUE, DECODER (pulse_queue_new_from_json),
    "[{\"id\":\"q-ua-chat\",\"version\":1,\"name\":\"Ukraine · chat\",\"channel\":\"chat\","
    "\"country\":\"UA\","
    "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8},"
    "{\"id\":\"q-es-phone\",\"version\":1,\"name\":\"Spain · phone\",\"channel\":\"phone\","
    "\"country\":\"ES\","
    "\"language\":\"es\",\"sl_target_seconds\":20,\"sl_goal\":0.8}]");
}

static GListModel *
agents (void)
{
  const char *tail = ",\"version\":1,\"position\":\"agent\","
                     "\"status_since\":\"2026-11-16T08:00:00Z\"";
  g_autofree char *json = g_strdup_printf (
    "[{\"id\":\"a-1\",\"name\":\"Oksana\",\"status\":\"available\",\"channels\":[\"chat\"],"
    "\"languages\":[\"uk\"]%s},"
    "{\"id\":\"a-2\",\"name\":\"Taras\",\"status\":\"busy\",\"channels\":[\"chat\",\"phone\"],"
    "\"languages\":[\"uk\",\"es\"]%s},"
    "{\"id\":\"a-3\",\"name\":\"Iryna\",\"status\":\"break\",\"channels\":[\"chat\"],"
    "\"languages\":[\"uk\"]%s},"
    "{\"id\":\"a-4\",\"name\":\"Lucía\",\"status\":\"available\",\"channels\":[\"phone\"],"
    "\"languages\":[\"es\"]%s},"
    "{\"id\":\"a-5\",\"name\":\"Pablo\",\"status\":\"offline\",\"channels\":[],"
    "\"languages\":[]%s}]", tail, tail, tail, tail, tail);

  return decode_all (PULSE_TYPE_AGENT, DECODER (pulse_agent_new_from_json), json);
}

static char *
ticket (const char *id,
        const char *queue_id,
        const char *status,
        const char *created_at,
        gboolean    answered)
{
  return g_strdup_printf (
    "{\"id\":\"%s\",\"version\":1,\"queue_id\":\"%s\",\"channel\":\"chat\",\"subject\":\"s\","
    "\"customer_id\":\"c-%s\",\"status\":\"%s\",\"created_at\":\"%s\",\"messages\":["
    "{\"id\":\"m-1\",\"author_kind\":\"customer\",\"at\":\"%s\",\"body\":\"?\"}%s]}",
    id, queue_id, id, status, created_at, created_at,
    answered ? ",{\"id\":\"m-2\",\"author_kind\":\"agent\",\"author_id\":\"a-1\","
               "\"at\":\"2026-11-16T09:59:00Z\",\"body\":\"!\"}" : "");
}

static GListModel *
tickets (void)
{
  g_autofree char *t1 = ticket ("t-1", "q-ua-chat", "new", "2026-11-16T09:58:00Z", FALSE);
  g_autofree char *t2 = ticket ("t-2", "q-ua-chat", "open", "2026-11-16T09:40:00Z", FALSE);
  g_autofree char *t3 = ticket ("t-3", "q-ua-chat", "open", "2026-11-16T09:30:00Z", TRUE);
  g_autofree char *t4 = ticket ("t-4", "q-ua-chat", "pending", "2026-11-16T08:00:00Z", FALSE);
  g_autofree char *t5 = ticket ("t-5", "q-es-phone", "resolved", "2026-11-16T08:59:59Z", TRUE);
  g_autofree char *t6 = ticket ("t-6", "q-gone", "new", "2026-11-16T09:00:00Z", FALSE);
  g_autofree char *t7 = ticket ("t-7", "q-ua-chat", "new", "2026-11-16T07:10:00Z", FALSE);
  g_autofree char *json = g_strjoin (",", t1, t2, t3, t4, t5, t6, t7, NULL);
  g_autofree char *array = g_strdup_printf ("[%s]", json);

  return decode_all (PULSE_TYPE_TICKET, DECODER (pulse_ticket_new_from_json), array);
}

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static void
test_counts (void)
{
  g_autoptr(GListModel) q = queues ();
  g_autoptr(GListModel) a = agents ();
  g_autoptr(GListModel) t = tickets ();
  g_autoptr(GHashTable) loads = pulse_queue_load_compute (q, a, t, at (NOW));
  PulseQueueLoad *chat = g_hash_table_lookup (loads, "q-ua-chat");
  PulseQueueLoad *phone = g_hash_table_lookup (loads, "q-es-phone");

  g_assert_cmpuint (g_hash_table_size (loads), ==, 2);
  g_assert_nonnull (chat);
  g_assert_nonnull (phone);

  /* t-1, t-2 and t-7 wait; t-3 was answered, t-4 waits on the customer. */
  g_assert_cmpuint (chat->waiting, ==, 3);
  g_assert_cmpint (chat->oldest_since, ==, at ("2026-11-16T07:10:00Z"));
  /* Created in (09:00, 10:00]: t-1, t-2, t-3. */
  g_assert_cmpuint (chat->incoming_last_hour, ==, 3);
  /* Oksana (available) and Taras (busy) answer Ukrainian chat; Iryna is
   * on a break, Lucía has no chat, Pablo is offline. */
  g_assert_cmpuint (chat->agents_online, ==, 2);
  g_assert_cmpuint (chat->agents_available, ==, 1);

  g_assert_cmpuint (phone->waiting, ==, 0);
  g_assert_cmpint (phone->oldest_since, ==, 0);
  /* t-5 came in one second more than an hour before. */
  g_assert_cmpuint (phone->incoming_last_hour, ==, 0);
  g_assert_cmpuint (phone->agents_online, ==, 2);
  g_assert_cmpuint (phone->agents_available, ==, 1);
}

static void
test_empty (void)
{
  g_autoptr(GListModel) q = queues ();
  g_autoptr(GListStore) none = g_list_store_new (PULSE_TYPE_TICKET);
  g_autoptr(GListStore) nobody = g_list_store_new (PULSE_TYPE_AGENT);
  g_autoptr(GHashTable) loads = NULL;
  PulseQueueLoad *chat;

  loads = pulse_queue_load_compute (q, G_LIST_MODEL (nobody), G_LIST_MODEL (none), at (NOW));
  chat = g_hash_table_lookup (loads, "q-ua-chat");
  g_assert_cmpuint (chat->waiting + chat->incoming_last_hour + chat->agents_online, ==, 0);
}

/* The same contacts per clock hour, for the Overview's bars. */
static void
test_hours (void)
{
  g_autoptr(GListModel) t = tickets ();
  double counts[3] = { -1, -1, -1 };
  gint64 first = pulse_contact_hours_count (t, at (NOW), 3, NULL, counts);

  g_assert_cmpint (first, ==, at ("2026-11-16T08:00:00Z"));
  /* 08:00–09:00: t-4, t-5; 09:00–10:00: t-1, t-2, t-3, t-6; the hour
   * from 10:00 has just begun; t-7 (07:10) is before the first hour. */
  g_assert_cmpfloat (counts[0], ==, 2);
  g_assert_cmpfloat (counts[1], ==, 4);
  g_assert_cmpfloat (counts[2], ==, 0);

  /* Nobody is assigned: an agent's sparkline is empty. */
  pulse_contact_hours_count (t, at (NOW), 3, "a-1", counts);
  g_assert_cmpfloat (counts[0] + counts[1] + counts[2], ==, 0);
}

/* The same hours by what became of each contact, and their service
 * level, for the stacked bars and the line with its target band. */
static void
test_hourly_figures (void)
{
  g_autoptr(GListModel) q = queues ();
  g_autofree char *t8 = ticket ("t-8", "q-es-phone", "resolved", "2026-11-16T09:58:50Z", TRUE);
  g_autoptr(GListModel) rest = tickets ();
  g_autoptr(GListStore) t = g_list_store_new (PULSE_TYPE_TICKET);
  g_autoptr(GArray) hours = NULL;
  g_autoptr(JsonNode) node = pulse_test_parse (t8);
  g_autoptr(GObject) newest = G_OBJECT (pulse_ticket_new_from_json (node, NULL));
  PulseHourFigures *h;

  /* Newest first, as the session's list: t-8 (09:58:50) before the rest. */
  g_list_store_append (t, newest);
  for (guint i = 0; i < g_list_model_get_n_items (rest); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rest, i);

      g_list_store_append (t, item);
    }

  hours = pulse_hourly_figures (G_LIST_MODEL (t), q, at (NOW), 3);
  g_assert_cmpuint (hours->len, ==, 3);

  /* 08:00–09:00: t-5 answered an hour late, t-4 never; both missed. */
  h = &g_array_index (hours, PulseHourFigures, 0);
  g_assert_cmpint (h->start, ==, at ("2026-11-16T08:00:00Z"));
  g_assert_cmpfloat (h->outcomes[PULSE_CONTACT_OUTCOME_ANSWERED], ==, 1);
  g_assert_cmpfloat (h->outcomes[PULSE_CONTACT_OUTCOME_AUTOMATED], ==, 0);
  g_assert_cmpfloat (h->outcomes[PULSE_CONTACT_OUTCOME_ABANDONED], ==, 0);
  g_assert_cmpfloat (h->outcomes[PULSE_CONTACT_OUTCOME_UNANSWERED], ==, 1);
  g_assert_cmpint (h->sl_contacts, ==, 2);
  g_assert_cmpfloat (h->service_level, ==, 0);

  /* 09:00–10:00: t-8 answered in 10 s (met) and t-3 after 29 min; t-1
   * and t-2 wait past 20 s; t-6's queue is unknown, so it has no target.
   * Service level 1 of 4. */
  h = &g_array_index (hours, PulseHourFigures, 1);
  g_assert_cmpfloat (h->outcomes[PULSE_CONTACT_OUTCOME_ANSWERED], ==, 2);
  g_assert_cmpfloat (h->outcomes[PULSE_CONTACT_OUTCOME_UNANSWERED], ==, 3);
  g_assert_cmpint (h->sl_contacts, ==, 4);
  g_assert_cmpfloat (h->service_level, ==, 0.25);

  /* The hour under way has nothing yet: no service level at all. */
  h = &g_array_index (hours, PulseHourFigures, 2);
  g_assert_cmpfloat (h->outcomes[PULSE_CONTACT_OUTCOME_ANSWERED]
                     + h->outcomes[PULSE_CONTACT_OUTCOME_UNANSWERED], ==, 0);
  g_assert_cmpint (h->sl_contacts, ==, 0);
  g_assert_true (isnan (h->service_level));
}

/* The contacts behind a figure, by the same definitions. */
static void
test_filter (void)
{
  g_autoptr(GListModel) t = tickets ();
  PulseContactFilter filter = { at ("2026-11-16T09:00:00Z"), at (NOW), NULL, NULL, NULL,
                                PULSE_CONTACT_FOCUS_ALL };
  GString *ids = g_string_new (NULL);
  g_autofree char *all = NULL;

  for (guint focus = PULSE_CONTACT_FOCUS_ALL; focus <= PULSE_CONTACT_FOCUS_WAITING; focus++)
    {
      filter.focus = focus;
      for (guint i = 0; i < g_list_model_get_n_items (t); i++)
        {
          g_autoptr(PulseTicket) ticket = g_list_model_get_item (t, i);

          if (pulse_contact_filter_matches (&filter, ticket))
            g_string_append_printf (ids, "%s ", pulse_ticket_get_id (ticket));
        }
      g_string_append (ids, "| ");
    }

  /* In [09:00, 10:00): t-1, t-2, t-3, t-6; of them waiting: t-1, t-2, t-6. */
  all = g_string_free (ids, FALSE);
  g_assert_cmpstr (all, ==, "t-1 t-2 t-3 t-6 | t-1 t-2 t-6 | ");

  {
    g_auto(PulseContactFilter) copy = { 0 };
    g_autoptr(PulseTicket) t3 = g_list_model_get_item (t, 2);

    filter.focus = PULSE_CONTACT_FOCUS_ALL;
    filter.queue_id = (char *) "q-es-phone";
    pulse_contact_filter_copy (&filter, &copy);
    g_assert_false (pulse_contact_filter_matches (&copy, t3));
    g_assert_cmpstr (pulse_ticket_get_id (t3), ==, "t-3");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/queue-load/counts", test_counts);
  g_test_add_func ("/pulse/core/queue-load/empty", test_empty);
  g_test_add_func ("/pulse/core/queue-load/hours", test_hours);
  g_test_add_func ("/pulse/core/queue-load/hourly-figures", test_hourly_figures);
  g_test_add_func ("/pulse/core/queue-load/filter", test_filter);

  return g_test_run ();
}
