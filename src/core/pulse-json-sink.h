/* pulse-json-sink.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a codec writes its wire form: into a #JsonBuilder, or against an
 * object it compares with, member by member in order. The same encoder
 * then both writes the canonical form and tells whether a node already
 * is it, so the state can keep a canonical event's own nodes instead of
 * writing them again (docs/performance.md, sync engine).
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  JsonBuilder    *builder;   /* writing: the builder, inside an object */
  JsonObjectIter  iter;      /* matching: the members not compared yet */
  gboolean        matching;
  gboolean        differs;
} PulseJsonSink;

/* Writes @object's members, in their canonical order, into @sink. */
typedef void (*PulseJsonSinkWriteFunc) (gpointer       object,
                                        PulseJsonSink *sink);

JsonNode *pulse_json_sink_build_object   (PulseJsonSinkWriteFunc  write,
                                          gpointer                object);
gboolean  pulse_json_sink_object_matches (JsonNode               *node,
                                          PulseJsonSinkWriteFunc  write,
                                          gpointer                object);

void      pulse_json_sink_init_build (PulseJsonSink      *sink,
                                      JsonBuilder        *builder);
void      pulse_json_sink_init_match (PulseJsonSink      *sink,
                                      JsonObject         *object);
gboolean  pulse_json_sink_matches    (PulseJsonSink      *sink);
JsonNode *pulse_json_sink_next       (PulseJsonSink      *sink,
                                      const char         *member);

void      pulse_json_sink_string     (PulseJsonSink      *sink,
                                      const char         *member,
                                      const char         *value);
void      pulse_json_sink_int        (PulseJsonSink      *sink,
                                      const char         *member,
                                      gint64              value);
void      pulse_json_sink_enum       (PulseJsonSink      *sink,
                                      const char         *member,
                                      GType               enum_type,
                                      int                 value);
void      pulse_json_sink_time       (PulseJsonSink      *sink,
                                      const char         *member,
                                      gint64              value);
void      pulse_json_sink_strv       (PulseJsonSink      *sink,
                                      const char         *member,
                                      const char * const *values);

G_END_DECLS
