/* pulse-agent-format.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the agent and contact views write figures, statuses and times:
 * pure functions, tested without a display (tests/test-ui-agent-format.c).
 * A figure with no data behind it (NAN, no status time) is an em dash, so
 * an empty cell never reads as zero.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-agent-format.h"
#include "pulse-format.h"
#include "pulse-agent.h"

#define NO_VALUE "–"

/**
 * pulse_agent_format_new_local_time:
 * @usec: µs since the epoch
 *
 * Returns: (transfer full) (nullable): @usec in the local time zone, to
 *   the second; %NULL out of #GDateTime's range.
 */
GDateTime *
pulse_agent_format_new_local_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return utc != NULL ? g_date_time_to_local (utc) : NULL;
}

/**
 * pulse_agent_format_count:
 * @count: a number of contacts, ratings …
 *
 * Returns: (transfer full): @count in digits.
 */
char *
pulse_agent_format_count (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

/**
 * pulse_agent_format_elapsed:
 * @since_usec: when the status began, µs since the epoch, or 0
 * @now_usec: the time now
 *
 * The time in a status, as a clock that ticks every second: "4:07",
 * "1:02:03"; a day or more as days and hours. A start in the future (a
 * helpdesk clock ahead of ours) reads as 0:00.
 *
 * Returns: (transfer full): the elapsed time, or an em dash without a
 *   start.
 */
char *
pulse_agent_format_elapsed (gint64 since_usec,
                            gint64 now_usec)
{
  gint64 seconds;

  if (since_usec <= 0)
    return g_strdup (NO_VALUE);

  seconds = MAX (now_usec - since_usec, 0) / G_USEC_PER_SEC;
  if (seconds < 3600)
    return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
  if (seconds < 86400)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600),
                            (int) (seconds % 3600 / 60), (int) (seconds % 60));

  /* Translators: time in a status of a day or more: days and hours */
  return g_strdup_printf (_("%d d %d h"), (int) (seconds / 86400), (int) (seconds % 86400 / 3600));
}

/**
 * pulse_agent_format_time:
 * @at_usec: when a contact came in, µs since the epoch
 * @now_usec: the time now
 *
 * Returns: (transfer full): the local time of day for a time today, the
 *   date and time otherwise.
 */
char *
pulse_agent_format_time (gint64 at_usec,
                         gint64 now_usec)
{
  g_autoptr(GDateTime) local_at = pulse_agent_format_new_local_time (at_usec);
  g_autoptr(GDateTime) local_now = pulse_agent_format_new_local_time (now_usec);

  if (local_at == NULL || local_now == NULL)
    return g_strdup (NO_VALUE);

  if (g_date_time_get_year (local_at) == g_date_time_get_year (local_now)
      && g_date_time_get_day_of_year (local_at) == g_date_time_get_day_of_year (local_now))
    return g_date_time_format (local_at, "%H:%M");

  /* Translators: a contact's date and time before today, g_date_time_format() syntax */
  return g_date_time_format (local_at, C_("contact time", "%b %d, %H:%M"));
}

/**
 * pulse_agent_format_channels:
 * @channels: a channel set (pulse-channel-set.h)
 *
 * Returns: (transfer full): the channels an agent is open for, in
 *   #PulseChannelKind order, or "None" for the empty set (a newcomer
 *   before probation opens any).
 */
char *
pulse_agent_format_channels (guint channels)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int kind = PULSE_CHANNEL_KIND_EMAIL; kind <= PULSE_CHANNEL_KIND_IN_APP; kind++)
    {
      if ((channels & (1u << kind)) == 0)
        continue;
      if (text->len > 0)
        /* Translators: the separator between channel names in a list */
        g_string_append (text, _(", "));
      g_string_append (text, pulse_format_channel (kind));
    }

  if (text->len == 0)
    /* Translators: an agent open for no channel yet */
    return g_strdup (C_("channels", "None"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pulse_agent_format_status:
 *
 * Returns: (transfer none): the status's label, translated.
 */
const char *
pulse_agent_format_status (PulseAgentStatus status)
{
  switch (status)
    {
    case PULSE_AGENT_STATUS_OFFLINE: return C_("agent status", "Offline");
    case PULSE_AGENT_STATUS_AVAILABLE: return C_("agent status", "Available");
    case PULSE_AGENT_STATUS_BUSY: return C_("agent status", "Busy");
    /* Translators: agent status: wrapping up after a contact */
    case PULSE_AGENT_STATUS_AFTER_CALL: return C_("agent status", "After Contact");
    case PULSE_AGENT_STATUS_BREAK: return C_("agent status", "On Break");
    case PULSE_AGENT_STATUS_AWAY: return C_("agent status", "Away");
    default: return NO_VALUE;
    }
}

/**
 * pulse_agent_format_status_icon:
 *
 * Returns: (transfer none): a symbolic icon for the status, shown beside
 *   its label (colour is never the only cue).
 */
const char *
pulse_agent_format_status_icon (PulseAgentStatus status)
{
  switch (status)
    {
    case PULSE_AGENT_STATUS_AVAILABLE: return "user-available-symbolic";
    case PULSE_AGENT_STATUS_BUSY: return "user-busy-symbolic";
    case PULSE_AGENT_STATUS_AFTER_CALL: return "document-edit-symbolic";
    case PULSE_AGENT_STATUS_BREAK: return "user-idle-symbolic";
    case PULSE_AGENT_STATUS_AWAY: return "user-away-symbolic";
    case PULSE_AGENT_STATUS_OFFLINE:
    default: return "user-offline-symbolic";
    }
}

/**
 * pulse_agent_format_position:
 *
 * Returns: (transfer none): the agent's place in the team, translated.
 */
const char *
pulse_agent_format_position (PulseAgentPosition position)
{
  switch (position)
    {
    case PULSE_AGENT_POSITION_LEAD: return C_("position", "Team Lead");
    case PULSE_AGENT_POSITION_HEAD: return C_("position", "Head of Support");
    case PULSE_AGENT_POSITION_AGENT:
    default: return C_("position", "Agent");
    }
}

/**
 * pulse_agent_format_period_title:
 * @view: (nullable): the KPI view the figures come from
 *
 * Returns: (transfer none): a heading naming the view's period.
 */
const char *
pulse_agent_format_period_title (PulseKpiView *view)
{
  switch (view != NULL ? pulse_kpi_view_get_window (view) : PULSE_KPI_WINDOW_TODAY)
    {
    case PULSE_KPI_WINDOW_TODAY: return _("Figures for Today");
    case PULSE_KPI_WINDOW_7_DAYS: return _("Figures for the Last 7 Days");
    case PULSE_KPI_WINDOW_30_DAYS: return _("Figures for the Last 30 Days");
    case PULSE_KPI_WINDOW_90_DAYS: return _("Figures for the Last 90 Days");
    case PULSE_KPI_WINDOW_CUSTOM:
    default: return _("Figures for the Chosen Period");
    }
}

/**
 * pulse_agent_format_hired:
 * @agent: an agent
 * @now_usec: the time now
 *
 * Returns: (transfer full): the hire date, marked while the agent is a
 *   newcomer on probation, or an em dash when unknown.
 */
char *
pulse_agent_format_hired (PulseAgent *agent,
                          gint64      now_usec)
{
  g_autoptr(GDateTime) hired = NULL;
  g_autofree char *date = NULL;

  if (pulse_agent_get_hired_at (agent) <= 0)
    return g_strdup ("–");

  hired = pulse_agent_format_new_local_time (pulse_agent_get_hired_at (agent));
  if (hired == NULL)
    return g_strdup ("–");
  /* Translators: a hire date, g_date_time_format() syntax; %B is the month */
  date = g_date_time_format (hired, C_("hire date", "%B %-d, %Y"));
  if (pulse_agent_is_newcomer (agent, now_usec))
    /* Translators: a hire date, and the agent is still on probation */
    return g_strdup_printf (_("%s · newcomer on probation"), date);

  return g_steal_pointer (&date);
}
