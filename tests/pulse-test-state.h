/* pulse-test-state.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the PulseState tests share: a hand-written snapshot and helpers
 * that apply events and check what they did. Documents are written with
 * ' for " to stay readable; no text in them holds an apostrophe.
 */

#pragma once

#include "pulse-state.h"

G_BEGIN_DECLS

#define M1 "{'id':'m-1','author_kind':'customer','at':'2026-11-20T09:30:00Z','body':'Hi'}"
#define M2 "{'id':'m-2','author_kind':'agent','author_id':'agent-7'," \
           "'at':'2026-11-20T09:31:00Z','body':'Hello'}"

/* t-1 is open with two messages, t-2 open and later, t-0 closed a day
 * before; the snapshot lists them out of order on purpose. */
#define T0 "{'id':'t-0','version':2,'queue_id':'q-ua-chat','channel':'email','subject':'Old'," \
           "'customer_id':'cust-1','status':'closed','priority':'normal','tags':[]," \
           "'created_at':'2026-11-19T08:00:00Z','updated_at':'2026-11-19T09:00:00Z'," \
           "'messages':[],'ratings':[]}"
#define T1 "{'id':'t-1','version':3,'queue_id':'q-ua-chat','channel':'chat'," \
           "'subject':'Card blocked','customer_id':'cust-42','status':'open'," \
           "'priority':'normal','assignee_id':'agent-7','tags':['cards']," \
           "'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T09:31:00Z'," \
           "'messages':[" M1 "," M2 "],'ratings':[]}"
#define T2 "{'id':'t-2','version':1,'queue_id':'q-es-mail','channel':'email','subject':'Loan'," \
           "'customer_id':'cust-7','status':'new','priority':'high','tags':[]," \
           "'created_at':'2026-11-20T09:40:00Z','updated_at':'2026-11-20T09:45:00Z'," \
           "'messages':[],'ratings':[]}"

#define QUEUE_UA "{'id':'q-ua-chat','version':1,'name':'Ukraine chat','channel':'chat'," \
                 "'country':'UA','language':'uk','sl_target_seconds':20,'sl_goal':0.8}"
#define QUEUE_ES "{'id':'q-es-mail','version':1,'name':'Spain mail','channel':'email'," \
                 "'country':'ES','language':'es','sl_target_seconds':3600,'sl_goal':1.0}"
#define TEAM "{'id':'team-ua','version':1,'name':'Kyiv desk'}"
#define AGENT "{'id':'agent-7','version':2,'name':'Olena K.','position':'agent'," \
              "'status':'offline','status_since':'2026-11-20T08:00:00Z','channels':[]," \
              "'languages':[]}"
#define CHANNEL "{'id':'ch-chat','version':1,'kind':'chat','name':'Chat','realtime':true," \
                "'sl_target_seconds':20,'enabled':true}"

/* One managed item of each kind, at version 1. */
#define RULE "{'id':'r-1','version':1,'name':'N','position':0,'enabled':false,'phrases':[]," \
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]}"
#define TEMPLATE "{'id':'tpl-1','version':1,'name':'N','language':'en','channels':[]," \
                 "'body':'Hello','variables':[],'disclosure':true}"
#define SCORECARD "{'id':'sc-1','version':1,'name':'N','sections':[{'name':'S','criteria':[" \
                  "{'id':'c','name':'C','weight':100.0,'critical':false}]}]}"
#define MENTORSHIP "{'id':'mt-1','version':1,'mentor_id':'a','newcomer_id':'b'," \
                   "'status':'planned','started_at':'2026-09-01T06:00:00Z','plan':[]}"
#define SHIFT "{'id':'sh-1','version':1,'agent_id':'a','kind':'absence'," \
              "'starts_at':'2026-11-23T00:00:00Z','ends_at':'2026-11-28T00:00:00Z','breaks':[]}"
#define REVIEW "{'id':'rv-1','version':1,'ticket_id':'t','message_id':'m','agent_id':'a'," \
               "'scorecard_id':'s','scorecard_version':1,'reason':'random','status':'pending'," \
               "'grades':[],'created_at':'2026-11-20T09:30:00Z'}"

#define SNAPSHOT "{'seq':%" G_GINT64_FORMAT ",'queues':[" QUEUE_UA "," QUEUE_ES "]," \
                 "'teams':[" TEAM "],'agents':[" AGENT "],'channels':[" CHANNEL "]," \
                 "'tickets':[" T2 "," T1 "," T0 "]," \
                 "'applications':[{'date':'2026-11-20','country':'UA','count':120}," \
                 "{'date':'2026-11-20','country':'KZ','count':40}]," \
                 "'rules':[],'templates':[],'scorecards':[],'mentorships':[],'shifts':[]," \
                 "'reviews':[],'comment':'unknown members are ignored'}"

/* Test helpers, short names: only the state tests link them. */
JsonNode   *parse_q          (const char       *text);
void        assert_json      (JsonNode         *actual,
                              const char       *expected_q);
PulseState *new_state        (gint64            seq);
char       *event_text       (gint64            seq,
                              const char       *type,
                              const char       *data_q);
void        apply_ok         (PulseState       *state,
                              const char       *type,
                              const char       *data_q,
                              PulseStateKind    kind,
                              PulseStateAction  action,
                              const char       *id);
void        apply_fails      (PulseState       *state,
                              const char       *event_q,
                              int               code,
                              const char       *part);
void        apply_data_fails (PulseState       *state,
                              const char       *type,
                              const char       *data_q,
                              int               code,
                              const char       *part);
void        assert_ids       (JsonNode         *dump,
                              const char       *member,
                              const char       *ids);
char       *at_version       (const char       *item_q,
                              int               version);
char       *message_data     (int               version,
                              const char       *updated_at,
                              const char       *id,
                              const char       *at);

G_END_DECLS
