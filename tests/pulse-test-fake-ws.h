/* pulse-test-fake-ws.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Event-stream servers that misbehave in ways pulse-server never does,
 * on 127.0.0.1: a libsoup WebSocket server a test scripts frame by frame,
 * and one that answers the handshake and then says nothing at all.
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct
{
  SoupServer *soup;
  char       *url;
  GPtrArray  *conns;      /* SoupWebsocketConnection: the server's side, one per handshake */
  GPtrArray  *sinces;     /* the query of each handshake */
  guint       refusals;   /* requests answered 503 under /busy */
} Fake;

typedef struct
{
  GSocketService *service;
  GCancellable   *cancellable;
  char           *url;
  GPtrArray      *peers;      /* Peer */
  guint           upgraded;
} Silent;

Fake   *pulse_test_fake_new     (void);
void    pulse_test_fake_free    (Fake   *fake);
Silent *pulse_test_silent_new   (void);
void    pulse_test_silent_free  (Silent *silent);
void    pulse_test_wait_count   (guint  *value,
                                 guint   count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fake, pulse_test_fake_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Silent, pulse_test_silent_free)

G_END_DECLS
