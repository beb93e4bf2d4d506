/* pulse-hourly-figures.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-kpi.h"

G_BEGIN_DECLS

/**
 * PulseContactOutcome:
 * @PULSE_CONTACT_OUTCOME_ANSWERED: a person answered it
 * @PULSE_CONTACT_OUTCOME_AUTOMATED: a rule or bot closed it, no person
 * @PULSE_CONTACT_OUTCOME_ABANDONED: the customer left before an answer
 * @PULSE_CONTACT_OUTCOME_UNANSWERED: no answer yet
 *
 * What became of a contact, for the stacked bars of an hour.
 */
typedef enum
{
  PULSE_CONTACT_OUTCOME_ANSWERED,
  PULSE_CONTACT_OUTCOME_AUTOMATED,
  PULSE_CONTACT_OUTCOME_ABANDONED,
  PULSE_CONTACT_OUTCOME_UNANSWERED,
  PULSE_CONTACT_N_OUTCOMES,
} PulseContactOutcome;

/**
 * PulseHourFigures:
 * @start: the hour's start, µs since the epoch
 * @outcomes: contacts created in the hour by what became of them
 * @sl_contacts: contacts the service level is measured on
 * @service_level: their share answered within target, 0…1; NAN with none
 *
 * One clock hour, by the core KPI definitions (docs DESIGN.md).
 */
typedef struct
{
  gint64 start;
  double outcomes[PULSE_CONTACT_N_OUTCOMES];
  gint64 sl_contacts;
  double service_level;
} PulseHourFigures;

void    pulse_hour_figures_fill (PulseHourFigures *hour,
                                 PulseKpi         *kpi,
                                 gint64            now);

GArray *pulse_hourly_figures (GListModel *tickets,
                              GListModel *queues,
                              gint64      now,
                              guint       n_hours);

G_END_DECLS
