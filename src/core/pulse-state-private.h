/* pulse-state-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-state.c (the object, the snapshot and the dumps),
 * pulse-state-apply.c (events on the directory, managed items and
 * applications) and pulse-state-tickets.c (ticket events and tickets
 * fetched out of band).
 */

#pragma once

#include "pulse-json-list.h"
#include "pulse-state.h"
#include "pulse-ticket.h"

G_BEGIN_DECLS

/* The kinds held as id → canonical JsonNode: every one before TICKET. */
#define PULSE_STATE_N_ITEM_KINDS PULSE_STATE_KIND_TICKET

typedef struct
{
  PulseStateKind           kind;
  const char              *name;        /* "queue": the prefix of its events */
  const char              *collection;  /* "queues": the snapshot's member */
  PulseJsonListDecodeFunc  decode;
  PulseJsonListEncodeFunc  encode;
  gboolean                 deletable;   /* managed items have <name>.deleted */
} PulseStateKindInfo;

/* A ticket as the state holds it, with what the snapshot orders and
 * filters by, so a dump does not parse every ticket again. */
struct _PulseStateTicket
{
  JsonNode *node;      /* canonical wire form, messages and ratings included */
  gint64    version;
  gint64    sort_key;  /* max (updated_at, created_at) in µs, as the server sorts */
  gboolean  open;      /* new, open or pending: in every snapshot */
  gint64    ahead;     /* fetched at this version: events up to it are in already */
  gint64    created_at;
  /* The ids of node's messages (borrowed from them), made on the first
   * message event and handed on to the entry that replaces this one. */
  GHashTable *message_ids;
};
typedef struct _PulseStateTicket PulseStateTicket;

/* One ticket event, read and checked (pulse-state-ticket-events.c). */
typedef enum
{
  PULSE_STATE_OP_CREATED,
  PULSE_STATE_OP_UPDATED,
  PULSE_STATE_OP_MESSAGE,
  PULSE_STATE_OP_RATING,
} PulseStateTicketOp;

typedef struct
{
  PulseStateTicketOp  op;
  char               *ticket_id;
  gint64              version;
  gint64              updated_at;  /* a message's or rating's ticket_updated_at */
  gint64              at;          /* the message's or rating's own time */
  JsonNode           *item;        /* canonical: the ticket, its header, the message */
  PulseTicket        *ticket;      /* a creation's ticket or an update's header */
} PulseStateTicketEvent;

struct _PulseState
{
  GObject     parent_instance;

  gint64      seq;
  GHashTable *items[PULSE_STATE_N_ITEM_KINDS];  /* [kind]: id → JsonNode */
  GHashTable *tickets;                          /* id → PulseStateTicket */
  GHashTable *applications;                     /* "date/country" → JsonNode */
  GHashTable *held;                             /* ticket id → GPtrArray of events */
};

const PulseStateKindInfo *_pulse_state_kind_info      (PulseStateKind          kind);
const PulseStateKindInfo *_pulse_state_find_kind      (const char             *name);
JsonNode                 *_pulse_state_canonical      (const PulseStateKindInfo *info,
                                                       JsonNode               *node,
                                                       GError                **error);
JsonObject               *_pulse_state_copy_object    (JsonNode               *node);
gint64                    _pulse_state_item_version   (JsonNode               *item);
const char               *_pulse_state_item_id        (JsonNode               *item);
void                      _pulse_state_report         (PulseStateChange       *change,
                                                       PulseStateKind          kind,
                                                       PulseStateAction        action,
                                                       const char             *id,
                                                       JsonNode               *item);
const char              **_pulse_state_sorted_keys    (GHashTable             *table,
                                                       guint                  *n);
gboolean                  _pulse_state_keeps_ticket   (PulseTicket            *ticket,
                                                       JsonNode               *source,
                                                       gboolean                header_only);
PulseStateTicket         *_pulse_state_ticket_new     (PulseTicket            *ticket,
                                                       JsonNode               *source);
PulseStateTicket         *_pulse_state_ticket_new_for_node (PulseTicket       *ticket,
                                                       JsonNode               *node);
gboolean                  _pulse_state_put_fetched    (PulseState             *self,
                                                       PulseStateTicket       *entry,
                                                       PulseStateChange       *change,
                                                       GError                **error);
void                      _pulse_state_ticket_free    (PulseStateTicket       *entry);
char                     *_pulse_state_applications_key  (JsonNode            *applications);
void                      _pulse_state_ticket_event_free (PulseStateTicketEvent *event);
PulseStateTicketEvent    *_pulse_state_read_ticket_event (const char          *type,
                                                       JsonNode               *data,
                                                       GError                **error);
gboolean                  _pulse_state_apply_ticket   (PulseState             *self,
                                                       const char             *type,
                                                       JsonNode               *data,
                                                       PulseStateChange       *change,
                                                       GError                **error);
PulseStateTicket         *_pulse_state_build_ticket   (PulseStateTicketEvent  *event,
                                                       PulseStateTicket       *entry,
                                                       GError                **error);
gboolean                  _pulse_state_conflict       (GError                **error,
                                                       const char             *format,
                                                       ...) G_GNUC_PRINTF (2, 3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseStateTicketEvent, _pulse_state_ticket_event_free)

G_END_DECLS
