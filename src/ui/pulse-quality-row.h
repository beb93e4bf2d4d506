/* pulse-quality-row.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * PulseQualityRowData:
 * @title: the row's name: a team, an agent, a reviewer, a criterion
 * @subtitle: (nullable): a second line
 * @detail: (nullable): free text (a customer's comment)
 * @value: the main figure to sort by (a QA score, a share, a CSAT score);
 *   %G_MAXDOUBLE when there is none, so an empty row sorts last
 * @value_text: the main figure as shown
 * @count: a count to sort by (reviews, samples)
 * @count_text: the count as shown
 * @extra: a second figure to sort by (CSAT), %G_MAXDOUBLE for none
 * @extra_text: (nullable): the second figure as shown
 * @time: a time to sort by, µs since the epoch, 0 for none
 * @time_text: (nullable): the time as shown
 *
 * What one row of the Quality page shows. Each list uses the fields it
 * needs; the rest stay empty.
 */
typedef struct
{
  const char *title;
  const char *subtitle;
  const char *detail;
  double      value;
  const char *value_text;
  gint64      count;
  const char *count_text;
  double      extra;
  const char *extra_text;
  gint64      time;
  const char *time_text;
} PulseQualityRowData;

#define PULSE_TYPE_QUALITY_ROW (pulse_quality_row_get_type ())

G_DECLARE_FINAL_TYPE (PulseQualityRow, pulse_quality_row, PULSE, QUALITY_ROW, GObject)

PulseQualityRow *pulse_quality_row_new        (const char                *id);
const char      *pulse_quality_row_get_id     (PulseQualityRow           *self);
void             pulse_quality_row_update     (PulseQualityRow           *self,
                                               const PulseQualityRowData *data);
const char      *pulse_quality_row_get_title  (PulseQualityRow           *self);
const char      *pulse_quality_row_get_subtitle (PulseQualityRow         *self);
const char      *pulse_quality_row_get_detail (PulseQualityRow           *self);
double           pulse_quality_row_get_value  (PulseQualityRow           *self);
const char      *pulse_quality_row_get_value_text (PulseQualityRow       *self);
gint64           pulse_quality_row_get_count  (PulseQualityRow           *self);
const char      *pulse_quality_row_get_count_text (PulseQualityRow       *self);
const char      *pulse_quality_row_get_extra_text (PulseQualityRow       *self);
const char      *pulse_quality_row_get_time_text (PulseQualityRow        *self);

G_END_DECLS
