/* pulse-csv.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * PulseCsvColumn:
 * @title: the column's heading
 * @property: the row objects' property it holds
 *
 * One column of an export: a heading and a property of the rows.
 */
typedef struct
{
  const char *title;
  const char *property;
} PulseCsvColumn;

void    pulse_csv_append_field (GString              *csv,
                                const char           *field);
GBytes *pulse_csv_from_model   (GListModel           *rows,
                                const PulseCsvColumn *columns,
                                guint                 n_columns);

G_END_DECLS
