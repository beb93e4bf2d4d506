/* pulse-server-mentorships.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-mentorship.h"
#include "pulse-server-mutation.h"

G_BEGIN_DECLS

gboolean pulse_server_mentorship_apply (PulseServerMutation  *m,
                                        PulseMentorship      *item,
                                        JsonNode             *before,
                                        GError              **error);

G_END_DECLS
