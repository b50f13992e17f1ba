// The preview's own words in Russian, for callers without gettext (the CLI's
// --lang ru, tests); the desk passes its translated catalogue instead.
#include "render/card_preview.h"

namespace kpd::render {

PreviewLabels RussianPreviewLabels() {
    PreviewLabels labels;
    labels.history = "Покупки";
    labels.next_level = "До следующего уровня";
    labels.max_level = "Максимальный уровень";
    labels.show_at_checkout = "Покажите на кассе";
    labels.checkin_code = "Код для кассира";
    labels.code_changes_in = "Обновится через %d с";
    labels.scan_qr = "Сканировать чек";
    labels.rules = "Правила программы";
    labels.privacy = "Политика конфиденциальности";
    labels.currency = "₽";
    return labels;
}

} // namespace kpd::render
