/* fuzz-codec.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every JSON codec of src/core. The first byte names the codec (the tag
 * column below; any other byte picks one by its value), the rest is the
 * document. A document a codec takes must round-trip: its encoding reads
 * back, also in strict mode (the server's), and encodes the same.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "pulse-adherence-report.h"
#include "pulse-agent.h"
#include "pulse-applications.h"
#include "pulse-audit-entry.h"
#include "pulse-calibration-session.h"
#include "pulse-channel.h"
#include "pulse-coverage-report.h"
#include "pulse-followup.h"
#include "pulse-forecast-interval.h"
#include "pulse-json.h"
#include "pulse-mentorship-step.h"
#include "pulse-mentorship.h"
#include "pulse-message.h"
#include "pulse-queue.h"
#include "pulse-rating.h"
#include "pulse-review-grade.h"
#include "pulse-review-sample.h"
#include "pulse-rule-action.h"
#include "pulse-rule-phrase.h"
#include "pulse-rule.h"
#include "pulse-sampling-policy.h"
#include "pulse-scorecard-criterion.h"
#include "pulse-scorecard-section.h"
#include "pulse-scorecard.h"
#include "pulse-shift-break.h"
#include "pulse-shift.h"
#include "pulse-team.h"
#include "pulse-template.h"
#include "pulse-ticket.h"

typedef gpointer  (*DecodeFunc) (JsonNode *node, GError **error);
typedef JsonNode *(*EncodeFunc) (gpointer item);

typedef struct
{
  char           tag;
  const char    *name;
  DecodeFunc     decode;
  EncodeFunc     encode;  /* NULL: the codec only reads */
  GDestroyNotify free;
} Codec;

static gpointer
shift_break_decode (JsonNode  *node,
                    GError   **error)
{
  g_autofree PulseShiftBreak *brk = g_new0 (PulseShiftBreak, 1);

  if (!pulse_shift_break_init_from_json (brk, node, error))
    return NULL;
  return g_steal_pointer (&brk);
}

/* The codecs take their own types; the table holds them as generic ones. */
#define DECODE(f) ((DecodeFunc) (void (*) (void)) (f))
#define ENCODE(f) ((EncodeFunc) (void (*) (void)) (f))
#define FREE(f)   ((GDestroyNotify) (void (*) (void)) (f))

#define OBJECT(tag, prefix) \
  { tag, #prefix, DECODE (prefix##_new_from_json), ENCODE (prefix##_to_json), g_object_unref }
#define BOXED(tag, prefix) \
  { tag, #prefix, DECODE (prefix##_new_from_json), ENCODE (prefix##_to_json), \
    FREE (prefix##_free) }

static const Codec codecs[] = {
  OBJECT ('t', pulse_ticket),
  OBJECT ('m', pulse_message),
  OBJECT ('g', pulse_agent),
  OBJECT ('q', pulse_queue),
  OBJECT ('e', pulse_team),
  OBJECT ('c', pulse_channel),
  OBJECT ('r', pulse_rule),
  BOXED ('a', pulse_rule_action),
  BOXED ('h', pulse_rule_phrase),
  OBJECT ('p', pulse_template),
  OBJECT ('s', pulse_scorecard),
  BOXED ('x', pulse_scorecard_section),
  BOXED ('k', pulse_scorecard_criterion),
  OBJECT ('v', pulse_review_sample),
  BOXED ('d', pulse_review_grade),
  OBJECT ('M', pulse_mentorship),
  BOXED ('n', pulse_mentorship_step),
  OBJECT ('S', pulse_shift),
  { 'b', "pulse_shift_break", shift_break_decode, ENCODE (pulse_shift_break_to_json), g_free },
  OBJECT ('R', pulse_rating),
  OBJECT ('A', pulse_audit_entry),
  OBJECT ('f', pulse_followup),
  OBJECT ('C', pulse_calibration_session),
  OBJECT ('P', pulse_sampling_policy),
  OBJECT ('F', pulse_forecast_interval),
  BOXED ('D', pulse_adherence_report),
  { 'y', "pulse_applications", DECODE (pulse_applications_new_from_json),
    ENCODE (json_node_ref), FREE (json_node_unref) },
  { 'O', "pulse_coverage_report", DECODE (pulse_coverage_report_new_from_json), NULL,
    g_object_unref },
};

static const Codec *
find_codec (guint8 tag)
{
  for (gsize i = 0; i < G_N_ELEMENTS (codecs); i++)
    {
      if (codecs[i].tag == (char) tag)
        return &codecs[i];
    }

  return &codecs[tag % G_N_ELEMENTS (codecs)];
}

/* Decodes, encodes; NULL when the codec refuses @node (with an error). */
static JsonNode *
decode_encode (const Codec *codec,
               JsonNode    *node,
               gboolean     strict,
               GError     **error)
{
  gboolean previous = pulse_json_set_strict (strict);
  gpointer item = codec->decode (node, error);
  JsonNode *encoded = NULL;

  pulse_json_set_strict (previous);
  if (item == NULL)
    {
      if (error != NULL && *error == NULL)
        {
          fprintf (stderr, "%s refused a document without an error\n", codec->name);
          abort ();
        }
      if (error != NULL)
        g_message ("%s refused it: %s", codec->name, (*error)->message);
      return NULL;
    }

  if (codec->encode != NULL)
    encoded = codec->encode (item);
  else
    encoded = json_node_ref (node);
  codec->free (item);
  return encoded;
}

static void
check_round_trip (const Codec *codec,
                  JsonNode    *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) second = decode_encode (codec, first, TRUE, &error);
  g_autofree char *text = NULL;

  if (second == NULL)
    {
      text = pulse_json_to_string (first);
      fprintf (stderr, "%s does not read its own output (%s):\n  %s\n", codec->name,
               error->message, text);
      abort ();
    }

  pulse_fuzz_check_round_trip (first, second, codec->name);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(GError) error = NULL;
  const Codec *codec;

  pulse_fuzz_setup ();
  if (size == 0)
    return 0;

  codec = find_codec (data[0]);
  node = pulse_json_parse ((const char *) data + 1, size - 1, NULL);
  if (node == NULL)
    return 0;

  first = decode_encode (codec, node, FALSE, &error);
  if (first != NULL && codec->encode != NULL)
    check_round_trip (codec, first);
  return 0;
}
