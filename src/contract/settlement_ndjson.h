#pragma once
// The bulk form of a register's purchases: one JSON object per line. The
// same document as ToJson(SettlementTransaction) (settlement_json.h), but
// written and read by hand, because a sync moves millions of lines and a
// general JSON library spends most of that time allocating. The reader takes
// lines in the writer's own layout; anything else (another server, another
// field order) returns nullopt and the caller falls back to the general
// parser, so being fast never costs correctness.
#include "domain/settlement.h"

#include <optional>
#include <string>
#include <string_view>

namespace kpd::contract {

// Appends one line (with its '\n').
void AppendTransactionLine(std::string& out, const domain::SettlementTransaction& tx);

// A line as AppendTransactionLine writes it; nullopt for any other text.
std::optional<domain::SettlementTransaction> ReadTransactionLineFast(std::string_view line);

} // namespace kpd::contract
