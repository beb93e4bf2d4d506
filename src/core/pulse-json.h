/* pulse-json.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strict reader and small writers every codec is built from.
 *
 * A codec reads its fields one by one through a #PulseJsonReader. The
 * first problem is recorded with the field's name ("queue_id: expected a
 * string, got a number") and every later read returns its default, so a
 * codec reads straight through and checks once, in
 * pulse_json_reader_finish(). Unknown members are ignored, which lets a
 * newer server add fields without breaking older consoles; the server
 * decodes mutations under pulse_json_set_strict(), where an unknown member
 * is an error naming it (a misspelt "enabeld" must not silently do nothing).
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Limits on wire data. A field longer than its limit is an error, never
 * silently cut: a truncated id or amount is worse than a refused one. */
#define PULSE_JSON_MAX_ID      128
#define PULSE_JSON_MAX_NAME    256
#define PULSE_JSON_MAX_SHORT   1024
#define PULSE_JSON_MAX_TEXT    (64 * 1024)
#define PULSE_JSON_MAX_ITEMS   10000

typedef enum
{
  PULSE_JSON_OPTIONAL = 0,
  PULSE_JSON_REQUIRED = 1 << 0,
} PulseJsonFlags;

typedef struct
{
  JsonObject *object;
  GError     *error;
  GHashTable *seen;
} PulseJsonReader;

/**
 * PulseJsonFieldsFunc:
 * @object: a fresh object to fill
 * @reader: the reader positioned on the object's JSON
 *
 * Reads every field of one codec into @object; problems go to @reader.
 */
typedef void (*PulseJsonFieldsFunc) (gpointer         object,
                                     PulseJsonReader *reader);

gpointer     pulse_json_decode_object        (JsonNode            *node,
                                              GType                type,
                                              const char          *what,
                                              PulseJsonFieldsFunc  read_fields,
                                              GError             **error);
gboolean     pulse_json_reader_init          (PulseJsonReader  *reader,
                                              JsonNode         *node,
                                              const char       *what,
                                              GError          **error);
gboolean     pulse_json_set_strict           (gboolean          strict);
gboolean     pulse_json_reader_finish        (PulseJsonReader  *reader,
                                              GError          **error);
void         pulse_json_reader_clear         (PulseJsonReader  *reader);
gboolean     pulse_json_reader_failed        (PulseJsonReader  *reader);
void         pulse_json_reader_fail          (PulseJsonReader  *reader,
                                              const char       *member,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (3, 4);
void         pulse_json_reader_take_error    (PulseJsonReader  *reader,
                                              const char       *prefix,
                                              GError           *error);
gboolean     pulse_json_reader_has           (PulseJsonReader  *reader,
                                              const char       *member);
char        *pulse_json_reader_dup_string    (PulseJsonReader  *reader,
                                              const char       *member,
                                              PulseJsonFlags    flags,
                                              gsize             max_length);
gint64       pulse_json_reader_get_int       (PulseJsonReader  *reader,
                                              const char       *member,
                                              PulseJsonFlags    flags,
                                              gint64            min,
                                              gint64            max,
                                              gint64            default_value);
double       pulse_json_reader_get_double    (PulseJsonReader  *reader,
                                              const char       *member,
                                              PulseJsonFlags    flags,
                                              double            min,
                                              double            max,
                                              double            default_value);
gboolean     pulse_json_reader_get_boolean   (PulseJsonReader  *reader,
                                              const char       *member,
                                              PulseJsonFlags    flags,
                                              gboolean          default_value);
int          pulse_json_reader_get_enum      (PulseJsonReader  *reader,
                                              const char       *member,
                                              GType             enum_type,
                                              PulseJsonFlags    flags,
                                              int               default_value);
gint64       pulse_json_reader_get_time      (PulseJsonReader  *reader,
                                              const char       *member,
                                              PulseJsonFlags    flags);
JsonArray   *pulse_json_reader_get_array     (PulseJsonReader  *reader,
                                              const char       *member,
                                              PulseJsonFlags    flags,
                                              guint             max_items);
GStrv        pulse_json_reader_dup_strv      (PulseJsonReader  *reader,
                                              const char       *member,
                                              PulseJsonFlags    flags,
                                              guint             max_items,
                                              gsize             max_length);
JsonNode    *pulse_json_reader_get_object    (PulseJsonReader  *reader,
                                              const char       *member,
                                              PulseJsonFlags    flags);

void         pulse_json_add_string           (JsonBuilder      *builder,
                                              const char       *member,
                                              const char       *value);
void         pulse_json_add_int              (JsonBuilder      *builder,
                                              const char       *member,
                                              gint64            value);
void         pulse_json_add_double           (JsonBuilder      *builder,
                                              const char       *member,
                                              double            value);
void         pulse_json_add_boolean          (JsonBuilder      *builder,
                                              const char       *member,
                                              gboolean          value);
void         pulse_json_add_enum             (JsonBuilder      *builder,
                                              const char       *member,
                                              GType             enum_type,
                                              int               value);
void         pulse_json_add_time             (JsonBuilder      *builder,
                                              const char       *member,
                                              gint64            value);
void         pulse_json_add_strv             (JsonBuilder      *builder,
                                              const char       *member,
                                              const char * const *values);

const char  *pulse_enum_to_nick              (GType             enum_type,
                                              int               value);
gboolean     pulse_enum_from_nick            (GType             enum_type,
                                              const char       *nick,
                                              int              *value);

JsonNode    *pulse_json_parse                (const char       *text,
                                              gssize            length,
                                              GError          **error);
char        *pulse_json_to_string            (JsonNode         *node);

G_END_DECLS
