/* pulse-kpi-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of #PulseKpi: pulse-kpi.c (the object, its lookups
 * and queries), pulse-kpi-bucket.c (the aggregates of one group) and
 * pulse-kpi-follow.c (each customer's contacts in time order, which FCR
 * and the repeat-contact rate are measured on).
 */

#pragma once

#include "pulse-kpi.h"
#include "pulse-sorted-bag.h"

G_BEGIN_DECLS

/* QA scores are summed in ten-thousandths of a point: integers, so taking
 * a review out leaves exactly the sum of the others. */
#define PULSE_KPI_QA_SCALE 10000

/* How a contact counts towards the service level. */
typedef enum
{
  PULSE_KPI_SL_NONE,     /* left out: automated, no target, closed unanswered */
  PULSE_KPI_SL_MET,      /* first human reply within the target */
  PULSE_KPI_SL_MISSED,   /* answered late, or abandoned */
  PULSE_KPI_SL_WAITING,  /* not answered yet: missed once its deadline passes */
} PulseKpiSlClass;

/* The aggregates of one group (or of the total). Every figure is a count
 * or an integer sum, or a sorted bag of integers, so adding and taking
 * out a contact in any order leaves the same state as adding only the
 * rest. Bags are made on first use. */
typedef struct
{
  char           *key;
  guint           refs;
  gint64          contacts;
  gint64          abandoned;
  gint64          automated;
  PulseSortedBag *first_responses;    /* µs from creation to first human reply */
  PulseSortedBag *handle_times;       /* seconds, of contacts with a handle time */
  gint64          handle_sum;         /* … their sum */
  gint64          sl_met;
  gint64          sl_missed;
  PulseSortedBag *sl_deadlines;       /* waiting contacts: created_at + target */
  gint64          csat_ratings;
  gint64          csat_satisfied;
  gint64          nps_ratings;
  gint64          nps_promoters;
  gint64          nps_detractors;
  gint64          ces_ratings;
  gint64          ces_sum;
  PulseSortedBag *contact_times;      /* created_at of contacts with a customer */
  PulseSortedBag *repeat_times;       /* … of those followed within 7 days */
  PulseSortedBag *first_times;        /* created_at of customers' first contacts */
  PulseSortedBag *first_repeat_times; /* … of those followed within 7 days */
  gint64          reviews;
  gint64          qa_sum;
} PulseKpiBucket;

typedef struct _PulseKpiCustomer PulseKpiCustomer;

/* One contact as added, with what it contributes now. */
typedef struct
{
  char             *id;             /* in the same block, after the struct */
  PulseKpiCustomer *customer;
  const char       *queue_id;       /* interned in PulseKpi.strings */
  const char       *assignee_id;    /* interned, nullable */
  PulseChannelKind  channel;
  PulseTicketStatus status;
  gint64            created_at;
  gint64            first_response; /* µs, or -1 without a human reply */
  gint32            handle_seconds; /* as counted: -1 when unknown or left out */
  gint64            sl_deadline;
  PulseKpiSlClass   sl_class;
  PulseKpiBucket   *bucket;         /* the group's, or NULL */
  gint8             csat;
  gint8             nps;
  gint8             ces;
  guint             automated : 1;
  guint             in_window : 1;
  guint             attached : 1;
  guint             repeated : 1;   /* the next contact came within 7 days */
  guint             first : 1;      /* the customer's first in the window */
} PulseKpiEntry;

struct _PulseKpiCustomer
{
  char      *id;
  GPtrArray *entries;               /* PulseKpiEntry, by (created_at, id) */
};

/* A submitted review with a score, in the window. */
typedef struct
{
  char           *id;
  char           *ticket_id;
  const char     *agent_id;         /* interned */
  gint64          score;            /* in 1/PULSE_KPI_QA_SCALE points */
  PulseKpiBucket *bucket;
} PulseKpiReview;

typedef struct
{
  const char *country;              /* interned, nullable */
  gint64      sl_target;            /* µs, or -1 when unknown */
} PulseKpiQueueInfo;

struct _PulseKpi
{
  GObject         parent_instance;

  PulseKpiGroup   group;
  gint64          from;
  gint64          to;
  GHashTable     *strings;          /* interned ids, owned */
  GHashTable     *queues;           /* queue id → PulseKpiQueueInfo */
  GHashTable     *teams;            /* agent id → team id, both interned */
  GHashTable     *applications;     /* group key → gint64 * */
  gint64          total_applications; /* -1 when unknown */
  GHashTable     *entries;          /* ticket id → PulseKpiEntry */
  GHashTable     *customers;        /* customer id → PulseKpiCustomer */
  GHashTable     *reviews;          /* sample id → PulseKpiReview */
  GHashTable     *reviews_by_ticket;/* ticket id → GPtrArray of PulseKpiReview */
  GHashTable     *buckets;          /* key → PulseKpiBucket */
  PulseKpiBucket *total;
  PulseKpiBucket *ungrouped;
};

PulseKpiBucket *_pulse_kpi_bucket_new              (const char      *key);
void            _pulse_kpi_bucket_free             (PulseKpiBucket  *bucket);
void            _pulse_kpi_bucket_apply_entry      (PulseKpiBucket  *bucket,
                                                    PulseKpiEntry   *entry,
                                                    int              sign);
void            _pulse_kpi_bucket_apply_follow_up  (PulseKpiBucket  *bucket,
                                                    PulseKpiEntry   *entry,
                                                    int              sign);
void            _pulse_kpi_bucket_apply_review     (PulseKpiBucket  *bucket,
                                                    PulseKpiReview  *review,
                                                    int              sign);
void            _pulse_kpi_bucket_summarize        (PulseKpiBucket  *bucket,
                                                    gint64           now,
                                                    gint64           applications,
                                                    PulseKpiSummary *summary);

void            _pulse_kpi_customer_free           (PulseKpiCustomer *customer);
void            _pulse_kpi_follow_insert           (PulseKpi         *self,
                                                    PulseKpiEntry    *entry,
                                                    const char       *customer_id);
void            _pulse_kpi_follow_remove           (PulseKpi         *self,
                                                    PulseKpiEntry    *entry);
void            _pulse_kpi_apply_follow_up         (PulseKpi         *self,
                                                    PulseKpiEntry    *entry,
                                                    int               sign);

gboolean        _pulse_kpi_contact_check           (const PulseKpiContact  *contact,
                                                    GError                **error);
PulseKpiEntry  *_pulse_kpi_entry_new               (PulseKpi              *self,
                                                    const PulseKpiContact *contact);
void            _pulse_kpi_entry_free              (gpointer          entry);
void            _pulse_kpi_entry_attach            (PulseKpi         *self,
                                                    PulseKpiEntry    *entry);
void            _pulse_kpi_entry_detach            (PulseKpi         *self,
                                                    PulseKpiEntry    *entry);
const char     *_pulse_kpi_entry_key               (PulseKpi         *self,
                                                    PulseKpiEntry    *entry);
PulseKpiBucket *_pulse_kpi_bucket_attach           (PulseKpi         *self,
                                                    const char       *key);
void            _pulse_kpi_bucket_detach           (PulseKpi         *self,
                                                    PulseKpiBucket   *bucket);
const char     *_pulse_kpi_intern                  (PulseKpi         *self,
                                                    const char       *string);

void            _pulse_kpi_review_free             (PulseKpiReview   *review);
void            _pulse_kpi_refresh_ticket_reviews  (PulseKpi         *self,
                                                    const char       *ticket_id);
void            _pulse_kpi_refresh_agent_reviews   (PulseKpi         *self,
                                                    const char       *agent_id);

G_END_DECLS
