/* pulse-conversation-view-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseConversationView is split by concern: pulse-conversation-view.c
 * keeps the ticket, its facts and its following of the session's list;
 * pulse-conversation-view-messages.c makes the message rows and scrolls
 * to the highlighted one.
 */

#pragma once

#include "pulse-conversation-view.h"

G_BEGIN_DECLS

typedef enum
{
  FACT_QUEUE,
  FACT_CHANNEL,
  FACT_STATUS,
  FACT_PRIORITY,
  FACT_CUSTOMER,
  FACT_ASSIGNEE,
  FACT_CREATED,
  FACT_LANGUAGE,
  FACT_FIRST_RESPONSE,
  FACT_HANDLE_TIME,
  FACT_RATINGS,
  FACT_TAGS,
  N_FACTS
} Fact;

struct _PulseConversationView
{
  AdwBin        parent_instance;

  PulseSession *session;
  PulseTicket  *ticket;
  GListModel   *tickets;
  GtkLabel     *facts[N_FACTS];
  char         *highlighted_message_id;
  guint         scroll_tick_id;
  guint         scroll_tries;
  gboolean      compact;

  GtkWidget    *content_box;
  GtkLabel     *subject_label;
  GtkGrid      *facts_grid;
  GtkListBox   *messages_list;
  GtkLabel     *no_messages_label;
};

gpointer   _pulse_conversation_view_lookup             (PulseConversationView *self,
                                                        PulseStateKind         kind,
                                                        const char            *id);
GtkWidget *_pulse_conversation_view_new_label          (const char            *text,
                                                        const char            *css_class);
GtkWidget *_pulse_conversation_view_create_message_row (gpointer               item,
                                                        gpointer               user_data);
void       _pulse_conversation_view_schedule_scroll    (PulseConversationView *self);

G_END_DECLS
