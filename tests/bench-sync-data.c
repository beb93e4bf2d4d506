/* bench-sync-data.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generators for bench-sync.c. Items start from the hand-written ones of
 * the state tests (so every codec accepts them) with the ids changed.
 */

#include "config.h"

#include <stdlib.h>

#include "bench-sync-data.h"
#include "pulse-json.h"
#include "pulse-test-state.h"
#include "pulse-time-utils.h"

#define TICK_USEC  (20 * G_USEC_PER_SEC / 1000)
#define N_AGENTS   150
#define N_QUEUES   40

/* A 150-agent centre (DESIGN.md): about 3,500 items in all. */
static const struct
{
  const char *kind;
  const char *collection;
  const char *item_q;
  guint       count;
} kinds[] = {
  { "queue", "queues", QUEUE_UA, N_QUEUES },
  { "team", "teams", TEAM, 10 },
  { "agent", "agents", AGENT, N_AGENTS },
  { "channel", "channels", CHANNEL, 8 },
  { "rule", "rules", RULE, 300 },
  { "template", "templates", TEMPLATE, 300 },
  { "scorecard", "scorecards", SCORECARD, 5 },
  { "mentorship", "mentorships", MENTORSHIP, 30 },
  { "shift", "shifts", SHIFT, 2100 },
  { "review", "reviews", REVIEW, 500 },
};

#define N_APPLICATION_DAYS 90

static const char * const channels[] = { "email", "chat", "telegram", "viber", "whatsapp",
                                         "phone" };
static const char * const agent_statuses[] = { "available", "busy", "after-call", "break",
                                               "away", "offline" };
static const char * const bodies[] = {
  "Hello, my card payment was declined twice today although the balance is fine. Could you "
  "check what is wrong with my account please?",
  "Thank you for waiting. I can see two declined attempts; the bank's fraud check blocked "
  "them. I have lifted the block, please try again now.",
  "It worked, thanks!",
};

typedef struct
{
  guint        n;
  gint64       version;
  gint64       created;
  gint64       updated;
  guint        n_messages;
} BenchTicket;

struct _BenchStream
{
  GRand       *rand;
  GArray      *tickets;       /* BenchTicket */
  gint64       agent_versions[N_AGENTS];
  gint64       seq;
  gint64       clock;
};

/**
 * bench_format_time:
 * @usec: a time, µs since the epoch
 *
 * Returns: the time as the server writes it (pulse_time_format(): UTC,
 *   fractions only when not zero), so the frames are the server's own.
 */
char *
bench_format_time (gint64 usec)
{
  return pulse_time_format (usec);
}

static char *
item_id (const char *kind,
         guint       i)
{
  return g_strdup_printf ("%s-%04u", kind, i);
}

static void
append_header (GString    *json,
               const char *id,
               guint       n,
               gint64      version,
               gint64      created,
               gint64      updated,
               const char *status)
{
  g_autofree char *at0 = bench_format_time (created);
  g_autofree char *at1 = bench_format_time (updated);
  g_autofree char *agent = item_id ("agent", n % N_AGENTS);
  gboolean closed = g_str_equal (status, "resolved") || g_str_equal (status, "closed");

  g_string_append_printf (json, "{\"id\":\"%s\",\"version\":%" G_GINT64_FORMAT ","
                          "\"queue_id\":\"queue-%04u\",\"channel\":\"%s\","
                          "\"subject\":\"Card payment declined at checkout, order %u\","
                          "\"customer_id\":\"c-%06u\",\"status\":\"%s\",\"priority\":\"normal\","
                          "\"assignee_id\":\"%s\",\"tags\":[\"payments\",\"card-declined\"],"
                          "\"language\":\"uk\",\"created_at\":\"%s\",\"updated_at\":\"%s\"",
                          id, version, n % N_QUEUES, channels[n % G_N_ELEMENTS (channels)], n,
                          n * 7919 % 250000, status, agent, at0, at1);
  if (closed)
    g_string_append_printf (json, ",\"resolved_at\":\"%s\"", at1);
}

static void
append_message (GString    *json,
                guint       n,
                guint       k,
                gint64      at)
{
  g_autofree char *stamp = bench_format_time (at);
  g_autofree char *agent = item_id ("agent", n % N_AGENTS);

  if (k % 2 == 0)
    g_string_append_printf (json, "{\"id\":\"m-%u-%u\",\"author_kind\":\"customer\","
                            "\"author_id\":\"c-%06u\",", n, k, n * 7919 % 250000);
  else
    g_string_append_printf (json, "{\"id\":\"m-%u-%u\",\"author_kind\":\"agent\","
                            "\"author_id\":\"%s\",", n, k, agent);
  g_string_append_printf (json, "\"at\":\"%s\",\"body\":\"%s\"}", stamp,
                          bodies[k % G_N_ELEMENTS (bodies)]);
}

/**
 * bench_ticket_json:
 * @n: the ticket's number, which picks its queue, agent and customer
 * @n_messages: messages a minute apart from @created
 *
 * Returns: the ticket in its wire form, updated at its last message;
 *   a closed one has a rating.
 */
char *
bench_ticket_json (const char *id,
                   guint       n,
                   gint64      version,
                   gint64      created,
                   const char *status,
                   guint       n_messages)
{
  GString *json = g_string_sized_new (1200);
  gint64 updated = created + (gint64) MAX (n_messages, 1) * 60 * G_USEC_PER_SEC -
                   60 * G_USEC_PER_SEC;
  g_autofree char *rated = bench_format_time (updated);

  append_header (json, id, n, version, created, updated, status);
  g_string_append (json, ",\"messages\":[");
  for (guint k = 0; k < n_messages; k++)
    {
      if (k > 0)
        g_string_append_c (json, ',');
      append_message (json, n, k, created + (gint64) k * 60 * G_USEC_PER_SEC);
    }
  g_string_append (json, "],\"ratings\":[");
  if (g_str_equal (status, "resolved") || g_str_equal (status, "closed"))
    g_string_append_printf (json, "{\"kind\":\"csat\",\"score\":%u,\"at\":\"%s\"}",
                            1 + n % 5, rated);
  g_string_append (json, "]}");

  return g_string_free (json, FALSE);
}

static JsonNode *
item_node (guint k,
           guint i)
{
  g_autofree char *text = g_strdup (kinds[k].item_q);
  g_autofree char *id = item_id (kinds[k].kind, i);
  g_autoptr(JsonNode) node = NULL;

  g_strdelimit (text, "'", '"');
  node = pulse_json_parse (text, -1, NULL);
  g_assert_nonnull (node);
  json_object_set_string_member (json_node_get_object (node), "id", id);
  return g_steal_pointer (&node);
}

static JsonNode *
applications_node (gint64 now,
                   guint  day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC -
                                                           (gint64) day * 86400);
  g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");
  g_autofree char *text = g_strdup_printf ("{\"date\":\"%s\",\"country\":\"UA\",\"count\":%u}",
                                           date, 100 + day);

  return pulse_json_parse (text, -1, NULL);
}

static gint64
open_created (gint64 now,
              guint  i)
{
  return now - 2 * BENCH_DAY + (gint64) i * (BENCH_DAY / BENCH_N_OPEN);
}

static const char *
open_status (guint i)
{
  return (const char *[]) { "new", "open", "pending" }[i % 3];
}

static char *
open_id (guint i)
{
  return g_strdup_printf ("t-%06u", i);
}

/**
 * bench_snapshot:
 *
 * Returns: a snapshot at @seq: every item, the open tickets.
 */
JsonNode *
bench_snapshot (gint64 seq,
                gint64 now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "seq", seq);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      json_builder_set_member_name (builder, kinds[k].collection);
      json_builder_begin_array (builder);
      for (guint i = 0; i < kinds[k].count; i++)
        json_builder_add_value (builder, item_node (k, i));
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "applications");
  json_builder_begin_array (builder);
  for (guint d = 0; d < N_APPLICATION_DAYS; d++)
    json_builder_add_value (builder, applications_node (now, d));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tickets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < BENCH_N_OPEN; i++)
    {
      g_autofree char *id = open_id (i);
      g_autofree char *text = bench_ticket_json (id, i, 1, open_created (now, i),
                                                 open_status (i), 2);

      json_builder_add_value (builder, pulse_json_parse (text, -1, NULL));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * bench_write_entities:
 *
 * Stores every item as PulseSync does (pulse-sync-store.c).
 *
 * Returns: how many were stored
 */
guint
bench_write_entities (PulseCacheBatch *batch)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();
  guint n = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      for (guint i = 0; i < kinds[k].count; i++, n++)
        {
          g_autoptr(JsonNode) node = item_node (k, i);
          JsonObject *object = json_node_get_object (node);

          g_assert_true (pulse_cache_batch_put_entity (batch, kinds[k].kind,
                                                       json_object_get_string_member (object,
                                                                                      "id"),
                                                       json_object_get_int_member (object,
                                                                                   "version"),
                                                       node, NULL, &error));
        }
    }
  for (guint d = 0; d < N_APPLICATION_DAYS; d++, n++)
    {
      g_autoptr(JsonNode) node = applications_node (now, d);
      JsonObject *object = json_node_get_object (node);
      g_autofree char *key = g_strconcat (json_object_get_string_member (object, "date"),
                                          "/UA", NULL);

      g_assert_true (pulse_cache_batch_put_entity (batch, "applications", key, 0, node, NULL,
                                                   &error));
    }

  return n;
}

/**
 * bench_write_open_tickets:
 *
 * Stores the snapshot's open tickets.
 */
void
bench_write_open_tickets (PulseCacheBatch *batch,
                          gint64           now)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < BENCH_N_OPEN; i++)
    {
      g_autofree char *id = open_id (i);
      g_autofree char *text = bench_ticket_json (id, i, 1, open_created (now, i),
                                                 open_status (i), 2);
      g_autoptr(JsonNode) node = pulse_json_parse (text, -1, NULL);

      g_assert_true (pulse_cache_batch_put_ticket (batch, node, NULL, &error));
    }
}

/**
 * bench_stream_new:
 * @seq: the snapshot's seq (bench_snapshot())
 * @now: the snapshot's time; events follow it 20 ms apart
 *
 * Returns: (transfer full): events that follow bench_snapshot().
 */
BenchStream *
bench_stream_new (gint64  seq,
                  gint64  now,
                  guint32 seed)
{
  BenchStream *self = g_new0 (BenchStream, 1);

  self->rand = g_rand_new_with_seed (seed);
  self->tickets = g_array_new (FALSE, FALSE, sizeof (BenchTicket));
  self->seq = seq;
  self->clock = now;
  for (guint i = 0; i < N_AGENTS; i++)
    self->agent_versions[i] = 2;  /* AGENT is at version 2 */
  for (guint i = 0; i < BENCH_N_OPEN; i++)
    {
      gint64 created = open_created (now, i);
      BenchTicket t = { i, 1, created, created + 60 * G_USEC_PER_SEC, 2 };

      g_array_append_val (self->tickets, t);
    }

  return self;
}

static char *
ticket_created (BenchStream *self)
{
  BenchTicket t = { self->tickets->len, 1, self->clock, self->clock, 1 };
  g_autofree char *id = open_id (t.n);

  g_array_append_val (self->tickets, t);
  return bench_ticket_json (id, t.n, 1, t.created, "new", 1);
}

static char *
message_created (BenchStream *self,
                 BenchTicket *t)
{
  GString *json = g_string_sized_new (400);
  g_autofree char *updated = NULL;

  t->version++;
  t->updated = MAX (t->updated, self->clock);
  updated = bench_format_time (t->updated);
  g_string_append_printf (json, "{\"ticket_id\":\"t-%06u\",\"ticket_version\":%" G_GINT64_FORMAT
                          ",\"ticket_updated_at\":\"%s\",\"message\":", t->n, t->version,
                          updated);
  append_message (json, t->n, t->n_messages++, self->clock);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static char *
ticket_updated (BenchStream *self,
                BenchTicket *t)
{
  GString *json = g_string_sized_new (600);
  g_autofree char *id = open_id (t->n);
  guint pick = g_rand_int_range (self->rand, 0, 10);

  t->version++;
  t->updated = MAX (t->updated, self->clock);
  append_header (json, id, t->n, t->version, t->created, t->updated,
                 pick < 2 ? "resolved" : pick < 6 ? "open" : "pending");
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static char *
agent_status (BenchStream *self)
{
  guint a = g_rand_int_range (self->rand, 0, N_AGENTS);
  g_autofree char *since = bench_format_time (self->clock);

  self->agent_versions[a]++;
  return g_strdup_printf ("{\"agent_id\":\"agent-%04u\",\"version\":%" G_GINT64_FORMAT ","
                          "\"status\":\"%s\",\"since\":\"%s\"}", a, self->agent_versions[a],
                          agent_statuses[self->agent_versions[a] %
                                         G_N_ELEMENTS (agent_statuses)], since);
}

/**
 * bench_stream_next:
 * @type: (out): the event's type
 *
 * The mix: 10 % ticket.created, 55 % message.created, 25 %
 * ticket.updated, 10 % agent.status; tickets picked at random.
 *
 * Returns: (transfer full): the next event frame, as text.
 */
char *
bench_stream_next (BenchStream  *self,
                   const char  **type)
{
  guint pick = g_rand_int_range (self->rand, 0, 100);
  BenchTicket *t = &g_array_index (self->tickets, BenchTicket,
                                   g_rand_int_range (self->rand, 0, self->tickets->len));
  g_autofree char *data = NULL;
  g_autofree char *at = NULL;

  self->clock += TICK_USEC;
  self->seq++;
  if (pick < 10)
    {
      *type = "ticket.created";
      data = ticket_created (self);
    }
  else if (pick < 65)
    {
      *type = "message.created";
      data = message_created (self, t);
    }
  else if (pick < 90)
    {
      *type = "ticket.updated";
      data = ticket_updated (self, t);
    }
  else
    {
      *type = "agent.status";
      data = agent_status (self);
    }

  at = bench_format_time (self->clock);
  return g_strdup_printf ("{\"seq\":%" G_GINT64_FORMAT ",\"type\":\"%s\",\"at\":\"%s\","
                          "\"data\":%s}", self->seq, *type, at, data);
}

void
bench_stream_free (BenchStream *self)
{
  g_rand_free (self->rand);
  g_array_unref (self->tickets);
  g_free (self);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/**
 * bench_sort_runs:
 *
 * Sorts @values in place: min first, median in the middle.
 */
void
bench_sort_runs (double *values,
                 guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
}
