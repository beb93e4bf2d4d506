/* pulse-types.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared enums and forward declarations of the domain. Every enum is
 * registered as a GEnum by gnome.mkenums_simple; the value's nick is its
 * wire spelling ("in-app", "after-call"), so codecs and the protocol never
 * keep a second table of names.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PulseAgent          PulseAgent;
typedef struct _PulseAuditEntry     PulseAuditEntry;
typedef struct _PulseChannel        PulseChannel;
typedef struct _PulseForecastInterval PulseForecastInterval;
typedef struct _PulseMentorship     PulseMentorship;
typedef struct _PulseMessage        PulseMessage;
typedef struct _PulseQueue          PulseQueue;
typedef struct _PulseRating         PulseRating;
typedef struct _PulseReviewSample   PulseReviewSample;
typedef struct _PulseRule           PulseRule;
typedef struct _PulseScorecard      PulseScorecard;
typedef struct _PulseShift          PulseShift;
typedef struct _PulseTeam           PulseTeam;
typedef struct _PulseTemplate       PulseTemplate;
typedef struct _PulseTicket         PulseTicket;

/**
 * PulseChannelKind:
 *
 * How a customer reaches support. The nick is the wire value.
 */
typedef enum
{
  PULSE_CHANNEL_KIND_EMAIL,
  PULSE_CHANNEL_KIND_CHAT,
  PULSE_CHANNEL_KIND_TELEGRAM,
  PULSE_CHANNEL_KIND_VIBER,
  PULSE_CHANNEL_KIND_WHATSAPP,
  PULSE_CHANNEL_KIND_PHONE,
  PULSE_CHANNEL_KIND_SOCIAL,
  PULSE_CHANNEL_KIND_IN_APP,
} PulseChannelKind;

/**
 * PulseAgentStatus:
 *
 * What an agent is doing now, as the helpdesk reports it.
 */
typedef enum
{
  PULSE_AGENT_STATUS_OFFLINE,
  PULSE_AGENT_STATUS_AVAILABLE,
  PULSE_AGENT_STATUS_BUSY,
  PULSE_AGENT_STATUS_AFTER_CALL,
  PULSE_AGENT_STATUS_BREAK,
  PULSE_AGENT_STATUS_AWAY,
} PulseAgentStatus;

typedef enum
{
  PULSE_TICKET_STATUS_NEW,
  PULSE_TICKET_STATUS_OPEN,
  PULSE_TICKET_STATUS_PENDING,
  PULSE_TICKET_STATUS_RESOLVED,
  PULSE_TICKET_STATUS_CLOSED,
  PULSE_TICKET_STATUS_ABANDONED,
} PulseTicketStatus;

typedef enum
{
  PULSE_PRIORITY_LOW,
  PULSE_PRIORITY_NORMAL,
  PULSE_PRIORITY_HIGH,
  PULSE_PRIORITY_URGENT,
} PulsePriority;

/**
 * PulseAuthorKind:
 *
 * Who wrote a message. Only %PULSE_AUTHOR_KIND_AGENT counts as a human
 * reply for first response time (DESIGN.md, Definitions).
 */
typedef enum
{
  PULSE_AUTHOR_KIND_CUSTOMER,
  PULSE_AUTHOR_KIND_AGENT,
  PULSE_AUTHOR_KIND_BOT,
  PULSE_AUTHOR_KIND_RULE,
  PULSE_AUTHOR_KIND_SYSTEM,
} PulseAuthorKind;

typedef enum
{
  PULSE_RATING_KIND_CSAT,
  PULSE_RATING_KIND_NPS,
  PULSE_RATING_KIND_CES,
} PulseRatingKind;

typedef enum
{
  PULSE_ROLE_VIEWER,
  PULSE_ROLE_HEAD,
  PULSE_ROLE_LEAD,
  PULSE_ROLE_QA,
  PULSE_ROLE_PLANNER,
  PULSE_ROLE_INTEGRATION,
} PulseRole;

typedef enum
{
  PULSE_SHIFT_KIND_WORK,
  PULSE_SHIFT_KIND_ABSENCE,
  PULSE_SHIFT_KIND_TRAINING,
} PulseShiftKind;

typedef enum
{
  PULSE_MATCH_MODE_WHOLE_WORD,
  PULSE_MATCH_MODE_PHRASE,
  PULSE_MATCH_MODE_PREFIX,
} PulseMatchMode;

typedef enum
{
  PULSE_MATCH_FIELD_ANY,
  PULSE_MATCH_FIELD_SUBJECT,
  PULSE_MATCH_FIELD_BODY,
} PulseMatchField;

typedef enum
{
  PULSE_RULE_ACTION_KIND_AUTO_REPLY,
  PULSE_RULE_ACTION_KIND_TAG,
  PULSE_RULE_ACTION_KIND_ROUTE,
  PULSE_RULE_ACTION_KIND_ASSIGN,
  PULSE_RULE_ACTION_KIND_PRIORITY,
  PULSE_RULE_ACTION_KIND_CLOSE,
} PulseRuleActionKind;

typedef enum
{
  PULSE_SAMPLE_REASON_RANDOM,
  PULSE_SAMPLE_REASON_NEWCOMER,
  PULSE_SAMPLE_REASON_NEGATIVE_RATING,
  PULSE_SAMPLE_REASON_CALIBRATION,
  PULSE_SAMPLE_REASON_MANUAL,
} PulseSampleReason;

typedef enum
{
  PULSE_REVIEW_STATUS_PENDING,
  PULSE_REVIEW_STATUS_DRAFT,
  PULSE_REVIEW_STATUS_SUBMITTED,
} PulseReviewStatus;

typedef enum
{
  PULSE_CRITERION_RESULT_PASS,
  PULSE_CRITERION_RESULT_FAIL,
  PULSE_CRITERION_RESULT_NOT_APPLICABLE,
} PulseCriterionResult;

/* Why a lead is asked to follow an agent up (pulse-followup.c). */
typedef enum
{
  PULSE_FOLLOWUP_REASON_FAILED_CRITERION,
  PULSE_FOLLOWUP_REASON_LOW_RATING,
} PulseFollowupReason;

typedef enum
{
  PULSE_FOLLOWUP_STATUS_OPEN,
  PULSE_FOLLOWUP_STATUS_DONE,
} PulseFollowupStatus;

typedef enum
{
  PULSE_MENTORSHIP_STATUS_PLANNED,
  PULSE_MENTORSHIP_STATUS_ACTIVE,
  PULSE_MENTORSHIP_STATUS_PASSED,
  PULSE_MENTORSHIP_STATUS_FAILED,
  PULSE_MENTORSHIP_STATUS_CANCELLED,
} PulseMentorshipStatus;

/* The decision after the final test; "none" until it is taken. */
typedef enum
{
  PULSE_MENTORSHIP_DECISION_NONE,
  PULSE_MENTORSHIP_DECISION_PASS,
  PULSE_MENTORSHIP_DECISION_EXTEND,
  PULSE_MENTORSHIP_DECISION_FAIL,
} PulseMentorshipDecision;

typedef enum
{
  PULSE_AUDIT_ACTION_CREATE,
  PULSE_AUDIT_ACTION_UPDATE,
  PULSE_AUDIT_ACTION_DELETE,
} PulseAuditAction;

/**
 * PulseAgentPosition:
 *
 * An agent's place in the team: a line agent, a team lead or the head of
 * support. The nick is the wire value.
 */
typedef enum
{
  PULSE_AGENT_POSITION_AGENT,
  PULSE_AGENT_POSITION_LEAD,
  PULSE_AGENT_POSITION_HEAD,
} PulseAgentPosition;

/**
 * PulseConnectionState:
 *
 * How current the console's copy of the helpdesk is. Lives in core so the
 * session can expose it and the UI's state functions can be tested without
 * a network.
 */
typedef enum
{
  PULSE_CONNECTION_STATE_DISCONNECTED,
  PULSE_CONNECTION_STATE_CONNECTING,
  PULSE_CONNECTION_STATE_LIVE,
  PULSE_CONNECTION_STATE_RECONNECTING,
  PULSE_CONNECTION_STATE_OFFLINE,
  PULSE_CONNECTION_STATE_UNAUTHORIZED,
  PULSE_CONNECTION_STATE_INCOMPATIBLE,
} PulseConnectionState;

G_END_DECLS
