/* pulse-before-frame.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void pulse_before_frame_schedule (guint       *source_id,
                                  GSourceFunc  func,
                                  gpointer     user_data);

G_END_DECLS
