/* pulse-scorecard-default.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scorecard a fresh server starts with (issue 7): what QA in fintech
 * support grades a reply on. Data, not translated: it is server content,
 * which its editors rename as they like.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-scorecard-default.h"

#define CRITERION(id, name, weight, critical, description) \
  "{\"id\":\"" id "\",\"name\":\"" name "\",\"weight\":" #weight "," \
  "\"critical\":" #critical ",\"description\":\"" description "\"}"

/* Weights add up to 100. The compliance criteria are critical: one
 * breach there (a debtor called too often, data changed without an
 * identity check, a fraud report mishandled) is a failed reply whatever
 * else was right, and so is a wrong answer or calculation. */
static const char default_json[] =
  "{\"id\":\"" PULSE_SCORECARD_DEFAULT_ID "\",\"version\":0,"
  "\"name\":\"Fintech support\",\"sections\":["
  "{\"name\":\"Resolution\",\"criteria\":["
  CRITERION ("correct-answer", "Correct answer and calculation", 20, true,
             "Amounts, dates, fees and interest are right, and so is what the reply "
             "says the product does.") ","
  CRITERION ("problem-solved", "The problem is actually solved", 20, false,
             "The customer need not write again: the cause is dealt with, not only "
             "the question answered.") ","
  CRITERION ("no-channel-change", "No forced change of channel", 10, false,
             "The customer is helped where they wrote; they are not sent to call or "
             "email when this channel could do it.")
  "]},"
  "{\"name\":\"Communication\",\"criteria\":["
  CRITERION ("tone", "Tone: a smile in the voice", 10, false,
             "Warm, polite and calm, also with an upset customer.") ","
  CRITERION ("personalised", "Templates personalised, not pasted", 10, false,
             "A template is adapted to the customer's case and name; no text that does "
             "not fit the question.") ","
  CRITERION ("clear-instructions", "Clear, simple instructions", 10, false,
             "Steps in order, plain words, no jargon; the customer knows what to do next.")
  "]},"
  "{\"name\":\"Compliance\",\"criteria\":["
  CRITERION ("debtor-contact-rules", "Contact-frequency rules for debtors", 5, true,
             "No more contacts with a debtor than the rules allow, at allowed hours only, "
             "and no pressure.") ","
  CRITERION ("identity-check", "Identity check before personal-data changes", 10, true,
             "Phone, email, card or passport data change only after the customer's "
             "identity is confirmed.") ","
  CRITERION ("fraud-handling", "Fraud handling", 5, true,
             "A suspected fraud is escalated at once by the fraud procedure; the customer "
             "is told to block the card and never to share codes.")
  "]}]}";

/**
 * pulse_scorecard_new_default:
 *
 * The scorecard a server seeds when it has none: three sections (Resolution,
 * Communication, Compliance) of nine criteria whose weights add up to 100;
 * a correct answer and the three compliance points are critical.
 *
 * Returns: (transfer full): the scorecard at version 0, with id
 *   %PULSE_SCORECARD_DEFAULT_ID.
 */
PulseScorecard *
pulse_scorecard_new_default (void)
{
  g_autoptr(JsonNode) node = pulse_json_parse (default_json, -1, NULL);
  g_autoptr(GError) error = NULL;
  PulseScorecard *scorecard;

  g_assert (node != NULL);
  scorecard = pulse_scorecard_new_from_json (node, &error);
  g_assert_no_error (error);

  return scorecard;
}
