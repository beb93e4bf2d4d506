/* pulse-agent-row.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pulse-agent-row.h"
#include "pulse-enums.h"

/**
 * PulseAgentRow:
 *
 * One row of the agents table: a #PulseAgent (the session's object,
 * followed through `notify`), its team's name, its KPI figures for the
 * period and its contacts per hour. The page updates a row in place; a
 * changed figure notifies #PulseAgentRow:summary, a changed status
 * #PulseAgentRow:status, so only the cells that show them redraw.
 *
 * Pure: no GTK, so its text and order are tested without a display.
 */
struct _PulseAgentRow
{
  GObject          parent_instance;

  PulseAgent      *agent;
  gulong           agent_notify_id;
  char            *team_name;
  PulseKpiSummary *summary;
  guint            bins[PULSE_AGENT_ACTIVITY_BINS];
  guint            bins_total;
  char            *name_key;
  char            *search_key;
};

G_DEFINE_FINAL_TYPE (PulseAgentRow, pulse_agent_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AGENT,
  PROP_NAME,
  PROP_EMAIL,
  PROP_TEAM_ID,
  PROP_STATUS,
  PROP_STATUS_SINCE,
  PROP_CHANNELS,
  PROP_TEAM_NAME,
  PROP_SUMMARY,
  PROP_BINS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The agent properties a row shows, under the same names. */
static const int forwarded[] = {
  PROP_NAME, PROP_EMAIL, PROP_TEAM_ID, PROP_STATUS, PROP_STATUS_SINCE, PROP_CHANNELS,
};

static void
update_keys (PulseAgentRow *self)
{
  const char *name = pulse_agent_get_name (self->agent);
  const char *email = pulse_agent_get_email (self->agent);
  g_autofree char *both = g_strconcat (name != NULL ? name : "", "\n",
                                       email != NULL ? email : "", NULL);

  g_free (self->name_key);
  self->name_key = g_utf8_collate_key (name != NULL ? name : "", -1);
  g_free (self->search_key);
  self->search_key = g_utf8_casefold (both, -1);
}

static void
on_agent_notify_cb (PulseAgent    *agent,
                    GParamSpec    *pspec,
                    PulseAgentRow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    {
      if (g_strcmp0 (pspec->name, properties[forwarded[i]]->name) == 0)
        {
          if (forwarded[i] == PROP_NAME || forwarded[i] == PROP_EMAIL)
            update_keys (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[forwarded[i]]);
          return;
        }
    }
}

static void
pulse_agent_row_dispose (GObject *object)
{
  PulseAgentRow *self = PULSE_AGENT_ROW (object);

  g_clear_signal_handler (&self->agent_notify_id, self->agent);
  g_clear_object (&self->agent);

  G_OBJECT_CLASS (pulse_agent_row_parent_class)->dispose (object);
}

static void
pulse_agent_row_finalize (GObject *object)
{
  PulseAgentRow *self = PULSE_AGENT_ROW (object);

  g_clear_pointer (&self->team_name, g_free);
  g_clear_pointer (&self->summary, pulse_kpi_summary_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (pulse_agent_row_parent_class)->finalize (object);
}

static void
pulse_agent_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PulseAgentRow *self = PULSE_AGENT_ROW (object);

  switch (prop_id)
    {
    case PROP_AGENT:
      g_value_set_object (value, self->agent);
      break;
    case PROP_NAME:
    case PROP_EMAIL:
    case PROP_TEAM_ID:
    case PROP_STATUS:
    case PROP_STATUS_SINCE:
    case PROP_CHANNELS:
      g_object_get_property (G_OBJECT (self->agent), pspec->name, value);
      break;
    case PROP_TEAM_NAME:
      g_value_set_string (value, self->team_name);
      break;
    case PROP_SUMMARY:
      g_value_set_boxed (value, self->summary);
      break;
    case PROP_BINS:
      g_value_set_pointer (value, self->bins);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_agent_row_class_init (PulseAgentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pulse_agent_row_dispose;
  object_class->finalize = pulse_agent_row_finalize;
  object_class->get_property = pulse_agent_row_get_property;

  properties[PROP_AGENT] = g_param_spec_object ("agent", NULL, NULL, PULSE_TYPE_AGENT, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, ro);
  properties[PROP_TEAM_ID] = g_param_spec_string ("team-id", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PULSE_TYPE_AGENT_STATUS,
                       PULSE_AGENT_STATUS_OFFLINE, ro);
  properties[PROP_STATUS_SINCE] =
    g_param_spec_int64 ("status-since", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHANNELS] = g_param_spec_uint ("channels", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TEAM_NAME] = g_param_spec_string ("team-name", NULL, NULL, NULL, ro);
  properties[PROP_SUMMARY] =
    g_param_spec_boxed ("summary", NULL, NULL, PULSE_TYPE_KPI_SUMMARY, ro);
  properties[PROP_BINS] = g_param_spec_pointer ("bins", NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_agent_row_init (PulseAgentRow *self)
{
}

/**
 * pulse_agent_row_new:
 * @agent: the agent the row shows
 *
 * Returns: (transfer full): a row with no team name, figures or contacts.
 */
PulseAgentRow *
pulse_agent_row_new (PulseAgent *agent)
{
  PulseAgentRow *self;

  g_return_val_if_fail (PULSE_IS_AGENT (agent), NULL);

  self = g_object_new (PULSE_TYPE_AGENT_ROW, NULL);
  pulse_agent_row_set_agent (self, agent);
  return self;
}

PulseAgent *
pulse_agent_row_get_agent (PulseAgentRow *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), NULL);

  return self->agent;
}

/**
 * pulse_agent_row_set_agent:
 * @agent: the agent's object now
 *
 * Follows @agent instead: the session's list replaced the object (a
 * change it could not copy onto the old one). Every shown property
 * notifies.
 */
void
pulse_agent_row_set_agent (PulseAgentRow *self,
                           PulseAgent    *agent)
{
  g_return_if_fail (PULSE_IS_AGENT_ROW (self));
  g_return_if_fail (PULSE_IS_AGENT (agent));

  if (self->agent == agent)
    return;

  g_clear_signal_handler (&self->agent_notify_id, self->agent);
  g_set_object (&self->agent, agent);
  self->agent_notify_id = g_signal_connect (agent, "notify",
                                            G_CALLBACK (on_agent_notify_cb), self);
  update_keys (self);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENT]);
  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[forwarded[i]]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
pulse_agent_row_get_id (PulseAgentRow *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), NULL);

  return pulse_agent_get_id (self->agent);
}

const char *
pulse_agent_row_get_team_name (PulseAgentRow *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), NULL);

  return self->team_name;
}

void
pulse_agent_row_set_team_name (PulseAgentRow *self,
                               const char    *team_name)
{
  g_return_if_fail (PULSE_IS_AGENT_ROW (self));

  if (g_strcmp0 (self->team_name, team_name) == 0)
    return;

  g_free (self->team_name);
  self->team_name = g_strdup (team_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_NAME]);
}

/**
 * pulse_agent_row_get_summary:
 *
 * Returns: (transfer none) (nullable): the agent's figures for the
 *   period, or %NULL while there is no KPI view to take them from.
 */
const PulseKpiSummary *
pulse_agent_row_get_summary (PulseAgentRow *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), NULL);

  return self->summary;
}

/**
 * pulse_agent_row_set_summary:
 * @summary: (nullable): the figures now; copied
 *
 * Returns: whether they differ from the row's: only then does
 *   #PulseAgentRow:summary notify.
 */
gboolean
pulse_agent_row_set_summary (PulseAgentRow         *self,
                             const PulseKpiSummary *summary)
{
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), FALSE);

  if (self->summary == NULL && summary == NULL)
    return FALSE;
  if (self->summary != NULL && summary != NULL && pulse_kpi_summary_equal (self->summary, summary))
    return FALSE;

  g_clear_pointer (&self->summary, pulse_kpi_summary_free);
  if (summary != NULL)
    self->summary = pulse_kpi_summary_copy (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  return TRUE;
}

/**
 * pulse_agent_row_get_bins:
 *
 * Returns: (transfer none) (array fixed-size=24): contacts per hour over
 *   the last 24 hours, oldest first.
 */
const guint *
pulse_agent_row_get_bins (PulseAgentRow *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), NULL);

  return self->bins;
}

guint
pulse_agent_row_get_bins_total (PulseAgentRow *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), 0);

  return self->bins_total;
}

/**
 * pulse_agent_row_set_bins:
 * @bins: (array fixed-size=24): contacts per hour, oldest first
 *
 * Returns: whether they differ from the row's: only then does
 *   #PulseAgentRow:bins notify.
 */
gboolean
pulse_agent_row_set_bins (PulseAgentRow *self,
                          const guint   *bins)
{
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), FALSE);
  g_return_val_if_fail (bins != NULL, FALSE);

  if (memcmp (self->bins, bins, sizeof self->bins) == 0)
    return FALSE;

  memcpy (self->bins, bins, sizeof self->bins);
  self->bins_total = 0;
  for (guint i = 0; i < PULSE_AGENT_ACTIVITY_BINS; i++)
    self->bins_total += bins[i];
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BINS]);
  return TRUE;
}

/**
 * pulse_agent_row_matches:
 * @folded_query: (nullable): search text, case-folded (g_utf8_casefold())
 * @team_id: (nullable): a team, or %NULL for every team
 *
 * Returns: whether the agent's name or email contains @folded_query and
 *   the agent is in @team_id.
 */
gboolean
pulse_agent_row_matches (PulseAgentRow *self,
                         const char    *folded_query,
                         const char    *team_id)
{
  g_return_val_if_fail (PULSE_IS_AGENT_ROW (self), FALSE);

  if (team_id != NULL && g_strcmp0 (pulse_agent_get_team_id (self->agent), team_id) != 0)
    return FALSE;

  return folded_query == NULL || folded_query[0] == '\0'
         || strstr (self->search_key, folded_query) != NULL;
}
