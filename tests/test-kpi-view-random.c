/* test-kpi-view-random.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseKpiView against a fresh accumulator after 600 seeded random
 * events of every kind it follows, on a view per group; PulseHourlyView
 * against pulse_hourly_figures() read from scratch after the same
 * events, as its hours move on; PulseQueueLoadView against
 * pulse_queue_load_compute().
 */

#include "config.h"

#include "pulse-hourly-view.h"
#include "pulse-queue-load-view.h"
#include "test-kpi-view-util.h"

typedef struct
{
  PulseState *state;
  GRand      *rand;
  GPtrArray  *tickets;
  GPtrArray  *reviews;
  guint       next;
} World;

static const char *
pick (World      *world,
      GPtrArray  *ids)
{
  return ids->pdata[g_rand_int_range (world->rand, 0, ids->len)];
}

/* The stored updated_at of @id, plus one second. */
static char *
later (World      *world,
       const char *id)
{
  JsonNode *stored = pulse_state_lookup (world->state, PULSE_STATE_KIND_TICKET, id);
  gint64 at = 0;

  pulse_time_parse (json_object_get_string_member (json_node_get_object (stored), "updated_at"),
                    &at);
  return pulse_time_format (at + G_USEC_PER_SEC);
}

static JsonNode *
random_ticket (World *world)
{
  static const char * const queues[] = { "q-ua", "q-pl" };
  static const char * const agents[] = { "a-1", "a-2", "a-3", NULL };
  static const char * const statuses[] = { "open", "pending", "resolved", "abandoned" };
  GRand *rand = world->rand;
  char *id = g_strdup_printf ("t-%u", world->next++);
  g_autofree char *customer = g_strdup_printf ("c-%d", g_rand_int_range (rand, 0, 15));
  int reply = g_rand_int_range (rand, 0, 3) == 0 ? -1 : g_rand_int_range (rand, 5, 600);

  g_ptr_array_add (world->tickets, id);
  return ticket_node (id, 1, queues[g_rand_int_range (rand, 0, 2)], customer,
                      agents[g_rand_int_range (rand, 0, 4)],
                      statuses[g_rand_int_range (rand, 0, 4)],
                      g_rand_int_range (rand, -3 * DAY, 16 * DAY), reply);
}

static JsonNode *
addition (World      *world,
          const char *id,
          const char *member,
          const char *item_q)
{
  JsonNode *stored = pulse_state_lookup (world->state, PULSE_STATE_KIND_TICKET, id);
  gint64 version = json_object_get_int_member (json_node_get_object (stored), "version");
  g_autofree char *at = later (world, id);
  g_autoptr(GString) item = g_string_new (item_q);
  g_autofree char *text = NULL;

  g_string_replace (item, "@AT@", at, 0);
  text = g_strdup_printf ("{'ticket_id':'%s','ticket_version':%"
                                           G_GINT64_FORMAT ",'ticket_updated_at':'%s','%s':%s}",
                                           id, version + 1, at, member, item->str);

  return test_parse_q (text);
}

static void
random_ticket_event (World        *world,
                     int           op,
                     const char  **type,
                     JsonNode    **data)
{
  static const char * const kinds[] = { "csat", "nps", "ces" };
  static const int top[] = { 5, 10, 7 };
  GRand *rand = world->rand;
  const char *id = pick (world, world->tickets);
  g_autofree char *text = NULL;
  g_autofree char *updated_at = NULL;
  JsonObject *object;
  int kind;

  if (op == 0)
    {
      object = test_edit (world->state, PULSE_STATE_KIND_TICKET, id);
      json_object_set_string_member (object, "status",
                                     g_rand_boolean (rand) ? "closed" : "pending");
      json_object_set_string_member (object, "assignee_id", g_rand_boolean (rand) ? "a-2" : "a-3");
      updated_at = later (world, id);
      json_object_set_string_member (object, "updated_at", updated_at);
      *type = "ticket.updated";
      *data = test_data (object);
      return;
    }

  if (op == 1)
    {
      text = g_strdup_printf ("{'id':'%s-r%u','author_kind':'agent','author_id':'a-1',"
                              "'at':'@AT@','body':'x'}", id, world->next++);
      *type = "message.created";
      *data = addition (world, id, "message", text);
      return;
    }

  kind = g_rand_int_range (rand, 0, 3);
  text = g_strdup_printf ("{'kind':'%s','score':%d,'at':'@AT@'}", kinds[kind],
                          g_rand_int_range (rand, kind == 1 ? 0 : 1, top[kind] + 1));
  *type = "rating.created";
  *data = addition (world, id, "rating", text);
}

/* An agent changes team, a queue its country or target, a day its
 * applications. */
static void
random_directory_event (World        *world,
                        int           op,
                        const char  **type,
                        JsonNode    **data)
{
  static const char * const teams[] = { "team-a", "team-b", NULL };
  static const char * const countries[] = { "UA", "PL", "KZ" };
  static const int targets[] = { 20, 60, 3600 };
  GRand *rand = world->rand;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  const char *team;

  if (op == 0)
    {
      id = g_strdup_printf ("a-%d", g_rand_int_range (rand, 1, 4));
      object = test_edit (world->state, PULSE_STATE_KIND_AGENT, id);
      team = teams[g_rand_int_range (rand, 0, 3)];
      if (team != NULL)
        json_object_set_string_member (object, "team_id", team);
      else if (json_object_has_member (object, "team_id"))
        json_object_remove_member (object, "team_id");
      *type = "agent.updated";
      *data = test_data (object);
    }
  else if (op == 1)
    {
      object = test_edit (world->state, PULSE_STATE_KIND_QUEUE,
                          g_rand_boolean (rand) ? "q-ua" : "q-pl");
      json_object_set_string_member (object, "country", countries[g_rand_int_range (rand, 0, 3)]);
      json_object_set_int_member (object, "sl_target_seconds",
                                  targets[g_rand_int_range (rand, 0, 3)]);
      *type = "queue.updated";
      *data = test_data (object);
    }
  else
    {
      g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (BASE_S + DAY *
                                                                g_rand_int_range (rand, -3, 11));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      text = g_strdup_printf ("{'date':'%s','country':'%s','count':%d}", date,
                              countries[g_rand_int_range (rand, 0, 3)],
                              g_rand_int_range (rand, 0, 500));
      *type = "applications.updated";
      *data = test_parse_q (text);
    }
}

static void
random_review_event (World        *world,
                     int           op,
                     const char  **type,
                     JsonNode    **data)
{
  GRand *rand = world->rand;
  JsonObject *object;

  if (op == 0 || world->reviews->len == 0)
    {
      char *id = g_strdup_printf ("rv-%u", world->next++);
      gint64 created = g_rand_int_range (rand, -2 * DAY, 10 * DAY);
      g_autofree char *created_at = time_at (created);
      g_autofree char *submitted_at = time_at (created + HOUR);
      g_autofree char *text = g_strdup_printf (
        "{'id':'%s','version':1,'ticket_id':'%s','message_id':'m','agent_id':'a-%d',"
        "'scorecard_id':'s','scorecard_version':1,'reason':'random','status':'submitted',"
        "'score':%d.5,'grades':[],'created_at':'%s','submitted_at':'%s'}",
        id, pick (world, world->tickets), g_rand_int_range (rand, 1, 4),
        g_rand_int_range (rand, 0, 99), created_at, submitted_at);

      g_ptr_array_add (world->reviews, id);
      *type = "review.created";
      *data = test_parse_q (text);
    }
  else if (op == 1)
    {
      object = test_edit (world->state, PULSE_STATE_KIND_REVIEW, pick (world, world->reviews));
      json_object_set_double_member (object, "score", g_rand_int_range (rand, 0, 100));
      *type = "review.updated";
      *data = test_data (object);
    }
  else
    {
      guint index = g_rand_int_range (rand, 0, world->reviews->len);

      *type = "review.deleted";
      *data = test_deletion (world->state, PULSE_STATE_KIND_REVIEW, world->reviews->pdata[index]);
      g_ptr_array_remove_index_fast (world->reviews, index);
    }
}

static void
random_event (World       *world,
              const char **type,
              JsonNode   **data)
{
  int op = world->tickets->len < 5 ? 0 : g_rand_int_range (world->rand, 0, 21);

  if (op < 8)
    {
      *type = "ticket.created";
      *data = random_ticket (world);
    }
  else if (op < 14)
    random_ticket_event (world, (op - 8) / 2, type, data);
  else if (op < 17)
    random_directory_event (world, op - 14, type, data);
  else
    random_review_event (world, op < 19 ? 0 : op - 18, type, data);
}

/* 600 seeded events on six views, one per group; every 100, and after
 * a reset from the final state, each agrees with a fresh accumulator. */
static void
test_random (void)
{
  g_autofree char *t1 = ticket_q ("t-1", "q-ua", "c-1", "a-1", HOUR, 10);
  g_autoptr(PulseState) state = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new_with_free_func (g_object_unref);
  World world = { 0 };

  g_strdelimit (t1, "\"", '\'');
  state = test_state_new (DIRECTORY, "tickets", t1, NULL);
  world = (World) { state, g_rand_new_with_seed (20261102),
                    g_ptr_array_new_with_free_func (g_free),
                    g_ptr_array_new_with_free_func (g_free), 100 };
  g_ptr_array_add (world.tickets, g_strdup ("t-1"));

  for (PulseKpiGroup group = PULSE_KPI_GROUP_NONE; group <= PULSE_KPI_GROUP_COUNTRY; group++)
    {
      PulseKpiView *view = view_new (NULL, group);

      pulse_kpi_view_reset (view, state);
      g_ptr_array_add (views, view);
    }

  for (guint step = 1; step <= 600; step++)
    {
      g_auto(PulseStateChange) change = { 0 };
      const char *type = NULL;
      JsonNode *data = NULL;

      random_event (&world, &type, &data);
      test_apply (state, type, data, &change);
      for (guint i = 0; i < views->len; i++)
        pulse_kpi_view_apply (views->pdata[i], &change);

      for (guint i = 0; step % 100 == 0 && i < views->len; i++)
        assert_like_fresh (views->pdata[i], state, NULL);
    }

  for (guint i = 0; i < views->len; i++)
    {
      pulse_kpi_view_reset (views->pdata[i], state);
      assert_like_fresh (views->pdata[i], state, NULL);
    }

  g_rand_free (world.rand);
  g_ptr_array_unref (world.tickets);
  g_ptr_array_unref (world.reviews);
}

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  gint64 x = pulse_ticket_get_created_at (*(PulseTicket **) a);
  gint64 y = pulse_ticket_get_created_at (*(PulseTicket **) b);

  return (y > x) - (y < x);
}

/* The state's items of @kind decoded into a list, as the session's. */
static GListStore *
decoded_list (PulseState     *state,
              PulseStateKind  kind,
              GType           type,
              gpointer        decode_func)
{
  GObject *(*decode) (JsonNode *, GError **) = decode_func;
  g_autoptr(GPtrArray) nodes = pulse_state_list_items (state, kind);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = g_list_store_new (type);

  for (guint i = 0; i < nodes->len; i++)
    {
      g_autoptr(GError) error = NULL;
      GObject *object = decode (nodes->pdata[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (objects, object);
    }
  if (kind == PULSE_STATE_KIND_TICKET)
    g_ptr_array_sort (objects, newest_first);
  g_list_store_splice (store, 0, 0, objects->pdata, objects->len);
  return store;
}

/* The view's hours at @now equal those read from the state afresh. */
static void
assert_hours_like_fresh (PulseHourlyView *view,
                         PulseState      *state,
                         gint64           now)
{
  guint n = pulse_hourly_view_get_n_hours (view);
  g_autoptr(GListStore) tickets = decoded_list (state, PULSE_STATE_KIND_TICKET,
                                                PULSE_TYPE_TICKET, pulse_ticket_new_from_json);
  g_autoptr(GListStore) queues = decoded_list (state, PULSE_STATE_KIND_QUEUE,
                                               PULSE_TYPE_QUEUE, pulse_queue_new_from_json);
  g_autoptr(GArray) fresh = pulse_hourly_figures (G_LIST_MODEL (tickets), G_LIST_MODEL (queues),
                                                  now, n);
  g_autoptr(GArray) kept = pulse_hourly_view_dup_figures (view, now);
  double counted = 0;

  g_assert_true (pulse_hourly_view_get_loaded (view));
  g_assert_cmpuint (kept->len, ==, n);
  for (guint h = 0; h < n; h++)
    {
      PulseHourFigures *a = &g_array_index (kept, PulseHourFigures, h);
      PulseHourFigures *b = &g_array_index (fresh, PulseHourFigures, h);

      g_assert_cmpint (a->start, ==, b->start);
      for (guint o = 0; o < PULSE_CONTACT_N_OUTCOMES; o++)
        g_assert_cmpfloat (a->outcomes[o], ==, b->outcomes[o]);
      g_assert_cmpint (a->sl_contacts, ==, b->sl_contacts);
      g_assert_cmpint (isnan (a->service_level), ==, isnan (b->service_level));
      if (!isnan (a->service_level))
        g_assert_cmpfloat_with_epsilon (a->service_level, b->service_level, 1e-12);
      for (guint o = 0; o < PULSE_CONTACT_N_OUTCOMES; o++)
        counted += a->outcomes[o];
    }
  /* Not a comparison of two empty charts. */
  g_assert_cmpfloat (counted, >, 20);
}

static void
wait_hours_loaded (PulseHourlyView *view)
{
  while (!pulse_hourly_view_get_loaded (view))
    g_main_context_iteration (NULL, TRUE);
}

/* Two weeks of hours ending on day 8 of the 19 days the tickets span:
 * the first ones are too old, the last ones not due yet. Every 150
 * events the clock moves on a day and the hours follow it; at the end,
 * NOW is past every ticket, and a reset counts the state again while
 * more events arrive. */
static void
test_hours (void)
{
  g_autofree char *t1 = ticket_q ("t-1", "q-ua", "c-1", "a-1", HOUR, 10);
  g_autoptr(PulseState) state = NULL;
  g_autoptr(PulseHourlyView) view = pulse_hourly_view_new (14 * 24);
  gint64 now = AT (8 * DAY + HOUR - 1);
  World world = { 0 };

  g_strdelimit (t1, "\"", '\'');
  state = test_state_new (DIRECTORY, "tickets", t1, NULL);
  world = (World) { state, g_rand_new_with_seed (20261201),
                    g_ptr_array_new_with_free_func (g_free),
                    g_ptr_array_new_with_free_func (g_free), 100 };
  g_ptr_array_add (world.tickets, g_strdup ("t-1"));
  pulse_hourly_view_reset (view, state, now);
  wait_hours_loaded (view);

  for (guint step = 1; step <= 600; step++)
    {
      g_auto(PulseStateChange) change = { 0 };
      const char *type = NULL;
      JsonNode *data = NULL;

      random_event (&world, &type, &data);
      test_apply (state, type, data, &change);
      pulse_hourly_view_apply (view, &change);
      if (step % 150 == 0)
        {
          now += DAY * G_USEC_PER_SEC;
          assert_hours_like_fresh (view, state, now);
        }
    }

  assert_hours_like_fresh (view, state, NOW);
  /* Changes while a reset's tickets are still coming in count once, in
   * their new version. */
  pulse_hourly_view_reset (view, state, NOW);
  g_assert_false (pulse_hourly_view_get_loaded (view));
  for (guint step = 0; step < 40; step++)
    {
      g_auto(PulseStateChange) change = { 0 };
      const char *type = NULL;
      JsonNode *data = NULL;

      random_event (&world, &type, &data);
      test_apply (state, type, data, &change);
      pulse_hourly_view_apply (view, &change);
    }
  wait_hours_loaded (view);
  assert_hours_like_fresh (view, state, NOW);

  g_rand_free (world.rand);
  g_ptr_array_unref (world.tickets);
  g_ptr_array_unref (world.reviews);
}

/* The view's loads at @now equal those counted over the state afresh. */
static void
assert_loads_like_fresh (PulseQueueLoadView *view,
                         PulseState         *state,
                         gint64              now,
                         guint              *incoming)
{
  g_autoptr(GListStore) tickets = decoded_list (state, PULSE_STATE_KIND_TICKET,
                                                PULSE_TYPE_TICKET, pulse_ticket_new_from_json);
  g_autoptr(GListStore) queues = decoded_list (state, PULSE_STATE_KIND_QUEUE,
                                               PULSE_TYPE_QUEUE, pulse_queue_new_from_json);
  g_autoptr(GListStore) agents = decoded_list (state, PULSE_STATE_KIND_AGENT,
                                               PULSE_TYPE_AGENT, pulse_agent_new_from_json);
  g_autoptr(GHashTable) fresh = pulse_queue_load_compute (G_LIST_MODEL (queues),
                                                          G_LIST_MODEL (agents),
                                                          G_LIST_MODEL (tickets), now);
  g_autoptr(GHashTable) kept = pulse_queue_load_view_compute (view, G_LIST_MODEL (queues),
                                                              G_LIST_MODEL (agents), now);
  GHashTableIter iter;
  gpointer id, value;

  g_assert_true (pulse_queue_load_view_get_loaded (view));
  g_assert_cmpuint (g_hash_table_size (kept), ==, g_hash_table_size (fresh));
  g_hash_table_iter_init (&iter, fresh);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      PulseQueueLoad *b = value;
      PulseQueueLoad *a = g_hash_table_lookup (kept, id);

      g_assert_nonnull (a);
      g_assert_cmpuint (a->waiting, ==, b->waiting);
      g_assert_cmpint (a->oldest_since, ==, b->oldest_since);
      g_assert_cmpuint (a->incoming_last_hour, ==, b->incoming_last_hour);
      g_assert_cmpuint (a->agents_online, ==, b->agents_online);
      g_assert_cmpuint (a->agents_available, ==, b->agents_available);
      *incoming += b->incoming_last_hour + b->waiting;
    }
}

/* At a few times within an hour after a random ticket's creation, so the
 * last hour holds contacts. */
static void
assert_loads_around (PulseQueueLoadView *view,
                     World              *world)
{
  guint counted = 0;

  for (guint i = 0; i < 5; i++)
    {
      JsonNode *node = pulse_state_lookup (world->state, PULSE_STATE_KIND_TICKET,
                                           pick (world, world->tickets));
      g_autoptr(PulseTicket) ticket = NULL;
      /* The first two on the edges: an hour after (out), the instant (in). */
      gint64 after_s = i == 0 ? 3600 : i == 1 ? 0 : g_rand_int_range (world->rand, 0, 3600);
      gint64 at;

      g_assert_nonnull (node);
      ticket = pulse_ticket_new_from_json (node, NULL);
      at = pulse_ticket_get_created_at (ticket);
      assert_loads_like_fresh (view, world->state, at + after_s * G_USEC_PER_SEC, &counted);
    }
  g_assert_cmpuint (counted, >, 0);
}

/* 600 random events; every 100, and after a reset while more arrive. */
static void
test_queue_loads (void)
{
  g_autofree char *t1 = ticket_q ("t-1", "q-ua", "c-1", "a-1", HOUR, 10);
  g_autoptr(PulseState) state = NULL;
  g_autoptr(PulseQueueLoadView) view = pulse_queue_load_view_new ();
  World world = { 0 };

  g_strdelimit (t1, "\"", '\'');
  state = test_state_new (DIRECTORY, "tickets", t1, NULL);
  world = (World) { state, g_rand_new_with_seed (20261202),
                    g_ptr_array_new_with_free_func (g_free),
                    g_ptr_array_new_with_free_func (g_free), 100 };
  g_ptr_array_add (world.tickets, g_strdup ("t-1"));
  pulse_queue_load_view_reset (view, state);
  while (!pulse_queue_load_view_get_loaded (view))
    g_main_context_iteration (NULL, TRUE);

  for (guint step = 1; step <= 640; step++)
    {
      g_auto(PulseStateChange) change = { 0 };
      const char *type = NULL;
      JsonNode *data = NULL;

      if (step == 601)
        {
          pulse_queue_load_view_reset (view, state);
          g_assert_false (pulse_queue_load_view_get_loaded (view));
        }
      random_event (&world, &type, &data);
      test_apply (state, type, data, &change);
      pulse_queue_load_view_apply (view, &change);
      if (step % 100 == 0)
        assert_loads_around (view, &world);
    }

  while (!pulse_queue_load_view_get_loaded (view))
    g_main_context_iteration (NULL, TRUE);
  assert_loads_around (view, &world);

  g_rand_free (world.rand);
  g_ptr_array_unref (world.tickets);
  g_ptr_array_unref (world.reviews);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/kpi-view-random/groups", test_random);
  g_test_add_func ("/pulse/session/kpi-view-random/hours", test_hours);
  g_test_add_func ("/pulse/session/kpi-view-random/queue-loads", test_queue_loads);

  return g_test_run ();
}
