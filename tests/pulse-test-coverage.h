/* pulse-test-coverage.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small builders for the coverage tests: times from RFC 3339 text, and
 * queues, agents and shifts from a few words. Header-only, so a test needs
 * no extra meson wiring.
 */

#pragma once

#include "pulse-agent.h"
#include "pulse-queue.h"
#include "pulse-shift.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

G_BEGIN_DECLS

#define MINUTE PULSE_USEC_PER_MINUTE
#define HOUR   PULSE_USEC_PER_HOUR

static inline gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static inline PulseQueue *
make_queue (const char *id,
            const char *channel,
            const char *extra)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"version\":1,\"name\":\"%s\",\"channel\":\"%s\",\"country\":\"UA\","
    "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8%s}",
    id, id, channel, extra != NULL ? extra : "");
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseQueue *queue = pulse_queue_new_from_json (node, &error);

  g_assert_no_error (error);
  return queue;
}

static inline PulseAgent *
make_agent (const char *id,
            const char *channels,
            const char *languages,
            const char *team)
{
  g_autofree char *team_member = team != NULL ? g_strdup_printf (",\"team_id\":\"%s\"", team)
                                              : g_strdup ("");
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"version\":1,\"name\":\"%s\",\"position\":\"agent\",\"status\":\"offline\","
    "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[%s],\"languages\":[%s]%s}",
    id, id, channels, languages, team_member);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseAgent *agent = pulse_agent_new_from_json (node, &error);

  g_assert_no_error (error);
  return agent;
}

static inline PulseShift *
make_shift (const char     *agent_id,
            PulseShiftKind  kind,
            const char     *starts_at,
            const char     *ends_at,
            const char     *break_start,
            const char     *break_end)
{
  PulseShift *shift = pulse_shift_new ("s", agent_id);

  pulse_shift_set_kind (shift, kind);
  pulse_shift_set_starts_at (shift, at (starts_at));
  pulse_shift_set_ends_at (shift, at (ends_at));
  if (break_start != NULL)
    {
      PulseShiftBreak pause = { at (break_start), at (break_end) };

      pulse_shift_set_breaks (shift, &pause, 1);
    }

  return shift;
}

G_END_DECLS
