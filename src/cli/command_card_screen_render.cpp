// partnerctl card-screen render [FILE] --out PNG: the card screen drawn
// headless by the very renderer the desk's preview uses (src/render). FILE is
// a CardScreen JSON whose image fields may name local PNG/JPEG files
// (relative to FILE) as `validate` and `put` accept; without FILE the
// partner's published screen and its images come from the platform.
// This file alone of the commands includes CLI11 beside main.cpp: it adds its
// own subcommand through the AddCardScreenRenderCommand hook (commands.h).
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/session.h"
#include "contract/card_screen_json.h"
#include "contract/endpoints.h"
#include "domain/timestamp.h"
#include "render/card_preview.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

namespace kpd::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxLocalImageBytes = 16u << 20; // far above the 2 MiB slot limit: render, let validate judge

struct RenderArgs {
    std::string file;
    std::string out;
    std::string lang; // empty: from the locale
    std::string theme = "light";
    double scale = 1.0;
    std::string at;           // RFC 3339; empty: now
    std::string partner_name; // FILE only; empty: a generic name in the chosen language
};

// What is drawn: the screen, and the images found for it by asset id.
struct Source {
    domain::CardScreen screen;
    std::map<std::string, std::vector<std::uint8_t>> assets;
    std::string partner_name;
};

api::Request Get(std::string path) {
    api::Request request;
    request.path = std::move(path);
    return request;
}

bool RussianByDefault() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
            return std::string_view(value).starts_with("ru");
        }
    }
    return false;
}

std::optional<std::vector<std::uint8_t>> ReadBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The screen in FILE, with the images its fields name as local files.
std::optional<Source> LoadFile(const RenderArgs& args, ExitCode& failure) {
    const auto text = ReadBytes(args.file);
    if (!text) {
        failure = UsageError("cannot read " + args.file);
        return std::nullopt;
    }
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text->begin(), text->end());
    } catch (const nlohmann::json::parse_error& e) {
        failure = UsageError(args.file + " is not JSON: " + e.what());
        return std::nullopt;
    }
    auto parsed = contract::CardScreenFromJson(json);
    if (!parsed.Ok()) {
        failure = ProblemsError(args.file + " is not a card screen:", parsed.problems);
        return std::nullopt;
    }
    Source source{std::move(*parsed.value), {}, args.partner_name};
    const fs::path base = fs::path(args.file).parent_path();
    for (const std::string& id : render::ReferencedAssets(source.screen)) {
        const fs::path path = fs::path(id).is_absolute() ? fs::path(id) : base / id;
        std::error_code error;
        if (fs::is_regular_file(path, error) && fs::file_size(path, error) <= kMaxLocalImageBytes) {
            if (auto bytes = ReadBytes(path)) {
                source.assets[id] = std::move(*bytes);
                continue;
            }
        }
        Say("note: image \"" + id + "\" is not a file next to " + args.file + "; it is drawn as a placeholder");
    }
    return source;
}

// The published screen and its images, from the platform as the signed-in user.
std::optional<Source> LoadPublished(const GlobalOptions& options, ExitCode& failure) {
    auto session = OpenSession(options, failure);
    if (!session) {
        return std::nullopt;
    }
    auto answer = session->client.Send(Get(contract::endpoints::kCardScreen));
    if (!answer.Ok()) {
        failure = Fail(answer.Error());
        return std::nullopt;
    }
    nlohmann::json json = nlohmann::json::parse(answer.Value().body, nullptr, false);
    auto state = contract::CardScreenStateFromJson(json);
    if (json.is_discarded() || !state.Ok()) {
        failure = ExitCode::PlatformError;
        Say("the platform's card screen answer does not follow the contract");
        return std::nullopt;
    }
    if (!state.value->published) {
        failure = UsageError("the partner has no published card screen yet (render a draft FILE instead)");
        return std::nullopt;
    }
    Source source{*state.value->published, {}, {}};
    if (auto current = session->client.CurrentSession()) {
        source.partner_name = current->partner.name;
    }
    for (const std::string& id : render::ReferencedAssets(source.screen)) {
        auto content = session->client.Send(Get(contract::endpoints::AssetContent(id)));
        if (!content.Ok()) {
            // One missing image should not stop the picture: say so and draw a placeholder.
            Say("note: image " + id + " could not be fetched (" + content.Error().message + "); drawn as a placeholder");
            continue;
        }
        const std::string& body = content.Value().body;
        source.assets[id].assign(body.begin(), body.end());
    }
    return source;
}

ExitCode RunRender(const GlobalOptions& options, const RenderArgs& args) {
    std::int64_t moment = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    if (!args.at.empty()) {
        const auto instant = domain::ParseRfc3339(args.at);
        if (!instant) {
            return UsageError("--at: not an RFC 3339 time, e.g. 2026-11-21T18:40:00+03:00");
        }
        moment = instant->time_since_epoch().count();
    }

    ExitCode failure = ExitCode::Ok;
    auto source = args.file.empty() ? LoadPublished(options, failure) : LoadFile(args, failure);
    if (!source) {
        return failure;
    }

    const bool russian = args.lang.empty() ? RussianByDefault() : args.lang == "ru";
    std::string name = source->partner_name;
    if (name.empty()) {
        name = russian ? "Партнёр" : "Partner";
    }
    render::PreviewData data = render::SamplePreviewData(name);
    data.card_number = render::SampleCardNumber(source->screen.identifier.barcode);
    data.unix_seconds = moment;
    data.assets = std::move(source->assets);
    if (russian) {
        data.labels = render::RussianPreviewLabels();
    }
    const render::RenderOptions renderOptions{
        args.theme == "dark" ? render::PhoneTheme::Dark : render::PhoneTheme::Light, args.scale};
    const render::Rendered rendered = render::RenderCardScreen(source->screen, data, renderOptions);

    std::string error;
    if (!render::WritePng(rendered.image, args.out, error)) {
        return UsageError(error);
    }
    const std::string kind(domain::ToString(source->screen.identifier.kind));
    if (options.format == OutputFormat::Json) {
        PrintJson({{"out", args.out},
                   {"width", rendered.image.width},
                   {"height", rendered.image.height},
                   {"code_kind", kind},
                   {"code_text", rendered.parts.code_text},
                   {"at", domain::FormatRfc3339(domain::Instant{std::chrono::seconds{moment}})}});
    } else {
        std::cout << "Wrote " << args.out << " (" << rendered.image.width << "×" << rendered.image.height
                  << " px); " << kind << " code " << rendered.parts.code_text << '\n';
    }
    return ExitCode::Ok;
}

} // namespace

void AddCardScreenRenderCommand(CLI::App& cardScreen, const GlobalOptions& options, std::function<ExitCode()>& run) {
    // The parser outlives this call; the arguments live as long as the command.
    auto args = std::make_shared<RenderArgs>();
    auto* command = cardScreen.add_subcommand(
        "render", "Draw the card screen as the app shows it into a PNG (FILE, or the published screen)");
    command->add_option("file", args->file, "A CardScreen JSON file; images may be local PNG/JPEG paths")
        ->check(CLI::ExistingFile);
    command->add_option("--out", args->out, "The PNG file to write")->required();
    command->add_option("--lang", args->lang, "Language of the app's own words (default: from the locale)")
        ->check(CLI::IsMember({"ru", "en"}));
    command->add_option("--theme", args->theme, "The phone's appearance")
        ->check(CLI::IsMember({"light", "dark"}))
        ->capture_default_str();
    command->add_option("--scale", args->scale, "Device pixels per point (the phone is 390 points wide)")
        ->check(CLI::Range(0.25, 8.0))
        ->capture_default_str();
    command->add_option("--at", args->at, "The moment drawn, RFC 3339 (dynamic codes; default: now)");
    command->add_option("--partner-name", args->partner_name, "The name on the card when drawing FILE");
    command->callback([args, &options, &run] { run = [args, &options] { return RunRender(options, *args); }; });
}

} // namespace kpd::cli
