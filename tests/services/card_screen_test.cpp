// The card screen use cases against a real sandbox and workspace: load, the
// local draft, push with conflicts keeping both versions, publish (one of two
// concurrent desks wins, the other keeps its draft), versions and rollback,
// the publish preview.
#include "desk_fixture.h"

#include "domain/card_screen_sample.h"
#include "services/card_screen_draft.h"
#include "services/publish_card_screen.h"

#include <algorithm>

using namespace kpd;

namespace {

domain::CardScreen Accented(const std::string& accent) {
    auto screen = domain::SampleCardScreen();
    screen.theme.accent_color = accent;
    return screen;
}

bool HasField(const domain::Problems& problems, const std::string& field) {
    return std::any_of(problems.begin(), problems.end(), [&](const auto& p) { return p.field == field; });
}

// A second desk on the same platform with a workspace of its own.
struct OtherDesk {
    explicit OtherDesk(const std::string& base_url, const std::string& login)
        : workspace(test::FreshDatabaseUrl("other_workspace")), client(test::FastOptions(base_url)) {
        BOOST_REQUIRE(services::SignIn(client, workspace, login, "demo").Ok());
    }
    store::Workspace workspace;
    api::PlatformClient client;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(card_screen, test::DeskFixture)

BOOST_AUTO_TEST_CASE(load_shows_the_platform_state_and_works_offline_from_the_cache) {
    SignInAs("marketing");
    auto loaded = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(loaded.Ok());
    const auto& state = loaded.Value().platform.value;
    BOOST_TEST(state.published.has_value()); // the demo seed publishes a screen
    BOOST_TEST(state.version > 0);
    BOOST_TEST(!loaded.Value().local.has_value());

    sandbox.Stop();
    auto offline = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(offline.Ok());
    BOOST_TEST(offline.Value().platform.from_cache);
    BOOST_TEST(offline.Value().platform.value.version == state.version);
}

BOOST_AUTO_TEST_CASE(a_local_draft_is_kept_with_its_base_version_and_audited) {
    SignInAs("marketing");
    auto loaded = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(loaded.Ok());
    auto version = loaded.Value().platform.value.version;
    auto saved = services::SaveLocalDraft(Client(), Ws(), Accented("#ABCDEF"), version);
    BOOST_REQUIRE(saved.Ok());
    auto again = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(again.Ok());
    BOOST_REQUIRE(again.Value().local.has_value());
    BOOST_TEST(again.Value().local->screen.theme.accent_color == "#ABCDEF");
    BOOST_TEST(again.Value().local->base_version == version);
    BOOST_TEST(again.Value().local->saved_by == "marketing");
    BOOST_TEST(!again.Value().LocalDraftIsStale());
    BOOST_TEST(Count("audit_log", "action = 'card_screen.draft_saved_locally'") == 1);

    BOOST_TEST(services::DiscardLocalDraft(Client(), Ws()));
    BOOST_TEST(!services::LocalCardScreenDraft(Client(), Ws()).has_value());
    BOOST_TEST(Count("audit_log", "action = 'card_screen.local_draft_discarded'") == 1);
}

BOOST_AUTO_TEST_CASE(push_publish_versions_and_rollback) {
    SignInAs("marketing");
    auto loaded = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(loaded.Ok());
    const auto start = loaded.Value().platform.value;

    auto pushed = services::PushDraft(Client(), Ws(), Accented("#0B3D91"), start.version);
    BOOST_REQUIRE_MESSAGE(pushed.Ok(), (pushed.error ? pushed.error->message : "problems"));
    BOOST_TEST(pushed.value->version > start.version);
    BOOST_TEST(!services::LocalCardScreenDraft(Client(), Ws()).has_value()); // the platform holds it now
    BOOST_TEST(Count("audit_log", "action = 'card_screen.draft_saved'") == 1);

    auto preview = services::PreviewPublish(Client());
    BOOST_REQUIRE(preview.Ok());
    auto& changes = preview.Value().changes;
    BOOST_TEST(std::any_of(changes.begin(), changes.end(),
                           [](const auto& c) { return c.pointer == "/theme/accent_color"; }));

    auto published = services::PublishCardScreen(Client(), Ws(), preview.Value().state.version);
    BOOST_REQUIRE(published.Ok());
    BOOST_TEST(published.value->published->theme.accent_color == "#0B3D91");
    BOOST_TEST(!published.value->draft.has_value());
    BOOST_TEST(Count("audit_log", "action = 'card_screen.published'") == 1);
    const auto number = published.value->published_version;

    auto versions = services::ListCardScreenVersions(Client());
    BOOST_REQUIRE(versions.Ok());
    BOOST_REQUIRE(versions.Value().size() >= 2u);
    BOOST_TEST(versions.Value().front().number == number);
    BOOST_TEST(versions.Value().front().published_by == "marketing");

    auto older = services::GetCardScreenVersion(Client(), number - 1);
    BOOST_REQUIRE(older.Ok());
    auto rolled = services::RollbackCardScreen(Client(), Ws(), number - 1, published.value->version);
    BOOST_REQUIRE(rolled.Ok());
    BOOST_TEST(rolled.value->published_version == number + 1);
    BOOST_TEST((rolled.value->published == older.Value().screen));
    BOOST_TEST(Count("audit_log", "action = 'card_screen.rolled_back'") == 1);
    auto after = services::ListCardScreenVersions(Client(), 1);
    BOOST_REQUIRE(after.Ok());
    BOOST_REQUIRE(after.Value().size() == 1u);
    BOOST_TEST((after.Value().front().rolled_back_from == std::optional<std::int64_t>(number - 1)));
}

BOOST_AUTO_TEST_CASE(a_stale_push_is_a_conflict_holding_both_versions_and_keeps_the_draft) {
    SignInAs("marketing");
    auto loaded = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(loaded.Ok());
    const auto base = loaded.Value().platform.value.version;

    OtherDesk other(sandbox.BaseUrl(), "admin");
    auto theirs = services::PushDraft(other.client, other.workspace, Accented("#222222"), base);
    BOOST_REQUIRE(theirs.Ok());

    auto mine = services::PushDraft(Client(), Ws(), Accented("#333333"), base);
    BOOST_REQUIRE(!mine.Ok());
    BOOST_REQUIRE(mine.Conflict());
    BOOST_TEST(mine.current->version == theirs.value->version);
    BOOST_TEST(mine.current->draft->theme.accent_color == "#222222");
    BOOST_TEST(mine.mine->theme.accent_color == "#333333");
    auto kept = services::LocalCardScreenDraft(Client(), Ws());
    BOOST_REQUIRE(kept.has_value());
    BOOST_TEST(kept->screen.theme.accent_color == "#333333");
    BOOST_TEST(kept->base_version == base);
    auto reloaded = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(reloaded.Ok());
    BOOST_TEST(reloaded.Value().LocalDraftIsStale());
    BOOST_TEST(reloaded.Value().platform.value.draft->theme.accent_color == "#222222"); // not overwritten

    // The user chooses theirs-then-mine: pushing from the platform's version now succeeds.
    auto resolved = services::PushDraft(Client(), Ws(), *mine.mine, mine.current->version);
    BOOST_REQUIRE(resolved.Ok());
    BOOST_TEST(resolved.value->draft->theme.accent_color == "#333333");
}

BOOST_AUTO_TEST_CASE(two_desks_publishing_at_once_one_wins_the_other_keeps_its_draft) {
    SignInAs("marketing");
    auto loaded = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(loaded.Ok());
    auto pushed = services::PushDraft(Client(), Ws(), Accented("#444444"), loaded.Value().platform.value.version);
    BOOST_REQUIRE(pushed.Ok());
    const auto version = pushed.value->version;
    // This desk keeps working on a further draft locally.
    BOOST_REQUIRE(services::SaveLocalDraft(Client(), Ws(), Accented("#555555"), version).Ok());

    OtherDesk other(sandbox.BaseUrl(), "admin");
    auto theirs = services::PublishCardScreen(other.client, other.workspace, version);
    auto mine = services::PublishCardScreen(Client(), Ws(), version);
    BOOST_TEST(theirs.Ok());
    BOOST_REQUIRE(!mine.Ok());
    BOOST_TEST(mine.Conflict());
    BOOST_TEST(mine.current->published_version == theirs.value->published_version);
    auto kept = services::LocalCardScreenDraft(Client(), Ws());
    BOOST_REQUIRE(kept.has_value());
    BOOST_TEST(kept->screen.theme.accent_color == "#555555");
    BOOST_TEST(Count("audit_log", "action = 'card_screen.published'") == 0);
}

BOOST_AUTO_TEST_CASE(an_invalid_draft_is_not_sent_nor_kept) {
    SignInAs("marketing");
    auto loaded = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(loaded.Ok());
    auto screen = Accented("#666666");
    screen.theme.text_color = screen.theme.background_color;
    screen.questions.assign(4, domain::IssuanceQuestion{"Как вас зовут?", domain::QuestionKind::Text, false, {}});
    auto pushed = services::PushDraft(Client(), Ws(), screen, loaded.Value().platform.value.version);
    BOOST_REQUIRE(!pushed.Ok());
    BOOST_TEST(!pushed.error.has_value());
    BOOST_TEST(HasField(pushed.problems, "/theme/text_color"));
    BOOST_TEST(HasField(pushed.problems, "/questions/3"));
    BOOST_TEST(!services::LocalCardScreenDraft(Client(), Ws()).has_value());
    auto after = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(after.Ok());
    BOOST_TEST(after.Value().platform.value.version == loaded.Value().platform.value.version);
}

BOOST_AUTO_TEST_CASE(a_push_while_offline_fails_and_keeps_the_draft_locally) {
    SignInAs("marketing");
    auto loaded = services::LoadCardScreen(Client(), Ws());
    BOOST_REQUIRE(loaded.Ok());
    const auto base = loaded.Value().platform.value.version;
    sandbox.Stop();
    auto pushed = services::PushDraft(Client(), Ws(), Accented("#888888"), base);
    BOOST_REQUIRE(!pushed.Ok());
    BOOST_REQUIRE(pushed.error.has_value());
    BOOST_TEST(pushed.error->IsOffline());
    BOOST_TEST(!pushed.Conflict());
    auto kept = services::LocalCardScreenDraft(Client(), Ws());
    BOOST_REQUIRE(kept.has_value());
    BOOST_TEST(kept->screen.theme.accent_color == "#888888");
    BOOST_TEST(kept->base_version == base);
    BOOST_TEST(Count("audit_log", "action = 'card_screen.draft_saved'") == 0);
}

BOOST_AUTO_TEST_CASE(publish_changes_compare_the_draft_with_the_published_screen) {
    domain::CardScreenState state;
    BOOST_TEST(!services::PublishChanges(state).has_value());
    state.published = domain::SampleCardScreen();
    state.draft = Accented("#777777");
    auto changes = services::PublishChanges(state);
    BOOST_REQUIRE(changes.has_value());
    BOOST_REQUIRE(changes->size() == 1u);
    BOOST_TEST(changes->front().pointer == "/theme/accent_color");
    BOOST_TEST(changes->front().after->get<std::string>() == "#777777");
}

BOOST_AUTO_TEST_SUITE_END()
