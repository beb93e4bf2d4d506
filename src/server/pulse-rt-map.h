/* pulse-rt-map.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Request Tracker 5 REST 2 JSON → Pulse ingest items, and RT's quirks:
 * ids as numbers or strings, numbers as strings, float page counts,
 * 1970 for unset dates, base64 attachment content. No I/O here, so the
 * mapping is tested on recorded JSON (tests/data/rt/).
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a bridge says about the RT queues it maps (docs/bridges/rt.md). */
typedef struct
{
  GHashTable *channels;   /* RT queue name → channel nick; unlisted: "email" */
  const char *country;    /* every mapped queue's country ("UA") */
  const char *language;   /* every mapped queue's language ("uk") */
} PulseRtMapOptions;

/* One RT ticket transaction, read from a /transactions page. */
typedef struct
{
  gint64  id;
  gint64  ticket_id;
  gint64  created;        /* µs */
  char   *type;           /* "Create", "Correspond", "Status", "Set" … */
  char   *creator;        /* the RT user's Name */
  char   *field;          /* "Owner", "Priority" … for "Set"; may be NULL */
} PulseRtTxn;

gboolean    pulse_rt_read_int       (JsonNode                 *node,
                                     gint64                   *value);
gboolean    pulse_rt_member_int     (JsonObject               *object,
                                     const char               *member,
                                     gint64                   *value);
char       *pulse_rt_member_link    (JsonObject               *object,
                                     const char               *member);
gboolean    pulse_rt_member_time    (JsonObject               *object,
                                     const char               *member,
                                     gint64                   *usec);
gint64      pulse_rt_page_count     (JsonObject               *page);
JsonArray  *pulse_rt_page_items     (JsonNode                 *page,
                                     GError                  **error);
void        pulse_rt_sort_unique    (GArray                   *numbers);
char       *pulse_rt_decode_content (const char               *content,
                                     gboolean                  base64);
const char *pulse_rt_map_status     (const char               *rt_status);
const char *pulse_rt_map_priority   (gint64                    rt_priority);
char       *pulse_rt_agent_id       (const char               *rt_user);
char       *pulse_rt_queue_id       (gint64                    rt_queue);
char       *pulse_rt_ticket_id      (gint64                    rt_ticket);

gboolean    pulse_rt_txn_read       (PulseRtTxn               *txn,
                                     JsonNode                 *node,
                                     GError                  **error);
void        pulse_rt_txn_clear      (PulseRtTxn               *txn);
void        pulse_rt_txn_free       (gpointer                  data);
gboolean    pulse_rt_is_requestor   (JsonObject               *rt_ticket,
                                     const char               *rt_user);
JsonNode   *pulse_rt_map_queue      (JsonObject               *rt_queue,
                                     const PulseRtMapOptions  *options,
                                     GError                  **error);
JsonNode   *pulse_rt_map_agent      (const char               *rt_user);
JsonNode   *pulse_rt_map_message    (const PulseRtTxn         *txn,
                                     JsonObject               *rt_ticket,
                                     const char               *body);
JsonNode   *pulse_rt_map_ticket     (JsonObject               *rt_ticket,
                                     const char               *queue_channel,
                                     GPtrArray                *messages,
                                     GError                  **error);

G_END_DECLS
