/* pulse-entity-list-update.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new version of an item copied onto the object a view holds, so rows,
 * detail panes and GtkExpression bindings follow it through `notify` and
 * a selection keeps it. Only through its public properties: what an
 * object keeps elsewhere (a rule's phrases) or shows read-only cannot be
 * copied, and then the list replaces the object instead. The codec says
 * which case it was: after the copy, the object must write exactly the
 * new canonical JSON. Tickets are the exception: pulse_ticket_update_from()
 * takes a whole new version, messages and ratings included, so a ticket
 * is always kept.
 */

#include "config.h"

#include <string.h>

#include "pulse-entity-list-private.h"
#include "pulse-ticket.h"

typedef struct
{
  GParamSpec *pspec;
  GValue      value;
} Assignment;

static void
assignment_clear (gpointer data)
{
  g_value_unset (&((Assignment *) data)->value);
}

static gboolean
arrays_equal (GArray *a,
              GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (a->len != b->len || g_array_get_element_size (a) != g_array_get_element_size (b))
    return FALSE;

  /* An empty array's data may be NULL, which memcmp() must not see. */
  return a->len == 0
         || memcmp (a->data, b->data, (gsize) a->len * g_array_get_element_size (a)) == 0;
}

/* Boxed values compare by content where the type is known; any other
 * boxed type counts as changed, which costs at most a redundant set. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      return (sa == NULL || sb == NULL) ? sa == sb : g_strv_equal (sa, sb);
    }
  if (type == G_TYPE_ARRAY)
    return arrays_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (G_TYPE_IS_BOXED (type))
    return g_value_get_boxed (a) == g_value_get_boxed (b);

  return g_param_values_cmp (pspec, a, b) == 0;
}

static gboolean
is_settable (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_WRITABLE) != 0
         && (pspec->flags & (G_PARAM_CONSTRUCT_ONLY | G_PARAM_DEPRECATED)) == 0;
}

/* The differing properties of @target and @source, with @source's values;
 * FALSE if one of them cannot be set. Object-valued properties (a
 * ticket's messages) are left to the final JSON comparison. */
static gboolean
collect_assignments (GObject *target,
                     GObject *source,
                     GArray  *assignments)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (target), &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) old_value = G_VALUE_INIT;
      Assignment assignment = { pspec, G_VALUE_INIT };

      if ((pspec->flags & G_PARAM_READABLE) == 0 || G_TYPE_IS_OBJECT (type)
          || G_TYPE_IS_INTERFACE (type))
        continue;

      g_value_init (&old_value, type);
      g_value_init (&assignment.value, type);
      g_object_get_property (target, pspec->name, &old_value);
      g_object_get_property (source, pspec->name, &assignment.value);
      if (values_equal (pspec, &old_value, &assignment.value))
        {
          g_value_unset (&assignment.value);
          continue;
        }

      g_array_append_val (assignments, assignment);
      if (!is_settable (pspec))
        return FALSE;
    }

  return TRUE;
}

/**
 * _pulse_entity_update_in_place:
 * @target: the object the list hands out
 * @source: the new version, decoded from @canonical
 * @canonical: the new version's canonical JSON
 *
 * Sets on @target every public property in which @source differs, inside
 * one freeze, so each changed property notifies once. Nothing is set
 * when a differing property is read-only.
 *
 * Returns: %TRUE if @target now is the new version; %FALSE if the list
 *   must replace it (it may then hold part of the new version).
 */
gboolean
_pulse_entity_update_in_place (const PulseEntityKind *kind,
                               GObject               *target,
                               GObject               *source,
                               JsonNode              *canonical)
{
  g_autoptr(GArray) assignments = g_array_new (FALSE, FALSE, sizeof (Assignment));
  g_autoptr(JsonNode) written = NULL;

  /* A ticket's messages, ratings and updated-at are not writable
   * properties, but the ticket can take a new version whole. */
  if (kind->kind == PULSE_STATE_KIND_TICKET)
    {
      pulse_ticket_update_from (PULSE_TICKET (target), PULSE_TICKET (source));
      return TRUE;
    }

  g_array_set_clear_func (assignments, assignment_clear);
  if (!collect_assignments (target, source, assignments))
    return FALSE;

  g_object_freeze_notify (target);
  for (guint i = 0; i < assignments->len; i++)
    {
      Assignment *assignment = &g_array_index (assignments, Assignment, i);

      g_object_set_property (target, assignment->pspec->name, &assignment->value);
    }
  g_object_thaw_notify (target);

  written = kind->encode (target);
  return json_node_equal (written, canonical);
}
