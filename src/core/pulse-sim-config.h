/* pulse-sim-config.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The operation the simulator runs, read from a GKeyFile
 * (data/pulse-simulator.conf; docs/simulator.md lists every key). Plain
 * data: the model (pulse-sim-model.h) derives everything else from it.
 */

#pragma once

#include <glib.h>

#include "pulse-sim-calendar.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_SIM_N_CHANNELS (PULSE_CHANNEL_KIND_IN_APP + 1)

/* A "name:weight;…" list. */
typedef struct
{
  guint    n;
  char   **names;
  double  *weights;
} PulseSimWeights;

typedef struct
{
  char            *code;           /* "UA" */
  char            *name;
  guint            zone;           /* index into zones */
  PulseSimWeights  languages;
  double           share;
  double           voice;
  double           text;
  int              applications_per_day;
} PulseSimCountry;

typedef struct
{
  gboolean enabled;                /* has a [channel …] group */
  char    *name;
  gboolean realtime;
  int      sl_target_seconds;
  double   sl_goal;
  double   rule_share;
  double   bot_share;
  double   abandon_share;
  double   first_reply_median;
  double   first_reply_sigma;
  double   handle_median;
  double   handle_sigma;
  int      patience_seconds;
} PulseSimChannel;

typedef struct
{
  char   *id;
  double  weekly;
  double  channels[PULSE_SIM_N_CHANNELS];
  double *categories;              /* one weight per category */
  char  **tags;
} PulseSimStream;

/* Texts by language; index 0 of the arrays is the fallback (English). */
typedef struct
{
  GHashTable *by_language;         /* language → GStrv */
} PulseSimTexts;

typedef struct
{
  char          *tag;
  char          *name;
  PulsePriority  priority;
  gboolean       fraud_rule;
  PulseSimTexts  subject;
  PulseSimTexts  text;
  PulseSimTexts  faq;
  PulseSimTexts  phrase;
  PulseSimTexts  reply;
  char          *section;          /* where its reply template sits */
} PulseSimCategory;

/* A reply template agents fill in by hand ([template FAMILY]): one
 * version per language its body names (the plain key is English). */
typedef struct
{
  char          *family;
  char          *section;
  char          *category;
  PulseSimTexts  name;
  PulseSimTexts  body;
  guint          channels;
} PulseSimTemplate;

typedef struct
{
  char   *id;
  guint   zone;
  char  **languages;
  char  **first_names;
  char  **surnames;
} PulseSimSite;

typedef struct
{
  char            *id;
  char            *name;
  char            *lead;
  guint            lead_site;
  char           **countries;
  PulseSimWeights  sites;
  double           phone_share;
  double           two_two_share;
  int             *newcomer_days;
  guint            n_newcomers;
} PulseSimTeam;

typedef struct
{
  int   start;                     /* minutes of the local day */
  int   end;
  guint n_breaks;
  int   break_start[4];
  int   break_minutes[4];
} PulseSimShiftPattern;

typedef struct
{
  char           *name;
  char           *head;
  double          profile_days[7];
  double          profile_voice[24];
  double          profile_text[24];
  double          repeat_rate;
  double          csat_share;
  double          csat_weights[5];
  double          nps_share;
  double          nps_weights[11];
  double          ces_share;
  double          ces_weights[7];
  double          incident_chance;
  guint           incident_category;
  double          incident_factor;
  int             incident_minutes;

  GPtrArray      *zones;           /* PulseSimZone */
  GPtrArray      *countries;       /* PulseSimCountry */
  PulseSimChannel channels[PULSE_SIM_N_CHANNELS];
  GPtrArray      *streams;         /* PulseSimStream */
  GPtrArray      *categories;      /* PulseSimCategory */
  GPtrArray      *templates;       /* PulseSimTemplate */
  PulseSimTexts   fraud_phrases;
  PulseSimTexts   agent_replies;
  PulseSimTexts   bot_replies;
  PulseSimTexts   customer_replies;
  PulseSimTexts   call_subject;
  GPtrArray      *sites;           /* PulseSimSite */
  GPtrArray      *teams;           /* PulseSimTeam */

  PulseSimShiftPattern two_two;
  PulseSimShiftPattern five_two;
  double          absence_chance;
  int             late_minutes;
  int             probation_days[PULSE_SIM_N_CHANNELS];
  int             test_days;
  int             mentor_seniority_days;

  char          **reviewer_ids;
  char          **reviewer_names;
  int             random_per_agent;
  int             newcomer_extra;
  double          calibration_share;
  double          fail_chance;
} PulseSimConfig;

PulseSimConfig *pulse_sim_config_new_from_data    (const char      *data,
                                                   gsize            length,
                                                   GError         **error);
void            pulse_sim_config_free             (PulseSimConfig  *self);
const char * const *pulse_sim_texts_get           (const PulseSimTexts *texts,
                                                   const char      *language);
double          pulse_sim_config_weekly_total     (const PulseSimConfig *self);

/* For the loaders (pulse-sim-config-*.c). */
gboolean        _pulse_sim_config_read_people     (PulseSimConfig  *self,
                                                   GKeyFile        *file,
                                                   GError         **error);
gboolean        _pulse_sim_config_read_templates  (PulseSimConfig  *self,
                                                   GKeyFile        *file,
                                                   GError         **error);
gboolean        _pulse_sim_config_read_categories (PulseSimConfig  *self,
                                                   GKeyFile        *file,
                                                   GError         **error);
gboolean        _pulse_sim_weights_parse          (PulseSimWeights *weights,
                                                   const char      *group,
                                                   const char      *key,
                                                   const char      *text,
                                                   GError         **error);
void            _pulse_sim_weights_clear          (PulseSimWeights *weights);
gboolean        _pulse_sim_read_doubles           (GKeyFile        *file,
                                                   const char      *group,
                                                   const char      *key,
                                                   double          *out,
                                                   guint            n,
                                                   GError         **error);
gboolean        _pulse_sim_read_double            (GKeyFile        *file,
                                                   const char      *group,
                                                   const char      *key,
                                                   double           min,
                                                   double           max,
                                                   double           fallback,
                                                   double          *out,
                                                   GError         **error);
gboolean        _pulse_sim_read_texts             (PulseSimTexts   *texts,
                                                   GKeyFile        *file,
                                                   const char      *group,
                                                   const char      *key,
                                                   gboolean         required,
                                                   GError         **error);
void            _pulse_sim_texts_clear            (PulseSimTexts   *texts);
int             _pulse_sim_config_find_zone       (PulseSimConfig  *self,
                                                   const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseSimConfig, pulse_sim_config_free)

G_END_DECLS
