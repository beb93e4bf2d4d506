/* pulse-item-edit.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void pulse_item_edit_save   (GtkWidget  *from,
                             const char *kind,
                             JsonNode   *before,
                             JsonNode   *after,
                             const char *title);
void pulse_item_edit_delete (GtkWidget  *from,
                             const char *kind,
                             JsonNode   *before,
                             const char *title);

G_END_DECLS
