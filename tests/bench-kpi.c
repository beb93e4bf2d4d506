/* bench-kpi.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test --benchmark kpi`: the top of DESIGN.md's scale in memory.
 * 90 days × 7,000 contacts a day, 150 agents in 10 teams, 40 queues in 5
 * countries; time to add them all, to draw every group's figures, to
 * follow 10,000 updates, and to staff 40 queues × 336 half-hours. It only
 * prints figures: timings are no pass/fail criterion on a shared machine.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "pulse-erlang.h"
#include "pulse-kpi.h"

#define DAYS         90
#define PER_DAY      7000
#define N_CONTACTS   (DAYS * PER_DAY)
#define N_AGENTS     150
#define N_QUEUES     40
#define N_CUSTOMERS  250000
#define N_UPDATES    10000
#define BASE_USEC    (G_GINT64_CONSTANT (1793577600) * G_USEC_PER_SEC)
#define DAY_USEC     (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

typedef struct
{
  char **ids;
  char **customers;
  char  *agents[N_AGENTS];
  char  *queues[N_QUEUES];
  PulseKpiContact *contacts;
} Data;

static int
maybe_rating (GRand *rand,
              int    min,
              int    max)
{
  return g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, min, max + 1)
                                           : PULSE_KPI_NO_RATING;
}

static void
fill_contact (Data            *data,
              GRand           *rand,
              guint            i,
              PulseKpiContact *c)
{
  guint queue = g_rand_int_range (rand, 0, N_QUEUES);
  int roll = g_rand_int_range (rand, 0, 100);

  pulse_kpi_contact_init (c);
  c->id = data->ids[i];
  c->customer_id = data->customers[g_rand_int_range (rand, 0, N_CUSTOMERS)];
  c->queue_id = data->queues[queue];
  c->channel = queue % (PULSE_CHANNEL_KIND_IN_APP + 1);
  c->created_at = BASE_USEC + (gint64) (i / PER_DAY) * DAY_USEC
                  + g_rand_int_range (rand, 0, 86400) * (gint64) G_USEC_PER_SEC;
  if (roll < 15)
    {
      c->automated = TRUE;
      c->status = PULSE_TICKET_STATUS_RESOLVED;
    }
  else if (roll < 20)
    c->status = PULSE_TICKET_STATUS_ABANDONED;
  else
    {
      c->status = PULSE_TICKET_STATUS_RESOLVED;
      c->assignee_id = data->agents[g_rand_int_range (rand, 0, N_AGENTS)];
      c->first_response_at = c->created_at
                             + (gint64) (-log (1 - g_rand_double (rand)) * 60 * G_USEC_PER_SEC);
    }
  c->csat = maybe_rating (rand, 1, 5);
  c->nps = maybe_rating (rand, 0, 10);
  c->ces = maybe_rating (rand, 1, 7);
}

static void
make_data (Data  *data,
           GRand *rand)
{
  data->ids = g_new (char *, N_CONTACTS);
  data->customers = g_new (char *, N_CUSTOMERS);
  data->contacts = g_new (PulseKpiContact, N_CONTACTS);
  for (guint i = 0; i < N_AGENTS; i++)
    data->agents[i] = g_strdup_printf ("agent-%03u", i);
  for (guint i = 0; i < N_QUEUES; i++)
    data->queues[i] = g_strdup_printf ("queue-%02u", i);
  for (guint i = 0; i < N_CUSTOMERS; i++)
    data->customers[i] = g_strdup_printf ("customer-%06u", i);
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      data->ids[i] = g_strdup_printf ("t-%07u", i);
      fill_contact (data, rand, i, &data->contacts[i]);
    }
}

static void
clear_data (Data *data)
{
  for (guint i = 0; i < N_CONTACTS; i++)
    g_free (data->ids[i]);
  for (guint i = 0; i < N_CUSTOMERS; i++)
    g_free (data->customers[i]);
  for (guint i = 0; i < N_AGENTS; i++)
    g_free (data->agents[i]);
  for (guint i = 0; i < N_QUEUES; i++)
    g_free (data->queues[i]);
  g_free (data->ids);
  g_free (data->customers);
  g_free (data->contacts);
}

static PulseKpi *
make_kpi (Data          *data,
          PulseKpiGroup  group)
{
  static const char * const countries[] = { "UA", "PL", "KZ", "MD", "GE" };
  PulseKpi *kpi = pulse_kpi_new (group, BASE_USEC, BASE_USEC + DAYS * DAY_USEC);

  for (guint i = 0; i < N_QUEUES; i++)
    pulse_kpi_set_queue (kpi, data->queues[i], countries[i % 5], i % 8 == 0 ? 3600 : 20);
  for (guint i = 0; i < N_AGENTS; i++)
    {
      g_autofree char *team = g_strdup_printf ("team-%u", i % 10);

      pulse_kpi_set_agent_team (kpi, data->agents[i], team);
    }

  return kpi;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static long
resident_mib (void)
{
  long pages = 0, resident = 0;
  FILE *file = fopen ("/proc/self/statm", "r");

  if (file == NULL)
    return -1;
  if (fscanf (file, "%ld %ld", &pages, &resident) != 2)
    resident = -1;
  fclose (file);
  return resident < 0 ? -1 : resident * 4096 / (1024 * 1024);
}

static double
summarize_all (PulseKpi *kpi,
               gint64    now,
               guint    *n_groups)
{
  g_auto(GStrv) keys = NULL;
  gint64 start = g_get_monotonic_time ();

  keys = pulse_kpi_dup_keys (kpi);
  *n_groups = g_strv_length (keys);
  for (guint i = 0; keys[i] != NULL; i++)
    pulse_kpi_summary_free (pulse_kpi_dup_summary (kpi, keys[i], now));
  pulse_kpi_summary_free (pulse_kpi_dup_summary (kpi, NULL, now));
  pulse_kpi_summary_free (pulse_kpi_dup_ungrouped (kpi, now));
  return seconds_since (start);
}

static void
bench_kpi (Data  *data,
           GRand *rand)
{
  static const PulseKpiGroup groups[] = { PULSE_KPI_GROUP_AGENT, PULSE_KPI_GROUP_QUEUE };
  gint64 end = BASE_USEC + DAYS * DAY_USEC;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autoptr(PulseKpi) kpi = make_kpi (data, groups[g]);
      long before = resident_mib ();
      gint64 start = g_get_monotonic_time ();
      double added, live, settled, updates;
      guint n_groups;

      for (guint i = 0; i < N_CONTACTS; i++)
        pulse_kpi_add_contact (kpi, &data->contacts[i], NULL);
      added = seconds_since (start);
      printf ("group %-6s add %u contacts: %.2f s (%.2f µs each), +%ld MiB resident\n",
              groups[g] == PULSE_KPI_GROUP_AGENT ? "agent" : "queue", N_CONTACTS, added,
              added * 1e6 / N_CONTACTS, resident_mib () - before);

      live = summarize_all (kpi, end - DAY_USEC, &n_groups);
      settled = summarize_all (kpi, end + 30 * DAY_USEC, &n_groups);
      printf ("  summaries of %u groups + total: %.1f ms (now inside the data), "
              "%.1f ms (all follow-ups elapsed)\n", n_groups, live * 1e3, settled * 1e3);
      printf ("BENCH kpi.add_90d_%s %.2f s\n", groups[g] == PULSE_KPI_GROUP_AGENT ? "agent"
              : "queue", added);
      printf ("BENCH kpi.summaries_%s %.2f ms\n", groups[g] == PULSE_KPI_GROUP_AGENT ? "agent"
              : "queue", live * 1e3);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < N_UPDATES; i++)
        {
          guint index = g_rand_int_range (rand, 0, N_CONTACTS);
          PulseKpiContact update = data->contacts[index];

          update.status = PULSE_TICKET_STATUS_CLOSED;
          update.csat = g_rand_int_range (rand, 1, 6);
          pulse_kpi_add_contact (kpi, &update, NULL);
        }
      updates = seconds_since (start);
      printf ("  %u in-place updates (replace a contact): %.1f ms (%.2f µs each)\n",
              N_UPDATES, updates * 1e3, updates * 1e6 / N_UPDATES);
    }
}

static void
bench_staffing (void)
{
  guint total = 0;
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  for (guint q = 0; q < N_QUEUES; q++)
    for (guint i = 0; i < 336; i++)
      {
        double hour = (i % 48) / 2.0;
        PulseErlangRequest request = {
          .arrivals = (5 + q * 3) * (1.2 + sin ((hour - 9) * G_PI / 12)),
          .interval_s = 1800,
          .handle_s = 120 + 12 * q,
          .target_s = q % 8 == 0 ? 3600 : 20,
          .goal = 0.8,
          .shrinkage = 0.3,
          .concurrency = q % 4 == 1 ? 2 : 1,
          .patience_s = q % 3 == 0 ? 300 : 0,
        };
        PulseErlangStaffing staffing;

        if (pulse_erlang_required_agents (&request, &staffing, NULL))
          total += staffing.required;
      }

  elapsed = seconds_since (start);
  printf ("staffing %u queues × 336 intervals (a third Erlang A): %.1f ms, "
          "%u agent-intervals required\n", N_QUEUES, elapsed * 1e3, total);
  printf ("BENCH kpi.staffing_week %.1f ms\n", elapsed * 1e3);
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (90);
  Data data = { 0 };
  gint64 start = g_get_monotonic_time ();

  make_data (&data, rand);
  printf ("built %u synthetic contacts in %.2f s\n", N_CONTACTS, seconds_since (start));
  bench_kpi (&data, rand);
  bench_staffing ();
  clear_data (&data);
  return 0;
}
