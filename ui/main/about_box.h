#pragma once
// Help > About: the product, its version, what it is for. UI thread only.
class wxWindow;

namespace kpd::ui {

void ShowAboutBox(wxWindow* parent);

} // namespace kpd::ui
