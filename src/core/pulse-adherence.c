/* pulse-adherence.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-adherence.h"
#include "pulse-shift.h"

typedef struct
{
  gint64 start;
  gint64 end;
} Span;

typedef struct
{
  gint64 at;
  int    work;
  int    off;
} Edge;

static void
add_edges (GArray *edges,
           gint64  start,
           gint64  end,
           int     work,
           int     off)
{
  Edge opening = { start, work, off };
  Edge closing = { end, -work, -off };

  g_array_append_val (edges, opening);
  g_array_append_val (edges, closing);
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  gint64 x = ((const Edge *) a)->at;
  gint64 y = ((const Edge *) b)->at;

  return (x > y) - (x < y);
}

/* Appends [start, end) ∩ [from, until), joined to the last span if they
 * touch, so the spans stay sorted and disjoint. */
static void
append_span (GArray *spans,
             gint64  start,
             gint64  end,
             gint64  from,
             gint64  until)
{
  Span span = { MAX (start, from), MIN (end, until) };
  Span *last = spans->len > 0 ? &g_array_index (spans, Span, spans->len - 1) : NULL;

  if (span.start >= span.end)
    return;
  if (last != NULL && last->end >= span.start)
    last->end = MAX (last->end, span.end);
  else
    g_array_append_val (spans, span);
}

/* The plan as sorted, disjoint spans: inside a work shift and outside
 * every break, absence and training. */
static GArray *
planned_spans (PulseShift * const *shifts,
               guint               n_shifts,
               gint64              from,
               gint64              until)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  int work = 0, off = 0;

  for (guint i = 0; i < n_shifts; i++)
    {
      PulseShift *shift = shifts[i];
      gboolean is_work = pulse_shift_get_kind (shift) == PULSE_SHIFT_KIND_WORK;

      add_edges (edges, pulse_shift_get_starts_at (shift), pulse_shift_get_ends_at (shift),
                 is_work, !is_work);
      for (guint b = 0; is_work && b < pulse_shift_get_n_breaks (shift); b++)
        add_edges (edges, pulse_shift_get_break (shift, b)->starts_at,
                   pulse_shift_get_break (shift, b)->ends_at, 0, 1);
    }
  g_array_sort (edges, compare_edges);

  for (guint i = 0; i < edges->len; i++)
    {
      const Edge *edge = &g_array_index (edges, Edge, i);

      if (i > 0 && work > 0 && off == 0)
        append_span (spans, g_array_index (edges, Edge, i - 1).at, edge->at, from, until);
      work += edge->work;
      off += edge->off;
    }

  return spans;
}

/* Online time as sorted, disjoint spans. Before the first report the
 * status is unknown and counts as offline. */
static GArray *
online_spans (const PulseCoverageStatus *history,
              guint                      n_history,
              gint64                     from,
              gint64                     until)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; i < n_history; i++)
    {
      gint64 end = i + 1 < n_history ? history[i + 1].since : until;

      if (pulse_coverage_status_is_online (history[i].status))
        append_span (spans, history[i].since, end, from, until);
    }

  return spans;
}

static gint64
total (GArray *spans)
{
  gint64 sum = 0;

  for (guint i = 0; i < spans->len; i++)
    sum += g_array_index (spans, Span, i).end - g_array_index (spans, Span, i).start;

  return sum;
}

static gint64
overlap (GArray *a,
         GArray *b)
{
  gint64 sum = 0;
  guint i = 0, j = 0;

  while (i < a->len && j < b->len)
    {
      const Span *x = &g_array_index (a, Span, i);
      const Span *y = &g_array_index (b, Span, j);

      sum += MAX (0, MIN (x->end, y->end) - MAX (x->start, y->start));
      if (x->end < y->end)
        i++;
      else
        j++;
    }

  return sum;
}

/**
 * pulse_adherence_compute:
 * @shifts: (array length=n_shifts): one agent's shifts near the range,
 *   in any order
 * @n_shifts: the number of @shifts
 * @history: (array length=n_history): the agent's status history in time
 *   order, from the last report at or before @from
 * @n_history: the number of entries
 * @from: the range's start, microseconds
 * @until: its end: the range's end, or now if that is earlier
 * @adherence: (out caller-allocates): the figures
 *
 * Measures [@from, @until). Two overlapping work shifts count once; a
 * status holds until the next report, the last one until @until.
 */
void
pulse_adherence_compute (PulseShift * const        *shifts,
                         guint                      n_shifts,
                         const PulseCoverageStatus *history,
                         guint                      n_history,
                         gint64                     from,
                         gint64                     until,
                         PulseAdherence            *adherence)
{
  g_autoptr(GArray) planned = NULL;
  g_autoptr(GArray) online = NULL;

  g_return_if_fail (shifts != NULL || n_shifts == 0);
  g_return_if_fail (history != NULL || n_history == 0);
  g_return_if_fail (adherence != NULL);

  *adherence = (PulseAdherence) { 0 };
  if (until <= from)
    return;

  planned = planned_spans (shifts, n_shifts, from, until);
  online = online_spans (history, n_history, from, until);
  adherence->planned_usec = total (planned);
  adherence->adherent_usec = overlap (planned, online);
  adherence->out_usec = adherence->planned_usec - adherence->adherent_usec;
  adherence->unplanned_usec = total (online) - adherence->adherent_usec;
}

/**
 * pulse_adherence_share:
 * @adherence: figures from pulse_adherence_compute()
 *
 * Returns: the share of planned time spent online, 0…1; 1 when nothing
 *   was planned (no one is out of adherence with no plan).
 */
double
pulse_adherence_share (const PulseAdherence *adherence)
{
  g_return_val_if_fail (adherence != NULL, 0);

  if (adherence->planned_usec <= 0)
    return 1.0;

  return (double) adherence->adherent_usec / (double) adherence->planned_usec;
}

/**
 * pulse_adherence_state_at:
 * @shifts: (array length=n_shifts): one agent's shifts
 * @n_shifts: the number of @shifts
 * @status: the agent's status at @at
 * @at: the instant, microseconds
 *
 * Returns: where the agent stands at @at.
 */
PulseAdherenceState
pulse_adherence_state_at (PulseShift * const *shifts,
                          guint               n_shifts,
                          PulseAgentStatus    status,
                          gint64              at)
{
  g_autoptr(GArray) planned = NULL;
  gboolean online = pulse_coverage_status_is_online (status);
  gboolean booked = FALSE;

  g_return_val_if_fail (shifts != NULL || n_shifts == 0, PULSE_ADHERENCE_STATE_OFF);

  planned = planned_spans (shifts, n_shifts, at, at + 1);
  if (planned->len > 0)
    return online ? PULSE_ADHERENCE_STATE_IN : PULSE_ADHERENCE_STATE_MISSING;

  for (guint i = 0; i < n_shifts; i++)
    booked |= pulse_shift_get_starts_at (shifts[i]) <= at
              && at < pulse_shift_get_ends_at (shifts[i]);

  if (online)
    return PULSE_ADHERENCE_STATE_UNPLANNED;

  return booked ? PULSE_ADHERENCE_STATE_BREAK : PULSE_ADHERENCE_STATE_OFF;
}

static const char * const state_names[] = {
  "off", "in", "missing", "break", "unplanned",
};

/**
 * pulse_adherence_state_to_string:
 * @state: a state
 *
 * Returns: its wire name ("off", "in", "missing", "break", "unplanned").
 */
const char *
pulse_adherence_state_to_string (PulseAdherenceState state)
{
  g_return_val_if_fail (state <= PULSE_ADHERENCE_STATE_UNPLANNED, "off");

  return state_names[state];
}

/**
 * pulse_adherence_state_from_string:
 * @text: a wire name
 * @state: (out): the state it names
 *
 * Returns: %TRUE when @text names a state.
 */
gboolean
pulse_adherence_state_from_string (const char          *text,
                                   PulseAdherenceState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (text, state_names[i]))
      {
        *state = i;
        return TRUE;
      }

  return FALSE;
}
