/* pulse-text-index.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One text, tokenised once and indexed for phrase lookups, so that each
 * of hundreds of phrases costs a table lookup rather than a pass over a
 * 64 KiB message.
 *
 * The words a caller compares exactly are numbered in advance in a
 * vocabulary (the rule matcher numbers every phrase word once); the index
 * links the text's words with each number in text order. Prefixes are
 * found by binary search in the words sorted by key, built on first use.
 * Not thread-safe: build one index per text and thread.
 */

#pragma once

#include "pulse-text.h"

G_BEGIN_DECLS

/* "No word" and "not in the vocabulary". */
#define PULSE_TEXT_INDEX_NONE G_MAXUINT

typedef struct _PulseTextIndex PulseTextIndex;

GHashTable          *pulse_text_index_vocabulary_new  (void);
guint                pulse_text_index_vocabulary_add  (GHashTable       *vocabulary,
                                                       const char       *key);
PulseTextIndex      *pulse_text_index_new             (const char       *text,
                                                       GHashTable       *vocabulary);
void                 pulse_text_index_free            (PulseTextIndex   *self);
guint                pulse_text_index_get_n_words     (PulseTextIndex   *self);
const PulseTextWord *pulse_text_index_get_word        (PulseTextIndex   *self,
                                                       guint             position);
guint                pulse_text_index_get_word_id     (PulseTextIndex   *self,
                                                       guint             position);
guint                pulse_text_index_first           (PulseTextIndex   *self,
                                                       guint             id);
guint                pulse_text_index_next            (PulseTextIndex   *self,
                                                       guint             position);
gboolean             pulse_text_index_find_prefix     (PulseTextIndex   *self,
                                                       const char       *prefix,
                                                       const guint     **positions,
                                                       guint            *n_positions);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTextIndex, pulse_text_index_free)

G_END_DECLS
