/* pulse-client-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseClient is split by concern: pulse-client.c holds the object and
 * the small reads, pulse-client-get.c the JSON GET (parsed in a worker),
 * pulse-client-send.c the mutations. This header is shared by them and
 * by nothing else.
 */

#pragma once

#include <libsoup/soup.h>

#include "pulse-client.h"

G_BEGIN_DECLS

/* The largest response body read into memory; snapshots of the biggest
 * teams are a few megabytes. */
#define PULSE_CLIENT_MAX_BODY_BYTES (64 * 1024 * 1024)

SoupMessage *_pulse_client_new_message (PulseClient *self,
                                        const char  *method,
                                        const char  *path);

G_END_DECLS
