/* pulse-kpi-query.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of a #PulseKpi: per group, the ungrouped contacts, the
 * total, and the whole as JSON.
 */

#include "config.h"

#include <string.h>

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-kpi-private.h"

static PulseKpiSummary *
summarize (PulseKpiBucket *bucket,
           gint64          now,
           gint64          applications)
{
  PulseKpiSummary *summary = g_new0 (PulseKpiSummary, 1);
  PulseKpiBucket empty = { 0 };

  _pulse_kpi_bucket_summarize (bucket != NULL ? bucket : &empty, now, applications, summary);
  return summary;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gint64
applications_of (PulseKpi   *self,
                 const char *key)
{
  gint64 *applications;

  if (key == NULL)
    return self->total_applications;

  applications = g_hash_table_lookup (self->applications, key);
  return applications != NULL ? *applications : -1;
}

/**
 * pulse_kpi_dup_keys:
 *
 * Returns: (transfer full): the keys of the groups that hold contacts or
 *   reviews, sorted; empty for %PULSE_KPI_GROUP_NONE.
 */
GStrv
pulse_kpi_dup_keys (PulseKpi *self)
{
  g_autofree const char **keys = NULL;
  GStrv copy;
  guint n = 0;

  g_return_val_if_fail (PULSE_IS_KPI (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->buckets, &n);
  g_qsort_with_data (keys, n, sizeof (char *), compare_keys, NULL);
  copy = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (keys[i]);

  return copy;
}

/**
 * pulse_kpi_dup_summary:
 * @key: (nullable): a group key, or %NULL for the total
 * @now: the time the figures are for, microseconds since the epoch:
 *   contacts waiting longer than their target by then count as missed,
 *   and only contacts whose 7 days after have passed by then count
 *   towards FCR and the repeat rate (%G_MAXINT64: all of them)
 *
 * Returns: (transfer full): the figures of @key; a key with nothing in it
 *   gives zero counts and no figures.
 */
PulseKpiSummary *
pulse_kpi_dup_summary (PulseKpi   *self,
                       const char *key,
                       gint64      now)
{
  PulseKpiBucket *bucket;

  g_return_val_if_fail (PULSE_IS_KPI (self), NULL);

  bucket = key != NULL ? g_hash_table_lookup (self->buckets, key) : self->total;
  return summarize (bucket, now, applications_of (self, key));
}

/**
 * pulse_kpi_dup_ungrouped:
 * @now: as for pulse_kpi_dup_summary()
 *
 * Returns: (transfer full): the figures of the contacts and reviews with
 *   no group key: unassigned contacts by agent, agents without a team,
 *   queues without a country, reviews of tickets not added.
 */
PulseKpiSummary *
pulse_kpi_dup_ungrouped (PulseKpi *self,
                         gint64    now)
{
  g_return_val_if_fail (PULSE_IS_KPI (self), NULL);

  return summarize (self->ungrouped, now, -1);
}

static void
add_summary (JsonBuilder     *builder,
             PulseKpiSummary *summary)
{
  json_builder_begin_object (builder);
  pulse_kpi_summary_add_members (summary, builder);
  json_builder_end_object (builder);
}

/**
 * pulse_kpi_to_json:
 * @now: as for pulse_kpi_dup_summary()
 *
 * The `/api/v1/metrics` answer: `{"group","total":{…},"groups":[{"key",
 * …}…],"ungrouped":{…}?}` with the members of pulse_kpi_summary_to_json()
 * in each; groups sorted by key; "ungrouped" only when it holds anything.
 *
 * Returns: (transfer full): a JSON object.
 */
JsonNode *
pulse_kpi_to_json (PulseKpi *self,
                   gint64    now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(PulseKpiSummary) total = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (PULSE_IS_KPI (self), NULL);

  keys = pulse_kpi_dup_keys (self);
  total = pulse_kpi_dup_summary (self, NULL, now);

  json_builder_begin_object (builder);
  pulse_json_add_enum (builder, "group", PULSE_TYPE_KPI_GROUP, self->group);
  json_builder_set_member_name (builder, "total");
  add_summary (builder, total);

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(PulseKpiSummary) summary = pulse_kpi_dup_summary (self, keys[i], now);

      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "key", keys[i]);
      pulse_kpi_summary_add_members (summary, builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (self->ungrouped->refs > 0)
    {
      g_autoptr(PulseKpiSummary) ungrouped = pulse_kpi_dup_ungrouped (self, now);

      json_builder_set_member_name (builder, "ungrouped");
      add_summary (builder, ungrouped);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
