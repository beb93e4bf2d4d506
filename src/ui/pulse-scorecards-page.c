/* pulse-scorecards-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-audit-list.h"
#include "pulse-entity-list.h"
#include "pulse-item-edit.h"
#include "pulse-scorecard-edit.h"
#include "pulse-scorecards-page-private.h"
#include "pulse-session-items.h"

/*
 * PulseScorecardsPage:
 *
 * The scorecards QA reviewers grade on, each at its current version,
 * and an editor of the one chosen: its sections and their criteria
 * (name, guidance, weight, critical). A save is the next version, made
 * through the edit kit (Undo, conflicts, the outbox); reviews drawn on
 * an older version keep it. Below, the scorecard's history. A role that
 * may not edit scorecards reads them with the editing controls off.
 */

G_DEFINE_FINAL_TYPE (PulseScorecardsPage, pulse_scorecards_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
can_edit (PulseScorecardsPage *self)
{
  return self->session != NULL && pulse_session_can_edit (self->session, "scorecard");
}

static void
update_actions (PulseScorecardsPage *self)
{
  g_autofree char *problem = self->edit != NULL ? pulse_scorecard_edit_check (self->edit) : NULL;
  gboolean editing = self->edit != NULL && can_edit (self);

  gtk_label_set_text (self->problem_label, editing && problem != NULL ? problem : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.new", can_edit (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.add-section", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.add-criterion", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.remove", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.revert", editing && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.save",
                                 editing && self->dirty && problem == NULL);
}

void
_pulse_scorecards_page_changed (PulseScorecardsPage *self)
{
  if (self->showing)
    return;

  self->dirty = TRUE;
  update_actions (self);
}

/* The editor from self->edit; read-only roles get it insensitive. */
static void
show_edit (PulseScorecardsPage *self)
{
  GtkWidget *child;
  g_autofree char *number = NULL;
  g_autofree char *version = NULL;

  self->showing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->edit->name);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_entry), can_edit (self));
  for (guint i = 0; i < self->edit->sections->len; i++)
    gtk_box_append (self->sections_box,
                    _pulse_scorecards_page_section_block (self, g_ptr_array_index (self->edit->sections, i), i));
  gtk_widget_set_sensitive (GTK_WIDGET (self->sections_box), can_edit (self));

  /* Translators: the version of the scorecard shown; "new" before its first save */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, self->edit->version);
  version = self->edit->version > 0 ? g_strdup_printf (_("Version %s"), number)
                                    : g_strdup (C_("scorecard version", "New"));
  gtk_label_set_text (self->version_label, version);
  gtk_label_set_text (self->hint_label,
                      can_edit (self)
                      ? _("Saving makes a new version; reviews drawn on an older one keep it.")
                      : _("Your role may read scorecards but not change them."));
  self->showing = FALSE;
  update_actions (self);
}

static void
on_name_changed_cb (PulseScorecardsPage *self,
                    GtkEditable         *editable)
{
  if (self->edit == NULL || self->showing)
    return;

  g_free (self->edit->name);
  self->edit->name = g_strdup (gtk_editable_get_text (editable));
  _pulse_scorecards_page_changed (self);
}

/* Starts editing @scorecard (or a new one when %NULL with @edit). */
static void
load (PulseScorecardsPage *self,
      PulseScorecard      *scorecard,
      PulseScorecardEdit  *edit)
{
  g_set_object (&self->scorecard, scorecard);
  g_clear_pointer (&self->edit, pulse_scorecard_edit_free);
  self->edit = edit != NULL ? edit : pulse_scorecard_edit_new (scorecard);
  self->dirty = edit != NULL;
  show_edit (self);
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  if (scorecard != NULL)
    pulse_audit_list_show (self->audit, self->session, "scorecard",
                           pulse_scorecard_get_id (scorecard));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PulseScorecard *scorecard = item;
  GtkWidget *row = adw_action_row_new ();
  guint n = pulse_scorecard_get_n_criteria (scorecard);
  g_autofree char *criteria = NULL;
  g_autofree char *number = NULL;
  g_autofree char *subtitle = NULL;

  criteria = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion", "%u criteria", n), n);
  /* Translators: a scorecard in the list: its version · how many criteria */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, pulse_scorecard_get_version (scorecard));
  subtitle = g_strdup_printf (_("Version %s · %s"), number, criteria);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pulse_scorecard_get_name (scorecard));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "scorecard", g_object_ref (scorecard), g_object_unref);
  return row;
}

static void
on_row_selected_cb (PulseScorecardsPage *self,
                    GtkListBoxRow       *row,
                    GtkListBox          *list)
{
  PulseScorecard *scorecard = row != NULL ? g_object_get_data (G_OBJECT (row), "scorecard")
                                          : NULL;

  if (scorecard != NULL && scorecard != self->scorecard)
    load (self, scorecard, NULL);
}

/* The list replaced the scorecard shown (a save came back, someone else
 * saved): a clean editor shows the new version; edits in progress stay,
 * based on it. */
static void
on_scorecards_changed_cb (GListModel          *list,
                          guint                position,
                          guint                removed,
                          guint                added,
                          PulseScorecardsPage *self)
{
  const char *id = self->edit != NULL ? self->edit->id : NULL;
  PulseScorecard *now = id != NULL ? pulse_entity_list_lookup (PULSE_ENTITY_LIST (list), id)
                                   : NULL;
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; now != NULL && i < n; i++)
    {
      g_autoptr(PulseScorecard) item = g_list_model_get_item (list, i);

      if (item == now)
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, i));
    }

  /* Nothing chosen yet: the first scorecard. */
  if (self->edit == NULL && n > 0)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));

  if (now == NULL || now == self->scorecard)
    return;
  if (!self->dirty)
    load (self, now, NULL);
  else
    {
      g_set_object (&self->scorecard, now);
      self->edit->version = pulse_scorecard_get_version (now);
    }
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PulseScorecardsPage *self = PULSE_SCORECARDS_PAGE (widget);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("sc-", uuid, NULL);

  gtk_list_box_unselect_all (self->list);
  load (self, NULL, pulse_scorecard_edit_new_blank (id, _("New Scorecard")));
}

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PulseScorecardsPage *self = PULSE_SCORECARDS_PAGE (widget);
  guint index = self->edit->sections->len;

  pulse_scorecard_edit_add_section (self->edit, _("New Section"));
  pulse_scorecard_edit_add_criterion (self->edit, index, "", 10);
  self->dirty = TRUE;
  show_edit (self);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
add_criterion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PulseScorecardsPage *self = PULSE_SCORECARDS_PAGE (widget);
  guint section = g_variant_get_uint32 (parameter);
  PulseScorecardEditSection *into;
  g_autofree char *name = NULL;
  GtkWidget *entry;

  if (section >= self->edit->sections->len)
    return;

  pulse_scorecard_edit_add_criterion (self->edit, section, "", 10);
  self->dirty = TRUE;
  show_edit (self);

  /* The new criterion's name is where the lead types next. */
  into = g_ptr_array_index (self->edit->sections, section);
  name = g_strdup_printf ("criterion-name-%u-%u", section, into->criteria->len - 1);
  entry = find_named (GTK_WIDGET (self->sections_box), name);
  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PulseScorecardsPage *self = PULSE_SCORECARDS_PAGE (widget);
  guint section;
  int criterion;

  g_variant_get (parameter, "(ui)", &section, &criterion);
  if (section >= self->edit->sections->len)
    return;

  pulse_scorecard_edit_remove (self->edit, section, criterion);
  self->dirty = TRUE;
  show_edit (self);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PulseScorecardsPage *self = PULSE_SCORECARDS_PAGE (widget);

  if (self->scorecard != NULL)
    load (self, self->scorecard, NULL);
  else
    gtk_stack_set_visible_child_name (self->editor_stack, "none");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PulseScorecardsPage *self = PULSE_SCORECARDS_PAGE (widget);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = pulse_scorecard_edit_to_json (self->edit);

  if (after == NULL)
    return;

  if (self->scorecard != NULL)
    before = pulse_scorecard_to_json (self->scorecard);
  pulse_item_edit_save (widget, "scorecard", before, after, self->edit->name);
  /* Clean again: the new version replaces this one when it comes back. */
  self->dirty = FALSE;
  update_actions (self);
}

static void
bind_session (PulseScorecardsPage *self)
{
  GListModel *scorecards = pulse_session_get_list (self->session, PULSE_STATE_KIND_SCORECARD);

  gtk_list_box_bind_model (self->list, scorecards, create_row, self, NULL);
  g_signal_connect_object (scorecards, "items-changed", G_CALLBACK (on_scorecards_changed_cb),
                           self, G_CONNECT_AFTER);
  g_signal_connect_object (self->session, "notify::role", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  on_scorecards_changed_cb (scorecards, 0, 0, 0, self);
}

static void
pulse_scorecards_page_dispose (GObject *object)
{
  PulseScorecardsPage *self = PULSE_SCORECARDS_PAGE (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_SCORECARDS_PAGE);
  self->list = NULL;
  g_clear_object (&self->scorecard);
  g_clear_pointer (&self->edit, pulse_scorecard_edit_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pulse_scorecards_page_parent_class)->dispose (object);
}

static void
pulse_scorecards_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PulseScorecardsPage *self = PULSE_SCORECARDS_PAGE (object);

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
pulse_scorecards_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PulseScorecardsPage *self = PULSE_SCORECARDS_PAGE (object);

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
pulse_scorecards_page_class_init (PulseScorecardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_scorecards_page_dispose;
  object_class->get_property = pulse_scorecards_page_get_property;
  object_class->set_property = pulse_scorecards_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "scorecards.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "scorecards.add-section", NULL,
                                   add_section_action);
  gtk_widget_class_install_action (widget_class, "scorecards.add-criterion", "u",
                                   add_criterion_action);
  gtk_widget_class_install_action (widget_class, "scorecards.remove", "(ui)", remove_action);
  gtk_widget_class_install_action (widget_class, "scorecards.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "scorecards.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "scorecards.save", NULL);

  g_type_ensure (PULSE_TYPE_AUDIT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-scorecards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseScorecardsPage, list);
  gtk_widget_class_bind_template_child (widget_class, PulseScorecardsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseScorecardsPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PulseScorecardsPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, PulseScorecardsPage, version_label);
  gtk_widget_class_bind_template_child (widget_class, PulseScorecardsPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, PulseScorecardsPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PulseScorecardsPage, audit);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
}

static void
pulse_scorecards_page_init (PulseScorecardsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
pulse_scorecards_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_SCORECARDS_PAGE, "session", session, NULL);
}

/**
 * pulse_scorecards_page_open:
 * @id: a scorecard the list shows
 *
 * Returns: %TRUE if @id is listed; it is then selected and in the editor.
 */
gboolean
pulse_scorecards_page_open (PulseScorecardsPage *self,
                            const char          *id)
{
  GListModel *scorecards;

  g_return_val_if_fail (PULSE_IS_SCORECARDS_PAGE (self), FALSE);

  scorecards = pulse_session_get_list (self->session, PULSE_STATE_KIND_SCORECARD);
  for (guint i = 0; i < g_list_model_get_n_items (scorecards); i++)
    {
      g_autoptr(PulseScorecard) scorecard = g_list_model_get_item (scorecards, i);

      if (g_strcmp0 (pulse_scorecard_get_id (scorecard), id) == 0)
        {
          gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, i));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * pulse_scorecards_page_get_edit:
 *
 * Returns: (transfer none) (nullable): the scorecard in the editor.
 */
PulseScorecardEdit *
pulse_scorecards_page_get_edit (PulseScorecardsPage *self)
{
  g_return_val_if_fail (PULSE_IS_SCORECARDS_PAGE (self), NULL);

  return self->edit;
}
