/* pulse-server-config.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-server-config.h"

#define GROUP "server"

typedef struct
{
  const char *key;
  gsize       offset;
  guint       min;
  guint       max;
} UintKey;

/* Every key with the range it must fall in: a typo in a config file is
 * refused at start, never run with. */
static const UintKey uint_keys[] = {
  { "retention-days", G_STRUCT_OFFSET (PulseServerConfig, retention_days), 1, 3650 },
  { "ping-interval-seconds", G_STRUCT_OFFSET (PulseServerConfig, ping_interval_seconds), 1, 3600 },
  { "send-queue-bytes", G_STRUCT_OFFSET (PulseServerConfig, send_queue_bytes),
    64 * 1024, 1024 * 1024 * 1024 },
  { "rate-limit-per-minute", G_STRUCT_OFFSET (PulseServerConfig, rate_limit_per_minute),
    0, 1000000 },
  { "rate-limit-burst", G_STRUCT_OFFSET (PulseServerConfig, rate_limit_burst), 1, 1000000 },
  { "max-mentees", G_STRUCT_OFFSET (PulseServerConfig, max_mentees), 1, 100 },
};

/**
 * pulse_server_config_init_defaults:
 *
 * Fills @config with the defaults documented in docs/protocol.md.
 */
void
pulse_server_config_init_defaults (PulseServerConfig *config)
{
  g_return_if_fail (config != NULL);

  config->retention_days = 30;
  config->ping_interval_seconds = 15;
  config->send_queue_bytes = 8 * 1024 * 1024;
  config->rate_limit_per_minute = 6000;
  config->rate_limit_burst = 600;
  config->max_mentees = 3;
}

static gboolean
is_known_key (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (uint_keys); i++)
    {
      if (g_str_equal (key, uint_keys[i].key))
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_keys (GKeyFile  *keyfile,
            GError   **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (keyfile, GROUP, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!is_known_key (keys[i]))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                       "[%s] %s: unknown key", GROUP, keys[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * pulse_server_config_load:
 * @keyfile: a parsed config file
 *
 * Overrides the values in @config with those of @keyfile's `[server]`
 * group. Unknown keys and values out of range are errors naming the key;
 * @config is left untouched then.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_server_config_load (PulseServerConfig  *config,
                          GKeyFile           *keyfile,
                          GError            **error)
{
  PulseServerConfig loaded = *config;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (keyfile != NULL, FALSE);

  if (!check_keys (keyfile, error))
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (uint_keys); i++)
    {
      const UintKey *k = &uint_keys[i];
      g_autoptr(GError) local_error = NULL;
      guint64 value;

      if (!g_key_file_has_key (keyfile, GROUP, k->key, NULL))
        continue;

      value = g_key_file_get_uint64 (keyfile, GROUP, k->key, &local_error);
      if (local_error != NULL || value < k->min || value > k->max)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "[%s] %s: expected a whole number from %u to %u", GROUP, k->key,
                       k->min, k->max);
          return FALSE;
        }

      G_STRUCT_MEMBER (guint, &loaded, k->offset) = (guint) value;
    }

  *config = loaded;
  return TRUE;
}

/**
 * pulse_server_config_load_file:
 * @path: a GKeyFile
 *
 * Like pulse_server_config_load(), from a file.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_server_config_load_file (PulseServerConfig  *config,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  if (!pulse_server_config_load (config, keyfile, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  return TRUE;
}
