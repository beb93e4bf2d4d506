/* pulse-calibration-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-calibration-settle.h"
#include "pulse-calibration-view.h"
#include "pulse-calibration.h"
#include "pulse-format.h"
#include "pulse-qa-text.h"
#include "pulse-review-sample.h"
#include "pulse-session-items.h"
/* Calibration samples shown at most, the newest. */
#define MAX_GROUPS 10

/**
 * PulseCalibrationView:
 *
 * The Quality page's calibration sessions: each reply graded by two or
 * more reviewers, how far they agree overall and on each criterion, and
 * the reference grading a lead or head settled, which they can settle
 * (again) here.
 */
struct _PulseCalibrationView
{
  AdwBin        parent_instance;

  GtkLabel     *summary;
  GtkStack     *stack;
  GtkListBox   *list;

  PulseSession *session;
  GPtrArray    *watched;
  GPtrArray    *groups;
  guint         refresh_id;
};

G_DEFINE_FINAL_TYPE (PulseCalibrationView, pulse_calibration_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char                      *id;
  GPtrArray                 *members;
  gint64                     newest;
  PulseCalibrationAgreement  agreement;
} Group;

static void
group_free (Group *group)
{
  g_free (group->id);
  g_ptr_array_unref (group->members);
  g_free (group);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Group *x = *(Group * const *) a;
  const Group *y = *(Group * const *) b;

  return x->newest < y->newest ? 1 : x->newest > y->newest ? -1 : g_strcmp0 (x->id, y->id);
}

/* The calibration groups with a compared criterion, newest first. */
static GPtrArray *
collect_groups (PulseSession *session)
{
  GListModel *reviews = pulse_session_get_list (session, PULSE_STATE_KIND_REVIEW);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(PulseReviewSample) review = g_list_model_get_item (reviews, i);
      const char *id = pulse_review_sample_get_calibration_group (review);
      Group *group;

      if (id == NULL)
        continue;
      if ((group = g_hash_table_lookup (by_id, id)) == NULL)
        {
          group = g_new0 (Group, 1);
          group->id = g_strdup (id);
          group->members = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_id, group->id, group);
          g_ptr_array_add (groups, group);
        }
      for (guint j = 0; j < group->members->len; j++)
        pulse_calibration_compare (group->members->pdata[j], review, &group->agreement);
      group->newest = MAX (group->newest, pulse_review_sample_get_created_at (review));
      g_ptr_array_add (group->members, g_steal_pointer (&review));
    }

  for (guint i = groups->len; i > 0; i--)
    if (((Group *) groups->pdata[i - 1])->agreement.compared == 0)
      g_ptr_array_remove_index (groups, i - 1);
  g_ptr_array_sort (groups, newest_first);
  return groups;
}

typedef struct
{
  const char *criterion_id;
  gboolean    compared;
  gboolean    agreed;
} Criterion;

static void
note_pair (const char *criterion_id,
           gboolean    agreed,
           gpointer    user_data)
{
  Criterion *criterion = user_data;

  if (!g_str_equal (criterion_id, criterion->criterion_id))
    return;
  criterion->agreed = (criterion->agreed || !criterion->compared) && agreed;
  criterion->compared = TRUE;
}

/* "qa-1: Pass · qa-2: Fail · reference: Fail" */
static char *
verdicts (Group                   *group,
          const char              *criterion_id,
          PulseCalibrationSession *settled)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const PulseReviewGrade *reference = NULL;

  for (guint i = 0; i < group->members->len; i++)
    {
      PulseReviewSample *review = group->members->pdata[i];
      const PulseReviewGrade *grade = pulse_review_sample_find_grade (review, criterion_id);

      if (pulse_review_sample_get_status (review) != PULSE_REVIEW_STATUS_SUBMITTED)
        continue;
      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? " · " : "",
                              pulse_review_sample_get_reviewer_id (review),
                              grade != NULL ? pulse_qa_result_text (grade->result) : "—");
    }

  if (settled != NULL)
    reference = pulse_calibration_session_find_grade (settled, criterion_id);
  if (reference != NULL)
    /* Translators: the reference verdict on a criterion, after the reviewers' */
    g_string_append_printf (text, _(" · reference: %s"), pulse_qa_result_text (reference->result));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
criterion_row (PulseCalibrationView    *self,
               Group                   *group,
               const char              *criterion_id,
               PulseCalibrationSession *settled)
{
  GtkWidget *row = adw_action_row_new ();
  const char *scorecard_id = pulse_review_sample_get_scorecard_id (group->members->pdata[0]);
  Criterion criterion = { criterion_id, FALSE, FALSE };
  g_autofree char *subtitle = verdicts (group, criterion_id, settled);
  GtkWidget *icon;

  for (guint i = 0; i < group->members->len; i++)
    for (guint j = i + 1; j < group->members->len; j++)
      pulse_calibration_compare_each (group->members->pdata[i], group->members->pdata[j],
                                      note_pair, &criterion);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 pulse_qa_criterion_name (self->session, scorecard_id,
                                                          criterion_id));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  icon = gtk_image_new_from_icon_name (!criterion.compared ? "content-loading-symbolic"
                                       : criterion.agreed ? "object-select-symbolic"
                                       : "dialog-warning-symbolic");
  gtk_widget_set_tooltip_text (icon, !criterion.compared ? _("Not graded by two reviewers")
                                     : criterion.agreed ? _("The reviewers agree")
                                     : _("The reviewers disagree"));
  if (criterion.compared && !criterion.agreed)
    gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static char *
group_subtitle (Group                   *group,
                PulseCalibrationSession *settled)
{
  g_autofree char *share = pulse_format_share (pulse_calibration_share (&group->agreement));
  g_autofree char *score = NULL;

  if (settled == NULL)
    /* Translators: a calibration sample: the reviewers' agreement (a share) */
    return g_strdup_printf (_("%s agreement · not settled"), share);

  score = pulse_format_score (pulse_calibration_session_get_score (settled), 0);
  /* Translators: a calibration sample: the reviewers' agreement, who settled
   * the reference grading and its score */
  return g_strdup_printf (_("%s agreement · settled by %s, score %s"), share,
                          pulse_calibration_session_get_settled_by (settled), score);
}

static void
on_settle_clicked_cb (GtkButton            *button,
                      PulseCalibrationView *self)
{
  Group *group = g_object_get_data (G_OBJECT (button), "group");
  PulseCalibrationSession *settled = g_object_get_data (G_OBJECT (button), "settled");

  pulse_calibration_settle_present (GTK_WIDGET (self), self->session, group->id, group->members,
                                    settled);
}

static GtkWidget *
group_row (PulseCalibrationView    *self,
           Group                   *group,
           PulseCalibrationSession *settled,
           GHashTable              *names)
{
  GtkWidget *row = adw_expander_row_new ();
  PulseReviewSample *first = group->members->pdata[0];
  const char *agent = g_hash_table_lookup (names, pulse_review_sample_get_agent_id (first));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = group_subtitle (group, settled);
  g_autoptr(GPtrArray) criteria = pulse_calibration_settle_criteria (self->session,
                                                                     group->members);

  /* Translators: a calibration sample: the agent and the ticket */
  title = g_strdup_printf (_("%s · ticket %s"), agent != NULL ? agent
                           : pulse_review_sample_get_agent_id (first),
                           pulse_review_sample_get_ticket_id (first));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_name (row, group->id);

  if (pulse_session_can_edit (self->session, "calibration"))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (settled != NULL ? _("Settle _Again…")
                                                                        : _("_Settle…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "group", group);
      if (settled != NULL)
        g_object_set_data_full (G_OBJECT (button), "settled", g_object_ref (settled),
                                g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_settle_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
    }

  for (guint i = 0; i < criteria->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              criterion_row (self, group, criteria->pdata[i], settled));
  return row;
}

static GHashTable *
settled_by_group (PulseSession *session)
{
  GListModel *calibrations = pulse_session_get_list (session, PULSE_STATE_KIND_CALIBRATION);
  GHashTable *settled = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (calibrations); i++)
    {
      PulseCalibrationSession *session_item = g_list_model_get_item (calibrations, i);

      g_hash_table_replace (settled, (gpointer) pulse_calibration_session_get_id (session_item),
                            session_item);
    }

  return settled;
}

static void
set_summary (PulseCalibrationView *self,
             guint                 n_settled)
{
  PulseCalibrationAgreement total = { 0 };
  g_autofree char *share = NULL;
  g_autofree char *text = NULL;
  const char *hint = pulse_session_can_edit (self->session, "calibration")
                     ? "" : _(" Leads and heads settle the reference gradings.");

  for (guint i = 0; i < self->groups->len; i++)
    {
      total.compared += ((Group *) self->groups->pdata[i])->agreement.compared;
      total.agreed += ((Group *) self->groups->pdata[i])->agreement.agreed;
    }
  share = pulse_format_share (pulse_calibration_share (&total));
  /* Translators: calibration samples, the reviewers' agreement over all of
   * them, and how many have a settled reference grading */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u reply graded by several reviewers: %s agreement "
                                       "overall, %u settled.%s",
                                       "%u replies graded by several reviewers: %s agreement "
                                       "overall, %u settled.%s", self->groups->len),
                          self->groups->len, share, n_settled, hint);
  gtk_label_set_text (self->summary, text);
}

static gboolean
refresh_cb (gpointer user_data)
{
  PulseCalibrationView *self = user_data;
  g_autoptr(GHashTable) settled = settled_by_group (self->session);
  g_autoptr(GHashTable) names = pulse_qa_agent_names (self->session);
  GtkWidget *child;
  guint n_settled = 0;

  self->refresh_id = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  self->groups = collect_groups (self->session);

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = self->groups->pdata[i];
      PulseCalibrationSession *reference = g_hash_table_lookup (settled, group->id);

      n_settled += reference != NULL;
      if (i < MAX_GROUPS)
        gtk_list_box_append (self->list, group_row (self, group, reference, names));
    }

  set_summary (self, n_settled);
  gtk_stack_set_visible_child_name (self->stack, self->groups->len > 0 ? "list" : "empty");
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (PulseCalibrationView *self)
{
  if (self->refresh_id == 0 && self->session != NULL)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static void
watch (PulseCalibrationView *self,
       gpointer              instance,
       const char           *signal)
{
  g_signal_connect_object (instance, signal, G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (instance));
}

static void
unwatch (PulseCalibrationView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (self->watched->pdata[i], self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
set_session (PulseCalibrationView *self,
             PulseSession         *session)
{
  static const PulseStateKind kinds[] = {
    PULSE_STATE_KIND_REVIEW, PULSE_STATE_KIND_CALIBRATION, PULSE_STATE_KIND_AGENT,
    PULSE_STATE_KIND_SCORECARD,
  };

  if (self->session == session)
    return;

  unwatch (self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        watch (self, pulse_session_get_list (session, kinds[i]), "items-changed");
      watch (self, session, "notify::role");
      queue_refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
pulse_calibration_view_dispose (GObject *object)
{
  PulseCalibrationView *self = (PulseCalibrationView *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->watched != NULL)
    unwatch (self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_CALIBRATION_VIEW);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_calibration_view_parent_class)->dispose (object);
}

static void
pulse_calibration_view_finalize (GObject *object)
{
  PulseCalibrationView *self = (PulseCalibrationView *)object;

  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_calibration_view_parent_class)->finalize (object);
}

static void
pulse_calibration_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PulseCalibrationView *self = PULSE_CALIBRATION_VIEW (object);

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
pulse_calibration_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PulseCalibrationView *self = PULSE_CALIBRATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_calibration_view_class_init (PulseCalibrationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_calibration_view_dispose;
  object_class->finalize = pulse_calibration_view_finalize;
  object_class->get_property = pulse_calibration_view_get_property;
  object_class->set_property = pulse_calibration_view_set_property;

  /* Writable after construction, so a page's template can bind it. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-calibration-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseCalibrationView, summary);
  gtk_widget_class_bind_template_child (widget_class, PulseCalibrationView, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseCalibrationView, list);
}

static void
pulse_calibration_view_init (PulseCalibrationView *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pulse_calibration_view_new:
 * @session: (nullable): the session whose calibration samples to show
 *
 * Returns: (transfer full): a new view.
 */
GtkWidget *
pulse_calibration_view_new (PulseSession *session)
{
  return g_object_new (PULSE_TYPE_CALIBRATION_VIEW, "session", session, NULL);
}
