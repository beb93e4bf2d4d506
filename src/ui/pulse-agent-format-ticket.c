/* pulse-agent-format-ticket.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the contact views write a ticket's status, priority, ratings and
 * first response, and who wrote a message: the ticket half of
 * pulse-agent-format.h, pure like the rest.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent-format.h"
#include "pulse-format.h"
#include "pulse-rating.h"
#include "pulse-ticket.h"

#define NO_VALUE "–"

/**
 * pulse_agent_format_ticket_status:
 *
 * Returns: (transfer none): the ticket status's label, translated.
 */
const char *
pulse_agent_format_ticket_status (PulseTicketStatus status)
{
  switch (status)
    {
    case PULSE_TICKET_STATUS_NEW: return C_("ticket status", "New");
    case PULSE_TICKET_STATUS_OPEN: return C_("ticket status", "Open");
    case PULSE_TICKET_STATUS_PENDING: return C_("ticket status", "Pending");
    case PULSE_TICKET_STATUS_RESOLVED: return C_("ticket status", "Resolved");
    case PULSE_TICKET_STATUS_CLOSED: return C_("ticket status", "Closed");
    /* Translators: ticket status: the customer left before an answer */
    case PULSE_TICKET_STATUS_ABANDONED: return C_("ticket status", "Abandoned");
    default: return NO_VALUE;
    }
}

/**
 * pulse_agent_format_ticket_status_icon:
 *
 * Returns: (transfer none): a symbolic icon for the ticket status.
 */
const char *
pulse_agent_format_ticket_status_icon (PulseTicketStatus status)
{
  switch (status)
    {
    case PULSE_TICKET_STATUS_NEW: return "mail-unread-symbolic";
    case PULSE_TICKET_STATUS_OPEN: return "mail-read-symbolic";
    case PULSE_TICKET_STATUS_PENDING: return "media-playback-pause-symbolic";
    case PULSE_TICKET_STATUS_RESOLVED:
    case PULSE_TICKET_STATUS_CLOSED: return "emblem-ok-symbolic";
    case PULSE_TICKET_STATUS_ABANDONED:
    default: return "call-missed-symbolic";
    }
}

/**
 * pulse_agent_format_rating:
 * @kind: the survey
 * @score: its score
 *
 * Returns: (transfer full): the rating with its scale: "CSAT 4/5",
 *   "NPS 9/10", "CES 2/7".
 */
char *
pulse_agent_format_rating (PulseRatingKind kind,
                           int             score)
{
  switch (kind)
    {
    /* Translators: a customer-satisfaction rating out of 5 */
    case PULSE_RATING_KIND_CSAT: return g_strdup_printf (_("CSAT %d/5"), score);
    /* Translators: a net-promoter rating out of 10 */
    case PULSE_RATING_KIND_NPS: return g_strdup_printf (_("NPS %d/10"), score);
    /* Translators: a customer-effort rating out of 7 */
    case PULSE_RATING_KIND_CES:
    default: return g_strdup_printf (_("CES %d/7"), score);
    }
}

/**
 * pulse_agent_format_priority:
 *
 * Returns: (transfer none): the ticket priority's label, translated.
 */
const char *
pulse_agent_format_priority (PulsePriority priority)
{
  switch (priority)
    {
    case PULSE_PRIORITY_LOW: return C_("priority", "Low");
    case PULSE_PRIORITY_HIGH: return C_("priority", "High");
    case PULSE_PRIORITY_URGENT: return C_("priority", "Urgent");
    case PULSE_PRIORITY_NORMAL:
    default: return C_("priority", "Normal");
    }
}

/**
 * pulse_agent_format_ratings:
 * @ticket: a contact
 * @comments: one rating a line, with the customer's comments; otherwise
 *   all on one line, without
 *
 * Returns: (transfer full): the contact's ratings ("CSAT 5/5 · NPS 9/10"),
 *   "Not rated" with @comments, or an em dash without.
 */
char *
pulse_agent_format_ratings (PulseTicket *ticket,
                            gboolean     comments)
{
  GListModel *ratings = pulse_ticket_get_ratings (ticket);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = ratings != NULL ? g_list_model_get_n_items (ratings) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);
      g_autofree char *one = pulse_agent_format_rating (pulse_rating_get_kind (rating),
                                                        pulse_rating_get_score (rating));
      const char *comment = pulse_rating_get_comment (rating);

      if (text->len > 0)
        g_string_append (text, comments ? "\n" : " · ");
      g_string_append (text, one);
      if (comments && comment != NULL && comment[0] != '\0')
        /* Translators: a rating followed by the customer's comment */
        g_string_append_printf (text, _(" — “%s”"), comment);
    }

  if (text->len == 0)
    return g_strdup (comments ? _("Not rated") : NO_VALUE);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pulse_agent_format_first_response:
 * @ticket: a contact
 *
 * Returns: (transfer full): the time to the first human reply, or why
 *   there is none.
 */
char *
pulse_agent_format_first_response (PulseTicket *ticket)
{
  gint64 at = pulse_ticket_get_first_response_at (ticket);

  if (at <= 0)
    return g_strdup (pulse_ticket_is_automated (ticket) ? _("Answered automatically")
                                                        : _("No human reply yet"));

  return pulse_format_seconds ((at - pulse_ticket_get_created_at (ticket))
                                      / (double) G_USEC_PER_SEC);
}

/**
 * pulse_agent_format_author_kind:
 * @kind: who wrote a message
 * @icon_name: (out) (optional): a symbolic icon for them
 *
 * Returns: (transfer none): the kind of author, translated.
 */
const char *
pulse_agent_format_author_kind (PulseAuthorKind   kind,
                                const char      **icon_name)
{
  const char *icon;
  const char *label;

  switch (kind)
    {
    case PULSE_AUTHOR_KIND_CUSTOMER:
      label = C_("author", "Customer");
      icon = "avatar-default-symbolic";
      break;
    case PULSE_AUTHOR_KIND_AGENT:
      label = C_("author", "Agent");
      icon = "audio-headphones-symbolic";
      break;
    case PULSE_AUTHOR_KIND_RULE:
      label = C_("author", "Automation Rule");
      icon = "system-run-symbolic";
      break;
    case PULSE_AUTHOR_KIND_BOT:
      label = C_("author", "Bot");
      icon = "applications-engineering-symbolic";
      break;
    case PULSE_AUTHOR_KIND_SYSTEM:
    default:
      label = C_("author", "System");
      icon = "dialog-information-symbolic";
      break;
    }

  if (icon_name != NULL)
    *icon_name = icon;
  return label;
}
