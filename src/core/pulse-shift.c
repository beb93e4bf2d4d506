/* pulse-shift.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pulse-enums.h"
#include "pulse-shift-private.h"
#include "pulse-utils.h"

/**
 * PulseShift:
 *
 * One agent's planned time, [starts_at, ends_at), with its breaks: work,
 * an absence (leave, sickness) or training.
 * Wire form: `{"id","version","agent_id","kind","starts_at","ends_at",
 * "breaks":[{"starts_at","ends_at"}…],"note"?}`. A shift lasts at most
 * %PULSE_SHIFT_MAX_DAYS; breaks lie inside it, in order, without overlap.
 */

G_DEFINE_FINAL_TYPE (PulseShift, pulse_shift, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_AGENT_ID,
  PROP_KIND,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_BREAKS,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_shift_finalize (GObject *object)
{
  PulseShift *self = (PulseShift *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->agent_id, g_free);
  g_clear_pointer (&self->breaks, g_array_unref);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (pulse_shift_parent_class)->finalize (object);
}

static void
pulse_shift_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PulseShift *self = PULSE_SHIFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_AGENT_ID:
      g_value_set_string (value, self->agent_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STARTS_AT:
      g_value_set_int64 (value, self->starts_at);
      break;
    case PROP_ENDS_AT:
      g_value_set_int64 (value, self->ends_at);
      break;
    case PROP_BREAKS:
      /* A copy: the caller must not edit the shift behind its back. */
      g_value_take_boxed (value, g_array_copy (self->breaks));
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_breaks_from_array (PulseShift   *self,
                       const GArray *array)
{
  if (array == NULL)
    {
      pulse_shift_set_breaks (self, NULL, 0);
      return;
    }

  g_return_if_fail (g_array_get_element_size ((GArray *) array) == sizeof (PulseShiftBreak));
  pulse_shift_set_breaks (self, (const PulseShiftBreak *) (const void *) array->data, array->len);
}

static void
pulse_shift_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PulseShift *self = PULSE_SHIFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_shift_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_AGENT_ID:
      self->agent_id = g_value_dup_string (value);
      break;
    case PROP_KIND:
      pulse_shift_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STARTS_AT:
      pulse_shift_set_starts_at (self, g_value_get_int64 (value));
      break;
    case PROP_ENDS_AT:
      pulse_shift_set_ends_at (self, g_value_get_int64 (value));
      break;
    case PROP_BREAKS:
      set_breaks_from_array (self, g_value_get_boxed (value));
      break;
    case PROP_NOTE:
      pulse_shift_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_shift_class_init (PulseShiftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags writable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_shift_finalize;
  object_class->get_property = pulse_shift_get_property;
  object_class->set_property = pulse_shift_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, writable);
  properties[PROP_AGENT_ID] = g_param_spec_string ("agent-id", NULL, NULL, NULL, construct);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PULSE_TYPE_SHIFT_KIND, PULSE_SHIFT_KIND_WORK, writable);
  properties[PROP_STARTS_AT] =
    g_param_spec_int64 ("starts-at", NULL, NULL, 0, G_MAXINT64, 0, writable);
  properties[PROP_ENDS_AT] =
    g_param_spec_int64 ("ends-at", NULL, NULL, 0, G_MAXINT64, 0, writable);
  /**
   * PulseShift:breaks: (type GArray(PulseShiftBreak))
   *
   * The breaks, a #GArray of #PulseShiftBreak in time order. Reading it
   * gives a copy.
   */
  properties[PROP_BREAKS] = g_param_spec_boxed ("breaks", NULL, NULL, G_TYPE_ARRAY, writable);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, writable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_shift_init (PulseShift *self)
{
  self->breaks = g_array_new (FALSE, FALSE, sizeof (PulseShiftBreak));
}

/**
 * pulse_shift_new:
 * @id: the shift's identifier
 * @agent_id: the agent who works it
 *
 * Returns: (transfer full): a new work shift with no times yet.
 */
PulseShift *
pulse_shift_new (const char *id,
                 const char *agent_id)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (agent_id != NULL, NULL);

  return g_object_new (PULSE_TYPE_SHIFT, "id", id, "agent-id", agent_id, NULL);
}

const char *
pulse_shift_get_id (PulseShift *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), NULL);

  return self->id;
}

gint64
pulse_shift_get_version (PulseShift *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), 0);

  return self->version;
}

void
pulse_shift_set_version (PulseShift *self,
                         gint64      version)
{
  g_return_if_fail (PULSE_IS_SHIFT (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_shift_get_agent_id (PulseShift *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), NULL);

  return self->agent_id;
}

PulseShiftKind
pulse_shift_get_kind (PulseShift *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), PULSE_SHIFT_KIND_WORK);

  return self->kind;
}

void
pulse_shift_set_kind (PulseShift     *self,
                      PulseShiftKind  kind)
{
  g_return_if_fail (PULSE_IS_SHIFT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
pulse_shift_get_starts_at (PulseShift *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), 0);

  return self->starts_at;
}

/**
 * pulse_shift_set_starts_at:
 * @starts_at: microseconds since the epoch
 *
 * Setters do not check the shift as a whole, since an editor moves one end
 * at a time; the codec checks it when the shift is sent or received.
 */
void
pulse_shift_set_starts_at (PulseShift *self,
                           gint64      starts_at)
{
  g_return_if_fail (PULSE_IS_SHIFT (self));

  if (self->starts_at == starts_at)
    return;

  self->starts_at = starts_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_AT]);
}

gint64
pulse_shift_get_ends_at (PulseShift *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), 0);

  return self->ends_at;
}

void
pulse_shift_set_ends_at (PulseShift *self,
                         gint64      ends_at)
{
  g_return_if_fail (PULSE_IS_SHIFT (self));

  if (self->ends_at == ends_at)
    return;

  self->ends_at = ends_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS_AT]);
}

guint
pulse_shift_get_n_breaks (PulseShift *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), 0);

  return self->breaks->len;
}

/**
 * pulse_shift_get_break:
 * @position: an index below pulse_shift_get_n_breaks()
 *
 * Returns: (transfer none): the break at @position, in time order; valid
 *   until the breaks change.
 */
const PulseShiftBreak *
pulse_shift_get_break (PulseShift *self,
                       guint       position)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), NULL);
  g_return_val_if_fail (position < self->breaks->len, NULL);

  return &g_array_index (self->breaks, PulseShiftBreak, position);
}

/**
 * pulse_shift_set_breaks:
 * @breaks: (array length=n_breaks) (nullable): the new breaks, copied
 * @n_breaks: the number of @breaks
 *
 * Replaces every break, notifying #PulseShift:breaks only on a change.
 */
void
pulse_shift_set_breaks (PulseShift            *self,
                        const PulseShiftBreak *breaks,
                        guint                  n_breaks)
{
  g_return_if_fail (PULSE_IS_SHIFT (self));
  g_return_if_fail (breaks != NULL || n_breaks == 0);

  if (n_breaks == self->breaks->len &&
      (n_breaks == 0 || memcmp (breaks, self->breaks->data, n_breaks * sizeof *breaks) == 0))
    return;

  g_array_set_size (self->breaks, 0);
  g_array_append_vals (self->breaks, breaks, n_breaks);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BREAKS]);
}

const char *
pulse_shift_get_note (PulseShift *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), NULL);

  return self->note;
}

void
pulse_shift_set_note (PulseShift *self,
                      const char *note)
{
  g_return_if_fail (PULSE_IS_SHIFT (self));

  if (pulse_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * pulse_shift_covers:
 * @usec: an instant, in microseconds since the epoch
 *
 * Whether the agent is working at @usec, for coverage counts: the shift is
 * a work shift, @usec lies in [starts_at, ends_at) and in none of the
 * breaks. Absence and training shifts never cover, since the agent takes
 * no contacts then.
 *
 * Returns: %TRUE if @self has its agent working at @usec.
 */
gboolean
pulse_shift_covers (PulseShift *self,
                    gint64      usec)
{
  g_return_val_if_fail (PULSE_IS_SHIFT (self), FALSE);

  if (self->kind != PULSE_SHIFT_KIND_WORK || usec < self->starts_at || usec >= self->ends_at)
    return FALSE;

  for (guint i = 0; i < self->breaks->len; i++)
    {
      if (pulse_shift_break_contains (&g_array_index (self->breaks, PulseShiftBreak, i), usec))
        return FALSE;
    }

  return TRUE;
}
