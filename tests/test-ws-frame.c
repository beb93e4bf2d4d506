/* test-ws-frame.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-ws-frame.h"

static void
assert_header (GBytes       *frame,
               const guint8 *expected,
               gsize         header_length,
               gsize         total)
{
  const guint8 *data = g_bytes_get_data (frame, NULL);

  g_assert_cmpuint (g_bytes_get_size (frame), ==, total);
  g_assert_cmpmem (data, header_length, expected, header_length);
}

/* RFC 6455, section 5.2: 7-bit lengths up to 125, then 16 and 64 bits. */
static void
test_encode_lengths (void)
{
  static const guint8 h0[] = { 0x81, 0x00 };
  static const guint8 h125[] = { 0x81, 125 };
  static const guint8 h126[] = { 0x81, 126, 0x00, 0x7e };
  static const guint8 h65535[] = { 0x81, 126, 0xff, 0xff };
  static const guint8 h65536[] = { 0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0 };
  g_autofree char *text = g_strnfill (65536, 'x');
  g_autoptr(GBytes) f0 = pulse_ws_frame_new_text (text, 0);
  g_autoptr(GBytes) f125 = pulse_ws_frame_new_text (text, 125);
  g_autoptr(GBytes) f126 = pulse_ws_frame_new_text (text, 126);
  g_autoptr(GBytes) f65535 = pulse_ws_frame_new_text (text, 65535);
  g_autoptr(GBytes) f65536 = pulse_ws_frame_new_text (text, 65536);

  assert_header (f0, h0, 2, 2);
  assert_header (f125, h125, 2, 127);
  assert_header (f126, h126, 4, 130);
  assert_header (f65535, h65535, 4, 65539);
  assert_header (f65536, h65536, 10, 65546);
  g_assert_cmpint (((const char *) g_bytes_get_data (f126, NULL))[4], ==, 'x');
}

static void
test_encode_close (void)
{
  static const guint8 going_away[] = { 0x88, 0x02, 0x03, 0xe9 };
  static const guint8 bare[] = { 0x88, 0x00 };
  g_autoptr(GBytes) with_code = pulse_ws_frame_new_close (1001);
  g_autoptr(GBytes) without = pulse_ws_frame_new_close (0);

  assert_header (with_code, going_away, 4, 4);
  assert_header (without, bare, 2, 2);
}

/* The masked "Hello" of RFC 6455, section 5.7. */
static const guint8 masked_hello[] = {
  0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58
};

static void
test_parse_masked (void)
{
  PulseWsFrame frame;
  const char *problem = NULL;
  guint code = 0;

  for (gsize available = 0; available < sizeof masked_hello; available++)
    {
      guint8 copy[sizeof masked_hello];

      memcpy (copy, masked_hello, sizeof copy);
      g_assert_cmpint (pulse_ws_frame_parse (copy, available, 1024, &frame, &code, &problem),
                       ==, 0);
    }

  {
    guint8 copy[sizeof masked_hello + 3];

    memcpy (copy, masked_hello, sizeof masked_hello);
    g_assert_cmpint (pulse_ws_frame_parse (copy, sizeof copy, 1024, &frame, &code, &problem),
                     ==, 11);
    g_assert_cmpuint (frame.opcode, ==, PULSE_WS_OP_TEXT);
    g_assert_cmpmem (frame.payload, frame.length, "Hello", 5);
  }
}

static void
test_parse_16_bit_length (void)
{
  guint8 data[4 + 4 + 300] = { 0x82, 0x80 | 126, 0x01, 0x2c, 0, 0, 0, 0 };
  PulseWsFrame frame;
  const char *problem = NULL;
  guint code = 0;

  memset (data + 8, 'z', 300);
  g_assert_cmpint (pulse_ws_frame_parse (data, sizeof data - 1, 1024, &frame, &code, &problem),
                   ==, 0);
  g_assert_cmpint (pulse_ws_frame_parse (data, sizeof data, 1024, &frame, &code, &problem), ==,
                   308);
  g_assert_cmpuint (frame.opcode, ==, PULSE_WS_OP_BINARY);
  g_assert_cmpuint (frame.length, ==, 300);
  g_assert_cmpint (frame.payload[299], ==, 'z');
}

static void
test_parse_refuses (void)
{
  static const struct
  {
    guint8      first;
    guint8      second;
    gsize       max_payload;
    guint       code;
    const char *problem_part;
  } cases[] = {
    { 0x81, 0x05, 1024, 1002, "mask" },          /* unmasked */
    { 0xc1, 0x85, 1024, 1002, "reserved" },      /* RSV1 without an extension */
    { 0x83, 0x85, 1024, 1002, "opcode" },        /* reserved data opcode */
    { 0x8b, 0x85, 1024, 1002, "opcode" },        /* reserved control opcode */
    { 0x09, 0x85, 1024, 1002, "control" },       /* a fragmented ping */
    { 0x89, 0xfe, 1024, 1002, "control" },       /* a ping over 125 bytes */
    { 0x81, 0x85, 4, 1009, "limit" },            /* over the caller's limit */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint8 copy[sizeof masked_hello];
      PulseWsFrame frame;
      const char *problem = NULL;
      guint code = 0;

      memcpy (copy, masked_hello, sizeof copy);
      copy[0] = cases[i].first;
      copy[1] = cases[i].second;
      g_assert_cmpint (pulse_ws_frame_parse (copy, sizeof copy, cases[i].max_payload, &frame,
                                             &code, &problem), ==, -1);
      g_assert_cmpuint (code, ==, cases[i].code);
      g_assert_nonnull (strstr (problem, cases[i].problem_part));

      /* All but the size limit show in the first two bytes: refused at
       * once, not left waiting for bytes that would never come. */
      if (cases[i].code == 1002)
        g_assert_cmpint (pulse_ws_frame_parse (copy, 2, cases[i].max_payload, &frame, &code,
                                               &problem), ==, -1);
    }
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
queued_text (PulseWsQueue *queue)
{
  GOutputVector vectors[8];
  guint n = pulse_ws_queue_get_vectors (queue, vectors, G_N_ELEMENTS (vectors));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_len (text, vectors[i].buffer, vectors[i].size);
  return g_string_free (text, FALSE);
}

static void
test_queue (void)
{
  g_autoptr(GBytes) a = bytes_of ("aaaa");
  g_autoptr(GBytes) b = bytes_of ("bbb");
  g_autoptr(GBytes) c = bytes_of ("cc");
  g_autoptr(GBytes) ping = bytes_of ("P");
  PulseWsQueue queue;
  char *text;

  pulse_ws_queue_init (&queue);
  pulse_ws_queue_push (&queue, a);
  pulse_ws_queue_push (&queue, b);
  pulse_ws_queue_push (&queue, c);
  g_assert_cmpuint (queue.queued_bytes, ==, 9);

  /* Half of "aaaa" written: the ping goes after it, not inside it. */
  pulse_ws_queue_consume (&queue, 2);
  pulse_ws_queue_push_control (&queue, ping);
  text = queued_text (&queue);
  g_assert_cmpstr (text, ==, "aaPbbbcc");
  g_free (text);
  g_assert_cmpuint (queue.queued_bytes, ==, 8);

  /* Across frame boundaries. */
  pulse_ws_queue_consume (&queue, 4);
  text = queued_text (&queue);
  g_assert_cmpstr (text, ==, "bbcc");
  g_free (text);

  /* Only the half-written frame survives a discard. */
  pulse_ws_queue_discard_unstarted (&queue);
  text = queued_text (&queue);
  g_assert_cmpstr (text, ==, "bb");
  g_free (text);
  g_assert_cmpuint (queue.queued_bytes, ==, 2);

  pulse_ws_queue_consume (&queue, 2);
  g_assert_true (g_queue_is_empty (&queue.frames));
  pulse_ws_queue_push_control (&queue, ping);
  pulse_ws_queue_discard_unstarted (&queue);
  g_assert_cmpuint (queue.queued_bytes, ==, 0);
  pulse_ws_queue_clear (&queue);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/ws-frame/encode-lengths", test_encode_lengths);
  g_test_add_func ("/pulse/server/ws-frame/encode-close", test_encode_close);
  g_test_add_func ("/pulse/server/ws-frame/parse-masked", test_parse_masked);
  g_test_add_func ("/pulse/server/ws-frame/parse-16-bit-length", test_parse_16_bit_length);
  g_test_add_func ("/pulse/server/ws-frame/parse-refuses", test_parse_refuses);
  g_test_add_func ("/pulse/server/ws-frame/queue", test_queue);

  return g_test_run ();
}
