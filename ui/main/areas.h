#pragma once
// The areas of the desk, in navigation order: what each is called and what it
// will hold. The main frame builds its navigation and View menu from this
// table; Ctrl+1…9 open the first nine. UI thread only (translated words).
#include <wx/string.h>

#include <vector>

namespace kpd::ui {

enum class Area {
    PartnerProfile,
    Users,
    AuditLog,
    CardScreen,
    IssuanceQuestions,
    Surveys,
    PromoOffers,
    ReceiptPromos,
    CashbackFlights,
    PushCampaigns,
    CardIssuance,
    Analytics,
    Settlements,
};

struct AreaInfo {
    Area area;
    const char* key;       // stable name for settings, logs and screenshots, e.g. "users"
    wxString title;        // in the navigation and the View menu
    wxString description;  // what the area is for (shown on pages not built yet)
    bool built = false;
};

// Every area, in navigation order.
const std::vector<AreaInfo>& Areas();

} // namespace kpd::ui
