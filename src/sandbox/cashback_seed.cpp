#include "sandbox/cashback_seed.h"

#include "domain/cashback_rules.h"
#include "sandbox/audit_log.h"
#include "sandbox/cashback_stored_flight.h"
#include "sandbox/receipt_generator.h"

#include <stdexcept>

namespace kpd::sandbox {

namespace {
constexpr std::int64_t kDay = 86400;

domain::CivilDate DaysFrom(domain::CivilDate date, std::int64_t days) {
    return domain::CivilFromDays(domain::DaysFromCivil(date) + days);
}

struct Seeder {
    soci::session& db;
    std::int64_t partner_id;
    std::int64_t user_id;
    std::string login;
    domain::Instant now;
    domain::CivilDate today;

    std::string At(std::int64_t daysAgo, int hour) const {
        return domain::FormatRfc3339(now - std::chrono::seconds(daysAgo * kDay) +
                                     std::chrono::hours(hour - 12));
    }

    void Audit(const std::string& at, const std::string& action, std::int64_t id, const std::string& detail) const {
        domain::AuditEntry e;
        e.at = at;
        e.actor_user_id = user_id;
        e.actor_login = login;
        e.client = "platform-sandbox/seed";
        e.action = action;
        e.object_type = "cashback_flight";
        e.object_id = std::to_string(id);
        e.detail = detail;
        AppendAudit(db, partner_id, e);
    }

    // Creates the flight as of `createdDaysAgo` and, when `submittedDaysAgo`
    // is set, submits it then; returns its id.
    std::int64_t Add(domain::CashbackFlight f, std::int64_t createdDaysAgo, std::optional<std::int64_t> submittedDaysAgo) {
        if (auto problems = domain::ValidateFlight(f); !problems.empty()) {
            throw std::logic_error("demo flight \"" + f.offer.title + "\" breaks the rules at " + problems.front().field);
        }
        f.created_at = At(createdDaysAgo, 11);
        f.updated_at = f.created_at;
        f.status = domain::FlightStatus::Draft;
        if (submittedDaysAgo) {
            f.status = domain::FlightStatus::Scheduled;
            f.submitted_on = DaysFrom(today, -*submittedDaysAgo);
            f.updated_at = At(*submittedDaysAgo, 15);
        }
        auto stored = ToStored(f, partner_id);
        const auto id = InsertFlight(db, stored);
        Audit(f.created_at, "cashback_flight.created", id, "created the draft \"" + f.offer.title + "\"");
        if (submittedDaysAgo) {
            Audit(f.updated_at, "cashback_flight.submitted", id,
                  "\"" + f.offer.title + "\": draft -> scheduled on " + domain::FormatIsoDate(*f.submitted_on) +
                      ", starts " + stored.starts_on);
        }
        return id;
    }
};

domain::CashbackFlight Flight(const char* title, const char* description) {
    domain::CashbackFlight f;
    f.offer.brand = "Полянка";
    f.offer.title = title;
    f.offer.description = description;
    f.cap_per_receipt_kop = 300'00;
    return f;
}
} // namespace

void SeedDemoCashback(soci::session& db, std::int64_t partnerId, const std::string& login, domain::Instant now) {
    std::int64_t userId = 0;
    db << "SELECT user_id FROM users WHERE partner_id = :p AND login = :l", soci::into(userId),
        soci::use(partnerId, "p"), soci::use(login, "l");
    if (!db.got_data()) {
        throw std::logic_error("the cashback seed needs the demo user " + login);
    }
    const auto today = MoscowDate(now);
    Seeder s{db, partnerId, userId, login, now, today};

    // Finished: a summer-style drinks flight two months back whose small
    // budget ran out before its end.
    auto drinks = Flight("10 % на напитки", "Соки, вода и лимонады со скидкой кешбэком.");
    drinks.match.categories = {"drinks"};
    drinks.cashback.percent_bp = 1000;
    drinks.budget_kop = 15'000'00;
    drinks.starts_on = DaysFrom(today, -60);
    drinks.ends_on = DaysFrom(today, -31);
    s.Add(drinks, 85, 81);

    // Live: started two weeks ago, the partner's own dairy for holders of its card.
    auto dairy = Flight("10 % на молочное «Полянка»",
                        "Молоко, кефир и творог «Полянка» — 10 % возвращаются в кошелёк, до 300 ₽ с чека.");
    dairy.match.skus = {"4601234000011", "4601234000028", "4601234000035"};
    dairy.match.keywords = {"полянка"};
    dairy.match.categories = {"dairy"};
    dairy.cashback.percent_bp = 1000;
    dairy.targeting.loyalty_cards = {"polyanka"};
    dairy.budget_kop = 1'000'000'00; // sized below once the history has run
    dairy.starts_on = DaysFrom(today, -14);
    dairy.ends_on = DaysFrom(today, 45);
    // Three weeks between submission and start hold 5 business days even
    // across the New Year holidays.
    const auto live = s.Add(dairy, 38, 35);

    // Scheduled: coffee, submitted two days ago, starting in three weeks.
    auto coffee = Flight("50 ₽ за пачку кофе «Зерно»", "За каждую пачку кофе «Зерно» в чеке — 50 ₽ в кошелёк.");
    coffee.offer.brand = "Зерно";
    coffee.match.skus = {"4601234000097", "4601234000103"};
    coffee.match.keywords = {"зерно"};
    coffee.cashback.fixed_kop = 50'00;
    coffee.cap_per_receipt_kop = 200'00;
    coffee.targeting.regions = {"RU-MOW", "RU-MOS", "RU-SPE"};
    coffee.budget_kop = 250'000'00;
    coffee.starts_on = DaysFrom(today, 19);
    coffee.ends_on = DaysFrom(today, 49);
    s.Add(coffee, 3, 2);

    // Draft: bakery Tuesdays, not submitted yet.
    auto bakery = Flight("5 % на хлеб и выпечку", "Свежий хлеб каждый день — 5 % кешбэка.");
    bakery.match.categories = {"bakery"};
    bakery.match.keywords = {"хлеб", "батон"};
    bakery.cashback.percent_bp = 500;
    bakery.cap_per_receipt_kop = 100'00;
    bakery.targeting.loyalty_cards = {"polyanka"};
    bakery.budget_kop = 80'000'00;
    bakery.starts_on = DaysFrom(today, 30);
    bakery.ends_on = DaysFrom(today, 60);
    s.Add(bakery, 1, std::nullopt);

    // The history: the simulated users scan every day of the last two months.
    for (std::int64_t daysAgo = 60; daysAgo >= 1; --daysAgo) {
        const auto day = DaysFrom(today, -daysAgo);
        if (PartnersWithRunningFlights(db, domain::FormatIsoDate(day)).empty()) continue;
        GenerateScans(db, day, kSeedScansPerDay, 23 * 3600, s.At(daysAgo, 23));
    }
    // A month of budget at the pace of the two weeks: what is left lasts
    // about as long again.
    db << "UPDATE cashback_flights SET budget_kop = accrued_kop * 30 / 14 + 1 WHERE partner_id = :p AND flight_id = :f",
        soci::use(partnerId, "p"), soci::use(live, "f");
}

} // namespace kpd::sandbox
