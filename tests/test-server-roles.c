/* test-server-roles.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The role matrix of DESIGN.md on every endpoint: each role against each
 * endpoint gets through exactly where pulse_role_can() says, 403
 * elsewhere, and 401 without a token. (Item creates per collection are
 * walked in tests/test-server-items.c.)
 */

#include "config.h"

#include "pulse-role-policy.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

#define ANY_TOKEN 0   /* no permission beyond a valid token */

typedef struct
{
  const char      *method;
  const char      *path;
  const char      *body;
  PulsePermission  permission;
  guint            allowed_status;
} Endpoint;

#define APPS "{\"date\":\"2026-11-20\",\"country\":\"UA\",\"count\":3}"

static const Endpoint endpoints[] = {
  { "GET", "/api/v1/whoami", NULL, ANY_TOKEN, 200 },
  { "GET", "/api/v1/snapshot", NULL, PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/tickets", NULL, PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/tickets/t-none", NULL, PULSE_PERMISSION_READ, 404 },
  /* Allowed, but a plain GET is not a WebSocket handshake. */
  { "GET", "/api/v1/events?since=0", NULL, PULSE_PERMISSION_READ, 400 },
  { "POST", "/api/v1/rules/test", "{\"text\":\"x\",\"channel\":\"chat\"}",
    PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/rules", NULL, PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/templates", NULL, PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/scorecards", NULL, PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/mentorships", NULL, PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/shifts", NULL, PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/reviews", NULL, PULSE_PERMISSION_READ, 200 },
  { "PUT", "/api/v1/rules/r-none", "{}", PULSE_PERMISSION_EDIT_RULES, 428 },
  { "DELETE", "/api/v1/templates/t-none", NULL, PULSE_PERMISSION_EDIT_TEMPLATES, 428 },
  { "PUT", "/api/v1/scorecards/s-none", "{}", PULSE_PERMISSION_EDIT_SCORECARDS, 428 },
  { "PUT", "/api/v1/mentorships/m-none", "{}", PULSE_PERMISSION_EDIT_MENTORSHIPS, 428 },
  { "PUT", "/api/v1/shifts/s-none", "{}", PULSE_PERMISSION_EDIT_SHIFTS, 428 },
  { "PUT", "/api/v1/reviews/r-none", "{}", PULSE_PERMISSION_EDIT_REVIEWS, 428 },
  { "GET", "/api/v1/followups", NULL, PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/calibrations", NULL, PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/sampling-policy", NULL, PULSE_PERMISSION_READ, 200 },
  { "PUT", "/api/v1/followups/f-none", "{}", PULSE_PERMISSION_EDIT_FOLLOWUPS, 428 },
  { "PUT", "/api/v1/calibrations/c-none", "{}", PULSE_PERMISSION_SETTLE_CALIBRATIONS, 428 },
  { "PUT", "/api/v1/sampling-policy", "{}", PULSE_PERMISSION_EDIT_SCORECARDS, 428 },
  /* No scorecard on this server: allowed, then refused for want of one. */
  { "POST", "/api/v1/reviews/draw", NULL, PULSE_PERMISSION_EDIT_REVIEWS, 422 },
  { "GET", "/api/v1/audit", NULL, PULSE_PERMISSION_READ_AUDIT, 200 },
  { "GET", "/api/v1/metrics?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z", NULL,
    PULSE_PERMISSION_READ, 200 },
  { "GET", "/api/v1/coverage?from=2026-11-02T00:00:00Z&to=2026-11-02T02:00:00Z", NULL,
    PULSE_PERMISSION_READ, 200 },
  { "POST", "/api/v1/ingest/applications", APPS, PULSE_PERMISSION_INGEST, 200 },
  { "POST", "/api/v1/ingest/directory", "{}", PULSE_PERMISSION_INGEST, 200 },
  { "POST", "/api/v1/ingest/tickets", "{\"items\":[]}", PULSE_PERMISSION_INGEST, 200 },
  { "POST", "/api/v1/ingest/messages", "{\"items\":[]}", PULSE_PERMISSION_INGEST, 200 },
  { "POST", "/api/v1/ingest/ratings", "{\"items\":[]}", PULSE_PERMISSION_INGEST, 200 },
  { "POST", "/api/v1/ingest/agent-status", "{\"items\":[]}", PULSE_PERMISSION_INGEST, 200 },
};

static gboolean
may (PulseRole       role,
     PulsePermission permission)
{
  return permission == ANY_TOKEN || pulse_role_can (role, permission);
}

static void
test_matrix (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  guint allowed = 0;
  guint refused = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      const Endpoint *e = &endpoints[i];
      g_autoptr(PulseTestResponse) anonymous = NULL;

      anonymous = pulse_test_server_request (ts, e->method, e->path, NULL, e->body, NULL);
      g_assert_cmpuint (anonymous->status, ==, 401);

      for (guint role = 0; role <= PULSE_ROLE_INTEGRATION; role++)
        {
          const char *token = pulse_test_server_get_token (ts, role);
          g_autoptr(PulseTestResponse) r = NULL;

          g_test_message ("%s %s as role %u", e->method, e->path, role);
          r = pulse_test_server_request (ts, e->method, e->path, token, e->body, NULL);
          if (may (role, e->permission))
            {
              g_assert_cmpuint (r->status, ==, e->allowed_status);
              allowed++;
            }
          else
            {
              g_assert_cmpuint (r->status, ==, 403);
              g_assert_cmpstr (pulse_test_response_error_code (r), ==, "forbidden");
              refused++;
            }
        }
    }

  /* Both sides of the matrix were walked. */
  g_test_message ("%u allowed, %u refused", allowed, refused);
  g_assert_cmpuint (allowed, >, 0);
  g_assert_cmpuint (refused, >, 0);
}

static void
test_revoked_token (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(PulseTestResponse) before = NULL;
  g_autoptr(PulseTestResponse) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *head = pulse_test_server_get_token (ts, PULSE_ROLE_HEAD);
  PulseTokenInfo *info = NULL;

  before = pulse_test_server_request (ts, "GET", "/api/v1/whoami", head, NULL, NULL);
  g_assert_cmpuint (before->status, ==, 200);

  tokens = pulse_token_store_list (ts->tokens, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tokens->len; i++)
    if (((PulseTokenInfo *) tokens->pdata[i])->role == PULSE_ROLE_HEAD)
      info = tokens->pdata[i];
  g_assert_nonnull (info);
  g_assert_true (pulse_token_store_revoke (ts->tokens, info->id, &error));

  after = pulse_test_server_request (ts, "GET", "/api/v1/snapshot", head, NULL, NULL);
  g_assert_cmpuint (after->status, ==, 401);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/roles/matrix", test_matrix);
  g_test_add_func ("/pulse/server/roles/revoked-token", test_revoked_token);

  return g_test_run ();
}
