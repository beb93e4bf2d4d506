/* pulse-test-raw-ws.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A WebSocket client over a plain socket, for what libsoup's client will
 * not do: stop reading, leave pings unanswered, send bad frames.
 */

#include "config.h"

#include <sys/socket.h>

#include "pulse-test-events.h"

#define WAIT_MS 90000  /* generous: ASan with full unwinding is 25 times slower */

static gboolean
write_all (RawClient     *raw,
           const guint8  *data,
           gsize          length,
           GError       **error)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (raw->conn));

  return g_output_stream_write_all (out, data, length, NULL, NULL, error);
}

static void
build_frame (guint         opcode,
             gboolean      masked,
             const guint8 *payload,
             gsize         length,
             GByteArray   *frame)
{
  static const guint8 mask[4] = { 0x12, 0x34, 0x56, 0x78 };
  guint8 header[2] = { 0x80 | opcode, (masked ? 0x80 : 0) | length };

  g_assert_cmpuint (length, <=, 125);
  g_byte_array_append (frame, header, 2);
  if (masked)
    g_byte_array_append (frame, mask, 4);
  for (gsize i = 0; i < length; i++)
    {
      guint8 byte = payload[i] ^ (masked ? mask[i & 3] : 0);

      g_byte_array_append (frame, &byte, 1);
    }
}

/**
 * pulse_test_raw_send:
 * @opcode: the frame's opcode
 * @masked: whether to mask it, as a client must
 * @payload: at most 125 bytes
 */
void
pulse_test_raw_send (RawClient  *raw,
                     guint       opcode,
                     gboolean    masked,
                     const char *payload)
{
  g_autoptr(GByteArray) frame = g_byte_array_new ();
  g_autoptr(GError) error = NULL;

  build_frame (opcode, masked, (const guint8 *) payload, strlen (payload), frame);
  g_assert_true (write_all (raw, frame->data, frame->len, &error));
  g_assert_no_error (error);
  if (opcode == 0x8)
    raw->close_sent = TRUE;
}

/* As a client must: answer the server's close with one of ours. The
 * server may have hung up already, so a failed write is fine. */
static void
echo_close (RawClient *raw)
{
  g_autoptr(GByteArray) frame = g_byte_array_new ();
  guint8 payload[2] = { (raw->close_code >> 8) & 0xff, raw->close_code & 0xff };

  build_frame (0x8, TRUE, payload, raw->close_code != 0 ? 2 : 0, frame);
  write_all (raw, frame->data, frame->len, NULL);
  raw->close_sent = TRUE;
}

/* Server frames are unmasked; returns the frame's size or 0 if it has not
 * all arrived. */
static gsize
take_frame (RawClient *raw)
{
  guint8 *data = raw->in->data;
  guint64 length;
  gsize header = 2;

  if (raw->in->len < 2)
    return 0;

  g_assert_cmpuint (data[1] & 0x80, ==, 0);
  length = data[1] & 0x7f;
  if (length == 126)
    header = 4;
  else if (length == 127)
    header = 10;
  if (raw->in->len < header)
    return 0;

  if (length == 126)
    length = (data[2] << 8) | data[3];
  else if (length == 127)
    {
      memcpy (&length, data + 2, sizeof length);
      length = GUINT64_FROM_BE (length);
    }
  if (raw->in->len < header + length)
    return 0;

  switch (data[0])
    {
    case 0x81:
      g_ptr_array_add (raw->texts, pulse_json_parse ((char *) data + header, length, NULL));
      g_assert_nonnull (raw->texts->pdata[raw->texts->len - 1]);
      break;
    case 0x88:
      raw->close_code = length >= 2 ? (data[header] << 8) | data[header + 1] : 0;
      raw->got_close = TRUE;
      break;
    case 0x89:
      raw->n_pings++;
      break;
    case 0x8a:
      g_assert_cmpuint (length, <, sizeof raw->pong);
      memcpy (raw->pong, data + header, length);
      raw->pong[length] = '\0';
      raw->n_pongs++;
      break;
    default:
      g_error ("unexpected frame 0x%02x from the server", data[0]);
    }

  return header + length;
}

static void
process (RawClient *raw)
{
  gsize used;

  if (!raw->upgraded)
    {
      const char *end = g_strstr_len ((char *) raw->in->data, raw->in->len, "\r\n\r\n");

      if (end == NULL)
        return;
      g_assert_true (g_str_has_prefix ((char *) raw->in->data, "HTTP/1.1 101"));
      g_byte_array_remove_range (raw->in, 0, end + 4 - (char *) raw->in->data);
      raw->upgraded = TRUE;
    }

  for (guint pings = raw->n_pings; (used = take_frame (raw)) > 0; pings = raw->n_pings)
    {
      g_byte_array_remove_range (raw->in, 0, used);
      if (raw->n_pings > pings && raw->pongs_left > 0)
        {
          raw->pongs_left--;
          pulse_test_raw_send (raw, 0xa, TRUE, "");
        }
      if (raw->got_close && !raw->close_sent)
        echo_close (raw);
    }
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RawClient *raw = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result,
                                                               &error);

  raw->reading = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The server hanging up, with a FIN or a reset, is the end here. */
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      raw->eof = TRUE;
      return;
    }

  raw->n_read += g_bytes_get_size (bytes);
  g_byte_array_append (raw->in, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  process (raw);
  if (raw->keep_reading || !raw->upgraded)
    pulse_test_raw_read (raw);
}

/**
 * pulse_test_raw_read:
 *
 * Reads on, frame after frame, while keep_reading is set (and always until
 * the 101 answer is in).
 */
void
pulse_test_raw_read (RawClient *raw)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (raw->conn));

  if (raw->reading || raw->eof)
    return;

  raw->reading = TRUE;
  g_input_stream_read_bytes_async (in, 64 * 1024, G_PRIORITY_DEFAULT, raw->cancellable,
                                   on_read_cb, raw);
}

static gboolean
is_upgraded (gpointer user_data)
{
  return ((RawClient *) user_data)->upgraded;
}

/**
 * pulse_test_raw_open:
 * @receive_buffer: SO_RCVBUF to set before connecting, or 0
 *
 * Connects as the fixture's viewer with since=0 and waits for the 101.
 * Reading then stops unless keep_reading is set.
 *
 * Returns: (transfer full): the client.
 */
RawClient *
pulse_test_raw_open (Fixture *fixture,
                     int      receive_buffer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *request = NULL;
  RawClient *raw = g_new0 (RawClient, 1);

  g_assert_no_error (error);
  if (receive_buffer > 0)
    g_assert_true (g_socket_set_option (socket, SOL_SOCKET, SO_RCVBUF, receive_buffer, &error));

  address = g_inet_socket_address_new_from_string ("127.0.0.1",
                                                   pulse_server_get_port (fixture->server));
  g_assert_true (g_socket_connect (socket, address, NULL, &error));
  g_assert_no_error (error);

  raw->conn = g_socket_connection_factory_create_connection (socket);
  raw->cancellable = g_cancellable_new ();
  raw->in = g_byte_array_new ();
  raw->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  request = g_strdup_printf ("GET /api/v1/events?since=0 HTTP/1.1\r\n"
                             "Host: 127.0.0.1\r\n"
                             "Upgrade: websocket\r\n"
                             "Connection: Upgrade\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n"
                             "Authorization: Bearer %s\r\n"
                             "\r\n", fixture->token);
  g_assert_true (write_all (raw, (const guint8 *) request, strlen (request), &error));

  pulse_test_raw_read (raw);
  pulse_test_wait_for (is_upgraded, raw, WAIT_MS);
  return raw;
}

static gboolean
is_eof (gpointer user_data)
{
  return ((RawClient *) user_data)->eof;
}

typedef struct
{
  RawClient *raw;
  guint      count;
} TextWait;

static gboolean
has_texts (gpointer user_data)
{
  TextWait *wait = user_data;

  return wait->raw->texts->len >= wait->count || wait->raw->eof;
}

/* Reads on until @count text frames are in. */
void
pulse_test_raw_wait_texts (RawClient *raw,
                           guint      count)
{
  TextWait wait = { raw, count };

  raw->keep_reading = TRUE;
  pulse_test_raw_read (raw);
  pulse_test_wait_for (has_texts, &wait, WAIT_MS);
  g_assert_cmpuint (raw->texts->len, ==, count);
}

/* Reads until the server hangs up. */
void
pulse_test_raw_wait_eof (RawClient *raw)
{
  raw->keep_reading = TRUE;
  pulse_test_raw_read (raw);
  pulse_test_wait_for (is_eof, raw, WAIT_MS);
}

static gboolean
is_idle (gpointer user_data)
{
  return !((RawClient *) user_data)->reading;
}

void
pulse_test_raw_free (RawClient *raw)
{
  g_cancellable_cancel (raw->cancellable);
  pulse_test_wait_for (is_idle, raw, WAIT_MS);
  g_io_stream_close (G_IO_STREAM (raw->conn), NULL, NULL);
  g_clear_object (&raw->conn);
  g_clear_object (&raw->cancellable);
  g_clear_pointer (&raw->in, g_byte_array_unref);
  g_clear_pointer (&raw->texts, g_ptr_array_unref);
  g_free (raw);
}
