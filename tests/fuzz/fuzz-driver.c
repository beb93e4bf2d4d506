/* fuzz-driver.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fuzz targets without libFuzzer: runs every file of each directory
 * given (and each file given) through LLVMFuzzerTestOneInput once, so the
 * seed corpus and every crash ever found replay in every build, the
 * ASan one included. A missing directory is empty. A crash is a crash;
 * a clean run exits 0.
 */

#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The files under @path in name order, so a run is repeatable. */
static void
add_files (GPtrArray  *files,
           const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = g_build_filename (path, name, NULL);

      if (name[0] != '.' && g_file_test (full, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_steal_pointer (&full));
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (names, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    add_files (files, argv[i]);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }

      printf ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
    }

  printf ("%u inputs ran\n", files->len);
  return 0;
}
