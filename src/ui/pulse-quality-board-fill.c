/* pulse-quality-board-fill.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills the Quality board's lists: what each row shows, in words and
 * figures, from the pure counts of pulse-quality-summary.c and the
 * session's KPI views.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-agent.h"
#include "pulse-format.h"
#include "pulse-period.h"
#include "pulse-quality-board-private.h"
#include "pulse-quality-summary.h"
#include "pulse-queue.h"
#include "pulse-scorecard.h"
#include "pulse-team.h"

typedef const char *(*GetString) (gpointer item);

static GListModel *
list_of (PulseQualityBoard *self,
         PulseStateKind     kind)
{
  return pulse_session_get_list (self->session, kind);
}

/* id → name of every item of @kind, borrowed from the session's list. */
static GHashTable *
names_of (PulseQualityBoard *self,
          PulseStateKind     kind,
          GetString          get_id,
          GetString          get_name)
{
  GListModel *list = list_of (self, kind);
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_hash_table_insert (names, (gpointer) get_id (item), (gpointer) get_name (item));
    }

  return names;
}

static GHashTable *
agent_names (PulseQualityBoard *self)
{
  return names_of (self, PULSE_STATE_KIND_AGENT, (GetString) pulse_agent_get_id,
                   (GetString) pulse_agent_get_name);
}

typedef struct
{
  char *value_text;
  char *count_text;
  char *extra_text;
} ScoreTexts;

static void
score_data (PulseKpiSummary     *summary,
            PulseQualityRowData *data,
            ScoreTexts          *texts)
{
  gboolean reviewed = summary != NULL && summary->reviews > 0;
  gboolean rated = summary != NULL && summary->csat_ratings > 0;

  data->value = reviewed ? summary->qa_score : G_MAXDOUBLE;
  texts->value_text = pulse_format_score (reviewed ? summary->qa_score : NAN, 1);
  data->value_text = texts->value_text;
  data->count = summary != NULL ? summary->reviews : 0;
  texts->count_text = g_strdup_printf ("%" G_GINT64_FORMAT, data->count);
  data->count_text = texts->count_text;
  data->extra = rated ? summary->csat : G_MAXDOUBLE;
  texts->extra_text = pulse_format_share (rated ? summary->csat : NAN);
  data->extra_text = texts->extra_text;
}

static void
score_texts_clear (ScoreTexts *texts)
{
  g_clear_pointer (&texts->value_text, g_free);
  g_clear_pointer (&texts->count_text, g_free);
  g_clear_pointer (&texts->extra_text, g_free);
}

static PulseKpiSummary *
summary_of (PulseKpiView *view,
            const char   *key)
{
  return view != NULL ? pulse_kpi_view_dup_summary (view, key) : NULL;
}

static void
fill_teams (PulseQualityBoard *self)
{
  GListModel *teams = list_of (self, PULSE_STATE_KIND_TEAM);
  guint n = g_list_model_get_n_items (teams);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseTeam) team = g_list_model_get_item (teams, i);
      g_autoptr(PulseKpiSummary) summary = summary_of (self->team_view, pulse_team_get_id (team));
      PulseQualityRowData data = { .title = pulse_team_get_name (team) };
      ScoreTexts texts = { NULL };

      score_data (summary, &data, &texts);
      pulse_quality_row_update (_pulse_quality_board_row_at (self, PULSE_QUALITY_LIST_TEAMS, i,
                                                             pulse_team_get_id (team)),
                                &data);
      score_texts_clear (&texts);
    }
  _pulse_quality_board_truncate (self, PULSE_QUALITY_LIST_TEAMS, n);
}

static void
fill_agents (PulseQualityBoard *self)
{
  GListModel *agents = list_of (self, PULSE_STATE_KIND_AGENT);
  guint n = g_list_model_get_n_items (agents);
  g_autoptr(GHashTable) teams = NULL;

  teams = names_of (self, PULSE_STATE_KIND_TEAM, (GetString) pulse_team_get_id,
                    (GetString) pulse_team_get_name);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, i);
      const char *id = pulse_agent_get_id (agent);
      const char *team_id = pulse_agent_get_team_id (agent);
      g_autoptr(PulseKpiSummary) summary = summary_of (self->agent_view, id);
      PulseQualityRowData data = { .title = pulse_agent_get_name (agent) };
      ScoreTexts texts = { NULL };

      if (team_id != NULL)
        data.subtitle = g_hash_table_lookup (teams, team_id);
      score_data (summary, &data, &texts);
      pulse_quality_row_update (_pulse_quality_board_row_at (self, PULSE_QUALITY_LIST_AGENTS, i,
                                                             id),
                                &data);
      score_texts_clear (&texts);
    }
  _pulse_quality_board_truncate (self, PULSE_QUALITY_LIST_AGENTS, n);
}

void
_pulse_quality_fill_scores (PulseQualityBoard *self)
{
  g_autoptr(PulseKpiSummary) total = summary_of (self->team_view, NULL);

  fill_teams (self);
  fill_agents (self);
  self->totals.reviews = total != NULL ? total->reviews : 0;
  self->totals.qa_score = self->totals.reviews > 0 ? total->qa_score : NAN;
  self->totals.csat = total != NULL && total->csat_ratings > 0 ? total->csat : NAN;
}

static char *
backlog_breakdown (const PulseQualityBacklog *backlog)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (backlog->pending > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not started",
                                                          "%u not started", backlog->pending),
                                             backlog->pending));
  if (backlog->drafts > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u draft",
                                                          "%u drafts", backlog->drafts),
                                             backlog->drafts));
  if (backlog->negative > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u for a negative rating",
                                                          "%u for negative ratings",
                                                          backlog->negative),
                                             backlog->negative));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

void
_pulse_quality_fill_backlog (PulseQualityBoard *self,
                             gint64             now)
{
  g_autoptr(GPtrArray) backlogs = pulse_quality_backlog_collect (list_of (self,
                                                                          PULSE_STATE_KIND_REVIEW));
  g_autoptr(GHashTable) agents = agent_names (self);

  self->totals.backlog = 0;
  self->totals.backlog_oldest_at = 0;
  for (guint i = 0; i < backlogs->len; i++)
    {
      const PulseQualityBacklog *backlog = backlogs->pdata[i];
      const char *reviewer = backlog->reviewer_id;
      g_autofree char *subtitle = backlog_breakdown (backlog);
      g_autofree char *count = g_strdup_printf ("%u", backlog->pending + backlog->drafts);
      g_autofree char *age = pulse_quality_format_age ((now - backlog->oldest_at)
                                                       / G_USEC_PER_SEC);
      /* Translators: how long the oldest sample has waited, e.g. "oldest 3 h" */
      g_autofree char *oldest = g_strdup_printf (_("oldest %s"), age);
      PulseQualityRowData data = {
        .subtitle = subtitle, .count = backlog->pending + backlog->drafts, .count_text = count,
        .value = G_MAXDOUBLE, .extra = G_MAXDOUBLE, .time = backlog->oldest_at,
        .time_text = oldest,
      };

      if (reviewer == NULL)
        data.title = _("Not assigned");
      else if ((data.title = g_hash_table_lookup (agents, reviewer)) == NULL)
        data.title = reviewer;
      pulse_quality_row_update (_pulse_quality_board_row_at (self, PULSE_QUALITY_LIST_BACKLOG, i,
                                                             reviewer != NULL ? reviewer : ""),
                                &data);
      self->totals.backlog += data.count;
      if (i == 0)
        self->totals.backlog_oldest_at = backlog->oldest_at;
    }
  _pulse_quality_board_truncate (self, PULSE_QUALITY_LIST_BACKLOG, backlogs->len);
}

static char *
format_clock (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format (time, "%H:%M") : g_strdup ("–");
}

void
_pulse_quality_fill_negative (PulseQualityBoard *self,
                              gint64             now)
{
  g_autoptr(GPtrArray) negatives = NULL;
  g_autoptr(GHashTable) agents = agent_names (self);
  g_autoptr(GHashTable) queues = NULL;
  gint64 from, to;

  queues = names_of (self, PULSE_STATE_KIND_QUEUE, (GetString) pulse_queue_get_id,
                     (GetString) pulse_queue_get_name);
  pulse_period_day_range (now, 0, &from, &to);
  negatives = pulse_quality_negative_collect (list_of (self, PULSE_STATE_KIND_TICKET),
                                              list_of (self, PULSE_STATE_KIND_REVIEW), from, to);
  for (guint i = 0; i < negatives->len; i++)
    {
      const PulseQualityNegative *negative = negatives->pdata[i];
      /* Translators: a CSAT score on its 1–5 scale, e.g. "2 of 5" */
      g_autofree char *score = g_strdup_printf (_("%d of 5"), negative->score);
      g_autofree char *clock = format_clock (negative->rated_at);
      PulseQualityRowData data = {
        .detail = negative->comment, .value = negative->score, .value_text = score,
        .extra = G_MAXDOUBLE, .time = negative->rated_at, .time_text = clock,
      };

      data.title = negative->agent_id != NULL ? g_hash_table_lookup (agents, negative->agent_id)
                                              : _("No agent");
      if (data.title == NULL)
        data.title = negative->agent_id;
      data.subtitle = g_hash_table_lookup (queues, negative->queue_id);
      if (data.subtitle == NULL)
        data.subtitle = negative->queue_id;
      pulse_quality_row_update (_pulse_quality_board_row_at (self, PULSE_QUALITY_LIST_NEGATIVE, i,
                                                             negative->ticket_id),
                                &data);
    }
  _pulse_quality_board_truncate (self, PULSE_QUALITY_LIST_NEGATIVE, negatives->len);
  self->totals.negative = negatives->len;
}

static PulseScorecard *
find_scorecard (GListModel *scorecards,
                const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (scorecards); i++)
    {
      g_autoptr(PulseScorecard) scorecard = g_list_model_get_item (scorecards, i);

      if (g_strcmp0 (pulse_scorecard_get_id (scorecard), id) == 0)
        return scorecard;
    }

  return NULL;
}

void
_pulse_quality_fill_criteria (PulseQualityBoard *self)
{
  GListModel *scorecards = list_of (self, PULSE_STATE_KIND_SCORECARD);
  g_autoptr(GPtrArray) criteria = NULL;

  criteria = pulse_quality_criteria_collect (list_of (self, PULSE_STATE_KIND_REVIEW),
                                             &self->totals.calibration,
                                             &self->totals.calibration_groups);
  for (guint i = 0; i < criteria->len; i++)
    {
      const PulseQualityCriterion *criterion = criteria->pdata[i];
      const PulseCalibrationAgreement *agreement = &criterion->agreement;
      PulseScorecard *scorecard = find_scorecard (scorecards, criterion->scorecard_id);
      const PulseScorecardCriterion *found = NULL;
      g_autofree char *share = pulse_format_share (pulse_calibration_share (agreement));
      /* Translators: calibration: of N pairs of reviewers who graded a
       * criterion, how many graded it alike, e.g. "8 of 10 pairs agreed" */
      g_autofree char *agreed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u of %u pair agreed",
                                                              "%u of %u pairs agreed",
                                                              agreement->compared),
                                                 agreement->agreed, agreement->compared);
      g_autofree char *id = g_strconcat (criterion->scorecard_id, "/", criterion->criterion_id,
                                         NULL);
      PulseQualityRowData data = {
        .value = pulse_calibration_share (agreement), .value_text = share,
        .count = agreement->compared, .count_text = agreed, .extra = G_MAXDOUBLE,
      };

      if (scorecard != NULL)
        found = pulse_scorecard_find_criterion (scorecard, criterion->criterion_id);
      data.title = found != NULL ? found->name : criterion->criterion_id;
      data.subtitle = scorecard != NULL ? pulse_scorecard_get_name (scorecard) : NULL;
      pulse_quality_row_update (_pulse_quality_board_row_at (self, PULSE_QUALITY_LIST_CRITERIA, i,
                                                             id),
                                &data);
    }
  _pulse_quality_board_truncate (self, PULSE_QUALITY_LIST_CRITERIA, criteria->len);
}
