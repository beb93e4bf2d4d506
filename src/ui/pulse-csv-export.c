/* pulse-csv-export.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving a table's CSV where the user says: the file chooser (through
 * the portal when sandboxed, as GtkFileChooserNative does), then an
 * asynchronous write, and a toast that says where it went or why not.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-csv-export.h"
#include "pulse-window.h"

typedef struct
{
  GtkWidget *from;
  GBytes    *csv;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->from);
  g_bytes_unref (export->csv);
  g_free (export);
}

static void
toast (GtkWidget  *from,
       const char *text)
{
  GtkRoot *root = gtk_widget_get_root (from);

  if (PULSE_IS_WINDOW (root))
    pulse_window_add_toast (PULSE_WINDOW (root), text);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  g_autofree char *text = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    /* Translators: a toast after an export, with the file's name */
    text = g_strdup_printf (_("Saved “%s”"), name);
  else
    /* Translators: a toast when an export failed: the file's name, then why */
    text = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);

  toast (export->from, text);
  export_free (export);
}

static void
on_response_cb (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  Export *export = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    g_file_replace_contents_bytes_async (file, export->csv, NULL, FALSE,
                                         G_FILE_CREATE_REPLACE_DESTINATION, NULL, written_cb,
                                         export);
  else
    export_free (export);

  g_object_unref (dialog);
}

/**
 * pulse_csv_export_save:
 * @from: the widget the export starts from (its window parents the
 *   chooser and shows the toast)
 * @suggested_name: the file name offered, e.g. "queues.csv"
 * @csv: the text to save
 *
 * Asks where to save @csv and saves it there, without blocking.
 */
void
pulse_csv_export_save (GtkWidget  *from,
                       const char *suggested_name,
                       GBytes     *csv)
{
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (from);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (csv != NULL);

  chooser = gtk_file_chooser_native_new (_("Export as CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  export = g_new0 (Export, 1);
  export->from = g_object_ref (from);
  export->csv = g_bytes_ref (csv);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
