// partnerctl card-screen get|validate|put|publish|versions|rollback, through
// the same services as the desk's card screen editor. `validate` and `put`
// read a draft file whose image fields may name local PNG/JPEG files
// (draft_file.h): every problem is reported at its JSON pointer and nothing
// is uploaded or saved while any remains. Changes start from the platform's
// current version unless --if-version pins one (then a concurrent change is
// a refusal, exit 1, never an overwrite).
#include "cli/cached_notice.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/draft_file.h"
#include "cli/error_words.h"
#include "cli/session.h"
#include "cli/text_table.h"
#include "contract/card_screen_json.h"
#include "contract/json_parse.h"
#include "services/card_screen_assets.h"
#include "services/card_screen_draft.h"
#include "services/publish_card_screen.h"

#include <iostream>

namespace kpd::cli {

namespace {

nlohmann::json ProblemsJson(const domain::Problems& problems) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : problems) {
        out.push_back({{"field", p.field}, {"code", p.code}, {"message", p.message}});
    }
    return out;
}

std::string Describe(const std::optional<domain::CardScreen>& screen) {
    return screen ? "yes" : "none";
}

void PrintState(const GlobalOptions& options, const domain::CardScreenState& state) {
    if (options.format == OutputFormat::Json) {
        PrintJson(contract::ToJson(state));
        return;
    }
    TextTable table({"VERSION", "PUBLISHED VERSION", "DRAFT", "PUBLISHED"});
    table.AddRow({std::to_string(state.version), std::to_string(state.published_version), Describe(state.draft),
                  Describe(state.published)});
    table.Print(std::cout);
}

std::string Show(const std::optional<nlohmann::json>& value) {
    return value ? contract::DumpJson(*value) : "(none)";
}

void PrintChanges(const std::vector<contract::FieldChange>& changes) {
    TextTable table({"FIELD", "PUBLISHED", "DRAFT"});
    for (const auto& c : changes) {
        table.AddRow({c.pointer, Show(c.before), Show(c.after)});
    }
    table.Print(std::cout);
}

// The version a change starts from: the one given, or the platform's now.
std::optional<std::int64_t> BaseVersion(CliSession& cli, const CardScreenChangeArgs& args, ExitCode& failure) {
    if (args.if_version) {
        return args.if_version;
    }
    auto state = cli.client.GetCardScreen();
    if (!state.Ok()) {
        failure = Fail(state.Error());
        return std::nullopt;
    }
    return state.Value().version;
}

// A refused change: its words, and on 412 what the platform has now.
ExitCode Refused(const services::StateOutcome& outcome) {
    if (!outcome.error) {
        return ProblemsError("the request has problems:", outcome.problems);
    }
    ExitCode code = Fail(*outcome.error);
    if (outcome.Conflict()) {
        Say("partnerctl: the card screen is now at version " + std::to_string(outcome.current->version) +
            " (publication " + std::to_string(outcome.current->published_version) + ")");
    }
    return code;
}

} // namespace

ExitCode RunCardScreenGet(const GlobalOptions& options) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    auto loaded = services::LoadCardScreen(cli->client, *cli->workspace);
    if (!loaded.Ok()) {
        return Fail(loaded.Error());
    }
    const auto& value = loaded.Value();
    NoteIfCached(value.platform);
    if (options.format == OutputFormat::Json) {
        nlohmann::json out = contract::ToJson(value.platform.value);
        out["local_draft"] = nullptr;
        if (value.local) {
            out["local_draft"] = {{"screen", contract::ToJson(value.local->screen)},
                                  {"base_version", value.local->base_version},
                                  {"saved_at", value.local->saved_at},
                                  {"saved_by", value.local->saved_by}};
        }
        PrintJson(out);
        return ExitCode::Ok;
    }
    PrintState(options, value.platform.value);
    if (value.local) {
        Say("The workspace keeps a draft saved " + value.local->saved_at + " by " + value.local->saved_by +
            ", edited from version " + std::to_string(value.local->base_version) +
            (value.LocalDraftIsStale() ? " (the platform has changed since)" : ""));
    }
    return ExitCode::Ok;
}

ExitCode RunCardScreenValidate(const GlobalOptions& options, const std::string& file) {
    auto draft = ReadDraftFile(file);
    if (options.format == OutputFormat::Json) {
        PrintJson({{"valid", draft.problems.empty()}, {"problems", ProblemsJson(draft.problems)}});
    }
    if (!draft.problems.empty()) {
        return ProblemsError(file + " has problems:", draft.problems);
    }
    if (options.format == OutputFormat::Table) {
        std::cout << file << ": valid\n";
    }
    return ExitCode::Ok;
}

ExitCode RunCardScreenPut(const GlobalOptions& options, const std::string& file, const CardScreenChangeArgs& args) {
    // Everything is checked before signing in: a bad file sends and saves nothing.
    auto draft = ReadDraftFile(file);
    if (!draft.problems.empty()) {
        return ProblemsError(file + " has problems:", draft.problems);
    }
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    std::map<std::string, std::string> ids;
    for (const auto& image : draft.images) {
        auto uploaded = services::UploadImage(cli->client, *cli->workspace, image.slot, image.bytes, image.pointer);
        if (!uploaded.Ok()) {
            if (!uploaded.error) {
                return ProblemsError(file + " has problems:", uploaded.problems);
            }
            Say("partnerctl: could not upload " + image.value + " for " + image.pointer);
            return Fail(*uploaded.error);
        }
        ids[image.pointer] = uploaded.value->info.id;
        Say((uploaded.value->created ? "Uploaded " : "Already uploaded ") + image.value + " as " +
            uploaded.value->info.id);
    }
    UseAssetIds(*draft.screen, ids);
    auto base = BaseVersion(*cli, args, failure);
    if (!base) {
        return failure;
    }
    auto pushed = services::PushDraft(cli->client, *cli->workspace, *draft.screen, *base);
    if (!pushed.Ok()) {
        if (!pushed.error) {
            return ProblemsError(file + " has problems:", pushed.problems);
        }
        ExitCode code = Fail(*pushed.error);
        if (pushed.Conflict()) {
            Say("partnerctl: the card screen is now at version " + std::to_string(pushed.current->version) +
                "; the draft is kept in the workspace (see `card-screen get`)");
        }
        return code;
    }
    Say("Saved the draft; the card screen is now at version " + std::to_string(pushed.value->version));
    PrintState(options, *pushed.value);
    return ExitCode::Ok;
}

ExitCode RunCardScreenPublish(const GlobalOptions& options, const CardScreenChangeArgs& args) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    auto preview = services::PreviewPublish(cli->client);
    if (!preview.Ok()) {
        return Fail(preview.Error());
    }
    std::int64_t version = args.if_version.value_or(preview.Value().state.version);
    if (options.format == OutputFormat::Table) {
        Say("Publishing " + std::to_string(preview.Value().changes.size()) + " change(s):");
        PrintChanges(preview.Value().changes);
    }
    auto published = services::PublishCardScreen(cli->client, *cli->workspace, version);
    if (!published.Ok()) {
        return Refused(published);
    }
    Say("Published version " + std::to_string(published.value->published_version));
    PrintState(options, *published.value);
    return ExitCode::Ok;
}

ExitCode RunCardScreenVersions(const GlobalOptions& options, int limit) {
    if (limit < 1) {
        return UsageError("--limit must be at least 1");
    }
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    auto versions = services::ListCardScreenVersions(cli->client, limit);
    if (!versions.Ok()) {
        return Fail(versions.Error());
    }
    if (options.format == OutputFormat::Json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& v : versions.Value()) {
            out.push_back(contract::ToJson(v, /*with_screen=*/false));
        }
        PrintJson(out);
        return ExitCode::Ok;
    }
    TextTable table({"NUMBER", "PUBLISHED AT", "BY", "ROLLED BACK FROM"});
    for (const auto& v : versions.Value()) {
        table.AddRow({std::to_string(v.number), v.published_at, v.published_by,
                      v.rolled_back_from ? std::to_string(*v.rolled_back_from) : ""});
    }
    table.Print(std::cout);
    return ExitCode::Ok;
}

ExitCode RunCardScreenRollback(const GlobalOptions& options, std::int64_t version, const CardScreenChangeArgs& args) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    auto base = BaseVersion(*cli, args, failure);
    if (!base) {
        return failure;
    }
    auto rolled = services::RollbackCardScreen(cli->client, *cli->workspace, version, *base);
    if (!rolled.Ok()) {
        return Refused(rolled);
    }
    Say("Published version " + std::to_string(version) + " again as version " +
        std::to_string(rolled.value->published_version));
    PrintState(options, *rolled.value);
    return ExitCode::Ok;
}

} // namespace kpd::cli
