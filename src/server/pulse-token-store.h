/* pulse-token-store.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-db.h"
#include "pulse-types.h"

G_BEGIN_DECLS

/**
 * PulseTokenInfo:
 * @id: the public handle of the token (not the token)
 * @user: who the token belongs to
 * @role: what the token may do
 * @created_at: when it was made, µs since the epoch
 * @revoked_at: when it was revoked, or 0
 */
typedef struct
{
  char      *id;
  char      *user;
  PulseRole  role;
  gint64     created_at;
  gint64     revoked_at;
} PulseTokenInfo;

void pulse_token_info_free (PulseTokenInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTokenInfo, pulse_token_info_free)

#define PULSE_TYPE_TOKEN_STORE (pulse_token_store_get_type ())

G_DECLARE_FINAL_TYPE (PulseTokenStore, pulse_token_store, PULSE, TOKEN_STORE, GObject)

PulseTokenStore *pulse_token_store_new          (PulseDb          *db);
char            *pulse_token_store_add          (PulseTokenStore  *self,
                                                 const char       *user,
                                                 PulseRole         role,
                                                 char            **id,
                                                 GError          **error);
GPtrArray       *pulse_token_store_list         (PulseTokenStore  *self,
                                                 GError          **error);
gboolean         pulse_token_store_revoke       (PulseTokenStore  *self,
                                                 const char       *id,
                                                 GError          **error);
PulseTokenInfo  *pulse_token_store_authenticate (PulseTokenStore  *self,
                                                 const char       *token);
gboolean         pulse_token_store_is_active    (PulseTokenStore  *self,
                                                 const char       *id);

G_END_DECLS
