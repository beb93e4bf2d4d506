/* pulse-csv.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef char *(*PulseCsvTextFunc) (GObject *row);

/**
 * PulseCsvColumn:
 * @title: the column's heading
 * @property: (nullable): the row objects' property it holds
 * @text: (nullable): when there is no such property, what writes the
 *   field (a figure inside a boxed summary); %NULL result: empty
 *
 * One column of an export: a heading and where the rows' values are.
 */
typedef struct
{
  const char       *title;
  const char       *property;
  PulseCsvTextFunc  text;
} PulseCsvColumn;

void    pulse_csv_append_field (GString              *csv,
                                const char           *field);
GBytes *pulse_csv_from_model   (GListModel           *rows,
                                const PulseCsvColumn *columns,
                                guint                 n_columns);

G_END_DECLS
