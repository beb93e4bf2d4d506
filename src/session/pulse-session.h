/* pulse-session.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-category-watch.h"
#include "pulse-hourly-view.h"
#include "pulse-kpi-view.h"
#include "pulse-outbox.h"
#include "pulse-queue-load-view.h"
#include "pulse-state.h"
#include "pulse-sync.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SESSION (pulse_session_get_type ())

G_DECLARE_FINAL_TYPE (PulseSession, pulse_session, PULSE, SESSION, GObject)

PulseSession         *pulse_session_new                  (void);
void                  pulse_session_connect_async        (PulseSession          *self,
                                                          const char            *server_url,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
void                  pulse_session_sign_in_async        (PulseSession          *self,
                                                          const char            *server_url,
                                                          const char            *token,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gboolean              pulse_session_connect_finish       (PulseSession          *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);
void                  pulse_session_start_demo_async     (PulseSession          *self,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gboolean              pulse_session_start_demo_finish    (PulseSession          *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);
void                  pulse_session_disconnect           (PulseSession          *self);
gboolean              pulse_session_get_is_demo          (PulseSession          *self);
gboolean              pulse_session_get_allow_insecure_http (PulseSession       *self);
void                  pulse_session_set_allow_insecure_http (PulseSession       *self,
                                                          gboolean               allow);
char                 *pulse_session_dup_server_version   (PulseSession          *self);
const char           *pulse_session_get_server_url       (PulseSession          *self);
PulseConnectionState  pulse_session_get_connection_state (PulseSession          *self);
gint64                pulse_session_get_last_event_at    (PulseSession          *self);
PulseRole             pulse_session_get_role             (PulseSession          *self);
const char           *pulse_session_get_user_name        (PulseSession          *self);

void                  pulse_session_end_list_batches     (PulseSession          *self);
GListModel           *pulse_session_get_list             (PulseSession          *self,
                                                          PulseStateKind         kind);
PulseOutbox          *pulse_session_get_outbox           (PulseSession          *self);
PulseSync            *pulse_session_get_sync             (PulseSession          *self);

PulseKpiWindow        pulse_session_get_kpi_window       (PulseSession          *self);
void                  pulse_session_set_kpi_window       (PulseSession          *self,
                                                          PulseKpiWindow         window);
void                  pulse_session_get_kpi_range        (PulseSession          *self,
                                                          gint64                *from,
                                                          gint64                *to);
void                  pulse_session_set_kpi_range        (PulseSession          *self,
                                                          gint64                 from,
                                                          gint64                 to);
PulseKpiGroup         pulse_session_get_kpi_group        (PulseSession          *self);
void                  pulse_session_set_kpi_group        (PulseSession          *self,
                                                          PulseKpiGroup          group);
PulseKpiView         *pulse_session_get_kpi_view         (PulseSession          *self,
                                                          PulseKpiGroup          group);
PulseKpiView         *pulse_session_new_kpi_view         (PulseSession          *self);
PulseHourlyView      *pulse_session_new_hourly_view      (PulseSession          *self,
                                                         guint                  n_hours);
GHashTable           *pulse_session_dup_queue_loads      (PulseSession          *self,
                                                         gint64                 now,
                                                         gboolean              *complete);
PulseCategoryWatch   *pulse_session_get_category_watch   (PulseSession          *self);

void                  _pulse_session_set_connection_state (PulseSession         *self,
                                                           PulseConnectionState  state);

G_END_DECLS
