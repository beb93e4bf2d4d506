/* pulse-error.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PULSE_ERROR (pulse_error_quark ())

/**
 * PulseError:
 * @PULSE_ERROR_INVALID_DATA: input that does not follow the protocol; the
 *   message names the offending field
 * @PULSE_ERROR_NOT_FOUND: a referenced item does not exist
 * @PULSE_ERROR_CONFLICT: a write against a stale version
 *
 * Errors of the core layer. Codes start at 1 so that 0 never means an error.
 */
typedef enum
{
  PULSE_ERROR_INVALID_DATA = 1,
  PULSE_ERROR_NOT_FOUND,
  PULSE_ERROR_CONFLICT,
} PulseError;

GQuark pulse_error_quark (void);

G_END_DECLS
