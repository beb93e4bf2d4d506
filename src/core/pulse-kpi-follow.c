/* pulse-kpi-follow.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each customer's contacts in time order. A contact is "repeated" when the
 * customer's next contact comes within 7 days, so adding or taking out a
 * contact changes only its predecessor's flag, and may move the customer's
 * first contact in the window (the one FCR is measured on). Only those
 * neighbours are taken out and put back, never the customer's whole
 * history.
 */

#include "config.h"

#include <string.h>

#include "pulse-kpi-private.h"

/* Time order; the id breaks ties so the order is total. */
static int
compare_entries (const PulseKpiEntry *a,
                 const PulseKpiEntry *b)
{
  if (a->created_at != b->created_at)
    return a->created_at < b->created_at ? -1 : 1;

  return strcmp (a->id, b->id);
}

/* The first position whose entry does not sort before @entry. */
static guint
lower_bound (GPtrArray     *entries,
             PulseKpiEntry *entry)
{
  guint lo = 0;
  guint hi = entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_entries (g_ptr_array_index (entries, mid), entry) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
index_of (PulseKpiCustomer *customer,
          PulseKpiEntry    *entry)
{
  guint index = lower_bound (customer->entries, entry);

  g_assert_cmpuint (index, <, customer->entries->len);
  g_assert_true (g_ptr_array_index (customer->entries, index) == entry);
  return index;
}

/* The customer's earliest contact in [from, to), or NULL. */
static PulseKpiEntry *
first_in_window (PulseKpi         *self,
                 PulseKpiCustomer *customer)
{
  GPtrArray *entries = customer->entries;
  guint lo = 0;
  guint hi = entries->len;
  PulseKpiEntry *entry;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      PulseKpiEntry *candidate = g_ptr_array_index (entries, mid);

      if (candidate->created_at < self->from)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == entries->len)
    return NULL;

  entry = g_ptr_array_index (entries, lo);
  return entry->in_window ? entry : NULL;
}

static void
update_flags (PulseKpi      *self,
              PulseKpiEntry *entry)
{
  PulseKpiCustomer *customer = entry->customer;
  guint index = index_of (customer, entry);
  PulseKpiEntry *next = NULL;

  if (index + 1 < customer->entries->len)
    next = g_ptr_array_index (customer->entries, index + 1);

  entry->repeated = next != NULL
                    && next->created_at - entry->created_at <= PULSE_KPI_FOLLOW_UP_USEC;
  entry->first = first_in_window (self, customer) == entry;
}

static void
customer_free (gpointer data)
{
  PulseKpiCustomer *customer = data;

  g_free (customer->id);
  g_ptr_array_unref (customer->entries);
  g_free (customer);
}

void
_pulse_kpi_customer_free (PulseKpiCustomer *customer)
{
  customer_free (customer);
}

static PulseKpiCustomer *
ensure_customer (PulseKpi   *self,
                 const char *customer_id)
{
  PulseKpiCustomer *customer = g_hash_table_lookup (self->customers, customer_id);

  if (customer != NULL)
    return customer;

  customer = g_new0 (PulseKpiCustomer, 1);
  customer->id = g_strdup (customer_id);
  customer->entries = g_ptr_array_new ();
  g_hash_table_insert (self->customers, customer->id, customer);
  return customer;
}

/* Takes the follow-up contributions of @a and @b (either may be NULL or
 * the same) out before a change, or puts them back after it. */
static void
apply_pair (PulseKpi      *self,
            PulseKpiEntry *a,
            PulseKpiEntry *b,
            int            sign)
{
  if (b == a)
    b = NULL;

  for (guint i = 0; i < 2; i++)
    {
      PulseKpiEntry *entry = i == 0 ? a : b;

      if (entry == NULL)
        continue;
      if (sign > 0)
        update_flags (self, entry);
      _pulse_kpi_apply_follow_up (self, entry, sign);
    }
}

/**
 * _pulse_kpi_follow_insert:
 * @entry: a contact not yet attached to any bucket
 * @customer_id: (nullable): its customer
 *
 * Puts @entry in its customer's history and sets its flags; the caller
 * attaches it afterwards.
 */
void
_pulse_kpi_follow_insert (PulseKpi      *self,
                          PulseKpiEntry *entry,
                          const char    *customer_id)
{
  PulseKpiCustomer *customer;
  PulseKpiEntry *previous = NULL;
  PulseKpiEntry *old_first;
  guint index;

  g_assert_false (entry->attached);
  if (customer_id == NULL)
    return;

  customer = ensure_customer (self, customer_id);
  entry->customer = customer;
  index = lower_bound (customer->entries, entry);
  if (index > 0)
    previous = g_ptr_array_index (customer->entries, index - 1);
  old_first = first_in_window (self, customer);

  apply_pair (self, previous, old_first, -1);
  g_ptr_array_insert (customer->entries, index, entry);
  apply_pair (self, previous, old_first, +1);
  update_flags (self, entry);
}

/**
 * _pulse_kpi_follow_remove:
 * @entry: a contact already detached from its buckets
 *
 * Takes @entry out of its customer's history, and the customer out when
 * it was the last contact.
 */
void
_pulse_kpi_follow_remove (PulseKpi      *self,
                          PulseKpiEntry *entry)
{
  PulseKpiCustomer *customer = entry->customer;
  PulseKpiEntry *previous = NULL;
  PulseKpiEntry *next_first = NULL;
  guint index;

  g_assert_false (entry->attached);
  if (customer == NULL)
    return;

  index = index_of (customer, entry);
  if (index > 0)
    previous = g_ptr_array_index (customer->entries, index - 1);
  if (entry->first && index + 1 < customer->entries->len)
    {
      PulseKpiEntry *next = g_ptr_array_index (customer->entries, index + 1);

      if (next->in_window)
        next_first = next;
    }

  apply_pair (self, previous, next_first, -1);
  g_ptr_array_remove_index (customer->entries, index);
  apply_pair (self, previous, next_first, +1);

  entry->customer = NULL;
  if (customer->entries->len == 0)
    g_hash_table_remove (self->customers, customer->id);
}
