/* pulse-sim-config-people.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people of the simulated operation: sites, teams, shift patterns,
 * probation and quality review.
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-sim-config.h"

static void
fail (GError     **error,
      const char  *group,
      const char  *key,
      const char  *message)
{
  g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "[%s] %s: %s", group, key, message);
}

static void
site_free (PulseSimSite *site)
{
  g_free (site->id);
  g_strfreev (site->languages);
  g_strfreev (site->first_names);
  g_strfreev (site->surnames);
  g_free (site);
}

static gboolean
read_site (PulseSimConfig  *self,
           GKeyFile        *file,
           const char      *group,
           GError         **error)
{
  PulseSimSite *site = g_new0 (PulseSimSite, 1);
  g_autofree char *zone = g_key_file_get_string (file, group, "zone", NULL);
  int index = _pulse_sim_config_find_zone (self, zone);

  g_ptr_array_add (self->sites, site);
  site->id = g_strdup (group + strlen ("site "));
  site->languages = g_key_file_get_string_list (file, group, "languages", NULL, NULL);
  site->first_names = g_key_file_get_string_list (file, group, "first-names", NULL, NULL);
  site->surnames = g_key_file_get_string_list (file, group, "surnames", NULL, NULL);
  if (index < 0)
    fail (error, group, "zone", "must name a [zone …] group");
  else if (site->languages == NULL || site->languages[0] == NULL)
    fail (error, group, "languages", "must name at least one language");
  else if (site->first_names == NULL || site->first_names[0] == NULL ||
           site->surnames == NULL || site->surnames[0] == NULL)
    fail (error, group, "first-names", "first-names and surnames must not be empty");
  else
    {
      site->zone = index;
      return TRUE;
    }

  return FALSE;
}

static int
find_site (PulseSimConfig *self,
           const char     *id)
{
  for (guint i = 0; i < self->sites->len; i++)
    if (g_strcmp0 (((PulseSimSite *) self->sites->pdata[i])->id, id) == 0)
      return (int) i;

  return -1;
}

static void
team_free (PulseSimTeam *team)
{
  g_free (team->id);
  g_free (team->name);
  g_free (team->lead);
  g_strfreev (team->countries);
  _pulse_sim_weights_clear (&team->sites);
  g_free (team->newcomer_days);
  g_free (team);
}

static gboolean
read_team_sites (PulseSimConfig  *self,
                 PulseSimTeam    *team,
                 GKeyFile        *file,
                 const char      *group,
                 GError         **error)
{
  g_autofree char *sites = g_key_file_get_string (file, group, "sites", NULL);
  g_autofree char *lead_site = g_key_file_get_string (file, group, "lead-site", NULL);
  int index = find_site (self, lead_site);

  if (index < 0)
    {
      fail (error, group, "lead-site", "must name a [site …] group");
      return FALSE;
    }
  team->lead_site = index;

  if (!_pulse_sim_weights_parse (&team->sites, group, "sites", sites, error))
    return FALSE;

  for (guint i = 0; i < team->sites.n; i++)
    {
      if (find_site (self, team->sites.names[i]) < 0 || team->sites.weights[i] > 1000 ||
          team->sites.weights[i] != (int) team->sites.weights[i])
        {
          fail (error, group, "sites", "must be site:agents pairs naming [site …] groups");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_team (PulseSimConfig  *self,
           GKeyFile        *file,
           const char      *group,
           GError         **error)
{
  PulseSimTeam *team = g_new0 (PulseSimTeam, 1);
  g_autofree int *days = NULL;
  gsize n_days = 0;

  g_ptr_array_add (self->teams, team);
  team->id = g_strdup (group + strlen ("team "));
  team->name = g_key_file_get_string (file, group, "name", NULL);
  team->lead = g_key_file_get_string (file, group, "lead", NULL);
  team->countries = g_key_file_get_string_list (file, group, "countries", NULL, NULL);
  days = g_key_file_get_integer_list (file, group, "newcomers", &n_days, NULL);
  team->newcomer_days = g_steal_pointer (&days);
  team->n_newcomers = n_days;
  if (team->name == NULL || team->lead == NULL)
    {
      fail (error, group, "lead", "name and lead are required");
      return FALSE;
    }
  for (guint i = 0; i < n_days; i++)
    if (team->newcomer_days[i] < 0 || team->newcomer_days[i] > 365)
      {
        fail (error, group, "newcomers", "must be days since hire, 0…365");
        return FALSE;
      }

  return read_team_sites (self, team, file, group, error) &&
         _pulse_sim_read_double (file, group, "phone-share", 0, 1, 0.5, &team->phone_share,
                                 error) &&
         _pulse_sim_read_double (file, group, "two-two-share", 0, 1, 0.8,
                                 &team->two_two_share, error);
}

static gboolean
parse_minute (const char *text,
              int        *minute)
{
  guint64 h, m;
  char *end = NULL;

  h = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != ':')
    return FALSE;
  text = end + 1;
  m = g_ascii_strtoull (text, &end, 10);
  if (end == text || h > 23 || m > 59)
    return FALSE;

  *minute = (int) (h * 60 + m);
  return *end == '\0' || *end == '-' || *end == '+';
}

/* "08:00-20:00" and "11:00+15;14:00+45". */
static gboolean
read_pattern (PulseSimShiftPattern  *pattern,
              GKeyFile              *file,
              const char            *key,
              GError               **error)
{
  g_autofree char *span = g_key_file_get_string (file, "shifts", key, NULL);
  g_autofree char *breaks_key = g_strconcat (key, "-breaks", NULL);
  g_auto(GStrv) breaks = g_key_file_get_string_list (file, "shifts", breaks_key, NULL, NULL);
  const char *dash = span != NULL ? strchr (span, '-') : NULL;

  if (dash == NULL || !parse_minute (span, &pattern->start) ||
      !parse_minute (dash + 1, &pattern->end) || pattern->end <= pattern->start)
    {
      fail (error, "shifts", key, "must be HH:MM-HH:MM within one day");
      return FALSE;
    }

  for (guint i = 0; breaks != NULL && breaks[i] != NULL; i++)
    {
      const char *plus = strchr (g_strstrip (breaks[i]), '+');
      int start;

      if (i >= G_N_ELEMENTS (pattern->break_start) || plus == NULL ||
          !parse_minute (breaks[i], &start) || atoi (plus + 1) <= 0 ||
          start < pattern->start || start + atoi (plus + 1) > pattern->end)
        {
          fail (error, "shifts", breaks_key, "must be up to 4 HH:MM+MINUTES inside the shift");
          return FALSE;
        }
      pattern->break_start[i] = start;
      pattern->break_minutes[i] = atoi (plus + 1);
      pattern->n_breaks = i + 1;
    }

  return TRUE;
}

static gboolean
read_probation (PulseSimConfig  *self,
                GKeyFile        *file,
                GError         **error)
{
  g_autofree char *channels = g_key_file_get_string (file, "probation", "channels", NULL);
  PulseSimWeights steps = { 0 };
  double test = 0, seniority = 0;
  gboolean ok;

  for (guint i = 0; i < PULSE_SIM_N_CHANNELS; i++)
    self->probation_days[i] = 0;
  ok = _pulse_sim_weights_parse (&steps, "probation", "channels", channels, error);
  for (guint i = 0; ok && i < steps.n; i++)
    {
      int kind;

      ok = pulse_enum_from_nick (PULSE_TYPE_CHANNEL_KIND, steps.names[i], &kind);
      if (!ok)
        fail (error, "probation", "channels", "must be channel:days pairs");
      else
        self->probation_days[kind] = (int) steps.weights[i];
    }
  _pulse_sim_weights_clear (&steps);

  ok = ok && _pulse_sim_read_double (file, "probation", "test-days", 1, 365, 90, &test, error) &&
       _pulse_sim_read_double (file, "probation", "mentor-seniority-days", 0, 10000, 365,
                               &seniority, error);
  self->test_days = (int) test;
  self->mentor_seniority_days = (int) seniority;
  return ok;
}

static gboolean
read_quality (PulseSimConfig  *self,
              GKeyFile        *file,
              GError         **error)
{
  g_autofree char *reviewers = g_key_file_get_string (file, "quality", "reviewers", NULL);
  double random = 0, extra = 0;

  /* "id:Name;…" reads like weights with names for weights: split by hand. */
  g_auto(GStrv) parts = g_strsplit (reviewers != NULL ? reviewers : "", ";", -1);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *colon = strchr (parts[i], ':');

      if (colon == NULL || colon == parts[i])
        {
          fail (error, "quality", "reviewers", "must be id:Name pairs");
          return FALSE;
        }
      *colon = '\0';
      g_strv_builder_add (ids, g_strstrip (parts[i]));
      g_strv_builder_add (names, g_strstrip (colon + 1));
    }
  self->reviewer_ids = g_strv_builder_end (ids);
  self->reviewer_names = g_strv_builder_end (names);
  if (g_strv_length (self->reviewer_ids) < 2)
    {
      fail (error, "quality", "reviewers", "must name two reviewers or more");
      return FALSE;
    }

  if (!_pulse_sim_read_double (file, "quality", "random-per-agent", 0, 20, 1, &random, error) ||
      !_pulse_sim_read_double (file, "quality", "newcomer-extra", 0, 20, 2, &extra, error) ||
      !_pulse_sim_read_double (file, "quality", "calibration-share", 0, 1, 0.1,
                               &self->calibration_share, error) ||
      !_pulse_sim_read_double (file, "quality", "fail-chance", 0, 1, 0.08, &self->fail_chance,
                               error))
    return FALSE;

  self->random_per_agent = (int) random;
  self->newcomer_extra = (int) extra;
  return TRUE;
}

static gboolean
read_groups (PulseSimConfig  *self,
             GKeyFile        *file,
             const char      *prefix,
             gboolean       (*read) (PulseSimConfig *, GKeyFile *, const char *, GError **),
             GError         **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], prefix) && !read (self, file, groups[i], error))
      return FALSE;

  return TRUE;
}

/**
 * _pulse_sim_config_read_people:
 *
 * Reads sites, teams, [shifts], [probation] and [quality].
 */
gboolean
_pulse_sim_config_read_people (PulseSimConfig  *self,
                               GKeyFile        *file,
                               GError         **error)
{
  double late = 0;

  self->sites = g_ptr_array_new_with_free_func ((GDestroyNotify) site_free);
  self->teams = g_ptr_array_new_with_free_func ((GDestroyNotify) team_free);
  if (!read_groups (self, file, "site ", read_site, error) ||
      !read_groups (self, file, "team ", read_team, error))
    return FALSE;

  if (self->teams->len == 0)
    {
      fail (error, "team", "…", "at least one [team …] group is required");
      return FALSE;
    }

  if (!read_pattern (&self->two_two, file, "two-two", error) ||
      !read_pattern (&self->five_two, file, "five-two", error) ||
      !_pulse_sim_read_double (file, "shifts", "absence-chance", 0, 1, 0.04,
                               &self->absence_chance, error) ||
      !_pulse_sim_read_double (file, "shifts", "late-minutes", 0, 120, 5, &late, error))
    return FALSE;
  self->late_minutes = (int) late;

  return read_probation (self, file, error) && read_quality (self, file, error);
}

/**
 * pulse_sim_config_free:
 *
 * Frees the configuration.
 */
void
pulse_sim_config_free (PulseSimConfig *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->head);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  for (guint i = 0; i < PULSE_SIM_N_CHANNELS; i++)
    g_free (self->channels[i].name);
  g_clear_pointer (&self->streams, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  _pulse_sim_texts_clear (&self->fraud_phrases);
  _pulse_sim_texts_clear (&self->agent_replies);
  _pulse_sim_texts_clear (&self->bot_replies);
  _pulse_sim_texts_clear (&self->customer_replies);
  _pulse_sim_texts_clear (&self->call_subject);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_strfreev (self->reviewer_ids);
  g_strfreev (self->reviewer_names);
  g_free (self);
}
