/* pulse-template-node.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-template.h"

G_BEGIN_DECLS

typedef enum
{
  PULSE_TEMPLATE_NODE_SECTION,
  PULSE_TEMPLATE_NODE_CATEGORY,
  PULSE_TEMPLATE_NODE_FAMILY,
  PULSE_TEMPLATE_NODE_VERSION,
} PulseTemplateNodeKind;

#define PULSE_TYPE_TEMPLATE_NODE (pulse_template_node_get_type ())

G_DECLARE_FINAL_TYPE (PulseTemplateNode, pulse_template_node, PULSE, TEMPLATE_NODE, GObject)

GListModel            *pulse_template_node_build_tree     (GListModel         *templates,
                                                           const char         *unsorted_section,
                                                           const char         *unsorted_category);
PulseTemplateNodeKind  pulse_template_node_get_kind       (PulseTemplateNode  *self);
const char            *pulse_template_node_get_title      (PulseTemplateNode  *self);
const char            *pulse_template_node_get_subtitle   (PulseTemplateNode  *self);
GListModel            *pulse_template_node_get_children   (PulseTemplateNode  *self);
PulseTemplate         *pulse_template_node_get_template   (PulseTemplateNode  *self);
GPtrArray             *pulse_template_node_dup_versions   (PulseTemplateNode  *self);
int                    pulse_template_language_rank       (const char         *language);

G_END_DECLS
