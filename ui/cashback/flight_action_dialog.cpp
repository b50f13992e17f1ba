#include "ui/cashback/flight_action_dialog.h"

#include "ui/app/desk_session.h"
#include "ui/cashback/cashback_words.h"
#include "ui/widgets/dialog_buttons.h"
#include "ui/settlements/settlement_words.h"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {
namespace {

wxString Title(domain::FlightAction action) {
    switch (action) {
    case domain::FlightAction::Submit: break; // not confirmed here: the editor submits
    case domain::FlightAction::Pause: return _("Pause the flight");
    case domain::FlightAction::Resume: return _("Resume the flight");
    case domain::FlightAction::Stop: return _("Stop the flight");
    }
    return wxString();
}

wxString WhatItDoes(domain::FlightAction action) {
    switch (action) {
    case domain::FlightAction::Submit: break; // not confirmed here: the editor submits
    case domain::FlightAction::Pause:
        return _("Receipts scanned while the flight is paused get no cashback from it. You can resume it later; "
                 "the end date stays.");
    case domain::FlightAction::Resume:
        return _("Receipts scanned from now on get cashback again, until the end date or until the budget is "
                 "spent.");
    case domain::FlightAction::Stop:
        return _("A stopped flight cannot be started again: receipts get no cashback from it from now on. "
                 "Cashback already accrued stays with the customers.");
    }
    return wxString();
}

wxString Button(domain::FlightAction action) {
    switch (action) {
    case domain::FlightAction::Submit: break; // not confirmed here: the editor submits
    case domain::FlightAction::Pause: return _("&Pause");
    case domain::FlightAction::Resume: return _("&Resume");
    case domain::FlightAction::Stop: return _("&Stop the flight");
    }
    return wxString();
}

} // namespace

FlightActionDialog::FlightActionDialog(wxWindow* parent, const domain::CashbackFlight& flight, domain::FlightAction action)
    : wxDialog(parent, wxID_ANY, Title(action)), m_action(action) {
    const int gap = FromDIP(16);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto text = [this, sizer, gap](const wxString& words, bool bold = false) {
        auto* label = new wxStaticText(this, wxID_ANY, words);
        if (bold) label->SetFont(label->GetFont().Bold());
        label->Wrap(FromDIP(460));
        sizer->Add(label, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    };
    text(FlightName(flight), true);
    // TRANSLATORS: a flight's state, dates and money: e.g. "Running, 16.11.2026 – 15.12.2026. Accrued 12 000,00 ₽ of 50 000,00 ₽."
    text(wxString::Format(_("%s, %s. Accrued %s of %s."), FlightStatusWords(flight), FlightDatesWords(flight),
                          Money(flight.accrued_kop), Money(flight.budget_kop)));
    text(WhatItDoes(action));
    sizer->Add(OkCancelButtons(this, Button(action)).sizer, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizerAndFit(sizer);
    CentreOnParent();
}

wxString FlightActionProgress(domain::FlightAction action) {
    switch (action) {
    case domain::FlightAction::Submit: break; // not confirmed here: the editor submits
    case domain::FlightAction::Pause: return _("Pausing the flight");
    case domain::FlightAction::Resume: return _("Resuming the flight");
    case domain::FlightAction::Stop: return _("Stopping the flight");
    }
    return wxString();
}

wxString FlightActionDone(domain::FlightAction action, const domain::CashbackFlight& flight) {
    switch (action) {
    case domain::FlightAction::Submit: break; // not confirmed here: the editor submits
    // TRANSLATORS: %s is the flight's name (brand and title).
    case domain::FlightAction::Pause: return wxString::Format(_("Paused: %s."), FlightName(flight));
    // TRANSLATORS: %s is the flight's name (brand and title).
    case domain::FlightAction::Resume: return wxString::Format(_("Resumed: %s."), FlightName(flight));
    // TRANSLATORS: %s is the flight's name (brand and title).
    case domain::FlightAction::Stop: return wxString::Format(_("Stopped: %s."), FlightName(flight));
    }
    return wxString();
}

} // namespace kpd::ui
