/* pulse-item-store.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-db.h"
#include "pulse-token-store.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_ITEM_STORE (pulse_item_store_get_type ())

G_DECLARE_FINAL_TYPE (PulseItemStore, pulse_item_store, PULSE, ITEM_STORE, GObject)

PulseItemStore *pulse_item_store_new              (PulseDb          *db);
JsonNode       *pulse_item_store_get              (PulseItemStore   *self,
                                                   const char       *kind,
                                                   const char       *id,
                                                   GError          **error);
GPtrArray      *pulse_item_store_list             (PulseItemStore   *self,
                                                   const char       *kind,
                                                   GError          **error);
gboolean        pulse_item_store_put              (PulseItemStore   *self,
                                                   const char       *kind,
                                                   const char       *id,
                                                   gint64            version,
                                                   JsonNode         *body,
                                                   GError          **error);
gboolean        pulse_item_store_delete           (PulseItemStore   *self,
                                                   const char       *kind,
                                                   const char       *id,
                                                   GError          **error);
gboolean        pulse_item_store_audit            (PulseItemStore   *self,
                                                   PulseTokenInfo   *who,
                                                   PulseAuditAction  action,
                                                   const char       *kind,
                                                   const char       *id,
                                                   gint64            version,
                                                   JsonNode         *before,
                                                   JsonNode         *after,
                                                   GError          **error);
GPtrArray      *pulse_item_store_list_audit       (PulseItemStore   *self,
                                                   const char       *kind,
                                                   const char       *id,
                                                   guint             limit,
                                                   GError          **error);
gboolean        pulse_item_store_find_answer      (PulseItemStore   *self,
                                                   const char       *token_id,
                                                   const char       *key,
                                                   char            **request,
                                                   guint            *status,
                                                   char            **response);
gboolean        pulse_item_store_remember_answer  (PulseItemStore   *self,
                                                   const char       *token_id,
                                                   const char       *key,
                                                   const char       *request,
                                                   guint             status,
                                                   const char       *response,
                                                   GError          **error);

G_END_DECLS
