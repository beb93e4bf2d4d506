/* pulse-server-rules.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-item-store.h"
#include "pulse-rule-book.h"
#include "pulse-rule-runner.h"
#include "pulse-server-rules.h"

static PulseTemplate *
lookup_template (const char *template_id,
                 gpointer    user_data)
{
  PulseServer *self = user_data;
  g_autoptr(JsonNode) node = NULL;

  node = pulse_item_store_get (pulse_server_get_item_store (self), "template", template_id, NULL);
  return node != NULL ? pulse_template_new_from_json (node, NULL) : NULL;
}

/**
 * pulse_server_rules_on_ticket_created:
 * @self: the server
 * @ticket: a ticket new to the server, not stored yet
 * @error: return location for a reason to refuse the whole ingest request
 *
 * The place rule execution goes. Ingest calls it for every ticket it
 * creates, inside the transaction that stores the ticket and before the
 * row is written, so whatever the rules change (tags, queue, priority,
 * status, an automatic reply whose author kind is "rule") is stored and
 * announced in the ticket's `ticket.created` event, never as a separate
 * change. Rules are the managed items of kind "rule"
 * (pulse_item_store_list()). Ingest sorts messages by time and moves the
 * ticket's updated-at past any message added here.
 *
 * The first matching rule fires (pulse_rule_runner_run()); actions that
 * cannot be carried out are logged and skipped, never fatal.
 *
 * Returns: %TRUE to go on; %FALSE with @error set rolls the request back.
 */
gboolean
pulse_server_rules_on_ticket_created (PulseServer  *self,
                                      PulseTicket  *ticket,
                                      GError      **error)
{
  g_autoptr(PulseRuleMatcher) matcher = NULL;
  g_autoptr(PulseRule) fired = NULL;
  g_auto(GStrv) notes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PULSE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (PULSE_IS_TICKET (ticket), FALSE);

  matcher = pulse_rule_book_get_matcher (pulse_server_get_rule_book (self), error);
  if (matcher == NULL)
    return FALSE;

  fired = pulse_rule_runner_run (matcher, ticket, lookup_template, self, &notes, &local_error);
  if (fired == NULL && local_error != NULL)
    {
      /* The contact itself is fine (ingest validated it): a rule that
       * cannot be evaluated must not lose the customer's message. */
      g_warning ("Rules not run on ticket %s: %s", pulse_ticket_get_id (ticket),
                 local_error->message);
      return TRUE;
    }

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    g_message ("Rule %s on ticket %s: %s", pulse_rule_get_id (fired),
               pulse_ticket_get_id (ticket), notes[i]);

  return TRUE;
}
