/* pulse-conversation-view.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_CONVERSATION_VIEW (pulse_conversation_view_get_type ())

G_DECLARE_FINAL_TYPE (PulseConversationView, pulse_conversation_view, PULSE, CONVERSATION_VIEW,
                      AdwBin)

GtkWidget    *pulse_conversation_view_new          (PulseSession          *session);
PulseSession *pulse_conversation_view_get_session  (PulseConversationView *self);
void          pulse_conversation_view_set_session  (PulseConversationView *self,
                                                    PulseSession          *session);
PulseTicket  *pulse_conversation_view_get_ticket   (PulseConversationView *self);
void          pulse_conversation_view_set_ticket   (PulseConversationView *self,
                                                    PulseTicket           *ticket);
char         *pulse_conversation_view_dup_author   (PulseConversationView *self,
                                                    PulseMessage          *message);
const char   *pulse_conversation_view_get_highlighted_message_id
                                                   (PulseConversationView *self);
void          pulse_conversation_view_set_compact  (PulseConversationView *self,
                                                    gboolean               compact);
void          pulse_conversation_view_set_highlighted_message_id
                                                   (PulseConversationView *self,
                                                    const char            *message_id);

G_END_DECLS
