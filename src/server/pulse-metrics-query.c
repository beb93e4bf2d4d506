/* pulse-metrics-query.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `/api/v1/metrics` computes, off the main thread: the server's
 * contacts, directory, loan applications and QA reviews fed into the
 * same #PulseKpi the console uses, so both give the same figures.
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-directory-store.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-metrics-query.h"
#include "pulse-queue.h"
#include "pulse-review-sample.h"
#include "pulse-ticket-rows.h"
#include "pulse-time-utils.h"

/* Tickets read per transaction: a page holds the database for a few
 * milliseconds (SQLite reads the bodies' JSON inside it), so ingest and
 * every other request go on between pages. */
#define PAGE_SIZE 250

typedef GObject *(*DecodeFunc) (JsonNode *node, GError **error);

#define DECODE(f) ((DecodeFunc) (void (*) (void)) (f))

typedef struct
{
  const PulseMetricsQuery *query;
  PulseKpi                *kpi;
} Setup;

typedef struct
{
  gint64            from;
  gint64            to;
  gint64            details_before;
  gint64            after_created_at;
  char             *after_id;
  gboolean          more;
  GPtrArray        *rows;
} Page;

/* Stored JSON through its codec. */
static gpointer
decode_text (const char  *text,
             DecodeFunc   decode,
             GError     **error)
{
  g_autoptr(JsonNode) node = pulse_json_parse (text, -1, error);

  return node != NULL ? decode (node, error) : NULL;
}

static gboolean
add_queues (PulseKpi             *kpi,
            PulseDirectoryStore  *directory,
            GError              **error)
{
  g_autoptr(GPtrArray) texts = pulse_directory_store_list (directory, "queue", error);

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      g_autoptr(PulseQueue) queue = decode_text (texts->pdata[i],
                                                 DECODE (pulse_queue_new_from_json), error);

      if (queue == NULL)
        return FALSE;
      pulse_kpi_set_queue (kpi, pulse_queue_get_id (queue), pulse_queue_get_country (queue),
                           pulse_queue_get_sl_target_seconds (queue));
    }

  return texts != NULL;
}

static gboolean
add_agents (PulseKpi             *kpi,
            PulseDirectoryStore  *directory,
            GError              **error)
{
  g_autoptr(GPtrArray) texts = pulse_directory_store_list (directory, "agent", error);

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      g_autoptr(PulseAgent) agent = decode_text (texts->pdata[i],
                                                 DECODE (pulse_agent_new_from_json), error);

      if (agent == NULL)
        return FALSE;
      pulse_kpi_set_agent_team (kpi, pulse_agent_get_id (agent), pulse_agent_get_team_id (agent));
    }

  return texts != NULL;
}

/* Days since the epoch of the first UTC midnight at or after @usec. */
static gint64
first_day_from (gint64 usec)
{
  return usec / PULSE_USEC_PER_DAY + (usec % PULSE_USEC_PER_DAY != 0);
}

/* "YYYY-MM-DD" of @day (days since the epoch), or NULL after 9999. */
static char *
day_name (gint64 day)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day * (PULSE_USEC_PER_DAY /
                                                                    G_USEC_PER_SEC));

  return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;
}

/* One stored count, `{"date","country","count"}`: its day and country. */
static gboolean
read_count (const char  *text,
            gint64      *day,
            const char **country,
            gint64      *count,
            JsonNode   **node,
            GError     **error)
{
  g_autofree char *midnight = NULL;
  JsonObject *object = NULL;
  gint64 usec = 0;

  *node = pulse_json_parse (text, -1, NULL);
  if (*node != NULL && JSON_NODE_HOLDS_OBJECT (*node))
    object = json_node_get_object (*node);
  if (object != NULL)
    {
      midnight = g_strconcat (json_object_get_string_member_with_default (object, "date", ""),
                              "T00:00:00Z", NULL);
      *country = json_object_get_string_member_with_default (object, "country", NULL);
      *count = json_object_get_int_member_with_default (object, "count", -1);
    }
  if (object == NULL || !pulse_time_parse (midnight, &usec) || *country == NULL || *count < 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "stored applications: cannot read “%s”", text);
      return FALSE;
    }

  *day = usec / PULSE_USEC_PER_DAY;
  return TRUE;
}

/* The applications of the days that begin in the window: per country for
 * the country groups, and their sum for the total. A key with no stored
 * day stays unknown, so its ratio is null rather than infinite. */
static gboolean
add_applications (const PulseMetricsQuery  *query,
                  PulseKpi                 *kpi,
                  PulseDirectoryStore      *directory,
                  GError                  **error)
{
  g_autoptr(GHashTable) countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);
  gint64 first_day = first_day_from (query->from);
  gint64 end_day = first_day_from (query->to);
  g_autofree char *since = day_name (first_day);
  g_autoptr(GPtrArray) texts = NULL;
  gint64 total = -1;
  GHashTableIter iter;
  gpointer key, value;

  /* A window in the last day of 9999 begins no day. */
  if (since == NULL)
    return TRUE;

  texts = pulse_directory_store_list_applications (directory, since, error);
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      const char *country = NULL;
      gint64 day = 0, count = 0, *sum;

      if (!read_count (texts->pdata[i], &day, &country, &count, &node, error))
        return FALSE;
      if (day >= end_day)
        continue;

      if ((sum = g_hash_table_lookup (countries, country)) == NULL)
        g_hash_table_insert (countries, g_strdup (country), (sum = g_new0 (gint64, 1)));
      *sum += count;
      total = MAX (total, 0) + count;
    }

  pulse_kpi_set_applications (kpi, NULL, total);
  g_hash_table_iter_init (&iter, countries);
  while (query->group == PULSE_KPI_GROUP_COUNTRY && g_hash_table_iter_next (&iter, &key, &value))
    pulse_kpi_set_applications (kpi, key, *(gint64 *) value);

  return texts != NULL;
}

/* Every review goes in: the accumulator keeps only the submitted ones
 * created in the window. */
static gboolean
add_reviews (PulseKpi        *kpi,
             PulseItemStore  *items,
             GError         **error)
{
  g_autoptr(GPtrArray) nodes = pulse_item_store_list (items, "review", error);

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      g_autoptr(PulseReviewSample) sample = pulse_review_sample_new_from_json (nodes->pdata[i],
                                                                               error);
      if (sample == NULL)
        return FALSE;
      pulse_kpi_add_review (kpi, sample);
    }

  return nodes != NULL;
}

/* Queues and teams go in before the contacts: telling the accumulator
 * about a queue afterwards would move every contact already added. */
static gboolean
read_setup_cb (PulseDb   *db,
               gpointer   user_data,
               GError   **error)
{
  Setup *setup = user_data;
  g_autoptr(PulseDirectoryStore) directory = pulse_directory_store_new (db);
  g_autoptr(PulseItemStore) items = pulse_item_store_new (db);

  return add_queues (setup->kpi, directory, error) &&
         add_agents (setup->kpi, directory, error) &&
         add_applications (setup->query, setup->kpi, directory, error) &&
         add_reviews (setup->kpi, items, error);
}

static gboolean
read_page_cb (PulseDb   *db,
              gpointer   user_data,
              GError   **error)
{
  Page *page = user_data;
  PulseTicketRow *last;

  page->rows = pulse_ticket_rows_list_created (db, page->from, page->to, page->details_before,
                                               page->after_created_at, page->after_id,
                                               PAGE_SIZE, &page->more, error);
  if (page->rows == NULL)
    return FALSE;

  if (page->rows->len > 0)
    {
      last = g_ptr_array_index (page->rows, page->rows->len - 1);
      g_free (page->after_id);
      page->after_id = g_strdup (last->id);
      page->after_created_at = last->created_at;
    }

  return TRUE;
}

static int
enum_or (GType       type,
         const char *nick,
         int         fallback)
{
  int value;

  return pulse_enum_from_nick (type, nick, &value) ? value : fallback;
}

static gint64
time_or_zero (const char *text)
{
  gint64 usec = 0;

  return text != NULL && pulse_time_parse (text, &usec) ? usec : 0;
}

/* Of each kind the latest rating, the later in the list on a tie: what
 * pulse_kpi_contact_init_from_ticket() takes. */
static void
read_ratings (PulseKpiContact *contact,
              const char      *ratings)
{
  g_auto(GStrv) items = g_strsplit (ratings != NULL ? ratings : "", ",", -1);
  gint64 latest[3] = { G_MININT64, G_MININT64, G_MININT64 };
  gint64 latest_index[3] = { -1, -1, -1 };
  int *scores[3] = { &contact->csat, &contact->nps, &contact->ces };

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], " ", 4);
      gint64 index, at;
      int kind;

      if (g_strv_length (parts) != 4)
        continue;
      index = g_ascii_strtoll (parts[0], NULL, 10);
      kind = enum_or (PULSE_TYPE_RATING_KIND, parts[1], -1);
      at = time_or_zero (parts[3]);
      if (kind < 0 || kind > PULSE_RATING_KIND_CES || at < latest[kind]
          || (at == latest[kind] && index < latest_index[kind]))
        continue;

      latest[kind] = at;
      latest_index[kind] = index;
      *scores[kind] = (int) g_ascii_strtoll (parts[2], NULL, 10);
    }
}

/**
 * pulse_metrics_contact_from_row:
 * @contact: (out caller-allocates): the contact to fill; its strings
 *   point into @row
 * @row: a row of pulse_ticket_rows_list_created()
 *
 * Fills @contact as pulse_kpi_contact_init_from_ticket() would from the
 * whole ticket: the first human reply is the first agent message
 * (pulse_message_is_human_reply()); automated means resolved or closed
 * with a bot or rule message and no agent one
 * (pulse_ticket_is_automated()). A row without details (a contact after
 * the window) gives only what follow-ups need: customer and time.
 */
void
pulse_metrics_contact_from_row (PulseKpiContact      *contact,
                                const PulseTicketRow *row)
{
  g_return_if_fail (contact != NULL && row != NULL);

  pulse_kpi_contact_init (contact);
  contact->id = row->id;
  contact->customer_id = row->customer_id;
  contact->queue_id = row->queue_id;
  contact->status = enum_or (PULSE_TYPE_TICKET_STATUS, row->status, PULSE_TICKET_STATUS_NEW);
  contact->created_at = row->created_at;
  if (!row->has_details)
    return;

  contact->assignee_id = row->assignee_id;
  contact->channel = enum_or (PULSE_TYPE_CHANNEL_KIND, row->channel, PULSE_CHANNEL_KIND_EMAIL);
  contact->first_response_at = time_or_zero (row->first_agent_at);
  contact->automated = row->first_agent_at == NULL && row->automated_replies > 0
                       && (contact->status == PULSE_TICKET_STATUS_RESOLVED
                           || contact->status == PULSE_TICKET_STATUS_CLOSED);
  read_ratings (contact, row->ratings);
  contact->handle_seconds = row->handle_seconds;
}

/* Read outside the transaction, which the page no longer needs. */
static gboolean
add_rows (PulseKpi   *kpi,
          GPtrArray  *rows,
          GError    **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PulseTicketRow *row = g_ptr_array_index (rows, i);
      PulseKpiContact contact;

      pulse_metrics_contact_from_row (&contact, row);
      if (!pulse_kpi_add_contact (kpi, &contact, error))
        {
          g_prefix_error (error, "stored ticket “%s”: ", row->id);
          return FALSE;
        }
    }

  return TRUE;
}

/* The window's contacts and those of the 7 days after it, which decide
 * whether a contact in the window was repeated (FCR, repeat rate). */
static gboolean
add_contacts (const PulseMetricsQuery  *query,
              PulseDb                  *db,
              PulseKpi                 *kpi,
              GCancellable             *cancellable,
              GError                  **error)
{
  Page page = { query->from, 0, query->to, 0, NULL, TRUE, NULL };
  gint64 start = g_get_monotonic_time ();
  gint64 longest = 0;
  guint pages = 0;
  gboolean ok = TRUE;

  page.to = query->to > G_MAXINT64 - PULSE_KPI_FOLLOW_UP_USEC
            ? G_MAXINT64 : query->to + PULSE_KPI_FOLLOW_UP_USEC;
  while (ok && page.more)
    {
      gint64 page_start = g_get_monotonic_time ();

      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           pulse_db_transaction (db, read_page_cb, &page, error);
      longest = MAX (longest, g_get_monotonic_time () - page_start);
      pages++;
      ok = ok && add_rows (kpi, page.rows, error);
      g_clear_pointer (&page.rows, g_ptr_array_unref);
    }

  g_debug ("metrics: %u tickets in %u pages, %.2f s; the database was held at most %.1f ms",
           pulse_kpi_get_n_tickets (kpi), pages,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, longest / 1000.0);
  g_free (page.after_id);
  return ok;
}

/* `{"from","to","generated_at"}` and then the accumulator's answer. */
static JsonNode *
build_answer (const PulseMetricsQuery *query,
              PulseKpi                *kpi)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) figures = pulse_kpi_to_json (kpi, query->now);
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (figures));
  const gint64 times[] = { query->from, query->to, query->now };
  const char * const names[] = { "from", "to", "generated_at" };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *text = pulse_time_format (times[i]);

      pulse_json_add_string (builder, names[i], text);
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (json_node_get_object (figures), l->data);

      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, json_node_ref (value));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_metrics_query_run:
 * @query: the window, the grouping and the time the figures are for
 * @db: the server database; it is held one short transaction at a time
 * @cancellable: (nullable): checked between pages
 *
 * Computes the `/api/v1/metrics` answer. It blocks, reading the whole
 * window (and the 7 days after it) page by page: run it in a worker
 * thread.
 *
 * Returns: (transfer full) (nullable): `{"from","to","generated_at",
 *   "group","total","groups","ungrouped"?}` (see pulse_kpi_to_json()), or
 *   %NULL with a store error, %PULSE_ERROR_INVALID_DATA for stored data
 *   its codec refuses, or %G_IO_ERROR_CANCELLED.
 */
JsonNode *
pulse_metrics_query_run (const PulseMetricsQuery  *query,
                         PulseDb                  *db,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(PulseKpi) kpi = NULL;
  Setup setup;

  g_return_val_if_fail (query != NULL && query->from < query->to, NULL);
  g_return_val_if_fail (PULSE_IS_DB (db), NULL);

  kpi = pulse_kpi_new (query->group, query->from, query->to);
  setup = (Setup) { query, kpi };
  if (!pulse_db_transaction (db, read_setup_cb, &setup, error) ||
      !add_contacts (query, db, kpi, cancellable, error))
    return NULL;

  return build_answer (query, kpi);
}
