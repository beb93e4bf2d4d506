/* pulse-text-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-text.c (word boundaries), pulse-text-fold.c (character
 * classes and folding) and pulse-text-script.c (look-alike letters), so
 * none outgrows the size budget.
 */

#pragma once

#include "pulse-text.h"

G_BEGIN_DECLS

/* What _pulse_text_next_char() returns for a byte that is not UTF-8. */
#define PULSE_TEXT_INVALID_CHAR ((gunichar) -1)

typedef enum
{
  PULSE_TEXT_SCRIPT_OTHER,
  PULSE_TEXT_SCRIPT_LATIN,
  PULSE_TEXT_SCRIPT_CYRILLIC,
} PulseTextScript;

typedef enum
{
  PULSE_TEXT_CHAR_SEPARATOR,
  PULSE_TEXT_CHAR_WORD,
  PULSE_TEXT_CHAR_MARK,
  PULSE_TEXT_CHAR_JOINER,
  PULSE_TEXT_CHAR_IGNORABLE,
} PulseTextCharClass;

PulseTextCharClass  _pulse_text_classify      (gunichar         c);
gunichar            _pulse_text_next_char     (const char      *p,
                                               const char      *end,
                                               gsize           *length);
char               *_pulse_text_fold          (const char      *text,
                                               gsize            length);
PulseTextScript     _pulse_text_word_script   (const char      *word,
                                               gsize            length,
                                               gboolean        *mixed);
char               *_pulse_text_correct       (const char      *word,
                                               gsize            length,
                                               PulseTextScript  preferred);

G_END_DECLS
