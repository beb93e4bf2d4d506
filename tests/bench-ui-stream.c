/* bench-ui-stream.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The running console under a steady stream: `pulse-server` as a child
 * (the demo server, not simulating), the real window signed in to it,
 * and a feeder thread that ingests 1,000 events/s over HTTP — each 20 ms
 * ten new contacts (one `ticket.created` each) and five answered and
 * resolved ones (`message.created` + `ticket.updated`) spread over eight
 * queues. For each page in turn (Queues, Overview, Agents) it reports:
 *
 * - events/s the console applied (PulseSync::changed);
 * - the main thread's CPU time as a share of the run (its own work, less
 *   swayed by what else the machine runs than the times below);
 * - frame times from the window's frame clock: the work of a frame
 *   (its "update" to its "after-paint") and the interval between frames;
 * - event-to-screen latency of each new contact, to the end of the
 *   first frame painted after the console applied it: from the server's
 *   emit (when a second subscriber received it: bench-ui-observer.c),
 *   the measure; from the event's `at` (stamped in the server's
 *   ingest, before its commit); and from the moment the feeder sent it;
 * - how long an applied contact waited for its frame to begin, and how
 *   many frames showed no new contact (a frame clock that never stops
 *   makes every event wait for its next tick).
 *
 * Needs a display: `xvfb-run -a meson test -C build --benchmark ui-stream`
 * (tools/bench does this). Figures only, never asserted.
 * BENCH_UI_SECONDS sets each page's run (default 10), BENCH_UI_PAGES the
 * pages (default "queues,overview,agents"), BENCH_UI_TICK_MS the feeder's
 * period (default 20; a slower feed, at a lower rate, leaves the frame
 * clock idle between batches). Debug messages are dropped
 * unless G_MESSAGES_DEBUG or BENCH_UI_DEBUG_LOG (figures as before
 * 2026-12-01 evening, when every debug message was printed) is set.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>

#include "bench-ui-observer.h"
#include "pulse-demo-server.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"
#include "test-ui-util.h"

#define TICK_US        (20 * G_TIME_SPAN_MILLISECOND)
#define NEW_PER_TICK   10
#define DONE_PER_TICK  5
#define N_QUEUES       8
#define MAX_TICKETS    400000
#define WAIT_MS        60000

typedef struct
{
  char         *url;
  char         *token;
  gint64        period;        /* µs between batches */
  gint64        stop_at;       /* real time; 0 = not started */
  volatile gint running;
  GThread      *thread;
  GMutex        lock;
  gint64       *sent_at;       /* by ticket number, real time µs */
  gint64       *created_at;
  guint         n_sent;
  guint         n_resolved;
  guint         n_failed;
} Feeder;

/* A contact: when the console applied it, and when the frame that
 * showed it ended (real time µs). */
typedef struct
{
  guint  n;
  gint64 applied_at;
  gint64 painted_at;
} Shown;

typedef struct
{
  Feeder        *feeder;
  BenchObserver *observer;
  guint64        n_changes;
  GArray        *arrived;        /* Shown: contacts applied since the last frame */
  GArray        *applied_at;     /* gint64 monotonic µs, beside @arrived */
  GArray        *in_frame;       /* Shown: those the frame now drawn shows */
  GArray        *shown;          /* Shown */
  GArray        *apply_ms;       /* double: sent → PulseSync::changed */
  GArray        *wait_ms;        /* double: PulseSync::changed → its frame's start */
  GArray        *work_ms;        /* double */
  GArray        *interval_ms;    /* double */
  guint          n_frames;
  guint          n_empty_frames; /* frames that showed no new contact */
  gint64         frame_started;
  gint64         last_frame_time;
  gboolean       measuring;
} Probe;

/* Latencies of one run, ms, worked out once it is over (the observer
 * may note a contact's emit after the console showed it). */
typedef struct
{
  GArray *from_emit;
  GArray *emit_to_applied;
  GArray *from_stamp;
  GArray *from_sent;
  guint   n_unseen;              /* contacts the observer never saw */
} Latencies;

static char *
iso (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = g_date_time_add (time, usec % G_USEC_PER_SEC);

  return g_date_time_format (exact, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
append_new (GString *body,
            guint    n,
            gint64   now)
{
  g_autofree char *at = iso (now);

  g_string_append_printf (body,
                          "%s{\"id\":\"b-%u\",\"queue_id\":\"q-%u\",\"channel\":\"chat\","
                          "\"subject\":\"Платіж не зараховано\",\"customer_id\":\"c-%u\","
                          "\"status\":\"open\",\"language\":\"uk\",\"created_at\":\"%s\","
                          "\"messages\":[{\"id\":\"b-%u-1\",\"author_kind\":\"customer\","
                          "\"at\":\"%s\",\"body\":\"Гроші списали, а платіж не видно\"}]}",
                          body->len > 10 ? "," : "", n, n % N_QUEUES, n, at, n, at);
}

static void
append_resolved (GString *body,
                 guint    n,
                 gint64   created,
                 gint64   now)
{
  g_autofree char *created_text = iso (created);
  g_autofree char *at = iso (now);

  g_string_append_printf (body,
                          ",{\"id\":\"b-%u\",\"queue_id\":\"q-%u\",\"channel\":\"chat\","
                          "\"subject\":\"Платіж не зараховано\",\"customer_id\":\"c-%u\","
                          "\"status\":\"resolved\",\"assignee_id\":\"a-%u\",\"language\":\"uk\","
                          "\"created_at\":\"%s\",\"updated_at\":\"%s\",\"resolved_at\":\"%s\","
                          "\"messages\":[{\"id\":\"b-%u-2\",\"author_kind\":\"agent\","
                          "\"author_id\":\"a-%u\",\"at\":\"%s\",\"body\":\"Зарахували, "
                          "перевірте, будь ласка\"}]}",
                          n, n % N_QUEUES, n, n % 16, created_text, at, at, n, n % 16, at);
}

static gboolean
post (SoupSession *soup,
      Feeder      *feeder,
      const char  *endpoint,
      const char  *body)
{
  g_autofree char *uri = g_strconcat (feeder->url, "/api/v1/ingest/", endpoint, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", feeder->token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  answer = soup_session_send_and_read (soup, msg, NULL, NULL);
  if (answer != NULL && soup_message_get_status (msg) == 200)
    return TRUE;

  g_printerr ("ingest/%s: %u %.*s\n", endpoint, soup_message_get_status (msg),
              answer != NULL ? (int) MIN (g_bytes_get_size (answer), 300) : 0,
              answer != NULL ? (const char *) g_bytes_get_data (answer, NULL) : "");
  return FALSE;
}

/* One tick's batch: new contacts, and the oldest open ones answered. */
static void
send_tick (SoupSession *soup,
           Feeder      *feeder)
{
  g_autoptr(GString) body = g_string_new ("{\"items\":[");
  gint64 now = g_get_real_time ();

  g_mutex_lock (&feeder->lock);
  for (guint i = 0; i < NEW_PER_TICK && feeder->n_sent < MAX_TICKETS; i++)
    {
      feeder->sent_at[feeder->n_sent] = now;
      feeder->created_at[feeder->n_sent] = now;
      append_new (body, feeder->n_sent++, now);
    }
  for (guint i = 0; i < DONE_PER_TICK && feeder->n_resolved + 200 < feeder->n_sent; i++)
    {
      guint n = feeder->n_resolved++;

      append_resolved (body, n, feeder->created_at[n], now);
    }
  g_mutex_unlock (&feeder->lock);

  g_string_append (body, "]}");
  if (!post (soup, feeder, "tickets", body->str))
    feeder->n_failed++;
}

static gpointer
feed (gpointer user_data)
{
  Feeder *feeder = user_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) soup = NULL;
  gint64 next = g_get_monotonic_time ();

  g_main_context_push_thread_default (context);
  soup = soup_session_new ();
  while (g_atomic_int_get (&feeder->running))
    {
      gint64 now = g_get_monotonic_time ();

      /* Pacing, not waiting on a result: the stream's rate is the point.
       * Behind schedule, the next batch goes at once. */
      if (next > now)
        g_usleep (next - now);
      send_tick (soup, feeder);
      next += feeder->period;
    }
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
on_changed_cb (PulseSync  *sync,
               gpointer    change_pointer,
               Probe      *probe)
{
  const PulseStateChange *change = change_pointer;
  guint n;

  if (!probe->measuring)
    return;

  probe->n_changes++;
  if (change->kind != PULSE_STATE_KIND_TICKET || change->action != PULSE_STATE_ACTION_CREATED
      || change->id == NULL || !g_str_has_prefix (change->id, "b-"))
    return;

  n = (guint) g_ascii_strtoull (change->id + 2, NULL, 10);
  g_mutex_lock (&probe->feeder->lock);
  if (n < probe->feeder->n_sent)
    {
      Shown shown = { n, g_get_real_time (), 0 };
      double applied = (shown.applied_at - probe->feeder->sent_at[n]) / 1000.0;
      gint64 mono = g_get_monotonic_time ();

      g_array_append_val (probe->arrived, shown);
      g_array_append_val (probe->applied_at, mono);
      g_array_append_val (probe->apply_ms, applied);
    }
  g_mutex_unlock (&probe->feeder->lock);
}

static void
on_update_cb (GdkFrameClock *clock,
              Probe         *probe)
{
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);

  probe->frame_started = g_get_monotonic_time ();
  if (probe->measuring && probe->last_frame_time > 0)
    {
      double interval = (frame_time - probe->last_frame_time) / 1000.0;

      g_array_append_val (probe->interval_ms, interval);
    }
  probe->last_frame_time = frame_time;

  /* What arrived before this frame began is what this frame can show. */
  for (guint i = 0; probe->measuring && i < probe->applied_at->len; i++)
    {
      double wait = (probe->frame_started - g_array_index (probe->applied_at, gint64, i)) / 1000.0;

      g_array_append_val (probe->wait_ms, wait);
    }
  if (probe->measuring)
    {
      probe->n_frames++;
      probe->n_empty_frames += probe->arrived->len == 0;
    }
  g_array_append_vals (probe->in_frame, probe->arrived->data, probe->arrived->len);
  g_array_set_size (probe->arrived, 0);
  g_array_set_size (probe->applied_at, 0);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Probe         *probe)
{
  gint64 painted = g_get_real_time ();
  double work = (g_get_monotonic_time () - probe->frame_started) / 1000.0;

  if (!probe->measuring)
    return;

  g_array_append_val (probe->work_ms, work);
  for (guint i = 0; i < probe->in_frame->len; i++)
    {
      Shown *shown = &g_array_index (probe->in_frame, Shown, i);

      shown->painted_at = painted;
      g_array_append_val (probe->shown, *shown);
    }
  g_array_set_size (probe->in_frame, 0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  if (values->len == 0)
    return 0;

  g_array_sort (values, compare_doubles);
  index = MIN ((guint) (p * values->len), values->len - 1);
  return g_array_index (values, double, index);
}

/* CPU time of the calling thread (the main one), µs. */
static gint64
thread_cpu_usec (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
latencies_compute (Probe     *probe,
                   Latencies *out)
{
  out->from_emit = g_array_new (FALSE, FALSE, sizeof (double));
  out->emit_to_applied = g_array_new (FALSE, FALSE, sizeof (double));
  out->from_stamp = g_array_new (FALSE, FALSE, sizeof (double));
  out->from_sent = g_array_new (FALSE, FALSE, sizeof (double));
  out->n_unseen = 0;
  g_mutex_lock (&probe->feeder->lock);
  for (guint i = 0; i < probe->shown->len; i++)
    {
      const Shown *shown = &g_array_index (probe->shown, Shown, i);
      gint64 emitted, stamped;
      double from_sent = (shown->painted_at - probe->feeder->sent_at[shown->n]) / 1000.0;

      g_array_append_val (out->from_sent, from_sent);
      if (!bench_observer_get_times (probe->observer, shown->n, &emitted, &stamped))
        {
          out->n_unseen++;
          continue;
        }
      {
        double from_emit = (shown->painted_at - emitted) / 1000.0;
        double to_applied = (shown->applied_at - emitted) / 1000.0;
        double from_stamp = (shown->painted_at - stamped) / 1000.0;

        g_array_append_val (out->from_emit, from_emit);
        g_array_append_val (out->from_stamp, from_stamp);
        g_array_append_val (out->emit_to_applied, to_applied);
      }
    }
  g_mutex_unlock (&probe->feeder->lock);
}

static void
latencies_clear (Latencies *latencies)
{
  g_array_unref (latencies->from_emit);
  g_array_unref (latencies->emit_to_applied);
  g_array_unref (latencies->from_stamp);
  g_array_unref (latencies->from_sent);
}

static void
print_figure (const char *page,
              const char *name,
              GArray     *values)
{
  printf ("BENCH ui.%s.%s_p50 %.2f ms\nBENCH ui.%s.%s_p99 %.2f ms\n", page, name,
          percentile (values, 0.5), page, name, percentile (values, 0.99));
}

static void
print_row (const char *page,
           double      seconds,
           double      main_share,
           Probe      *probe)
{
  Latencies latencies;

  latencies_compute (probe, &latencies);
  printf ("| %-8s | %7.0f | %5.0f%% | %6.1f | %6.1f | %6.1f | %4u/%-4u | %6.1f | %6.1f |"
          " %6.1f | %6.1f | %6.1f | %6.1f | %7u |\n",
          page, probe->n_changes / seconds, 100 * main_share,
          percentile (probe->work_ms, 0.5), percentile (probe->work_ms, 0.99),
          percentile (probe->interval_ms, 0.5), probe->n_empty_frames, probe->n_frames,
          percentile (probe->wait_ms, 0.5), percentile (probe->wait_ms, 0.99),
          percentile (latencies.from_emit, 0.5), percentile (latencies.from_emit, 0.99),
          percentile (latencies.from_sent, 0.5), percentile (latencies.from_sent, 0.99),
          latencies.from_emit->len);
  if (latencies.n_unseen > 0)
    printf ("  (%u contacts shown that the observer did not see: left out of emit → screen)\n",
            latencies.n_unseen);
  /* For tools/bench-table.py. */
  printf ("BENCH ui.%s.events %.0f ev/s\n", page, probe->n_changes / seconds);
  printf ("BENCH ui.%s.main_cpu %.1f %%\n", page, 100 * main_share);
  print_figure (page, "work", probe->work_ms);
  print_figure (page, "gap", probe->interval_ms);
  printf ("BENCH ui.%s.empty_frames %.1f %%\n", page,
          probe->n_frames > 0 ? 100.0 * probe->n_empty_frames / probe->n_frames : 0);
  print_figure (page, "apply", probe->apply_ms);
  print_figure (page, "emit_apply", latencies.emit_to_applied);
  print_figure (page, "wait", probe->wait_ms);
  print_figure (page, "emit_screen", latencies.from_emit);
  print_figure (page, "at_screen", latencies.from_stamp);
  print_figure (page, "screen", latencies.from_sent);
  fflush (stdout);
  latencies_clear (&latencies);
}

static void
probe_reset (Probe *probe)
{
  probe->n_changes = 0;
  g_array_set_size (probe->arrived, 0);
  g_array_set_size (probe->applied_at, 0);
  g_array_set_size (probe->in_frame, 0);
  g_array_set_size (probe->shown, 0);
  g_array_set_size (probe->apply_ms, 0);
  g_array_set_size (probe->wait_ms, 0);
  g_array_set_size (probe->work_ms, 0);
  g_array_set_size (probe->interval_ms, 0);
  probe->n_frames = 0;
  probe->n_empty_frames = 0;
  probe->last_frame_time = 0;
}

typedef struct
{
  gint64 until;
} Deadline;

static gboolean
deadline_passed (gpointer user_data)
{
  return g_get_monotonic_time () >= ((Deadline *) user_data)->until;
}

static void
measure_page (PulseWindow *window,
              Probe       *probe,
              const char  *page,
              double       seconds)
{
  Deadline warm = { g_get_monotonic_time () + G_USEC_PER_SEC };
  Deadline done;
  gint64 cpu_start;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  /* A second to settle on the page, then the run. */
  probe->measuring = FALSE;
  pulse_test_wait_for (deadline_passed, &warm, WAIT_MS);
  probe_reset (probe);
  probe->measuring = TRUE;
  cpu_start = thread_cpu_usec ();
  done.until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  pulse_test_wait_for (deadline_passed, &done, (guint) (seconds * 1000) + WAIT_MS);
  probe->measuring = FALSE;
  print_row (page, seconds, (thread_cpu_usec () - cpu_start) / (seconds * G_USEC_PER_SEC), probe);
}

static const char directory_head[] = "{\"teams\":[{\"id\":\"team-ua\",\"name\":\"Ukraine\","
                                     "\"timezone\":\"Europe/Kyiv\"}],\"queues\":[";

static char *
directory_json (void)
{
  GString *json = g_string_new (directory_head);

  for (guint q = 0; q < N_QUEUES; q++)
    g_string_append_printf (json, "%s{\"id\":\"q-%u\",\"name\":\"Чат %u\",\"channel\":\"chat\","
                            "\"country\":\"UA\",\"language\":\"uk\",\"timezone\":\"Europe/Kyiv\","
                            "\"team_id\":\"team-ua\",\"sl_target_seconds\":60,\"sl_goal\":0.8}",
                            q == 0 ? "" : ",", q, q + 1);
  g_string_append (json, "],\"agents\":[");
  for (guint a = 0; a < 16; a++)
    g_string_append_printf (json, "%s{\"id\":\"a-%u\",\"name\":\"Агент %u\",\"team_id\":"
                            "\"team-ua\",\"position\":\"agent\",\"status\":\"available\","
                            "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"],"
                            "\"languages\":[\"uk\"]}", a == 0 ? "" : ",", a, a + 1);
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static PulseDemoServer *
start_server (void)
{
  g_autofree char *program = pulse_demo_server_find_program ();
  PulseTestAsync wait = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PulseDemoServer *server;

  /* The demo server, without its simulation: the feeder is the load. */
  g_setenv ("PULSE_DEMO_SIMULATE", "0", TRUE);
  pulse_demo_server_start_async (program, NULL, pulse_test_async_cb, &wait);
  result = pulse_test_async_wait (&wait, WAIT_MS);
  server = pulse_demo_server_start_finish (result, &error);
  g_assert_no_error (error);
  return server;
}

/* Under g_test_init() GLib prints every debug message as a TAP comment,
 * and libsoup logs each WebSocket frame: ~1,800 lines a second through
 * the main thread that the console never writes outside a test. Dropped
 * unless G_MESSAGES_DEBUG asks for them; the rest go on as before. */
static void
log_cb (const char     *domain,
        GLogLevelFlags  level,
        const char     *message,
        gpointer        user_data)
{
  if ((level & G_LOG_LEVEL_DEBUG) != 0)
    return;
  g_log_default_handler (domain, level, message, user_data);
}

static gboolean
sync_is_live (gpointer user_data)
{
  PulseSync *sync = pulse_session_get_sync (user_data);

  return sync != NULL && pulse_sync_get_is_live (sync);
}

static PulseSession *
sign_in (PulseDemoServer *server)
{
  PulseSession *session = pulse_session_new ();
  PulseTestAsync wait = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pulse_session_sign_in_async (session, pulse_demo_server_get_url (server),
                               pulse_demo_server_get_token (server), NULL, pulse_test_async_cb,
                               &wait);
  result = pulse_test_async_wait (&wait, WAIT_MS);
  g_assert_true (pulse_session_connect_finish (session, result, &error));
  g_assert_true (pulse_test_wait_for (sync_is_live, session, WAIT_MS));
  return session;
}

int
main (int   argc,
      char *argv[])
{
  const char *pages_text = g_getenv ("BENCH_UI_PAGES");
  g_auto(GStrv) pages = g_strsplit (pages_text != NULL ? pages_text : "queues,overview,agents",
                                    ",", 0);
  const char *seconds_text = g_getenv ("BENCH_UI_SECONDS");
  double seconds = seconds_text != NULL ? g_ascii_strtod (seconds_text, NULL) : 10;
  const char *period_text = g_getenv ("BENCH_UI_TICK_MS");
  g_autoptr(PulseDemoServer) server = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autofree char *directory = directory_json ();
  Feeder feeder = { 0 };
  Probe probe = { 0 };
  PulseWindow *window;
  GdkFrameClock *clock;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("G_MESSAGES_DEBUG") == NULL && g_getenv ("BENCH_UI_DEBUG_LOG") == NULL)
    g_log_set_default_handler (log_cb, NULL);
  if (!pulse_test_ui_init () || pulse_test_ui_skip_without_display ())
    {
      printf ("ui-stream: no display; run it under xvfb-run (tools/bench does)\n");
      return 77;
    }

  server = start_server ();
  feeder.url = g_strdup (pulse_demo_server_get_url (server));
  feeder.token = g_strdup (pulse_demo_server_get_token (server));
  feeder.period = period_text != NULL && atoi (period_text) > 0
                  ? atoi (period_text) * G_TIME_SPAN_MILLISECOND : TICK_US;
  feeder.sent_at = g_new0 (gint64, MAX_TICKETS);
  feeder.created_at = g_new0 (gint64, MAX_TICKETS);
  g_mutex_init (&feeder.lock);
  {
    g_autoptr(SoupSession) soup = soup_session_new ();

    g_assert_true (post (soup, &feeder, "directory", directory));
  }

  session = sign_in (server);
  window = pulse_test_ui_open_window (session, 1280, 800);
  probe.feeder = &feeder;
  probe.observer = bench_observer_start (feeder.url, feeder.token,
                                         pulse_sync_get_seq (pulse_session_get_sync (session)),
                                         MAX_TICKETS);
  probe.arrived = g_array_new (FALSE, FALSE, sizeof (Shown));
  probe.applied_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe.in_frame = g_array_new (FALSE, FALSE, sizeof (Shown));
  probe.shown = g_array_new (FALSE, FALSE, sizeof (Shown));
  probe.apply_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe.wait_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe.work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (pulse_session_get_sync (session), "changed", G_CALLBACK (on_changed_cb),
                    &probe);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (on_update_cb), &probe);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &probe);

  g_atomic_int_set (&feeder.running, 1);
  feeder.thread = g_thread_new ("feeder", feed, &feeder);

  printf ("\n%.0f events/s into the running console (%.0f s a page, 1280×800, Xvfb)\n\n",
          (NEW_PER_TICK + 2 * DONE_PER_TICK) * (double) G_USEC_PER_SEC / feeder.period, seconds);
  printf ("| page     | ev/s in | main   | work50 | work99 | gap50  | empty     | wait50 | wait99 |"
          " emit50 | emit99 | sent50 | sent99 | samples |\n");
  printf ("|----------|---------|--------|--------|--------|--------|-----------|--------|--------|"
          "--------|--------|--------|--------|---------|\n");
  for (guint i = 0; pages[i] != NULL; i++)
    measure_page (window, &probe, pages[i], seconds);
  printf ("\nmain = the main thread's CPU time over the run;\n"
          "work = a frame's update to after-paint (ms); gap = frame clock interval (ms);\n"
          "empty = frames that showed no new contact / all frames;\n"
          "wait = a contact applied → the start of the frame that shows it (ms);\n"
          "emit, sent = the server's emit (a second subscriber got it), or the feeder's\n"
          "send, of a contact → end of the first frame painted after it was applied (ms).\n"
          "Batches that failed: %u.\n", feeder.n_failed);

  g_atomic_int_set (&feeder.running, 0);
  g_thread_join (feeder.thread);
  bench_observer_stop (probe.observer);
  g_signal_handlers_disconnect_by_data (clock, &probe);
  g_signal_handlers_disconnect_by_data (pulse_session_get_sync (session), &probe);
  pulse_test_ui_close_window (GTK_WINDOW (window));
  pulse_session_disconnect (session);
  pulse_demo_server_stop (server);
  pulse_test_ui_shutdown ();
  return 0;
}
