/* pulse-test-live.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the display tests of the live pages share: feeding a real
 * in-process server through ingest and the item API, a session signed in
 * to it, and waiting on the headline figures a page shows.
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"
#include "pulse-stat-tile.h"
#include "pulse-test-server.h"

G_BEGIN_DECLS

#define PULSE_TEST_LIVE_WAIT_MS 20000

typedef const char *(*PulseTestLiveGetId) (gpointer item);

void           pulse_test_live_ingest     (PulseTestServer *ts,
                                           const char      *endpoint,
                                           const char      *body);
void           pulse_test_live_create     (PulseTestServer *ts,
                                           PulseRole        role,
                                           const char      *collection,
                                           const char      *body);
PulseSession  *pulse_test_live_sign_in    (PulseTestServer *ts);
PulseSession  *pulse_test_live_sign_in_as (PulseTestServer *ts,
                                           PulseRole        role);
PulseStatTile *pulse_test_live_find_tile  (GtkWidget       *root,
                                           const char      *title);
void           pulse_test_live_wait_tile  (GtkWidget       *page,
                                           const char      *title,
                                           const char      *value);
void           pulse_test_live_wait_ids   (GListModel      *model,
                                           PulseTestLiveGetId get_id,
                                           const char      *first_id,
                                           ...) G_GNUC_NULL_TERMINATED;
GtkWidget     *pulse_test_live_nth_widget (GtkWidget       *root,
                                           GType            type,
                                           guint            index);
AdwActionRow  *pulse_test_live_boxed_row  (GtkWidget       *root,
                                           guint            list,
                                           int              index);
const char    *pulse_test_live_row_label  (AdwActionRow    *row,
                                           const char      *css_class);

G_END_DECLS
