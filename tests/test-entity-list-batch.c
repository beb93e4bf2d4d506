/* test-entity-list-batch.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseEntityList batches: one items-changed per stretch touched, worked
 * out by hand for a few, and 1,000 seeded random changes whose signals, replayed
 * on a mirror (test-entity-list-model.h), leave exactly the model, which
 * in the end is what a fresh list reset from the final state holds.
 */

#include "config.h"

#include "pulse-rule.h"
#include "pulse-ticket.h"
#include "test-entity-list-model.h"

static void
rule_create (PulseState      *state,
             PulseEntityList *list,
             const char      *id,
             int              position)
{
  g_autofree char *item = g_strdup_printf (RULE_F, id, "Rule", position);
  g_auto(PulseStateChange) change = { 0 };

  test_apply_q (state, "rule.created", item, &change);
  pulse_entity_list_apply (list, &change);
}

/* Two creations far apart: one signal each, not one spanning the items
 * between them, worked out by hand. */
static void
test_batch (void)
{
  g_autofree char *rules = rules_q (10);
  g_autoptr(PulseState) state = test_state_new ("rules", rules, NULL);
  g_autoptr(PulseEntityList) list = list_reset (PULSE_STATE_KIND_RULE, state);
  g_autoptr(Recorder) recorder = recorder_new (list, TRUE);

  pulse_entity_list_reset (list, state);
  assert_signals (recorder, "");

  /* r-x goes after r-01 (index 2), then r-y after r-05, at index 7 of
   * the 12; r-02 … r-05 between them are untouched. */
  pulse_entity_list_begin_batch (list);
  rule_create (state, list, "r-x", 1);
  rule_create (state, list, "r-y", 5);
  assert_signals (recorder, "");
  pulse_entity_list_end_batch (list);
  assert_signals (recorder, "2,0,1 7,0,1");
  assert_mirror (recorder);
  assert_ids (list, "r-00 r-01 r-x r-02 r-03 r-04 r-05 r-y r-06 r-07 r-08 r-09");

  /* In-place updates only: nothing to announce. */
  pulse_entity_list_begin_batch (list);
  rule_update (state, list, "r-03", "name", json_node_init_string (json_node_alloc (), "A"));
  rule_update (state, list, "r-08", "enabled", json_node_init_boolean (json_node_alloc (), TRUE));
  pulse_entity_list_end_batch (list);
  assert_signals (recorder, "");

  /* Nested: only the outermost end speaks. A creation and the deletion
   * of the same item still cover where it was. */
  pulse_entity_list_begin_batch (list);
  pulse_entity_list_begin_batch (list);
  rule_create (state, list, "r-z", 9);
  pulse_entity_list_end_batch (list);
  assert_signals (recorder, "");
  {
    g_auto(PulseStateChange) change = { 0 };

    test_apply (state, "rule.deleted", test_deletion (state, PULSE_STATE_KIND_RULE, "r-z"),
                &change);
    pulse_entity_list_apply (list, &change);
  }
  pulse_entity_list_end_batch (list);
  assert_signals (recorder, "12,0,0");
  assert_mirror (recorder);

  /* A reset inside a batch to the state the batch made: only the batch's
   * own change is announced. */
  pulse_entity_list_begin_batch (list);
  rule_create (state, list, "r-w", 0);
  pulse_entity_list_reset (list, state);
  pulse_entity_list_end_batch (list);
  assert_signals (recorder, "1,0,1");
  assert_mirror (recorder);
}

/* One random change of a rule: created, renamed, moved, re-tagged
 * (replaced), toggled, or deleted. */
static void
random_rule_change (PulseState      *state,
                    PulseEntityList *list,
                    GRand           *rand,
                    GPtrArray       *ids,
                    guint           *next_id)
{
  static const char * const names[] = { "alpha", "Beta", "gamma", "Delta" };
  g_auto(PulseStateChange) change = { 0 };
  int op = ids->len < 5 ? 0 : g_rand_int_range (rand, 0, 6);
  guint pick = ids->len > 0 ? g_rand_int_range (rand, 0, ids->len) : 0;
  JsonObject *object;

  if (op == 0)
    {
      char *id = g_strdup_printf ("r-%u", (*next_id)++);
      g_autofree char *item = g_strdup_printf (RULE_F, id, names[g_rand_int_range (rand, 0, 4)],
                                               g_rand_int_range (rand, 0, 20));

      test_apply_q (state, "rule.created", item, &change);
      g_ptr_array_add (ids, id);
    }
  else if (op == 5)
    {
      test_apply (state, "rule.deleted",
                  test_deletion (state, PULSE_STATE_KIND_RULE, ids->pdata[pick]), &change);
      g_ptr_array_remove_index_fast (ids, pick);
    }
  else
    {
      object = test_edit (state, PULSE_STATE_KIND_RULE, ids->pdata[pick]);
      if (op == 1)
        json_object_set_string_member (object, "name", names[g_rand_int_range (rand, 0, 4)]);
      else if (op == 2)
        json_object_set_int_member (object, "position", g_rand_int_range (rand, 0, 20));
      else if (op == 3)
        json_object_set_member (object, "tags", tags_node (names[g_rand_int_range (rand, 0, 4)]));
      else
        json_object_set_boolean_member (object, "enabled", g_rand_boolean (rand));
      test_apply (state, "rule.updated", test_data (object), &change);
    }

  pulse_entity_list_apply (list, &change);
}

/* One random change of a ticket: created at a random minute (ties
 * included), a new status, or a message. */
static void
random_ticket_change (PulseState      *state,
                      PulseEntityList *list,
                      GRand           *rand,
                      GPtrArray       *ids,
                      guint           *next_id)
{
  static const char * const statuses[] = { "open", "pending", "resolved", "closed" };
  g_auto(PulseStateChange) change = { 0 };
  int op = ids->len < 5 ? 0 : g_rand_int_range (rand, 0, 3);
  const char *pick = ids->len > 0 ? ids->pdata[g_rand_int_range (rand, 0, ids->len)] : NULL;
  g_autofree char *later = g_strdup_printf ("2026-11-20T23:%02u:%02uZ", *next_id / 60 % 60,
                                            *next_id % 60);
  JsonObject *object;

  if (op == 0)
    {
      char *id = g_strdup_printf ("t-%u", (*next_id)++);
      guint minute = g_rand_int_range (rand, 0, 300);
      g_autofree char *at = g_strdup_printf ("%02u:%02u", 9 + minute / 60, minute % 60);
      g_autofree char *item = g_strdup_printf (TICKET_F, id, at, at);

      test_apply_q (state, "ticket.created", item, &change);
      g_ptr_array_add (ids, id);
    }
  else if (op == 1)
    {
      object = test_edit (state, PULSE_STATE_KIND_TICKET, pick);
      json_object_set_string_member (object, "status", statuses[g_rand_int_range (rand, 0, 4)]);
      json_object_set_string_member (object, "updated_at", later);
      test_apply (state, "ticket.updated", test_data (object), &change);
    }
  else
    {
      JsonNode *stored = pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, pick);
      gint64 version = json_object_get_int_member (json_node_get_object (stored), "version");
      g_autofree char *data = g_strdup_printf (
        "{'ticket_id':'%s','ticket_version':%" G_GINT64_FORMAT ",'ticket_updated_at':'%s',"
        "'message':{'id':'m-%u','author_kind':'agent','author_id':'a-1','at':'%s','body':'x'}}",
        pick, version + 1, later, (*next_id)++, later);

      test_apply_q (state, "message.created", data, &change);
    }

  pulse_entity_list_apply (list, &change);
}

typedef void (*RandomChange) (PulseState *, PulseEntityList *, GRand *, GPtrArray *, guint *);

typedef struct
{
  PulseStateKind            kind;
  const char               *seed_items;
  RandomChange              change;
  PulseTestEncodeFunc       encode;
} RandomCase;

/* The list and a fresh one reset from the final state hold the same
 * items in the same order, each as the state has it. */
static void
assert_like_fresh (PulseEntityList         *list,
                   PulseState              *state,
                   const RandomCase        *rc)
{
  g_autoptr(PulseEntityList) fresh = list_reset (rc->kind, state);
  g_autofree char *ids = dup_ids (G_LIST_MODEL (fresh));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fresh));

  assert_ids (list, ids);
  g_assert_cmpuint (n, ==, pulse_state_get_n_items (state, rc->kind));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(GObject) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);
      g_autoptr(JsonNode) ja = rc->encode (a);
      g_autoptr(JsonNode) jb = rc->encode (b);
      g_autofree char *id = NULL;

      g_object_get (a, "id", &id, NULL);
      g_assert_true (json_node_equal (ja, jb));
      g_assert_true (json_node_equal (ja, pulse_state_lookup (state, rc->kind, id)));
    }
}

/* 1,000 seeded changes, in batches of 1 to 40 (some nested) and alone;
 * after each, at most 16 signals (one per stretch touched), and the
 * mirror is the model. */
static void
test_random (gconstpointer data)
{
  const RandomCase *rc = data;
  g_autoptr(PulseState) state = test_state_new (rc->kind == PULSE_STATE_KIND_RULE ? "rules"
                                                                                 : "tickets",
                                                rc->seed_items, NULL);
  g_autoptr(PulseEntityList) list = list_reset (rc->kind, state);
  g_autoptr(Recorder) recorder = recorder_new (list, TRUE);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261120);
  guint next_id = 100;
  guint done = 0;
  guint most = 0;

  pulse_entity_list_reset (list, state);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_ptr_array_add (ids, id);
    }

  while (done < 1000)
    {
      guint size = g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 41);
      gboolean nested = size > 2 && g_rand_int_range (rand, 0, 5) == 0;

      g_array_set_size (recorder->signals, 0);
      if (size == 0)
        rc->change (state, list, rand, ids, &next_id);
      else
        {
          pulse_entity_list_begin_batch (list);
          for (guint j = 0; j < size; j++)
            {
              if (nested && j == 1)
                pulse_entity_list_begin_batch (list);
              rc->change (state, list, rand, ids, &next_id);
              if (nested && j == size - 2)
                pulse_entity_list_end_batch (list);
            }
          g_assert_cmpuint (recorder->signals->len, ==, 0);
          pulse_entity_list_end_batch (list);
          g_assert_cmpuint (recorder->signals->len, <=, 16);
          most = MAX (most, recorder->signals->len);
        }
      assert_mirror (recorder);
      done += MAX (size, 1);
    }

  /* Batches of far-apart changes were announced stretch by stretch. */
  g_assert_cmpuint (most, >, 1);
  g_test_message ("at most %u signals a batch", most);
  assert_like_fresh (list, state, rc);
}

/* A fill in steps: nothing shown until a step, each step one signal at
 * the end, the order a reset at once gives; a change first appends the
 * rest, and a new state drops what was never shown. */
static void
test_fill_in_steps (void)
{
  g_autofree char *rules = rules_q (10);
  g_autofree char *fewer = rules_q (3);
  g_autoptr(PulseState) state = test_state_new ("rules", rules, NULL);
  g_autoptr(PulseState) changed = test_state_new ("rules", rules, NULL);
  g_autoptr(PulseState) making = test_state_new ("rules", rules, NULL);
  g_autoptr(PulseState) other = test_state_new ("rules", fewer, NULL);
  g_autoptr(PulseState) empty = test_state_new (NULL);
  g_autoptr(PulseEntityList) list = pulse_entity_list_new (PULSE_STATE_KIND_RULE);
  g_autoptr(Recorder) recorder = recorder_new (list, TRUE);
  g_autoptr(PulseEntityList) at_once = list_reset (PULSE_STATE_KIND_RULE, state);
  g_autofree char *all = dup_ids (G_LIST_MODEL (at_once));

  g_assert_true (pulse_entity_list_reset_in_steps (list, state));
  g_assert_true (pulse_entity_list_get_filling (list));
  /* Making and sorting them: three steps of four, nothing shown. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (pulse_entity_list_fill_step (list, 4));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (pulse_entity_list_lookup (list, "r-00"));
  assert_signals (recorder, "");

  g_assert_true (pulse_entity_list_fill_step (list, 4));
  assert_signals (recorder, "0,0,4");
  assert_ids (list, "r-00 r-01 r-02 r-03");
  g_assert_true (pulse_entity_list_fill_step (list, 4));
  g_assert_false (pulse_entity_list_fill_step (list, 4));
  assert_signals (recorder, "4,0,4 8,0,2");
  g_assert_false (pulse_entity_list_get_filling (list));
  g_assert_false (pulse_entity_list_fill_step (list, 4));
  assert_signals (recorder, "");
  assert_mirror (recorder);
  assert_ids (list, all);

  /* A change in the middle of a fill: the other eight first, then the
   * new rule at its place, after r-01. */
  pulse_entity_list_reset (list, other);
  assert_signals (recorder, "3,7,0");
  pulse_entity_list_reset (list, empty);
  assert_signals (recorder, "0,3,0");
  g_assert_true (pulse_entity_list_reset_in_steps (list, changed));
  g_assert_true (pulse_entity_list_fill_step (list, 100));
  g_assert_true (pulse_entity_list_fill_step (list, 2));
  rule_create (changed, list, "r-x", 1);
  assert_signals (recorder, "0,0,2 2,0,8 2,0,1");
  assert_mirror (recorder);

  /* Even while the entries are being made: all ten, then the change. */
  pulse_entity_list_reset (list, empty);
  assert_signals (recorder, "0,11,0");
  g_assert_true (pulse_entity_list_reset_in_steps (list, making));
  g_assert_true (pulse_entity_list_fill_step (list, 2));
  assert_signals (recorder, "");
  rule_create (making, list, "r-x", 1);
  assert_signals (recorder, "0,0,10 2,0,1");
  assert_mirror (recorder);
  assert_ids (list, "r-00 r-01 r-x r-02 r-03 r-04 r-05 r-06 r-07 r-08 r-09");
  g_assert_false (pulse_entity_list_get_filling (list));

  /* A new state in the middle of a fill: the two shown stay, the eight
   * waiting are dropped unseen, and r-02 comes in as a change. */
  pulse_entity_list_reset (list, empty);
  assert_signals (recorder, "0,11,0");
  g_assert_true (pulse_entity_list_reset_in_steps (list, state));
  g_assert_true (pulse_entity_list_fill_step (list, 100));
  g_assert_true (pulse_entity_list_fill_step (list, 2));
  pulse_entity_list_reset (list, other);
  g_assert_false (pulse_entity_list_get_filling (list));
  assert_signals (recorder, "0,0,2 2,0,1");
  assert_mirror (recorder);
  assert_ids (list, "r-00 r-01 r-02");

  /* Into a list that holds items there is nothing to wait for. */
  g_assert_false (pulse_entity_list_reset_in_steps (list, state));
  assert_signals (recorder, "3,0,7");
  g_assert_false (pulse_entity_list_get_filling (list));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *rules = rules_q (20);
  g_autofree char *tickets = tickets_q (10);
  /* Long enough for 40 changes to fall into more than 16 stretches. */
  g_autofree char *many_rules = rules_q (95);
  RandomCase rule_case = { PULSE_STATE_KIND_RULE, rules, random_rule_change,
                           PULSE_TEST_ENCODE (pulse_rule_to_json) };
  RandomCase many_rule_case = { PULSE_STATE_KIND_RULE, many_rules, random_rule_change,
                                PULSE_TEST_ENCODE (pulse_rule_to_json) };
  RandomCase ticket_case = { PULSE_STATE_KIND_TICKET, tickets, random_ticket_change,
                             PULSE_TEST_ENCODE (pulse_ticket_to_json) };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/entity-list-batch/hand", test_batch);
  g_test_add_func ("/pulse/session/entity-list-batch/fill-in-steps", test_fill_in_steps);
  g_test_add_data_func ("/pulse/session/entity-list-batch/random-rules", &rule_case, test_random);
  g_test_add_data_func ("/pulse/session/entity-list-batch/random-many-rules", &many_rule_case,
                        test_random);
  g_test_add_data_func ("/pulse/session/entity-list-batch/random-tickets", &ticket_case,
                        test_random);

  return g_test_run ();
}
