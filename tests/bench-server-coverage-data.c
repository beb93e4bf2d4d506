/* bench-server-coverage-data.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark's contact centre: 40 queues (8 channels × 5 countries),
 * 200 agents who each speak one language and take three channels, 12
 * weeks of contacts with a daily and weekly shape, five shifts a week per
 * agent and what the helpdesk reported of them.
 */

#include "config.h"

#include <math.h>

#include "bench-server-coverage.h"
#include "pulse-enums.h"
#include "pulse-ingest.h"
#include "pulse-json.h"

#define N_COUNTRIES 5
#define BATCH       5000

static const char * const countries[N_COUNTRIES][2] = {
  { "UA", "uk" }, { "PL", "pl" }, { "ES", "es" }, { "KZ", "kk" }, { "MD", "ro" },
};

typedef struct
{
  PulseIngest      ingest;
  PulseIngestFunc  func;
  GPtrArray       *items;
} Batch;

static gboolean
apply_cb (PulseDb   *db,
          gpointer   user_data,
          GError   **error)
{
  Batch *batch = user_data;

  for (guint i = 0; i < batch->items->len; i++)
    if (!batch->func (&batch->ingest, batch->items->pdata[i], error))
      return FALSE;

  return pulse_ingest_flush_tickets (&batch->ingest, error);
}

/* Applies and empties @items in one transaction, as one ingest request. */
static void
commit (Bench           *bench,
        PulseIngestFunc  func,
        GPtrArray       *items)
{
  Batch batch = { { 0 }, func, items };
  g_autoptr(GError) error = NULL;

  pulse_ingest_init (&batch.ingest, bench->server);
  if (!pulse_server_commit (bench->server, apply_cb, &batch, &error))
    g_error ("ingest failed: %s", error->message);
  pulse_ingest_clear (&batch.ingest);
  g_ptr_array_set_size (items, 0);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = pulse_json_parse (text, -1, &error);

  g_assert_no_error (error);
  return node;
}

static PulseChannelKind
queue_channel (guint q)
{
  return (PulseChannelKind) (q % 8);
}

void
bench_ingest_directory (Bench *bench)
{
  g_autoptr(GString) text = g_string_new ("{\"queues\":[");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint q = 0; q < N_QUEUES; q++)
    {
      PulseChannelKind channel = queue_channel (q);
      const char *const *country = countries[q / 8];

      g_string_append_printf (text, "%s{\"id\":\"q-%02u\",\"name\":\"%s %s\",\"channel\":\"%s\","
                              "\"country\":\"%s\",\"language\":\"%s\",\"sl_target_seconds\":%d,"
                              "\"sl_goal\":0.8%s}", q > 0 ? "," : "", q, country[0],
                              pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, channel),
                              pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, channel),
                              country[0], country[1],
                              channel == PULSE_CHANNEL_KIND_EMAIL ? 3600 : 20,
                              channel == PULSE_CHANNEL_KIND_PHONE ? ",\"patience_seconds\":90"
                                                                  : "");
    }
  g_string_append (text, "],\"agents\":[");
  for (guint a = 0; a < N_AGENTS; a++)
    g_string_append_printf (text, "%s{\"id\":\"a-%03u\",\"name\":\"Agent %u\","
                            "\"position\":\"agent\",\"status\":\"offline\","
                            "\"status_since\":\"2026-01-01T00:00:00Z\","
                            "\"channels\":[\"%s\",\"%s\",\"%s\"],\"languages\":[\"%s\"]}",
                            a > 0 ? "," : "", a, a,
                            pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, a % 8),
                            pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, (a + 3) % 8),
                            pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, (a + 5) % 8),
                            countries[a % N_COUNTRIES][1]);
  g_string_append (text, "]}");

  g_ptr_array_add (items, parse (text->str));
  commit (bench, pulse_ingest_directory, items);
}

/* Where in a week a contact falls: a day peak 08–18 UTC at ten times the
 * night, weekends at half. Returns the cumulative weights of the 336
 * intervals of a week that starts at @week_start, then their total. */
static double *
week_shape (gint64 week_start)
{
  double *cumulative = g_new (double, 337);
  double total = 0;

  for (guint i = 0; i < 336; i++)
    {
      gint64 at = week_start + i * INTERVAL;
      gint64 hour = at / HOUR % 24;
      gint64 weekday = (at / DAY + 3) % 7;  /* 1 January 1970 was a Thursday */
      double weight = hour >= 8 && hour < 18 ? 1.0 : 0.1;

      total += weekday >= 5 ? weight / 2 : weight;
      cumulative[i] = total;
    }
  cumulative[336] = total;

  return cumulative;
}

static JsonNode *
ticket_node (guint   number,
             guint   queue,
             gint64  created_at,
             int     handle_seconds)
{
  g_autofree char *at = pulse_time_format (created_at);
  g_autofree char *handle = g_strdup_printf (",\"handle_seconds\":%d", handle_seconds);
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"t-%u\",\"queue_id\":\"q-%02u\",\"channel\":\"%s\",\"subject\":\"Payment\","
    "\"customer_id\":\"c-%u\",\"status\":\"closed\",\"created_at\":\"%s\"%s}", number, queue,
    pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, queue_channel (queue)), number % 50000, at,
    handle_seconds >= 0 ? handle : "");

  return parse (json);
}

guint
bench_ingest_history (Bench *bench,
                      guint  per_week)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  gint64 cut = bench->now - bench->now % INTERVAL;
  guint number = 0;

  for (guint w = N_WEEKS; w >= 1; w--)
    {
      gint64 week_start = cut - (gint64) w * WEEK;
      g_autofree double *shape = week_shape (week_start);

      for (guint q = 0; q < N_QUEUES; q++)
        for (guint c = 0; c < per_week; c++)
          {
            double u = g_rand_double (rand) * shape[336];
            guint i = 0;
            int handle = -1;
            gint64 at;

            while (i < 335 && shape[i] < u)
              i++;
            if (g_rand_double (rand) >= 0.1)
              handle = (int) MIN (-300 * log (1 - g_rand_double (rand)), 7200);
            at = week_start + i * INTERVAL + g_rand_int_range (rand, 0, 1800) * G_USEC_PER_SEC;
            g_ptr_array_add (items, ticket_node (number++, q, at, handle));
            if (items->len == BATCH)
              commit (bench, pulse_ingest_ticket, items);
          }
    }
  if (items->len > 0)
    commit (bench, pulse_ingest_ticket, items);

  return number;
}

static const int breaks[3][2] = { { 120, 15 }, { 240, 30 }, { 360, 15 } };

static void
add_report (GPtrArray  *reports,
            guint       agent,
            const char *status,
            gint64      at)
{
  g_autofree char *time = pulse_time_format (at);
  g_autofree char *json = g_strdup_printf ("{\"agent_id\":\"a-%03u\",\"status\":\"%s\","
                                           "\"at\":\"%s\"}", agent, status, time);

  g_ptr_array_add (reports, parse (json));
}

/* One 8-hour shift with breaks of 15, 30 and 15 minutes; with @reports,
 * also what the helpdesk reported: available, break and back, offline. */
static void
post_shift (Bench     *bench,
            guint      agent,
            gint64     start,
            GPtrArray *reports)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *from = pulse_time_format (start);
  g_autofree char *to = pulse_time_format (start + 8 * HOUR);
  Pending pending;

  g_string_printf (json, "{\"id\":\"s-%03u-%" G_GINT64_FORMAT "\",\"agent_id\":\"a-%03u\","
                   "\"kind\":\"work\",\"starts_at\":\"%s\",\"ends_at\":\"%s\",\"breaks\":[",
                   agent, start / G_USEC_PER_SEC, agent, from, to);
  for (guint b = 0; b < 3; b++)
    {
      gint64 pause = start + breaks[b][0] * PULSE_USEC_PER_MINUTE;
      gint64 back = pause + breaks[b][1] * PULSE_USEC_PER_MINUTE;
      g_autofree char *b0 = pulse_time_format (pause);
      g_autofree char *b1 = pulse_time_format (back);

      g_string_append_printf (json, "%s{\"starts_at\":\"%s\",\"ends_at\":\"%s\"}",
                              b > 0 ? "," : "", b0, b1);
      if (reports != NULL)
        {
          add_report (reports, agent, "break", pause);
          add_report (reports, agent, "available", back);
        }
    }
  g_string_append (json, "]}");

  pending = bench_request (bench, "POST", "/api/v1/shifts", bench->planner, json->str);
  if (pending.status != 201)
    g_error ("shift refused: %u", pending.status);
  g_bytes_unref (pending.body);
  if (reports != NULL)
    {
      add_report (reports, agent, "available", start);
      add_report (reports, agent, "offline", start + 8 * HOUR);
    }
}

/* Five shifts a week per agent, starting 06:00–12:00 UTC. */
guint
bench_plan_shifts (Bench    *bench,
                   gint64    first_day,
                   guint     n_days,
                   gboolean  report)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  guint n = 0;

  for (guint a = 0; a < N_AGENTS; a++)
    for (guint d = 0; d < n_days; d++)
      {
        if ((a + d) % 7 < 2)
          continue;
        post_shift (bench, a, first_day + d * DAY + (6 + (a % 4) * 2) * HOUR,
                    report ? reports : NULL);
        n++;
      }

  if (reports->len > 0)
    commit (bench, pulse_ingest_agent_status, reports);
  return n;
}
