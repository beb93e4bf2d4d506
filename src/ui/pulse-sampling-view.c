/* pulse-sampling-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Quality page's sampling policy: what the weekly draw takes (replies
 * per agent and per newcomer, every negative rating, the calibration
 * share, the own-team rule) and what a week of it is expected to cost
 * each reviewer, as the server reckons it (`GET /api/v1/sampling-policy`,
 * docs/protocol.md "Sampling and the weekly draw"). Head and QA may draw
 * the last complete week at once; the server draws it by itself too, and
 * a week drawn again changes nothing. The policy is not part of the
 * state, so it is read when the view shows and after a draw.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-sampling-view.h"
#include "pulse-session-items.h"
#include "pulse-window.h"

struct _PulseSamplingView
{
  AdwBin        parent_instance;

  GtkWidget    *draw_button;
  GtkLabel     *summary;
  GtkListBox   *policy_list;
  GtkListBox   *workload_list;

  PulseSession *session;
  GCancellable *cancellable;
  gboolean      loaded;
  gint64        gradings;
};

G_DEFINE_FINAL_TYPE (PulseSamplingView, pulse_sampling_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list, row);
}

static gint64
int_of (JsonObject *object,
        const char *member)
{
  return object != NULL ? json_object_get_int_member_with_default (object, member, 0) : 0;
}

static void
fill_policy (PulseSamplingView *self,
             JsonObject        *policy)
{
  g_autofree char *per_agent = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                int_of (policy, "per_agent"));
  g_autofree char *per_newcomer = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   int_of (policy, "per_newcomer"));
  g_autofree char *probation = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                int_of (policy, "probation_days"));
  g_autofree char *newcomer_title = NULL;
  g_autofree char *negatives = NULL;
  g_autofree char *share = NULL;
  gint64 negative_max = int_of (policy, "negative_max");

  clear_list (self->policy_list);
  /* Translators: sampling policy: random replies drawn of each agent a week */
  add_row (self->policy_list, _("Replies drawn per agent a week"), per_agent);
  /* Translators: sampling policy; %s is a number of days */
  newcomer_title = g_strdup_printf (_("Per newcomer, in their first %s days"), probation);
  add_row (self->policy_list, newcomer_title, per_newcomer);
  if (negative_max > 0)
    /* Translators: sampling policy: every contact rated this low is read; %d is 1–4 */
    negatives = g_strdup_printf (_("Every contact rated %d or lower"), (int) negative_max);
  add_row (self->policy_list, _("Negative ratings"),
           negatives != NULL ? negatives : C_("negative ratings", "Not drawn"));
  share = g_strdup_printf ("%.0f %%", 100 * json_object_get_double_member_with_default (
                             policy, "calibration_share", 0));
  /* Translators: sampling policy: the share of samples a second reviewer grades too */
  add_row (self->policy_list, _("Graded twice, for calibration"), share);
  add_row (self->policy_list, _("Reviewers grade their own team"),
           json_object_get_boolean_member_with_default (policy, "avoid_own_team", TRUE)
           ? C_("own team", "Never") : C_("own team", "Allowed"));
}

static void
fill_workload (PulseSamplingView *self,
               JsonObject        *workload)
{
  JsonArray *reviewers = workload != NULL && json_object_has_member (workload, "reviewers")
                         && JSON_NODE_HOLDS_ARRAY (json_object_get_member (workload, "reviewers"))
                         ? json_object_get_array_member (workload, "reviewers") : NULL;
  g_autofree char *samples = g_strdup_printf ("%" G_GINT64_FORMAT, int_of (workload, "samples"));
  g_autofree char *gradings = NULL;
  g_autofree char *unassigned = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 int_of (workload, "unassigned"));
  g_autofree char *text = NULL;
  guint n = reviewers != NULL ? json_array_get_length (reviewers) : 0;

  self->gradings = int_of (workload, "gradings");
  gradings = g_strdup_printf ("%" G_GINT64_FORMAT, self->gradings);
  /* Translators: %s are numbers: samples, gradings (samples plus second
   * gradings), and those no reviewer may take */
  text = g_strdup_printf (_("A week draws %s samples: %s gradings, %s with nobody to take them."),
                          samples, gradings, unassigned);
  gtk_label_set_text (self->summary, text);

  clear_list (self->workload_list);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *reviewer = json_array_get_object_element (reviewers, i);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                int_of (reviewer, "gradings"));

      add_row (self->workload_list,
               json_object_get_string_member_with_default (reviewer, "id", "?"), count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->workload_list), n > 0);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PulseSamplingView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *root;

  answer = pulse_session_get_json_finish (PULSE_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  root = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (root == NULL)
    {
      g_debug ("No sampling policy: %s", error != NULL ? error->message : "not an object");
      gtk_label_set_text (self->summary, _("The sampling policy could not be read."));
      return;
    }

  fill_policy (self, root);
  fill_workload (self, json_object_has_member (root, "workload")
                       && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "workload"))
                       ? json_object_get_object_member (root, "workload") : NULL);
  self->loaded = TRUE;
}

/**
 * pulse_sampling_view_refresh:
 *
 * Reads the policy and its workload from the server again.
 */
void
pulse_sampling_view_refresh (PulseSamplingView *self)
{
  g_return_if_fail (PULSE_IS_SAMPLING_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->session == NULL)
    return;

  gtk_widget_set_sensitive (self->draw_button, pulse_session_can_edit (self->session, "review"));
  self->cancellable = g_cancellable_new ();
  pulse_session_get_json_async (self->session, "/api/v1/sampling-policy", self->cancellable,
                                fetched_cb, g_object_ref (self));
}

static void
tell (PulseSamplingView *self,
      const char        *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PULSE_IS_WINDOW (root))
    pulse_window_add_toast (PULSE_WINDOW (root), text);
}

static void
drawn_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PulseSamplingView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  guint n;

  gtk_widget_set_sensitive (self->draw_button, TRUE);
  answer = pulse_session_post_json_finish (PULSE_SESSION (object), result, &error);
  root = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (root == NULL)
    {
      /* Translators: toast; %s is the server's reason */
      text = g_strdup_printf (_("Could not draw the week: %s"),
                              error != NULL ? error->message : _("no answer"));
      tell (self, text);
      return;
    }

  n = json_object_has_member (root, "reviews")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "reviews"))
      ? json_array_get_length (json_object_get_array_member (root, "reviews")) : 0;
  /* Translators: toast; %s is a week's Monday, as 2026-11-23 */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sample drawn for the week of %s",
                                       "%u samples drawn for the week of %s", n), n,
                          json_object_get_string_member_with_default (root, "week", ""));
  tell (self, text);
  pulse_sampling_view_refresh (self);
}

static void
on_draw_clicked_cb (PulseSamplingView *self)
{
  if (self->session == NULL)
    return;

  gtk_widget_set_sensitive (self->draw_button, FALSE);
  pulse_session_post_json_async (self->session, "/api/v1/reviews/draw", NULL, NULL, drawn_cb,
                                 g_object_ref (self));
}

static void
pulse_sampling_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pulse_sampling_view_parent_class)->map (widget);
  pulse_sampling_view_refresh (PULSE_SAMPLING_VIEW (widget));
}

static void
set_session (PulseSamplingView *self,
             PulseSession      *session)
{
  if (!g_set_object (&self->session, session))
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pulse_sampling_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * pulse_sampling_view_get_loaded:
 *
 * Returns: whether the policy was read at least once
 */
gboolean
pulse_sampling_view_get_loaded (PulseSamplingView *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_VIEW (self), FALSE);

  return self->loaded;
}

/**
 * pulse_sampling_view_get_gradings:
 *
 * Returns: the gradings a week of the policy is expected to take
 */
gint64
pulse_sampling_view_get_gradings (PulseSamplingView *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_VIEW (self), 0);

  return self->gradings;
}

static void
pulse_sampling_view_dispose (GObject *object)
{
  PulseSamplingView *self = PULSE_SAMPLING_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_SAMPLING_VIEW);

  G_OBJECT_CLASS (pulse_sampling_view_parent_class)->dispose (object);
}

static void
pulse_sampling_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PulseSamplingView *self = PULSE_SAMPLING_VIEW (object);

  if (prop_id == PROP_SESSION)
    g_value_set_object (value, self->session);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pulse_sampling_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PulseSamplingView *self = PULSE_SAMPLING_VIEW (object);

  if (prop_id == PROP_SESSION)
    set_session (self, g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pulse_sampling_view_class_init (PulseSamplingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_sampling_view_dispose;
  object_class->get_property = pulse_sampling_view_get_property;
  object_class->set_property = pulse_sampling_view_set_property;
  widget_class->map = pulse_sampling_view_map;

  /* Writable after construction, so a page's template can bind it. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-sampling-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseSamplingView, draw_button);
  gtk_widget_class_bind_template_child (widget_class, PulseSamplingView, summary);
  gtk_widget_class_bind_template_child (widget_class, PulseSamplingView, policy_list);
  gtk_widget_class_bind_template_child (widget_class, PulseSamplingView, workload_list);
  gtk_widget_class_bind_template_callback (widget_class, on_draw_clicked_cb);
}

static void
pulse_sampling_view_init (PulseSamplingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pulse_sampling_view_new:
 * @session: (nullable): the session to read the policy through
 *
 * Returns: (transfer floating): a new view
 */
GtkWidget *
pulse_sampling_view_new (PulseSession *session)
{
  return g_object_new (PULSE_TYPE_SAMPLING_VIEW, "session", session, NULL);
}
