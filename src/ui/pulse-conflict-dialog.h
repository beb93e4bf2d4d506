/* pulse-conflict-dialog.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-outbox.h"

G_BEGIN_DECLS

#define PULSE_TYPE_CONFLICT_DIALOG (pulse_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PulseConflictDialog, pulse_conflict_dialog, PULSE, CONFLICT_DIALOG,
                      AdwMessageDialog)

GtkWidget *pulse_conflict_dialog_new      (GtkWindow              *parent,
                                           PulseOutbox            *outbox,
                                           const PulseOutboxEntry *entry);
gint64     pulse_conflict_dialog_get_entry (PulseConflictDialog   *self);

G_END_DECLS
