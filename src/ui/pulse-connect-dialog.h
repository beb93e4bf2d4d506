/* pulse-connect-dialog.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_CONNECT_DIALOG (pulse_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PulseConnectDialog, pulse_connect_dialog, PULSE, CONNECT_DIALOG, AdwWindow)

GtkWidget *pulse_connect_dialog_new (PulseSession *session);

G_END_DECLS
