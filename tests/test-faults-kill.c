/* test-faults-kill.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kill -9 at seeded points: pulse-server killed while it ingests and
 * takes the console's edits, then started again on its port and
 * database; the console (a child process, pulse-test-client-child.h)
 * killed while it applies batches and holds edits in its outbox, then
 * started again from its cache. After each round the console converges to
 * the server's snapshot and no saved edit is lost or applied twice.
 */

#include "config.h"

#include "pulse-test-child-server.h"
#include "pulse-test-client-child.h"
#include "pulse-test-faults.h"
#include "pulse-test-sync.h"
#include "pulse-test-writer.h"

#define MAX_EDITS   100000   /* the round's length bounds them */
#define MANY_WRITES 1000000  /* the writer writes until told to stop */

typedef struct
{
  PulseTestChildServer *server;
  PulseTestWriter      *writer;
  GRand                *rand;
  guint32               seed;
  char                 *dir;
  char                 *cache_path;
  GPtrArray            *saved;       /* PulseTestEdited, every round's */
  guint                 server_kills;
  guint                 client_kills;
} Kill;

static gboolean
writer_done (gpointer data)
{
  return pulse_test_writer_is_done (data);
}

static PulseTestClientChild *
spawn_client (Kill       *k,
              const char *prefix)
{
  PulseTestClientArgs args = {
    .url = k->server->ts.url,
    .token = pulse_test_server_get_token (&k->server->ts, PULSE_ROLE_HEAD),
    .cache_path = k->cache_path,
    .prefix = prefix,
    .seed = g_rand_int (k->rand),
    .max_edits = MAX_EDITS,
  };
  PulseTestClientChild *client = pulse_test_client_child_spawn (&args, k->saved);

  pulse_test_client_child_wait_live (client);
  return client;
}

/* One round: a busy stream and edits, one kill at a seeded point (of the
 * server or of the console), more of the same after the restart, then
 * quiet until the console converges. */
static void
run_round (Kill  *k,
           guint  round)
{
  g_autofree char *prefix = g_strdup_printf ("tpl-r%u", round);
  g_autofree char *prefix_b = g_strdup_printf ("tpl-r%ub", round);
  g_autoptr(PulseTestClientChild) client = spawn_client (k, prefix);
  gboolean kill_server = g_rand_boolean (k->rand);
  guint before = g_rand_int_range (k->rand, 1, 60);
  guint after = g_rand_int_range (k->rand, 1, 30);
  SyncFixture fixture = { .ts = &k->server->ts };
  gint64 seq;

  pulse_test_writer_start (k->writer, MANY_WRITES);
  pulse_test_client_child_wait_lines (client, before);
  if (kill_server)
    {
      pulse_test_child_server_kill (k->server);
      pulse_test_child_server_start (k->server);
      k->server_kills++;
    }
  else
    {
      pulse_test_client_child_kill (client);
      g_clear_pointer (&client, pulse_test_client_child_free);
      client = spawn_client (k, prefix_b);
      k->client_kills++;
    }
  pulse_test_client_child_wait_lines (client, after);

  pulse_test_writer_start (k->writer, 0);
  pulse_test_wait_for (writer_done, k->writer, PULSE_TEST_FAULTS_WAIT_MS);
  seq = pulse_test_sync_server_seq (&fixture);
  pulse_test_client_child_converge (client, seq);
  g_test_message ("round %u: %s killed after %u lines, %u more after; server seq %"
                  G_GINT64_FORMAT ", %u edits saved so far on %u templates", round,
                  kill_server ? "server" : "console", before, after, seq, client->n_saved,
                  k->saved->len);

  pulse_test_assert_edits (&k->server->ts, k->saved, FALSE);
  pulse_test_assert_audit_once (&k->server->ts);
}

static void
edited_free (PulseTestEdited *item)
{
  g_free (item->id);
  g_free (item);
}

static void
test_kill_rounds (void)
{
  Kill k = { 0 };
  g_autoptr(GError) error = NULL;
  guint rounds = pulse_test_faults_knob ("PULSE_FAULT_ROUNDS", 6);

  k.seed = pulse_test_faults_seed ();
  k.rand = g_rand_new_with_seed (k.seed);
  k.server = pulse_test_child_server_new ();
  k.writer = pulse_test_writer_new (&k.server->ts, k.seed);
  k.dir = g_dir_make_tmp ("pulse-test-kill-XXXXXX", &error);
  g_assert_no_error (error);
  k.cache_path = g_build_filename (k.dir, "cache.db", NULL);
  k.saved = g_ptr_array_new_with_free_func ((GDestroyNotify) edited_free);
  pulse_test_writer_seed (k.writer);
  pulse_test_writer_set_tolerant (k.writer, TRUE);

  for (guint round = 0; round < rounds; round++)
    run_round (&k, round);
  g_test_message ("%u rounds: server killed %u times, console %u times; %u writes, %u failed",
                  rounds, k.server_kills, k.client_kills,
                  pulse_test_writer_get_n_written (k.writer),
                  pulse_test_writer_get_n_failed (k.writer));
  g_assert_cmpuint (k.saved->len, >, 0);

  g_ptr_array_unref (k.saved);
  pulse_test_writer_free (k.writer);
  pulse_test_child_server_free (k.server);
  pulse_test_remove_dir (k.dir);
  g_free (k.dir);
  g_free (k.cache_path);
  g_rand_free (k.rand);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1 && g_str_equal (argv[1], "--client"))
    return pulse_test_client_child_main (argc, argv);

  g_test_init (&argc, &argv, NULL);
  pulse_test_faults_quiet ();

  g_test_add_func ("/pulse/faults/kill/rounds", test_kill_rounds);

  return g_test_run ();
}
