/* pulse-error.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"

G_DEFINE_QUARK (pulse-error-quark, pulse_error)
