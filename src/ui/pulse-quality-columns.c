/* pulse-quality-columns.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Quality page's tables and boxed lists show #PulseQualityRow in a few
 * kinds of cells. Rather than repeat a list-item template per column in
 * the .ui, each cell is one small template here with the row property it
 * binds filled in (our own format strings, never data): the bindings stay declarative (expressions, unbound by
 * GTK when a row is recycled), and the page's .ui stays short.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pulse-quality-columns.h"
#include "pulse-quality-row.h"

#define CELL_HEAD                                                               \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><interface>"                       \
  "<template class=\"GtkListItem\"><property name=\"child\">"
#define CELL_TAIL "</property></template></interface>"
#define LOOKUP(prop)                                                            \
  "<lookup name=\"" prop "\" type=\"PulseQualityRow\">"                         \
  "<lookup name=\"item\">GtkListItem</lookup></lookup>"

static const char title_cell[] = CELL_HEAD
  "<object class=\"GtkBox\"><property name=\"orientation\">vertical</property>"
  "<child><object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
  "<property name=\"ellipsize\">end</property>"
  "<binding name=\"label\">" LOOKUP ("title") "</binding></object></child>"
  "<child><object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
  "<property name=\"ellipsize\">end</property>"
  "<style><class name=\"dim-label\"/><class name=\"caption\"/></style>"
  "<binding name=\"label\">" LOOKUP ("subtitle") "</binding></object></child>"
  "</object>" CELL_TAIL;

/* %s: the property shown. */
static const char text_cell[] = CELL_HEAD
  "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
  "<property name=\"ellipsize\">end</property>"
  "<binding name=\"label\"><lookup name=\"%s\" type=\"PulseQualityRow\">"
  "<lookup name=\"item\">GtkListItem</lookup></lookup></binding></object>" CELL_TAIL;

/* %s: the property shown. Figures align right, in tabular digits. */
static const char figure_cell[] = CELL_HEAD
  "<object class=\"GtkLabel\"><property name=\"xalign\">1</property>"
  "<style><class name=\"numeric\"/></style>"
  "<binding name=\"label\"><lookup name=\"%s\" type=\"PulseQualityRow\">"
  "<lookup name=\"item\">GtkListItem</lookup></lookup></binding></object>" CELL_TAIL;

static const char detail_cell[] = CELL_HEAD
  "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
  "<property name=\"wrap\">true</property><property name=\"wrap-mode\">word-char</property>"
  "<property name=\"lines\">3</property><property name=\"ellipsize\">end</property>"
  "<property name=\"width-chars\">24</property>"
  "<property name=\"max-width-chars\">80</property>"
  "<binding name=\"label\">" LOOKUP ("detail") "</binding>"
  "<binding name=\"tooltip-text\">" LOOKUP ("detail") "</binding></object>" CELL_TAIL;

typedef struct
{
  const char *text;
  const char *sort;
  gboolean    numeric;
} CellKind;

static const CellKind cells[] = {
  [PULSE_QUALITY_CELL_TITLE] = { NULL, "title", FALSE },
  [PULSE_QUALITY_CELL_NAME] = { "title", "title", FALSE },
  [PULSE_QUALITY_CELL_SUBTITLE] = { "subtitle", "subtitle", FALSE },
  [PULSE_QUALITY_CELL_VALUE] = { "value-text", "value", TRUE },
  [PULSE_QUALITY_CELL_COUNT] = { "count-text", "count", TRUE },
  [PULSE_QUALITY_CELL_EXTRA] = { "extra-text", "extra", TRUE },
  [PULSE_QUALITY_CELL_TIME] = { "time-text", "time", TRUE },
  [PULSE_QUALITY_CELL_DETAIL] = { NULL, NULL, FALSE },
};

static GBytes *
cell_template (PulseQualityCell cell)
{
  const CellKind *kind = &cells[cell];
  char *text;

  if (cell == PULSE_QUALITY_CELL_TITLE)
    return g_bytes_new_static (title_cell, sizeof title_cell - 1);
  if (cell == PULSE_QUALITY_CELL_DETAIL)
    return g_bytes_new_static (detail_cell, sizeof detail_cell - 1);

  text = g_strdup_printf (kind->numeric ? figure_cell : text_cell, kind->text);
  return g_bytes_new_take (text, strlen (text));
}

static GtkSorter *
cell_sorter (PulseQualityCell cell)
{
  const CellKind *kind = &cells[cell];
  GtkExpression *expression;

  if (kind->sort == NULL)
    return NULL;

  expression = gtk_property_expression_new (PULSE_TYPE_QUALITY_ROW, NULL, kind->sort);
  if (kind->numeric)
    return GTK_SORTER (gtk_numeric_sorter_new (expression));

  return GTK_SORTER (gtk_string_sorter_new (expression));
}

/**
 * pulse_quality_columns_add:
 * @view: a column view of #PulseQualityRow
 * @title: the column's heading
 * @cell: what the column shows
 *
 * Appends a column, sortable unless it holds free text; title and
 * detail columns take the spare width.
 *
 * Returns: (transfer none): the column.
 */
GtkColumnViewColumn *
pulse_quality_columns_add (GtkColumnView    *view,
                           const char       *title,
                           PulseQualityCell  cell)
{
  g_autoptr(GBytes) bytes = cell_template (cell);
  GtkListItemFactory *factory = gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);
  g_autoptr(GtkSorter) sorter = cell_sorter (cell);

  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, cell == PULSE_QUALITY_CELL_TITLE
                                             || cell == PULSE_QUALITY_CELL_NAME
                                             || cell == PULSE_QUALITY_CELL_DETAIL);
  gtk_column_view_column_set_resizable (column, cell == PULSE_QUALITY_CELL_DETAIL);
  gtk_column_view_append_column (view, column);
  return column;
}

/**
 * pulse_quality_columns_new_row:
 * @item: a #PulseQualityRow
 * @user_data: the two properties the row's suffix shows, as a
 *   `const char *[2]`: a figure, and a dim line under it
 *
 * A row of a boxed list (gtk_list_box_bind_model()): the title and
 * subtitle, and a figure at the end, bound so that the row follows the
 * item in place.
 *
 * Returns: (transfer floating): the row.
 */
GtkWidget *
pulse_quality_columns_new_row (gpointer item,
                               gpointer user_data)
{
  const char * const *suffix = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *figure = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  /* Names and queues are people's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (item, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "subtitle", row, "subtitle", G_BINDING_SYNC_CREATE);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (figure), 1);
  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_widget_add_css_class (figure, "numeric");
  gtk_widget_add_css_class (figure, "heading");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  g_object_bind_property (item, suffix[0], figure, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, suffix[1], caption, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), figure);
  gtk_box_append (GTK_BOX (box), caption);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}
