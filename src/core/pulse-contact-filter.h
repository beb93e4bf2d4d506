/* pulse-contact-filter.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-ticket.h"

G_BEGIN_DECLS

/**
 * PulseContactFocus:
 * @PULSE_CONTACT_FOCUS_ALL: every contact
 * @PULSE_CONTACT_FOCUS_WAITING: waiting for a first human answer
 * @PULSE_CONTACT_FOCUS_ABANDONED: the customer left before an answer
 * @PULSE_CONTACT_FOCUS_AUTOMATED: closed by a rule or bot alone
 * @PULSE_CONTACT_FOCUS_LOW_RATING: rated 1 or 2 for satisfaction
 * @PULSE_CONTACT_FOCUS_RATED: with any satisfaction rating
 *
 * Which of a period's contacts a drill-down lists.
 */
typedef enum
{
  PULSE_CONTACT_FOCUS_ALL,
  PULSE_CONTACT_FOCUS_WAITING,
  PULSE_CONTACT_FOCUS_ABANDONED,
  PULSE_CONTACT_FOCUS_AUTOMATED,
  PULSE_CONTACT_FOCUS_LOW_RATING,
  PULSE_CONTACT_FOCUS_RATED,
} PulseContactFocus;

/**
 * PulseContactFilter:
 * @from: the first creation time counted, µs
 * @to: the end (excluded)
 * @queue_id: (nullable): only this queue's contacts
 * @assignee_id: (nullable): only this agent's
 * @tag: (nullable): only contacts with this tag
 * @focus: which of them
 *
 * The contacts behind a figure: a period, optionally one queue, agent
 * or category, and a focus.
 */
typedef struct
{
  gint64             from;
  gint64             to;
  char              *queue_id;
  char              *assignee_id;
  char              *tag;
  PulseContactFocus  focus;
} PulseContactFilter;

gboolean pulse_contact_filter_matches (const PulseContactFilter *filter,
                                       PulseTicket              *ticket);
void     pulse_contact_filter_copy    (const PulseContactFilter *filter,
                                       PulseContactFilter       *copy);
void     pulse_contact_filter_clear   (PulseContactFilter       *filter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PulseContactFilter, pulse_contact_filter_clear)

G_END_DECLS
