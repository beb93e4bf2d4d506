/* pulse-format.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the pages write figures: waits, durations, shares and scores, the
 * same way everywhere, translated, with an en dash for "no figure" so an
 * empty period never reads as a zero.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-format.h"

#define NO_FIGURE "–"

/**
 * pulse_format_wait:
 * @seconds: how long something has waited
 *
 * A wait as a clock reads it: "0:45", "12:03", "1:05:09", then "2 d 3 h"
 * past two days (email queues wait that long).
 *
 * Returns: (transfer full): the text; an en dash for a negative wait.
 */
char *
pulse_format_wait (gint64 seconds)
{
  gint64 h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;

  if (seconds < 0)
    return g_strdup (NO_FIGURE);
  if (h >= 48)
    /* Translators: a long wait: days and hours, e.g. "2 d 3 h" */
    return g_strdup_printf (_("%d d %d h"), (int) (h / 24), (int) (h % 24));
  if (h > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                            h, m, s);

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, m, s);
}

/**
 * pulse_format_seconds:
 * @seconds: a duration such as a first response or a handle time, or
 *   NaN for none
 *
 * Returns: (transfer full): "42 s", "3 min 20 s", "2 h 05 min", or an en
 *   dash for NaN.
 */
char *
pulse_format_seconds (double seconds)
{
  gint64 whole;

  if (isnan (seconds) || seconds < 0)
    return g_strdup (NO_FIGURE);

  whole = (gint64) llround (seconds);
  if (whole < 60)
    /* Translators: a duration in seconds, e.g. "42 s" */
    return g_strdup_printf (_("%d s"), (int) whole);
  if (whole < 3600)
    /* Translators: a duration in minutes and seconds, e.g. "3 min 20 s" */
    return g_strdup_printf (_("%d min %02d s"), (int) (whole / 60), (int) (whole % 60));

  /* Translators: a duration in hours and minutes, e.g. "2 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), (int) MIN (whole / 3600, G_MAXINT),
                          (int) (whole / 60 % 60));
}

/**
 * pulse_format_share:
 * @share: a share in [0, 1], or NaN for none
 *
 * Returns: (transfer full): a whole percentage ("84 %"), or an en dash.
 */
char *
pulse_format_share (double share)
{
  if (isnan (share))
    return g_strdup (NO_FIGURE);

  /* Translators: a percentage; keep the format, adjust the space and
   * sign to your language's usage */
  return g_strdup_printf (_("%.0f %%"), share * 100.0);
}

/**
 * pulse_format_score:
 * @value: a score (NPS, CES, a QA score), or NaN for none
 * @digits: decimals to show
 *
 * Returns: (transfer full): the number in the user's locale, or an en
 *   dash.
 */
char *
pulse_format_score (double value,
                    int    digits)
{
  if (isnan (value))
    return g_strdup (NO_FIGURE);

  return g_strdup_printf ("%.*f", CLAMP (digits, 0, 3), value);
}

/**
 * pulse_format_channel:
 * @channel: a channel
 *
 * Returns: (transfer none): the channel's name as people say it.
 */
const char *
pulse_format_channel (PulseChannelKind channel)
{
  switch (channel)
    {
    case PULSE_CHANNEL_KIND_EMAIL:
      return C_("channel", "Email");
    case PULSE_CHANNEL_KIND_CHAT:
      return C_("channel", "Chat");
    case PULSE_CHANNEL_KIND_TELEGRAM:
      return C_("channel", "Telegram");
    case PULSE_CHANNEL_KIND_VIBER:
      return C_("channel", "Viber");
    case PULSE_CHANNEL_KIND_WHATSAPP:
      return C_("channel", "WhatsApp");
    case PULSE_CHANNEL_KIND_PHONE:
      return C_("channel", "Phone");
    case PULSE_CHANNEL_KIND_SOCIAL:
      return C_("channel", "Social media");
    case PULSE_CHANNEL_KIND_IN_APP:
      return C_("channel", "In-app chat");
    default:
      return C_("channel", "Other");
    }
}

/**
 * pulse_format_tag:
 * @tag: a ticket tag as the helpdesk writes it ("payment-not-received")
 *
 * Returns: (transfer full): the tag as a name ("Payment not received"):
 *   dashes and underscores become spaces, the first letter a capital.
 */
char *
pulse_format_tag (const char *tag)
{
  g_autofree char *spaced = NULL;
  gunichar first;
  char buffer[8];
  int length;

  if (tag == NULL || tag[0] == '\0' || !g_utf8_validate (tag, -1, NULL))
    return g_strdup (tag != NULL ? tag : "");

  spaced = g_strdelimit (g_strdup (tag), "-_", ' ');
  first = g_unichar_totitle (g_utf8_get_char (spaced));
  length = g_unichar_to_utf8 (first, buffer);
  buffer[length] = '\0';
  return g_strconcat (buffer, g_utf8_next_char (spaced), NULL);
}

/* The members people edit most, as a conflict or a history names them. */
static const struct
{
  const char *member;
  const char *label;
} member_labels[] = {
  /* Translators: the parts of a rule, template, shift… named in a conflict or history */
  { "name", N_("Name") },
  { "body", N_("Text") },
  { "enabled", N_("Switched on") },
  { "position", N_("Order") },
  { "phrases", N_("Phrases") },
  { "conditions", N_("Conditions") },
  { "actions", N_("Actions") },
  { "language", N_("Language") },
  { "channels", N_("Channels") },
  { "variables", N_("Variables") },
  { "disclosure", N_("Automatic-answer line") },
  { "status", N_("Status") },
  { "steps", N_("Milestones") },
  { "notes", N_("Notes") },
  { "sections", N_("Sections") },
  { "criteria", N_("Criteria") },
  { "grades", N_("Grades") },
  { "agent_id", N_("Agent") },
  { "mentor_id", N_("Mentor") },
  { "starts_at", N_("Starts") },
  { "ends_at", N_("Ends") },
  { "breaks", N_("Breaks") },
};

/**
 * pulse_format_member:
 * @member: a member of an item's wire form ("enabled")
 *
 * Returns: (transfer full): how people call it ("Switched on"); an
 *   unknown member as pulse_format_tag() writes a tag
 */
char *
pulse_format_member (const char *member)
{
  g_return_val_if_fail (member != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (member_labels); i++)
    {
      if (g_str_equal (member, member_labels[i].member))
        return g_strdup (_(member_labels[i].label));
    }

  return pulse_format_tag (member);
}
