/* pulse-utils.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * pulse_set_str:
 * @str_pointer: a pointer to an owned string
 * @new_str: (nullable): the new value, copied
 *
 * g_set_str() arrives in GLib 2.76, above our 2.74 ceiling.
 *
 * Returns: %TRUE if the value changed, so the caller should notify.
 */
static inline gboolean
pulse_set_str (char       **str_pointer,
               const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

G_END_DECLS
