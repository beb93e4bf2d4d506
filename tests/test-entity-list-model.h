/* test-entity-list-model.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the PulseEntityList tests share: a recorder of every
 * items-changed that replays them on a mirror array of the objects
 * handed out, which must then be the model object for object (so a
 * signal that is missing, too small or misplaced fails, and so does a
 * replaced object where the same one was due), and small items.
 * Header-only, so each test needs no extra meson wiring.
 */

#pragma once

#include "pulse-entity-list.h"
#include "test-entity-list-util.h"

G_BEGIN_DECLS

#define RULE_F "{'id':'%s','version':1,'name':'%s','position':%d,'enabled':false,'phrases':[]," \
               "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]}"
#define TICKET_F "{'id':'%s','version':1,'queue_id':'q-1','channel':'chat','subject':'S'," \
                 "'customer_id':'c-1','status':'open','priority':'normal','tags':[]," \
                 "'created_at':'2026-11-20T%s:00Z','updated_at':'2026-11-20T%s:00Z'," \
                 "'messages':[],'ratings':[]}"
#define SHIFT_F "{'id':'%s','version':1,'agent_id':'a','kind':'work'," \
                "'starts_at':'2026-11-23T%s:00Z','ends_at':'2026-11-23T23:00:00Z','breaks':[]}"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Signal;

typedef struct
{
  GListModel *model;
  GArray     *signals;
  GPtrArray  *mirror;   /* the objects handed out, kept by the signals */
  guint       n_notify;
} Recorder;

static inline void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Recorder   *recorder)
{
  Signal signal = { position, removed, added };

  g_array_append_val (recorder->signals, signal);
  if (recorder->mirror == NULL)
    return;

  g_assert_cmpuint (position + removed, <=, recorder->mirror->len);
  g_ptr_array_remove_range (recorder->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (recorder->mirror, position + i,
                        g_list_model_get_item (model, position + i));
}

static inline void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              Recorder   *recorder)
{
  recorder->n_notify++;
}

static inline Recorder *
recorder_new (PulseEntityList *list,
              gboolean         mirror)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->model = G_LIST_MODEL (list);
  recorder->signals = g_array_new (FALSE, FALSE, sizeof (Signal));
  if (mirror)
    {
      recorder->mirror = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (recorder->model); i++)
        g_ptr_array_add (recorder->mirror, g_list_model_get_item (recorder->model, i));
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), recorder);
  return recorder;
}

static inline void
recorder_free (Recorder *recorder)
{
  g_signal_handlers_disconnect_by_data (recorder->model, recorder);
  g_array_unref (recorder->signals);
  g_clear_pointer (&recorder->mirror, g_ptr_array_unref);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

/* The signals since the last call, as "pos,removed,added …". */
static inline void
assert_signals (Recorder   *recorder,
                const char *expected)
{
  g_autoptr(GString) seen = g_string_new (NULL);

  for (guint i = 0; i < recorder->signals->len; i++)
    {
      Signal *s = &g_array_index (recorder->signals, Signal, i);

      g_string_append_printf (seen, "%s%u,%u,%u", i > 0 ? " " : "", s->position, s->removed,
                              s->added);
    }
  g_array_set_size (recorder->signals, 0);
  g_assert_cmpstr (seen->str, ==, expected);
}

/* The mirror is the model, object for object. */
static inline void
assert_mirror (Recorder *recorder)
{
  guint n = g_list_model_get_n_items (recorder->model);

  g_assert_cmpuint (recorder->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (recorder->model, i);

      g_assert_true (item == recorder->mirror->pdata[i]);
    }
}

static inline char *
dup_ids (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", id);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_ids(list, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = dup_ids (G_LIST_MODEL (list)); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static inline gpointer
item_of (PulseEntityList *list,
         const char      *id)
{
  gpointer item = pulse_entity_list_lookup (list, id);

  g_assert_nonnull (item);
  return item;
}

static inline PulseEntityList *
list_reset (PulseStateKind  kind,
            PulseState     *state)
{
  PulseEntityList *list = pulse_entity_list_new (kind);

  pulse_entity_list_reset (list, state);
  return list;
}

/* Every kind in its documented order; the input order is scrambled. */
static inline char *
rules_q (guint n)
{
  g_autoptr(GString) items = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("r-%02u", i);

      g_string_append_printf (items, "%s" RULE_F, i > 0 ? "," : "", id, "Rule", (int) i);
    }

  return g_string_free (g_steal_pointer (&items), FALSE);
}

static inline void
rule_update (PulseState      *state,
             PulseEntityList *list,
             const char      *id,
             const char      *member,
             JsonNode        *value)
{
  g_auto(PulseStateChange) change = { 0 };
  JsonObject *object = test_edit (state, PULSE_STATE_KIND_RULE, id);

  json_object_set_member (object, member, value);
  test_apply (state, "rule.updated", test_data (object), &change);
  pulse_entity_list_apply (list, &change);
}

static inline JsonNode *
tags_node (const char *tag)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node = json_node_alloc ();

  json_array_add_string_element (array, tag);
  return json_node_init_array (node, array);
}

static inline JsonNode *
int_node (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

/* Each action with the exact signal it needs, and the object kept where
 * it can take the new version. */
static inline char *
tickets_q (guint n)
{
  g_autoptr(GString) items = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("t-%u", i);
      g_autofree char *at = g_strdup_printf ("%02u:00", 9 + i);

      g_string_append_printf (items, "%s" TICKET_F, i > 0 ? "," : "", id, at, at);
    }

  return g_string_free (g_steal_pointer (&items), FALSE);
}

static inline void
ticket_status (PulseState      *state,
               PulseEntityList *list,
               const char      *id,
               const char      *status)
{
  g_auto(PulseStateChange) change = { 0 };
  JsonObject *object = test_edit (state, PULSE_STATE_KIND_TICKET, id);

  json_object_set_string_member (object, "status", status);
  json_object_set_string_member (object, "updated_at", "2026-11-20T20:00:00Z");
  test_apply (state, "ticket.updated", test_data (object), &change);
  pulse_entity_list_apply (list, &change);
}

/* A ticket nobody asked for is never decoded, so its update needs no
 * signal; one handed out is replaced, since its updated-at is read-only. */

G_END_DECLS
