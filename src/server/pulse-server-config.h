/* pulse-server-config.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PulseServerConfig:
 * @retention_days: how long the event log keeps events; a client that
 *   resumes from before that gets `resync`
 * @ping_interval_seconds: how often an idle event stream is pinged
 * @send_queue_bytes: the most unsent bytes one event stream may hold
 *   before its client is dropped as too slow
 * @rate_limit_per_minute: requests one token may make per minute
 *   (a token bucket of this size, refilled evenly); 0 turns it off
 * @rate_limit_burst: the bucket's size: how many requests may come at once
 * @max_mentees: how many open mentorships one mentor may have
 *
 * The server's settings, from the `[server]` group of `--config FILE`
 * (docs/protocol.md, "Server configuration").
 */
typedef struct
{
  guint retention_days;
  guint ping_interval_seconds;
  guint send_queue_bytes;
  guint rate_limit_per_minute;
  guint rate_limit_burst;
  guint max_mentees;
} PulseServerConfig;

void     pulse_server_config_init_defaults (PulseServerConfig  *config);
gboolean pulse_server_config_load          (PulseServerConfig  *config,
                                            GKeyFile           *keyfile,
                                            GError            **error);
gboolean pulse_server_config_load_file     (PulseServerConfig  *config,
                                            const char         *path,
                                            GError            **error);

G_END_DECLS
