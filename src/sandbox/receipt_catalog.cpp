#include "sandbox/receipt_catalog.h"

#include "sandbox/cashback_app_users.h"

namespace kpd::sandbox {

const std::vector<CatalogItem>& ReceiptCatalog() {
    // EAN-13-shaped SKUs of a fictional range; the demo flights match some of
    // them by SKU, by category and by a word of the name.
    static const std::vector<CatalogItem> items = {
        {"4601234000011", "Молоко «Полянка» 3,2% 930 мл", "dairy", 8990},
        {"4601234000028", "Кефир «Полянка» 2,5% 900 г", "dairy", 9490},
        {"4601234000035", "Творог «Полянка» 5% 350 г", "dairy", 15990},
        {"4601234000042", "Сыр «Российский» 200 г", "dairy", 21990},
        {"4601234000059", "Йогурт питьевой клубника 270 г", "dairy", 6990},
        {"4601234000066", "Хлеб «Бородинский» 400 г", "bakery", 5990},
        {"4601234000073", "Батон нарезной 350 г", "bakery", 4490},
        {"4601234000080", "Круассан с шоколадом", "bakery", 7990},
        {"4601234000097", "Кофе молотый «Зерно» 250 г", "coffee", 45990},
        {"4601234000103", "Кофе в зёрнах «Зерно» 1 кг", "coffee", 159990},
        {"4601234000110", "Чай чёрный листовой 100 г", "tea", 18990},
        {"4601234000127", "Вода минеральная 1,5 л", "drinks", 6490},
        {"4601234000134", "Сок апельсиновый 1 л", "drinks", 14990},
        {"4601234000141", "Лимонад «Тархун» 0,5 л", "drinks", 7990},
        {"4601234000158", "Яблоки «Гала» 1 кг", "fruit", 17990},
        {"4601234000165", "Бананы 1 кг", "fruit", 13990},
        {"4601234000172", "Шоколад молочный 90 г", "snacks", 11990},
        {"4601234000189", "Печенье овсяное 300 г", "snacks", 9990},
        {"4601234000196", "Чипсы картофельные 140 г", "snacks", 15990},
        {"4601234000202", "Гречка ядрица 900 г", "grocery", 10990},
        {"4601234000219", "Макароны спагетти 450 г", "grocery", 8990},
        {"4601234000226", "Масло подсолнечное 1 л", "grocery", 14490},
        {"4601234000233", "Средство для посуды 500 мл", "household", 16990},
        {"4601234000240", "Бумажные полотенца 2 рулона", "household", 12990},
        {"4601234000257", "Зубная паста 100 мл", "care", 19990},
        {"4601234000264", "Шампунь 400 мл", "care", 34990},
    };
    return items;
}

std::uint64_t Draws::Next() {
    m_state = Mix64(m_state);
    return m_state;
}

std::int64_t Draws::Below(std::int64_t n) {
    return static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(n));
}

namespace {
ReceiptLine LineOf(const CatalogItem& item, std::int64_t quantity) {
    return {item.sku, item.name, item.category, item.price_kop, quantity};
}

// A line that the flight's rules match: its SKU, its category or a keyword.
ReceiptLine BaitLine(Draws& draws, const FlightBait& bait) {
    const auto& catalog = ReceiptCatalog();
    const auto& filler = catalog[static_cast<std::size_t>(draws.Below(static_cast<std::int64_t>(catalog.size())))];
    ReceiptLine line = LineOf(filler, 1 + draws.Below(2));
    const std::int64_t kinds = 3;
    for (std::int64_t tries = 0; tries < kinds; ++tries) {
        switch ((draws.Below(kinds) + tries) % kinds) {
        case 0:
            if (!bait.skus.empty()) {
                line.sku = bait.skus[static_cast<std::size_t>(draws.Below(static_cast<std::int64_t>(bait.skus.size())))];
                line.name = bait.title.empty() ? line.name : bait.title;
                for (const auto& item : catalog) { // a catalogue SKU keeps its own name and price
                    if (line.sku == item.sku) line = LineOf(item, line.quantity);
                }
                return line;
            }
            break;
        case 1:
            if (!bait.categories.empty()) {
                line.category = bait.categories[static_cast<std::size_t>(
                    draws.Below(static_cast<std::int64_t>(bait.categories.size())))];
                return line;
            }
            break;
        default:
            if (!bait.keywords.empty()) {
                line.name = bait.keywords[static_cast<std::size_t>(
                                draws.Below(static_cast<std::int64_t>(bait.keywords.size())))] +
                            " " + line.name;
                return line;
            }
        }
    }
    return line;
}
} // namespace

std::vector<ReceiptLine> DrawLines(Draws& draws, const std::vector<FlightBait>& baits, int baitChance) {
    const auto& catalog = ReceiptCatalog();
    std::vector<ReceiptLine> lines;
    const std::int64_t count = 1 + draws.Below(6);
    for (std::int64_t k = 0; k < count; ++k) {
        const auto& item = catalog[static_cast<std::size_t>(draws.Below(static_cast<std::int64_t>(catalog.size())))];
        lines.push_back(LineOf(item, 1 + draws.Below(3) / 2)); // mostly one, sometimes two
    }
    if (!baits.empty() && draws.Below(1000) < baitChance) {
        lines.push_back(
            BaitLine(draws, baits[static_cast<std::size_t>(draws.Below(static_cast<std::int64_t>(baits.size())))]));
    }
    return lines;
}

} // namespace kpd::sandbox
