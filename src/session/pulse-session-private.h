/* pulse-session-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSession is split by concern: pulse-session.c holds the object and
 * its properties, pulse-session-connect.c how it connects, and
 * pulse-session-live.c what it follows once connected. This header is
 * shared by them and by nothing else.
 */

#pragma once

#include "pulse-category-watch.h"
#include "pulse-client.h"
#include "pulse-demo-server.h"
#include "pulse-entity-list.h"
#include "pulse-kpi-view.h"
#include "pulse-outbox.h"
#include "pulse-session.h"
#include "pulse-sync.h"

G_BEGIN_DECLS

struct _PulseSession
{
  GObject               parent_instance;

  PulseClient          *client;
  PulseDemoServer      *demo_server;
  char                 *server_url;
  char                 *server_version;
  char                 *user_name;
  PulseConnectionState  connection_state;
  gint64                last_event_at;
  PulseRole             role;
  gboolean              identity_unconfirmed;  /* remembered, not yet from whoami */
  gboolean              allow_insecure_http;

  /* Bumped by every connect, demo start and disconnect; a callback of an
   * older attempt sees the change and leaves the session alone. */
  guint                 connect_generation;

  /* Live data (pulse-session-live.c): one list per state kind, indexed by
   * #PulseStateKind (0, none, is unused). */
  PulseSync            *sync;
  PulseOutbox          *outbox;
  PulseEntityList      *lists[PULSE_STATE_KIND_APPLICATIONS];
  GPtrArray            *pending_changes;  /* PulseStateChange, for the lists at batch_id */
  guint                 batch_id;
  guint                 fill_id;          /* a new state going into empty lists, in steps */

  /* KPI views (pulse-session-kpi.c): the period every page counts in,
   * and one shared view per #PulseKpiGroup, made on demand for the
   * current sync engine. */
  PulseKpiWindow        kpi_window;
  PulseKpiGroup         kpi_group;
  gint64                kpi_from;
  gint64                kpi_to;
  PulseKpiView         *kpi_views[PULSE_KPI_GROUP_COUNTRY + 1];
  PulseCategoryWatch   *category_watch;
  PulseQueueLoadView   *queue_loads;
};

void _pulse_session_set_server_url  (PulseSession    *self,
                                     const char      *server_url);
void _pulse_session_set_demo_server (PulseSession    *self,
                                     PulseDemoServer *demo_server);
void _pulse_session_set_identity    (PulseSession    *self,
                                     const char      *user,
                                     PulseRole        role);
void _pulse_session_set_last_event_at (PulseSession  *self,
                                       gint64         last_event_at);
void _pulse_session_init_live       (PulseSession    *self);
void _pulse_session_remember_identity (PulseSession  *self);
gboolean _pulse_session_follow_offline (PulseSession *self);
void _pulse_session_confirm_identity (PulseSession   *self);
void _pulse_session_clear_live      (PulseSession    *self);
void _pulse_session_start_live      (PulseSession    *self);
void _pulse_session_stop_live       (PulseSession    *self);
void _pulse_session_emit_queue_loads_complete (PulseSession *self);
void _pulse_session_emit_data_reset (PulseSession    *self);
GTask *_pulse_session_new_online_task (PulseSession        *self,
                                       gpointer             source_tag,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
void   _pulse_session_answered_cb     (GObject             *object,
                                       GAsyncResult        *result,
                                       gpointer             user_data);
void _pulse_session_clear_kpi_views (PulseSession    *self);
void _pulse_session_notify_kpi_period (PulseSession  *self);

G_END_DECLS
