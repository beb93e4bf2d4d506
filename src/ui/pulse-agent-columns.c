/* pulse-agent-columns.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns of the agents table: one factory and one sorter each, from
 * a table. A bound cell follows its row through `notify` of the row
 * properties it shows, so a new figure redraws that cell only; cells of
 * the time in status are kept in a set that the page's one-second timer
 * walks, so only bound (visible, plus GTK's few spare) rows tick.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent-columns.h"
#include "pulse-agent-format.h"
#include "pulse-sparkline.h"

typedef enum
{
  CELL_NAME,
  CELL_TEXT,
  CELL_NUMBER,
  CELL_STATUS,
  CELL_SPARKLINE,
} CellKind;

typedef struct
{
  PulseAgentColumn  column;
  const char       *id;
  const char       *title;
  CellKind          kind;
  const char       *watch[2];
  gboolean          expand;
  int               width;
} ColumnInfo;

/* In the order shown: who and what now first, then the sparkline and the
 * period's figures; the channels, least read, last. */
static const ColumnInfo columns[] = {
  { PULSE_AGENT_COLUMN_NAME, "name", N_("Name"), CELL_NAME, { "name", "email" }, TRUE, 180 },
  { PULSE_AGENT_COLUMN_TEAM, "team", N_("Team"), CELL_TEXT, { "team-name" }, FALSE, 85 },
  /* The status and, ticking, the time in it: sorted by status, then time. */
  { PULSE_AGENT_COLUMN_STATUS, "status", N_("Status"), CELL_STATUS,
    { "status", "status-since" }, FALSE, 175 },
  /* Translators: column: a sparkline of contacts per hour over the last 24 hours */
  { PULSE_AGENT_COLUMN_ACTIVITY, "activity", N_("Last 24 h"), CELL_SPARKLINE, { "bins" }, FALSE,
    105 },
  { PULSE_AGENT_COLUMN_CONTACTS, "contacts", N_("Contacts"), CELL_NUMBER, { "summary" }, FALSE,
    85 },
  /* Translators: column: median first response time */
  { PULSE_AGENT_COLUMN_FIRST_RESPONSE, "first-response", N_("First Reply"), CELL_NUMBER,
    { "summary" }, FALSE, 95 },
  /* Translators: column: mean handle time */
  { PULSE_AGENT_COLUMN_HANDLE_TIME, "handle-time", N_("Handle Time"), CELL_NUMBER,
    { "summary" }, FALSE, 105 },
  { PULSE_AGENT_COLUMN_CSAT, "csat", N_("CSAT"), CELL_NUMBER, { "summary" }, FALSE, 60 },
  /* Translators: column: mean QA review score */
  { PULSE_AGENT_COLUMN_QA_SCORE, "qa-score", N_("QA"), CELL_NUMBER, { "summary" }, FALSE, 55 },
  /* Translators: column: first-contact resolution over 7 days */
  { PULSE_AGENT_COLUMN_FCR, "fcr", N_("FCR"), CELL_NUMBER, { "summary" }, FALSE, 55 },
  /* Translators: column: repeat-contact rate within 7 days */
  { PULSE_AGENT_COLUMN_REPEAT_RATE, "repeat-rate", N_("Repeat"), CELL_NUMBER, { "summary" },
    FALSE, 70 },
  { PULSE_AGENT_COLUMN_CHANNELS, "channels", N_("Channels"), CELL_TEXT, { "channels" }, FALSE,
    120 },
};

struct _PulseAgentColumns
{
  GtkColumnView       *view;
  GtkColumnViewColumn *columns[PULSE_AGENT_N_COLUMNS];
  GtkSorter           *sorters[PULSE_AGENT_N_COLUMNS];
  GHashTable          *ticking;
  GHashTable          *sparklines;
  guint                scale;
  gint64               now;
};

static gint64
columns_now (PulseAgentColumns *self)
{
  return self->now != 0 ? self->now : g_get_real_time ();
}

static GtkWidget *
new_label (gboolean numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
create_cell (const ColumnInfo *info)
{
  GtkWidget *box;

  switch (info->kind)
    {
    case CELL_NAME:
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (box), new_label (FALSE));
      gtk_box_append (GTK_BOX (box), new_label (FALSE));
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "caption");
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
      return box;
    case CELL_STATUS:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_box_append (GTK_BOX (box), new_label (FALSE));
      gtk_box_append (GTK_BOX (box), new_label (TRUE));
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
      gtk_widget_set_hexpand (gtk_widget_get_last_child (box), TRUE);
      return box;
    case CELL_SPARKLINE:
      return pulse_sparkline_new ();
    case CELL_NUMBER:
      return new_label (TRUE);
    case CELL_TEXT:
    default:
      return new_label (FALSE);
    }
}

static void
set_label (GtkWidget     *label,
           PulseAgentRow *row,
           PulseAgentColumn column,
           gint64         now)
{
  g_autofree char *text = pulse_agent_row_dup_text (row, column, now);

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
update_cell (PulseAgentColumns *self,
             const ColumnInfo  *info,
             GtkWidget         *cell,
             PulseAgentRow     *row,
             gint64             now)
{
  PulseAgent *agent = pulse_agent_row_get_agent (row);
  g_autofree char *tooltip = NULL;

  switch (info->kind)
    {
    case CELL_NAME:
      set_label (gtk_widget_get_first_child (cell), row, info->column, now);
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (cell)),
                          pulse_agent_get_email (agent) != NULL ? pulse_agent_get_email (agent)
                                                                : "");
      gtk_widget_set_tooltip_text (gtk_widget_get_last_child (cell),
                                   pulse_agent_get_email (agent));
      break;
    case CELL_STATUS:
      gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (cell)),
                                    pulse_agent_format_status_icon (
                                      pulse_agent_get_status (agent)));
      set_label (gtk_widget_get_next_sibling (gtk_widget_get_first_child (cell)), row,
                 info->column, now);
      set_label (gtk_widget_get_last_child (cell), row, PULSE_AGENT_COLUMN_TIME_IN_STATUS, now);
      break;
    case CELL_SPARKLINE:
      pulse_sparkline_set_values (PULSE_SPARKLINE (cell), pulse_agent_row_get_bins (row),
                                  PULSE_AGENT_ACTIVITY_BINS);
      pulse_sparkline_set_scale (PULSE_SPARKLINE (cell), self->scale);
      /* The tooltip is written when asked for (on_sparkline_query_tooltip_cb):
       * setting it queries the pointer, an X round trip per contact. */
      tooltip = pulse_agent_row_dup_activity_tooltip (row, now);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      break;
    case CELL_TEXT:
      /* Text cells may be ellipsized: the tooltip has it all. */
      set_label (cell, row, info->column, now);
      gtk_widget_set_tooltip_text (cell, gtk_label_get_text (GTK_LABEL (cell)));
      break;
    case CELL_NUMBER:
    default:
      set_label (cell, row, info->column, now);
      break;
    }
}

static gboolean
on_sparkline_query_tooltip_cb (GtkWidget   *cell,
                               int          x,
                               int          y,
                               gboolean     keyboard,
                               GtkTooltip  *tooltip,
                               GtkListItem *list_item)
{
  PulseAgentColumns *self = g_object_get_data (G_OBJECT (cell), "pulse-columns");
  PulseAgentRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (row == NULL)
    return FALSE;

  text = pulse_agent_row_dup_activity_tooltip (row, columns_now (self));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_row_notify_cb (PulseAgentRow *row,
                  GParamSpec    *pspec,
                  GtkListItem   *list_item)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  const ColumnInfo *info = g_object_get_data (G_OBJECT (cell), "pulse-column");
  PulseAgentColumns *self = g_object_get_data (G_OBJECT (cell), "pulse-columns");

  for (guint i = 0; i < G_N_ELEMENTS (info->watch); i++)
    {
      if (g_strcmp0 (info->watch[i], pspec->name) == 0)
        {
          update_cell (self, info, cell, row, columns_now (self));
          return;
        }
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PulseAgentColumns        *self)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (factory), "pulse-column");
  GtkWidget *cell = create_cell (info);

  g_object_set_data (G_OBJECT (cell), "pulse-column", (gpointer) info);
  g_object_set_data (G_OBJECT (cell), "pulse-columns", self);
  if (info->kind == CELL_SPARKLINE)
    {
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_sparkline_query_tooltip_cb),
                        list_item);
    }
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         PulseAgentColumns        *self)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (factory), "pulse-column");
  PulseAgentRow *row = gtk_list_item_get_item (list_item);
  gulong id;

  update_cell (self, info, gtk_list_item_get_child (list_item), row, columns_now (self));
  id = g_signal_connect_object (row, "notify", G_CALLBACK (on_row_notify_cb), list_item, 0);
  g_object_set_data (G_OBJECT (list_item), "pulse-notify-id", GSIZE_TO_POINTER (id));
  if (info->kind == CELL_STATUS)
    g_hash_table_add (self->ticking, list_item);
  if (info->kind == CELL_SPARKLINE)
    g_hash_table_add (self->sparklines, list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           PulseAgentColumns        *self)
{
  PulseAgentRow *row = gtk_list_item_get_item (list_item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "pulse-notify-id"));

  if (row != NULL && id != 0)
    g_signal_handler_disconnect (row, id);
  g_object_set_data (G_OBJECT (list_item), "pulse-notify-id", NULL);
  g_hash_table_remove (self->ticking, list_item);
  g_hash_table_remove (self->sparklines, list_item);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PulseAgentColumns        *self)
{
  g_hash_table_remove (self->ticking, list_item);
  g_hash_table_remove (self->sparklines, list_item);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  const ColumnInfo *info = user_data;

  return pulse_agent_row_compare ((PulseAgentRow *) a, (PulseAgentRow *) b, info->column);
}

static void
add_column (PulseAgentColumns *self,
            const ColumnInfo  *info)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkSorter *sorter;

  g_object_set_data (G_OBJECT (factory), "pulse-column", (gpointer) info);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), self);

  column = gtk_column_view_column_new (_(info->title), g_object_ref (factory));
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, (gpointer) info, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, info->expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (info->width > 0)
    gtk_column_view_column_set_fixed_width (column, info->width);
  gtk_column_view_append_column (self->view, column);

  self->columns[info->column] = column;
  self->sorters[info->column] = sorter;
  g_object_unref (sorter);
}

/**
 * pulse_agent_columns_new:
 * @view: an empty column view whose items are #PulseAgentRow
 *
 * Adds the agents table's columns to @view. The result must be freed
 * before @view's rows are: cells keep a pointer to it.
 *
 * Returns: (transfer full): the columns.
 */
PulseAgentColumns *
pulse_agent_columns_new (GtkColumnView *view)
{
  PulseAgentColumns *self = g_new0 (PulseAgentColumns, 1);

  self->view = view;
  self->ticking = g_hash_table_new (NULL, NULL);
  self->sparklines = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_column (self, &columns[i]);

  return self;
}

void
pulse_agent_columns_free (PulseAgentColumns *self)
{
  g_clear_pointer (&self->ticking, g_hash_table_unref);
  g_clear_pointer (&self->sparklines, g_hash_table_unref);
  g_free (self);
}

GtkColumnViewColumn *
pulse_agent_columns_get (PulseAgentColumns *self,
                         PulseAgentColumn   column)
{
  g_return_val_if_fail (column < PULSE_AGENT_N_COLUMNS, NULL);

  return self->columns[column];
}

/* Tests pin the clock; 0 follows the real one. */
void
pulse_agent_columns_set_now (PulseAgentColumns *self,
                             gint64             now_usec)
{
  self->now = now_usec;
}

gint64
pulse_agent_columns_get_now (PulseAgentColumns *self)
{
  return columns_now (self);
}

/**
 * pulse_agent_columns_tick:
 * @now_usec: the time now
 *
 * Rewrites the time in status of the bound rows (in their status cells).
 *
 * Returns: how many cells were rewritten.
 */
guint
pulse_agent_columns_tick (PulseAgentColumns *self,
                          gint64             now_usec)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->ticking);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    {
      PulseAgentRow *row = gtk_list_item_get_item (list_item);

      if (row != NULL)
        set_label (gtk_widget_get_last_child (gtk_list_item_get_child (list_item)), row,
                   PULSE_AGENT_COLUMN_TIME_IN_STATUS, now_usec);
    }

  return g_hash_table_size (self->ticking);
}

/**
 * pulse_agent_columns_set_scale:
 * @scale: the contacts per hour drawn at full height in every sparkline
 *
 * One scale for all rows, so a busy agent's sparkline stands out.
 */
void
pulse_agent_columns_set_scale (PulseAgentColumns *self,
                               guint              scale)
{
  GHashTableIter iter;
  gpointer list_item;

  if (self->scale == scale)
    return;

  self->scale = scale;
  g_hash_table_iter_init (&iter, self->sparklines);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    pulse_sparkline_set_scale (PULSE_SPARKLINE (gtk_list_item_get_child (list_item)), scale);
}

/**
 * pulse_agent_columns_resort:
 * @property: the row property that changed on some rows
 *
 * Tells the sorters of the columns that show @property that their order
 * may have changed. A column not sorted on costs nothing: the column
 * view's sorter listens to the sorted columns only.
 */
void
pulse_agent_columns_resort (PulseAgentColumns *self,
                            const char        *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (g_strcmp0 (columns[i].watch[0], property) == 0
          || g_strcmp0 (columns[i].watch[1], property) == 0)
        gtk_sorter_changed (self->sorters[columns[i].column], GTK_SORTER_CHANGE_DIFFERENT);
    }
}
