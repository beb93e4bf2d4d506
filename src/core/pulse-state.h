/* pulse-state.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PULSE_TYPE_STATE (pulse_state_get_type ())

G_DECLARE_FINAL_TYPE (PulseState, pulse_state, PULSE, STATE, GObject)

/**
 * PulseStateKind:
 * @PULSE_STATE_KIND_NONE: nothing (an event that changed nothing)
 * @PULSE_STATE_KIND_QUEUE: a queue (`queues`)
 * @PULSE_STATE_KIND_TEAM: a team (`teams`)
 * @PULSE_STATE_KIND_AGENT: an agent (`agents`)
 * @PULSE_STATE_KIND_CHANNEL: a channel (`channels`)
 * @PULSE_STATE_KIND_RULE: an automation rule (`rules`)
 * @PULSE_STATE_KIND_TEMPLATE: a reply template (`templates`)
 * @PULSE_STATE_KIND_SCORECARD: a QA scorecard (`scorecards`)
 * @PULSE_STATE_KIND_MENTORSHIP: a mentorship (`mentorships`)
 * @PULSE_STATE_KIND_SHIFT: a shift (`shifts`)
 * @PULSE_STATE_KIND_REVIEW: a review sample (`reviews`)
 * @PULSE_STATE_KIND_FOLLOWUP: a lead's QA follow-up (`followups`)
 * @PULSE_STATE_KIND_CALIBRATION: a settled calibration (`calibrations`)
 * @PULSE_STATE_KIND_TICKET: a ticket, with its messages and ratings
 * @PULSE_STATE_KIND_APPLICATIONS: a day's loan applications in a country
 *
 * The collections of a #PulseState, as the snapshot names them.
 */
typedef enum
{
  PULSE_STATE_KIND_NONE,
  PULSE_STATE_KIND_QUEUE,
  PULSE_STATE_KIND_TEAM,
  PULSE_STATE_KIND_AGENT,
  PULSE_STATE_KIND_CHANNEL,
  PULSE_STATE_KIND_RULE,
  PULSE_STATE_KIND_TEMPLATE,
  PULSE_STATE_KIND_SCORECARD,
  PULSE_STATE_KIND_MENTORSHIP,
  PULSE_STATE_KIND_SHIFT,
  PULSE_STATE_KIND_REVIEW,
  PULSE_STATE_KIND_FOLLOWUP,
  PULSE_STATE_KIND_CALIBRATION,
  PULSE_STATE_KIND_TICKET,
  PULSE_STATE_KIND_APPLICATIONS,
} PulseStateKind;

/**
 * PulseStateAction:
 * @PULSE_STATE_ACTION_NONE: the event's seq was taken and nothing changed:
 *   an unknown event type, an event a fetched ticket already includes, or
 *   a further event held for a missing ticket
 * @PULSE_STATE_ACTION_CREATED: the item is new
 * @PULSE_STATE_ACTION_UPDATED: the item changed
 * @PULSE_STATE_ACTION_DELETED: the item is gone
 * @PULSE_STATE_ACTION_MISSING: the event is about a ticket the state does
 *   not hold (a closed one older than the snapshot's window); it is held.
 *   Fetch the ticket (`GET /api/v1/tickets/{id}`) and give it to
 *   pulse_state_put_ticket(). Reported once per ticket
 * @PULSE_STATE_ACTION_RESYNC: the server sent `resync`: take a new snapshot
 *
 * What an event did to the state.
 */
typedef enum
{
  PULSE_STATE_ACTION_NONE,
  PULSE_STATE_ACTION_CREATED,
  PULSE_STATE_ACTION_UPDATED,
  PULSE_STATE_ACTION_DELETED,
  PULSE_STATE_ACTION_MISSING,
  PULSE_STATE_ACTION_RESYNC,
} PulseStateAction;

/**
 * PulseStateChange:
 * @seq: the event's seq (for a resync, the server's last seq)
 * @kind: which collection changed
 * @action: how
 * @id: (nullable): the item's or ticket's id; for applications, the date
 * @country: (nullable): for applications, the country
 * @item: (nullable): the item as it is now (for a deletion, as it was),
 *   in its canonical wire form
 *
 * What one pulse_state_apply() did, so a cache row and a list model can
 * be updated in place. Start from `{ 0 }` and release it with
 * pulse_state_change_clear(); the state fills it afresh on every call.
 */
typedef struct
{
  gint64            seq;
  PulseStateKind    kind;
  PulseStateAction  action;
  char             *id;
  char             *country;
  JsonNode         *item;
} PulseStateChange;

void        pulse_state_change_clear         (PulseStateChange  *change);

/* A ticket read back from the client's cache and checked, ready to put
 * in a state: made in any thread, put in the state's. */
typedef struct _PulseStateTicket PulseStateStoredTicket;

PulseStateStoredTicket *pulse_state_stored_ticket_new  (JsonNode               *ticket,
                                                        GError                **error);
void                    pulse_state_stored_ticket_free (PulseStateStoredTicket *stored);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseStateStoredTicket, pulse_state_stored_ticket_free)

PulseState *pulse_state_new_from_snapshot    (JsonNode          *snapshot,
                                              GError           **error);
gint64      pulse_state_get_seq              (PulseState        *self);
gboolean    pulse_state_apply                (PulseState        *self,
                                              JsonNode          *event,
                                              PulseStateChange  *change,
                                              GError           **error);
gboolean    pulse_state_put_ticket           (PulseState        *self,
                                              JsonNode          *ticket,
                                              PulseStateChange  *change,
                                              GError           **error);
gboolean    pulse_state_put_stored_ticket    (PulseState        *self,
                                              JsonNode          *ticket,
                                              PulseStateChange  *change,
                                              GError           **error);
gboolean    pulse_state_put_stored           (PulseState        *self,
                                              PulseStateStoredTicket *stored,
                                              PulseStateChange  *change,
                                              GError           **error);
JsonNode   *pulse_state_lookup               (PulseState        *self,
                                              PulseStateKind     kind,
                                              const char        *id);
gboolean    pulse_state_lookup_applications  (PulseState        *self,
                                              const char        *date,
                                              const char        *country,
                                              gint64            *count);
guint       pulse_state_get_n_missing        (PulseState        *self);
guint       pulse_state_get_n_items          (PulseState        *self,
                                              PulseStateKind     kind);
GPtrArray  *pulse_state_list_items           (PulseState        *self,
                                              PulseStateKind     kind);
GStrv       pulse_state_dup_missing_tickets  (PulseState        *self);
JsonNode   *pulse_state_to_json              (PulseState        *self);
JsonNode   *pulse_state_to_snapshot_json     (PulseState        *self,
                                              gint64             now);
gboolean    pulse_state_equal                (PulseState        *a,
                                              PulseState        *b,
                                              gint64             now);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PulseStateChange, pulse_state_change_clear)

G_END_DECLS
