/* fuzz-event.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the console does with the event stream: each line of the input is
 * one WebSocket text frame, parsed by pulse_json_parse() (the fast
 * scanner, json-glib behind it) and applied to a PulseState, as
 * pulse-stream-socket.c and the sync engine do. An input whose first
 * byte is '!' carries its own snapshot on that first line; any other is
 * applied to the hand-written snapshot of tests/pulse-test-state.h.
 * Each event gets the state's next seq unless its line starts with '='.
 *
 * Checks beyond "no crash, no leak":
 * - the scanner and json-glib agree on every document the scanner takes;
 * - the state's own dump reads back as a snapshot to the same dump.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "pulse-agent.h"
#include "pulse-json-private.h"
#include "pulse-json.h"
#include "pulse-state.h"
#include "pulse-test-state.h"
#include "pulse-ticket.h"

/* The scanner's tree must be json-glib's tree for the same text. */
static void
check_scanner (const char *text,
               gsize       length)
{
  g_autoptr(JsonNode) scanned = _pulse_json_scan (text, length);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (scanned == NULL)
    return;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, &error))
    {
      fprintf (stderr, "the scanner took what json-glib refuses: %s\n", error->message);
      abort ();
    }

  pulse_fuzz_check_same (scanned, json_parser_get_root (parser), "scanner and json-glib trees");
}

static JsonNode *
parse_frame (const char *text,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  check_scanner (text, length);
  node = pulse_json_parse (text, length, &error);
  if (node == NULL)
    g_message ("not JSON: %s", error->message);
  return node;
}

static PulseState *
default_state (void)
{
  g_autofree char *text = g_strdup_printf (SNAPSHOT, (gint64) 10);
  g_autoptr(JsonNode) snapshot = NULL;

  g_strdelimit (text, "'", '"');
  snapshot = pulse_json_parse (text, -1, NULL);
  g_assert (snapshot != NULL);
  return pulse_state_new_from_snapshot (snapshot, NULL);
}

/* pulse_state_to_json() read back as a snapshot dumps the same. */
static void
check_dump (PulseState *state)
{
  g_autoptr(JsonNode) dump = pulse_state_to_json (state);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseState) again = pulse_state_new_from_snapshot (dump, &error);
  g_autoptr(JsonNode) dump_again = NULL;

  if (again == NULL)
    {
      g_autofree char *text = pulse_json_to_string (dump);

      fprintf (stderr, "the state's dump is no snapshot: %s\n%s\n", error->message, text);
      abort ();
    }

  dump_again = pulse_state_to_json (again);
  pulse_fuzz_check_same (dump, dump_again, "state dump and its re-read");
}

/* A ticket or agent the state holds is its codec's text of it, member
 * order included: the state keeps event nodes that match that text and
 * writes the rest again (pulse-json-sink.c). */
static void
check_canonical (PulseStateKind  kind,
                 JsonNode       *item)
{
  g_autoptr(GObject) decoded = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  if (kind == PULSE_STATE_KIND_TICKET)
    decoded = G_OBJECT (pulse_ticket_new_from_json (item, NULL));
  else if (kind == PULSE_STATE_KIND_AGENT)
    decoded = G_OBJECT (pulse_agent_new_from_json (item, NULL));
  else
    return;

  text = pulse_json_to_string (item);
  if (decoded == NULL)
    {
      fprintf (stderr, "the state holds what its codec refuses:\n%s\n", text);
      abort ();
    }

  written = kind == PULSE_STATE_KIND_TICKET ? pulse_ticket_to_json (PULSE_TICKET (decoded))
                                            : pulse_agent_to_json (PULSE_AGENT (decoded));
  expected = pulse_json_to_string (written);
  if (!g_str_equal (text, expected))
    {
      fprintf (stderr, "the state holds a non-canonical item:\n%s\nnot\n%s\n", text,
               expected);
      abort ();
    }
}

/* What the change reports is what the state now holds. */
static void
check_change (PulseState             *state,
              const PulseStateChange *change)
{
  JsonNode *stored;

  if (change->kind == PULSE_STATE_KIND_NONE || change->kind == PULSE_STATE_KIND_APPLICATIONS ||
      change->action == PULSE_STATE_ACTION_NONE || change->action == PULSE_STATE_ACTION_MISSING ||
      change->action == PULSE_STATE_ACTION_RESYNC)
    return;

  if (change->id == NULL || change->item == NULL)
    {
      fprintf (stderr, "a change of kind %d, action %d without its id or item\n",
               change->kind, change->action);
      abort ();
    }

  stored = pulse_state_lookup (state, change->kind, change->id);
  if (change->action == PULSE_STATE_ACTION_DELETED && stored != NULL)
    {
      fprintf (stderr, "deleted %s is still there\n", change->id);
      abort ();
    }

  if (change->action != PULSE_STATE_ACTION_DELETED)
    {
      if (stored == NULL)
        {
          fprintf (stderr, "changed %s is not there\n", change->id);
          abort ();
        }
      pulse_fuzz_check_same (change->item, stored, "the reported and the stored item");
      check_canonical (change->kind, stored);
    }
}

static void
apply_frame (PulseState *state,
             JsonNode   *event)
{
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;

  if (pulse_state_apply (state, event, &change, &error))
    check_change (state, &change);
  else if (error == NULL)
    {
      fprintf (stderr, "pulse_state_apply() failed without an error\n");
      abort ();
    }
  else
    g_message ("the state refused the event: %s", error->message);
}

/* Mutations rarely keep the seqs of several lines in step, and a state
 * takes only the next one: each event gets the next seq, unless its line
 * starts with '=' (then it goes as written, to fuzz the seq checks). */
static JsonNode *
resequence (PulseState *state,
            JsonNode   *event)
{
  JsonNode *copy;
  JsonNode *type;

  if (!JSON_NODE_HOLDS_OBJECT (event))
    return event;

  type = json_object_get_member (json_node_get_object (event), "type");
  if (type != NULL && json_node_get_value_type (type) == G_TYPE_STRING &&
      g_strcmp0 (json_node_get_string (type), "resync") == 0)
    return event;

  copy = json_node_copy (event);
  json_object_set_int_member (json_node_get_object (copy), "seq",
                              pulse_state_get_seq (state) + 1);
  json_node_unref (event);
  return copy;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(PulseState) state = NULL;
  char *line;
  char *next;

  pulse_fuzz_setup ();
  text = pulse_fuzz_dup_text (data, size);
  line = text;

  if (size > 0 && text[0] == '!')
    {
      g_autoptr(JsonNode) snapshot = NULL;

      next = memchr (text, '\n', size);
      snapshot = parse_frame (text + 1, (next != NULL ? next : text + size) - (text + 1));
      if (snapshot != NULL)
        state = pulse_state_new_from_snapshot (snapshot, NULL);
      if (state == NULL || next == NULL)
        return 0;
      line = next + 1;
    }
  else
    state = default_state ();

  while (line < text + size)
    {
      g_autoptr(JsonNode) event = NULL;
      gsize length;

      next = memchr (line, '\n', text + size - line);
      length = (next != NULL ? next : text + size) - line;
      if (length > 0 && line[0] == '=')
        event = parse_frame (line + 1, length - 1);
      else if ((event = parse_frame (line, length)) != NULL)
        event = resequence (state, event);
      if (event != NULL)
        apply_frame (state, event);
      line += length + 1;
    }

  check_dump (state);
  return 0;
}
