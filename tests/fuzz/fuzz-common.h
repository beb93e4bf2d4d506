/* fuzz-common.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the fuzz targets share (docs/fuzzing.md). Each target defines
 * LLVMFuzzerTestOneInput; libFuzzer or fuzz-driver.c calls it.
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

int       LLVMFuzzerTestOneInput      (const guint8 *data,
                                       size_t        size);

void      pulse_fuzz_setup            (void);
char     *pulse_fuzz_dup_text         (const guint8 *data,
                                       size_t        size);
void      pulse_fuzz_check_same       (JsonNode     *a,
                                       JsonNode     *b,
                                       const char   *what);
void      pulse_fuzz_check_round_trip (JsonNode     *first,
                                       JsonNode     *second,
                                       const char   *what);

G_END_DECLS
