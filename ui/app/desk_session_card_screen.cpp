// DeskSession's card screen use cases: each a call of services/card_screen_*
// and services/publish_card_screen, shaped for the designer's panel.
#include "ui/app/desk_session.h"

#include "services/card_screen_assets.h"
#include "services/card_screen_draft.h"
#include "services/publish_card_screen.h"
#include "store/store_error.h"
#include "ui/app/desk_session_impl.h"

#include <fstream>
#include <iterator>

namespace kpd::ui {
namespace {

// What the images of a screen are, read from their bytes by the slot each fills,
// so the designer checks image rules without asking the platform.
void DescribeImages(const domain::CardScreen& screen, CardScreenLoad& load) {
    auto describe = [&load](const std::optional<std::string>& id, domain::ImageSlot slot) {
        if (!id) return;
        auto bytes = load.images.find(*id);
        if (bytes == load.images.end() || load.assets.count(*id)) return;
        domain::AssetInfo info = services::CheckImage(bytes->second, slot, "").info;
        info.id = *id;
        info.slot = slot;
        load.assets.emplace(*id, info);
    };
    describe(screen.theme.logo, domain::ImageSlot::Logo);
    describe(screen.theme.background_image, domain::ImageSlot::Background);
    for (const auto& banner : screen.banners) describe(banner.asset, domain::ImageSlot::Banner);
    for (const auto& block : screen.promo_blocks) describe(block.asset, domain::ImageSlot::Promo);
}

api::ApiError WorkspaceError(const store::StoreError& e) {
    api::ApiError error;
    error.kind = api::ApiErrorKind::BadResponse;
    error.code = "workspace";
    error.message = e.what();
    return error;
}

} // namespace

CardScreenLoad DeskSession::LoadCardScreen(domain::CancelTokenPtr cancel, domain::ProgressSink* progress) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    CardScreenLoad load;
    auto loaded = services::LoadCardScreen(*m_impl->client, *m_impl->workspace, cancel);
    if (!loaded) {
        load.state.error = loaded.Error();
        return load;
    }
    services::LoadedCardScreen& value = loaded.Value();
    load.state.value = value.platform.value;
    load.state.from_cache = value.platform.from_cache;
    load.state.fetched_at = value.platform.cached_at.value_or("");
    load.state.error = value.platform.offline_error;
    if (value.local) {
        load.kept_draft = value.local->screen;
        load.kept_base_version = value.local->base_version;
        load.kept_at = value.local->saved_at;
    }
    // The images of every screen the designer may show: the draft, the published one, the kept edit.
    std::vector<const domain::CardScreen*> screens;
    if (load.state.value->draft) screens.push_back(&*load.state.value->draft);
    if (load.state.value->published) screens.push_back(&*load.state.value->published);
    if (load.kept_draft) screens.push_back(&*load.kept_draft);
    std::int64_t done = 0;
    for (const domain::CardScreen* screen : screens) {
        if (progress) progress->Report(done++, static_cast<std::int64_t>(screens.size()), "images");
        services::ScreenImages images = services::FetchScreenImages(*m_impl->client, *m_impl->workspace, *screen, cancel);
        for (auto& [id, bytes] : images.bytes) load.images.emplace(id, std::move(bytes));
        DescribeImages(*screen, load);
    }
    return load;
}

bool DeskSession::KeepCardScreenDraft(const domain::CardScreen& screen, std::int64_t base_version) {
    const std::lock_guard lock(m_impl->mutex);
    try {
        return services::SaveLocalDraft(*m_impl->client, *m_impl->workspace, screen, base_version).Ok();
    } catch (const store::StoreError&) {
        return false;
    }
}

void DeskSession::ForgetCardScreenDraft() {
    const std::lock_guard lock(m_impl->mutex);
    try {
        services::DiscardLocalDraft(*m_impl->client, *m_impl->workspace);
    } catch (const store::StoreError&) {
        // Nothing to lose: the platform has what the workspace kept.
    }
}

CardScreenChange DeskSession::SaveCardScreenDraft(const domain::CardScreen& screen, std::int64_t expected_version,
                                                  domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    try {
        services::PushOutcome outcome =
            services::PushDraft(*m_impl->client, *m_impl->workspace, screen, expected_version, cancel);
        std::optional<domain::CardScreenState> current = outcome.current;
        return CardScreenChange{ToResult<domain::CardScreenState>(std::move(outcome)), std::move(current)};
    } catch (const store::StoreError& e) {
        return CardScreenChange{WorkspaceError(e), std::nullopt};
    }
}

CardScreenChange DeskSession::PublishCardScreen(std::int64_t expected_version, domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    try {
        services::StateOutcome outcome =
            services::PublishCardScreen(*m_impl->client, *m_impl->workspace, expected_version, cancel);
        std::optional<domain::CardScreenState> current = outcome.current;
        return CardScreenChange{ToResult<domain::CardScreenState>(std::move(outcome)), std::move(current)};
    } catch (const store::StoreError& e) {
        return CardScreenChange{WorkspaceError(e), std::nullopt};
    }
}

api::Result<std::vector<domain::CardScreenVersion>> DeskSession::ListCardScreenVersions(domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return services::ListCardScreenVersions(*m_impl->client, 200, cancel);
}

api::Result<domain::CardScreenVersion> DeskSession::LoadCardScreenVersion(std::int64_t number,
                                                                          domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return services::GetCardScreenVersion(*m_impl->client, number, cancel);
}

CardScreenChange DeskSession::RollbackCardScreen(std::int64_t number, std::int64_t expected_version,
                                                 domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    try {
        services::StateOutcome outcome =
            services::RollbackCardScreen(*m_impl->client, *m_impl->workspace, number, expected_version, cancel);
        std::optional<domain::CardScreenState> current = outcome.current;
        return CardScreenChange{ToResult<domain::CardScreenState>(std::move(outcome)), std::move(current)};
    } catch (const store::StoreError& e) {
        return CardScreenChange{WorkspaceError(e), std::nullopt};
    }
}

ImageUpload DeskSession::UploadCardImage(domain::ImageSlot slot, const std::string& field, const std::string& path,
                                         domain::CancelTokenPtr cancel) {
    ImageUpload upload;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        api::ApiError error;
        error.kind = api::ApiErrorKind::Validation;
        error.code = "validation_failed";
        error.problems.push_back({field, "unreadable_file", "the file cannot be read: " + path});
        upload.result = error;
        return upload;
    }
    // At most one byte past the limit is read: enough to know it is too large.
    std::vector<std::uint8_t> bytes;
    char chunk[65536];
    while (file && static_cast<std::int64_t>(bytes.size()) <= domain::kMaxAssetBytes) {
        file.read(chunk, sizeof chunk);
        bytes.insert(bytes.end(), chunk, chunk + file.gcount());
    }
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    try {
        auto outcome = services::UploadImage(*m_impl->client, *m_impl->workspace, slot, bytes, field, cancel);
        if (outcome.value) {
            upload.result = outcome.value->info;
            upload.bytes = std::move(bytes);
        } else {
            services::Outcome<domain::AssetInfo> failed;
            failed.problems = std::move(outcome.problems);
            failed.error = std::move(outcome.error);
            upload.result = ToResult(std::move(failed));
        }
    } catch (const store::StoreError& e) {
        upload.result = WorkspaceError(e);
    }
    return upload;
}

api::Result<std::vector<std::uint8_t>> DeskSession::LoadCardImage(const std::string& asset_id,
                                                                  domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    try {
        return services::AssetBytes(*m_impl->client, *m_impl->workspace, asset_id, cancel);
    } catch (const store::StoreError& e) {
        return WorkspaceError(e);
    }
}

} // namespace kpd::ui
