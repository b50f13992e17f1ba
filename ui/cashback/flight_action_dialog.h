#pragma once
// Confirmation before pausing, resuming or stopping a flight: what the flight
// is, what it has accrued of its budget, and what the change will do (a stop
// is final). UI thread only.
#include "domain/cashback_flight.h"

#include <wx/dialog.h>

namespace kpd::ui {


class FlightActionDialog : public wxDialog {
  public:
    FlightActionDialog(wxWindow* parent, const domain::CashbackFlight& flight, domain::FlightAction action);
    domain::FlightAction Action() const { return m_action; }

  private:
    domain::FlightAction m_action;
};

// "Pausing the flight…" while it is sent; "The flight is paused." after.
wxString FlightActionProgress(domain::FlightAction action);
wxString FlightActionDone(domain::FlightAction action, const domain::CashbackFlight& flight);

} // namespace kpd::ui
