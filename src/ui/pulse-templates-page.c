/* pulse-templates-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-session-items.h"
#include "pulse-session-templates.h"
#include "pulse-template-editor.h"
#include "pulse-template-node.h"
#include "pulse-template-tree.h"
#include "pulse-templates-page.h"

/*
 * PulseTemplatesPage:
 *
 * The reply templates as a tree: sections, their categories, the
 * template families in them (one reply in several languages) and each
 * family's language versions, a warning sign on those lint finds fault
 * with. Choosing a family or a version opens it in the editor beside
 * the tree. The tree is rebuilt from the session's templates when they
 * change (once per main-loop turn); the editor follows the server for
 * versions not being edited. How often each template answered contacts
 * in the last 90 days, and their CSAT, is counted when the page is
 * shown, at most every two minutes.
 */
struct _PulseTemplatesPage
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkStack           *editor_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *content;
  AdwBin             *editor_bin;
  GtkListView        *tree_view;
  GtkLabel           *count_label;
  GtkWidget          *new_button;
  GtkWidget          *empty_new_button;

  PulseSession       *session;
  PulseTemplateEditor *editor;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  GHashTable         *usage;
  gint64              usage_at;
  guint               rebuild_id;
  gboolean            stale;      /* changed while not shown: rebuilt when mapped */
  gboolean            opened;     /* a first family was shown */
  PulseSync          *watched_sync; /* not a reference: only compared */
};

G_DEFINE_FINAL_TYPE (PulseTemplatesPage, pulse_templates_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define USAGE_MAX_AGE (120 * G_TIME_SPAN_SECOND)

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = pulse_template_node_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static void
show_selected (PulseTemplatesPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(PulseTemplateNode) node = pulse_template_tree_row_node (row);
  g_autoptr(PulseTemplateNode) family = pulse_template_tree_row_family (row);
  g_autoptr(GPtrArray) versions = NULL;
  PulseTemplate *template;

  if (family == NULL)
    return;

  versions = pulse_template_node_dup_versions (family);
  template = pulse_template_node_get_template (node);
  if (versions->len == 0)
    return;
  /* A family chosen opens to show its versions. */
  if (pulse_template_node_get_kind (node) == PULSE_TEMPLATE_NODE_FAMILY)
    gtk_tree_list_row_set_expanded (row, TRUE);
  pulse_template_editor_show_family (self->editor, versions,
                                     template != NULL ? pulse_template_get_id (template) : NULL);
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_selection_changed_cb (PulseTemplatesPage *self)
{
  self->opened = TRUE;
  show_selected (self);
}

/* Sections and categories open; the family being edited too. Expanding
 * inserts rows after @i, which the loop then visits. */
static void
expand_rows (PulseTemplatesPage *self,
             guint              *select)
{
  const char *family = pulse_template_editor_get_family (self->editor);
  const char *current = pulse_template_editor_get_current (self->editor);

  *select = GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(PulseTemplateNode) node = pulse_template_tree_row_node (row);
      PulseTemplate *template = pulse_template_node_get_template (node);
      PulseTemplateNodeKind kind = pulse_template_node_get_kind (node);

      if (kind < PULSE_TEMPLATE_NODE_FAMILY ||
          (kind == PULSE_TEMPLATE_NODE_FAMILY && template != NULL &&
           g_strcmp0 (pulse_template_get_family (template), family) == 0))
        gtk_tree_list_row_set_expanded (row, TRUE);
      if (kind == PULSE_TEMPLATE_NODE_VERSION &&
          g_strcmp0 (pulse_template_get_id (template), current) == 0)
        *select = i;
    }
}

static void
update_count (PulseTemplatesPage *self,
              GListModel         *templates)
{
  guint n = g_list_model_get_n_items (templates);
  g_autofree char *text = NULL;

  /* Translators: above the templates tree */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u template", "%u templates", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (self->new_button, pulse_session_can_edit (self->session, "template"));
  gtk_widget_set_visible (self->empty_new_button,
                          pulse_session_can_edit (self->session, "template"));
}

static void
open_first_family (PulseTemplatesPage *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(PulseTemplateNode) node = pulse_template_tree_row_node (row);

      if (pulse_template_node_get_kind (node) == PULSE_TEMPLATE_NODE_FAMILY)
        {
          self->opened = TRUE;
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static gboolean
rebuild (gpointer user_data)
{
  PulseTemplatesPage *self = user_data;
  GListModel *templates = pulse_session_get_list (self->session, PULSE_STATE_KIND_TEMPLATE);
  g_autoptr(GListModel) roots = pulse_template_node_build_tree (templates, _("Unsorted"),
                                                                 _("No category"));
  gboolean editing = g_str_equal (gtk_stack_get_visible_child_name (self->editor_stack),
                                  "editor");
  guint select;

  self->rebuild_id = 0;
  self->tree = gtk_tree_list_model_new (g_steal_pointer (&roots), FALSE, FALSE,
                                        create_children, NULL, NULL);
  g_signal_handlers_block_by_func (self->selection, on_selection_changed_cb, self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  g_object_unref (self->tree);
  expand_rows (self, &select);
  gtk_single_selection_set_selected (self->selection, select);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed_cb, self);

  update_count (self, templates);
  if (g_list_model_get_n_items (templates) > 0 || editing)
    gtk_stack_set_visible_child_name (self->stack, "templates");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
  /* The editor follows the server's versions of the family it shows;
   * the first time there are templates, it opens the first family. */
  if (editing && select != GTK_INVALID_LIST_POSITION)
    show_selected (self);
  else if (editing && pulse_template_editor_get_current (self->editor) == NULL)
    gtk_stack_set_visible_child_name (self->editor_stack, "none");
  else if (!self->opened && !editing && g_list_model_get_n_items (templates) > 0)
    open_first_family (self);

  return G_SOURCE_REMOVE;
}

static void
on_templates_changed_cb (PulseTemplatesPage *self)
{
  /* The tree's rows are widgets: a page not shown builds none (started
   * on a large cache, the hidden tree held the main loop ~0.1 s). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild, self);
}

static void
on_new_cb (PulseTemplatesPage *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  pulse_template_editor_show_new (self->editor);
  gtk_stack_set_visible_child_name (self->stack, "templates");
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Folded, the tree and the editor take turns. */
static void
on_back_cb (PulseTemplatesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PulseTemplatesPage *self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *usage;

  usage = pulse_session_count_template_usage_finish (PULSE_SESSION (object), result, &error);
  if (usage == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count template usage: %s", error->message);
      return;
    }

  g_clear_pointer (&self->usage, g_hash_table_unref);
  self->usage = usage;
  pulse_template_editor_set_usage (self->editor, usage);
}

static void
count_usage (PulseTemplatesPage *self)
{
  gint64 now = g_get_real_time ();

  self->usage_at = now;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  pulse_session_count_template_usage_async (self->session, now, self->cancellable, counted_cb,
                                            self);
}

/* The history arrived: count again with it. */
static void
on_history_complete_cb (PulseTemplatesPage *self)
{
  PulseSync *sync = pulse_session_get_sync (self->session);

  if (sync == NULL || !pulse_sync_get_history_complete (sync))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    count_usage (self);
  else
    self->usage_at = 0;
}

/* Watches the history of the server followed now: when it is complete,
 * the figures are counted again with it. */
static void
watch_history (PulseTemplatesPage *self)
{
  PulseSync *sync = pulse_session_get_sync (self->session);

  if (sync == NULL || sync == self->watched_sync)
    return;

  self->watched_sync = sync;
  g_signal_connect_object (sync, "notify::history-complete",
                           G_CALLBACK (on_history_complete_cb), self, G_CONNECT_SWAPPED);
}

static void
on_map_cb (PulseTemplatesPage *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      on_templates_changed_cb (self);
    }
  watch_history (self);
  if (self->usage_at == 0 || g_get_real_time () - self->usage_at >= USAGE_MAX_AGE)
    count_usage (self);
}

/* Live on a server (again): its contacts are there to count. */
static void
on_connection_state_cb (PulseTemplatesPage *self)
{
  if (pulse_session_get_connection_state (self->session) != PULSE_CONNECTION_STATE_LIVE)
    return;

  watch_history (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    count_usage (self);
  else
    self->usage_at = 0;
}

static void
pulse_templates_page_constructed (GObject *object)
{
  PulseTemplatesPage *self = PULSE_TEMPLATES_PAGE (object);
  GListModel *templates;

  G_OBJECT_CLASS (pulse_templates_page_parent_class)->constructed (object);

  self->editor = PULSE_TEMPLATE_EDITOR (pulse_template_editor_new (self->session));
  adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));
  templates = pulse_session_get_list (self->session, PULSE_STATE_KIND_TEMPLATE);
  g_signal_connect_object (templates, "items-changed", G_CALLBACK (on_templates_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::role", G_CALLBACK (on_templates_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::connection-state",
                           G_CALLBACK (on_connection_state_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
pulse_templates_page_dispose (GObject *object)
{
  PulseTemplatesPage *self = PULSE_TEMPLATES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->usage, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_TEMPLATES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pulse_templates_page_parent_class)->dispose (object);
}

static void
pulse_templates_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PulseTemplatesPage *self = PULSE_TEMPLATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_templates_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PulseTemplatesPage *self = PULSE_TEMPLATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_templates_page_class_init (PulseTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_templates_page_constructed;
  object_class->dispose = pulse_templates_page_dispose;
  object_class->get_property = pulse_templates_page_get_property;
  object_class->set_property = pulse_templates_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseTemplatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseTemplatesPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseTemplatesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PulseTemplatesPage, content);
  gtk_widget_class_bind_template_child (widget_class, PulseTemplatesPage, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, PulseTemplatesPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, PulseTemplatesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PulseTemplatesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, PulseTemplatesPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, on_new_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_cb);
}

static void
pulse_templates_page_init (PulseTemplatesPage *self)
{
  GtkListItemFactory *factory = pulse_template_tree_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self, "map", G_CALLBACK (on_map_cb), self);
}

GtkWidget *
pulse_templates_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_TEMPLATES_PAGE,
                       "session", session,
                       NULL);
}
