/* pulse-print.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a page as it is on screen: the widget's render nodes drawn
 * with cairo onto the printer's pages, scaled to the paper's width and
 * cut into as many pages as it takes. Vector output, so a PDF stays
 * sharp and its text selectable.
 */

#include "config.h"

#include <math.h>

#include "pulse-print.h"

typedef struct
{
  GskRenderNode *node;
  double         width;
  double         height;
  double         scale;
} Printout;

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   Printout          *printout)
{
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);

  printout->scale = MIN (1.0, page_width / printout->width);
  gtk_print_operation_set_n_pages (operation,
                                   MAX (1, (int) ceil (printout->height * printout->scale
                                                       / page_height)));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 Printout          *printout)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_height = gtk_print_context_get_height (context);

  cairo_rectangle (cr, 0, 0, gtk_print_context_get_width (context), page_height);
  cairo_clip (cr);
  cairo_translate (cr, 0, -page_nr * page_height);
  cairo_scale (cr, printout->scale, printout->scale);
  gsk_render_node_draw (printout->node, cr);
}

static void
printout_free (Printout *printout)
{
  g_clear_pointer (&printout->node, gsk_render_node_unref);
  g_free (printout);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error != NULL ? error->message : "unknown error");
    }
}

static GskRenderNode *
render (GtkWidget *widget,
        double     width,
        double     height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  return gtk_snapshot_free_to_node (snapshot);
}

/**
 * pulse_print_widget:
 * @widget: a mapped widget
 * @job_name: the print job's name
 * @pdf_path: (nullable): write a PDF there instead of asking for a
 *   printer (tests, and "save as PDF" without a dialog)
 * @error: where a failure goes
 *
 * Prints @widget as it is drawn now. With @pdf_path %NULL the print
 * dialog (the portal's when sandboxed) lets the user pick a printer or
 * print to a file; it runs asynchronously, without a nested main loop.
 *
 * Returns: %TRUE unless printing failed to start (or, for a PDF, failed).
 */
gboolean
pulse_print_widget (GtkWidget   *widget,
                    const char  *job_name,
                    const char  *pdf_path,
                    GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  Printout *printout;
  GtkRoot *root;
  GtkPrintOperationResult result;
  double width, height;
  GskRenderNode *node;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0 || (node = render (widget, width, height)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing to print yet");
      return FALSE;
    }

  printout = g_new0 (Printout, 1);
  *printout = (Printout) { node, width, height, 1.0 };
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "pulse-printout", printout,
                          (GDestroyNotify) printout_free);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), printout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), printout);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), NULL);
  root = gtk_widget_get_root (widget);

  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, pdf_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
    }
  else
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
    }

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
