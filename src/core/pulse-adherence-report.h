/* pulse-adherence-report.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wire form of `GET /api/v1/adherence` (docs/protocol.md, Schedule
 * adherence), written by the server and read by the console.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-adherence.h"

G_BEGIN_DECLS

/**
 * PulseAdherenceEntry:
 * @agent_id: the agent
 * @figures: their adherence over the range measured
 * @has_state: whether @state is known: the range holds the time measured at
 * @state: where they stand at the answer's `as_of`
 *
 * One agent of an adherence answer.
 */
typedef struct
{
  char                *agent_id;
  PulseAdherence       figures;
  gboolean             has_state;
  PulseAdherenceState  state;
} PulseAdherenceEntry;

/**
 * PulseAdherenceReport:
 * @from: the range's start
 * @to: its end
 * @as_of: when it was measured; the figures cover [@from, min (@to, @as_of))
 * @entries: (element-type PulseAdherenceEntry): one per agent, by id
 *
 * An adherence answer.
 */
typedef struct
{
  gint64     from;
  gint64     to;
  gint64     as_of;
  GPtrArray *entries;
} PulseAdherenceReport;

PulseAdherenceEntry  *pulse_adherence_entry_new           (const char            *agent_id);
void                  pulse_adherence_entry_free          (PulseAdherenceEntry   *entry);
PulseAdherenceReport *pulse_adherence_report_new          (gint64                 from,
                                                           gint64                 to,
                                                           gint64                 as_of);
void                  pulse_adherence_report_free         (PulseAdherenceReport  *report);
PulseAdherenceReport *pulse_adherence_report_new_from_json (JsonNode             *node,
                                                            GError              **error);
JsonNode             *pulse_adherence_report_to_json      (PulseAdherenceReport  *report);
const PulseAdherenceEntry *
                      pulse_adherence_report_find         (PulseAdherenceReport  *report,
                                                           const char            *agent_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseAdherenceReport, pulse_adherence_report_free)

G_END_DECLS
