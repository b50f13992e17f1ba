#include "domain/reconciliation.h"

namespace kpd::domain {

namespace {
constexpr std::array<std::string_view, kReconClassCount> kNames{
    "matched", "missing_at_partner", "missing_on_platform", "amount_mismatch",
    "duplicate", "refund_mismatch", "date_outside_tolerance"};
} // namespace

std::string_view ToString(ReconClass cls) { return kNames[static_cast<std::size_t>(cls)]; }

std::optional<ReconClass> ReconClassFromString(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) {
            return static_cast<ReconClass>(i);
        }
    }
    return std::nullopt;
}

} // namespace kpd::domain
