/* pulse-window-pages.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseWindow's pages: the table that names them, the page widgets in the
 * stack, the sidebar rows with their section headings, and Ctrl+1 … Ctrl+0.
 *
 * Each stack page is a bin; the page in it is built when first shown, the
 * others one per idle after the window's first frame. Building all
 * eleven at once held the main loop 70–120 ms before that frame, the
 * Shifts page alone 13–32 ms (docs/performance.md).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agents-page.h"
#include "pulse-coverage-page.h"
#include "pulse-mentors-page.h"
#include "pulse-overview-page.h"
#include "pulse-quality-page.h"
#include "pulse-queues-page.h"
#include "pulse-reviews-page.h"
#include "pulse-rules-page.h"
#include "pulse-scorecards-page.h"
#include "pulse-shifts-page.h"
#include "pulse-templates-page.h"
#include "pulse-window-private.h"

/* The pages, in sidebar order. Ctrl+1 … Ctrl+0 follow this order, and
 * the names are the choices of the last-page setting. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  const char *section;
  GType     (*get_type) (void);
} PageInfo;

static const PageInfo pages[] = {
  {
    "overview",
    /* Translators: page title: the whole contact centre at a glance */
    N_("Overview"),
    "view-grid-symbolic",
    /* Translators: sidebar heading over the pages that follow the helpdesk live */
    NC_("sidebar section", "Live"),
    pulse_overview_page_get_type,
  },
  {
    "queues",
    /* Translators: page title: contacts waiting, per channel and country */
    N_("Queues"),
    "view-list-bullet-symbolic",
    NULL,
    pulse_queues_page_get_type,
  },
  {
    "coverage",
    /* Translators: page title: agents scheduled, online and required per half hour */
    N_("Coverage"),
    "preferences-system-time-symbolic",
    NULL,
    pulse_coverage_page_get_type,
  },
  {
    "agents",
    /* Translators: page title: support agents and their KPIs */
    N_("Agents"),
    "system-users-symbolic",
    NULL,
    pulse_agents_page_get_type,
  },
  {
    "quality",
    /* Translators: page title: replies sampled for quality review */
    N_("Quality"),
    "starred-symbolic",
    NULL,
    pulse_quality_page_get_type,
  },
  {
    "reviews",
    /* Translators: page title: the reviewer queue and the grading form */
    N_("Reviews"),
    "document-edit-symbolic",
    NULL,
    pulse_reviews_page_get_type,
  },
  {
    "rules",
    /* Translators: page title: automation rules that answer, tag and route */
    N_("Rules"),
    "system-run-symbolic",
    /* Translators: sidebar heading over the pages where leads edit how the helpdesk works */
    NC_("sidebar section", "Manage"),
    pulse_rules_page_get_type,
  },
  {
    "templates",
    /* Translators: page title: saved reply templates */
    N_("Templates"),
    "mail-reply-sender-symbolic",
    NULL,
    pulse_templates_page_get_type,
  },
  {
    "mentors",
    /* Translators: page title: newcomers and their mentors */
    N_("Mentors"),
    "avatar-default-symbolic",
    NULL,
    pulse_mentors_page_get_type,
  },
  {
    "shifts",
    /* Translators: page title: agents' work shifts */
    N_("Shifts"),
    "x-office-calendar-symbolic",
    NULL,
    pulse_shifts_page_get_type,
  },
  {
    "scorecards",
    /* Translators: page title: criteria that quality reviews grade replies on */
    N_("Scorecards"),
    "view-list-ordered-symbolic",
    NULL,
    pulse_scorecards_page_get_type,
  },
};

int
_pulse_window_find_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_strcmp0 (pages[i].name, name) == 0)
        return i;
    }

  return -1;
}

const char *
_pulse_window_get_page_name (int index)
{
  if (index < 0 || index >= (int) G_N_ELEMENTS (pages))
    return NULL;

  return pages[index].name;
}

static GtkWidget *
create_sidebar_row (const PageInfo *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(page->title));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (page->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  int index = gtk_list_box_row_get_index (row);
  const char *section;
  GtkWidget *heading;

  if (index < 0 || index >= (int) G_N_ELEMENTS (pages) || pages[index].section == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  section = g_dpgettext2 (GETTEXT_PACKAGE, "sidebar section", pages[index].section);
  heading = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "sidebar-heading");
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_list_box_row_set_header (row, heading);
}

void
_pulse_window_add_pages (PulseWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkStackPage *page;

      page = gtk_stack_add_titled (self->page_stack, adw_bin_new (), pages[i].name,
                                   _(pages[i].title));
      gtk_stack_page_set_icon_name (page, pages[i].icon_name);
      gtk_list_box_append (self->sidebar_list, create_sidebar_row (&pages[i]));
    }

  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, NULL, NULL);
}

/* Builds the page at @index unless it is built; returns whether it was. */
static gboolean
build_page (PulseWindow *self,
            guint        index)
{
  AdwBin *bin = ADW_BIN (gtk_stack_get_child_by_name (self->page_stack, pages[index].name));

  if (adw_bin_get_child (bin) != NULL)
    return FALSE;

  /* A page makes models over the lists: not inside their batch. */
  pulse_session_end_list_batches (self->session);
  adw_bin_set_child (bin, g_object_new (pages[index].get_type (), "session", self->session,
                                        NULL));
  return TRUE;
}

/**
 * _pulse_window_build_page:
 * @name: a page's name
 *
 * The page @name, built now if it was not yet.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL for no such name
 */
GtkWidget *
_pulse_window_build_page (PulseWindow *self,
                          const char  *name)
{
  int index = _pulse_window_find_page (name);

  if (index < 0)
    return NULL;

  build_page (self, (guint) index);
  return adw_bin_get_child (ADW_BIN (gtk_stack_get_child_by_name (self->page_stack, name)));
}

/* One page per dispatch, each 3–30 ms, at the data's fills' priority:
 * below it, a busy stream's backlog would hold them back for good. */
static gboolean
build_next_cb (gpointer user_data)
{
  PulseWindow *self = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (build_page (self, i))
        return G_SOURCE_CONTINUE;
    }

  self->build_id = 0;
  g_object_notify (G_OBJECT (self), "pages-built");
  return G_SOURCE_REMOVE;
}

/* After the first frame: the page shown is built by then. */
static void
on_first_paint_cb (GdkFrameClock *clock,
                   PulseWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);
  if (self->build_id == 0 && !_pulse_window_get_pages_built (self))
    self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_next_cb, self, NULL);
}

void
_pulse_window_build_pages_later (PulseWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_paint_cb), self, 0);
}

gboolean
_pulse_window_get_pages_built (PulseWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *bin = gtk_stack_get_child_by_name (self->page_stack, pages[i].name);

      if (adw_bin_get_child (ADW_BIN (bin)) == NULL)
        return FALSE;
    }
  return TRUE;
}

void
_pulse_window_class_add_page_shortcuts (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      /* Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth page. */
      guint key = i < 9 ? GDK_KEY_1 + i : GDK_KEY_0;

      gtk_widget_class_add_binding_action (widget_class, key, GDK_CONTROL_MASK,
                                           "win.show-page", "s", pages[i].name);
    }
}
