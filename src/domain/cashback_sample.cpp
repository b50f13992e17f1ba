#include "domain/cashback_sample.h"

namespace kpd::domain {

CashbackFlight SampleFlight() {
    CashbackFlight f;
    f.offer.brand = "Простоквашино";
    f.offer.title = "5 % кешбэка на молочные продукты";
    f.offer.description = "Сканируйте чек с молоком, кефиром или творогом и получайте 5 % на кошелёк.";
    f.match.skus = {"4607053470012", "4607053470029"};
    f.match.keywords = {"молоко", "кефир", "творог"};
    f.match.categories = {"dairy"};
    f.cashback.percent_bp = 500;
    f.cap_per_receipt_kop = 300'00;
    f.targeting.regions = {"RU-MOW", "RU-SPE"};
    f.budget_kop = 100'000'00;
    f.starts_on = {2026, 12, 1};
    f.ends_on = {2026, 12, 31};
    return f;
}

} // namespace kpd::domain
