/* pulse-alert-gate.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When an alert is told, and when it is over. A condition (a queue's
 * service level under its threshold, say) must hold for a while before it
 * is raised, so a single slow contact does not page anyone; once raised
 * it is told once, however long it lasts; and it clears only when the
 * figure is back past a second, safer threshold (hysteresis), so a
 * figure wobbling on the line does not raise it again and again. Keys
 * name the conditions ("sl:q-ua-chat"); a key the caller stops reporting
 * (a queue removed) clears at the end of the round.
 */

#include "config.h"

#include "pulse-alert-gate.h"

typedef struct
{
  gint64   bad_since;   /* 0: not bad now */
  gboolean raised;
  gboolean seen;        /* reported in this round */
} Condition;

struct _PulseAlertGate
{
  GHashTable *conditions;  /* key → Condition */
};

/**
 * pulse_alert_gate_new:
 *
 * Returns: (transfer full): a gate with nothing raised
 */
PulseAlertGate *
pulse_alert_gate_new (void)
{
  PulseAlertGate *self = g_new0 (PulseAlertGate, 1);

  self->conditions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
pulse_alert_gate_free (PulseAlertGate *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->conditions);
  g_free (self);
}

static Condition *
condition_for (PulseAlertGate *self,
               const char     *key)
{
  Condition *condition = g_hash_table_lookup (self->conditions, key);

  if (condition == NULL)
    {
      condition = g_new0 (Condition, 1);
      g_hash_table_insert (self->conditions, g_strdup (key), condition);
    }

  return condition;
}

/**
 * pulse_alert_gate_update:
 * @key: the condition
 * @reading: where its figure stands now
 * @hold_usec: how long it must have been bad before it is raised (0: at
 *   once)
 * @now: the time of @reading, µs
 *
 * Feeds one reading. Bad readings in a row count towards @hold_usec; a
 * reading in the band or good starts the count again. A raised alert
 * stays raised through bad and band readings and clears on a good one.
 *
 * Returns: what changed
 */
PulseAlertStep
pulse_alert_gate_update (PulseAlertGate    *self,
                         const char        *key,
                         PulseAlertReading  reading,
                         gint64             hold_usec,
                         gint64             now)
{
  Condition *condition;

  g_return_val_if_fail (self != NULL, PULSE_ALERT_UNCHANGED);
  g_return_val_if_fail (key != NULL, PULSE_ALERT_UNCHANGED);

  condition = condition_for (self, key);
  condition->seen = TRUE;
  if (reading != PULSE_ALERT_BAD)
    condition->bad_since = 0;

  if (condition->raised)
    {
      if (reading != PULSE_ALERT_GOOD)
        return PULSE_ALERT_UNCHANGED;

      condition->raised = FALSE;
      return PULSE_ALERT_CLEARED;
    }

  if (reading != PULSE_ALERT_BAD)
    return PULSE_ALERT_UNCHANGED;

  if (condition->bad_since == 0)
    condition->bad_since = now;
  if (now - condition->bad_since < hold_usec)
    return PULSE_ALERT_UNCHANGED;

  condition->raised = TRUE;
  return PULSE_ALERT_RAISED;
}

/**
 * pulse_alert_gate_is_raised:
 *
 * Returns: whether the alert @key is raised
 */
gboolean
pulse_alert_gate_is_raised (PulseAlertGate *self,
                            const char     *key)
{
  Condition *condition;

  g_return_val_if_fail (self != NULL, FALSE);

  condition = key != NULL ? g_hash_table_lookup (self->conditions, key) : NULL;
  return condition != NULL && condition->raised;
}

/**
 * pulse_alert_gate_keep:
 * @key: an alert
 *
 * Keeps @key as it is through this round, for a reading that cannot be
 * taken yet (partial figures): raised or not, and with its hold.
 */
void
pulse_alert_gate_keep (PulseAlertGate *self,
                       const char     *key)
{
  Condition *condition;

  g_return_if_fail (self != NULL && key != NULL);

  condition = g_hash_table_lookup (self->conditions, key);
  if (condition != NULL)
    condition->seen = TRUE;
}

/**
 * pulse_alert_gate_begin_round:
 *
 * Starts a round of readings: whatever is not read again before
 * pulse_alert_gate_end_round() is gone.
 */
void
pulse_alert_gate_begin_round (PulseAlertGate *self)
{
  GHashTableIter iter;
  Condition *condition;

  g_return_if_fail (self != NULL);

  g_hash_table_iter_init (&iter, self->conditions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &condition))
    condition->seen = FALSE;
}

/**
 * pulse_alert_gate_end_round:
 *
 * Forgets the conditions not read in this round.
 *
 * Returns: (transfer full) (element-type utf8): the keys of those that
 *   were raised, now cleared
 */
GPtrArray *
pulse_alert_gate_end_round (PulseAlertGate *self)
{
  GPtrArray *cleared = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *key;
  Condition *condition;

  g_return_val_if_fail (self != NULL, cleared);

  g_hash_table_iter_init (&iter, self->conditions);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &condition))
    {
      if (condition->seen)
        continue;

      if (condition->raised)
        g_ptr_array_add (cleared, g_strdup (key));
      g_hash_table_iter_remove (&iter);
    }

  return cleared;
}

/**
 * pulse_alert_reading_below:
 * @value: the figure (a service level in %)
 * @threshold: bad under this
 * @margin: good again only from @threshold + @margin
 *
 * For a figure that should stay high.
 *
 * Returns: the reading
 */
PulseAlertReading
pulse_alert_reading_below (double value,
                           double threshold,
                           double margin)
{
  if (value < threshold)
    return PULSE_ALERT_BAD;

  return value >= threshold + margin ? PULSE_ALERT_GOOD : PULSE_ALERT_BAND;
}

/**
 * pulse_alert_reading_above:
 * @value: the figure (a wait in seconds)
 * @threshold: bad over this
 * @clear_at: good again only at or under this (≤ @threshold)
 *
 * For a figure that should stay low.
 *
 * Returns: the reading
 */
PulseAlertReading
pulse_alert_reading_above (double value,
                           double threshold,
                           double clear_at)
{
  if (value > threshold)
    return PULSE_ALERT_BAD;

  return value <= clear_at ? PULSE_ALERT_GOOD : PULSE_ALERT_BAND;
}
