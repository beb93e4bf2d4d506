/* pulse-rule-figures-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule editor and the Rules page in words, without GTK: a phrase's
 * look-alike letters and its corrected spelling, a rule's figures
 * (`GET /api/v1/rules/stats`) and a draft's replay
 * (`POST /api/v1/rules/replay`).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-enums.h"
#include "pulse-format.h"
#include "pulse-json.h"
#include "pulse-rule-figures-text.h"
#include "pulse-text.h"

/**
 * pulse_rule_figures_text_correct:
 * @text: (nullable): a phrase as typed
 *
 * Returns: (transfer full): @text with every word that mixes Latin and
 *   Cyrillic letters replaced by its corrected spelling, where one exists.
 */
char *
pulse_rule_figures_text_correct (const char *text)
{
  g_autoptr(GPtrArray) warnings = pulse_text_find_mixed_scripts (text);
  GString *out = g_string_new (text);

  /* From the end, so earlier offsets still hold. */
  for (guint i = warnings->len; i-- > 0;)
    {
      const PulseTextWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->corrected == NULL)
        continue;
      g_string_erase (out, warning->start, warning->end - warning->start);
      g_string_insert (out, warning->start, warning->corrected);
    }

  return g_string_free (out, FALSE);
}

/**
 * pulse_rule_figures_text_phrase_warning:
 * @text: (nullable): a phrase as typed
 *
 * Returns: (transfer full) (nullable): what the editor says about the
 *   phrase's look-alike letters, or %NULL when it has none.
 */
char *
pulse_rule_figures_text_phrase_warning (const char *text)
{
  g_autoptr(GPtrArray) warnings = pulse_text_find_mixed_scripts (text);
  g_autofree char *corrected = NULL;
  gboolean all_corrected = TRUE;

  if (warnings->len == 0)
    return NULL;

  for (guint i = 0; i < warnings->len; i++)
    all_corrected = all_corrected &&
                    ((PulseTextWarning *) g_ptr_array_index (warnings, i))->corrected != NULL;

  if (!all_corrected)
    /* Translators: %s is a word typed with letters of two alphabets */
    return g_strdup_printf (_("“%s” mixes Latin and Cyrillic letters that have no look-alike "
                              "in the other alphabet; type it again in one alphabet."),
                            ((PulseTextWarning *) g_ptr_array_index (warnings, 0))->word);

  corrected = pulse_rule_figures_text_correct (text);
  /* Translators: the first %s is a word typed with letters of two
   * alphabets, the second the phrase spelt in one */
  return g_strdup_printf (_("“%s” mixes Latin and Cyrillic letters. Rules compare the "
                            "corrected spelling: “%s”."),
                          ((PulseTextWarning *) g_ptr_array_index (warnings, 0))->word,
                          corrected);
}

static double
share_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : NAN;
}

typedef struct
{
  int    kind;
  double share;
} ChannelShare;

static int
by_share (gconstpointer a,
          gconstpointer b)
{
  const ChannelShare *x = a, *y = b;

  return x->share > y->share ? -1 : x->share < y->share ? 1 : x->kind - y->kind;
}

/* "Chat 40 %, Email 12 %": the channels the rule answered on, the
 * largest share first, at most @limit of them (0: all) and "…" after. */
static char *
channel_shares (JsonObject *figures,
                guint       limit)
{
  JsonArray *channels = json_object_has_member (figures, "channels")
                        ? json_object_get_array_member (figures, "channels") : NULL;
  g_autoptr(GArray) shares = g_array_new (FALSE, FALSE, sizeof (ChannelShare));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; channels != NULL && i < json_array_get_length (channels); i++)
    {
      JsonObject *channel = json_array_get_object_element (channels, i);
      ChannelShare share = { 0, share_member (channel, "share") };

      if (json_object_get_int_member_with_default (channel, "answered", 0) > 0 &&
          pulse_enum_from_nick (PULSE_TYPE_CHANNEL_KIND,
                                json_object_get_string_member_with_default (channel, "channel",
                                                                            ""), &share.kind))
        g_array_append_val (shares, share);
    }

  g_array_sort (shares, by_share);
  for (guint i = 0; i < shares->len && (limit == 0 || i < limit); i++)
    {
      const ChannelShare *share = &g_array_index (shares, ChannelShare, i);
      g_autofree char *value = pulse_format_share (share->share);

      g_string_append_printf (text, "%s%s %s", i > 0 ? ", " : "",
                              pulse_format_channel (share->kind), value);
    }
  if (limit > 0 && shares->len > limit)
    g_string_append (text, ", …");

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * pulse_rule_figures_text_channels:
 * @figures: one rule's entry of `GET /api/v1/rules/stats`
 *
 * Returns: (transfer full) (nullable): every channel the rule answered
 *   on with the share it answered automatically, largest first; %NULL
 *   when it answered none.
 */
char *
pulse_rule_figures_text_channels (JsonObject *figures)
{
  g_return_val_if_fail (figures != NULL, NULL);

  return channel_shares (figures, 0);
}

/**
 * pulse_rule_figures_text_line:
 * @figures: one rule's entry of `GET /api/v1/rules/stats`
 *
 * Returns: (transfer full): "12 hits · answered automatically: Chat
 *   40 %, Email 12 % · CSAT after the answer 80 % · reopened 10 %", the
 *   parts that apply, with the three largest channel shares.
 */
char *
pulse_rule_figures_text_line (JsonObject *figures)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 hits = json_object_get_int_member_with_default (figures, "hits", 0);
  g_autofree char *shares = channel_shares (figures, 3);
  JsonObject *csat = json_object_has_member (figures, "csat")
                     ? json_object_get_object_member (figures, "csat") : NULL;
  double csat_value = share_member (csat, "value");
  double reopen = share_member (figures, "reopen_rate");

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d hit", "%d hits", hits),
                          (int) hits);
  if (shares != NULL)
    /* Translators: shares of contacts per channel a rule answered, e.g. "chat 40 %" */
    g_string_append_printf (text, _(" · answered automatically: %s"), shares);
  if (!isnan (csat_value))
    {
      g_autofree char *value = pulse_format_share (csat_value);

      /* Translators: CSAT of the contacts a rule answered, after its answer */
      g_string_append_printf (text, _(" · CSAT after the answer %s"), value);
    }
  if (!isnan (reopen))
    {
      g_autofree char *value = pulse_format_share (reopen);

      /* Translators: share of automatically answered contacts where the customer wrote again */
      g_string_append_printf (text, _(" · reopened %s"), value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pulse_rule_figures_text_never_fired:
 * @figures: one rule's entry of `GET /api/v1/rules/stats`
 *
 * Returns: whether the rule had no hit in the window
 */
gboolean
pulse_rule_figures_text_never_fired (JsonObject *figures)
{
  g_return_val_if_fail (figures != NULL, FALSE);

  return json_object_get_int_member_with_default (figures, "hits", 0) == 0;
}

/**
 * pulse_rule_figures_text_replay:
 * @answer: the server's answer to `POST /api/v1/rules/replay`
 *
 * Returns: (transfer full): how many contacts the draft would catch, of
 *   how many, and how many earlier rules would take.
 */
char *
pulse_rule_figures_text_replay (JsonObject *answer)
{
  gint64 contacts = json_object_get_int_member_with_default (answer, "contacts", 0);
  gint64 matches = json_object_get_int_member_with_default (answer, "matches", 0);
  gint64 caught = json_object_get_int_member_with_default (answer, "caught", 0);
  gint64 days = json_object_get_int_member_with_default (answer, "days", 0);
  g_autofree char *head = NULL;

  /* Translators: contacts a draft rule would answer, of all contacts,
   * over the last days */
  head = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Would catch %d of %d contacts in the last %d day.",
                                       "Would catch %d of %d contacts in the last %d days.",
                                       days),
                          (int) caught, (int) contacts, (int) days);
  if (matches == caught)
    return g_steal_pointer (&head);

  /* Translators: %s is the sentence before; %d the contacts an earlier
   * rule takes although this one's conditions hold */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s Its conditions also hold on %d contact an "
                                       "earlier rule takes.",
                                       "%s Its conditions also hold on %d contacts earlier "
                                       "rules take.", matches - caught),
                          head, (int) (matches - caught));
}

/**
 * pulse_rule_figures_text_answered:
 * @answer: the server's answer to `POST /api/v1/rules/replay`
 *
 * Returns: (transfer full) (nullable): what the stored rule already
 *   answered, with the CSAT after its answers, or %NULL for a new rule.
 */
char *
pulse_rule_figures_text_answered (JsonObject *answer)
{
  JsonNode *node = json_object_get_member (answer, "answered");
  JsonObject *answered;
  JsonObject *csat;
  g_autofree char *value = NULL;
  g_autofree char *reopen = NULL;
  gint64 count;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  answered = json_node_get_object (node);
  count = json_object_get_int_member_with_default (answered, "answered", 0);
  csat = json_object_has_member (answered, "csat")
         ? json_object_get_object_member (answered, "csat") : NULL;
  value = pulse_format_share (share_member (csat, "value"));
  reopen = pulse_format_share (share_member (answered, "reopen_rate"));
  /* Translators: what a saved rule did: contacts answered automatically,
   * the CSAT after its answer (a percentage or a dash), the reopen rate */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "As saved, it answered %d contact automatically: "
                                       "CSAT after the answer %s, reopened %s.",
                                       "As saved, it answered %d contacts automatically: "
                                       "CSAT after the answer %s, reopened %s.", count),
                          (int) count, value, reopen);
}
