/* test-ticket-memo.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pulse_ticket_memo_decode(): one ticket per node inside a main-loop
 * dispatch, a fresh decode anywhere else.
 */

#include "config.h"

#include "pulse-ticket-memo.h"
#include "test-kpi-view-util.h"

typedef struct
{
  JsonNode    *first;
  JsonNode    *second;
  PulseTicket *tickets[4];
  gboolean     done;
} Decodes;

static gboolean
decode_in_dispatch_cb (gpointer user_data)
{
  Decodes *d = user_data;

  d->tickets[0] = pulse_ticket_memo_decode (d->first, NULL);
  d->tickets[1] = pulse_ticket_memo_decode (d->first, NULL);
  d->tickets[2] = pulse_ticket_memo_decode (d->second, NULL);
  d->tickets[3] = pulse_ticket_memo_decode (d->first, NULL);
  d->done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_shared_in_dispatch (void)
{
  g_autoptr(JsonNode) first = ticket_node ("t-1", 1, "q-ua", "c-1", "a-1", "open", HOUR, 10);
  g_autoptr(JsonNode) second = ticket_node ("t-2", 1, "q-ua", "c-2", NULL, "open", HOUR, -1);
  Decodes d = { first, second, { NULL }, FALSE };

  g_idle_add (decode_in_dispatch_cb, &d);
  while (!d.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (d.tickets[0] == d.tickets[1]);
  g_assert_cmpstr (pulse_ticket_get_id (d.tickets[0]), ==, "t-1");
  g_assert_cmpstr (pulse_ticket_get_id (d.tickets[2]), ==, "t-2");
  /* Only the last node is remembered. */
  g_assert_true (d.tickets[3] != d.tickets[0]);
  g_assert_cmpstr (pulse_ticket_get_id (d.tickets[3]), ==, "t-1");
  for (guint i = 0; i < G_N_ELEMENTS (d.tickets); i++)
    g_object_unref (d.tickets[i]);
}

static void
test_fresh_outside_dispatch (void)
{
  g_autoptr(JsonNode) node = ticket_node ("t-1", 1, "q-ua", "c-1", "a-1", "open", HOUR, 10);
  g_autoptr(PulseTicket) a = pulse_ticket_memo_decode (node, NULL);
  g_autoptr(PulseTicket) b = pulse_ticket_memo_decode (node, NULL);
  g_autoptr(JsonNode) bad = json_from_string ("{\"id\": \"t-9\"}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTicket) none = pulse_ticket_memo_decode (bad, &error);

  g_assert_true (a != b);
  g_assert_cmpstr (pulse_ticket_get_id (b), ==, "t-1");
  g_assert_null (none);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/ticket-memo/shared-in-dispatch", test_shared_in_dispatch);
  g_test_add_func ("/pulse/session/ticket-memo/fresh-outside", test_fresh_outside_dispatch);

  return g_test_run ();
}
