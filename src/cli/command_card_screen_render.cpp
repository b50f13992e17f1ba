// partnerctl card-screen render [FILE] --out PNG: the card screen drawn
// headless by the very renderer the desk's preview uses (src/render). FILE is
// a CardScreen JSON whose image fields may name local PNG/JPEG files
// (relative to FILE) as `validate` and `put` accept; without FILE the
// partner's published screen and its images come from the platform.
// This file alone of the commands includes CLI11 beside main.cpp: it adds its
// own subcommand through the AddCardScreenRenderCommand hook (commands.h).
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/draft_file.h"
#include "cli/error_words.h"
#include "cli/session.h"
#include "domain/timestamp.h"
#include "render/card_preview.h"
#include "services/card_screen_assets.h"
#include "services/card_screen_draft.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace kpd::cli {
namespace {

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

bool RussianByDefault() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
            return std::string_view(value).starts_with("ru");
        }
    }
    return false;
}

// The screen in FILE (read as `validate` reads it), with the images its
// fields name as local files. Rule problems do not stop the picture — seeing
// them is what a preview is for — but a file that is no screen at all does.
std::optional<Source> LoadFile(const RenderArgs& args, ExitCode& failure) {
    DraftFile draft = ReadDraftFile(args.file);
    if (!draft.screen) {
        failure = ProblemsError(args.file + " is not a card screen:", draft.problems);
        return std::nullopt;
    }
    Source source{std::move(*draft.screen), {}, args.partner_name};
    for (DraftImage& image : draft.images) {
        if (!image.bytes.empty()) {
            source.assets[image.value] = std::move(image.bytes);
        }
    }
    for (const std::string& id : render::ReferencedAssets(source.screen)) {
        if (!source.assets.contains(id)) {
            Say("note: image \"" + id + "\" is neither a readable file next to " + args.file +
                " nor fetched; it is drawn as a placeholder");
        }
    }
    if (!draft.problems.empty()) {
        Say("note: the screen breaks " + std::to_string(draft.problems.size()) +
            " rule(s); `partnerctl card-screen validate " + args.file + "` lists them");
    }
    return source;
}

// The published screen and its images (through the workspace's asset cache),
// as the signed-in user, by the services the desk's editor uses.
std::optional<Source> LoadPublished(const GlobalOptions& options, ExitCode& failure) {
    auto session = OpenSession(options, failure);
    if (!session) {
        return std::nullopt;
    }
    auto loaded = services::LoadCardScreen(session->client, *session->workspace);
    if (!loaded.Ok()) {
        failure = Fail(loaded.Error());
        return std::nullopt;
    }
    const auto& published = loaded.Value().platform.value.published;
    if (!published) {
        failure = UsageError(
            "the partner has no published card screen yet (render a draft FILE instead)");
        return std::nullopt;
    }
    Source source{*published, {}, {}};
    if (auto current = session->client.CurrentSession()) {
        source.partner_name = current->partner.name;
    }
    services::ScreenImages images =
        services::FetchScreenImages(session->client, *session->workspace, source.screen);
    source.assets = std::move(images.bytes);
    for (const auto& [id, error] : images.missing) {
        // One missing image should not stop the picture: say so and draw a placeholder.
        Say("note: image " + id + " could not be fetched (" + DescribeError(error) +
            "); drawn as a placeholder");
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
        std::cout << "Wrote " << args.out << " (" << rendered.image.width << "×"
                  << rendered.image.height << " px); " << kind << " code "
                  << rendered.parts.code_text << '\n';
    }
    return ExitCode::Ok;
}

} // namespace

void AddCardScreenRenderCommand(CLI::App& cardScreen, const GlobalOptions& options,
                                std::function<ExitCode()>& run) {
    // The parser outlives this call; the arguments live as long as the command.
    auto args = std::make_shared<RenderArgs>();
    auto* command = cardScreen.add_subcommand(
        "render",
        "Draw the card screen as the app shows it into a PNG (FILE, or the published screen)");
    command
        ->add_option("file", args->file,
                     "A CardScreen JSON file; images may be local PNG/JPEG paths")
        ->check(CLI::ExistingFile);
    command->add_option("--out", args->out, "The PNG file to write")->required();
    command
        ->add_option("--lang", args->lang,
                     "Language of the app's own words (default: from the locale)")
        ->check(CLI::IsMember({"ru", "en"}));
    command->add_option("--theme", args->theme, "The phone's appearance")
        ->check(CLI::IsMember({"light", "dark"}))
        ->capture_default_str();
    command
        ->add_option("--scale", args->scale,
                     "Device pixels per point (the phone is 390 points wide)")
        ->check(CLI::Range(0.25, 8.0))
        ->capture_default_str();
    command->add_option("--at", args->at,
                        "The moment drawn, RFC 3339 (dynamic codes; default: now)");
    command->add_option("--partner-name", args->partner_name,
                        "The name on the card when drawing FILE");
    command->fallthrough(); // global options (--platform, --user…) may follow, as elsewhere
    command->callback(
        [args, &options, &run] { run = [args, &options] { return RunRender(options, *args); }; });
}

} // namespace kpd::cli
