/* pulse-server-schema.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server database, one migration per schema version. Never edit a
 * migration that has shipped; add the next one.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "pulse-server-schema.h"

static const char * const migrations[] = {
  /* 1: API tokens, stored as SHA-256 hashes only. `id` is the first twelve
   * hex digits of the hash: enough to name a token in `token revoke`, too
   * little to guess it. */
  "CREATE TABLE token ("
  "  id TEXT PRIMARY KEY,"
  "  hash TEXT NOT NULL UNIQUE,"
  "  user TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  revoked_at INTEGER"
  ") STRICT;",

  /* 2: the event log. Every state change appends one row in the same
   * transaction as the change; `seq` only grows (AUTOINCREMENT never
   * reuses a number, even after the newest rows are pruned). */
  "CREATE TABLE event ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  type TEXT NOT NULL,"
  "  at INTEGER NOT NULL,"
  "  data TEXT NOT NULL"
  ") STRICT;",

  /* 3: what leads, QA and planners manage (rules, templates, scorecards,
   * mentorships, shifts, reviews), each stored as its canonical JSON; who
   * changed what (audit); and the answers to retried requests
   * (idempotency), kept 24 hours with a digest of the request they answered,
   * so a key reused for another request is refused. */
  "CREATE TABLE item ("
  "  kind TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, id)"
  ") STRICT;"
  "CREATE TABLE audit ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at INTEGER NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity_type TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  entity_version INTEGER NOT NULL,"
  "  before TEXT,"
  "  after TEXT"
  ") STRICT;"
  "CREATE INDEX audit_entity ON audit (entity_type, entity_id);"
  "CREATE TABLE idempotency ("
  "  token_id TEXT NOT NULL,"
  "  key TEXT NOT NULL,"
  "  request TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  response TEXT NOT NULL,"
  "  PRIMARY KEY (token_id, key)"
  ") STRICT;",

  /* 4: the helpdesk state that ingest feeds. A ticket is its canonical
   * JSON (with messages and ratings) plus the columns queries need;
   * `updated_at` (µs) never moves back, so history pages ordered by
   * (updated_at, id) skip nothing. The directory holds queues, teams,
   * agents and channels the same way. Loan applications are daily counts
   * per country ("YYYY-MM-DD"); agent status history keeps every reported
   * change for adherence. */
  "CREATE TABLE ticket ("
  "  id TEXT PRIMARY KEY,"
  "  version INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  customer_id TEXT NOT NULL,"
  "  queue_id TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  body TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX ticket_history ON ticket (updated_at, id);"
  "CREATE INDEX ticket_status ON ticket (status, updated_at);"
  "CREATE TABLE directory ("
  "  kind TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (kind, id)"
  ") STRICT;"
  "CREATE TABLE application ("
  "  day TEXT NOT NULL,"
  "  country TEXT NOT NULL,"
  "  count INTEGER NOT NULL,"
  "  PRIMARY KEY (day, country)"
  ") STRICT;"
  "CREATE TABLE agent_status ("
  "  agent_id TEXT NOT NULL,"
  "  since INTEGER NOT NULL,"
  "  status TEXT NOT NULL,"
  "  PRIMARY KEY (agent_id, since)"
  ") STRICT;",

  /* 5: tickets by creation, for /api/v1/metrics: it pages through a
   * window of contacts by (created_at, id) without reading the rest. */
  "CREATE INDEX ticket_created ON ticket (created_at, id);",

  /* 6: where each bridge stopped reading its helpdesk (the RT bridge: the
   * last RT transaction id ingested), written in the same transaction as
   * what it ingested, so a crash between fetch and commit re-reads and
   * nothing is ingested twice. `source` names the helpdesk (its URL). */
  "CREATE TABLE bridge_cursor ("
  "  source TEXT PRIMARY KEY,"
  "  cursor INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ") STRICT;",
  NULL
};

/**
 * pulse_server_schema_get_migrations:
 *
 * Returns: (transfer none): the migrations for pulse_db_open().
 */
const char * const *
pulse_server_schema_get_migrations (void)
{
  return migrations;
}

/**
 * pulse_server_schema_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/pulse-server/pulse.db`.
 */
char *
pulse_server_schema_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pulse-server", "pulse.db", NULL);
}

/**
 * pulse_server_schema_open:
 * @path: (nullable): the database file, ":memory:" for a throw-away one,
 *   or %NULL for pulse_server_schema_default_path()
 *
 * Opens the server database, creating its folder (private to the user)
 * and migrating it to the current schema.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL on error.
 */
PulseDb *
pulse_server_schema_open (const char  *path,
                          GError     **error)
{
  g_autofree char *fallback = NULL;
  g_autofree char *dir = NULL;

  if (path == NULL)
    path = fallback = pulse_server_schema_default_path ();

  dir = g_path_get_dirname (path);
  if (!g_str_equal (path, ":memory:") && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot create %s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }

  return pulse_db_open (path, migrations, error);
}
