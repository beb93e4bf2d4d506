/* pulse-contact-hours.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gint64 pulse_contact_hours_count (GListModel *tickets,
                                  gint64      now,
                                  guint       n_hours,
                                  const char *assignee_id,
                                  double     *counts);

G_END_DECLS
