/* pulse-alert-gate.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PulseAlertReading:
 * @PULSE_ALERT_GOOD: the figure is back on the good side of its clear
 *   threshold
 * @PULSE_ALERT_BAND: between the clear and raise thresholds: an alert
 *   stays as it is
 * @PULSE_ALERT_BAD: past the raise threshold
 *
 * Where one figure stands against an alert's two thresholds.
 */
typedef enum
{
  PULSE_ALERT_GOOD,
  PULSE_ALERT_BAND,
  PULSE_ALERT_BAD,
} PulseAlertReading;

/**
 * PulseAlertStep:
 * @PULSE_ALERT_UNCHANGED: nothing to tell
 * @PULSE_ALERT_RAISED: the condition has now held long enough: tell once
 * @PULSE_ALERT_CLEARED: a raised alert is over
 */
typedef enum
{
  PULSE_ALERT_UNCHANGED,
  PULSE_ALERT_RAISED,
  PULSE_ALERT_CLEARED,
} PulseAlertStep;

typedef struct _PulseAlertGate PulseAlertGate;

PulseAlertGate    *pulse_alert_gate_new         (void);
void               pulse_alert_gate_free        (PulseAlertGate    *self);
PulseAlertStep     pulse_alert_gate_update      (PulseAlertGate    *self,
                                                 const char        *key,
                                                 PulseAlertReading  reading,
                                                 gint64             hold_usec,
                                                 gint64             now);
gboolean           pulse_alert_gate_is_raised   (PulseAlertGate    *self,
                                                 const char        *key);
void               pulse_alert_gate_keep        (PulseAlertGate    *self,
                                                 const char        *key);
void               pulse_alert_gate_begin_round (PulseAlertGate    *self);
GPtrArray         *pulse_alert_gate_end_round   (PulseAlertGate    *self);

PulseAlertReading  pulse_alert_reading_below    (double             value,
                                                 double             threshold,
                                                 double             margin);
PulseAlertReading  pulse_alert_reading_above    (double             value,
                                                 double             threshold,
                                                 double             clear_at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseAlertGate, pulse_alert_gate_free)

G_END_DECLS
