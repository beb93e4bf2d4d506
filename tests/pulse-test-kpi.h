/* pulse-test-kpi.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small contacts for the KPI tests, timed in seconds from a fixed Monday.
 * Header-only, so a test needs no extra meson wiring.
 */

#pragma once

#include <math.h>

#include "pulse-kpi.h"

G_BEGIN_DECLS

/* 2026-11-02T00:00:00Z, a Monday. */
#define PULSE_TEST_KPI_BASE_S G_GINT64_CONSTANT (1793577600)
#define PULSE_TEST_KPI_DAY    G_GINT64_CONSTANT (86400)
#define AT(seconds)           ((PULSE_TEST_KPI_BASE_S + (gint64) (seconds)) * G_USEC_PER_SEC)
#define DAYS(n)               ((gint64) ((n) * PULSE_TEST_KPI_DAY))

/* A resolved chat in queue "q-chat", created @created_s after the base,
 * with no reply, customer @customer_id and no ratings. */
static inline PulseKpiContact
pulse_test_kpi_contact (const char *id,
                        const char *customer_id,
                        gint64      created_s)
{
  PulseKpiContact contact;

  pulse_kpi_contact_init (&contact);
  contact.id = id;
  contact.customer_id = customer_id;
  contact.queue_id = "q-chat";
  contact.channel = PULSE_CHANNEL_KIND_CHAT;
  contact.status = PULSE_TICKET_STATUS_RESOLVED;
  contact.created_at = AT (created_s);
  return contact;
}

static inline void
pulse_test_kpi_add (PulseKpi              *kpi,
                    const PulseKpiContact *contact)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_kpi_add_contact (kpi, contact, &error));
  g_assert_no_error (error);
}

/* A figure equal to @expected, or NAN when @expected is NAN. */
#define assert_figure(value, expected)                                   \
  G_STMT_START {                                                         \
    double v_ = (value), e_ = (expected);                                \
    if (isnan (e_))                                                      \
      g_assert_true (isnan (v_));                                        \
    else                                                                 \
      g_assert_cmpfloat_with_epsilon (v_, e_, 1e-12);                    \
  } G_STMT_END

G_END_DECLS
