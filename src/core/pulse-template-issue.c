/* pulse-template-issue.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-template-issue.h"

/**
 * pulse_template_issue_new:
 * @kind: what is wrong
 * @start: where, in bytes of the body
 * @end: the end of that place
 * @subject: (nullable): the name, language or link at fault
 * @detail: see #PulseTemplateIssue
 * @format: the English sentence, printf-style
 *
 * Returns: (transfer full): a new issue.
 */
PulseTemplateIssue *
pulse_template_issue_new (PulseTemplateIssueKind  kind,
                          guint                   start,
                          guint                   end,
                          const char             *subject,
                          guint                   detail,
                          const char             *format,
                          ...)
{
  PulseTemplateIssue *issue = g_new0 (PulseTemplateIssue, 1);
  va_list args;

  issue->kind = kind;
  issue->start = start;
  issue->end = MAX (start, end);
  issue->subject = g_strdup (subject);
  issue->detail = detail;
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);

  return issue;
}

/**
 * pulse_template_issue_free:
 * @issue: (nullable): an issue
 */
void
pulse_template_issue_free (PulseTemplateIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->subject);
  g_free (issue->message);
  g_free (issue);
}

/**
 * pulse_template_issues_new:
 *
 * Returns: (transfer full) (element-type PulseTemplateIssue): an empty
 *   array that frees its issues.
 */
GPtrArray *
pulse_template_issues_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_template_issue_free);
}
