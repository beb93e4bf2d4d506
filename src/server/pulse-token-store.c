/* pulse-token-store.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <sys/random.h>

#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-token-store.h"

#define TOKEN_PREFIX   "pulse_"
#define TOKEN_BYTES    32
#define ID_LENGTH      12
#define MAX_USER_BYTES 128

/**
 * PulseTokenStore:
 *
 * API tokens of the server. A token is 32 random bytes from the kernel,
 * shown once when made; only its SHA-256 is stored, so a copy of the
 * database grants nothing. Nothing here logs a token.
 */
struct _PulseTokenStore
{
  GObject  parent_instance;

  PulseDb *db;
};

G_DEFINE_FINAL_TYPE (PulseTokenStore, pulse_token_store, G_TYPE_OBJECT)

void
pulse_token_info_free (PulseTokenInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->user);
  g_free (info);
}

static char *
hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static char *
make_token (GError **error)
{
  guint8 bytes[TOKEN_BYTES];
  g_autofree char *encoded = NULL;

  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no randomness from the kernel");
      return NULL;
    }

  /* base64url without padding: safe in headers, shells and URLs. */
  encoded = g_base64_encode (bytes, sizeof bytes);
  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  g_strdelimit (encoded, "=", '\0');
  memset (bytes, 0, sizeof bytes);

  return g_strconcat (TOKEN_PREFIX, encoded, NULL);
}

static gboolean
check_user (const char  *user,
            GError     **error)
{
  if (user == NULL || user[0] == '\0' || strlen (user) > MAX_USER_BYTES ||
      !g_utf8_validate (user, -1, NULL))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "user: must be 1–%d bytes of UTF-8", MAX_USER_BYTES);
      return FALSE;
    }

  return TRUE;
}

static void
pulse_token_store_finalize (GObject *object)
{
  PulseTokenStore *self = (PulseTokenStore *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (pulse_token_store_parent_class)->finalize (object);
}

static void
pulse_token_store_class_init (PulseTokenStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_token_store_finalize;
}

static void
pulse_token_store_init (PulseTokenStore *self)
{
}

/**
 * pulse_token_store_new:
 * @db: the server database, migrated with the server schema
 *
 * Returns: (transfer full): the token store.
 */
PulseTokenStore *
pulse_token_store_new (PulseDb *db)
{
  PulseTokenStore *self;

  g_return_val_if_fail (PULSE_IS_DB (db), NULL);

  self = g_object_new (PULSE_TYPE_TOKEN_STORE, NULL);
  self->db = g_object_ref (db);
  return self;
}

/**
 * pulse_token_store_add:
 * @user: who the token is for
 * @role: what it may do
 * @id: (out) (optional): its public handle, for listing and revoking
 *
 * Returns: (transfer full) (nullable): the new token. It is not kept
 *   anywhere: show it once and free it.
 */
char *
pulse_token_store_add (PulseTokenStore  *self,
                       const char       *user,
                       PulseRole         role,
                       char            **id,
                       GError          **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (PULSE_IS_TOKEN_STORE (self), NULL);

  if (!check_user (user, error) || (token = make_token (error)) == NULL)
    return NULL;

  hash = hash_token (token);
  stmt = pulse_db_prepare (self->db,
                           "INSERT INTO token (id, hash, user, role, created_at) "
                           "VALUES (substr(?1, 1, 12), ?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pulse_enum_to_nick (PULSE_TYPE_ROLE, role), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  if (!pulse_db_step (self->db, stmt, NULL, error))
    return NULL;

  if (id != NULL)
    *id = g_strndup (hash, ID_LENGTH);

  return g_steal_pointer (&token);
}

static PulseTokenInfo *
info_from_row (PulseStmt *stmt)
{
  PulseTokenInfo *info = g_new0 (PulseTokenInfo, 1);
  int role = PULSE_ROLE_VIEWER;

  info->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  info->user = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  pulse_enum_from_nick (PULSE_TYPE_ROLE, (const char *) sqlite3_column_text (stmt, 2), &role);
  info->role = role;
  info->created_at = sqlite3_column_int64 (stmt, 3);
  info->revoked_at = sqlite3_column_int64 (stmt, 4);

  return info;
}

/**
 * pulse_token_store_list:
 *
 * Returns: (transfer full) (element-type PulseTokenInfo): every token,
 *   revoked ones included, oldest first.
 */
GPtrArray *
pulse_token_store_list (PulseTokenStore  *self,
                        GError          **error)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_token_info_free);
  g_autoptr(PulseStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_TOKEN_STORE (self), NULL);

  stmt = pulse_db_prepare (self->db,
                           "SELECT id, user, role, created_at, coalesce (revoked_at, 0) "
                           "FROM token ORDER BY created_at, id", error);
  if (stmt == NULL)
    return NULL;

  while (pulse_db_step (self->db, stmt, &has_row, &local_error) && has_row)
    g_ptr_array_add (tokens, info_from_row (stmt));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&tokens);
}

/**
 * pulse_token_store_revoke:
 * @id: the public handle shown by `token add` and `token list`
 *
 * Returns: %TRUE if a live token was revoked; %PULSE_ERROR_NOT_FOUND if
 *   no live token has that handle.
 */
gboolean
pulse_token_store_revoke (PulseTokenStore  *self,
                          const char       *id,
                          GError          **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  g_return_val_if_fail (PULSE_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = pulse_db_prepare (self->db,
                           "UPDATE token SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  if (!pulse_db_step (self->db, stmt, NULL, error))
    return FALSE;

  if (pulse_db_changes (self->db) == 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND, "no live token with id %s", id);
      return FALSE;
    }

  return TRUE;
}

/**
 * pulse_token_store_authenticate:
 * @token: (nullable): the bearer token of a request
 *
 * Returns: (transfer full) (nullable): who the token belongs to, or
 *   %NULL if it is unknown or revoked.
 */
PulseTokenInfo *
pulse_token_store_authenticate (PulseTokenStore *self,
                                const char      *token)
{
  g_autoptr(PulseStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_TOKEN_STORE (self), NULL);

  if (token == NULL || !g_str_has_prefix (token, TOKEN_PREFIX) || strlen (token) > 128)
    return NULL;

  /* Looking up by the hash compares hashes, not secrets, so the lookup's
   * timing says nothing about the token. */
  hash = hash_token (token);
  stmt = pulse_db_prepare (self->db,
                           "SELECT id, user, role, created_at, 0 FROM token "
                           "WHERE hash = ?1 AND revoked_at IS NULL", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  if (!pulse_db_step (self->db, stmt, &has_row, NULL) || !has_row)
    return NULL;

  return info_from_row (stmt);
}

/**
 * pulse_token_store_is_active:
 * @id: a token's public id
 *
 * For what outlives one request, such as an event stream: whether the
 * token it was opened with still counts.
 *
 * Returns: %TRUE if a token with @id exists and is not revoked; %FALSE
 *   also when the database cannot tell (fail closed).
 */
gboolean
pulse_token_store_is_active (PulseTokenStore *self,
                             const char      *id)
{
  g_autoptr(PulseStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = pulse_db_prepare (self->db,
                           "SELECT 1 FROM token WHERE id = ?1 AND revoked_at IS NULL", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return pulse_db_step (self->db, stmt, &has_row, NULL) && has_row;
}
