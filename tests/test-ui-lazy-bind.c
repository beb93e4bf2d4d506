/* test-ui-lazy-bind.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists of pages not shown make no rows (pulse-lazy-bind.c): a list box
 * or column view gets its model when first mapped, in a real window
 * under Xvfb, and follows it from then on.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-lazy-bind.h"
#include "pulse-test-util.h"
#include "test-ui-util.h"

#define N_ITEMS 40

typedef struct
{
  guint made;
  guint bound;
} Counts;

static GtkWidget *
make_row (gpointer item,
          gpointer user_data)
{
  Counts *counts = user_data;

  counts->made++;
  return gtk_label_new (gtk_string_object_get_string (item));
}

static void
on_bound (gpointer user_data)
{
  ((Counts *) user_data)->bound++;
}

static GListStore *
new_store (void)
{
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("item %u", i);
      g_autoptr(GtkStringObject) item = gtk_string_object_new (text);

      g_list_store_append (store, item);
    }
  return store;
}

static guint
n_rows (GtkListBox *box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (box, n) != NULL)
    n++;
  return n;
}

/* A window whose stack shows "shown" and hides "hidden", @hidden. */
static GtkWidget *
window_hiding (GtkWidget *hidden,
               GtkStack **stack_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();

  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Shown"), "shown");
  gtk_stack_add_named (GTK_STACK (stack), hidden, "hidden");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "shown");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pulse_test_wait_for (pulse_test_ui_is_mapped, window, 5000));
  *stack_out = GTK_STACK (stack);
  return window;
}

/* A list box on the hidden page of a shown window, with a store. */
typedef struct
{
  GListStore *store;
  GtkListBox *box;
  GtkWidget  *window;
  GtkStack   *stack;
  Counts      counts;
} Fixture;

static gboolean
fixture_open (Fixture *f)
{
  if (pulse_test_ui_skip_without_display ())
    return FALSE;

  f->store = new_store ();
  f->box = GTK_LIST_BOX (gtk_list_box_new ());
  f->window = window_hiding (GTK_WIDGET (f->box), &f->stack);
  return TRUE;
}

static void
fixture_bind (Fixture *f)
{
  pulse_lazy_bind_list_box (f->box, G_LIST_MODEL (f->store), make_row, &f->counts, on_bound);
}

static void
fixture_close (Fixture *f)
{
  pulse_lazy_bind_list_box (f->box, NULL, NULL, NULL, NULL);
  pulse_test_ui_close_window (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
}

static void
test_list_box_on_first_show (void)
{
  Fixture f = { 0 };

  if (!fixture_open (&f))
    return;

  fixture_bind (&f);
  pulse_test_ui_wait_for_frames (f.window, 2);
  g_assert_cmpuint (f.counts.made, ==, 0);
  g_assert_cmpuint (n_rows (f.box), ==, 0);

  /* Shown: every row at once, and the caller told once. */
  gtk_stack_set_visible_child_name (f.stack, "hidden");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f.box)));
  g_assert_cmpuint (f.counts.made, ==, N_ITEMS);
  g_assert_cmpuint (f.counts.bound, ==, 1);
  g_assert_cmpuint (n_rows (f.box), ==, N_ITEMS);

  /* Bound for good: hidden again, it follows the model as usual. */
  gtk_stack_set_visible_child_name (f.stack, "shown");
  g_list_store_remove (f.store, 0);
  g_assert_cmpuint (n_rows (f.box), ==, N_ITEMS - 1);
  gtk_stack_set_visible_child_name (f.stack, "hidden");
  g_assert_cmpuint (f.counts.bound, ==, 1);

  pulse_lazy_bind_list_box (f.box, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (n_rows (f.box), ==, 0);
  fixture_close (&f);
}

/* Mapped already: bound at once, as gtk_list_box_bind_model(). */
static void
test_list_box_shown (void)
{
  Fixture f = { 0 };

  if (!fixture_open (&f))
    return;

  gtk_stack_set_visible_child_name (f.stack, "hidden");
  fixture_bind (&f);
  g_assert_cmpuint (f.counts.made, ==, N_ITEMS);
  g_assert_cmpuint (f.counts.bound, ==, 1);
  fixture_close (&f);
}

/* Unbound before it was ever shown: no rows then or later, and the
 * model is let go. */
static void
test_list_box_forgotten (void)
{
  Fixture f = { 0 };
  GListStore *store;

  if (!fixture_open (&f))
    return;

  fixture_bind (&f);
  pulse_lazy_bind_list_box (f.box, NULL, NULL, NULL, NULL);
  store = g_steal_pointer (&f.store);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_unref (store);
  g_assert_null (store);

  gtk_stack_set_visible_child_name (f.stack, "hidden");
  g_assert_cmpuint (f.counts.made, ==, 0);
  g_assert_cmpuint (f.counts.bound, ==, 0);
  fixture_close (&f);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
test_column_view_on_first_show (void)
{
  g_autoptr(GListStore) store = new_store ();
  g_autoptr(GtkSelectionModel) selection = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view = gtk_column_view_new (NULL);
  GtkWidget *window;
  GtkStack *stack;

  if (pulse_test_ui_skip_without_display ())
    return;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view),
                                 gtk_column_view_column_new ("Item", factory));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (store))));
  window = window_hiding (view, &stack);
  pulse_lazy_set_column_view_model (GTK_COLUMN_VIEW (view), selection);
  g_assert_null (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));

  gtk_stack_set_visible_child_name (stack, "hidden");
  g_assert_true (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)) == selection);

  pulse_lazy_set_column_view_model (GTK_COLUMN_VIEW (view), NULL);
  g_assert_null (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/lazy-bind/list-box-on-first-show", test_list_box_on_first_show);
  g_test_add_func ("/pulse/ui/lazy-bind/list-box-shown", test_list_box_shown);
  g_test_add_func ("/pulse/ui/lazy-bind/list-box-forgotten", test_list_box_forgotten);
  g_test_add_func ("/pulse/ui/lazy-bind/column-view-on-first-show",
                   test_column_view_on_first_show);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
