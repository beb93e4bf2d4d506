/* pulse-rule-book.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-rule-book.h"

/**
 * PulseRuleBook:
 *
 * The server's rules, compiled once for matching and kept until a rule
 * changes: ingest runs every new contact through them, so compiling them
 * per contact (about a millisecond for 300 rules) would cap ingest at a
 * thousand contacts a second.
 */
struct _PulseRuleBook
{
  GObject           parent_instance;

  PulseItemStore   *items;
  PulseRuleMatcher *matcher;
};

G_DEFINE_FINAL_TYPE (PulseRuleBook, pulse_rule_book, G_TYPE_OBJECT)

static void
pulse_rule_book_finalize (GObject *object)
{
  PulseRuleBook *self = (PulseRuleBook *)object;

  g_clear_object (&self->items);
  g_clear_object (&self->matcher);

  G_OBJECT_CLASS (pulse_rule_book_parent_class)->finalize (object);
}

static void
pulse_rule_book_class_init (PulseRuleBookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_rule_book_finalize;
}

static void
pulse_rule_book_init (PulseRuleBook *self)
{
}

/**
 * pulse_rule_book_new:
 * @items: where the rules are stored (kind "rule")
 *
 * Returns: (transfer full): a rule book.
 */
PulseRuleBook *
pulse_rule_book_new (PulseItemStore *items)
{
  PulseRuleBook *self;

  g_return_val_if_fail (PULSE_IS_ITEM_STORE (items), NULL);

  self = g_object_new (PULSE_TYPE_RULE_BOOK, NULL);
  self->items = g_object_ref (items);
  return self;
}

/**
 * pulse_rule_book_invalidate:
 *
 * Forgets the compiled rules; the next use reads them again. Call it
 * whenever a rule may have changed (a rolled-back change only costs one
 * recompilation).
 */
void
pulse_rule_book_invalidate (PulseRuleBook *self)
{
  g_return_if_fail (PULSE_IS_RULE_BOOK (self));

  g_clear_object (&self->matcher);
}

/**
 * pulse_rule_book_load_rules:
 *
 * Returns: (transfer full) (element-type PulseRule): every stored rule,
 *   or %NULL on error.
 */
GPtrArray *
pulse_rule_book_load_rules (PulseRuleBook  *self,
                            GError        **error)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PULSE_IS_RULE_BOOK (self), NULL);

  nodes = pulse_item_store_list (self->items, "rule", error);
  if (nodes == NULL)
    return NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      PulseRule *rule = pulse_rule_new_from_json (nodes->pdata[i], error);

      if (rule == NULL)
        {
          g_prefix_error (error, "stored rule %u: ", i);
          return NULL;
        }
      g_ptr_array_add (rules, rule);
    }

  return g_steal_pointer (&rules);
}

/**
 * pulse_rule_book_get_matcher:
 *
 * Returns: (transfer full) (nullable): the stored rules compiled, or
 *   %NULL on error.
 */
PulseRuleMatcher *
pulse_rule_book_get_matcher (PulseRuleBook  *self,
                             GError        **error)
{
  g_return_val_if_fail (PULSE_IS_RULE_BOOK (self), NULL);

  if (self->matcher == NULL)
    {
      g_autoptr(GPtrArray) rules = pulse_rule_book_load_rules (self, error);

      if (rules == NULL)
        return NULL;
      self->matcher = pulse_rule_matcher_new (rules);
    }

  return g_object_ref (self->matcher);
}

/**
 * pulse_rule_book_new_with_draft:
 * @draft: a rule being edited: it replaces the stored rule with its id,
 *   or joins the list at its position
 *
 * The rules as they would be if @draft were saved, for the test bench.
 *
 * Returns: (transfer full) (nullable): a matcher, or %NULL on error.
 */
PulseRuleMatcher *
pulse_rule_book_new_with_draft (PulseRuleBook  *self,
                                PulseRule      *draft,
                                GError        **error)
{
  g_autoptr(GPtrArray) rules = NULL;

  g_return_val_if_fail (PULSE_IS_RULE_BOOK (self), NULL);
  g_return_val_if_fail (PULSE_IS_RULE (draft), NULL);

  rules = pulse_rule_book_load_rules (self, error);
  if (rules == NULL)
    return NULL;

  for (guint i = 0; i < rules->len; i++)
    {
      if (g_str_equal (pulse_rule_get_id (rules->pdata[i]), pulse_rule_get_id (draft)))
        {
          g_ptr_array_remove_index (rules, i);
          break;
        }
    }

  g_ptr_array_add (rules, g_object_ref (draft));
  return pulse_rule_matcher_new (rules);
}
