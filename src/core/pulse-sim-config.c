/* pulse-sim-config.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The operation, volume and channel parts of the simulator's
 * configuration, and the readers the other parts share. Every error
 * names the group and key: "[channel chat] rule-share: …".
 */

#include "config.h"

#include <math.h>

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

int
_pulse_sim_config_find_zone (PulseSimConfig *self,
                             const char     *name)
{
  for (guint i = 0; i < self->zones->len; i++)
    if (g_strcmp0 (((PulseSimZone *) self->zones->pdata[i])->name, name) == 0)
      return (int) i;

  return -1;
}

static void
zone_free (PulseSimZone *zone)
{
  g_free (zone->name);
  g_free (zone);
}

static gboolean
read_zone (PulseSimConfig  *self,
           GKeyFile        *file,
           const char      *group,
           GError         **error)
{
  PulseSimZone *zone = g_new0 (PulseSimZone, 1);
  g_autofree char *dst = g_key_file_get_string (file, group, "dst", NULL);
  double offset = 0;

  zone->name = g_strdup (group + strlen ("zone "));
  g_ptr_array_add (self->zones, zone);
  if (!_pulse_sim_read_double (file, group, "offset", -720, 840, NAN, &offset, error))
    return FALSE;
  zone->offset_minutes = (int) offset;
  if (dst != NULL && !g_str_equal (dst, "eu") && !g_str_equal (dst, "none"))
    {
      fail (error, group, "dst", "must be eu or none");
      return FALSE;
    }
  zone->eu_dst = dst != NULL && g_str_equal (dst, "eu");
  return TRUE;
}

static void
country_free (PulseSimCountry *country)
{
  g_free (country->code);
  g_free (country->name);
  _pulse_sim_weights_clear (&country->languages);
  g_free (country);
}

static gboolean
read_country (PulseSimConfig  *self,
              GKeyFile        *file,
              const char      *group,
              GError         **error)
{
  PulseSimCountry *country = g_new0 (PulseSimCountry, 1);
  g_autofree char *zone = g_key_file_get_string (file, group, "zone", NULL);
  g_autofree char *languages = g_key_file_get_string (file, group, "languages", NULL);
  double applications = 0;
  int index;

  g_ptr_array_add (self->countries, country);
  country->code = g_strdup (group + strlen ("country "));
  country->name = g_key_file_get_string (file, group, "name", NULL);
  if (strlen (country->code) != 2 || !g_ascii_isupper (country->code[0]) ||
      !g_ascii_isupper (country->code[1]))
    {
      fail (error, group, "code", "the group must be [country XX], an ISO 3166 code");
      return FALSE;
    }
  index = _pulse_sim_config_find_zone (self, zone);
  if (index < 0)
    {
      fail (error, group, "zone", "must name a [zone …] group");
      return FALSE;
    }
  country->zone = index;
  return _pulse_sim_weights_parse (&country->languages, group, "languages", languages, error) &&
         _pulse_sim_read_double (file, group, "share", 0, 1, NAN, &country->share, error) &&
         _pulse_sim_read_double (file, group, "voice", 0, 10, 1, &country->voice, error) &&
         _pulse_sim_read_double (file, group, "text", 0, 10, 1, &country->text, error) &&
         _pulse_sim_read_double (file, group, "applications-per-day", 0, 1e7, 0, &applications,
                                 error) &&
         (country->applications_per_day = (int) applications, TRUE);
}

static gboolean
read_channel (PulseSimConfig  *self,
              GKeyFile        *file,
              const char      *group,
              GError         **error)
{
  const char *nick = group + strlen ("channel ");
  PulseSimChannel *channel;
  double target = 0, patience = 0;
  int kind;

  if (!pulse_enum_from_nick (PULSE_TYPE_CHANNEL_KIND, nick, &kind))
    {
      fail (error, group, "kind", "is not a channel (email, chat, telegram, viber, whatsapp, "
                                  "phone, social, in-app)");
      return FALSE;
    }

  channel = &self->channels[kind];
  channel->enabled = TRUE;
  channel->name = g_key_file_get_string (file, group, "name", NULL);
  channel->realtime = g_key_file_get_boolean (file, group, "realtime", NULL);
  if (!_pulse_sim_read_double (file, group, "sl-target-seconds", 1, 604800, NAN, &target,
                               error) ||
      !_pulse_sim_read_double (file, group, "sl-goal", 0.01, 1, 0.8, &channel->sl_goal, error) ||
      !_pulse_sim_read_double (file, group, "rule-share", 0, 1, 0, &channel->rule_share, error) ||
      !_pulse_sim_read_double (file, group, "bot-share", 0, 1, 0, &channel->bot_share, error) ||
      !_pulse_sim_read_double (file, group, "abandon-share", 0, 1, 0, &channel->abandon_share,
                               error) ||
      !_pulse_sim_read_double (file, group, "first-reply-median", 1, 604800, NAN,
                               &channel->first_reply_median, error) ||
      !_pulse_sim_read_double (file, group, "first-reply-sigma", 0, 3, 0.8,
                               &channel->first_reply_sigma, error) ||
      !_pulse_sim_read_double (file, group, "handle-median", 1, 86400, NAN,
                               &channel->handle_median, error) ||
      !_pulse_sim_read_double (file, group, "handle-sigma", 0, 3, 0.5, &channel->handle_sigma,
                               error) ||
      !_pulse_sim_read_double (file, group, "patience-seconds", 0, 86400, 0, &patience, error))
    return FALSE;

  if (channel->rule_share + channel->bot_share > 0.95)
    {
      fail (error, group, "bot-share", "rule-share and bot-share together must stay ≤ 0.95");
      return FALSE;
    }

  channel->sl_target_seconds = (int) target;
  channel->patience_seconds = (int) patience;
  return TRUE;
}

static void
stream_free (PulseSimStream *stream)
{
  g_free (stream->id);
  g_free (stream->categories);
  g_strfreev (stream->tags);
  g_free (stream);
}

static int
find_category (PulseSimConfig *self,
               const char     *tag)
{
  for (guint i = 0; i < self->categories->len; i++)
    if (g_str_equal (((PulseSimCategory *) self->categories->pdata[i])->tag, tag))
      return (int) i;

  return -1;
}

static gboolean
read_stream_mix (PulseSimConfig  *self,
                 PulseSimStream  *stream,
                 GKeyFile        *file,
                 const char      *group,
                 GError         **error)
{
  g_autofree char *channels = g_key_file_get_string (file, group, "channels", NULL);
  g_autofree char *categories = g_key_file_get_string (file, group, "categories", NULL);
  PulseSimWeights mix = { 0 };
  gboolean ok = TRUE;

  if (!_pulse_sim_weights_parse (&mix, group, "channels", channels, error))
    return FALSE;
  for (guint i = 0; ok && i < mix.n; i++)
    {
      int kind;

      if (!pulse_enum_from_nick (PULSE_TYPE_CHANNEL_KIND, mix.names[i], &kind) ||
          !self->channels[kind].enabled)
        {
          fail (error, group, "channels", "must name channels that have a [channel …] group");
          ok = FALSE;
        }
      else
        stream->channels[kind] += mix.weights[i];
    }
  _pulse_sim_weights_clear (&mix);
  if (!ok || !_pulse_sim_weights_parse (&mix, group, "categories", categories, error))
    return FALSE;

  stream->categories = g_new0 (double, self->categories->len);
  for (guint i = 0; ok && i < mix.n; i++)
    {
      int index = find_category (self, mix.names[i]);

      if (index < 0)
        {
          fail (error, group, "categories", "must name [category …] groups");
          ok = FALSE;
        }
      else
        stream->categories[index] += mix.weights[i];
    }
  _pulse_sim_weights_clear (&mix);
  return ok;
}

static gboolean
read_streams (PulseSimConfig  *self,
              GKeyFile        *file,
              GError         **error)
{
  g_auto(GStrv) ids = g_key_file_get_string_list (file, "operation", "streams", NULL, NULL);

  if (ids == NULL || ids[0] == NULL)
    {
      fail (error, "operation", "streams", "must name at least one [stream …] group");
      return FALSE;
    }

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *group = g_strdup_printf ("stream %s", g_strstrip (ids[i]));
      PulseSimStream *stream = g_new0 (PulseSimStream, 1);

      g_ptr_array_add (self->streams, stream);
      stream->id = g_strdup (ids[i]);
      stream->tags = g_key_file_get_string_list (file, group, "tags", NULL, NULL);
      if (!g_key_file_has_group (file, group))
        {
          fail (error, "operation", "streams", "names a stream without a group");
          return FALSE;
        }
      if (!_pulse_sim_read_double (file, group, "weekly", 0, 1e7, NAN, &stream->weekly, error) ||
          !read_stream_mix (self, stream, file, group, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_ratings (PulseSimConfig  *self,
              GKeyFile        *file,
              GError         **error)
{
  const char *g = "operation";

  return _pulse_sim_read_double (file, g, "repeat-rate", 0, 0.9, 0.15, &self->repeat_rate,
                                 error) &&
         _pulse_sim_read_double (file, g, "csat-share", 0, 1, 0.3, &self->csat_share, error) &&
         _pulse_sim_read_doubles (file, g, "csat-weights", self->csat_weights, 5, error) &&
         _pulse_sim_read_double (file, g, "nps-share", 0, 1, 0.1, &self->nps_share, error) &&
         _pulse_sim_read_doubles (file, g, "nps-weights", self->nps_weights, 11, error) &&
         _pulse_sim_read_double (file, g, "ces-share", 0, 1, 0.1, &self->ces_share, error) &&
         _pulse_sim_read_doubles (file, g, "ces-weights", self->ces_weights, 7, error);
}

static gboolean
read_operation (PulseSimConfig  *self,
                GKeyFile        *file,
                GError         **error)
{
  const char *g = "operation";
  g_autofree char *incident = g_key_file_get_string (file, g, "incident-category", NULL);
  double minutes = 0;
  int index;

  self->name = g_key_file_get_string (file, g, "name", NULL);
  self->head = g_key_file_get_string (file, g, "head", NULL);
  if (self->head == NULL)
    {
      fail (error, g, "head", "is required");
      return FALSE;
    }
  if (!_pulse_sim_read_doubles (file, g, "profile-days", self->profile_days, 7, error) ||
      !_pulse_sim_read_doubles (file, g, "profile-hours-voice", self->profile_voice, 24, error) ||
      !_pulse_sim_read_doubles (file, g, "profile-hours-text", self->profile_text, 24, error) ||
      !read_ratings (self, file, error) ||
      !_pulse_sim_read_double (file, g, "incident-chance", 0, 1, 0, &self->incident_chance,
                               error) ||
      !_pulse_sim_read_double (file, g, "incident-factor", 1, 100, 5, &self->incident_factor,
                               error) ||
      !_pulse_sim_read_double (file, g, "incident-minutes", 10, 1440, 120, &minutes, error))
    return FALSE;

  self->incident_minutes = (int) minutes;
  index = incident != NULL ? find_category (self, incident) : 0;
  if (index < 0)
    {
      fail (error, g, "incident-category", "must name a [category …] group");
      return FALSE;
    }
  self->incident_category = index;
  return TRUE;
}

/* Groups by kind, in file order: "zone …", "country …", "channel …". */
static gboolean
read_groups (PulseSimConfig  *self,
             GKeyFile        *file,
             const char      *prefix,
             gboolean       (*read) (PulseSimConfig *, GKeyFile *, const char *, GError **),
             GError         **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);
  guint found = 0;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (!g_str_has_prefix (groups[i], prefix))
        continue;
      found++;
      if (!read (self, file, groups[i], error))
        return FALSE;
    }

  if (found == 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "no [%s…] group", prefix);
      return FALSE;
    }

  return TRUE;
}

/**
 * pulse_sim_config_new_from_data:
 * @data: the GKeyFile text
 * @length: its length, or -1 if NUL-terminated
 *
 * Returns: (transfer full) (nullable): the configuration, or %NULL with a
 *   %PULSE_ERROR_INVALID_DATA error naming the group and key at fault.
 */
PulseSimConfig *
pulse_sim_config_new_from_data (const char  *data,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(PulseSimConfig) self = g_new0 (PulseSimConfig, 1);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  self->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) zone_free);
  self->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) country_free);
  self->streams = g_ptr_array_new_with_free_func ((GDestroyNotify) stream_free);
  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "not a key file: %s",
                   local_error->message);
      return NULL;
    }

  if (!_pulse_sim_config_read_categories (self, file, error) ||
      !_pulse_sim_config_read_templates (self, file, error) ||
      !read_operation (self, file, error) ||
      !read_groups (self, file, "zone ", read_zone, error) ||
      !read_groups (self, file, "country ", read_country, error) ||
      !read_groups (self, file, "channel ", read_channel, error) ||
      !read_streams (self, file, error) ||
      !_pulse_sim_config_read_people (self, file, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_sim_config_weekly_total:
 *
 * Returns: the contacts a week the streams add up to.
 */
double
pulse_sim_config_weekly_total (const PulseSimConfig *self)
{
  double total = 0;

  for (guint i = 0; i < self->streams->len; i++)
    total += ((PulseSimStream *) self->streams->pdata[i])->weekly;

  return total;
}
