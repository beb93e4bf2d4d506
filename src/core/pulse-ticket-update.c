/* pulse-ticket-update.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #PulseTicket brought to a newer version of itself in place, so that
 * what views hold (a row, a detail pane, a conversation list) follows
 * through `notify` and `items-changed` instead of being replaced.
 */

#include "config.h"

#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-ticket-private.h"
#include "pulse-utils.h"

typedef gboolean (*SameFunc) (gpointer a,
                              gpointer b);

static gboolean
same_message (gpointer a,
              gpointer b)
{
  PulseMessage *ma = a, *mb = b;

  return g_str_equal (pulse_message_get_id (ma), pulse_message_get_id (mb)) &&
         pulse_message_get_at (ma) == pulse_message_get_at (mb) &&
         pulse_message_get_author_kind (ma) == pulse_message_get_author_kind (mb) &&
         g_strcmp0 (pulse_message_get_author_id (ma), pulse_message_get_author_id (mb)) == 0 &&
         g_strcmp0 (pulse_message_get_body (ma), pulse_message_get_body (mb)) == 0 &&
         g_strcmp0 (pulse_message_get_rule_id (ma), pulse_message_get_rule_id (mb)) == 0 &&
         g_strcmp0 (pulse_message_get_template_id (ma),
                    pulse_message_get_template_id (mb)) == 0;
}

static gboolean
same_rating (gpointer a,
             gpointer b)
{
  PulseRating *ra = a, *rb = b;

  return pulse_rating_get_kind (ra) == pulse_rating_get_kind (rb) &&
         pulse_rating_get_score (ra) == pulse_rating_get_score (rb) &&
         pulse_rating_get_at (ra) == pulse_rating_get_at (rb) &&
         g_strcmp0 (pulse_rating_get_comment (ra), pulse_rating_get_comment (rb)) == 0;
}

static gboolean
same_at (GListModel *a,
         guint       i,
         GListModel *b,
         guint       j,
         SameFunc    same)
{
  g_autoptr(GObject) x = g_list_model_get_item (a, i);
  g_autoptr(GObject) y = g_list_model_get_item (b, j);

  return same (x, y);
}

/* @store made to hold @source's items with one splice of what differs
 * between their common head and tail: a new message is one addition. */
static void
splice_items (GListStore *store,
              GListModel *source,
              SameFunc    same)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = g_list_model_get_n_items (source);
  guint head = 0, tail = 0;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  while (head < n_old && head < n_new && same_at (model, head, source, head, same))
    head++;
  while (tail < n_old - head && tail < n_new - head &&
         same_at (model, n_old - 1 - tail, source, n_new - 1 - tail, same))
    tail++;

  if (head == n_old && head == n_new)
    return;

  for (guint i = head; i < n_new - tail; i++)
    g_ptr_array_add (added, g_list_model_get_item (source, i));
  g_list_store_splice (store, head, n_old - head - tail, added->pdata, added->len);
}

static void
set_string (PulseTicket  *self,
            char        **field,
            const char   *value,
            const char   *property)
{
  if (pulse_set_str (field, value))
    g_object_notify (G_OBJECT (self), property);
}

static void
set_int64 (PulseTicket *self,
           gint64      *field,
           gint64       value,
           const char  *property)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify (G_OBJECT (self), property);
}

static void
set_enum (PulseTicket *self,
          int         *field,
          int          value,
          const char  *property)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify (G_OBJECT (self), property);
}

/**
 * pulse_ticket_update_from:
 * @source: the same ticket (the same id) at another version
 *
 * Brings @self to @source's content in place. Each property that
 * differs notifies once, after all of them are set; the messages and
 * ratings models keep the items both versions share and change the rest
 * with one `items-changed` (a new message is one addition). Afterwards
 * @self writes the same JSON as @source.
 */
void
pulse_ticket_update_from (PulseTicket *self,
                          PulseTicket *source)
{
  g_return_if_fail (PULSE_IS_TICKET (self));
  g_return_if_fail (PULSE_IS_TICKET (source));
  g_return_if_fail (g_strcmp0 (self->id, source->id) == 0);

  g_object_freeze_notify (G_OBJECT (self));
  set_int64 (self, &self->version, source->version, "version");
  set_string (self, &self->queue_id, source->queue_id, "queue-id");
  set_enum (self, (int *) &self->channel, source->channel, "channel");
  set_string (self, &self->subject, source->subject, "subject");
  set_string (self, &self->customer_id, source->customer_id, "customer-id");
  set_enum (self, (int *) &self->status, source->status, "status");
  set_enum (self, (int *) &self->priority, source->priority, "priority");
  set_string (self, &self->assignee_id, source->assignee_id, "assignee-id");
  pulse_ticket_set_tags (self, (const char * const *) source->tags);
  set_string (self, &self->language, source->language, "language");
  set_int64 (self, &self->created_at, source->created_at, "created-at");
  set_int64 (self, &self->updated_at, source->updated_at, "updated-at");
  set_int64 (self, &self->resolved_at, source->resolved_at, "resolved-at");
  set_enum (self, &self->handle_seconds, source->handle_seconds, "handle-seconds");
  splice_items (self->messages, G_LIST_MODEL (source->messages), same_message);
  splice_items (self->ratings, G_LIST_MODEL (source->ratings), same_rating);
  g_object_thaw_notify (G_OBJECT (self));
}
