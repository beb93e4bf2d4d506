/* pulse-session-rules.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-rule.h"
#include "pulse-session.h"

G_BEGIN_DECLS

void      pulse_session_test_rules_async      (PulseSession         *self,
                                               JsonNode             *message,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
JsonNode *pulse_session_test_rules_finish     (PulseSession         *self,
                                               GAsyncResult         *result,
                                               GError              **error);
void      pulse_session_set_rule_enabled_async (PulseSession        *self,
                                                PulseRule           *rule,
                                                gboolean             enabled,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean  pulse_session_set_rule_enabled_finish (PulseSession       *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);

void      pulse_session_replay_rule_async       (PulseSession        *self,
                                                 JsonNode            *request,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
JsonNode *pulse_session_replay_rule_finish      (PulseSession        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void      pulse_session_fetch_rule_figures_async (PulseSession       *self,
                                                  guint               days,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
JsonNode *pulse_session_fetch_rule_figures_finish (PulseSession      *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
void      pulse_session_move_rules_async        (PulseSession        *self,
                                                 GPtrArray           *rules,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
int       pulse_session_move_rules_finish       (PulseSession        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
