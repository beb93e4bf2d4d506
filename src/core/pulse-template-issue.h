/* pulse-template-issue.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PulseTemplateIssueKind:
 * @PULSE_TEMPLATE_ISSUE_UNCLOSED: a `{{` with no `}}` after it
 * @PULSE_TEMPLATE_ISSUE_BAD_NAME: `{{…}}` around something that is not a
 *   variable name (`{{First Name}}`, `{{}}`)
 * @PULSE_TEMPLATE_ISSUE_UNKNOWN_VARIABLE: a well-formed name that is not
 *   in the documented list
 * @PULSE_TEMPLATE_ISSUE_MISSING_VALUE: rendering with real data that has
 *   no value for a variable the body uses
 * @PULSE_TEMPLATE_ISSUE_MISSING_LANGUAGE: the template's family has no
 *   version in one of the languages it should cover
 * @PULSE_TEMPLATE_ISSUE_TOO_LONG: the reply as sent is longer than a
 *   messenger channel takes
 * @PULSE_TEMPLATE_ISSUE_DEAD_LINK: a link that will not open, or not
 *   safely
 *
 * What is wrong with a template.
 */
typedef enum
{
  PULSE_TEMPLATE_ISSUE_UNCLOSED = 1,
  PULSE_TEMPLATE_ISSUE_BAD_NAME,
  PULSE_TEMPLATE_ISSUE_UNKNOWN_VARIABLE,
  PULSE_TEMPLATE_ISSUE_MISSING_VALUE,
  PULSE_TEMPLATE_ISSUE_MISSING_LANGUAGE,
  PULSE_TEMPLATE_ISSUE_TOO_LONG,
  PULSE_TEMPLATE_ISSUE_DEAD_LINK,
} PulseTemplateIssueKind;

/**
 * PulseTemplateLinkFault:
 * @PULSE_TEMPLATE_LINK_INSECURE: `http://`: the client's browser warns,
 *   and payment data must not travel in clear
 * @PULSE_TEMPLATE_LINK_NO_SCHEME: `www.…` without `https://`: many
 *   messengers do not make it a link
 * @PULSE_TEMPLATE_LINK_MALFORMED: a misspelt scheme (`htps://`,
 *   `https:/`) or a host that cannot exist (`https://example`,
 *   `https://pay..com`)
 *
 * Why a link is flagged (#PulseTemplateIssue.detail of a dead link).
 */
typedef enum
{
  PULSE_TEMPLATE_LINK_INSECURE = 1,
  PULSE_TEMPLATE_LINK_NO_SCHEME,
  PULSE_TEMPLATE_LINK_MALFORMED,
} PulseTemplateLinkFault;

/**
 * PulseTemplateIssue:
 * @kind: what is wrong
 * @start: where in the body it is, in bytes (@start == @end when the
 *   issue is about no one place)
 * @end: the end of that place (excluded)
 * @subject: (nullable): the name, language or link at fault
 * @detail: a #PulseTemplateLinkFault for a dead link; the length in
 *   characters for a reply that is too long; else 0
 * @message: the issue in a sentence, in English (logs, the server)
 *
 * One problem found in a template by pulse_template_parse() or
 * pulse_template_lint().
 */
typedef struct
{
  PulseTemplateIssueKind  kind;
  guint                   start;
  guint                   end;
  char                   *subject;
  guint                   detail;
  char                   *message;
} PulseTemplateIssue;

PulseTemplateIssue *pulse_template_issue_new   (PulseTemplateIssueKind  kind,
                                                guint                   start,
                                                guint                   end,
                                                const char             *subject,
                                                guint                   detail,
                                                const char             *format,
                                                ...) G_GNUC_PRINTF (6, 7);
void                pulse_template_issue_free  (PulseTemplateIssue     *issue);
GPtrArray          *pulse_template_issues_new  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTemplateIssue, pulse_template_issue_free)

G_END_DECLS
