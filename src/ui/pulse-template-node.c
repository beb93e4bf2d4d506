/* pulse-template-node.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pulse-template-node.h"

/*
 * PulseTemplateNode:
 *
 * One row of the Templates tree: a section, a category in it, a family
 * of templates (one reply in several languages) or one language version.
 * The tree is built afresh from the session's templates; a GtkTreeListModel
 * shows it through pulse_template_node_get_children().
 */
struct _PulseTemplateNode
{
  GObject                parent_instance;

  PulseTemplateNodeKind  kind;
  char                  *key;       /* what it is sorted and grouped by */
  char                  *title;
  char                  *subtitle;
  GListStore            *children;  /* NULL for a version */
  PulseTemplate         *template;  /* a version's */
};

G_DEFINE_FINAL_TYPE (PulseTemplateNode, pulse_template_node, G_TYPE_OBJECT)

/* The languages a family should cover first, in the page's order. */
static const char *languages[] = { "uk", "ru", "kk", "es", "en" };

/**
 * pulse_template_language_rank:
 *
 * Returns: where a version in @language sorts among a family's: uk, ru,
 *   kk, es, en, then the rest.
 */
int
pulse_template_language_rank (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      return i;

  return G_N_ELEMENTS (languages);
}

static void
pulse_template_node_finalize (GObject *object)
{
  PulseTemplateNode *self = PULSE_TEMPLATE_NODE (object);

  g_free (self->key);
  g_free (self->title);
  g_free (self->subtitle);
  g_clear_object (&self->children);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (pulse_template_node_parent_class)->finalize (object);
}

static void
pulse_template_node_class_init (PulseTemplateNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_template_node_finalize;
}

static void
pulse_template_node_init (PulseTemplateNode *self)
{
}

static PulseTemplateNode *
node_new (PulseTemplateNodeKind  kind,
          const char            *key,
          const char            *title)
{
  PulseTemplateNode *self = g_object_new (PULSE_TYPE_TEMPLATE_NODE, NULL);

  self->kind = kind;
  self->key = g_utf8_collate_key (key, -1);
  self->title = g_strdup (title);
  if (kind != PULSE_TEMPLATE_NODE_VERSION)
    self->children = g_list_store_new (PULSE_TYPE_TEMPLATE_NODE);
  return self;
}

/* The child of @parent keyed @key, made when missing. */
static PulseTemplateNode *
child (GHashTable            *index,
       GListStore            *parent,
       PulseTemplateNodeKind  kind,
       const char            *path,
       const char            *title)
{
  PulseTemplateNode *node = g_hash_table_lookup (index, path);

  if (node == NULL)
    {
      node = node_new (kind, title, title);
      g_hash_table_insert (index, g_strdup (path), node);
      g_list_store_append (parent, node);
      g_object_unref (node);
    }

  return node;
}

static int
by_key (gconstpointer a,
        gconstpointer b,
        gpointer      user_data)
{
  const PulseTemplateNode *x = a, *y = b;
  const char *unsorted = user_data;

  /* Templates with no section go last. */
  if (unsorted != NULL && (g_str_equal (x->title, unsorted) || g_str_equal (y->title, unsorted)))
    return g_str_equal (x->title, unsorted) - g_str_equal (y->title, unsorted);

  return strcmp (x->key, y->key);
}

static int
by_language (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  PulseTemplate *x = ((PulseTemplateNode *) a)->template;
  PulseTemplate *y = ((PulseTemplateNode *) b)->template;
  int rx = pulse_template_language_rank (pulse_template_get_language (x));
  int ry = pulse_template_language_rank (pulse_template_get_language (y));

  if (rx != ry)
    return rx - ry;
  return g_strcmp0 (pulse_template_get_language (x), pulse_template_get_language (y));
}

/* A family is named after its English version, else its first. */
static void
finish_family (PulseTemplateNode *family)
{
  g_autoptr(GString) langs = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (family->children));
  PulseTemplate *named = NULL;

  g_list_store_sort (family->children, by_language, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseTemplateNode) version = g_list_model_get_item (G_LIST_MODEL (family->children),
                                                                    i);
      const char *language = pulse_template_get_language (version->template);

      if (named == NULL || g_strcmp0 (language, "en") == 0)
        named = version->template;
      g_string_append_printf (langs, "%s%s", i > 0 ? " · " : "", language);
    }

  g_free (family->title);
  family->title = g_strdup (pulse_template_get_name (named));
  g_free (family->key);
  family->key = g_utf8_collate_key (family->title, -1);
  family->subtitle = g_string_free (g_steal_pointer (&langs), FALSE);
}

/* @unsorted: the section and the category titles that sort last. */
static void
sort_tree (GListStore         *store,
           const char * const *unsorted,
           guint               depth)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseTemplateNode) node = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (node->kind == PULSE_TEMPLATE_NODE_FAMILY)
        finish_family (node);
      else if (node->children != NULL)
        sort_tree (node->children, unsorted, depth + 1);
    }

  g_list_store_sort (store, by_key, depth < 2 ? (gpointer) unsorted[depth] : NULL);
}

static void
add_version (GHashTable         *index,
             GListStore         *sections,
             PulseTemplate      *template,
             const char * const *unsorted)
{
  const char *section = pulse_template_get_section (template);
  const char *category = pulse_template_get_category (template);
  g_autofree char *category_path = NULL;
  g_autofree char *family_path = NULL;
  PulseTemplateNode *node, *version;

  section = section != NULL && section[0] != '\0' ? section : unsorted[0];
  category = category != NULL && category[0] != '\0' ? category : unsorted[1];
  category_path = g_strdup_printf ("%s\x1f%s", section, category);
  family_path = g_strdup_printf ("\x1e%s", pulse_template_get_family (template));

  node = child (index, sections, PULSE_TEMPLATE_NODE_SECTION, section, section);
  node = child (index, node->children, PULSE_TEMPLATE_NODE_CATEGORY, category_path, category);
  /* A family sits where its first version puts it. */
  node = g_hash_table_lookup (index, family_path) != NULL
         ? g_hash_table_lookup (index, family_path)
         : child (index, node->children, PULSE_TEMPLATE_NODE_FAMILY, family_path,
                  pulse_template_get_family (template));

  version = node_new (PULSE_TEMPLATE_NODE_VERSION, pulse_template_get_language (template),
                      pulse_template_get_language (template));
  version->subtitle = g_strdup (pulse_template_get_name (template));
  version->template = g_object_ref (template);
  g_list_store_append (node->children, version);
  g_object_unref (version);
}

/**
 * pulse_template_node_build_tree:
 * @templates: a #GListModel of #PulseTemplate
 * @unsorted_section: the title of the section of templates without one
 * @unsorted_category: the title of the category of those without one
 *
 * Returns: (transfer full): the sections, each with its categories, each
 *   with its families, each with its language versions; sorted by
 *   title (collated), a family's versions by language (uk, ru, kk, es,
 *   en, others), the unsorted section and categories last.
 */
GListModel *
pulse_template_node_build_tree (GListModel *templates,
                                const char *unsorted_section,
                                const char *unsorted_category)
{
  const char *unsorted[] = { unsorted_section, unsorted_category };
  GListStore *sections = g_list_store_new (PULSE_TYPE_TEMPLATE_NODE);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (templates), G_LIST_MODEL (sections));

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(PulseTemplate) template = g_list_model_get_item (templates, i);

      add_version (index, sections, template, unsorted);
    }
  sort_tree (sections, unsorted, 0);

  return G_LIST_MODEL (sections);
}

PulseTemplateNodeKind
pulse_template_node_get_kind (PulseTemplateNode *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE_NODE (self), PULSE_TEMPLATE_NODE_SECTION);

  return self->kind;
}

const char *
pulse_template_node_get_title (PulseTemplateNode *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE_NODE (self), NULL);

  return self->title;
}

const char *
pulse_template_node_get_subtitle (PulseTemplateNode *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE_NODE (self), NULL);

  return self->subtitle;
}

/* Returns: (transfer none) (nullable): a version has none. */
GListModel *
pulse_template_node_get_children (PulseTemplateNode *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE_NODE (self), NULL);

  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}

/* Returns: (transfer none) (nullable): a version's template; a family's
 * first version's. */
PulseTemplate *
pulse_template_node_get_template (PulseTemplateNode *self)
{
  g_autoptr(PulseTemplateNode) first = NULL;

  g_return_val_if_fail (PULSE_IS_TEMPLATE_NODE (self), NULL);

  if (self->kind == PULSE_TEMPLATE_NODE_VERSION)
    return self->template;
  if (self->kind != PULSE_TEMPLATE_NODE_FAMILY)
    return NULL;

  first = g_list_model_get_item (G_LIST_MODEL (self->children), 0);
  return first != NULL ? first->template : NULL;
}

/* Returns: (transfer full) (element-type PulseTemplate): a family's
 * versions, in order. */
GPtrArray *
pulse_template_node_dup_versions (PulseTemplateNode *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PULSE_IS_TEMPLATE_NODE (self), out);

  for (guint i = 0; self->children != NULL &&
                    i < g_list_model_get_n_items (G_LIST_MODEL (self->children)); i++)
    {
      g_autoptr(PulseTemplateNode) version = g_list_model_get_item (G_LIST_MODEL (self->children),
                                                                    i);

      if (version->template != NULL)
        g_ptr_array_add (out, g_object_ref (version->template));
    }

  return out;
}
