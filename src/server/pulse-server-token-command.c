/* pulse-server-token-command.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `pulse-server token add|list|revoke`: the only way tokens are made, so
 * the first head token can be created by whoever runs the server.
 */

#include "config.h"

#include <stdio.h>

#include "pulse-enums.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-server-token-command.h"
#include "pulse-time-utils.h"
#include "pulse-token-store.h"

static int
fail (GError *error)
{
  g_printerr ("pulse-server: %s\n", error->message);
  g_error_free (error);
  return 1;
}

/* One token change and its audit entry, committed together. The actor is
 * whoever runs the command on the server host: host access is full
 * access, so the entry says "head" and names the system user. */
typedef struct
{
  PulseTokenStore *store;
  const char      *user;
  int              role;
  char            *token;
  char            *id;
} TokenChange;

static JsonNode *
describe_token (const char *id,
                const char *user,
                int         role,
                gboolean    revoked)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  if (user != NULL)
    {
      pulse_json_add_string (builder, "user", user);
      pulse_json_add_enum (builder, "role", PULSE_TYPE_ROLE, role);
    }
  pulse_json_add_boolean (builder, "revoked", revoked);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
audit_token (PulseDb           *db,
             PulseAuditAction   action,
             const char        *id,
             JsonNode          *before,
             JsonNode          *after,
             GError           **error)
{
  g_autoptr(PulseItemStore) items = pulse_item_store_new (db);
  g_autofree char *actor = g_strdup_printf ("local:%s", g_get_user_name ());
  PulseTokenInfo who = { (char *) "local", actor, PULSE_ROLE_HEAD, 0, 0 };

  return pulse_item_store_audit (items, &who, action, "token", id, 1, before, after, error);
}

static gboolean
add_in_transaction (PulseDb   *db,
                    gpointer   user_data,
                    GError   **error)
{
  TokenChange *change = user_data;
  g_autoptr(JsonNode) after = NULL;

  change->token = pulse_token_store_add (change->store, change->user, change->role, &change->id,
                                         error);
  if (change->token == NULL)
    return FALSE;

  after = describe_token (change->id, change->user, change->role, FALSE);
  return audit_token (db, PULSE_AUDIT_ACTION_CREATE, change->id, NULL, after, error);
}

static gboolean
revoke_in_transaction (PulseDb   *db,
                       gpointer   user_data,
                       GError   **error)
{
  TokenChange *change = user_data;
  g_autoptr(JsonNode) after = describe_token (change->id, NULL, 0, TRUE);

  return pulse_token_store_revoke (change->store, change->id, error) &&
         audit_token (db, PULSE_AUDIT_ACTION_UPDATE, change->id, NULL, after, error);
}

static int
token_add (PulseDb         *db,
           PulseTokenStore *store,
           const char      *user,
           const char      *role_nick)
{
  TokenChange change = { store, user, 0, NULL, NULL };
  g_autofree char *token = NULL;
  g_autofree char *id = NULL;
  GError *error = NULL;
  int role;

  if (user == NULL || role_nick == NULL || !pulse_enum_from_nick (PULSE_TYPE_ROLE, role_nick, &role))
    {
      g_printerr ("pulse-server: token add needs --user NAME and --role "
                  "head|lead|qa|planner|viewer|integration\n");
      return 2;
    }

  change.role = role;
  if (!pulse_db_transaction (db, add_in_transaction, &change, &error))
    {
      g_free (change.token);
      g_free (change.id);
      return fail (error);
    }

  token = g_steal_pointer (&change.token);
  id = g_steal_pointer (&change.id);

  /* The one and only time the token is shown. */
  g_print ("%s\n", token);
  g_printerr ("token %s for %s (%s) created; it is shown only once\n", id, user, role_nick);
  return 0;
}

static int
token_list (PulseTokenStore *store)
{
  g_autoptr(GPtrArray) tokens = NULL;
  GError *error = NULL;

  tokens = pulse_token_store_list (store, &error);
  if (tokens == NULL)
    return fail (error);

  g_print ("%-12s  %-12s  %-20s  %-20s  %s\n", "ID", "ROLE", "USER", "CREATED", "STATUS");
  for (guint i = 0; i < tokens->len; i++)
    {
      PulseTokenInfo *info = g_ptr_array_index (tokens, i);
      g_autofree char *created = pulse_time_format (info->created_at - info->created_at % G_USEC_PER_SEC);

      g_print ("%-12s  %-12s  %-20s  %-20s  %s\n", info->id,
               pulse_enum_to_nick (PULSE_TYPE_ROLE, info->role), info->user, created,
               info->revoked_at != 0 ? "revoked" : "active");
    }

  return 0;
}

/**
 * pulse_server_token_command:
 * @db_path: (nullable): the database given before the command, if any
 * @argc: arguments from "token" on
 *
 * Returns: the process exit status.
 */
int
pulse_server_token_command (const char  *db_path,
                            int          argc,
                            char       **argv)
{
  g_autofree char *user = NULL;
  g_autofree char *role_nick = NULL;
  g_autofree char *db_option = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("add|list|revoke — manage API tokens");
  g_autoptr(PulseTokenStore) store = NULL;
  g_autoptr(PulseDb) db = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, "Who the token is for (add)", "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_nick,
      "head, lead, qa, planner, viewer or integration (add)", "ROLE" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_option, "Database file", "PATH" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);

  /* argv[0] is "token"; the verb and its operand follow. */
  argc--;
  argv++;

  db = pulse_server_schema_open (db_option != NULL ? db_option : db_path, &error);
  if (db == NULL)
    return fail (error);
  store = pulse_token_store_new (db);

  if (argc == 1 && g_str_equal (argv[0], "add"))
    return token_add (db, store, user, role_nick);

  if (argc == 1 && g_str_equal (argv[0], "list"))
    return token_list (store);

  if (argc == 2 && g_str_equal (argv[0], "revoke"))
    {
      TokenChange change = { store, NULL, 0, NULL, argv[1] };

      if (!pulse_db_transaction (db, revoke_in_transaction, &change, &error))
        return fail (error);
      g_printerr ("token %s revoked\n", argv[1]);
      return 0;
    }

  g_printerr ("pulse-server: usage: token add --user NAME --role ROLE | token list | token revoke ID\n");
  return 2;
}
