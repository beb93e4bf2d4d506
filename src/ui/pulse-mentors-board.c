/* pulse-mentors-board.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Mentors page shows, read from the session's lists: who is a
 * newcomer, each one's probation (an open one over a closed one, then the
 * latest), each mentor's load and mentees, and a signature so the page
 * rebuilds only when something it shows changed.
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-mentors-board.h"
#include "pulse-mentorship-plan.h"

/**
 * pulse_mentors_board_clear:
 *
 * Frees what @board holds; it may be read again.
 */
void
pulse_mentors_board_clear (PulseMentorsBoard *board)
{
  g_clear_pointer (&board->newcomers, g_ptr_array_unref);
  g_clear_pointer (&board->plans, g_hash_table_unref);
  g_clear_pointer (&board->loads, g_hash_table_unref);
  g_clear_pointer (&board->mentees, g_hash_table_unref);
  g_clear_pointer (&board->names, g_hash_table_unref);
}

/**
 * pulse_mentors_board_name:
 * @id: (nullable): an agent id
 *
 * Returns: (transfer none) (nullable): the agent's name, or @id.
 */
const char *
pulse_mentors_board_name (PulseMentorsBoard *board,
                          const char        *id)
{
  const char *name = id != NULL ? g_hash_table_lookup (board->names, id) : NULL;

  return name != NULL ? name : id;
}

/* An open probation wins over a closed one, a later start over an earlier. */
static gboolean
replaces (PulseMentorship *candidate,
          PulseMentorship *current)
{
  if (current == NULL)
    return TRUE;
  if (pulse_mentorship_is_open (candidate) != pulse_mentorship_is_open (current))
    return pulse_mentorship_is_open (candidate);
  return pulse_mentorship_get_started_at (candidate) > pulse_mentorship_get_started_at (current);
}

static void
read_mentorships (PulseMentorsBoard *board,
                  GListModel        *mentorships)
{
  for (guint i = 0; i < g_list_model_get_n_items (mentorships); i++)
    {
      g_autoptr(PulseMentorship) m = g_list_model_get_item (mentorships, i);
      const char *newcomer = pulse_mentorship_get_newcomer_id (m);
      const char *mentor = pulse_mentorship_get_mentor_id (m);
      GPtrArray *list;

      if (replaces (m, g_hash_table_lookup (board->plans, newcomer)))
        g_hash_table_replace (board->plans, (gpointer) newcomer, m);
      if (!pulse_mentorship_is_open (m))
        continue;

      g_hash_table_replace (board->loads, (gpointer) mentor,
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (
                              g_hash_table_lookup (board->loads, mentor)) + 1));
      if ((list = g_hash_table_lookup (board->mentees, mentor)) == NULL)
        g_hash_table_insert (board->mentees, (gpointer) mentor, list = g_ptr_array_new ());
      g_ptr_array_add (list, (gpointer) newcomer);
    }
}

static int
by_urgency (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  PulseMentorsBoard *board = user_data;
  PulseAgent *x = *(PulseAgent **) a;
  PulseAgent *y = *(PulseAgent **) b;
  PulseMentorship *mx = g_hash_table_lookup (board->plans, pulse_agent_get_id (x));
  PulseMentorship *my = g_hash_table_lookup (board->plans, pulse_agent_get_id (y));
  guint ox = mx != NULL ? pulse_mentorship_count_overdue (mx, board->now) : 0;
  guint oy = my != NULL ? pulse_mentorship_count_overdue (my, board->now) : 0;

  if (ox != oy)
    return ox > oy ? -1 : 1;
  return g_utf8_collate (pulse_agent_get_name (x) ?: "", pulse_agent_get_name (y) ?: "");
}

/**
 * pulse_mentors_board_read:
 * @mentorships: the session's mentorships
 * @agents: the session's agents
 * @now_usec: the time to judge milestones at
 *
 * Fills @board. It borrows the lists' mentorships: read it and drop it
 * before the lists change (on the main thread, in one go).
 */
void
pulse_mentors_board_read (PulseMentorsBoard *board,
                          GListModel        *mentorships,
                          GListModel        *agents,
                          gint64             now_usec)
{
  board->now = now_usec;
  board->newcomers = g_ptr_array_new_with_free_func (g_object_unref);
  board->plans = g_hash_table_new (g_str_hash, g_str_equal);
  board->loads = g_hash_table_new (g_str_hash, g_str_equal);
  board->mentees = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);
  board->names = g_hash_table_new (g_str_hash, g_str_equal);
  read_mentorships (board, mentorships);

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, i);
      PulseMentorship *m = g_hash_table_lookup (board->plans, pulse_agent_get_id (agent));

      if (pulse_agent_get_name (agent) != NULL)
        g_hash_table_insert (board->names, (gpointer) pulse_agent_get_id (agent),
                             (gpointer) pulse_agent_get_name (agent));
      if (pulse_agent_is_newcomer (agent, board->now) ||
          (m != NULL && pulse_mentorship_is_open (m)))
        g_ptr_array_add (board->newcomers, g_object_ref (agent));
    }

  g_ptr_array_sort_with_data (board->newcomers, by_urgency, board);
}

/* Everything the rows show, so an agent's status report (which changes
 * none of it) does not rebuild the page. Milestones turn due and overdue
 * with time: the hour is part of it. */
/**
 * pulse_mentors_board_dup_signature:
 * @editable: whether the page shows editing controls
 *
 * Returns: (transfer full): a text that changes when what the page shows
 *   does.
 */
char *
pulse_mentors_board_dup_signature (PulseMentorsBoard *board,
                                   gboolean           editable)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%" G_GINT64_FORMAT " %d|", board->now / G_USEC_PER_SEC / 3600,
                          editable);
  for (guint i = 0; i < board->newcomers->len; i++)
    {
      PulseAgent *agent = board->newcomers->pdata[i];
      PulseMentorship *m = g_hash_table_lookup (board->plans, pulse_agent_get_id (agent));

      g_string_append_printf (out, "%s %s %u %s|", pulse_agent_get_id (agent),
                              pulse_agent_get_name (agent), pulse_agent_get_channels (agent),
                              m != NULL ? pulse_mentorship_get_id (m) : "-");
      if (m != NULL)
        g_string_append_printf (out, "%" G_GINT64_FORMAT " %s|", pulse_mentorship_get_version (m),
                                pulse_mentorship_get_mentor_id (m));
    }

  return g_string_free (out, FALSE);
}

static int
by_load (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  GHashTable *loads = user_data;
  PulseAgent *x = *(PulseAgent **) a;
  PulseAgent *y = *(PulseAgent **) b;
  guint lx = GPOINTER_TO_UINT (g_hash_table_lookup (loads, pulse_agent_get_id (x)));
  guint ly = GPOINTER_TO_UINT (g_hash_table_lookup (loads, pulse_agent_get_id (y)));

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return g_utf8_collate (pulse_agent_get_name (x) ?: "", pulse_agent_get_name (y) ?: "");
}

/**
 * pulse_mentors_board_dup_candidates:
 * @agents: the session's agents
 * @newcomer: the newcomer to find a mentor for
 * @loads: open mentorships per mentor id, as pulse_mentors_board_read()
 *   counts them
 * @now_usec: the time to judge who is a newcomer at
 *
 * Who may mentor @newcomer: agents and leads of the same team (no head),
 * past their own probation, the least loaded first, then by name.
 *
 * Returns: (transfer full) (element-type PulseAgent): the candidates.
 */
GPtrArray *
pulse_mentors_board_dup_candidates (GListModel *agents,
                                    PulseAgent *newcomer,
                                    GHashTable *loads,
                                    gint64      now_usec)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, i);

      if (g_strcmp0 (pulse_agent_get_id (agent), pulse_agent_get_id (newcomer)) != 0 &&
          pulse_agent_get_position (agent) != PULSE_AGENT_POSITION_HEAD &&
          !pulse_agent_is_newcomer (agent, now_usec) &&
          g_strcmp0 (pulse_agent_get_team_id (agent), pulse_agent_get_team_id (newcomer)) == 0)
        g_ptr_array_add (out, g_object_ref (agent));
    }

  g_ptr_array_sort_with_data (out, by_load, loads);
  return out;
}
