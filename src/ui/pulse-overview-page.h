/* pulse-overview-page.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_OVERVIEW_PAGE (pulse_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (PulseOverviewPage, pulse_overview_page, PULSE, OVERVIEW_PAGE, AdwBin)

GtkWidget *pulse_overview_page_new   (PulseSession       *session);
gboolean   pulse_overview_page_print (PulseOverviewPage  *self,
                                      const char         *pdf_path,
                                      GError            **error);

G_END_DECLS
