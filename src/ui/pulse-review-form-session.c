/* pulse-review-form-session.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the review form asks of the session and gives back to it: the
 * scorecard version a sample was drawn on (the session's, else fetched
 * once from the scorecard's history) and the review saved through the
 * outbox, as a draft or submitted. Part of PulseReviewForm.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-item-edit.h"
#include "pulse-review-form-private.h"
#include "pulse-session-items.h"

static char *
version_key (const char *id,
             gint64      version)
{
  return g_strdup_printf ("%s\n%" G_GINT64_FORMAT, id, version);
}

/* An older version of a scorecard is in its history: each entry holds
 * the item as it was and as it became. */
static PulseScorecard *
find_in_history (JsonArray *entries,
                 gint64     version)
{
  static const char * const members[] = { "after", "before" };

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    for (guint j = 0; j < G_N_ELEMENTS (members); j++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);
        JsonNode *node = json_object_get_member (entry, members[j]);

        if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
            json_object_get_int_member_with_default (json_node_get_object (node), "version", 0)
            == version)
          return pulse_scorecard_new_from_json (node, NULL);
      }

  return NULL;
}

static void
history_fetched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PulseReviewForm *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) entries = NULL;
  PulseReviewSample *sample;
  PulseScorecard *found;

  entries = pulse_session_fetch_audit_finish (PULSE_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  sample = pulse_review_form_get_sample (self);
  found = sample != NULL ? find_in_history (entries,
                                            pulse_review_sample_get_scorecard_version (sample))
                         : NULL;
  if (found == NULL)
    return;

  g_hash_table_insert (self->old_scorecards,
                       version_key (pulse_scorecard_get_id (found),
                                    pulse_scorecard_get_version (found)), found);
  if (!pulse_review_form_state_get_dirty (self->state))
    _pulse_review_form_start (self, sample);
}

/* The scorecard as the sample was drawn on it: the session's, else the
 * version fetched from its history, which is asked for once. */
PulseScorecard *
_pulse_review_form_find_scorecard (PulseReviewForm   *self,
                                   PulseReviewSample *sample)
{
  const char *id = pulse_review_sample_get_scorecard_id (sample);
  gint64 version = pulse_review_sample_get_scorecard_version (sample);
  PulseScorecard *current = _pulse_review_form_lookup (self, PULSE_STATE_KIND_SCORECARD, id);
  g_autofree char *key = version_key (id, version);
  PulseScorecard *old;

  if (current == NULL || pulse_scorecard_get_version (current) == version)
    return current;

  old = g_hash_table_lookup (self->old_scorecards, key);
  if (old != NULL)
    return old;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  pulse_session_fetch_audit_async (self->session, "scorecard", id, 1000, self->cancellable,
                                   history_fetched_cb, self);
  return current;
}

void
_pulse_review_form_save (PulseReviewForm   *self,
                         PulseReviewStatus  status)
{
  PulseReviewSample *sample;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(PulseReviewSample) saved = NULL;
  g_autofree char *agent = NULL;
  g_autofree char *title = NULL;

  if (self->state == NULL)
    return;

  after = pulse_review_form_state_dup_review (self->state, status, g_get_real_time ());
  if (after == NULL)
    return;

  sample = pulse_review_form_state_get_sample (self->state);
  before = pulse_review_sample_to_json (sample);
  agent = _pulse_review_form_dup_agent_name (self, sample);
  /* Translators: the item a toast names, e.g. “Review of Lucía Gómez” saved */
  title = g_strdup_printf (_("Review of %s"), agent);
  pulse_item_edit_save (GTK_WIDGET (self), "review", before, after, title);

  /* The form goes on from what was saved, clean, until the server's
   * version comes back through the session. */
  saved = pulse_review_sample_new_from_json (after, NULL);
  if (saved != NULL)
    _pulse_review_form_start (self, saved);
}
