/* pulse-server-items-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The item routes without HTTP: what a POST or PUT body does once it is
 * a JSON object. For pulse-server-items.c and the fuzz target of
 * tests/fuzz only.
 */

#pragma once

#include "pulse-server-mutation.h"

G_BEGIN_DECLS

gboolean _pulse_server_items_apply (PulseServerMutation  *m,
                                    gboolean              create,
                                    GError              **error);

G_END_DECLS
