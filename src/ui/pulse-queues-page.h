/* pulse-queues-page.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_QUEUES_PAGE (pulse_queues_page_get_type ())

G_DECLARE_FINAL_TYPE (PulseQueuesPage, pulse_queues_page, PULSE, QUEUES_PAGE, AdwBin)

GtkWidget *pulse_queues_page_new     (PulseSession    *session);
GBytes    *pulse_queues_page_dup_csv (PulseQueuesPage *self);

G_END_DECLS
