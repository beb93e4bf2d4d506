/* pulse-template-tree.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-template-node.h"

G_BEGIN_DECLS

GtkListItemFactory *pulse_template_tree_factory_new (void);
PulseTemplateNode  *pulse_template_tree_row_node    (GtkTreeListRow *row);
PulseTemplateNode  *pulse_template_tree_row_family  (GtkTreeListRow *row);

G_END_DECLS
