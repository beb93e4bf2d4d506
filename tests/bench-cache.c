/* bench-cache.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test --benchmark cache`: PulseCache at the top of DESIGN.md's
 * scale. 1,000,000 history tickets of about 1 KB over 90 days, written in
 * batches of 5,000, plus the managed items of a 150-agent centre; then
 * the time to open the file again and read what the console shows first
 * (open tickets and every entity), and to page the 90 days. It only
 * prints figures: timings are no pass/fail criterion on a shared machine.
 */

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "pulse-cache-batch.h"
#include "pulse-json.h"

#define N_TICKETS  1000000
#define BATCH      5000
#define DAYS       90
#define PAGE       5000
#define URL        "https://bench.example.com"
#define BASE_USEC  (G_GINT64_CONSTANT (1793577600) * G_USEC_PER_SEC)
#define DAY_USEC   (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

static const struct
{
  const char *kind;
  guint       count;
} kinds[] = {
  { "queue", 40 }, { "team", 10 }, { "agent", 150 }, { "channel", 8 }, { "rule", 300 },
  { "template", 300 }, { "scorecard", 5 }, { "mentorship", 30 }, { "shift", 2100 },
  { "review", 500 }, { "applications", 90 },
};

static const char *statuses[] = { "resolved", "closed", "abandoned" };
static const char *channels[] = { "email", "chat", "telegram", "viber", "whatsapp", "phone" };

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/* A ticket as the server sends it: three messages, a rating, tags. */
static char *
ticket_json (guint  i,
             GRand *rand)
{
  gint64 created = BASE_USEC + (gint64) i * (DAYS * DAY_USEC / N_TICKETS);
  gboolean open = created > BASE_USEC + (DAYS - 2) * DAY_USEC && i % 3 == 0;
  g_autofree char *at0 = format_time (created);
  g_autofree char *at1 = format_time (created + 40 * G_USEC_PER_SEC);
  g_autofree char *at2 = format_time (created + 300 * G_USEC_PER_SEC);

  return g_strdup_printf (
    "{\"id\":\"t-%07u\",\"version\":%d,\"queue_id\":\"q-%02d\",\"channel\":\"%s\","
    "\"subject\":\"Card payment declined at checkout, order %u\",\"customer_id\":\"c-%06d\","
    "\"status\":\"%s\",\"priority\":\"normal\",\"assignee_id\":\"a-%03d\","
    "\"tags\":[\"payments\",\"card-declined\",\"ua\"],\"language\":\"uk\","
    "\"created_at\":\"%s\",\"updated_at\":\"%s\",\"messages\":["
    "{\"id\":\"m-%u-1\",\"author_kind\":\"customer\",\"author_id\":\"c-%06d\",\"at\":\"%s\","
    "\"text\":\"Hello, my card payment was declined twice today although the balance is "
    "fine. Could you check what is wrong with my account please?\"},"
    "{\"id\":\"m-%u-2\",\"author_kind\":\"agent\",\"author_id\":\"a-%03d\",\"at\":\"%s\","
    "\"text\":\"Thank you for waiting. I can see two declined attempts; the bank's fraud "
    "check blocked them. I have lifted the block, please try again now.\"},"
    "{\"id\":\"m-%u-3\",\"author_kind\":\"customer\",\"author_id\":\"c-%06d\",\"at\":\"%s\","
    "\"text\":\"It worked, thanks!\"}],"
    "\"ratings\":[{\"kind\":\"csat\",\"score\":%d,\"at\":\"%s\"}]}",
    i, 1 + i % 4, i % 40, channels[i % G_N_ELEMENTS (channels)], i,
    g_rand_int_range (rand, 0, 250000), open ? "open" : statuses[i % 3],
    g_rand_int_range (rand, 0, 150), at0, at2,
    i, g_rand_int_range (rand, 0, 250000), at0, i, g_rand_int_range (rand, 0, 150), at1,
    i, g_rand_int_range (rand, 0, 250000), at2, g_rand_int_range (rand, 1, 6), at2);
}

static void
write_entities (PulseCache *cache)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, &error);
  g_autofree char *text = g_strnfill (400, 't');

  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      for (guint i = 0; i < kinds[k].count; i++)
        {
          g_autofree char *id = g_strdup_printf ("%s-%04u", kinds[k].kind, i);
          g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"version\":1,"
                                                   "\"name\":\"%s\",\"text\":\"%s\"}",
                                                   id, id, text);
          g_autoptr(JsonNode) node = pulse_json_parse (json, -1, &error);

          g_assert_true (pulse_cache_batch_put_entity (batch, kinds[k].kind, id, 1, node,
                                                       NULL, &error));
        }
    }
  g_assert_true (pulse_cache_batch_commit (batch, &error));
}

/* Writes every ticket; returns the seconds spent in the cache only (the
 * JSON is made and parsed outside the clock, as the session gets it). */
static double
write_tickets (PulseCache *cache,
               gsize      *json_bytes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (90);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GError) error = NULL;

  g_timer_stop (timer);
  for (guint start = 0; start < N_TICKETS; start += BATCH)
    {
      g_autoptr(PulseCacheBatch) batch = NULL;

      g_ptr_array_set_size (nodes, 0);
      for (guint i = start; i < start + BATCH; i++)
        {
          g_autofree char *json = ticket_json (i, rand);

          *json_bytes += strlen (json);
          g_ptr_array_add (nodes, pulse_json_parse (json, -1, &error));
          g_assert_no_error (error);
        }

      g_timer_continue (timer);
      batch = pulse_cache_batch_begin (cache, &error);
      for (guint i = 0; i < nodes->len; i++)
        g_assert_true (pulse_cache_batch_put_ticket (batch, nodes->pdata[i], NULL, &error));
      pulse_cache_batch_set_seq (batch, start / BATCH + 1);
      g_assert_true (pulse_cache_batch_commit (batch, &error));
      g_timer_stop (timer);
    }

  return g_timer_elapsed (timer, NULL);
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gsize) st.st_size : 0;
}

static char *
peak_rss (void)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return g_strdup ("unknown");

  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "VmHWM:"))
        return g_strstrip (g_strdup (lines[i] + strlen ("VmHWM:")));
    }
  return g_strdup ("unknown");
}

static void
read_first_screen (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(PulseCache) cache = pulse_cache_open (path, URL, &error);
  g_autoptr(GPtrArray) open = NULL;
  double opened, listed;
  guint n_entities = 0;

  g_assert_no_error (error);
  g_assert_cmpint (pulse_cache_get_open_status (cache), ==, PULSE_CACHE_OPENED);
  opened = g_timer_elapsed (timer, NULL);
  open = pulse_cache_list_open_tickets (cache, &error);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) items = pulse_cache_list_entities (cache, kinds[k].kind, &error);

      n_entities += items->len;
    }
  listed = g_timer_elapsed (timer, NULL) - opened;
  printf ("open (checks of the small tables): %.0f ms; %u open tickets + %u entities read "
          "and parsed: %.0f ms\n", opened * 1000, open->len, n_entities, listed * 1000);

  g_timer_start (timer);
  g_assert_true (pulse_cache_quick_check (cache, &error));
  printf ("full quick_check (warm): %.0f ms\n", g_timer_elapsed (timer, NULL) * 1000);
}

static void
page_history (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCache) cache = pulse_cache_open (path, URL, &error);
  g_auto(PulseCacheCursor) cursor = PULSE_CACHE_CURSOR_INIT;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n = 0, pages = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) page = pulse_cache_list_tickets (cache, BASE_USEC,
                                                            BASE_USEC + DAYS * DAY_USEC,
                                                            &cursor, PAGE, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      n += page->len;
      pages++;
    }
  g_assert_cmpuint (n, ==, N_TICKETS);
  printf ("page 90 days: %u tickets in %u pages of %d, parsed: %.2f s (%.0f tickets/s)\n",
          n, pages, PAGE, g_timer_elapsed (timer, NULL), n / g_timer_elapsed (timer, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pulse-bench-cache-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  g_autofree char *rss = NULL;
  double seconds;
  gsize json_bytes = 0;

  g_assert_no_error (error);
  {
    g_autoptr(PulseCache) cache = pulse_cache_open (path, URL, &error);

    g_assert_no_error (error);
    write_entities (cache);
    seconds = write_tickets (cache, &json_bytes);
  }
  printf ("write: %d tickets (%.0f bytes of JSON each) in batches of %d: %.2f s in the cache, "
          "%.0f tickets/s\n", N_TICKETS, (double) json_bytes / N_TICKETS, BATCH, seconds,
          N_TICKETS / seconds);
  printf ("file: %.0f MB\n", file_size (path) / 1e6);

  read_first_screen (path);
  page_history (path);

  rss = peak_rss ();
  printf ("peak RSS (VmHWM): %s\n", rss);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i],
                                           NULL);

      g_remove (file);
    }
  g_rmdir (dir);
  return 0;
}
