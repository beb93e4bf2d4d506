/* pulse-server-items-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The item routes without HTTP: what a POST or PUT body does once it is
 * a JSON object, and the transactions of a create, an update and a
 * delete (pulse-server-items-apply.c). For pulse-server-items.c and the
 * fuzz target of tests/fuzz only.
 */

#pragma once

#include "pulse-db.h"
#include "pulse-server-mutation.h"

G_BEGIN_DECLS

/* Each a #PulseDbFunc: one change, @user_data its #PulseServerMutation. */
gboolean _pulse_server_items_create (PulseDb              *db,
                                     gpointer              user_data,
                                     GError              **error);
gboolean _pulse_server_items_update (PulseDb              *db,
                                     gpointer              user_data,
                                     GError              **error);
gboolean _pulse_server_items_delete (PulseDb              *db,
                                     gpointer              user_data,
                                     GError              **error);

gboolean _pulse_server_items_apply  (PulseServerMutation  *m,
                                     gboolean              create,
                                     GError              **error);

G_END_DECLS
