/* pulse-rule-runner.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-message.h"
#include "pulse-rule-match-result.h"
#include "pulse-rule-runner.h"
#include "pulse-time-utils.h"

/* The line an automatic answer ends with when its template asks for it,
 * in the customer's language: the client must know no person wrote it.
 * Customer-facing text in the template's language, not the console's,
 * so it is a table here rather than a gettext string. */
static const struct { const char *language; const char *line; } disclosures[] = {
  { "uk", "Цю відповідь надіслано автоматично." },
  { "ru", "Этот ответ отправлен автоматически." },
  { "kk", "Бұл жауап автоматты түрде жіберілді." },
  { "es", "Esta respuesta se envió automáticamente." },
  { "en", "This answer was sent automatically." },
};

/**
 * pulse_rule_runner_get_disclosure:
 * @language: (nullable): a language code ("uk", "ru-RU")
 *
 * Returns: (transfer none): the "sent automatically" line in @language,
 *   or in English for a language without one.
 */
const char *
pulse_rule_runner_get_disclosure (const char *language)
{
  for (gsize i = 0; language != NULL && i < G_N_ELEMENTS (disclosures); i++)
    {
      if (g_ascii_strncasecmp (language, disclosures[i].language, 2) == 0 &&
          (language[2] == '\0' || language[2] == '-' || language[2] == '_'))
        return disclosures[i].line;
    }

  return disclosures[G_N_ELEMENTS (disclosures) - 1].line;
}

/* The customer's first message: what the contact is about. */
static const char *
first_customer_text (PulseTicket *ticket)
{
  GListModel *messages = pulse_ticket_get_messages (ticket);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i);

      if (pulse_message_get_author_kind (message) == PULSE_AUTHOR_KIND_CUSTOMER)
        return pulse_message_get_body (message);
    }

  return NULL;
}

/* The latest instant on the ticket: an automatic action happens then. */
static gint64
latest_at (PulseTicket *ticket)
{
  GListModel *messages = pulse_ticket_get_messages (ticket);
  guint n = g_list_model_get_n_items (messages);
  gint64 at = pulse_ticket_get_created_at (ticket);

  if (n > 0)
    {
      g_autoptr(PulseMessage) last = g_list_model_get_item (messages, n - 1);

      at = MAX (at, pulse_message_get_at (last));
    }

  return at;
}

static void
note (GPtrArray  *notes,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
note (GPtrArray  *notes,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (notes, g_strdup_vprintf (format, args));
  va_end (args);
}

static PulseMessage *
build_reply (PulseTicket   *ticket,
             PulseRule     *rule,
             PulseTemplate *template,
             GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *id = g_strdup_printf ("%s:auto", pulse_ticket_get_id (ticket));
  g_autofree char *body = NULL;

  if (pulse_template_get_disclosure (template))
    body = g_strdup_printf ("%s\n\n%s", pulse_template_get_body (template),
                            pulse_rule_runner_get_disclosure (
                              pulse_template_get_language (template)));
  else
    body = g_strdup (pulse_template_get_body (template));

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_string (builder, "author_kind", "rule");
  pulse_json_add_string (builder, "rule_id", pulse_rule_get_id (rule));
  pulse_json_add_string (builder, "template_id", pulse_template_get_id (template));
  pulse_json_add_time (builder, "at", latest_at (ticket));
  pulse_json_add_string (builder, "body", body);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  return pulse_message_new_from_json (node, error);
}

static gboolean
auto_reply (PulseTicket              *ticket,
            PulseRule                *rule,
            const char               *template_id,
            PulseTemplateLookupFunc   lookup,
            gpointer                  user_data,
            GPtrArray                *notes,
            GError                  **error)
{
  g_autoptr(PulseTemplate) template = lookup (template_id, user_data);
  g_autoptr(PulseMessage) reply = NULL;
  guint channels;

  if (template == NULL)
    {
      note (notes, "auto-reply: no template “%s”", template_id);
      return TRUE;
    }

  /* Variables need client data the helpdesk has not sent (the console's
   * template engine fills them): a reply with blanks in it would be
   * worse than none, so such a template is not sent automatically. */
  if (pulse_template_get_variables (template)[0] != NULL)
    {
      note (notes, "auto-reply: template “%s” has variables", template_id);
      return TRUE;
    }

  channels = pulse_template_get_channels (template);
  if (!pulse_channel_set_contains (channels, pulse_ticket_get_channel (ticket)))
    {
      note (notes, "auto-reply: template “%s” is not for this channel", template_id);
      return TRUE;
    }

  reply = build_reply (ticket, rule, template, error);
  if (reply == NULL)
    return FALSE;

  pulse_ticket_add_message (ticket, reply);
  return TRUE;
}

static void
add_tag (PulseTicket *ticket,
         const char  *tag)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;

  if (g_strv_contains (pulse_ticket_get_tags (ticket), tag))
    return;

  g_strv_builder_addv (builder, (const char **) pulse_ticket_get_tags (ticket));
  g_strv_builder_add (builder, tag);
  tags = g_strv_builder_end (builder);
  pulse_ticket_set_tags (ticket, (const char * const *) tags);
}

static gboolean
apply_action (PulseTicket              *ticket,
              PulseRule                *rule,
              const PulseRuleAction    *action,
              PulseTemplateLookupFunc   lookup,
              gpointer                  user_data,
              GPtrArray                *notes,
              GError                  **error)
{
  int priority;

  switch (action->kind)
    {
    case PULSE_RULE_ACTION_KIND_AUTO_REPLY:
      return auto_reply (ticket, rule, action->value, lookup, user_data, notes, error);
    case PULSE_RULE_ACTION_KIND_TAG:
      add_tag (ticket, action->value);
      return TRUE;
    case PULSE_RULE_ACTION_KIND_ROUTE:
      pulse_ticket_set_queue_id (ticket, action->value);
      return TRUE;
    case PULSE_RULE_ACTION_KIND_ASSIGN:
      pulse_ticket_set_assignee_id (ticket, action->value);
      return TRUE;
    case PULSE_RULE_ACTION_KIND_PRIORITY:
      if (pulse_enum_from_nick (PULSE_TYPE_PRIORITY, action->value, &priority))
        pulse_ticket_set_priority (ticket, priority);
      else
        note (notes, "priority: unknown value “%s”", action->value);
      return TRUE;
    case PULSE_RULE_ACTION_KIND_CLOSE:
      pulse_ticket_set_status (ticket, PULSE_TICKET_STATUS_RESOLVED);
      pulse_ticket_set_resolved_at (ticket, latest_at (ticket));
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/**
 * pulse_rule_runner_run:
 * @matcher: the enabled rules, compiled
 * @ticket: a new contact; changed in place
 * @lookup: finds the templates auto-replies name
 * @notes: (out) (optional) (transfer full): actions that could not be
 *   carried out, and why, for the log
 * @error: return location for an error that should refuse the contact
 *
 * Runs @ticket through the rules: the first rule, in execution order,
 * whose conditions hold on the subject and the customer's first message
 * fires, and its actions apply in their order. Later matching rules do
 * not fire (the test bench shows the next one), so one contact never gets
 * two automatic answers. The rules' time windows are read at the
 * ticket's creation, in UTC. An action that cannot be carried out (a
 * template since deleted) is skipped and noted, never fatal.
 *
 * Returns: (transfer full) (nullable): the rule that fired, or %NULL.
 */
/**
 * pulse_rule_runner_contact_from_ticket:
 * @contact: (out caller-allocates): filled with borrowed pointers into
 *   @ticket, valid while it is unchanged
 * @ticket: a contact
 *
 * What the rules are evaluated against for @ticket: its subject, the
 * customer's first message, channel, queue, tags, language and the UTC
 * minute it was created at.
 */
void
pulse_rule_runner_contact_from_ticket (PulseRuleContact *contact,
                                       PulseTicket      *ticket)
{
  gint64 created;

  g_return_if_fail (contact != NULL);
  g_return_if_fail (PULSE_IS_TICKET (ticket));

  created = pulse_ticket_get_created_at (ticket);
  *contact = (PulseRuleContact) {
    pulse_ticket_get_subject (ticket), first_customer_text (ticket),
    pulse_ticket_get_channel (ticket), pulse_ticket_get_queue_id (ticket),
    pulse_ticket_get_tags (ticket), pulse_ticket_get_language (ticket),
    (int) (((created % PULSE_USEC_PER_DAY) + PULSE_USEC_PER_DAY) % PULSE_USEC_PER_DAY /
           PULSE_USEC_PER_MINUTE),
  };
}

PulseRule *
pulse_rule_runner_run (PulseRuleMatcher         *matcher,
                       PulseTicket              *ticket,
                       PulseTemplateLookupFunc   lookup,
                       gpointer                  user_data,
                       GStrv                    *notes,
                       GError                  **error)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PulseRuleMatchResult) result = NULL;
  PulseRuleContact contact;
  PulseRule *rule;

  g_return_val_if_fail (PULSE_IS_RULE_MATCHER (matcher), NULL);
  g_return_val_if_fail (PULSE_IS_TICKET (ticket), NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  pulse_rule_runner_contact_from_ticket (&contact, ticket);

  result = pulse_rule_matcher_evaluate (matcher, &contact, error);
  if (result == NULL)
    return NULL;

  rule = pulse_rule_match_result_get_fires (result);
  for (guint i = 0; rule != NULL && i < pulse_rule_get_n_actions (rule); i++)
    {
      if (!apply_action (ticket, rule, pulse_rule_get_action (rule, i), lookup, user_data,
                         skipped, error))
        return NULL;
    }

  if (notes != NULL)
    {
      g_ptr_array_add (skipped, NULL);
      *notes = (GStrv) g_ptr_array_steal (skipped, NULL);
    }

  return rule != NULL ? g_object_ref (rule) : NULL;
}
