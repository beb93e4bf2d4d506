/* pulse-session-contacts.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-contact-filter.h"
#include "pulse-session.h"

G_BEGIN_DECLS

/* The most contacts a drill-down lists, newest first. */
#define PULSE_SESSION_CONTACTS_LIMIT 500

void        pulse_session_find_contacts_async  (PulseSession              *self,
                                                const PulseContactFilter  *filter,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data);
GListModel *pulse_session_find_contacts_finish (PulseSession              *self,
                                                GAsyncResult              *result,
                                                guint                     *n_matched,
                                                GError                   **error);

G_END_DECLS
