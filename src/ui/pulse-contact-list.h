/* pulse-contact-list.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_CONTACT_LIST (pulse_contact_list_get_type ())

G_DECLARE_FINAL_TYPE (PulseContactList, pulse_contact_list, PULSE, CONTACT_LIST, AdwBin)

GtkWidget    *pulse_contact_list_new               (PulseSession     *session);
PulseSession *pulse_contact_list_get_session       (PulseContactList *self);
void          pulse_contact_list_set_session       (PulseContactList *self,
                                                    PulseSession     *session);
GListModel   *pulse_contact_list_get_model         (PulseContactList *self);
void          pulse_contact_list_set_model         (PulseContactList *self,
                                                    GListModel       *model);
gboolean      pulse_contact_list_get_show_assignee (PulseContactList *self);
void          pulse_contact_list_set_show_assignee (PulseContactList *self,
                                                    gboolean          show_assignee);
void          pulse_contact_list_activate          (PulseContactList *self,
                                                    guint             position);

G_END_DECLS
