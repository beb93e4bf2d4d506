/* pulse-test-fault-proxy.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each accepted connection is a link to a new upstream connection, with
 * one pump per direction: read a chunk, roll the dice, forward it (or
 * not), read the next. A pump reads again only once its chunk is out, so
 * a delay holds back what follows and order is kept. A stalled link
 * still reads, to notice a side closing, but forwards nothing.
 */

#include "config.h"

#include <sys/socket.h>

#include "pulse-test-fault-proxy.h"

#define CHUNK_SIZE   16384
#define MAX_DELAY_MS 400

typedef struct _Link Link;

typedef struct
{
  Link          *link;
  GInputStream  *in;
  GOutputStream *out;
  guint8         buf[CHUNK_SIZE];
  gsize          len;
  gboolean       close_after;   /* a truncated chunk: close once written */
  gboolean       ended;         /* its side ended: the other side was told */
  GSocketConnection *to;
} Pump;

struct _Link
{
  PulseTestFaultProxy *proxy;
  GSocketConnection   *down;    /* the console's side */
  GSocketConnection   *up;      /* the server's side */
  GCancellable        *cancellable;
  Pump                 pumps[2];  /* 0: down to up, 1: up to down */
  guint                refs;
  gboolean             closed;
  gboolean             stalled;
};

struct _PulseTestFaultProxy
{
  GSocketService *service;
  guint           port;
  guint           upstream_port;
  GRand          *rand;
  double          rate;
  int             next_fault;   /* for the next chunk from the console, or -1 */
  guint           faults[PULSE_TEST_N_FAULTS];
  guint           n_links;
  GPtrArray      *open;       /* Link, not owned */
};

/* Out of 100: mostly what a flaky network does, stalls seldom since each
 * costs a timeout. */
static const guint weights[PULSE_TEST_N_FAULTS] = { 30, 27, 20, 18, 5 };

static const char * const names[PULSE_TEST_N_FAULTS] = {
  "drop", "delay", "truncate", "reset", "stall",
};

static void pump_read (Pump *pump);

static Link *
link_ref (Link *link)
{
  link->refs++;
  return link;
}

static void
link_unref (Link *link)
{
  if (--link->refs > 0)
    return;

  g_clear_object (&link->down);
  g_clear_object (&link->up);
  g_clear_object (&link->cancellable);
  g_free (link);
}

static void
close_socket (GSocketConnection *conn,
              gboolean           reset)
{
  GSocket *socket;

  if (conn == NULL)
    return;

  socket = g_socket_connection_get_socket (conn);
  if (reset)
    {
      struct linger linger = { 1, 0 };

      /* Closing with a zero linger time sends RST instead of FIN. */
      setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
    }
  g_socket_close (socket, NULL);
}

/* Both sides at once: a proxy that dies takes both connections along. */
static void
link_close (Link     *link,
            gboolean  reset)
{
  if (link->closed)
    return;

  link->closed = TRUE;
  g_cancellable_cancel (link->cancellable);
  close_socket (link->down, reset);
  close_socket (link->up, reset);
  g_ptr_array_remove_fast (link->proxy->open, link);
}

static int
pick_fault (PulseTestFaultProxy *self)
{
  guint roll, total;

  if (self->rate <= 0 || g_rand_double (self->rand) >= self->rate)
    return -1;

  /* Each kind once first, so even a short run has met them all. */
  total = pulse_test_fault_proxy_get_n_faults (self, -1);
  if (total < PULSE_TEST_N_FAULTS)
    return total;

  roll = g_rand_int_range (self->rand, 0, 100);
  for (int kind = 0; kind < PULSE_TEST_N_FAULTS; kind++)
    {
      if (roll < weights[kind])
        return kind;
      roll -= weights[kind];
    }
  g_assert_not_reached ();
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Pump *pump = user_data;
  Link *link = pump->link;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    link_close (link, FALSE);
  else if (pump->close_after)
    link_close (link, FALSE);
  else if (!link->closed)
    pump_read (pump);

  link_unref (link);
}

static void
pump_write (Pump  *pump,
            gsize  len)
{
  link_ref (pump->link);
  g_output_stream_write_all_async (pump->out, pump->buf, len, G_PRIORITY_DEFAULT,
                                   pump->link->cancellable, on_written_cb, pump);
}

static gboolean
on_delay_done_cb (gpointer user_data)
{
  Pump *pump = user_data;

  if (!pump->link->closed)
    pump_write (pump, pump->len);
  link_unref (pump->link);
  return G_SOURCE_REMOVE;
}

/* What happens to a chunk read; the pump goes on unless it closed. */
static void
forward (Pump *pump)
{
  Link *link = pump->link;
  PulseTestFaultProxy *self = link->proxy;
  int kind = link->stalled ? -1 : pick_fault (self);

  if (pump == &link->pumps[0] && self->next_fault >= 0 && !link->stalled)
    {
      kind = self->next_fault;
      self->next_fault = -1;
    }

  if (kind >= 0)
    self->faults[kind]++;

  switch (kind)
    {
    case -1:
      if (link->stalled)
        pump_read (pump);
      else
        pump_write (pump, pump->len);
      break;
    case PULSE_TEST_FAULT_DROP:
    case PULSE_TEST_FAULT_RESET:
      link_close (link, kind == PULSE_TEST_FAULT_RESET);
      break;
    case PULSE_TEST_FAULT_TRUNCATE:
      pump->close_after = TRUE;
      pump_write (pump, pump->len > 1 ? g_rand_int_range (self->rand, 1, pump->len) : 1);
      break;
    case PULSE_TEST_FAULT_DELAY:
      link_ref (link);
      g_timeout_add (g_rand_int_range (self->rand, 1, MAX_DELAY_MS + 1), on_delay_done_cb, pump);
      break;
    case PULSE_TEST_FAULT_STALL:
      link->stalled = TRUE;
      pump_read (pump);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pump *pump = user_data;
  Link *link = pump->link;
  g_autoptr(GError) error = NULL;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);

  /* An error on one side ends both, as a real hop would. An end is
   * passed on as one (a server that closes after its answer must not
   * lose the answer's last bytes); both ended, the link closes. */
  if (n < 0 || link->closed)
    link_close (link, FALSE);
  else if (n == 0)
    {
      pump->ended = TRUE;
      g_socket_shutdown (g_socket_connection_get_socket (pump->to), FALSE, TRUE, NULL);
      if (link->pumps[0].ended && link->pumps[1].ended)
        link_close (link, FALSE);
    }
  else
    {
      pump->len = (gsize) n;
      forward (pump);
    }

  link_unref (link);
}

static void
pump_read (Pump *pump)
{
  link_ref (pump->link);
  g_input_stream_read_async (pump->in, pump->buf, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                             pump->link->cancellable, on_read_cb, pump);
}

static void
pump_init (Pump              *pump,
           Link              *link,
           GSocketConnection *from,
           GSocketConnection *to)
{
  pump->link = link;
  pump->in = g_io_stream_get_input_stream (G_IO_STREAM (from));
  pump->out = g_io_stream_get_output_stream (G_IO_STREAM (to));
  pump->to = to;
}

/* A plain blocking connect: on loopback it is done at once, refused or
 * not (GSocketClient would log every step at debug level). */
static GSocketConnection *
connect_upstream (guint port)
{
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", port);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);

  if (socket == NULL || !g_socket_connect (socket, address, NULL, NULL))
    return NULL;

  return g_socket_connection_factory_create_connection (socket);
}

static gboolean
on_incoming_cb (GSocketService    *service,
                GSocketConnection *connection,
                GObject           *source,
                gpointer           user_data)
{
  PulseTestFaultProxy *self = user_data;
  Link *link = g_new0 (Link, 1);

  link->proxy = self;
  link->refs = 1;
  link->down = g_object_ref (connection);
  link->cancellable = g_cancellable_new ();
  g_ptr_array_add (self->open, link);
  self->n_links++;

  link->up = connect_upstream (self->upstream_port);
  if (link->up == NULL)
    link_close (link, FALSE);
  else
    {
      pump_init (&link->pumps[0], link, link->down, link->up);
      pump_init (&link->pumps[1], link, link->up, link->down);
      pump_read (&link->pumps[0]);
      pump_read (&link->pumps[1]);
    }

  link_unref (link);
  return TRUE;
}

/**
 * pulse_test_fault_proxy_new:
 * @upstream_port: the server's port on 127.0.0.1
 * @seed: the seed of every fault's choice
 *
 * Returns: (transfer full): a proxy listening on a free port of
 *   127.0.0.1, forwarding without faults until
 *   pulse_test_fault_proxy_set_rate().
 */
PulseTestFaultProxy *
pulse_test_fault_proxy_new (guint   upstream_port,
                            guint32 seed)
{
  PulseTestFaultProxy *self = g_new0 (PulseTestFaultProxy, 1);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  self->upstream_port = upstream_port;
  self->next_fault = -1;
  self->rand = g_rand_new_with_seed (seed);
  self->open = g_ptr_array_new ();
  self->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), any, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (self->service, "incoming", G_CALLBACK (on_incoming_cb), self);
  g_socket_service_start (self->service);
  return self;
}

/* Closes every link and waits until their callbacks are done. */
void
pulse_test_fault_proxy_free (PulseTestFaultProxy *self)
{
  if (self == NULL)
    return;

  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  while (self->open->len > 0)
    link_close (self->open->pdata[0], FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&self->service);
  g_ptr_array_unref (self->open);
  g_rand_free (self->rand);
  g_free (self);
}

guint
pulse_test_fault_proxy_get_port (PulseTestFaultProxy *self)
{
  return self->port;
}

/**
 * pulse_test_fault_proxy_dup_url:
 *
 * Returns: (transfer full): "http://127.0.0.1:PORT", the proxy's address.
 */
char *
pulse_test_fault_proxy_dup_url (PulseTestFaultProxy *self)
{
  return g_strdup_printf ("http://127.0.0.1:%u", self->port);
}

/**
 * pulse_test_fault_proxy_set_rate:
 * @per_chunk: the chance of a fault at each chunk read, 0 for none
 *
 * Links already stalled stay stalled until a side closes them.
 */
void
pulse_test_fault_proxy_set_rate (PulseTestFaultProxy *self,
                                 double               per_chunk)
{
  self->rate = per_chunk;
}

/**
 * pulse_test_fault_proxy_fault_next:
 * @kind: a #PulseTestFaultKind
 *
 * The next chunk the console sends, on any connection, meets @kind: a
 * fault at a point the test chooses.
 */
void
pulse_test_fault_proxy_fault_next (PulseTestFaultProxy *self,
                                   PulseTestFaultKind   kind)
{
  self->next_fault = kind;
}

/**
 * pulse_test_fault_proxy_get_n_faults:
 * @kind: a #PulseTestFaultKind, or -1 for all
 *
 * Returns: how many faults of @kind were injected.
 */
guint
pulse_test_fault_proxy_get_n_faults (PulseTestFaultProxy *self,
                                     int                  kind)
{
  guint n = 0;

  if (kind >= 0)
    return self->faults[kind];

  for (guint i = 0; i < PULSE_TEST_N_FAULTS; i++)
    n += self->faults[i];
  return n;
}

/* Connections accepted so far. */
guint
pulse_test_fault_proxy_get_n_links (PulseTestFaultProxy *self)
{
  return self->n_links;
}

/* Connections still open. */
guint
pulse_test_fault_proxy_get_n_open (PulseTestFaultProxy *self)
{
  return self->open->len;
}

const char *
pulse_test_fault_kind_name (PulseTestFaultKind kind)
{
  g_return_val_if_fail (kind < PULSE_TEST_N_FAULTS, NULL);
  return names[kind];
}
