/* pulse-shift-break.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PULSE_TYPE_SHIFT_BREAK (pulse_shift_break_get_type ())

typedef struct _PulseShiftBreak PulseShiftBreak;

/**
 * PulseShiftBreak:
 * @starts_at: when the break starts, in microseconds since the epoch
 * @ends_at: when it ends; always after @starts_at
 *
 * A break within a shift, the half-open interval [@starts_at, @ends_at).
 * A plain value: shifts keep their breaks inline in a #GArray.
 */
struct _PulseShiftBreak
{
  gint64 starts_at;
  gint64 ends_at;
};

GType             pulse_shift_break_get_type        (void) G_GNUC_CONST;
PulseShiftBreak  *pulse_shift_break_new             (gint64                  starts_at,
                                                     gint64                  ends_at);
PulseShiftBreak  *pulse_shift_break_copy            (const PulseShiftBreak  *self);
void              pulse_shift_break_free            (PulseShiftBreak        *self);
gboolean          pulse_shift_break_init_from_json  (PulseShiftBreak        *self,
                                                     JsonNode               *node,
                                                     GError                **error);
JsonNode         *pulse_shift_break_to_json         (const PulseShiftBreak  *self);
gboolean          pulse_shift_break_contains        (const PulseShiftBreak  *self,
                                                     gint64                  usec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseShiftBreak, pulse_shift_break_free)

G_END_DECLS
