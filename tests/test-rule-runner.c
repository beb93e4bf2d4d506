/* test-rule-runner.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pieces of rule execution below the server: the disclosure line and
 * inserting a message in time order (tests/test-server-rule-run.c runs
 * whole rules through ingest).
 */

#include "config.h"

#include "pulse-message.h"
#include "pulse-rule-runner.h"
#include "pulse-test-util.h"

static void
test_disclosure_by_language (void)
{
  g_assert_cmpstr (pulse_rule_runner_get_disclosure ("uk"), ==,
                   "Цю відповідь надіслано автоматично.");
  g_assert_cmpstr (pulse_rule_runner_get_disclosure ("ru-RU"), ==,
                   "Этот ответ отправлен автоматически.");
  g_assert_cmpstr (pulse_rule_runner_get_disclosure ("ES"), ==,
                   "Esta respuesta se envió automáticamente.");
  g_assert_cmpstr (pulse_rule_runner_get_disclosure ("kk_KZ"), ==,
                   "Бұл жауап автоматты түрде жіберілді.");
  /* No line of its own: English, never nothing. */
  g_assert_cmpstr (pulse_rule_runner_get_disclosure ("de"), ==,
                   "This answer was sent automatically.");
  g_assert_cmpstr (pulse_rule_runner_get_disclosure ("ukr"), ==,
                   "This answer was sent automatically.");
  g_assert_cmpstr (pulse_rule_runner_get_disclosure (NULL), ==,
                   "This answer was sent automatically.");
}

static PulseMessage *
message (const char *id,
         gint64      at)
{
  return pulse_message_new (id, PULSE_AUTHOR_KIND_CUSTOMER, at);
}

static void
test_add_message_keeps_time_order (void)
{
  g_autoptr(PulseTicket) ticket = pulse_ticket_new ("t");
  g_autoptr(PulseMessage) a = message ("a", 100);
  g_autoptr(PulseMessage) b = message ("b", 300);
  g_autoptr(PulseMessage) c = message ("c", 200);
  g_autoptr(PulseMessage) d = message ("d", 300);
  const char *order[] = { "a", "c", "b", "d" };
  GListModel *messages = pulse_ticket_get_messages (ticket);

  pulse_ticket_add_message (ticket, a);
  pulse_ticket_add_message (ticket, b);
  g_assert_cmpint (pulse_ticket_get_updated_at (ticket), ==, 300);
  /* A late one goes in its place; one of the same instant after. */
  pulse_ticket_add_message (ticket, c);
  pulse_ticket_add_message (ticket, d);
  g_assert_cmpint (pulse_ticket_get_updated_at (ticket), ==, 300);

  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(PulseMessage) m = g_list_model_get_item (messages, i);

      g_assert_cmpstr (pulse_message_get_id (m), ==, order[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/rule-runner/disclosure-by-language", test_disclosure_by_language);
  g_test_add_func ("/pulse/core/rule-runner/add-message-keeps-time-order",
                   test_add_message_keeps_time_order);

  return g_test_run ();
}
