#pragma once
// One undoable edit of the card screen: the whole value before and after
// (a CardScreen is small, and whole values make undo exact whatever the edit
// was: a colour, a new banner, taking someone else's version). UI thread only.
#include "domain/card_screen.h"

#include <wx/cmdproc.h>

#include <functional>

namespace kpd::ui {

class EditScreenCommand : public wxCommand {
  public:
    // `apply` shows a value everywhere (the panel's ApplyScreen).
    EditScreenCommand(std::function<void(const domain::CardScreen&)> apply, domain::CardScreen before,
                      domain::CardScreen after, const wxString& name)
        : wxCommand(true, name), m_apply(std::move(apply)), m_before(std::move(before)), m_after(std::move(after)) {}

    bool Do() override {
        m_apply(m_after);
        return true;
    }
    bool Undo() override {
        m_apply(m_before);
        return true;
    }

  private:
    std::function<void(const domain::CardScreen&)> m_apply;
    domain::CardScreen m_before;
    domain::CardScreen m_after;
};

} // namespace kpd::ui
