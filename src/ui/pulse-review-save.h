/* pulse-review-save.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "pulse-session.h"

G_BEGIN_DECLS

void     pulse_review_save          (GtkWidget    *widget,
                                     const char   *kind,
                                     JsonNode     *before,
                                     JsonNode     *after,
                                     const char   *title);
gboolean pulse_review_save_can_edit (PulseSession *session,
                                     const char   *kind);

G_END_DECLS
