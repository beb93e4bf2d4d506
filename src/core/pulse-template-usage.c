/* pulse-template-usage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which templates the contacts were answered with (the template_id their
 * messages record) and the CSAT of those contacts.
 */

#include "config.h"

#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-template-usage.h"

/**
 * pulse_template_usage_new:
 *
 * Returns: (transfer full) (element-type utf8 PulseTemplateUsage): an
 *   empty tally, template id → #PulseTemplateUsage.
 */
GHashTable *
pulse_template_usage_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The contact's CSAT score, its last one when rated again; 0 if none. */
static int
csat_of (PulseTicket *ticket)
{
  GListModel *ratings = pulse_ticket_get_ratings (ticket);
  int score = 0;

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);

      if (pulse_rating_get_kind (rating) == PULSE_RATING_KIND_CSAT)
        score = pulse_rating_get_score (rating);
    }

  return score;
}

static void
count (GHashTable *usage,
       const char *template_id,
       int         score)
{
  PulseTemplateUsage *entry = g_hash_table_lookup (usage, template_id);

  if (entry == NULL)
    {
      entry = g_new0 (PulseTemplateUsage, 1);
      g_hash_table_insert (usage, g_strdup (template_id), entry);
    }

  entry->contacts++;
  if (score > 0)
    entry->rated++;
  if (score >= 4)
    entry->satisfied++;
}

/**
 * pulse_template_usage_add_ticket:
 * @usage: (element-type utf8 PulseTemplateUsage): a tally from
 *   pulse_template_usage_new()
 * @ticket: a contact
 *
 * Counts @ticket once for each template one of its messages was written
 * from, however often it was used there, with the contact's CSAT.
 */
void
pulse_template_usage_add_ticket (GHashTable  *usage,
                                 PulseTicket *ticket)
{
  GListModel *messages;
  g_autoptr(GHashTable) seen = NULL;
  int score;

  g_return_if_fail (usage != NULL);
  g_return_if_fail (PULSE_IS_TICKET (ticket));

  messages = pulse_ticket_get_messages (ticket);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  score = csat_of (ticket);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i);
      const char *id = pulse_message_get_template_id (message);

      if (id != NULL && g_hash_table_add (seen, g_strdup (id)))
        count (usage, id, score);
    }
}

/**
 * pulse_template_usage_get_csat:
 *
 * Returns: the share of rated contacts rated 4–5, 0–1; -1 when none was
 *   rated.
 */
double
pulse_template_usage_get_csat (const PulseTemplateUsage *usage)
{
  g_return_val_if_fail (usage != NULL, -1);

  if (usage->rated == 0)
    return -1;

  return (double) usage->satisfied / usage->rated;
}
