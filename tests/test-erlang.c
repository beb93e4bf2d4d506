/* test-erlang.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-erlang.h"
#include "pulse-error.h"

#define assert_near(a, b, tolerance) g_assert_cmpfloat_with_epsilon ((a), (b), (tolerance))

/* The recursion B(k) = A·B(k−1) / (k + A·B(k−1)) by hand:
 * A = 1: B(1) = 1/2, B(2) = (1/2)/(2 + 1/2) = 1/5.
 * A = 2, n = 5 from the closed form (2^5/5!) / Σ_{k≤5} 2^k/k!
 *   = (32/120) / (1 + 2 + 2 + 4/3 + 2/3 + 4/15) = 0.266667 / 7.266667 = 0.0366972.
 * A = 10: B(1) = 10/11 = 0.909091, B(2) = 9.09091/11.09091 = 0.819672,
 *   B(3) = 8.19672/11.19672 = 0.732064, … B(12) = 0.119739. */
static void
test_erlang_b (void)
{
  static const double b10[] = {
    1.0, 0.9090909091, 0.8196721311, 0.7320644217, 0.6466632178, 0.5639521769,
    0.4845149037, 0.4090407830, 0.3383184329, 0.2732079439, 0.2145823431,
    0.1632323332, 0.1197391884,
  };

  assert_near (pulse_erlang_b (0, 3.0), 1.0, 1e-15);
  assert_near (pulse_erlang_b (1, 1.0), 0.5, 1e-15);
  assert_near (pulse_erlang_b (2, 1.0), 0.2, 1e-15);
  assert_near (pulse_erlang_b (5, 2.0), 0.0366972477, 1e-9);
  for (guint n = 0; n < G_N_ELEMENTS (b10); n++)
    assert_near (pulse_erlang_b (n, 10.0), b10[n], 1e-9);
}

/* The textbook case, A = 10 Erlangs and 12 agents:
 * C = n·B / (n − A·(1 − B)) = 12 × 0.1197392 / (12 − 10 × 0.8802608)
 *   = 1.4368703 / 3.1973919 = 0.449388. */
static void
test_erlang_c_textbook (void)
{
  assert_near (pulse_erlang_c (12, 10.0), 0.4493882243, 1e-9);
  assert_near (pulse_erlang_c (11, 10.0), 0.6821182047, 1e-9);
  /* ASA = C·h / (n − A) = 0.449388 × 180 / 2 = 40.4449 s. */
  assert_near (pulse_erlang_c_asa (12, 10.0, 180), 40.44494019, 1e-6);
  assert_near (pulse_erlang_occupancy (12, 10.0), 10.0 / 12.0, 1e-15);
}

/* 100 contacts in 30 minutes with 180 s handle time: λ = 100/1800 per
 * second, A = λ·h = 10 Erlangs. Goal 80 % in 20 s.
 *   13 agents: C = 0.285270, SL = 1 − 0.285270 × e^{−(13−10)·20/180}
 *     = 1 − 0.285270 × 0.716531 = 0.795595, short of 0.8;
 *   14 agents: C = 0.174132, SL = 1 − 0.174132 × e^{−80/180}
 *     = 1 − 0.174132 × 0.641180 = 0.888350. So 14. */
static void
test_required_agents (void)
{
  PulseErlangRequest request = {
    .arrivals = 100, .interval_s = 1800, .handle_s = 180, .target_s = 20, .goal = 0.8,
  };
  PulseErlangStaffing staffing;
  g_autoptr(GError) error = NULL;

  assert_near (pulse_erlang_c_service_level (13, 10.0, 180, 20), 0.7955947884, 1e-9);
  assert_near (pulse_erlang_c_service_level (14, 10.0, 180, 20), 0.8883500192, 1e-9);

  g_assert_true (pulse_erlang_required_agents (&request, &staffing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (staffing.required, ==, 14);
  g_assert_cmpuint (staffing.scheduled, ==, 14);
  assert_near (staffing.load, 10.0, 1e-12);
  assert_near (staffing.service_level, 0.8883500192, 1e-9);
  assert_near (staffing.p_wait, 0.1741319336, 1e-9);
  assert_near (staffing.mean_wait_s, 0.1741319336 * 180 / 4, 1e-9);
  assert_near (staffing.occupancy, 10.0 / 14.0, 1e-12);
  g_assert_cmpfloat (staffing.p_abandon, ==, 0.0);
}

/* 14 agents at 30 % shrinkage: 14 / 0.7 = 20 exactly (the float quotient
 * is 20.000000000000004); at 25 %: 18.67 → 19. */
static void
test_shrinkage (void)
{
  PulseErlangRequest request = {
    .arrivals = 100, .interval_s = 1800, .handle_s = 180, .target_s = 20, .goal = 0.8,
    .shrinkage = 0.3,
  };
  PulseErlangStaffing staffing;

  g_assert_cmpuint (pulse_erlang_scheduled_agents (14, 0.3), ==, 20);
  g_assert_cmpuint (pulse_erlang_scheduled_agents (14, 0.25), ==, 19);
  g_assert_cmpuint (pulse_erlang_scheduled_agents (14, 0.0), ==, 14);
  g_assert_cmpuint (pulse_erlang_scheduled_agents (0, 0.5), ==, 0);
  g_assert_cmpuint (pulse_erlang_scheduled_agents (1, 0.01), ==, 2);

  g_assert_true (pulse_erlang_required_agents (&request, &staffing, NULL));
  g_assert_cmpuint (staffing.required, ==, 14);
  g_assert_cmpuint (staffing.scheduled, ==, 20);
}

/* Three chats at once: the 14 servers are slots, ⌈14 / 3⌉ = 5 agents,
 * whose 15 slots give C = 0.102042 and SL = 1 − C·e^{−100/180} = 0.941453. */
static void
test_concurrency (void)
{
  PulseErlangRequest request = {
    .arrivals = 100, .interval_s = 1800, .handle_s = 180, .target_s = 20, .goal = 0.8,
    .concurrency = 3,
  };
  PulseErlangStaffing staffing;

  g_assert_true (pulse_erlang_required_agents (&request, &staffing, NULL));
  g_assert_cmpuint (staffing.required, ==, 5);
  assert_near (staffing.p_wait, pulse_erlang_c (15, 10.0), 1e-15);
  assert_near (staffing.p_wait, 0.1020423670, 1e-9);
  assert_near (staffing.service_level, 0.9414528429, 1e-9);
  assert_near (staffing.occupancy, 10.0 / 15.0, 1e-12);
}

static void
test_zero_load (void)
{
  PulseErlangRequest request = {
    .arrivals = 0, .interval_s = 1800, .handle_s = 180, .target_s = 20, .goal = 0.8,
    .shrinkage = 0.3,
  };
  PulseErlangStaffing staffing;
  PulseErlangA a;

  g_assert_cmpfloat (pulse_erlang_b (3, 0.0), ==, 0.0);
  g_assert_cmpfloat (pulse_erlang_c (3, 0.0), ==, 0.0);
  g_assert_cmpfloat (pulse_erlang_c_service_level (0, 0.0, 180, 20), ==, 1.0);
  g_assert_cmpfloat (pulse_erlang_c_asa (0, 0.0, 180), ==, 0.0);
  g_assert_cmpfloat (pulse_erlang_occupancy (0, 0.0), ==, 0.0);

  g_assert_true (pulse_erlang_required_agents (&request, &staffing, NULL));
  g_assert_cmpuint (staffing.required, ==, 0);
  g_assert_cmpuint (staffing.scheduled, ==, 0);
  g_assert_cmpfloat (staffing.service_level, ==, 1.0);

  pulse_erlang_a (4, 0.0, 180, 600, 20, &a);
  g_assert_cmpfloat (a.p_wait, ==, 0.0);
  g_assert_cmpfloat (a.service_level, ==, 1.0);
}

/* With A ≥ n the Erlang C queue never empties. */
static void
test_overload (void)
{
  PulseErlangA a;

  g_assert_cmpfloat (pulse_erlang_c (10, 10.0), ==, 1.0);
  g_assert_cmpfloat (pulse_erlang_c (9, 10.0), ==, 1.0);
  g_assert_cmpfloat (pulse_erlang_c (0, 10.0), ==, 1.0);
  g_assert_cmpfloat (pulse_erlang_c_service_level (10, 10.0, 180, 20), ==, 0.0);
  g_assert_true (isinf (pulse_erlang_c_asa (10, 10.0, 180)));
  g_assert_cmpfloat (pulse_erlang_occupancy (9, 10.0), ==, 1.0);

  /* No agents at all: everyone waits and every one gives up. */
  pulse_erlang_a (0, 10.0, 180, 600, 20, &a);
  g_assert_cmpfloat (a.p_wait, ==, 1.0);
  g_assert_cmpfloat (a.p_abandon, ==, 1.0);
  g_assert_cmpfloat (a.service_level, ==, 0.0);
  g_assert_cmpfloat (a.mean_wait_s, ==, 600.0);
}

/* 10,000 Erlangs: the recursions are linear in n and take logs, so this
 * is finite and quick. Square-root staffing puts the answer a little
 * above A + √A·β (β ≈ 1 for these goals): between 10,001 and 10,200. */
static void
test_huge_load (void)
{
  PulseErlangRequest request = {
    .arrivals = 100000, .interval_s = 1800, .handle_s = 180, .target_s = 20, .goal = 0.8,
  };
  PulseErlangStaffing staffing;
  PulseErlangA a;

  g_assert_true (pulse_erlang_required_agents (&request, &staffing, NULL));
  assert_near (staffing.load, 10000.0, 1e-6);
  g_assert_cmpuint (staffing.required, >, 10000);
  g_assert_cmpuint (staffing.required, <, 10200);
  g_assert_cmpfloat (staffing.service_level, >=, 0.8);
  g_assert_cmpfloat (pulse_erlang_c_service_level (staffing.required - 1, 10000.0, 180, 20),
                     <, 0.8);

  request.patience_s = 600;
  g_assert_true (pulse_erlang_required_agents (&request, &staffing, NULL));
  g_assert_cmpuint (staffing.required, >, 9000);
  g_assert_cmpuint (staffing.required, <, 10200);
  g_assert_cmpfloat (staffing.service_level, >=, 0.8);

  /* Overloaded by 10 %: finite, and most who wait leave. */
  pulse_erlang_a (9000, 10000.0, 180, 600, 20, &a);
  g_assert_true (isfinite (a.service_level) && isfinite (a.p_abandon));
  g_assert_cmpfloat (a.p_wait, >, 0.99);
  g_assert_cmpfloat (a.p_abandon, >, 0.09);
  g_assert_cmpfloat (a.p_abandon, <, 0.11);
}

/* One agent, λ = μ = θ = 1 per second. For k ≥ 1 the chain has
 * π_{k+1} = π_k·λ/(μ + kθ), so π_k = π_0/k!: Poisson(1), π_0 = e^{−1}.
 *   P(wait) = 1 − e^{−1} = 0.632121;
 *   E[Q] = Σ (k − 1)·π_k = 1 − (1 − e^{−1}) = e^{−1}, P(ab) = θ·E[Q]/λ = 0.367879;
 *   the offered wait has density π_1·exp(−v + 1 − e^{−v}) = exp(−v − e^{−v}),
 *   so P(answered within t) = e^{−1} + ∫₀ᵗ e^{−v}·exp(−v − e^{−v}) dv
 *   = (1 + e^{−t})·e^{−e^{−t}} − e^{−1}; at t = 1: 0.578968. */
static void
test_erlang_a_by_hand (void)
{
  PulseErlangA a;

  pulse_erlang_a (1, 1.0, 1, 1, 1, &a);
  assert_near (a.p_wait, 1 - exp (-1), 1e-12);
  assert_near (a.p_abandon, exp (-1), 1e-12);
  assert_near (a.service_level, (1 + exp (-1)) * exp (-exp (-1)) - exp (-1), 1e-12);
  assert_near (a.mean_wait_s, exp (-1), 1e-12);

  /* t = 0: only those who do not wait; t → ∞: all who do not abandon. */
  pulse_erlang_a (1, 1.0, 1, 1, 0, &a);
  assert_near (a.service_level, exp (-1), 1e-12);
  pulse_erlang_a (1, 1.0, 1, 1, 1000, &a);
  assert_near (a.service_level, 1 - exp (-1), 1e-12);
}

/* Chat, 100 contacts per 30 min, 180 s handle, 600 s patience, 20 s target.
 * Reference: the birth-death chain solved directly (truncated at n + 4000
 * states, 30 digits) and the offered-wait density integrated numerically.
 * n = 8 and 10 take the continued-fraction branch, 12 and 14 the series;
 * "overload" is A = 20 on 15 agents with 60 s patience. */
static void
test_erlang_a_reference (void)
{
  static const struct { guint n; double load, patience, p_wait, p_abandon, sl; } cases[] = {
    { 8, 10, 600, 0.9241101859, 0.2158640662, 0.1136115497 },
    { 10, 10, 600, 0.6746058440, 0.0889002683, 0.4219575076 },
    { 12, 10, 600, 0.3667840451, 0.0300045087, 0.7339831272 },
    { 13, 10, 600, 0.2458973721, 0.0165264250, 0.8376285065 },
    { 14, 10, 600, 0.1559273395, 0.0088171924, 0.9066184464 },
    { 15, 20, 60, 0.7369463450, 0.2814080413, 0.4785789640 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PulseErlangA a;

      pulse_erlang_a (cases[i].n, cases[i].load, 180, cases[i].patience, 20, &a);
      assert_near (a.p_wait, cases[i].p_wait, 1e-9);
      assert_near (a.p_abandon, cases[i].p_abandon, 1e-9);
      assert_near (a.service_level, cases[i].sl, 1e-9);
    }
}

/* As patience grows, Erlang A tends to Erlang C. */
static void
test_erlang_a_limit (void)
{
  PulseErlangA a;

  pulse_erlang_a (12, 10.0, 180, 1e9, 20, &a);
  assert_near (a.p_wait, pulse_erlang_c (12, 10.0), 1e-6);
  assert_near (a.service_level, pulse_erlang_c_service_level (12, 10.0, 180, 20), 1e-6);
  g_assert_cmpfloat (a.p_abandon, <, 1e-6);

  pulse_erlang_a (14, 10.0, 180, INFINITY, 20, &a);
  g_assert_cmpfloat (a.p_wait, ==, pulse_erlang_c (14, 10.0));
  g_assert_cmpfloat (a.p_abandon, ==, 0.0);
}

/* With 600 s patience the chat queue of test_required_agents() needs 13
 * agents, not 14: SL(12) = 0.733983, SL(13) = 0.837629. */
static void
test_required_agents_erlang_a (void)
{
  PulseErlangRequest request = {
    .arrivals = 100, .interval_s = 1800, .handle_s = 180, .target_s = 20, .goal = 0.8,
    .patience_s = 600,
  };
  PulseErlangStaffing staffing;

  g_assert_true (pulse_erlang_required_agents (&request, &staffing, NULL));
  g_assert_cmpuint (staffing.required, ==, 13);
  assert_near (staffing.service_level, 0.8376285065, 1e-9);
  assert_near (staffing.p_abandon, 0.0165264250, 1e-9);
  assert_near (staffing.mean_wait_s, 0.0165264250 * 600, 1e-6);
  assert_near (staffing.occupancy, 10.0 * (1 - 0.0165264250) / 13, 1e-9);
}

static void
test_bad_requests (void)
{
  static const struct { PulseErlangRequest request; const char *message_part; } cases[] = {
    { { -1, 1800, 180, 20, 0.8, 0, 1, 0 }, "arrivals" },
    { { NAN, 1800, 180, 20, 0.8, 0, 1, 0 }, "arrivals" },
    { { 100, 0, 180, 20, 0.8, 0, 1, 0 }, "interval_s" },
    { { 100, 1800, 0, 20, 0.8, 0, 1, 0 }, "handle_s" },
    { { 100, 1800, 180, -1, 0.8, 0, 1, 0 }, "target_s" },
    { { 100, 1800, 180, 20, 1.0, 0, 1, 0 }, "goal" },
    { { 100, 1800, 180, 20, 0.0, 0, 1, 0 }, "goal" },
    { { 100, 1800, 180, 20, 0.8, 1.0, 1, 0 }, "shrinkage" },
    { { 100, 1800, 180, 20, 0.8, 0, 1, -5 }, "patience_s" },
    { { 1e12, 1800, 180, 20, 0.8, 0, 1, 0 }, "arrivals" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PulseErlangStaffing staffing = { .required = 77 };
      g_autoptr(GError) error = NULL;

      g_assert_false (pulse_erlang_required_agents (&cases[i].request, &staffing, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message_part));
      g_assert_cmpuint (staffing.required, ==, 77);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/erlang/erlang-b", test_erlang_b);
  g_test_add_func ("/pulse/core/erlang/erlang-c-textbook", test_erlang_c_textbook);
  g_test_add_func ("/pulse/core/erlang/required-agents", test_required_agents);
  g_test_add_func ("/pulse/core/erlang/shrinkage", test_shrinkage);
  g_test_add_func ("/pulse/core/erlang/concurrency", test_concurrency);
  g_test_add_func ("/pulse/core/erlang/zero-load", test_zero_load);
  g_test_add_func ("/pulse/core/erlang/overload", test_overload);
  g_test_add_func ("/pulse/core/erlang/huge-load", test_huge_load);
  g_test_add_func ("/pulse/core/erlang/erlang-a-by-hand", test_erlang_a_by_hand);
  g_test_add_func ("/pulse/core/erlang/erlang-a-reference", test_erlang_a_reference);
  g_test_add_func ("/pulse/core/erlang/erlang-a-limit", test_erlang_a_limit);
  g_test_add_func ("/pulse/core/erlang/required-agents-erlang-a", test_required_agents_erlang_a);
  g_test_add_func ("/pulse/core/erlang/bad-requests", test_bad_requests);

  return g_test_run ();
}
