/* pulse-sim-model.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated operation derived from a configuration, a seed and an
 * anchor (the instant the simulation's "now" starts at): its queues, its
 * people and their shift plan, and the contacts of any hour. Everything
 * is a pure function of those three, so any period can be generated on
 * its own, in any order, and comes out the same.
 */

#pragma once

#include <glib.h>

#include "pulse-sim-config.h"
#include "pulse-sim-random.h"

G_BEGIN_DECLS

typedef struct
{
  char             *id;              /* "q-ua-chat" */
  char             *name;            /* "Ukraine · Web chat" */
  guint             country;
  PulseChannelKind  channel;
  guint             team;
  double           *stream_weekly;   /* contacts a week from each stream */
} PulseSimQueue;

typedef struct
{
  char               *id;            /* "agent-07" */
  char               *name;
  guint               team;
  guint               site;
  PulseAgentPosition  position;
  guint               channels;      /* the skills, once probation is over */
  gboolean            two_two;
  guint               crew;          /* which half of the 2/2 rotation */
  int                 break_offset;  /* minutes, so breaks are staggered */
  gint64              hired_at;
  gboolean            newcomer;
  int                 mentor;        /* an agent index, or -1 */
} PulseSimAgent;

typedef struct _PulseSimModel PulseSimModel;

PulseSimModel        *pulse_sim_model_new             (PulseSimConfig  *config,
                                                       guint64          seed,
                                                       gint64           anchor);
void                  pulse_sim_model_free            (PulseSimModel   *self);
PulseSimConfig       *pulse_sim_model_get_config      (PulseSimModel   *self);
guint64               pulse_sim_model_get_seed        (PulseSimModel   *self);
gint64                pulse_sim_model_get_anchor      (PulseSimModel   *self);
guint                 pulse_sim_model_get_n_queues    (PulseSimModel   *self);
const PulseSimQueue  *pulse_sim_model_get_queue       (PulseSimModel   *self,
                                                       guint            index);
guint                 pulse_sim_model_get_n_agents    (PulseSimModel   *self);
const PulseSimAgent  *pulse_sim_model_get_agent       (PulseSimModel   *self,
                                                       guint            index);
const PulseSimZone   *pulse_sim_model_get_agent_zone  (PulseSimModel   *self,
                                                       guint            agent);
const PulseSimZone   *pulse_sim_model_get_country_zone (PulseSimModel  *self,
                                                       guint            country);
gboolean              pulse_sim_model_get_shift       (PulseSimModel   *self,
                                                       guint            agent,
                                                       gint64           day,
                                                       gint64          *starts_at,
                                                       gint64          *ends_at);
gboolean              pulse_sim_model_is_absent       (PulseSimModel   *self,
                                                       guint            agent,
                                                       gint64           day);
guint                 pulse_sim_model_get_breaks      (PulseSimModel   *self,
                                                       guint            agent,
                                                       gint64           day,
                                                       gint64          *starts,
                                                       gint64          *ends);
gint64                pulse_sim_model_get_login       (PulseSimModel   *self,
                                                       guint            agent,
                                                       gint64           day);
gboolean              pulse_sim_model_is_on_line      (PulseSimModel   *self,
                                                       guint            agent,
                                                       gint64           at);
gboolean              pulse_sim_model_serves          (PulseSimModel   *self,
                                                       guint            agent,
                                                       guint            queue,
                                                       gint64           at);
gint64                pulse_sim_model_channel_opens   (PulseSimModel   *self,
                                                       guint            agent,
                                                       PulseChannelKind channel);
double                pulse_sim_model_hour_rate       (PulseSimModel   *self,
                                                       guint            queue,
                                                       guint            stream,
                                                       gint64           hour_start);
gboolean              pulse_sim_model_get_incident    (PulseSimModel   *self,
                                                       gint64           utc_day,
                                                       gint64          *starts_at,
                                                       gint64          *ends_at);
guint64               pulse_sim_model_get_pool        (PulseSimModel   *self,
                                                       guint            country);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseSimModel, pulse_sim_model_free)

G_END_DECLS
