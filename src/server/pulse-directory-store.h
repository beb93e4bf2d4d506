/* pulse-directory-store.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-db.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_DIRECTORY_STORE (pulse_directory_store_get_type ())

G_DECLARE_FINAL_TYPE (PulseDirectoryStore, pulse_directory_store, PULSE, DIRECTORY_STORE, GObject)

PulseDirectoryStore *pulse_directory_store_new               (PulseDb              *db);
JsonNode            *pulse_directory_store_get               (PulseDirectoryStore  *self,
                                                              const char           *kind,
                                                              const char           *id,
                                                              GError              **error);
gboolean             pulse_directory_store_put               (PulseDirectoryStore  *self,
                                                              const char           *kind,
                                                              const char           *id,
                                                              gint64                version,
                                                              JsonNode             *body,
                                                              GError              **error);
GPtrArray           *pulse_directory_store_list              (PulseDirectoryStore  *self,
                                                              const char           *kind,
                                                              GError              **error);
gboolean             pulse_directory_store_get_applications  (PulseDirectoryStore  *self,
                                                              const char           *day,
                                                              const char           *country,
                                                              gint64               *count);
gboolean             pulse_directory_store_put_applications  (PulseDirectoryStore  *self,
                                                              const char           *day,
                                                              const char           *country,
                                                              gint64                count,
                                                              GError              **error);
GPtrArray           *pulse_directory_store_list_applications (PulseDirectoryStore  *self,
                                                              const char           *since_day,
                                                              GError              **error);
gboolean             pulse_directory_store_add_agent_status  (PulseDirectoryStore  *self,
                                                              const char           *agent_id,
                                                              gint64                since,
                                                              PulseAgentStatus      status,
                                                              GError              **error);

G_END_DECLS
