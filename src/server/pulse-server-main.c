/* pulse-server-main.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   pulse-server [--listen HOST:PORT] [--db PATH] [--config FILE]
 *                [--simulate [--seed N] [--speed X] [--backfill DAYS]
 *                 [--simulate-config FILE] [--simulate-start TIME]]
 *                [--bridge rt --rt-url URL --rt-user USER [--rt-password-file FILE]
 *                 [--rt-poll SECONDS] [--rt-channel QUEUE=CHANNEL …]]
 *   pulse-server token add --user NAME --role ROLE [--db PATH]
 *   pulse-server token list [--db PATH]
 *   pulse-server token revoke ID [--db PATH]
 */

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-rt-bridge.h"
#include "pulse-server-draw.h"
#include "pulse-server-sampling.h"
#include "pulse-server-schema.h"
#include "pulse-sim-driver.h"
#include "pulse-time-utils.h"
#include "pulse-token-store.h"
#include "pulse-server-token-command.h"
#include "pulse-server.h"

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
split_listen (const char  *listen,
              char       **host,
              guint       *port,
              GError     **error)
{
  const char *colon = strrchr (listen, ':');
  guint64 value;

  if (colon == NULL ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--listen wants HOST:PORT, got “%s”", listen);
      return FALSE;
    }

  *host = g_strndup (listen, colon - listen);
  /* Accept [::1]:PORT for IPv6 literals. */
  if ((*host)[0] == '[')
    {
      char *bare = g_strndup (*host + 1, strlen (*host) - 2);

      g_free (*host);
      *host = bare;
    }

  *port = (guint) value;
  return TRUE;
}

/* For `pulse --demo`: a token that dies with a throw-away database,
 * printed on stdout for the parent that reads our pipe. */
static gboolean
print_ephemeral_token (PulseDb     *db,
                       const char  *db_path,
                       const char  *role_nick,
                       GError     **error)
{
  g_autoptr(PulseTokenStore) tokens = NULL;
  g_autofree char *token = NULL;
  int role;

  if (g_strcmp0 (db_path, ":memory:") != 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--ephemeral-token needs --db :memory:");
      return FALSE;
    }

  if (!pulse_enum_from_nick (PULSE_TYPE_ROLE, role_nick, &role))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "unknown role “%s”", role_nick);
      return FALSE;
    }

  tokens = pulse_token_store_new (db);
  token = pulse_token_store_add (tokens, "demo", role, NULL, error);
  if (token == NULL)
    return FALSE;

  g_print ("token %s\n", token);
  return TRUE;
}

/* --simulate and its options. */
typedef struct
{
  gboolean  enabled;
  gint64    seed;
  double    speed;
  int       backfill_days;
  char     *config_path;
  char     *start;
} SimulateOptions;

/* The simulator writes through the server's own ingest; its seed (the
 * directory, rules, the plan) goes in before we say where we listen, so
 * the first client already sees the operation. */
static PulseSimulator *
start_simulator (PulseServer            *server,
                 const SimulateOptions  *options,
                 GError                **error)
{
  g_autoptr(PulseSimConfig) config = NULL;
  g_autoptr(PulseSimulator) simulator = NULL;
  gint64 anchor = g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC;

  if (options->speed < 0 || options->speed > 100000)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--speed must be from 0 to 100000, got %g", options->speed);
      return NULL;
    }
  if (options->backfill_days < 0 || options->backfill_days > 400)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--backfill must be 0 to 400 days, got %d", options->backfill_days);
      return NULL;
    }
  if (options->start != NULL && !pulse_time_parse (options->start, &anchor))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--simulate-start wants an RFC 3339 time, got “%s”", options->start);
      return NULL;
    }

  config = pulse_simulator_load_config (options->config_path, error);
  if (config == NULL)
    return NULL;

  simulator = pulse_simulator_new (server, pulse_sim_model_new (g_steal_pointer (&config),
                                                                (guint64) options->seed,
                                                                anchor));
  if (!pulse_simulator_seed (simulator, options->backfill_days, error))
    return NULL;

  return g_steal_pointer (&simulator);
}

/* --bridge and its options. The secret never comes from the command
 * line, where `ps` shows it to everyone. */
typedef struct
{
  char    *name;
  char    *url;
  char    *user;
  char    *password_file;
  double   poll_seconds;
  double   max_backoff_seconds;
  char   **channels;
  char    *country;
  char    *language;
} BridgeOptions;

static char *
read_secret (const BridgeOptions  *options,
             gboolean             *is_token,
             GError              **error)
{
  g_autofree char *contents = NULL;

  *is_token = FALSE;
  if (options->password_file != NULL)
    {
      if (!g_file_get_contents (options->password_file, &contents, NULL, error))
        return NULL;
      return g_strdup (g_strchomp (contents));
    }
  if (g_getenv ("PULSE_RT_TOKEN") != NULL)
    {
      *is_token = TRUE;
      return g_strdup (g_getenv ("PULSE_RT_TOKEN"));
    }
  return g_strdup (g_getenv ("PULSE_RT_PASSWORD"));
}

static PulseRtBridge *
start_bridge (PulseServer          *server,
              const BridgeOptions  *options,
              GError              **error)
{
  g_autoptr(GHashTable) channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *secret = NULL;
  PulseRtBridgeOptions rt = { options->url, options->user, NULL, FALSE,
                              (guint) (options->poll_seconds * 1000),
                              (guint) (CLAMP (options->max_backoff_seconds, 1, 3600) * 1000),
                              channels,
                              options->country, options->language };
  PulseRtBridge *bridge;

  if (!g_str_equal (options->name, "rt"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--bridge: unknown helpdesk “%s” (known: rt)", options->name);
      return NULL;
    }
  for (char **c = options->channels; c != NULL && *c != NULL; c++)
    {
      const char *equals = strrchr (*c, '=');

      if (equals == NULL || equals == *c)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--rt-channel wants QUEUE=CHANNEL, got “%s”", *c);
          return NULL;
        }
      g_hash_table_insert (channels, g_strndup (*c, equals - *c), g_strdup (equals + 1));
    }

  secret = read_secret (options, &rt.secret_is_token, error);
  if (secret == NULL && options->password_file != NULL)
    return NULL;
  rt.secret = secret;
  bridge = pulse_rt_bridge_new (server, &rt, error);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  if (bridge != NULL)
    pulse_rt_bridge_start (bridge);
  return bridge;
}

static int
serve (const char            *listen,
       const char            *db_path,
       const char            *config_path,
       const char            *ephemeral_role,
       const SimulateOptions *simulate,
       const BridgeOptions   *bridge_options)
{
  g_autoptr(PulseSimulator) simulator = NULL;
  g_autoptr(PulseRtBridge) bridge = NULL;
  PulseServerConfig config;
  g_autofree char *host = NULL;
  g_autofree char *url = NULL;
  g_autoptr(PulseDb) db = NULL;
  g_autoptr(PulseServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  guint port = 0;

  if (!split_listen (listen != NULL ? listen : "127.0.0.1:8787", &host, &port, &error))
    {
      g_printerr ("pulse-server: %s\n", error->message);
      return 2;
    }

  pulse_server_config_init_defaults (&config);
  if (config_path != NULL && !pulse_server_config_load_file (&config, config_path, &error))
    {
      g_printerr ("pulse-server: %s\n", error->message);
      return 2;
    }

  db = pulse_server_schema_open (db_path, &error);
  if (db == NULL)
    {
      g_printerr ("pulse-server: %s\n", error->message);
      return 1;
    }

  /* Install the handlers before saying where we listen: whoever reads that
   * line may stop us at once, and must get a clean shutdown. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);

  if (ephemeral_role != NULL && !print_ephemeral_token (db, db_path, ephemeral_role, &error))
    {
      g_printerr ("pulse-server: %s\n", error->message);
      return 2;
    }

  server = pulse_server_new (db);
  pulse_server_set_config (server, &config);
  if (simulate->enabled)
    {
      simulator = start_simulator (server, simulate, &error);
      if (simulator == NULL)
        {
          g_printerr ("pulse-server: --simulate: %s\n", error->message);
          return 2;
        }
    }

  /* QA can grade at once on a new server; a simulation draws its own. */
  if (!pulse_server_draw_seed_scorecard (server, &error))
    {
      g_printerr ("pulse-server: %s\n", error->message);
      return 1;
    }
  if (simulator == NULL)
    pulse_server_draw_start_weekly (server);

  if (!pulse_server_listen (server, host, port, &error))
    {
      g_printerr ("pulse-server: cannot listen on %s:%u: %s\n", host, port, error->message);
      return 1;
    }

  /* Tests and `pulse --demo` read this line to find the chosen port. */
  url = pulse_server_dup_url (server);
  g_print ("listening on %s\n", url);
  fflush (stdout);

  if (simulator != NULL)
    pulse_simulator_run (simulator, simulate->speed, simulate->backfill_days);

  if (bridge_options->name != NULL)
    {
      bridge = start_bridge (server, bridge_options, &error);
      if (bridge == NULL)
        {
          g_printerr ("pulse-server: --bridge: %s\n", error->message);
          return 2;
        }
    }

  g_main_loop_run (loop);
  if (bridge != NULL)
    pulse_rt_bridge_stop (bridge);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *listen = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *ephemeral_role = NULL;
  SimulateOptions simulate = { FALSE, 1, 1.0, 0, NULL, NULL };
  BridgeOptions bridge = { NULL, NULL, NULL, NULL, 5.0, 60.0, NULL, NULL, NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen,
      "Address to listen on (default 127.0.0.1:8787; port 0 picks a free one)", "HOST:PORT" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      "Database file (default $XDG_DATA_HOME/pulse-server/pulse.db; :memory: keeps "
      "nothing)", "PATH" },
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_path,
      "Settings file (GKeyFile; see docs/protocol.md, Server configuration)", "FILE" },
    { "ephemeral-token", 0, 0, G_OPTION_ARG_STRING, &ephemeral_role,
      "Print a token of ROLE for this run (with --db :memory: only)", "ROLE" },
    { "simulate", 0, 0, G_OPTION_ARG_NONE, &simulate.enabled,
      "Run a simulated contact centre into this server (docs/simulator.md)", NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &simulate.seed,
      "The simulation's seed (default 1): the same seed gives the same operation", "N" },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &simulate.speed,
      "Simulated seconds per second (default 1; 60 runs a minute a second; 0 stops the "
      "clock)", "X" },
    { "backfill", 0, 0, G_OPTION_ARG_INT, &simulate.backfill_days,
      "Write DAYS of history first, newest first, while serving (default 0)", "DAYS" },
    { "simulate-config", 0, 0, G_OPTION_ARG_FILENAME, &simulate.config_path,
      "The operation to simulate (default: the built-in data/pulse-simulator.conf)", "FILE" },
    { "simulate-start", 0, 0, G_OPTION_ARG_STRING, &simulate.start,
      "The simulated clock's start (default now), RFC 3339", "TIME" },
    { "bridge", 0, 0, G_OPTION_ARG_STRING, &bridge.name,
      "Follow a helpdesk and ingest what it does (rt: Request Tracker 5; docs/bridges/rt.md)",
      "NAME" },
    { "rt-url", 0, 0, G_OPTION_ARG_STRING, &bridge.url,
      "RT's base URL, with its WebPath", "URL" },
    { "rt-user", 0, 0, G_OPTION_ARG_STRING, &bridge.user, "The RT user the bridge reads as",
      "USER" },
    { "rt-password-file", 0, 0, G_OPTION_ARG_FILENAME, &bridge.password_file,
      "A file holding that user's password (else $PULSE_RT_PASSWORD, or a token in "
      "$PULSE_RT_TOKEN)", "FILE" },
    { "rt-poll", 0, 0, G_OPTION_ARG_DOUBLE, &bridge.poll_seconds,
      "Seconds between polls when RT has nothing new (default 5)", "SECONDS" },
    { "rt-max-backoff", 0, 0, G_OPTION_ARG_DOUBLE, &bridge.max_backoff_seconds,
      "The longest wait between retries while RT is down (default 60, 1 to 3600)", "SECONDS" },
    { "rt-channel", 0, 0, G_OPTION_ARG_STRING_ARRAY, &bridge.channels,
      "The channel of an RT queue (default email); repeat for each queue", "QUEUE=CHANNEL" },
    { "rt-country", 0, 0, G_OPTION_ARG_STRING, &bridge.country,
      "The country of the RT queues (default UA)", "CC" },
    { "rt-language", 0, 0, G_OPTION_ARG_STRING, &bridge.language,
      "The language of the RT queues (default uk)", "LANG" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("[token add|list|revoke …] — the Pulse reference helpdesk server");
  g_option_context_add_main_entries (context, entries, NULL);
  /* Stop at the first command word; the token command parses the rest. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_description (context,
    "Token commands:\n"
    "  token add --user NAME --role ROLE   make a token; it is printed once\n"
    "  token list                          list tokens (never the tokens themselves)\n"
    "  token revoke ID                     revoke a token by the id that list shows\n"
    "Roles: head, lead, qa, planner, viewer, integration.\n");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("pulse-server: %s\n", error->message);
      return 2;
    }

  if (argc > 1 && g_str_equal (argv[1], "token"))
    return pulse_server_token_command (db_path, argc - 1, argv + 1);

  if (argc > 1)
    {
      g_printerr ("pulse-server: unknown command “%s”; see --help\n", argv[1]);
      return 2;
    }

  status = serve (listen, db_path, config_path, ephemeral_role, &simulate, &bridge);
  g_free (simulate.config_path);
  g_free (simulate.start);
  g_free (bridge.name);
  g_free (bridge.url);
  g_free (bridge.user);
  g_free (bridge.password_file);
  g_strfreev (bridge.channels);
  g_free (bridge.country);
  g_free (bridge.language);
  return status;
}
