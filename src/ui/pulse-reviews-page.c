/* pulse-reviews-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent.h"
#include "pulse-entity-list.h"
#include "pulse-lazy-bind.h"
#include "pulse-quality-summary.h"
#include "pulse-session-items.h"
#include "pulse-review-queue-state.h"
#include "pulse-reviews-page.h"

/*
 * PulseReviewsPage:
 *
 * The reviewer queue and the grading form beside it. A QA reviewer sees
 * the samples assigned to them; a head (and a lead, who may only read)
 * sees everyone's. Each row says whose reply it is, why it was drawn,
 * where it stands and how long it has waited, oldest first; a filter
 * picks a status. The oldest opens first. The queue follows the
 * session's reviews live and keeps the sample being graded selected.
 */
struct _PulseReviewsPage
{
  AdwBin              parent_instance;

  GtkDropDown        *filter_dropdown;
  GtkLabel           *count_label;
  GtkLabel           *hint_label;
  GtkStack           *queue_stack;
  GtkListBox         *queue_list;
  GtkStack           *form_stack;
  PulseReviewForm    *form;

  PulseSession       *session;
  GtkCustomFilter    *filter;
  GtkFilterListModel *queue;
  char               *selected_id;
  guint               age_timer_id;
};

G_DEFINE_FINAL_TYPE (PulseReviewsPage, pulse_reviews_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whose samples the queue lists: the reviewer's own, or everyone's. */
static const char *
queue_reviewer (PulseReviewsPage *self)
{
  return pulse_session_get_role (self->session) == PULSE_ROLE_QA
         ? pulse_session_get_user_name (self->session) : NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PulseReviewsPage *self = user_data;

  return pulse_review_queue_includes (item, queue_reviewer (self),
                                      gtk_drop_down_get_selected (self->filter_dropdown));
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  return pulse_review_queue_compare ((PulseReviewSample *) a, (PulseReviewSample *) b);
}

static char *
dup_age (PulseReviewSample *sample)
{
  gint64 seconds = (g_get_real_time () - pulse_review_sample_get_created_at (sample))
                   / G_USEC_PER_SEC;

  return pulse_quality_format_age (seconds);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PulseReviewsPage *self = user_data;
  PulseReviewSample *sample = item;
  GListModel *agents = pulse_session_get_list (self->session, PULSE_STATE_KIND_AGENT);
  PulseAgent *agent = pulse_entity_list_lookup (PULSE_ENTITY_LIST (agents),
                                                pulse_review_sample_get_agent_id (sample));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *age = gtk_label_new (NULL);
  g_autofree char *age_text = dup_age (sample);
  g_autofree char *subtitle = NULL;
  const char *reviewer = pulse_review_sample_get_reviewer_id (sample);

  /* Translators: a queued sample: why it was drawn · its status */
  subtitle = g_strdup_printf (_("%s · %s"),
                              pulse_review_queue_reason_label (pulse_review_sample_get_reason (
                                sample)),
                              pulse_review_queue_status_label (sample));
  if (queue_reviewer (self) == NULL && reviewer != NULL)
    {
      g_autofree char *with_reviewer = g_strdup_printf ("%s · %s", subtitle, reviewer);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_reviewer);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 agent != NULL ? pulse_agent_get_name (agent)
                                               : pulse_review_sample_get_agent_id (sample));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_text (GTK_LABEL (age), age_text);
  gtk_widget_add_css_class (age, "caption");
  gtk_widget_add_css_class (age, "numeric");
  gtk_widget_add_css_class (age, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), age);
  g_object_set_data_full (G_OBJECT (row), "sample", g_object_ref (sample), g_object_unref);
  g_object_set_data (G_OBJECT (row), "age", age);
  return row;
}

/* The template's root, which AdwBin owns (so it is not bound). */
static AdwLeaflet *
leaflet (PulseReviewsPage *self)
{
  return ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self)));
}

static PulseReviewSample *
row_sample (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "sample") : NULL;
}

static gboolean
refresh_ages_cb (gpointer user_data)
{
  PulseReviewsPage *self = user_data;

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->queue_list, i);
      g_autofree char *text = NULL;

      if (row == NULL)
        break;
      text = dup_age (row_sample (row));
      gtk_label_set_text (g_object_get_data (G_OBJECT (row), "age"), text);
    }

  return G_SOURCE_CONTINUE;
}

static void
update_count (PulseReviewsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->queue_stack, n > 0 ? "list" : "empty");
}

/* The selected sample again, as the queue now has it (a newer object, or
 * gone); the form follows. */
static void
reselect (PulseReviewsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));

  /* Nothing chosen yet: the sample that has waited longest. */
  if (self->selected_id == NULL)
    {
      if (n > 0)
        gtk_list_box_select_row (self->queue_list, gtk_list_box_get_row_at_index (self->queue_list,
                                                                                  0));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseReviewSample) sample = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (g_strcmp0 (pulse_review_sample_get_id (sample), self->selected_id) == 0)
        {
          gtk_list_box_select_row (self->queue_list,
                                   gtk_list_box_get_row_at_index (self->queue_list, i));
          pulse_review_form_set_sample (self->form, sample);
          return;
        }
    }
}

static void
on_queue_changed_cb (GListModel       *queue,
                     guint             position,
                     guint             removed,
                     guint             added,
                     PulseReviewsPage *self)
{
  update_count (self);
  reselect (self);
}

static void
on_row_selected_cb (PulseReviewsPage *self,
                    GtkListBoxRow    *row,
                    GtkListBox       *list)
{
  PulseReviewSample *sample = row_sample (row);

  /* A row going away (the list rebuilds it) is no choice of the user's. */
  if (sample == NULL)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (pulse_review_sample_get_id (sample));
  pulse_review_form_set_sample (self->form, sample);
  gtk_stack_set_visible_child_name (self->form_stack, "form");
  adw_leaflet_set_visible_child_name (leaflet (self), "form");
}

static void
on_back_clicked_cb (PulseReviewsPage *self)
{
  adw_leaflet_set_visible_child_name (leaflet (self), "queue");
}

static void
on_filter_selected_cb (PulseReviewsPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_hint (PulseReviewsPage *self)
{
  gboolean own = queue_reviewer (self) != NULL;

  if (!own && !pulse_session_can_edit (self->session, "review"))
    gtk_label_set_text (self->hint_label, _("Every reviewer's samples. Your role may read "
                                            "reviews but not grade them."));
  else
    gtk_label_set_text (self->hint_label, own ? _("The samples assigned to you, oldest first.")
                                              : _("Every reviewer's samples, oldest first."));
}

static void
on_role_changed_cb (PulseReviewsPage *self)
{
  update_hint (self);
  on_filter_selected_cb (self);
}

/* The list's rows, made when the page is first shown: select as ever. */
static void
on_rows_made (gpointer user_data)
{
  reselect (user_data);
}

static void
bind_session (PulseReviewsPage *self)
{
  GListModel *reviews = pulse_session_get_list (self->session, PULSE_STATE_KIND_REVIEW);
  GtkSortListModel *sorted;

  sorted = gtk_sort_list_model_new (g_object_ref (reviews),
                                    GTK_SORTER (gtk_custom_sorter_new (sort_func, NULL, NULL)));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->queue = gtk_filter_list_model_new (G_LIST_MODEL (sorted),
                                           GTK_FILTER (g_object_ref (self->filter)));
  pulse_lazy_bind_list_box (self->queue_list, G_LIST_MODEL (self->queue), create_row, self,
                            on_rows_made);
  g_signal_connect_object (self->queue, "items-changed", G_CALLBACK (on_queue_changed_cb), self,
                           G_CONNECT_AFTER);
  g_signal_connect_object (self->session, "notify::role", G_CALLBACK (on_role_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_set (self->form, "session", self->session, NULL);
  update_hint (self);
  update_count (self);
  reselect (self);
}

static void
pulse_reviews_page_dispose (GObject *object)
{
  PulseReviewsPage *self = PULSE_REVIEWS_PAGE (object);

  g_clear_handle_id (&self->age_timer_id, g_source_remove);
  if (self->queue_list != NULL)
    pulse_lazy_bind_list_box (self->queue_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_REVIEWS_PAGE);
  self->queue_list = NULL;
  g_clear_object (&self->queue);
  g_clear_object (&self->filter);
  g_clear_object (&self->session);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (pulse_reviews_page_parent_class)->dispose (object);
}

static void
pulse_reviews_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PulseReviewsPage *self = PULSE_REVIEWS_PAGE (object);

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
pulse_reviews_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PulseReviewsPage *self = PULSE_REVIEWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      if (self->session != NULL)
        bind_session (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_reviews_page_class_init (PulseReviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_reviews_page_dispose;
  object_class->get_property = pulse_reviews_page_get_property;
  object_class->set_property = pulse_reviews_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PULSE_TYPE_REVIEW_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-reviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseReviewsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewsPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewsPage, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewsPage, queue_list);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewsPage, form_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseReviewsPage, form);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
}

static void
pulse_reviews_page_init (PulseReviewsPage *self)
{
  g_autoptr(GtkStringList) filters = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (int i = PULSE_REVIEW_FILTER_OPEN; i <= PULSE_REVIEW_FILTER_ALL; i++)
    gtk_string_list_append (filters, pulse_review_queue_filter_label (i));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (filters));
  self->age_timer_id = g_timeout_add_seconds (60, refresh_ages_cb, self);
}

GtkWidget *
pulse_reviews_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_REVIEWS_PAGE, "session", session, NULL);
}

/**
 * pulse_reviews_page_get_queue:
 *
 * Returns: (transfer none): the samples the queue lists, in its order.
 */
GListModel *
pulse_reviews_page_get_queue (PulseReviewsPage *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEWS_PAGE (self), NULL);

  return G_LIST_MODEL (self->queue);
}

PulseReviewForm *
pulse_reviews_page_get_form (PulseReviewsPage *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEWS_PAGE (self), NULL);

  return self->form;
}

/**
 * pulse_reviews_page_open:
 * @sample_id: a sample the queue lists
 *
 * Selects @sample_id's row, which opens it in the form.
 *
 * Returns: %TRUE if the queue lists it.
 */
gboolean
pulse_reviews_page_open (PulseReviewsPage *self,
                         const char       *sample_id)
{
  guint n;

  g_return_val_if_fail (PULSE_IS_REVIEWS_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseReviewSample) sample = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (g_strcmp0 (pulse_review_sample_get_id (sample), sample_id) == 0)
        {
          gtk_list_box_select_row (self->queue_list,
                                   gtk_list_box_get_row_at_index (self->queue_list, i));
          return TRUE;
        }
    }

  return FALSE;
}
