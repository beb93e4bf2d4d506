/* test-outbox-order.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseOutbox keeps the order the user saved in: a create, an update and
 * a delete of one item reach the server in that order, each on the
 * version the one before gave, through a 503, a dead server and a
 * rate limit in between.
 */

#include "config.h"

#include "pulse-server.h"
#include "pulse-test-outbox.h"

#define RULE(name, enabled) \
  "{\"id\":\"rule-card\",\"name\":\"" name "\",\"position\":1,\"enabled\":" enabled "," \
  "\"actions\":[{\"kind\":\"tag\",\"value\":\"card-blocked\"}]}"

typedef struct
{
  TestOutbox *f;
  guint       n_acks;
} Chain;

/* Each acknowledgement brings the next failure: the server stops after
 * the update, so the delete finds nobody listening. */
static void
on_acknowledged_cb (PulseOutbox *outbox,
                    gint64       entry_id,
                    const char  *kind,
                    const char  *id,
                    JsonNode    *answer,
                    const char  *method,
                    Chain       *chain)
{
  if (++chain->n_acks == 2)
    test_outbox_stop_server (chain->f);
}

/* POST, a PUT refused with 503 and retried, then DELETEs that find no
 * server until the last. */
static void
assert_chain_on_wire (TestOutbox *f)
{
  const char *expected[][3] = {
    { "POST", NULL, "201" },
    { "PUT", "1", "503" },
    { "PUT", "1", "200" },
    { "DELETE", "2", "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      TestWire *wire = test_outbox_wire (f, i);

      g_assert_cmpstr (wire->method, ==, expected[i][0]);
      g_assert_cmpstr (wire->if_match, ==, expected[i][1]);
      g_assert_cmpuint (wire->status, ==, g_ascii_strtoull (expected[i][2], NULL, 10));
    }
  for (guint i = G_N_ELEMENTS (expected); i < f->wire->len; i++)
    {
      TestWire *wire = test_outbox_wire (f, i);

      g_assert_cmpstr (wire->method, ==, "DELETE");
      g_assert_cmpstr (wire->if_match, ==, "2");
      g_assert_cmpuint (wire->status, ==, i + 1 < f->wire->len ? 0 : 200);
    }
}

static void
test_chain_with_failures (TestOutbox    *f,
                          gconstpointer  data)
{
  const char *methods[] = { "POST", "PUT", "DELETE" };
  g_autoptr(PulseTestResponse) gone = NULL;
  Chain chain = { f, 0 };
  gint64 ids[3];

  test_outbox_start (f, PULSE_ROLE_LEAD);
  g_signal_connect (f->outbox, "acknowledged", G_CALLBACK (on_acknowledged_cb), &chain);
  ids[0] = test_outbox_submit (f, "POST", "rule", "rule-card", 0, RULE ("Card", "true"));
  ids[1] = test_outbox_submit (f, "PUT", "rule", "rule-card", 0, RULE ("Card", "false"));
  ids[2] = test_outbox_submit (f, "DELETE", "rule", "rule-card", 0, NULL);
  test_outbox_fail_next (f, "PUT", 1);
  pulse_outbox_set_online (f->outbox, TRUE);

  /* The delete fails while the server is away, and keeps failing. */
  test_outbox_wait_signals (f, 2);
  test_outbox_wait_wire (f, 5);
  g_assert_cmpuint (pulse_outbox_get_n_failed (f->outbox), ==, 1);
  g_assert_cmpuint (pulse_outbox_get_n_pending (f->outbox), ==, 0);

  test_outbox_start_server (f);
  test_outbox_wait_signals (f, 3);
  test_outbox_wait_counts (f, 0, 0, 0, 0);
  assert_chain_on_wire (f);

  /* Acknowledged in order, at versions 1, 2 and 3. */
  for (guint i = 0; i < 3; i++)
    {
      TestSignal *ack = test_outbox_signal (f, i);

      g_assert_cmpstr (ack->name, ==, "acknowledged");
      g_assert_cmpstr (ack->message, ==, methods[i]);
      g_assert_cmpint (ack->entry_id, ==, ids[i]);
      g_assert_cmpstr (ack->kind, ==, "rule");
      g_assert_cmpstr (ack->id, ==, "rule-card");
      g_assert_cmpint (test_member_int (ack->json, "version"), ==, i + 1);
    }
  gone = test_outbox_get (f, "/api/v1/rules/rule-card");
  g_assert_cmpuint (gone->status, ==, 404);
}

/* A rate limit in the middle of two items' chains: nothing overtakes the
 * entry that waits, so each item's edits stay in order. */
static void
test_rate_limit_keeps_order (TestOutbox    *f,
                             gconstpointer  data)
{
  const char *expected[][2] = {
    { "POST", "/api/v1/rules" },
    { "POST", "/api/v1/templates" },
    { "POST", "/api/v1/templates" },
    { "PUT", "/api/v1/rules/rule-card" },
  };
  g_autoptr(PulseTestResponse) rule = NULL;
  PulseServerConfig config;

  pulse_server_config_init_defaults (&config);
  config.rate_limit_per_minute = 60;
  config.rate_limit_burst = 1;
  pulse_server_set_config (f->server->server, &config);

  test_outbox_start (f, PULSE_ROLE_LEAD);
  test_outbox_submit (f, "POST", "rule", "rule-card", 0, RULE ("Card", "true"));
  test_outbox_submit (f, "POST", "template", "tpl-a", 0, TEST_TEMPLATE ("tpl-a", "A"));
  test_outbox_submit (f, "PUT", "rule", "rule-card", 0, RULE ("Card", "false"));
  pulse_outbox_set_online (f->outbox, TRUE);
  test_outbox_wait_signals (f, 3);
  test_outbox_wait_counts (f, 0, 0, 0, 0);

  g_assert_cmpuint (f->wire->len, >=, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (test_outbox_wire (f, i)->method, ==, expected[i][0]);
      g_assert_cmpstr (test_outbox_wire (f, i)->path, ==, expected[i][1]);
    }
  g_assert_cmpuint (test_outbox_wire (f, 1)->status, ==, 429);
  g_assert_cmpuint (test_outbox_wire (f, 2)->status, ==, 201);

  rule = test_outbox_get (f, "/api/v1/rules/rule-card");
  g_assert_cmpint (test_member_int (rule->body, "version"), ==, 2);
  g_assert_false (json_object_get_boolean_member (pulse_test_response_object (rule), "enabled"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TestOutbox, NULL, test_outbox_set_up, func, test_outbox_tear_down)

  ADD ("/pulse/session/outbox/order/chain-with-failures", test_chain_with_failures);
  ADD ("/pulse/session/outbox/order/rate-limit-keeps-order", test_rate_limit_keeps_order);

  return g_test_run ();
}
