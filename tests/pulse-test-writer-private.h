/* pulse-test-writer-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-test-writer.c (requests, seeding, pacing) and
 * pulse-test-writes.c (what each write sends).
 */

#pragma once

#include "pulse-test-writer.h"

G_BEGIN_DECLS

#define MAX_IN_FLIGHT 3
#define N_AGENTS      5
#define N_OLD         4

typedef struct
{
  char     *id;
  char     *queue_id;
  char     *subject;
  gint64    created_at;
  gint64    old_at;      /* the latest old-time message of a ticket closed days ago */
  guint     n_messages;
  gboolean  stored;      /* its creation was answered: others may name it */
} Ticket;

typedef struct
{
  char   *id;
  gint64  version;
} Rule;

struct _PulseTestWriter
{
  PulseTestServer *ts;
  SoupSession     *soup;
  GRand           *rand;
  gint64           clock;      /* every write's times come after the last's */
  guint            left;
  guint            in_flight;
  guint            n_written;
  guint            n_failed;
  gboolean         tolerant;   /* failed writes are counted, not fatal */
  gboolean         rule_busy;  /* rule edits go one at a time: each needs the last version */
  guint            idle_id;
  guint            next_id;
  guint            n_queues;
  GPtrArray       *tickets;    /* Ticket */
  GPtrArray       *rules;      /* Rule */
};

typedef void (*DoneFunc) (PulseTestWriter *self,
                          JsonNode        *answer,
                          gpointer         data);

#define PICK(self, array) writer_pick (self, array, G_N_ELEMENTS (array))

char        *writer_tick          (PulseTestWriter    *self);
const char  *writer_pick          (PulseTestWriter    *self,
                                   const char * const *choices,
                                   guint               n);
SoupMessage *writer_request       (PulseTestWriter    *self,
                                   const char         *method,
                                   const char         *path,
                                   PulseRole           role,
                                   const char         *body_q,
                                   gint64              if_match);
void         writer_send          (PulseTestWriter    *self,
                                   SoupMessage        *msg,
                                   guint               expected,
                                   DoneFunc            done,
                                   gpointer            data);
void         writer_ingest        (PulseTestWriter    *self,
                                   const char         *what,
                                   const char         *body_q);
char        *writer_ticket_header (Ticket             *ticket,
                                   const char         *status,
                                   const char         *priority,
                                   gint64              updated_at);
char        *writer_message_json  (Ticket             *ticket,
                                   gint64              at,
                                   gboolean            agent);
Ticket      *writer_add_ticket    (PulseTestWriter    *self,
                                   const char         *id,
                                   gint64              created_at);
char        *writer_ticket_body   (PulseTestWriter    *self,
                                   Ticket             *ticket,
                                   const char         *status);
char        *writer_queue_json    (guint               index,
                                   const char         *name);
void         writer_write_one     (PulseTestWriter    *self);

G_END_DECLS
