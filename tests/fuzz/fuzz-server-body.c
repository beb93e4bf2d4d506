/* fuzz-server-body.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's request bodies: what `POST /api/v1/ingest/…` and the item
 * routes' POST and PUT do with a body once it is JSON, against a fresh
 * in-memory database holding a small directory (docs/protocol.md's
 * ingest example). The first byte picks the route: an ingest endpoint,
 * or an item collection to create in (and, with the top bit set, to
 * update the item just created with the same body). The rest is the
 * body.
 *
 * Checks: a refusal carries an error; what the server stores and answers
 * reads back as an item of its kind in strict mode.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "pulse-item-kind.h"
#include "pulse-json.h"
#include "pulse-server-ingest-private.h"
#include "pulse-server-items-private.h"
#include "pulse-server-schema.h"
#include "pulse-server.h"

static const char * const ingest_routes[] = {
  "tickets", "messages", "ratings", "agent-status", "applications", "directory",
};

/* Who the references of the corpus' items point at. */
static const char directory[] =
  "{\"teams\": [{\"id\": \"team-ua\", \"name\": \"Ukraine\", \"lead_id\": \"agent-7\","
  " \"timezone\": \"Europe/Kyiv\"}],"
  " \"queues\": [{\"id\": \"q-ua-chat\", \"name\": \"Ukraine · chat\", \"channel\": \"chat\","
  " \"country\": \"UA\", \"language\": \"uk\", \"timezone\": \"Europe/Kyiv\","
  " \"team_id\": \"team-ua\", \"sl_target_seconds\": 20, \"sl_goal\": 0.8}],"
  " \"agents\": [{\"id\": \"agent-7\", \"name\": \"Olena K.\", \"team_id\": \"team-ua\","
  " \"position\": \"agent\", \"status\": \"available\","
  " \"status_since\": \"2026-11-20T08:00:00Z\", \"channels\": [\"chat\", \"email\"],"
  " \"languages\": [\"uk\"]},"
  " {\"id\": \"agent-8\", \"name\": \"Taras M.\", \"team_id\": \"team-ua\","
  " \"position\": \"agent\", \"status\": \"offline\","
  " \"status_since\": \"2026-11-20T08:00:00Z\", \"channels\": [\"chat\"],"
  " \"languages\": [\"uk\"], \"hired_at\": \"2026-11-02T08:00:00Z\"}]}";

/* A ticket for messages and ratings to go to (the same example). */
static const char ticket[] =
  "{\"id\": \"t-1001\", \"queue_id\": \"q-ua-chat\", \"channel\": \"chat\","
  " \"subject\": \"Картку заблоковано\", \"customer_id\": \"c-42\", \"status\": \"open\","
  " \"language\": \"uk\", \"created_at\": \"2026-11-20T09:30:00Z\", \"messages\": [{\"id\":"
  " \"m-1\", \"author_kind\": \"customer\", \"at\": \"2026-11-20T09:30:00Z\","
  " \"body\": \"Мою картку заблоковано, що робити?\"}]}";

static PulseTokenInfo who = { (char *) "tok-fuzz", (char *) "fuzz", PULSE_ROLE_HEAD, 0, 0 };

static void
seed (PulseServer *server,
      const char  *route,
      const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = pulse_json_parse (text, -1, &error);
  guint received;

  if (body == NULL || !_pulse_server_ingest_body (server, route, &who, body, &received, &error))
    g_error ("the fuzz target's %s: %s", route, error->message);
}

static PulseServer *
new_server (PulseDb **db)
{
  g_autoptr(GError) error = NULL;
  PulseServer *server;

  *db = pulse_db_open (":memory:", pulse_server_schema_get_migrations (), &error);
  g_assert (*db != NULL);
  server = pulse_server_new (*db);
  seed (server, "directory", directory);
  seed (server, "tickets", ticket);
  return server;
}

/* The server's answer is an item of its kind, canonical and strict. */
static void
check_answer (const PulseItemKind *kind,
              JsonNode            *answer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) item = NULL;
  gboolean previous;

  if (answer == NULL)
    {
      fprintf (stderr, "a %s change committed without an answer\n", kind->kind);
      abort ();
    }

  previous = pulse_json_set_strict (TRUE);
  item = kind->decode (answer, &error);
  pulse_json_set_strict (previous);
  if (item == NULL)
    {
      g_autofree char *text = pulse_json_to_string (answer);

      fprintf (stderr, "the stored %s does not read back: %s\n  %s\n", kind->kind,
               error->message, text);
      abort ();
    }
}

static void
check_refusal (gboolean    ok,
               GError     *error,
               const char *what)
{
  if (!ok && error == NULL)
    {
      fprintf (stderr, "%s failed without an error\n", what);
      abort ();
    }
  if (!ok)
    g_message ("%s refused it: %s", what, error->message);
}

static void
run_ingest (PulseServer *server,
            const char  *route,
            JsonNode    *body)
{
  g_autoptr(GError) error = NULL;
  guint received = 0;
  gboolean ok = _pulse_server_ingest_body (server, route, &who, body, &received, &error);

  check_refusal (ok, error, route);
}

/* POST, then with @update a PUT of the same body on what it made. */
static void
run_items (PulseServer         *server,
           const PulseItemKind *kind,
           JsonNode            *body,
           gboolean             update)
{
  g_autoptr(PulseServerMutation) m = g_new0 (PulseServerMutation, 1);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  m->server = server;
  m->who = g_new0 (PulseTokenInfo, 1);
  m->who->id = g_strdup (who.id);
  m->who->user = g_strdup (who.user);
  m->who->role = who.role;
  m->kind = kind;
  m->if_match = -1;
  m->input = json_node_ref (body);
  pulse_server_mutation_set_id (m, pulse_server_mutation_input_id (m));
  ok = _pulse_server_items_apply (m, TRUE, &error);
  check_refusal (ok, error, kind->collection);
  if (!ok)
    return;

  check_answer (kind, m->answer);
  if (!update)
    return;

  g_clear_pointer (&m->answer, json_node_unref);
  m->if_match = 1;
  ok = _pulse_server_items_apply (m, FALSE, &error);
  check_refusal (ok, error, kind->collection);
  if (ok)
    check_answer (kind, m->answer);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(PulseDb) db = NULL;
  g_autoptr(PulseServer) server = NULL;
  g_autoptr(JsonNode) body = NULL;
  const PulseItemKind *kinds;
  guint n_kinds;
  guint route;

  pulse_fuzz_setup ();
  if (size == 0)
    return 0;

  body = pulse_json_parse ((const char *) data + 1, size - 1, NULL);
  if (body == NULL)
    return 0;

  kinds = pulse_item_kind_get_all (&n_kinds);
  route = (data[0] & 0x7f) % (G_N_ELEMENTS (ingest_routes) + n_kinds);
  /* The item routes take objects only (pulse_server_mutation_read_input). */
  if (route >= G_N_ELEMENTS (ingest_routes) && !JSON_NODE_HOLDS_OBJECT (body))
    return 0;

  server = new_server (&db);
  if (route < G_N_ELEMENTS (ingest_routes))
    run_ingest (server, ingest_routes[route], body);
  else
    run_items (server, &kinds[route - G_N_ELEMENTS (ingest_routes)], body,
               (data[0] & 0x80) != 0);

  return 0;
}
