/* pulse-json-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-json.c and its fast path, pulse-json-scan.c, and by
 * the two parts of #PulseJsonReader, pulse-json-reader.c and
 * pulse-json-reader-get.c.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib parses recursively: a megabyte of "[" would overflow the
 * stack. No document of the protocol nests anywhere near this deep. */
#define PULSE_JSON_MAX_DEPTH 64

JsonNode   *_pulse_json_scan          (const char *text,
                                       gsize       length);

/* "a string", "an object", …: what @node is, for an error message. */
const char *_pulse_json_describe_node (JsonNode   *node);

G_END_DECLS
