/* pulse-state-dump.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #PulseState written out in the snapshot's shape and order, whole or
 * cut to what a snapshot served at a given moment holds.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-state-private.h"
#include "pulse-time-utils.h"

/* The snapshot's windows (src/server/pulse-server-snapshot.c): closed
 * tickets changed in the last 24 hours, and 90 days of applications. */
#define RECENT_TICKETS   (24 * PULSE_USEC_PER_HOUR)
#define APPLICATION_DAYS 90

typedef struct
{
  gboolean  live;
  gint64    tickets_since;   /* closed tickets before this are left out */
  char     *first_day;       /* applications before this day are left out */
} Window;

static void
add_items (JsonBuilder *builder,
           const char  *member,
           GHashTable  *table,
           const char  *first_key)
{
  g_autofree const char **keys = NULL;
  guint n = 0;

  keys = _pulse_state_sorted_keys (table, &n);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    if (first_key == NULL || strcmp (keys[i], first_key) >= 0)
      json_builder_add_value (builder, json_node_ref (g_hash_table_lookup (table, keys[i])));
  json_builder_end_array (builder);
}

static int
compare_tickets (gconstpointer a,
                 gconstpointer b)
{
  const PulseStateTicket *ta = *(PulseStateTicket * const *) a;
  const PulseStateTicket *tb = *(PulseStateTicket * const *) b;

  if (ta->sort_key != tb->sort_key)
    return ta->sort_key < tb->sort_key ? -1 : 1;

  return strcmp (_pulse_state_item_id (ta->node), _pulse_state_item_id (tb->node));
}

/* In (updated_at, id) order, as the server's ticket index reads them. */
static void
add_tickets (JsonBuilder *builder,
             PulseState  *self,
             Window      *window)
{
  g_autoptr(GPtrArray) tickets = g_ptr_array_new ();
  GHashTableIter iter;
  PulseStateTicket *entry;

  g_hash_table_iter_init (&iter, self->tickets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (!window->live || entry->open || entry->sort_key >= window->tickets_since)
      g_ptr_array_add (tickets, entry);
  g_ptr_array_sort (tickets, compare_tickets);

  json_builder_set_member_name (builder, "tickets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tickets->len; i++)
    json_builder_add_value (builder,
                            json_node_ref (((PulseStateTicket *) tickets->pdata[i])->node));
  json_builder_end_array (builder);
}

static JsonNode *
dump (PulseState *self,
      Window     *window)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "seq", self->seq);
  for (guint k = PULSE_STATE_KIND_QUEUE; k <= PULSE_STATE_KIND_CHANNEL; k++)
    add_items (builder, _pulse_state_kind_info (k)->collection, self->items[k], NULL);
  add_tickets (builder, self, window);
  add_items (builder, "applications", self->applications, window->first_day);
  for (guint k = PULSE_STATE_KIND_RULE; k < PULSE_STATE_N_ITEM_KINDS; k++)
    add_items (builder, _pulse_state_kind_info (k)->collection, self->items[k], NULL);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_state_to_json:
 *
 * Everything the state holds in the snapshot's shape and order: `seq`,
 * then each list by id, tickets in (updated-at, id) order and
 * applications by date and country. Unlike a snapshot it keeps every
 * ticket and day it has heard of, however old.
 *
 * Returns: (transfer full): the document.
 */
JsonNode *
pulse_state_to_json (PulseState *self)
{
  Window window = { FALSE, 0, NULL };

  g_return_val_if_fail (PULSE_IS_STATE (self), NULL);

  return dump (self, &window);
}

/**
 * pulse_state_to_snapshot_json:
 * @now: the moment of the snapshot, µs since the epoch (server time)
 *
 * The part of the state that `GET /api/v1/snapshot` served at @now would
 * hold: every open ticket (new, open, pending), the other tickets whose
 * updated-at is at most 24 hours before @now, and the applications of
 * the 90 days up to @now's UTC day and any later day. A state that
 * followed the events since an older snapshot knows more than a fresh
 * snapshot (a ticket closed two days ago that got a late message, a day
 * that left the window); cut to the same @now, the two are comparable.
 *
 * Returns: (transfer full): the document, shaped and ordered as the
 *   server writes it.
 */
JsonNode *
pulse_state_to_snapshot_json (PulseState *self,
                              gint64      now)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *first_day = NULL;
  Window window;

  g_return_val_if_fail (PULSE_IS_STATE (self), NULL);

  today = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  first = g_date_time_add_days (today, -(APPLICATION_DAYS - 1));
  first_day = g_date_time_format (first, "%Y-%m-%d");
  window = (Window) { TRUE, now - RECENT_TICKETS, first_day };

  return dump (self, &window);
}

/**
 * pulse_state_equal:
 * @a: a state
 * @b: another state
 * @now: the moment to compare at (server time), no earlier than the
 *   later of the two states' snapshots
 *
 * The fair comparison of a state kept by events with one read from a
 * fresh snapshot: both are cut to what a snapshot served at @now holds
 * (pulse_state_to_snapshot_json()), so what only the older state can
 * know (old closed tickets, old days) does not count, and everything a
 * snapshot must hold does, seq included.
 *
 * Returns: %TRUE if the two agree.
 */
gboolean
pulse_state_equal (PulseState *a,
                   PulseState *b,
                   gint64      now)
{
  g_autoptr(JsonNode) dump_a = NULL;
  g_autoptr(JsonNode) dump_b = NULL;

  g_return_val_if_fail (PULSE_IS_STATE (a), FALSE);
  g_return_val_if_fail (PULSE_IS_STATE (b), FALSE);

  dump_a = pulse_state_to_snapshot_json (a, now);
  dump_b = pulse_state_to_snapshot_json (b, now);
  return json_node_equal (dump_a, dump_b);
}
