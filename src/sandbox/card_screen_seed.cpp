#include "sandbox/card_screen_seed.h"

#include "domain/card_screen_rules.h"
#include "domain/card_screen_sample.h"
#include "domain/image_header.h"
#include "sandbox/asset_repository.h"
#include "sandbox/audit_log.h"
#include "sandbox/card_screen_repository.h"
#include "sandbox/crypto.h"
#include "sandbox/demo_images.h"
#include "sandbox/user_repository.h"

#include <span>
#include <stdexcept>

namespace kpd::sandbox {

namespace {
using domain::CtaKind;

class Seeder {
  public:
    Seeder(soci::session& db, std::int64_t partnerId, const std::string& login,
           domain::Instant start)
        : m_db(db), m_partnerId(partnerId), m_at(start) {
        auto user = FindCredentials(db, login);
        if (!user || user->partner_id != partnerId) {
            throw std::logic_error("the demo card screen needs the user " + login);
        }
        m_entry.actor_user_id = user->user.id;
        m_entry.actor_login = login;
        m_entry.client = "platform-sandbox/seed";
    }

    std::string Upload(const char* file, domain::ImageSlot slot) {
        auto bytes = DemoImageBytes(file);
        auto header = domain::InspectImage(std::span<const std::uint8_t>(
            reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
        domain::AssetInfo asset;
        asset.slot = slot;
        asset.media_type = header.media_type;
        asset.width = header.width;
        asset.height = header.height;
        asset.bytes = static_cast<std::int64_t>(bytes.size());
        asset.sha256 = Sha256Hex(bytes);
        asset.id = AssetIdFor(m_partnerId, slot, asset.sha256);
        if (!header.Ok() || !domain::ValidateAssetForSlot(asset, slot, file).empty()) {
            throw std::logic_error(std::string("the demo image ") + file + " does not fit its slot");
        }
        InsertAsset(m_db, m_partnerId, asset, std::string(bytes), Next(std::chrono::minutes(4)));
        Audit("asset.uploaded", "asset", asset.id, std::string("uploaded ") + file);
        return asset.id;
    }

    void SaveDraft(const domain::CardScreen& screen) {
        Check(screen);
        auto version = LoadCardScreen(m_db, m_partnerId).version;
        if (!sandbox::SaveDraft(m_db, m_partnerId, version, screen, Next(std::chrono::hours(2)))) {
            throw std::logic_error("the demo draft was not saved");
        }
        Audit("card_screen.draft_saved", "card_screen", std::to_string(m_partnerId),
              "saved the draft; version " + std::to_string(version + 1));
    }

    void PublishDraft() {
        auto state = LoadCardScreen(m_db, m_partnerId);
        Publication publication{*state.draft, Next(std::chrono::minutes(25)), m_entry.actor_login,
                                std::nullopt, true};
        auto number = Publish(m_db, m_partnerId, state.version, publication);
        if (!number) {
            throw std::logic_error("the demo draft was not published");
        }
        Audit("card_screen.published", "card_screen", std::to_string(m_partnerId),
              "published the draft as version " + std::to_string(*number));
    }

  private:
    void Check(const domain::CardScreen& screen) {
        auto problems = domain::ValidateCardScreen(screen, AssetLookupFor(m_db, m_partnerId));
        if (!problems.empty()) {
            throw std::logic_error("the demo card screen breaks a rule at " +
                                   problems.front().field + ": " + problems.front().message);
        }
    }

    std::string Next(std::chrono::minutes step) {
        m_at += step;
        return domain::FormatRfc3339(m_at);
    }

    void Audit(const char* action, const char* objectType, const std::string& objectId,
               const std::string& detail) {
        m_entry.at = domain::FormatRfc3339(m_at);
        m_entry.action = action;
        m_entry.object_type = objectType;
        m_entry.object_id = objectId;
        m_entry.detail = detail;
        AppendAudit(m_db, m_partnerId, m_entry);
    }

    soci::session& m_db;
    std::int64_t m_partnerId;
    domain::Instant m_at;
    domain::AuditEntry m_entry;
};
} // namespace

void SeedDemoCardScreen(soci::session& db, std::int64_t partnerId, const std::string& login,
                        domain::Instant start) {
    Seeder seeder(db, partnerId, login, start);
    const auto logo = seeder.Upload("logo.png", domain::ImageSlot::Logo);
    const auto fruit = seeder.Upload("banner-fruit.png", domain::ImageSlot::Banner);

    // Version 1: the sample screen with the partner's logo and the weekend banner.
    auto first = domain::SampleCardScreen();
    first.theme.logo = logo;
    first.banners = {{fruit, "Фрукты −20 % по выходным", {CtaKind::PromoList, ""}}};
    seeder.SaveDraft(first);
    seeder.PublishDraft();

    // Version 2, the one the app shows now: a second banner for delivery.
    const auto delivery = seeder.Upload("banner-delivery.png", domain::ImageSlot::Banner);
    auto second = first;
    second.banners.push_back(
        {delivery, "Доставка за 2 часа", {CtaKind::OnlineShop, "https://polyanka.example/shop"}});
    seeder.SaveDraft(second);
    seeder.PublishDraft();

    // The draft being worked on: a warmer accent and a new promo block.
    auto draft = second;
    draft.theme.accent_color = "#FF7043";
    draft.promo_blocks.push_back(
        {std::nullopt, "Кешбэк баллами 5 % на выпечку", {CtaKind::Url, "https://polyanka.example/bakery"}});
    seeder.SaveDraft(draft);
}

} // namespace kpd::sandbox
