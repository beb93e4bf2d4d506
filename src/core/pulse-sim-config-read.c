/* pulse-sim-config-read.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers the simulator's configuration parts share. Every error
 * names the group and key: "[channel chat] rule-share: …".
 */

#include "config.h"

#include <math.h>

#include "pulse-error.h"
#include "pulse-sim-config.h"

static void
fail (GError     **error,
      const char  *group,
      const char  *key,
      const char  *message)
{
  g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "[%s] %s: %s", group, key, message);
}

/**
 * _pulse_sim_read_double:
 *
 * Reads one number within [@min, @max], or @fallback when the key is
 * absent. Returns: %FALSE with an error naming the key otherwise.
 */
gboolean
_pulse_sim_read_double (GKeyFile    *file,
                        const char  *group,
                        const char  *key,
                        double       min,
                        double       max,
                        double       fallback,
                        double      *out,
                        GError     **error)
{
  g_autofree char *text = g_key_file_get_value (file, group, key, NULL);
  char *end = NULL;
  double value;

  if (text == NULL)
    {
      if (isnan (fallback))
        {
          fail (error, group, key, "is required");
          return FALSE;
        }
      *out = fallback;
      return TRUE;
    }

  value = g_ascii_strtod (g_strstrip (text), &end);
  if (end == text || *end != '\0' || !(value >= min && value <= max))
    {
      g_autofree char *message = g_strdup_printf ("must be a number from %g to %g", min, max);

      fail (error, group, key, message);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/**
 * _pulse_sim_read_doubles:
 *
 * Reads exactly @n non-negative numbers, not all 0.
 */
gboolean
_pulse_sim_read_doubles (GKeyFile    *file,
                         const char  *group,
                         const char  *key,
                         double      *out,
                         guint        n,
                         GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *message = NULL;
  double total = 0;

  parts = g_key_file_get_string_list (file, group, key, NULL, NULL);
  if (parts == NULL || g_strv_length (parts) != n)
    {
      message = g_strdup_printf ("must hold %u numbers", n);
      fail (error, group, key, message);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;

      out[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0' || !(out[i] >= 0))
        {
          message = g_strdup_printf ("item %u is not a number ≥ 0", i + 1);
          fail (error, group, key, message);
          return FALSE;
        }
      total += out[i];
    }

  if (total <= 0)
    {
      fail (error, group, key, "must not be all 0");
      return FALSE;
    }

  return TRUE;
}

void
_pulse_sim_weights_clear (PulseSimWeights *weights)
{
  g_clear_pointer (&weights->names, g_strfreev);
  g_clear_pointer (&weights->weights, g_free);
  weights->n = 0;
}

/**
 * _pulse_sim_weights_parse:
 * @text: "name:weight;…"; a name without a weight weighs 1
 *
 * Returns: %FALSE with an error naming the key for a bad weight.
 */
gboolean
_pulse_sim_weights_parse (PulseSimWeights  *weights,
                          const char       *group,
                          const char       *key,
                          const char       *text,
                          GError          **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ";", -1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *colon;
      double weight = 1;

      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      colon = strchr (parts[i], ':');
      if (colon != NULL)
        {
          char *end = NULL;

          *colon = '\0';
          weight = g_ascii_strtod (colon + 1, &end);
          if (end == colon + 1 || *end != '\0' || !(weight >= 0))
            {
              fail (error, group, key, "weights must be numbers ≥ 0 (name:weight;…)");
              return FALSE;
            }
        }
      g_strv_builder_add (names, g_strstrip (parts[i]));
      g_array_append_val (values, weight);
    }

  if (values->len == 0)
    {
      fail (error, group, key, "must name at least one item");
      return FALSE;
    }

  _pulse_sim_weights_clear (weights);
  weights->n = values->len;
  weights->names = g_strv_builder_end (names);
  weights->weights = (double *) g_array_free (g_steal_pointer (&values), FALSE);
  return TRUE;
}
