/* pulse-rule-figures.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each rule did over a window of contacts, and what a draft would
 * do: the figures behind the Rules page's flags and the editor's replay.
 * Fed one ticket at a time (the server streams its stored contacts
 * created in the window), so it never holds the window in memory.
 *
 * Definitions, per rule R, over the contacts added:
 * - hits: contacts on which R fires when the rules as they are now run
 *   on them (the first matching rule in execution order, on the subject
 *   and the customer's first message, at the minute of creation). The
 *   server keeps no record of which rule fired other than an automatic
 *   answer's rule id, so this replays today's rules; `last_hit_at` is the
 *   creation of the latest hit.
 * - answered: contacts carrying an automatic answer of R (a message whose
 *   author kind is "rule" and rule id R; only the first counts).
 * - per channel, `share`: answered ÷ all contacts of that channel.
 * - csat: of the answered contacts with a CSAT rating given at or after
 *   the automatic answer (the latest such rating), the share of 4 and 5.
 * - reopened: answered contacts where the customer wrote again after the
 *   automatic answer; `reopen_rate` = reopened ÷ answered.
 * A share with nothing to divide by is null.
 *
 * For a replay, the draft joins the rules (replacing the stored rule of
 * its id, like the test bench) and the figures say on how many contacts
 * its conditions hold (`matches`), how many of those it would catch, that
 * is fire on (`caught`), and a sample of the latest caught.
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-rule-figures.h"
#include "pulse-rule-matcher.h"
#include "pulse-rule-runner.h"
#include "pulse-time-utils.h"

#define N_CHANNELS (PULSE_CHANNEL_KIND_IN_APP + 1)

typedef struct
{
  guint   hits;
  gint64  last_hit_at;
  guint   answered;
  guint   answered_on[N_CHANNELS];
  guint   rated;
  guint   good;
  guint   reopened;
} Tally;

typedef struct
{
  char   *ticket_id;
  char   *subject;
  gint64  at;
  int     channel;
} Sample;

struct _PulseRuleFigures
{
  PulseRuleMatcher *matcher;
  GPtrArray        *rules;
  GHashTable       *tallies;
  PulseRule        *draft;
  gboolean          draft_is_stored;
  guint             n_sample;
  guint             contacts;
  guint             contacts_on[N_CHANNELS];
  guint             matches;
  guint             caught;
  GPtrArray        *sample;
};

static void
sample_free (Sample *sample)
{
  g_free (sample->ticket_id);
  g_free (sample->subject);
  g_free (sample);
}

static Tally *
tally_for (PulseRuleFigures *self,
           const char       *rule_id)
{
  Tally *tally = g_hash_table_lookup (self->tallies, rule_id);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      g_hash_table_insert (self->tallies, g_strdup (rule_id), tally);
    }

  return tally;
}

/**
 * pulse_rule_figures_new:
 * @rules: (element-type PulseRule): the stored rules
 * @draft: (nullable): a rule being edited, evaluated as if saved
 * @n_sample: how many caught contacts a replay lists, at most
 *   %PULSE_RULE_FIGURES_MAX_SAMPLE
 *
 * Returns: (transfer full): an empty tally over @rules (and @draft).
 */
PulseRuleFigures *
pulse_rule_figures_new (GPtrArray *rules,
                        PulseRule *draft,
                        guint      n_sample)
{
  PulseRuleFigures *self;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (draft == NULL || PULSE_IS_RULE (draft), NULL);

  self = g_new0 (PulseRuleFigures, 1);
  self->rules = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rules->len; i++)
    {
      PulseRule *rule = g_ptr_array_index (rules, i);

      if (draft != NULL && g_strcmp0 (pulse_rule_get_id (rule), pulse_rule_get_id (draft)) == 0)
        self->draft_is_stored = TRUE;
      else
        g_ptr_array_add (self->rules, g_object_ref (rule));
    }
  if (draft != NULL)
    {
      self->draft = g_object_ref (draft);
      g_ptr_array_add (self->rules, g_object_ref (draft));
    }

  self->matcher = pulse_rule_matcher_new (self->rules);
  self->tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->n_sample = MIN (n_sample, PULSE_RULE_FIGURES_MAX_SAMPLE);
  self->sample = g_ptr_array_new_with_free_func ((GDestroyNotify) sample_free);
  return self;
}

void
pulse_rule_figures_free (PulseRuleFigures *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->matcher);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->tallies, g_hash_table_unref);
  g_clear_pointer (&self->sample, g_ptr_array_unref);
  g_free (self);
}

static void
keep_sample (PulseRuleFigures *self,
             PulseTicket      *ticket)
{
  Sample *sample;

  if (self->n_sample == 0)
    return;

  /* The latest contacts are the telling ones: drop the oldest kept. */
  if (self->sample->len == self->n_sample)
    g_ptr_array_remove_index (self->sample, 0);

  sample = g_new0 (Sample, 1);
  sample->ticket_id = g_strdup (pulse_ticket_get_id (ticket));
  sample->subject = g_strdup (pulse_ticket_get_subject (ticket));
  sample->at = pulse_ticket_get_created_at (ticket);
  sample->channel = pulse_ticket_get_channel (ticket);
  g_ptr_array_add (self->sample, sample);
}

static void
count_replay (PulseRuleFigures     *self,
              PulseRuleMatchResult *result,
              PulseTicket          *ticket)
{
  if (self->draft == NULL)
    return;

  for (guint i = 0; i < pulse_rule_match_result_get_n_matches (result); i++)
    {
      if (pulse_rule_match_result_get_rule (result, i) == self->draft)
        {
          self->matches++;
          break;
        }
    }

  if (pulse_rule_match_result_get_fires (result) == self->draft)
    {
      self->caught++;
      keep_sample (self, ticket);
    }
}

/* The latest CSAT rating given at or after @since, or 0 for none. */
static int
csat_after (PulseTicket *ticket,
            gint64       since)
{
  GListModel *ratings = pulse_ticket_get_ratings (ticket);
  gint64 latest = G_MININT64;
  int score = 0;

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);

      if (pulse_rating_get_kind (rating) == PULSE_RATING_KIND_CSAT &&
          pulse_rating_get_at (rating) >= since && pulse_rating_get_at (rating) >= latest)
        {
          latest = pulse_rating_get_at (rating);
          score = pulse_rating_get_score (rating);
        }
    }

  return score;
}

static void
count_answer (PulseRuleFigures *self,
              PulseTicket      *ticket)
{
  GListModel *messages = pulse_ticket_get_messages (ticket);
  Tally *tally = NULL;
  gint64 answered_at = 0;
  gboolean again = FALSE;
  int score;

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i);
      PulseAuthorKind kind = pulse_message_get_author_kind (message);

      if (tally == NULL && kind == PULSE_AUTHOR_KIND_RULE &&
          pulse_message_get_rule_id (message) != NULL)
        {
          tally = tally_for (self, pulse_message_get_rule_id (message));
          answered_at = pulse_message_get_at (message);
        }
      else if (tally != NULL && kind == PULSE_AUTHOR_KIND_CUSTOMER &&
               pulse_message_get_at (message) > answered_at)
        again = TRUE;
    }

  if (tally == NULL)
    return;

  tally->answered++;
  tally->answered_on[pulse_ticket_get_channel (ticket)]++;
  tally->reopened += again ? 1 : 0;
  score = csat_after (ticket, answered_at);
  if (score > 0)
    {
      tally->rated++;
      tally->good += score >= 4 ? 1 : 0;
    }
}

/**
 * pulse_rule_figures_add:
 * @ticket: one contact of the window
 * @error: return location for an error evaluating the rules
 *
 * Counts @ticket in every figure (see the file comment).
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
pulse_rule_figures_add (PulseRuleFigures  *self,
                        PulseTicket       *ticket,
                        GError           **error)
{
  g_autoptr(PulseRuleMatchResult) result = NULL;
  PulseRuleContact contact;
  PulseRule *fires;
  guint channel;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PULSE_IS_TICKET (ticket), FALSE);

  pulse_rule_runner_contact_from_ticket (&contact, ticket);
  result = pulse_rule_matcher_evaluate (self->matcher, &contact, error);
  if (result == NULL)
    return FALSE;

  channel = pulse_ticket_get_channel (ticket);
  self->contacts++;
  self->contacts_on[channel]++;
  fires = pulse_rule_match_result_get_fires (result);
  if (fires != NULL)
    {
      Tally *tally = tally_for (self, pulse_rule_get_id (fires));

      tally->hits++;
      tally->last_hit_at = MAX (tally->last_hit_at, pulse_ticket_get_created_at (ticket));
    }
  count_replay (self, result, ticket);
  count_answer (self, ticket);
  return TRUE;
}

/**
 * pulse_rule_figures_get_n_contacts:
 *
 * Returns: how many contacts were added
 */
guint
pulse_rule_figures_get_n_contacts (PulseRuleFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->contacts;
}

static void
add_share (JsonBuilder *builder,
           const char  *member,
           guint        part,
           guint        whole)
{
  json_builder_set_member_name (builder, member);
  if (whole == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, (double) part / whole);
}

static void
add_channels (JsonBuilder      *builder,
              PulseRuleFigures *self,
              const Tally      *tally)
{
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint c = 0; c < N_CHANNELS; c++)
    {
      if (self->contacts_on[c] == 0)
        continue;

      json_builder_begin_object (builder);
      pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND, c);
      pulse_json_add_int (builder, "contacts", self->contacts_on[c]);
      pulse_json_add_int (builder, "answered", tally->answered_on[c]);
      add_share (builder, "share", tally->answered_on[c], self->contacts_on[c]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The figures of one rule, as members of the object being built. */
static void
add_tally (JsonBuilder      *builder,
           PulseRuleFigures *self,
           const char       *rule_id)
{
  static const Tally none;
  const Tally *tally = g_hash_table_lookup (self->tallies, rule_id);

  if (tally == NULL)
    tally = &none;

  pulse_json_add_string (builder, "rule_id", rule_id);
  pulse_json_add_int (builder, "hits", tally->hits);
  json_builder_set_member_name (builder, "last_hit_at");
  if (tally->last_hit_at == 0)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *text = pulse_time_format (tally->last_hit_at);

      json_builder_add_string_value (builder, text);
    }
  pulse_json_add_int (builder, "answered", tally->answered);
  add_channels (builder, self, tally);
  json_builder_set_member_name (builder, "csat");
  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "rated", tally->rated);
  pulse_json_add_int (builder, "good", tally->good);
  add_share (builder, "value", tally->good, tally->rated);
  json_builder_end_object (builder);
  pulse_json_add_int (builder, "reopened", tally->reopened);
  add_share (builder, "reopen_rate", tally->reopened, tally->answered);
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  return pulse_rule_compare_order (*(PulseRule * const *) a, *(PulseRule * const *) b);
}

/**
 * pulse_rule_figures_to_json:
 *
 * Returns: (transfer full): `{"contacts","rules":[{"rule_id","hits",
 *   "last_hit_at","answered","channels":[{"channel","contacts",
 *   "answered","share"}],"csat":{"rated","good","value"},"reopened",
 *   "reopen_rate"}]}`, one entry per rule in execution order.
 */
JsonNode *
pulse_rule_figures_to_json (PulseRuleFigures *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  sorted = g_ptr_array_new ();
  for (guint i = 0; i < self->rules->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->rules, i));
  g_ptr_array_sort (sorted, compare_order);
  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "contacts", self->contacts);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sorted->len; i++)
    {
      json_builder_begin_object (builder);
      add_tally (builder, self, pulse_rule_get_id (g_ptr_array_index (sorted, i)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_sample (JsonBuilder      *builder,
            PulseRuleFigures *self)
{
  json_builder_set_member_name (builder, "sample");
  json_builder_begin_array (builder);
  /* Newest first. */
  for (guint i = self->sample->len; i-- > 0;)
    {
      const Sample *sample = g_ptr_array_index (self->sample, i);

      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "ticket_id", sample->ticket_id);
      pulse_json_add_string (builder, "subject", sample->subject);
      pulse_json_add_time (builder, "at", sample->at);
      pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND, sample->channel);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * pulse_rule_figures_replay_to_json:
 *
 * Returns: (transfer full): `{"contacts","matches","caught","sample":
 *   [{"ticket_id","subject"?,"at","channel"}],"answered"}` for the draft,
 *   sample newest first; `answered` holds the stored rule's figures
 *   (as in pulse_rule_figures_to_json()) when the draft edits a stored
 *   rule, else null.
 */
JsonNode *
pulse_rule_figures_replay_to_json (PulseRuleFigures *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL && self->draft != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "contacts", self->contacts);
  pulse_json_add_int (builder, "matches", self->matches);
  pulse_json_add_int (builder, "caught", self->caught);
  add_sample (builder, self);
  json_builder_set_member_name (builder, "answered");
  if (!self->draft_is_stored)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_tally (builder, self, pulse_rule_get_id (self->draft));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
