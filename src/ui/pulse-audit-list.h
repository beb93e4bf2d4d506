/* pulse-audit-list.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_AUDIT_LIST (pulse_audit_list_get_type ())

G_DECLARE_FINAL_TYPE (PulseAuditList, pulse_audit_list, PULSE, AUDIT_LIST, GtkWidget)

GtkWidget *pulse_audit_list_new          (void);
void       pulse_audit_list_show         (PulseAuditList *self,
                                          PulseSession   *session,
                                          const char     *kind,
                                          const char     *id);
guint      pulse_audit_list_get_n_entries (PulseAuditList *self);

G_END_DECLS
