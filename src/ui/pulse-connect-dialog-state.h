/* pulse-connect-dialog-state.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PulseServerUrlCheck:
 * @PULSE_SERVER_URL_OK: Pulse may connect
 * @PULSE_SERVER_URL_EMPTY: nothing typed yet
 * @PULSE_SERVER_URL_NO_SCHEME: no `https://` or `http://` in front
 * @PULSE_SERVER_URL_INVALID: not an address with a host
 * @PULSE_SERVER_URL_BAD_SCHEME: a scheme other than http or https
 * @PULSE_SERVER_URL_INSECURE: plain HTTP to a host that is not loopback,
 *   while the preference that allows it is off
 *
 * Why a server address can or cannot be used. The same policy as
 * pulse_client_check_url(), told in words a person can act on.
 */
typedef enum
{
  PULSE_SERVER_URL_OK,
  PULSE_SERVER_URL_EMPTY,
  PULSE_SERVER_URL_NO_SCHEME,
  PULSE_SERVER_URL_INVALID,
  PULSE_SERVER_URL_BAD_SCHEME,
  PULSE_SERVER_URL_INSECURE,
} PulseServerUrlCheck;

/**
 * PulseConnectDialogState:
 * @url_check: the verdict on the address
 * @url_error: whether the address field shows the error style
 * @can_connect: whether the Connect button is sensitive
 * @message: (nullable): a translated explanation to show under the fields
 */
typedef struct
{
  PulseServerUrlCheck  url_check;
  gboolean             url_error;
  gboolean             can_connect;
  const char          *message;
} PulseConnectDialogState;

PulseServerUrlCheck pulse_connect_dialog_check_url        (const char              *url,
                                                          gboolean                 allow_insecure);
void                pulse_connect_dialog_state_compute    (PulseConnectDialogState *state,
                                                          const char              *url,
                                                          gboolean                 allow_insecure,
                                                          gboolean                 busy);

G_END_DECLS
