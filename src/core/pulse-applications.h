/* pulse-applications.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day's count of loan applications in a country, the denominator of
 * interactions per application. Wire form: `{"date","country","count"}`.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *pulse_applications_new_from_json (JsonNode  *node,
                                            GError   **error);

G_END_DECLS
