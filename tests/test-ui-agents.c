/* test-ui-agents.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agents page on a real display against a real in-process server fed
 * through ingest: 30 agents in three teams, a hand-made day for one of
 * them (Олена Коваленко) and a seeded random one for the others. The
 * table's figures, sorting, search, the team filter, a live status change
 * (the same row object, no reset), the detail and a conversation; each
 * view rendered to tests/screenshots/agents-*.png.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pulse-agent-detail.h"
#include "pulse-agents-page.h"
#include "pulse-contact-list.h"
#include "pulse-conversation-view.h"
#include "pulse-entity-list.h"
#include "pulse-sparkline.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"
#include "pulse-window.h"
#include "test-ui-util.h"

#define N_AGENTS 30
#define TIMEOUT_MS 20000

static const char *names[N_AGENTS] = {
  "Олена Коваленко", "Іван Петренко", "Марія Шевченко", "Андрій Бондаренко", "Наталія Мельник",
  "Тарас Кравченко", "Оксана Ткаченко", "Дмитро Олійник", "Юлія Савченко", "Богдан Лисенко",
  "Анна Смирнова", "Сергей Кузнецов", "Екатерина Попова", "Алексей Соколов", "Мария Лебедева",
  "Дмитрий Козлов", "Ольга Новикова", "Павел Морозов", "Татьяна Волкова", "Никита Зайцев",
  "Lucía Fernández", "Javier Martínez", "Carmen Rodríguez", "Alejandro Gómez", "Sofía López",
  "Pablo Sánchez", "Elena Díaz", "Diego Romero", "Valentina Ruiz", "Mateo Jiménez",
};

static const char *emails[N_AGENTS] = {
  "olena.kovalenko", "ivan.petrenko", "mariia.shevchenko", "andrii.bondarenko",
  "nataliia.melnyk", "taras.kravchenko", "oksana.tkachenko", "dmytro.oliinyk", "yuliia.savchenko",
  "bohdan.lysenko", "anna.smirnova", "sergey.kuznetsov", "ekaterina.popova", "aleksey.sokolov",
  "maria.lebedeva", "dmitry.kozlov", "olga.novikova", "pavel.morozov", "tatiana.volkova",
  "nikita.zaitsev", "lucia.fernandez", "javier.martinez", "carmen.rodriguez", "alejandro.gomez",
  "sofia.lopez", "pablo.sanchez", "elena.diaz", "diego.romero", "valentina.ruiz", "mateo.jimenez",
};

static const char *statuses[] = { "available", "busy", "after-call", "break", "away", "offline" };

typedef struct
{
  const char *team;
  const char *queue;
  const char *channel;
  const char *subjects[3];
  const char *question;
  const char *answer;
} Desk;

static const Desk desks[] = {
  { "team-kyiv", "q-ua-chat", "chat",
    { "Картку заблоковано", "Не приходить SMS-код", "Як збільшити кредитний ліміт?" },
    "Добрий день! Мою картку заблоковано після оплати, що робити?",
    "Добрий день! Розблокувала картку, перевірте, будь ласка, ще раз." },
  { "team-almaty", "q-kz-chat", "telegram",
    { "Не проходит платёж", "Вопрос по графику платежей", "Досрочное погашение" },
    "Здравствуйте, платёж по займу не проходит уже второй день.",
    "Здравствуйте! Платёж прошёл, обновите, пожалуйста, приложение." },
  { "team-madrid", "q-es-email", "email",
    { "No puedo acceder a mi cuenta", "Cargo duplicado", "Cambio de fecha de pago" },
    "Hola, me han cobrado dos veces la cuota de este mes.",
    "Hola, ya hemos devuelto el cargo duplicado; lo verá en 2–3 días." },
};

typedef struct
{
  PulseTestServer *ts;
  PulseSession    *session;
  PulseWindow     *window;
  PulseAgentsPage *page;
  gint64           now;
} Fixture;

static char *
stamp (gint64 usec)
{
  return pulse_time_format (usec);
}

static void
ingest (PulseTestServer *ts,
        const char      *endpoint,
        const char      *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  g_autoptr(PulseTestResponse) r = NULL;

  r = pulse_test_server_request (ts, "POST", path,
                                 pulse_test_server_get_token (ts, PULSE_ROLE_INTEGRATION), body,
                                 NULL);
  if (r->status != 200)
    g_error ("ingest %s: %u %s", endpoint, r->status, pulse_test_response_error_code (r));
}

static void
append_directory (GString *body,
                  gint64   now)
{
  g_autofree char *hired = stamp (now - G_GINT64_CONSTANT (400) * 86400 * G_USEC_PER_SEC);
  g_autofree char *newcomer = stamp (now - G_GINT64_CONSTANT (40) * 86400 * G_USEC_PER_SEC);

  g_string_append (body, "{\"teams\":["
                   "{\"id\":\"team-kyiv\",\"name\":\"Київ\",\"timezone\":\"Europe/Kyiv\"},"
                   "{\"id\":\"team-almaty\",\"name\":\"Алматы\",\"timezone\":\"Asia/Almaty\"},"
                   "{\"id\":\"team-madrid\",\"name\":\"Madrid\",\"timezone\":\"Europe/Madrid\"}],"
                   "\"queues\":["
                   "{\"id\":\"q-ua-chat\",\"name\":\"Україна · чат\",\"channel\":\"chat\","
                   "\"country\":\"UA\",\"language\":\"uk\",\"timezone\":\"Europe/Kyiv\","
                   "\"team_id\":\"team-kyiv\",\"sl_target_seconds\":20,\"sl_goal\":0.8},"
                   "{\"id\":\"q-kz-chat\",\"name\":\"Казахстан · Telegram\","
                   "\"channel\":\"telegram\",\"country\":\"KZ\",\"language\":\"ru\","
                   "\"timezone\":\"Asia/Almaty\",\"team_id\":\"team-almaty\","
                   "\"sl_target_seconds\":60,\"sl_goal\":0.8},"
                   "{\"id\":\"q-es-email\",\"name\":\"España · correo\",\"channel\":\"email\","
                   "\"country\":\"ES\",\"language\":\"es\",\"timezone\":\"Europe/Madrid\","
                   "\"team_id\":\"team-madrid\",\"sl_target_seconds\":3600,\"sl_goal\":0.8}],"
                   "\"agents\":[");
  for (guint i = 0; i < N_AGENTS; i++)
    {
      const Desk *desk = &desks[i / 10];
      g_autofree char *since = stamp (now - (gint64) (7 + i * 11) * 60 * G_USEC_PER_SEC);

      g_string_append_printf (body, "%s{\"id\":\"a-%02u\",\"name\":\"%s\","
                              "\"email\":\"%s@pulse.test\",\"team_id\":\"%s\","
                              "\"position\":\"%s\",\"status\":\"%s\",\"status_since\":\"%s\","
                              "\"channels\":[%s],\"languages\":[\"%s\"],\"hired_at\":\"%s\"}",
                              i > 0 ? "," : "", i, names[i], emails[i], desk->team,
                              i % 10 == 0 ? "lead" : "agent",
                              i == 0 ? "available" : statuses[i % G_N_ELEMENTS (statuses)], since,
                              i % 7 == 3 ? "\"email\"" : "\"email\",\"chat\",\"telegram\"",
                              i < 10 ? "uk" : (i < 20 ? "ru" : "es"),
                              i % 9 == 4 ? newcomer : hired);
    }
  g_string_append (body, "]}");
}

/* Olena's first contact also has an automatic reply by a (disabled) rule. */
#define RULE_BODY "{\"id\":\"r-welcome\",\"name\":\"Привітання\",\"position\":1," \
                  "\"enabled\":false,\"actions\":[{\"kind\":\"close\"}]}"
#define RULE_REPLY "Дякуємо за звернення! Агент відповість за хвилину."

static void
append_ticket (GString    *body,
               const Desk *desk,
               guint       agent,
               guint       n,
               gint64      created,
               int         reply_s,
               int         handle_s,
               int         csat)
{
  g_autofree char *at = stamp (created);
  g_autofree char *reply = stamp (created + (gint64) reply_s * G_USEC_PER_SEC);
  g_autofree char *rated = stamp (created + (gint64) (reply_s + handle_s) * G_USEC_PER_SEC);
  g_autofree char *auto_at = stamp (created + G_USEC_PER_SEC);
  g_autofree char *rule_reply = g_strdup_printf ("{\"id\":\"m-0\",\"author_kind\":\"rule\","
                                                 "\"rule_id\":\"r-welcome\",\"at\":\"%s\","
                                                 "\"body\":\"" RULE_REPLY "\"},", auto_at);

  g_string_append_printf (body, "%s{\"id\":\"t-%02u-%u\",\"queue_id\":\"%s\",\"channel\":\"%s\","
                          "\"subject\":\"%s\",\"customer_id\":\"c-%u%02u\","
                          "\"status\":\"resolved\",\"assignee_id\":\"a-%02u\","
                          "\"tags\":[\"payments\"],\"created_at\":\"%s\",\"handle_seconds\":%d,"
                          "\"messages\":[{\"id\":\"m-1\",\"author_kind\":\"customer\","
                          "\"at\":\"%s\",\"body\":\"%s\"},%s"
                          "{\"id\":\"m-2\",\"author_kind\":\"agent\",\"author_id\":\"a-%02u\","
                          "\"at\":\"%s\",\"body\":\"%s\"}]",
                          body->len > 10 ? "," : "", agent, n, desk->queue, desk->channel,
                          desk->subjects[n % 3], n, agent, agent, at, handle_s, at,
                          desk->question, agent == 0 && n == 0 ? rule_reply : "", agent, reply,
                          desk->answer);
  if (csat > 0)
    g_string_append_printf (body, ",\"ratings\":[{\"kind\":\"csat\",\"score\":%d,\"at\":\"%s\"%s}]",
                            csat, rated, csat == 5 ? ",\"comment\":\"Дякую, швидко!\"" : "");
  g_string_append (body, "}");
}

/* Олена (a-00): five contacts 5 … 1 hours ago, first replies 30, 60, 90,
 * 120 and 150 s (median 90 s), handle times 300 … 1500 s (mean 900 s),
 * CSAT 5, 4 and 2 on the first three (2 of 3 good: 67%). Every other
 * agent gets 0–4 contacts from a seeded generator. */
static void
append_tickets (GString *body,
                gint64   now)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  const int olena_csat[] = { 5, 4, 2, 0, 0 };

  g_string_append (body, "{\"items\":[");
  for (guint n = 0; n < 5; n++)
    append_ticket (body, &desks[0], 0, n,
                   now - (gint64) (5 - n) * 3600 * G_USEC_PER_SEC - 60 * G_USEC_PER_SEC,
                   30 * (n + 1), 300 * (n + 1), olena_csat[n]);

  for (guint agent = 1; agent < N_AGENTS; agent++)
    {
      guint count = g_rand_int_range (rand, 0, 5);

      for (guint n = 0; n < count; n++)
        append_ticket (body, &desks[agent / 10], agent, n,
                       now - (gint64) g_rand_int_range (rand, 60, 22 * 60) * 60 * G_USEC_PER_SEC,
                       g_rand_int_range (rand, 8, 400), g_rand_int_range (rand, 120, 1800),
                       g_rand_int_range (rand, 0, 6));
    }
  g_string_append (body, "]}");
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ((Wait *) user_data)->result = g_object_ref (result);
}

static gboolean
wait_is_done (gpointer user_data)
{
  return ((Wait *) user_data)->result != NULL;
}

static gboolean
session_is_live (gpointer user_data)
{
  return pulse_sync_get_is_live (pulse_session_get_sync (user_data));
}

static gboolean
figures_loaded (gpointer user_data)
{
  Fixture *f = user_data;
  PulseAgentList *list = pulse_agents_page_get_list (f->page);
  PulseAgentRow *row = pulse_agent_list_lookup (list, "a-00");

  return pulse_agent_list_get_figures (list) == PULSE_AGENT_LIST_FIGURES_LOADED
         && g_list_model_get_n_items (pulse_agent_list_get_rows (list)) == N_AGENTS
         && row != NULL && pulse_agent_row_get_summary (row) != NULL
         && pulse_agent_row_get_summary (row)->contacts == 5
         /* The team list may land a batch after the agents'. */
         && pulse_agent_row_get_team_name (row) != NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) directory = g_string_new (NULL);
  g_autoptr(GString) tickets = g_string_new (NULL);
  g_autoptr(PulseTestResponse) rule = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };

  if (pulse_test_ui_skip_without_display ())
    return;

  f->now = g_get_real_time ();
  f->ts = pulse_test_server_new ();
  append_directory (directory, f->now);
  ingest (f->ts, "directory", directory->str);
  rule = pulse_test_server_request (f->ts, "POST", "/api/v1/rules",
                                    pulse_test_server_get_token (f->ts, PULSE_ROLE_LEAD),
                                    RULE_BODY, NULL);
  g_assert_cmpuint (rule->status, ==, 201);
  append_tickets (tickets, f->now);
  ingest (f->ts, "tickets", tickets->str);

  f->session = pulse_session_new ();
  /* Contacts of the last 20 hours: inside 7 days whatever the hour. */
  pulse_session_set_kpi_window (f->session, PULSE_KPI_WINDOW_7_DAYS);
  pulse_session_sign_in_async (f->session, f->ts->url,
                               pulse_test_server_get_token (f->ts, PULSE_ROLE_LEAD), NULL,
                               on_done_cb, &wait);
  g_assert_true (pulse_test_wait_for (wait_is_done, &wait, TIMEOUT_MS));
  g_assert_true (pulse_session_connect_finish (f->session, wait.result, &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);
  g_assert_true (pulse_test_wait_for (session_is_live, f->session, TIMEOUT_MS));

  f->window = pulse_test_ui_open_window (f->session, 1280, 800);
  pulse_window_set_visible_page (f->window, "agents");
  f->page = PULSE_AGENTS_PAGE (pulse_test_ui_find_widget (GTK_WIDGET (f->window),
                                                          PULSE_TYPE_AGENTS_PAGE, NULL));
  g_assert_nonnull (f->page);
  g_assert_true (pulse_test_wait_for (figures_loaded, f, TIMEOUT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    pulse_test_ui_close_window (GTK_WINDOW (f->window));
  g_clear_object (&f->session);
  g_clear_pointer (&f->ts, pulse_test_server_free);
}

/* Whether a mapped label under @root shows exactly @text. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static GtkColumnView *
table_of (Fixture *f)
{
  return GTK_COLUMN_VIEW (pulse_test_ui_find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW,
                                                     NULL));
}

/* GtkColumnView keeps the focused row in view across a re-sort. */
static void
scroll_to_top (Fixture *f)
{
  GtkWidget *list = pulse_test_ui_find_widget (GTK_WIDGET (table_of (f)), GTK_TYPE_LIST_VIEW,
                                               NULL);

  g_assert_true (gtk_widget_activate_action (list, "list.scroll-to-item", "u", 0));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
}

static GListModel *
shown_rows (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (table_of (f)));
}

static PulseAgentRow *
shown_row (Fixture *f,
           guint    position)
{
  PulseAgentRow *row = g_list_model_get_item (shown_rows (f), position);

  g_object_unref (row);
  return row;
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  GtkColumnView *view;
  PulseAgentRow *olena;
  g_autoptr(GBytes) csv = NULL;
  g_auto(GStrv) lines = NULL;

  if (pulse_test_ui_skip_without_display ())
    return;

  view = table_of (f);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (f)), ==, N_AGENTS);

  olena = pulse_agent_list_lookup (pulse_agents_page_get_list (f->page), "a-00");
  g_assert_cmpstr (pulse_agent_row_get_team_name (olena), ==, "Київ");
  g_assert_cmpuint (pulse_agent_row_get_bins_total (olena), ==, 5);

  /* Her figures, as hand-computed above, are on screen: at the top when
   * sorted by contacts. */
  pulse_test_ui_save_screenshot (GTK_WIDGET (f->window), "agents-by-name");
  gtk_column_view_sort_by_column (view, pulse_agent_columns_get (
                                    pulse_agents_page_get_columns (f->page),
                                    PULSE_AGENT_COLUMN_CONTACTS), GTK_SORT_DESCENDING);
  scroll_to_top (f);
  g_assert_true (shows_label (GTK_WIDGET (view), "Олена Коваленко"));
  g_assert_true (shows_label (GTK_WIDGET (view), "olena.kovalenko@pulse.test"));
  g_assert_true (shows_label (GTK_WIDGET (view), "1 min 30 s"));
  g_assert_true (shows_label (GTK_WIDGET (view), "15 min 00 s"));
  g_assert_true (shows_label (GTK_WIDGET (view), "67 %"));
  g_assert_true (shows_label (GTK_WIDGET (view), "Available"));
  pulse_test_ui_save_screenshot (GTK_WIDGET (f->window), "agents");

  /* The export: her line first, raw numbers (seconds, a fraction). */
  csv = pulse_agents_page_dup_csv (f->page);
  lines = g_strsplit (g_bytes_get_data (csv, NULL), "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "\xEF\xBB\xBFName,Email,Team,Status,Contacts,"));
  g_assert_true (g_str_has_prefix (lines[1], "Олена Коваленко,olena.kovalenko@pulse.test,"));
  g_assert_nonnull (strstr (lines[1], ",Available,5,90,900,0.6666666667,"));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (f->window), "agents-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static gint64
contacts_at (Fixture *f,
             guint    position)
{
  return pulse_agent_row_get_summary (shown_row (f, position))->contacts;
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkColumnView *view;
  GtkColumnViewColumn *contacts;
  guint n;

  if (pulse_test_ui_skip_without_display ())
    return;

  view = table_of (f);
  contacts = pulse_agent_columns_get (pulse_agents_page_get_columns (f->page),
                                      PULSE_AGENT_COLUMN_CONTACTS);
  n = g_list_model_get_n_items (shown_rows (f));

  gtk_column_view_sort_by_column (view, contacts, GTK_SORT_DESCENDING);
  g_assert_cmpstr (pulse_agent_row_get_id (shown_row (f, 0)), ==, "a-00");
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (contacts_at (f, i - 1), >=, contacts_at (f, i));

  gtk_column_view_sort_by_column (view, contacts, GTK_SORT_ASCENDING);
  g_assert_cmpstr (pulse_agent_row_get_id (shown_row (f, n - 1)), ==, "a-00");
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (contacts_at (f, i - 1), <=, contacts_at (f, i));

  /* By status: available first, offline last. */
  gtk_column_view_sort_by_column (view, pulse_agent_columns_get (
                                    pulse_agents_page_get_columns (f->page),
                                    PULSE_AGENT_COLUMN_STATUS), GTK_SORT_ASCENDING);
  g_assert_cmpint (pulse_agent_get_status (pulse_agent_row_get_agent (shown_row (f, 0))), ==,
                   PULSE_AGENT_STATUS_AVAILABLE);
  g_assert_cmpint (pulse_agent_get_status (pulse_agent_row_get_agent (shown_row (f, n - 1))), ==,
                   PULSE_AGENT_STATUS_OFFLINE);
  scroll_to_top (f);
  pulse_test_ui_save_screenshot (GTK_WIDGET (f->window), "agents-by-status");
}

typedef struct
{
  Fixture *f;
  guint    n;
} Count;

static gboolean
shows_n_rows (gpointer user_data)
{
  Count *count = user_data;

  return g_list_model_get_n_items (shown_rows (count->f)) == count->n;
}

static guint
find_team (GtkDropDown *teams,
           const char  *name)
{
  GListModel *list = gtk_drop_down_get_model (teams);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (list), i), name) == 0)
        return i;
    }

  return G_MAXUINT;
}

static void
test_search_and_team (Fixture       *f,
                      gconstpointer  data)
{
  GtkSearchEntry *entry;
  GtkDropDown *teams;
  Count count = { f, 1 };
  guint madrid;

  if (pulse_test_ui_skip_without_display ())
    return;

  entry = GTK_SEARCH_ENTRY (pulse_test_ui_find_widget (GTK_WIDGET (f->page),
                                                       GTK_TYPE_SEARCH_ENTRY, NULL));
  teams = GTK_DROP_DOWN (pulse_test_ui_find_widget (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN,
                                                    NULL));

  /* By name, whatever the case. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ОЛЕНА");
  g_assert_true (pulse_test_wait_for (shows_n_rows, &count, TIMEOUT_MS));
  g_assert_cmpstr (pulse_agent_row_get_id (shown_row (f, 0)), ==, "a-00");

  /* By email: "ov" is in kovalenko, smirnova … novikova, sokolov. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "sokolov@");
  g_assert_true (pulse_test_wait_for (shows_n_rows, &count, TIMEOUT_MS));
  g_assert_cmpstr (pulse_agent_row_get_id (shown_row (f, 0)), ==, "a-13");

  count.n = 0;
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody-like-this");
  g_assert_true (pulse_test_wait_for (shows_n_rows, &count, TIMEOUT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (shows_label (GTK_WIDGET (f->page), "No Matching Agents"));

  /* A team: "All Teams", then the teams in the session's order. */
  count.n = 10;
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (teams)), ==, 4);
  g_assert_cmpuint (find_team (teams, "All Teams"), ==, 0);
  madrid = find_team (teams, "Madrid");
  g_assert_cmpuint (madrid, !=, G_MAXUINT);
  gtk_drop_down_set_selected (teams, madrid);
  g_assert_true (pulse_test_wait_for (shows_n_rows, &count, TIMEOUT_MS));
  for (guint i = 0; i < 10; i++)
    g_assert_cmpstr (pulse_agent_row_get_team_name (shown_row (f, i)), ==, "Madrid");

  /* Both at once. */
  count.n = 1;
  gtk_editable_set_text (GTK_EDITABLE (entry), "lucía");
  g_assert_true (pulse_test_wait_for (shows_n_rows, &count, TIMEOUT_MS));
  g_assert_cmpstr (pulse_agent_row_get_id (shown_row (f, 0)), ==, "a-20");
  count.n = 0;
  gtk_drop_down_set_selected (teams, madrid % 3 + 1);
  g_assert_true (pulse_test_wait_for (shows_n_rows, &count, TIMEOUT_MS));
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static gboolean
is_busy (gpointer row)
{
  return pulse_agent_get_status (pulse_agent_row_get_agent (row)) == PULSE_AGENT_STATUS_BUSY;
}

static void
test_status_in_place (Fixture       *f,
                      gconstpointer  data)
{
  PulseAgentList *list;
  PulseAgentRow *row;
  GListModel *rows;
  g_autofree char *now = NULL;
  g_autofree char *body = NULL;
  guint changes = 0;
  Count count = { f, 1 };

  if (pulse_test_ui_skip_without_display ())
    return;

  /* Her row alone on screen. */
  gtk_editable_set_text (GTK_EDITABLE (pulse_test_ui_find_widget (GTK_WIDGET (f->page),
                                                                  GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "olena.kovalenko");
  g_assert_true (pulse_test_wait_for (shows_n_rows, &count, TIMEOUT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  list = pulse_agents_page_get_list (f->page);
  rows = pulse_agent_list_get_rows (list);
  row = pulse_agent_list_lookup (list, "a-00");
  g_assert_true (shown_row (f, 0) == row);
  g_assert_true (shows_label (GTK_WIDGET (table_of (f)), "Available"));
  g_assert_false (shows_label (GTK_WIDGET (table_of (f)), "Busy"));
  g_signal_connect (rows, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  now = stamp (g_get_real_time ());
  body = g_strdup_printf ("{\"agent_id\":\"a-00\",\"status\":\"busy\",\"at\":\"%s\"}", now);
  ingest (f->ts, "agent-status", body);
  g_assert_true (pulse_test_wait_for (is_busy, row, TIMEOUT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);

  /* The same row object, and the row store never changed. */
  g_assert_true (pulse_agent_list_lookup (list, "a-00") == row);
  g_assert_cmpuint (changes, ==, 0);
  g_signal_handlers_disconnect_by_func (rows, on_items_changed_cb, &changes);
  g_assert_true (shown_row (f, 0) == row);
  g_assert_true (shows_label (GTK_WIDGET (table_of (f)), "Busy"));
  g_assert_false (shows_label (GTK_WIDGET (table_of (f)), "Available"));
  g_assert_true (shows_label (GTK_WIDGET (table_of (f)), "0:00")
                 || shows_label (GTK_WIDGET (table_of (f)), "0:01")
                 || shows_label (GTK_WIDGET (table_of (f)), "0:02"));
}

typedef struct
{
  guint bins;
  guint summary;
} Notified;

static void
on_row_notify_cb (PulseAgentRow *row,
                  GParamSpec    *pspec,
                  Notified      *notified)
{
  if (g_str_equal (pspec->name, "bins"))
    notified->bins++;
  if (g_str_equal (pspec->name, "summary"))
    notified->summary++;
}

/* The session has her two new contacts: in its tickets and her figures. */
static gboolean
session_has_new_contacts (gpointer user_data)
{
  Fixture *f = user_data;
  PulseKpiView *view = pulse_session_get_kpi_view (f->session, PULSE_KPI_GROUP_AGENT);
  g_autoptr(PulseKpiSummary) summary = view != NULL ? pulse_kpi_view_dup_summary (view, "a-00")
                                                    : NULL;

  return pulse_entity_list_lookup (PULSE_ENTITY_LIST (pulse_session_get_list (
                                     f->session, PULSE_STATE_KIND_TICKET)), "t-00-6") != NULL
         && summary != NULL && summary->contacts == 7;
}

static guint
shown_sparkline_total (GtkWidget *root)
{
  guint total = 0;

  if (PULSE_IS_SPARKLINE (root) && gtk_widget_get_mapped (root))
    {
      for (guint i = 0; i < pulse_sparkline_get_n_values (PULSE_SPARKLINE (root)); i++)
        total += pulse_sparkline_get_value (PULSE_SPARKLINE (root), i);
      return total;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    total += shown_sparkline_total (child);

  return total;
}

/* Two contacts of hers come in while another page is shown: her row is
 * not touched (no sparkline, no figures set) until the page is shown
 * again, and then it is up to date before the first frame. */
static void
test_hidden_catches_up (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) tickets = g_string_new ("{\"items\":[");
  PulseAgentRow *row;
  Notified notified = { 0, 0 };
  Count count = { f, 1 };
  gint64 now = g_get_real_time ();

  if (pulse_test_ui_skip_without_display ())
    return;

  gtk_editable_set_text (GTK_EDITABLE (pulse_test_ui_find_widget (GTK_WIDGET (f->page),
                                                                  GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "olena.kovalenko");
  g_assert_true (pulse_test_wait_for (shows_n_rows, &count, TIMEOUT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  row = pulse_agent_list_lookup (pulse_agents_page_get_list (f->page), "a-00");
  g_assert_cmpuint (pulse_agent_row_get_bins_total (row), ==, 5);
  g_assert_cmpuint (shown_sparkline_total (GTK_WIDGET (table_of (f))), ==, 5);
  g_assert_true (shows_label (GTK_WIDGET (table_of (f)), "5"));

  pulse_window_set_visible_page (f->window, "overview");
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_signal_connect (row, "notify", G_CALLBACK (on_row_notify_cb), &notified);

  append_ticket (tickets, &desks[0], 0, 5, now - (gint64) 40 * 60 * G_USEC_PER_SEC, 20, 600, 5);
  append_ticket (tickets, &desks[0], 0, 6, now - (gint64) 10 * 60 * G_USEC_PER_SEC, 40, 900, 0);
  g_string_append (tickets, "]}");
  ingest (f->ts, "tickets", tickets->str);
  g_assert_true (pulse_test_wait_for (session_has_new_contacts, f, TIMEOUT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);

  /* Hidden: nothing set on her row. */
  g_assert_cmpuint (notified.bins, ==, 0);
  g_assert_cmpuint (notified.summary, ==, 0);

  /* Shown: up to date at once, each property set once. */
  pulse_window_set_visible_page (f->window, "agents");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_cmpuint (pulse_agent_row_get_bins_total (row), ==, 7);
  g_assert_cmpuint (pulse_agent_row_get_summary (row)->contacts, ==, 7);
  g_assert_cmpuint (notified.bins, ==, 1);
  g_assert_cmpuint (notified.summary, ==, 1);
  g_signal_handlers_disconnect_by_func (row, on_row_notify_cb, &notified);

  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpuint (shown_sparkline_total (GTK_WIDGET (table_of (f))), ==, 7);
  g_assert_true (shows_label (GTK_WIDGET (table_of (f)), "7"));
  g_assert_false (shows_label (GTK_WIDGET (table_of (f)), "5"));
}

static gboolean
has_contacts (gpointer user_data)
{
  Count *count = user_data;
  PulseAgentDetail *detail = PULSE_AGENT_DETAIL (
    pulse_test_ui_find_widget (GTK_WIDGET (count->f->page), PULSE_TYPE_AGENT_DETAIL, NULL));
  GListModel *model = pulse_contact_list_get_model (
    PULSE_CONTACT_LIST (pulse_test_ui_find_widget (GTK_WIDGET (detail), PULSE_TYPE_CONTACT_LIST,
                                                   NULL)));

  return g_list_model_get_n_items (model) == count->n;
}

/* Activates @agent_id's row, as a click does. */
static PulseAgentDetail *
open_detail (Fixture    *f,
             GtkStack   *stack,
             const char *agent_id)
{
  PulseAgentDetail *detail;
  guint position = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (shown_rows (f)); i++)
    {
      if (g_strcmp0 (pulse_agent_row_get_id (shown_row (f, i)), agent_id) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_signal_emit_by_name (table_of (f), "activate", position);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "detail");
  detail = PULSE_AGENT_DETAIL (gtk_stack_get_visible_child (stack));
  g_assert_cmpstr (pulse_agent_row_get_id (pulse_agent_detail_get_row (detail)), ==, agent_id);
  return detail;
}

static void
test_detail_and_conversation (Fixture       *f,
                              gconstpointer  data)
{
  PulseAgentDetail *detail;
  PulseContactList *contacts;
  PulseConversationView *conversation;
  g_autoptr(PulseTicket) newest = NULL;
  GtkStack *stack;
  Count count = { f, 5 };

  if (pulse_test_ui_skip_without_display ())
    return;

  stack = pulse_test_ui_find_stack (GTK_WIDGET (f->page), "detail");
  detail = open_detail (f, stack, "a-00");

  /* Her figures, and the team's beside them. */
  g_assert_cmpstr (pulse_agent_detail_get_kpi_text (detail, 0, FALSE), ==, "5");
  g_assert_cmpstr (pulse_agent_detail_get_kpi_text (detail, 1, FALSE), ==, "1 min 30 s");
  g_assert_cmpstr (pulse_agent_detail_get_kpi_text (detail, 5, FALSE), ==, "67 %");
  g_assert_cmpstr (pulse_agent_detail_get_kpi_text (detail, 0, TRUE), !=, "–");
  g_assert_cmpstr (pulse_agent_detail_get_kpi_text (detail, 0, TRUE), !=, "5");

  /* Her five contacts, newest first. */
  g_assert_true (pulse_test_wait_for (has_contacts, &count, TIMEOUT_MS));
  contacts = PULSE_CONTACT_LIST (pulse_test_ui_find_widget (GTK_WIDGET (detail),
                                                            PULSE_TYPE_CONTACT_LIST, NULL));
  newest = g_list_model_get_item (pulse_contact_list_get_model (contacts), 0);
  g_assert_cmpstr (pulse_ticket_get_id (newest), ==, "t-00-4");
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_true (shows_label (GTK_WIDGET (contacts), "Україна · чат"));
  pulse_test_ui_save_screenshot (GTK_WIDGET (f->window), "agents-detail");

  /* A contact opens its conversation: who wrote what, in order. */
  pulse_contact_list_activate (contacts, 4);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  conversation = PULSE_CONVERSATION_VIEW (
    pulse_test_ui_find_widget (GTK_WIDGET (detail), PULSE_TYPE_CONVERSATION_VIEW, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (conversation)));
  g_assert_cmpstr (pulse_ticket_get_id (pulse_conversation_view_get_ticket (conversation)), ==,
                   "t-00-0");
  g_assert_true (shows_label (GTK_WIDGET (conversation), "Картку заблоковано"));
  g_assert_true (shows_label (GTK_WIDGET (conversation), desks[0].question));
  g_assert_true (shows_label (GTK_WIDGET (conversation), desks[0].answer));
  g_assert_true (shows_label (GTK_WIDGET (conversation), "c-000"));
  g_assert_true (shows_label (GTK_WIDGET (conversation), "Олена Коваленко"));
  g_assert_true (shows_label (GTK_WIDGET (conversation), RULE_REPLY));
  g_assert_true (shows_label (GTK_WIDGET (conversation), "Привітання"));
  g_assert_true (shows_label (GTK_WIDGET (conversation), "Automation Rule"));
  g_assert_true (shows_label (GTK_WIDGET (conversation), "30 s"));
  g_assert_true (shows_label (GTK_WIDGET (conversation), "CSAT 5/5 — “Дякую, швидко!”"));
  pulse_test_ui_save_screenshot (GTK_WIDGET (f->window), "agents-conversation");

  /* Back to the contacts, then to the table. */
  g_signal_emit_by_name (pulse_test_ui_find_widget (GTK_WIDGET (detail), GTK_TYPE_BUTTON, NULL),
                         "clicked");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (conversation)));
  g_signal_emit_by_name (pulse_test_ui_find_widget (GTK_WIDGET (detail), GTK_TYPE_BUTTON, NULL),
                         "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

static void
test_empty (void)
{
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 800);
  pulse_test_ui_go_offline (session);
  pulse_window_set_visible_page (window, "agents");
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_AGENTS_PAGE, NULL);
  g_assert_true (shows_label (page, "No Agents Yet"));
  /* Nothing to search, and no spinner that would never stop. */
  g_assert_false (gtk_widget_get_mapped (pulse_test_ui_find_widget (page, GTK_TYPE_SEARCH_ENTRY,
                                                                    NULL)));
  g_assert_false (gtk_revealer_get_reveal_child (
                    GTK_REVEALER (pulse_test_ui_find_widget (page, GTK_TYPE_REVEALER, NULL))));
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "agents-empty");
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

#define ADD(path, func) \
  g_test_add ("/pulse/ui/agents/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("table", test_table);
  ADD ("sort", test_sort);
  ADD ("search-and-team", test_search_and_team);
  ADD ("status-in-place", test_status_in_place);
  ADD ("hidden-catches-up", test_hidden_catches_up);
  ADD ("detail-and-conversation", test_detail_and_conversation);
#undef ADD
  g_test_add_func ("/pulse/ui/agents/empty", test_empty);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
