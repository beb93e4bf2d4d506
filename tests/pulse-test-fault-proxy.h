/* pulse-test-fault-proxy.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TCP proxy on 127.0.0.1 between the console and a server, on the
 * test's main context, that injects seeded faults into what it forwards,
 * in both directions and at any chunk: HTTP (snapshot, history pages,
 * outbox writes) and the WebSocket stream alike. The fault model is in
 * docs/faults.md.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PULSE_TEST_FAULT_DROP,      /* both sides closed */
  PULSE_TEST_FAULT_DELAY,     /* the chunk held for 1–400 ms */
  PULSE_TEST_FAULT_TRUNCATE,  /* part of the chunk forwarded, then both sides closed */
  PULSE_TEST_FAULT_RESET,     /* both sides reset (RST: SO_LINGER 0) */
  PULSE_TEST_FAULT_STALL,     /* nothing forwarded any more, nothing closed */
  PULSE_TEST_N_FAULTS
} PulseTestFaultKind;

typedef struct _PulseTestFaultProxy PulseTestFaultProxy;

PulseTestFaultProxy *pulse_test_fault_proxy_new         (guint                upstream_port,
                                                         guint32              seed);
void                 pulse_test_fault_proxy_free        (PulseTestFaultProxy *self);
guint                pulse_test_fault_proxy_get_port    (PulseTestFaultProxy *self);
char                *pulse_test_fault_proxy_dup_url     (PulseTestFaultProxy *self);
void                 pulse_test_fault_proxy_set_rate    (PulseTestFaultProxy *self,
                                                         double               per_chunk);
void                 pulse_test_fault_proxy_fault_next  (PulseTestFaultProxy *self,
                                                         PulseTestFaultKind   kind);
guint                pulse_test_fault_proxy_get_n_faults (PulseTestFaultProxy *self,
                                                         int                  kind);
guint                pulse_test_fault_proxy_get_n_links (PulseTestFaultProxy *self);
guint                pulse_test_fault_proxy_get_n_open  (PulseTestFaultProxy *self);
const char          *pulse_test_fault_kind_name         (PulseTestFaultKind   kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTestFaultProxy, pulse_test_fault_proxy_free)

G_END_DECLS
