/* test-kpi-sync.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The property the console's sync engine relies on: after any sequence of
 * adds, replacements, removals and lookup changes, a #PulseKpi holds
 * exactly what one built from scratch from the current data holds. Data
 * and operations are random, from a fixed seed.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-kpi.h"
#include "pulse-review-sample.h"
#include "pulse-test-kpi.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define N_TICKETS   300
#define N_REVIEWS   80
#define N_AGENTS    7
#define N_STEPS     3000
#define CHECK_EVERY 250

static const char * const queue_ids[] = { "q-a", "q-b", "q-c", "q-unknown" };
static const char * const countries[] = { "UA", "PL", NULL };
static const int targets[] = { 20, 60, 3600, 0 };
static const char * const teams[] = { "team-0", "team-1", "team-2", NULL };

typedef struct
{
  char            *id;
  char            *customer;
  char            *agent;
  PulseKpiContact  contact;
} Version;

typedef struct
{
  PulseKpiGroup  group;
  GRand         *rand;
  PulseKpi      *kpi;
  GHashTable    *tickets;       /* id → Version */
  GHashTable    *reviews;       /* id → PulseReviewSample */
  const char    *agent_team[N_AGENTS];
  const char    *queue_country[3];
  int            queue_target[3];
} Fixture;

/* A contact or a review, to add in a shuffled order. */
typedef struct
{
  gboolean review;
  gpointer data;
} Item;

static void
version_free (gpointer data)
{
  Version *version = data;

  g_free (version->id);
  g_free (version->customer);
  g_free (version->agent);
  g_free (version);
}

static int
rating (GRand *rand,
        int    min,
        int    max)
{
  return g_rand_int_range (rand, 0, 5) < 2 ? PULSE_KPI_NO_RATING
                                          : g_rand_int_range (rand, min, max + 1);
}

static Version *
random_version (GRand *rand,
                guint  index)
{
  Version *v = g_new0 (Version, 1);
  gint64 created_s = g_rand_int_range (rand, -3 * 86400, 17 * 86400);

  v->id = g_strdup_printf ("t%u", index);
  if (g_rand_int_range (rand, 0, 20) != 0)
    v->customer = g_strdup_printf ("c%d", g_rand_int_range (rand, 0, 30));
  if (g_rand_int_range (rand, 0, 10) != 0)
    v->agent = g_strdup_printf ("a%d", g_rand_int_range (rand, 0, N_AGENTS));

  v->contact = pulse_test_kpi_contact (v->id, v->customer, created_s);
  v->contact.assignee_id = v->agent;
  v->contact.queue_id = queue_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (queue_ids))];
  v->contact.channel = g_rand_int_range (rand, 0, PULSE_CHANNEL_KIND_IN_APP + 1);
  v->contact.status = g_rand_int_range (rand, 0, PULSE_TICKET_STATUS_ABANDONED + 1);
  /* Replies from 5 s "before" creation (skewed clocks) to 2 minutes. */
  if (g_rand_boolean (rand))
    v->contact.first_response_at = AT (created_s + g_rand_int_range (rand, -5, 120));
  v->contact.automated = g_rand_int_range (rand, 0, 7) == 0;
  /* A quarter unknown; some exactly 0; ties, so the median bag holds
   * duplicates. */
  if (g_rand_int_range (rand, 0, 4) != 0)
    v->contact.handle_seconds = 15 * g_rand_int_range (rand, 0, 60);
  v->contact.csat = rating (rand, 1, 5);
  v->contact.nps = rating (rand, 0, 10);
  v->contact.ces = rating (rand, 1, 7);
  return v;
}

static PulseReviewSample *
random_review (GRand *rand,
               guint  index)
{
  gboolean submitted = g_rand_int_range (rand, 0, 5) != 0;
  g_autofree char *created = pulse_time_format (AT (g_rand_int_range (rand, -2 * 86400,
                                                                      16 * 86400)));
  g_autofree char *extra = submitted
    ? g_strdup_printf (",\"score\":%d.%02d,\"submitted_at\":\"2027-01-01T00:00:00Z\"",
                       g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 0, 100))
    : g_strdup ("");
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"r%u\",\"version\":1,\"ticket_id\":\"t%d\",\"message_id\":\"m\","
    "\"agent_id\":\"a%d\",\"scorecard_id\":\"sc\",\"scorecard_version\":1,"
    "\"reason\":\"random\",\"status\":\"%s\",\"created_at\":\"%s\"%s}",
    index, g_rand_int_range (rand, 0, N_TICKETS), g_rand_int_range (rand, 0, N_AGENTS),
    submitted ? "submitted" : "draft", created, extra);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseReviewSample *sample = pulse_review_sample_new_from_json (node, &error);

  g_assert_no_error (error);
  return sample;
}

static void
apply_lookups (Fixture  *f,
               PulseKpi *kpi)
{
  for (guint i = 0; i < 3; i++)
    pulse_kpi_set_queue (kpi, queue_ids[i], f->queue_country[i], f->queue_target[i]);
  for (guint i = 0; i < N_AGENTS; i++)
    {
      g_autofree char *agent = g_strdup_printf ("a%u", i);

      pulse_kpi_set_agent_team (kpi, agent, f->agent_team[i]);
    }
}

/* The current data, added in a random order, with the lookups set before
 * or after the contacts. */
static PulseKpi *
rebuild (Fixture *f)
{
  PulseKpi *kpi = pulse_kpi_new (f->group, AT (0), AT (DAYS (14)));
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  gboolean lookups_first = g_rand_boolean (f->rand);
  GHashTableIter iter;
  gpointer value;

  if (lookups_first)
    apply_lookups (f, kpi);

  g_hash_table_iter_init (&iter, f->tickets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_val (items, ((Item) { FALSE, value }));
  g_hash_table_iter_init (&iter, f->reviews);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_val (items, ((Item) { TRUE, value }));
  for (guint i = items->len; i > 1; i--)
    {
      guint j = g_rand_int_range (f->rand, 0, i);
      Item swap = g_array_index (items, Item, i - 1);

      g_array_index (items, Item, i - 1) = g_array_index (items, Item, j);
      g_array_index (items, Item, j) = swap;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->review)
        pulse_kpi_add_review (kpi, item->data);
      else
        pulse_test_kpi_add (kpi, &((Version *) item->data)->contact);
    }

  if (!lookups_first)
    apply_lookups (f, kpi);

  return kpi;
}

static void
assert_same_summary (PulseKpiSummary *a,
                     PulseKpiSummary *b,
                     const char      *what)
{
  if (!pulse_kpi_summary_equal (a, b))
    {
      g_autoptr(JsonNode) ja = pulse_kpi_summary_to_json (a);
      g_autoptr(JsonNode) jb = pulse_kpi_summary_to_json (b);
      g_autofree char *ta = pulse_json_to_string (ja);
      g_autofree char *tb = pulse_json_to_string (jb);

      g_error ("%s differs:\n incremental %s\n from scratch %s", what, ta, tb);
    }
}

static void
assert_same (Fixture *f)
{
  static const gint64 nows[] = { 5, 10, 15, 21, 40 };
  g_autoptr(PulseKpi) fresh = rebuild (f);
  g_auto(GStrv) keys = pulse_kpi_dup_keys (f->kpi);
  g_auto(GStrv) fresh_keys = pulse_kpi_dup_keys (fresh);

  g_assert_cmpstrv (keys, fresh_keys);
  g_assert_cmpuint (pulse_kpi_get_n_tickets (f->kpi), ==, pulse_kpi_get_n_tickets (fresh));

  for (guint t = 0; t <= G_N_ELEMENTS (nows); t++)
    {
      gint64 now = t < G_N_ELEMENTS (nows) ? AT (DAYS (nows[t])) : G_MAXINT64;
      g_autoptr(PulseKpiSummary) total = pulse_kpi_dup_summary (f->kpi, NULL, now);
      g_autoptr(PulseKpiSummary) fresh_total = pulse_kpi_dup_summary (fresh, NULL, now);
      g_autoptr(PulseKpiSummary) rest = pulse_kpi_dup_ungrouped (f->kpi, now);
      g_autoptr(PulseKpiSummary) fresh_rest = pulse_kpi_dup_ungrouped (fresh, now);

      assert_same_summary (total, fresh_total, "total");
      assert_same_summary (rest, fresh_rest, "ungrouped");
      for (guint i = 0; keys[i] != NULL; i++)
        {
          g_autoptr(PulseKpiSummary) a = pulse_kpi_dup_summary (f->kpi, keys[i], now);
          g_autoptr(PulseKpiSummary) b = pulse_kpi_dup_summary (fresh, keys[i], now);

          assert_same_summary (a, b, keys[i]);
        }
    }
}

static void
change_lookup (Fixture *f)
{
  if (g_rand_boolean (f->rand))
    {
      guint agent = g_rand_int_range (f->rand, 0, N_AGENTS);
      g_autofree char *agent_id = g_strdup_printf ("a%u", agent);

      f->agent_team[agent] = teams[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (teams))];
      pulse_kpi_set_agent_team (f->kpi, agent_id, f->agent_team[agent]);
    }
  else
    {
      guint queue = g_rand_int_range (f->rand, 0, 3);

      f->queue_country[queue] = countries[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (countries))];
      f->queue_target[queue] = targets[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (targets))];
      pulse_kpi_set_queue (f->kpi, queue_ids[queue], f->queue_country[queue],
                           f->queue_target[queue]);
    }
}

static void
step (Fixture *f)
{
  int op = g_rand_int_range (f->rand, 0, 100);
  guint ticket = g_rand_int_range (f->rand, 0, N_TICKETS);
  guint review = g_rand_int_range (f->rand, 0, N_REVIEWS);
  g_autofree char *ticket_id = g_strdup_printf ("t%u", ticket);
  g_autofree char *review_id = g_strdup_printf ("r%u", review);

  if (op < 50)
    {
      Version *version = random_version (f->rand, ticket);

      pulse_test_kpi_add (f->kpi, &version->contact);
      g_hash_table_replace (f->tickets, version->id, version);
    }
  else if (op < 68)
    g_assert_cmpint (pulse_kpi_remove_ticket (f->kpi, ticket_id), ==,
                     g_hash_table_remove (f->tickets, ticket_id));
  else if (op < 88)
    {
      PulseReviewSample *sample = random_review (f->rand, review);

      pulse_kpi_add_review (f->kpi, sample);
      g_hash_table_replace (f->reviews, g_strdup (review_id), sample);
    }
  else if (op < 96)
    {
      pulse_kpi_remove_review (f->kpi, review_id);
      g_hash_table_remove (f->reviews, review_id);
    }
  else
    change_lookup (f);
}

static void
test_add_remove_is_recompute (gconstpointer data)
{
  Fixture f = { .group = GPOINTER_TO_INT (data) };

  f.rand = g_rand_new_with_seed (20261102 + f.group);
  f.tickets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, version_free);
  f.reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  f.kpi = pulse_kpi_new (f.group, AT (0), AT (DAYS (14)));
  for (guint i = 0; i < 3; i++)
    {
      f.queue_country[i] = countries[i];
      f.queue_target[i] = targets[i];
    }
  for (guint i = 0; i < N_AGENTS; i++)
    f.agent_team[i] = teams[i % G_N_ELEMENTS (teams)];
  apply_lookups (&f, f.kpi);

  for (guint i = 1; i <= N_STEPS; i++)
    {
      step (&f);
      if (i % CHECK_EVERY == 0)
        assert_same (&f);
    }

  /* Everything taken out again leaves nothing behind. */
  for (guint i = 0; i < N_TICKETS; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);

      pulse_kpi_remove_ticket (f.kpi, id);
      g_hash_table_remove (f.tickets, id);
    }
  g_hash_table_remove_all (f.reviews);
  for (guint i = 0; i < N_REVIEWS; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);

      pulse_kpi_remove_review (f.kpi, id);
    }
  assert_same (&f);
  g_assert_cmpuint (pulse_kpi_get_n_tickets (f.kpi), ==, 0);

  g_object_unref (f.kpi);
  g_hash_table_unref (f.reviews);
  g_hash_table_unref (f.tickets);
  g_rand_free (f.rand);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *path; PulseKpiGroup group; } cases[] = {
    { "/pulse/core/kpi-sync/add-remove-is-recompute/none", PULSE_KPI_GROUP_NONE },
    { "/pulse/core/kpi-sync/add-remove-is-recompute/agent", PULSE_KPI_GROUP_AGENT },
    { "/pulse/core/kpi-sync/add-remove-is-recompute/team", PULSE_KPI_GROUP_TEAM },
    { "/pulse/core/kpi-sync/add-remove-is-recompute/queue", PULSE_KPI_GROUP_QUEUE },
    { "/pulse/core/kpi-sync/add-remove-is-recompute/channel", PULSE_KPI_GROUP_CHANNEL },
    { "/pulse/core/kpi-sync/add-remove-is-recompute/country", PULSE_KPI_GROUP_COUNTRY },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, GINT_TO_POINTER (cases[i].group),
                          test_add_remove_is_recompute);

  return g_test_run ();
}
