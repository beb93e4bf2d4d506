/* pulse-test-coverage-session.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the coverage and quality tests of the session and the pages: an
 * in-process server fed through ingest and the shift collection, and a
 * session signed in to it. Header-only, so each test needs no extra meson
 * wiring beyond the server library.
 */

#pragma once

#include <string.h>

#include "pulse-session.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

G_BEGIN_DECLS

#define COV_MINUTE PULSE_USEC_PER_MINUTE
#define COV_HOUR   PULSE_USEC_PER_HOUR
#define COV_DAY    PULSE_USEC_PER_DAY
#define COV_WEEK   (7 * COV_DAY)
#define COV_TIMEOUT_MS 20000

/* Two Ukrainian phone queues (one in Kyiv, one in Madrid's zone); a1 and
 * a2 take calls, a3 only chats. */
static const char cov_directory[] =
  "{\"queues\":["
  "{\"id\":\"q-a\",\"name\":\"Phone A\",\"channel\":\"phone\",\"country\":\"UA\","
  "\"language\":\"uk\",\"timezone\":\"Europe/Kyiv\",\"sl_target_seconds\":20,\"sl_goal\":0.8},"
  "{\"id\":\"q-b\",\"name\":\"Phone B\",\"channel\":\"phone\",\"country\":\"UA\","
  "\"language\":\"uk\",\"timezone\":\"Europe/Madrid\",\"sl_target_seconds\":20,"
  "\"sl_goal\":0.8}],"
  "\"agents\":["
  "{\"id\":\"a1\",\"name\":\"Oksana M.\",\"position\":\"agent\",\"status\":\"offline\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\"],\"languages\":[\"uk\"]},"
  "{\"id\":\"a2\",\"name\":\"Taras B.\",\"position\":\"agent\",\"status\":\"offline\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\",\"chat\"],"
  "\"languages\":[\"uk\"]},"
  "{\"id\":\"a3\",\"name\":\"Iryna S.\",\"position\":\"agent\",\"status\":\"offline\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"],\"languages\":[\"uk\"]}]}";

static inline void
cov_request (PulseTestServer *ts,
             const char      *method,
             const char      *path,
             PulseRole        role,
             const char      *body,
             guint            status)
{
  g_autoptr(PulseTestResponse) r = NULL;

  r = pulse_test_server_request (ts, method, path, pulse_test_server_get_token (ts, role), body,
                                 NULL);
  if (r->status != status)
    g_test_message ("%s %s: %u", method, path, r->status);
  g_assert_cmpuint (r->status, ==, status);
}

static inline void
cov_ingest (PulseTestServer *ts,
            const char      *endpoint,
            const char      *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);

  cov_request (ts, "POST", path, PULSE_ROLE_INTEGRATION, body, 200);
}

static inline void
cov_add_shift (PulseTestServer *ts,
               const char      *id,
               const char      *agent_id,
               gint64           starts_at,
               gint64           ends_at)
{
  g_autofree char *from = pulse_time_format (starts_at);
  g_autofree char *to = pulse_time_format (ends_at);
  g_autofree char *body = g_strdup_printf ("{\"id\":\"%s\",\"agent_id\":\"%s\",\"kind\":\"work\","
                                           "\"starts_at\":\"%s\",\"ends_at\":\"%s\"}",
                                           id, agent_id, from, to);

  cov_request (ts, "POST", "/api/v1/shifts", PULSE_ROLE_PLANNER, body, 201);
}

/* Six weeks before @target: 100 calls of 180 s in its interval, and one
 * two hours later so the interval after it reads as a real zero. The
 * forecast for @target is then 100 calls: 14 agents on the line (Erlang C,
 * 80 % in 20 s) and ⌈14 / 0.7⌉ = 20 to schedule (test-server-coverage.c). */
static inline void
cov_ingest_history (PulseTestServer *ts,
                    const char      *queue_id,
                    gint64           target)
{
  g_autoptr(GString) batch = g_string_new ("{\"items\":[");
  guint number = 0;

  for (guint week = 1; week <= 6; week++)
    {
      gint64 start = target - week * COV_WEEK;

      for (guint c = 0; c <= 100; c++)
        {
          gint64 created = c < 100 ? start + c * 18 * G_USEC_PER_SEC : start + 2 * COV_HOUR;
          g_autofree char *at = pulse_time_format (created);

          g_string_append_printf (batch,
                                  "%s{\"id\":\"t-%s-%u\",\"queue_id\":\"%s\","
                                  "\"channel\":\"phone\",\"subject\":\"Call\","
                                  "\"customer_id\":\"c-%u\",\"status\":\"closed\","
                                  "\"created_at\":\"%s\",\"handle_seconds\":180}",
                                  number == 0 ? "" : ",", queue_id, number, queue_id, number,
                                  at);
          number++;
        }
    }
  g_string_append (batch, "]}");
  cov_ingest (ts, "tickets", batch->str);
}

typedef struct
{
  GAsyncResult *result;
} CovWait;

static inline void
cov_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ((CovWait *) user_data)->result = g_object_ref (result);
}

static inline gboolean
cov_wait_is_done (gpointer user_data)
{
  return ((CovWait *) user_data)->result != NULL;
}

static inline gboolean
cov_session_is_live (gpointer user_data)
{
  PulseSync *sync = pulse_session_get_sync (user_data);

  return sync != NULL && pulse_sync_get_is_live (sync);
}

static inline void
cov_sign_in (PulseSession    *session,
             PulseTestServer *ts,
             PulseRole        role)
{
  g_autoptr(GError) error = NULL;
  CovWait wait = { NULL };

  pulse_session_sign_in_async (session, ts->url, pulse_test_server_get_token (ts, role), NULL,
                               cov_done_cb, &wait);
  g_assert_true (pulse_test_wait_for (cov_wait_is_done, &wait, COV_TIMEOUT_MS));
  g_assert_true (pulse_session_connect_finish (session, wait.result, &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);
  g_assert_true (pulse_test_wait_for (cov_session_is_live, session, COV_TIMEOUT_MS));
}

/* Ten o'clock UTC two days from now: far enough ahead that a forecast
 * made a few seconds later reads the same six weeks. */
static inline gint64
cov_day_after_tomorrow_at_ten (void)
{
  gint64 now = g_get_real_time ();

  return now - now % COV_DAY + 2 * COV_DAY + 10 * COV_HOUR;
}

G_END_DECLS
