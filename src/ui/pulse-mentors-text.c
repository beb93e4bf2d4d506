/* pulse-mentors-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Mentors page's words and dates, apart from its widgets so they are
 * tested without a display (tests/test-ui-mentors-text.c).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pulse-format.h"
#include "pulse-mentors-text.h"
#include "pulse-time-utils.h"

/**
 * pulse_mentors_text_date:
 *
 * Returns: (transfer full): @usec as a date ("Oct 01, 2026"), or an en
 *   dash for none.
 */
char *
pulse_mentors_text_date (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec == 0 || (utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC)) == NULL)
    return g_strdup ("–");

  local = g_date_time_to_local (utc);
  /* Translators: a milestone's date, g_date_time_format() syntax */
  return g_date_time_format (local, C_("milestone date", "%b %d, %Y"));
}

/**
 * pulse_mentors_text_entry:
 *
 * Returns: (transfer full): @usec as an entry shows it: "2026-10-01"
 *   (UTC), or "" for none.
 */
char *
pulse_mentors_text_entry (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;

  if (usec == 0 || (utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC)) == NULL)
    return g_strdup ("");

  return g_date_time_format (utc, "%Y-%m-%d");
}

/**
 * pulse_mentors_parse_entry:
 * @text: "YYYY-MM-DD", spaces around allowed
 * @keep_time_of: a time whose UTC time of day the new date keeps (0 for
 *   midnight)
 * @out: (out): the date
 *
 * Returns: %TRUE if @text is a real date.
 */
gboolean
pulse_mentors_parse_entry (const char *text,
                           gint64      keep_time_of,
                           gint64     *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 time_of_day = keep_time_of % PULSE_USEC_PER_DAY;
  guint year, month, day;
  char tail;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (stripped, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      strlen (stripped) != 10 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return FALSE;

  *out = g_date_time_to_unix (date) * G_USEC_PER_SEC + time_of_day;
  return TRUE;
}

/**
 * pulse_mentors_text_state:
 *
 * Returns: (transfer none): the state's word.
 */
const char *
pulse_mentors_text_state (PulseMilestoneState state)
{
  switch (state)
    {
    case PULSE_MILESTONE_UPCOMING: return C_("milestone", "Upcoming");
    case PULSE_MILESTONE_DUE: return C_("milestone", "Due");
    case PULSE_MILESTONE_OVERDUE: return C_("milestone", "Overdue");
    case PULSE_MILESTONE_DONE: return C_("milestone", "Done");
    default: g_return_val_if_reached ("");
    }
}

/**
 * pulse_mentors_state_class:
 *
 * Returns: (transfer none): the CSS class a milestone dot of @state has.
 */
const char *
pulse_mentors_state_class (PulseMilestoneState state)
{
  static const char * const classes[] = { "upcoming", "due", "overdue", "done" };

  g_return_val_if_fail (state <= PULSE_MILESTONE_DONE, "upcoming");
  return classes[state];
}

/**
 * pulse_mentors_text_late:
 *
 * Returns: (transfer full): how late a milestone of @date is at
 *   @now_usec, in whole days ("12 days late").
 */
char *
pulse_mentors_text_late (gint64 date,
                         gint64 now_usec)
{
  int days = (int) MIN ((now_usec - date) / PULSE_USEC_PER_DAY, G_MAXINT);

  /* Translators: how late a milestone is */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", days),
                          days);
}

static char *
text_milestone (gint64               date,
                gint64               done_at,
                const char          *done_by,
                PulseMilestoneState  state,
                gint64               now_usec)
{
  g_autofree char *planned = pulse_mentors_text_date (date);
  g_autofree char *done = pulse_mentors_text_date (done_at);
  g_autofree char *late = NULL;

  if (date == 0 && state != PULSE_MILESTONE_DONE)
    return g_strdup (_("Not scheduled"));
  if (state == PULSE_MILESTONE_DONE && done_at != 0 && done_by != NULL)
    /* Translators: a milestone signed off: the date and who did it */
    return g_strdup_printf (_("Signed off %s by %s"), done, done_by);
  if (state == PULSE_MILESTONE_DONE && done_at != 0)
    /* Translators: a milestone signed off on a date */
    return g_strdup_printf (_("Signed off %s"), done);
  if (state == PULSE_MILESTONE_OVERDUE)
    {
      late = pulse_mentors_text_late (date, now_usec);
      /* Translators: a late milestone: its date, then "12 days late" */
      return g_strdup_printf (_("Planned for %s · %s"), planned, late);
    }
  if (state == PULSE_MILESTONE_DUE)
    /* Translators: a milestone whose date has come */
    return g_strdup_printf (_("Planned for %s · due now"), planned);

  /* Translators: a milestone still to come, with its date */
  return g_strdup_printf (_("Planned for %s"), planned);
}

/**
 * pulse_mentors_text_step:
 * @index: a step
 *
 * Returns: (transfer full): the step's line: when it is planned, how late
 *   it is, or when and by whom it was signed off.
 */
char *
pulse_mentors_text_step (PulseMentorship *mentorship,
                         guint            index,
                         gint64           now_usec)
{
  const PulseMentorshipStep *step = pulse_mentorship_get_step (mentorship, index);

  return text_milestone (step->opens_at, step->signed_off_at, step->signed_off_by,
                         pulse_mentorship_step_state (mentorship, index, now_usec), now_usec);
}

/**
 * pulse_mentors_text_test:
 *
 * Returns: (transfer full): the final test's line.
 */
char *
pulse_mentors_text_test (PulseMentorship *mentorship,
                         gint64           now_usec)
{
  PulseMilestoneState state = pulse_mentorship_test_state (mentorship, now_usec);
  double score = pulse_mentorship_get_test_score (mentorship);
  g_autofree char *scored = NULL;

  if (state != PULSE_MILESTONE_DONE)
    return text_milestone (pulse_mentorship_get_test_at (mentorship), 0, NULL, state, now_usec);

  scored = pulse_format_score (score, 0);
  if (pulse_mentorship_get_decision (mentorship) == PULSE_MENTORSHIP_DECISION_PASS)
    /* Translators: the final test's outcome, with the score */
    return score >= 0 ? g_strdup_printf (_("Passed with %s"), scored) : g_strdup (_("Passed"));

  /* Translators: the final test's outcome, with the score */
  return score >= 0 ? g_strdup_printf (_("Failed with %s"), scored) : g_strdup (_("Failed"));
}

/**
 * pulse_mentors_text_load:
 *
 * Returns: (transfer full): a mentor's load ("2 of 3 mentees").
 */
char *
pulse_mentors_text_load (guint mentees,
                         guint limit)
{
  /* Translators: a mentor's load: how many newcomers of the most allowed */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u mentee", "%u of %u mentees",
                                       limit),
                          mentees, limit);
}

/**
 * pulse_mentors_text_progress:
 *
 * Returns: (transfer full): "2 of 4 milestones".
 */
char *
pulse_mentors_text_progress (PulseMentorship *mentorship)
{
  guint total = pulse_mentorship_count_milestones (mentorship);

  /* Translators: a probation plan's progress */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u milestone",
                                       "%u of %u milestones", total),
                          pulse_mentorship_count_done (mentorship), total);
}
