/* pulse-template-tree.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of the Templates tree (a GtkTreeListModel of
 * PulseTemplateNode): an expander, the title with a line under it, and a
 * warning sign on a version, or a family with a version, that lint finds
 * fault with.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-template-lint.h"
#include "pulse-template-tree.h"

/* Returns: (transfer full) (nullable): the node @row shows. */
PulseTemplateNode *
pulse_template_tree_row_node (GtkTreeListRow *row)
{
  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

/* Returns: (transfer full) (nullable): the family of a family or version
 * row, NULL for the others. */
PulseTemplateNode *
pulse_template_tree_row_family (GtkTreeListRow *row)
{
  g_autoptr(PulseTemplateNode) node = pulse_template_tree_row_node (row);
  g_autoptr(GtkTreeListRow) parent = NULL;

  if (node == NULL)
    return NULL;
  if (pulse_template_node_get_kind (node) == PULSE_TEMPLATE_NODE_FAMILY)
    return g_steal_pointer (&node);
  if (pulse_template_node_get_kind (node) != PULSE_TEMPLATE_NODE_VERSION)
    return NULL;

  parent = gtk_tree_list_row_get_parent (row);
  return pulse_template_tree_row_node (parent);
}

static gboolean
has_issues (PulseTemplate      *template,
            const char * const *languages)
{
  g_autoptr(GPtrArray) issues = pulse_template_lint (template, languages);

  return issues->len > 0;
}

/* Whether lint finds fault with the version, or with any of a family's. */
static gboolean
row_has_issues (GtkTreeListRow *row)
{
  g_autoptr(PulseTemplateNode) node = pulse_template_tree_row_node (row);
  g_autoptr(PulseTemplateNode) family = pulse_template_tree_row_family (row);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;

  if (family == NULL)
    return FALSE;

  versions = pulse_template_node_dup_versions (family);
  for (guint i = 0; i < versions->len; i++)
    g_strv_builder_add (builder, pulse_template_get_language (versions->pdata[i]));
  languages = g_strv_builder_end (builder);

  if (pulse_template_node_get_kind (node) == PULSE_TEMPLATE_NODE_VERSION)
    return has_issues (pulse_template_node_get_template (node),
                       (const char * const *) languages);

  for (guint i = 0; i < versions->len; i++)
    if (has_issues (versions->pdata[i], (const char * const *) languages))
      return TRUE;
  return FALSE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_tooltip_text (warning, _("The checks found something to fix"));
  gtk_widget_add_css_class (warning, "warning");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), warning);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(PulseTemplateNode) node = pulse_template_tree_row_node (row);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  PulseTemplateNodeKind kind = pulse_template_node_get_kind (node);
  const char *text = pulse_template_node_get_subtitle (node);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (title), pulse_template_node_get_title (node));
  gtk_label_set_text (GTK_LABEL (subtitle), text != NULL ? text : "");
  gtk_widget_set_visible (subtitle, text != NULL);
  if (kind == PULSE_TEMPLATE_NODE_SECTION)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
  gtk_widget_set_visible (gtk_widget_get_last_child (box), row_has_issues (row));
  gtk_list_item_set_selectable (item, kind >= PULSE_TEMPLATE_NODE_FAMILY);
}

/**
 * pulse_template_tree_factory_new:
 *
 * Returns: (transfer full): the factory of the tree's rows.
 */
GtkListItemFactory *
pulse_template_tree_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  return factory;
}
