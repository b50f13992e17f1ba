#include "ui/card_screen/card_screen_panel.h"

#include "contract/card_screen_json.h"
#include "domain/card_screen_rules.h"
#include "domain/card_screen_sample.h"
#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/card_screen/card_preview_widget.h"
#include "ui/card_screen/card_screen_editor.h"
#include "ui/card_screen/card_screen_words.h"
#include "ui/card_screen/conflict_dialog.h"
#include "ui/card_screen/diff_table.h"
#include "ui/card_screen/edit_screen_command.h"
#include "ui/card_screen/preview_image.h"
#include "ui/card_screen/publish_dialog.h"
#include "ui/card_screen/versions_dialog.h"
#include "ui/widgets/page_header.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/cmdproc.h>
#include <wx/filedlg.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/propgrid/propgrid.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>
#include <wx/wrapsizer.h>

#include <set>

namespace kpd::ui {
namespace {

enum AddId { IdAddLevel = wxID_HIGHEST + 300, IdAddBanner, IdAddPromo, IdAddQuestion };

// 0 stands for "fit the window's height".
const double kZooms[] = {0, 0.5, 0.75, 1.0, 1.5, 2.0};

// The image ids a screen refers to.
std::set<std::string> ImageIds(const domain::CardScreen& screen) {
    std::set<std::string> ids;
    if (screen.theme.logo) ids.insert(*screen.theme.logo);
    if (screen.theme.background_image) ids.insert(*screen.theme.background_image);
    for (const auto* blocks : {&screen.banners, &screen.promo_blocks}) {
        for (const auto& block : *blocks) {
            if (block.asset) ids.insert(*block.asset);
        }
    }
    ids.erase(std::string());
    return ids;
}

// What the platform holds as the screen being worked on: the draft, else the published one.
domain::CardScreen Basis(const domain::CardScreenState& state) {
    if (state.draft) return *state.draft;
    if (state.published) return *state.published;
    return domain::SampleCardScreen();
}

} // namespace

CardScreenPanel::CardScreenPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell),
      m_commands(std::make_unique<wxCommandProcessor>(200)), m_keepTimer(this) {
    m_readOnly = !m_session->CanEditCardScreen();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new PageHeader(this, _("Card screen"),
                              _("How your loyalty card looks and works in the Koshelek app. Edit on the left, see "
                                "the phone on the right; save a draft, then publish.")),
               wxSizerFlags().Expand());
    m_banner = new wxInfoBar(this);
    sizer->Add(m_banner, wxSizerFlags().Expand());
    auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxSP_LIVE_UPDATE | wxSP_3DSASH);
    auto* left = new wxPanel(splitter);
    auto* leftSizer = new wxBoxSizer(wxVERTICAL);
    auto* right = new wxPanel(splitter);
    auto* rightSizer = new wxBoxSizer(wxVERTICAL);
    // The document's commands above the fields, the picture's own above the picture.
    BuildToolbars(left, leftSizer, right, rightSizer);
    m_editor = new CardScreenEditor(left);
    leftSizer->Add(m_editor, wxSizerFlags(1).Expand());
    auto* problemsTitle = new wxStaticText(left, wxID_ANY, _("Problems"));
    problemsTitle->SetFont(problemsTitle->GetFont().Bold());
    leftSizer->Add(problemsTitle, wxSizerFlags().Border(wxTOP | wxLEFT, FromDIP(6)));
    m_problems = new wxListBox(left, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 72)), 0, nullptr,
                               wxLB_SINGLE | wxLB_HSCROLL);
    m_problems->SetName("card-screen-problems");
    leftSizer->Add(m_problems, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    left->SetSizer(leftSizer);

    m_preview = new CardPreviewWidget(right);
    m_preview->SetZoomToFit();
    rightSizer->Add(m_preview, wxSizerFlags(1).Expand());
    right->SetSizer(rightSizer);
    splitter->SetMinimumPaneSize(FromDIP(260));
    splitter->SplitVertically(left, right, -FromDIP(310)); // the phone pane keeps its width, the fields grow
    splitter->SetSashGravity(1.0);
    sizer->Add(splitter, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));

    m_stateLine = new wxStaticText(this, wxID_ANY, _("Loading…"));
    m_stateLine->SetName("card-screen-state");
    sizer->Add(m_stateLine, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    SetSizer(sizer);

    m_editor->SetReadOnly(m_readOnly);
    m_editor->SetImageDescriber([this](const std::string& id) { return DescribeImage(id); });
    m_editor->SetOnEdit([this](const domain::CardScreen& after, const wxString& what) { Edit(after, what); });
    m_editor->SetOnChooseImage([this](const std::string& pointer, domain::ImageSlot slot) { ChooseImage(pointer, slot); });
    m_editor->Grid()->Bind(wxEVT_PG_SELECTED, [this](wxPropertyGridEvent& event) {
        UpdateButtons();
        event.Skip();
    });
    m_preview->SetOnPartClicked([this](const std::string& part) { ShowPart(part); });
    m_problems->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetSelection());
        if (index < m_problemList.size()) {
            m_editor->SelectField(m_problemList[index].field);
            m_editor->Grid()->SetFocus();
        }
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { KeepLocally(); }, m_keepTimer.GetId());
    UpdateButtons();
}

CardScreenPanel::~CardScreenPanel() = default;

void CardScreenPanel::BuildToolbars(wxWindow* left, wxSizer* leftSizer, wxWindow* right, wxSizer* rightSizer) {
    // Wrapping rows: in Russian and on a small screen the buttons take a second row instead of hiding.
    wxWindow* parent = left;
    wxSizer* bar = new wxWrapSizer(wxHORIZONTAL);
    m_save = new wxButton(parent, wxID_ANY, _("&Save draft"));
    m_save->SetToolTip(_("Send the draft to the platform (Ctrl+S). The app keeps showing the published screen."));
    m_publish = new wxButton(parent, wxID_ANY, _("&Publish…"));
    m_versions = new wxButton(parent, wxID_ANY, _("&Versions…"));
    m_add = new wxButton(parent, wxID_ANY, _("&Add ▾"));
    m_remove = new wxButton(parent, wxID_ANY, _("Re&move"));
    m_remove->SetToolTip(_("Remove the selected level, banner, promo block or question."));
    for (wxButton* button : {m_save, m_publish, m_versions, m_add, m_remove}) {
        bar->Add(button, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, FromDIP(4)));
    }
    leftSizer->Add(bar, wxSizerFlags().Expand());

    parent = right;
    bar = new wxWrapSizer(wxHORIZONTAL);
    m_dark = new wxToggleButton(parent, wxID_ANY, _("&Dark phone"));
    m_dark->SetToolTip(_("Show the preview as on a phone in dark mode."));
    bar->Add(m_dark, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, FromDIP(4)));
    m_zoom = new wxChoice(parent, wxID_ANY);
    for (double zoom : kZooms) {
        m_zoom->Append(zoom == 0 ? _("Fit") : wxString::Format("%d %%", static_cast<int>(zoom * 100)));
    }
    m_zoom->SetSelection(0);
    m_zoom->SetToolTip(_("Zoom of the preview"));
    bar->Add(m_zoom, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, FromDIP(4)));
    m_export = new wxButton(parent, wxID_ANY, _("&Export PNG…"));
    bar->Add(m_export, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    rightSizer->Add(bar, wxSizerFlags().Expand().Border(wxLEFT, FromDIP(6)));

    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveDraft(); });
    m_publish->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnPublish(); });
    m_versions->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnVersions(); });
    m_remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_editor->RemoveSelected(); });
    m_export->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnExport(); });
    m_dark->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent&) {
        m_preview->SetPhoneTheme(m_dark->GetValue() ? render::PhoneTheme::Dark : render::PhoneTheme::Light);
    });
    m_zoom->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int index = m_zoom->GetSelection();
        if (index == 0) m_preview->SetZoomToFit();
        if (index > 0) m_preview->SetZoom(kZooms[index]);
    });
    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxMenu menu;
        menu.Append(IdAddLevel, _("Progress &level"));
        menu.Append(IdAddBanner, _("&Banner"));
        menu.Append(IdAddPromo, _("&Promo block"));
        menu.Append(IdAddQuestion, _("Issuance &question"));
        menu.Enable(IdAddBanner, m_screen.banners.size() < domain::kMaxBanners);
        menu.Enable(IdAddPromo, m_screen.promo_blocks.size() < domain::kMaxPromoBlocks);
        menu.Enable(IdAddQuestion, m_screen.questions.size() < domain::kMaxIssuanceQuestions);
        const int chosen = GetPopupMenuSelectionFromUser(menu, m_add->GetPosition() + wxPoint(0, m_add->GetSize().y));
        if (chosen == IdAddLevel) m_editor->AddItem("levels");
        if (chosen == IdAddBanner) m_editor->AddItem("banners");
        if (chosen == IdAddPromo) m_editor->AddItem("promo_blocks");
        if (chosen == IdAddQuestion) m_editor->AddItem("questions");
    });
    // Ctrl+S saves the draft wherever the focus is on this page.
    wxAcceleratorEntry keys[] = {wxAcceleratorEntry(wxACCEL_CTRL, 'S', m_save->GetId())};
    SetAcceleratorTable(wxAcceleratorTable(1, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { SaveDraft(); }, m_save->GetId());
}

void CardScreenPanel::Reload() {
    if (m_busy) return;
    m_busy = true;
    UpdateButtons();
    m_keepTimer.Stop();
    auto session = m_session;
    // What is on screen and not sent survives the reload: kept first, in the same task, so the
    // load below finds it (and offers it back).
    std::optional<std::pair<domain::CardScreen, std::int64_t>> keep;
    if (HasUnsavedChanges() && !m_readOnly) keep.emplace(m_screen, m_state->version);
    RunAsync<CardScreenLoad>(_("Loading the card screen"),
                             [session, keep](TaskContext& context) {
                                 if (keep) session->KeepCardScreenDraft(keep->first, keep->second);
                                 return session->LoadCardScreen(context.cancel, &context.progress);
                             })
        .ThenOnWindow(this, [this](CardScreenLoad& load) { Loaded(load); })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            ShowError(why);
            UpdateButtons();
        });
}

void CardScreenPanel::Loaded(CardScreenLoad& load) {
    m_busy = false;
    ++m_loads;
    const auto& loaded = load.state;
    m_shell.SetOnline(!loaded.from_cache && !(loaded.error && loaded.error->IsOffline()));
    if (!loaded.value) {
        ShowError(loaded.error ? DescribeApiError(*loaded.error) : _("The card screen could not be loaded."));
        UpdateButtons();
        return;
    }
    if (loaded.from_cache) {
        // TRANSLATORS: %s is when the desk last got the card screen, e.g. "23.11.2026 19:40".
        m_banner->ShowMessage(wxString::Format(_("Offline — showing the card screen as of %s. Edits are kept in "
                                                 "this workspace; saving needs the platform."),
                                               FormatInstant(loaded.fetched_at)),
                              wxICON_WARNING);
    } else if (m_readOnly) {
        m_banner->ShowMessage(_("Your role lets you look at the card screen; marketing or a partner administrator "
                                "can change it."),
                              wxICON_INFORMATION);
    } else if (m_banner->IsShown()) {
        m_banner->Dismiss();
    }
    m_state = *loaded.value;
    m_sent = m_state->draft;
    for (auto& [id, info] : load.assets) m_assets[id] = info;
    render::PreviewData data = render::SamplePreviewData(m_session->Info().partner_name);
    data.labels = PreviewLabelsInUiLanguage();
    m_preview->SetData(std::move(data));
    for (auto& [id, bytes] : load.images) m_preview->SetAsset(id, std::move(bytes));

    const domain::CardScreen basis = Basis(*m_state);
    m_commands->ClearCommands();
    if (load.kept_draft && *load.kept_draft != basis && !m_readOnly) {
        if (load.kept_base_version == m_state->version) {
            ApplyScreen(*load.kept_draft);
            // TRANSLATORS: %s is when the edits were kept, e.g. "23.11.2026 19:40".
            m_shell.ShowStatus(wxString::Format(_("Your unsent edits of %s are back. Save the draft to send them."),
                                                FormatInstant(load.kept_at)));
        } else {
            // The platform moved on since the edit started: the user decides, nothing is overwritten.
            ApplyScreen(*load.kept_draft);
            CallAfter([this, current = *m_state] { ResolveConflict(current); });
        }
    } else {
        ApplyScreen(basis);
    }
    FetchMissingImages();
    UpdateButtons();
    Layout();
}

void CardScreenPanel::ApplyScreen(const domain::CardScreen& screen) {
    m_screen = screen;
    m_preview->SetScreen(m_screen);
    m_editor->SetScreen(m_screen);
    CheckScreen();
    UpdateButtons();
    if (HasUnsavedChanges()) m_keepTimer.StartOnce(800);
    UpdateState();
}

void CardScreenPanel::Edit(const domain::CardScreen& after, const wxString& what) {
    if (m_readOnly || after == m_screen) return;
    m_commands->Submit(new EditScreenCommand([this](const domain::CardScreen& s) { ApplyScreen(s); }, m_screen, after,
                                             what));
    FetchMissingImages();
}

void CardScreenPanel::CheckScreen() {
    // Image rules need every image's info; until it has arrived, ids are only checked for presence.
    bool allKnown = true;
    for (const std::string& id : ImageIds(m_screen)) allKnown = allKnown && m_assets.count(id) != 0;
    domain::AssetLookup lookup;
    if (allKnown) {
        lookup = [this](std::string_view id) -> std::optional<domain::AssetInfo> {
            auto it = m_assets.find(std::string(id));
            if (it == m_assets.end()) return std::nullopt;
            return it->second;
        };
    }
    m_problemList = domain::ValidateCardScreen(m_screen, lookup);
    m_editor->SetProblems(m_problemList);
    m_problems->Clear();
    for (const domain::Problem& problem : m_problemList) {
        m_problems->Append(FieldName(problem.field) + ": " + DescribeCardProblem(problem, m_screen));
    }
    if (m_problemList.empty()) m_problems->Append(_("No problems: the screen can be published."));
}

bool CardScreenPanel::HasUnsavedChanges() const { return m_state && m_screen != Basis(*m_state); }

void CardScreenPanel::UpdateState() {
    if (!m_state) return;
    wxString line;
    if (m_state->published_version > 0) {
        // TRANSLATORS: %lld is the number of the publication the app shows now.
        line = wxString::Format(_("The app shows published version %lld."),
                                static_cast<long long>(m_state->published_version));
    } else {
        line = _("Nothing is published yet.");
    }
    line += " ";
    if (HasUnsavedChanges()) {
        line += _("Unsaved changes (kept in this workspace).");
    } else if (m_state->draft) {
        line += _("The draft is saved on the platform and not published.");
    } else {
        line += _("No draft: you see the published screen.");
    }
    m_stateLine->SetLabel(line);
}

void CardScreenPanel::UpdateButtons() {
    const bool loaded = m_state.has_value();
    const bool canEdit = loaded && !m_readOnly && !m_busy;
    m_save->Enable(canEdit && HasUnsavedChanges());
    m_publish->Enable(canEdit && (HasUnsavedChanges() || (m_state && m_state->draft)));
    m_versions->Enable(loaded && !m_busy);
    m_add->Enable(canEdit);
    m_remove->Enable(canEdit && m_editor->CanRemoveSelected());
    m_export->Enable(m_preview->Current() != nullptr || loaded);
    UpdateState();
}

void CardScreenPanel::KeepLocally() {
    if (!m_state || m_readOnly) return;
    auto session = m_session;
    const bool unsaved = HasUnsavedChanges();
    RunAsync<bool>(_("Keeping the draft in the workspace"),
                   [session, screen = m_screen, version = m_state->version, unsaved](TaskContext&) {
                       if (!unsaved) {
                           session->ForgetCardScreenDraft();
                           return true;
                       }
                       return session->KeepCardScreenDraft(screen, version);
                   })
        .ThenOnWindow(this, [this](bool& kept) {
            if (!kept) m_shell.ShowStatus(_("The workspace could not keep the draft; save it to the platform."));
        });
}

void CardScreenPanel::SaveDraft() {
    if (!m_state || m_readOnly || m_busy || !HasUnsavedChanges()) return;
    m_keepTimer.Stop(); // the push keeps the draft in the workspace itself
    if (!m_problemList.empty()) {
        // The platform keeps only drafts that follow the rules; the edit itself is safe in the workspace.
        m_banner->ShowMessage(_("Fix the problems listed under the fields first; the platform takes only a card "
                                "screen without them. Your edits are kept in this workspace meanwhile."),
                              wxICON_WARNING);
        return;
    }
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    RunAsync<CardScreenChange>(_("Saving the card screen draft"),
                               [session, screen = m_screen, version = m_state->version](TaskContext& context) {
                                   return session->SaveCardScreenDraft(screen, version, context.cancel);
                               })
        .ThenOnWindow(this, [this](CardScreenChange& change) { AfterChange(change, _("Draft saved.")); })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            ShowError(why);
            UpdateButtons();
        });
}

void CardScreenPanel::AfterChange(CardScreenChange& change, const wxString& done) {
    m_busy = false;
    if (change.current) {
        ResolveConflict(*change.current);
        UpdateButtons();
        return;
    }
    if (!change.result) {
        const api::ApiError& error = change.result.Error();
        m_shell.SetOnline(!error.IsOffline());
        if (!error.problems.empty()) {
            // The platform's own check: show its problems at their fields.
            m_problemList = error.problems;
            m_editor->SetProblems(m_problemList);
            m_banner->ShowMessage(_("The card screen has problems; they are marked at their fields. The platform "
                                    "has not taken it; your edits are kept in this workspace."),
                                  wxICON_ERROR);
        } else if (error.code == "no_draft") {
            m_banner->ShowMessage(_("There is no draft to publish: save the draft first."), wxICON_WARNING);
        } else {
            ShowError(DescribeApiError(error));
        }
        if (error.IsOffline()) KeepLocally();
        UpdateButtons();
        return;
    }
    m_shell.SetOnline(true);
    const bool hadEdits = HasUnsavedChanges();
    m_state = change.result.Value();
    m_sent = m_state->draft;
    if (m_banner->IsShown()) m_banner->Dismiss();
    // Without edits of one's own the designer follows the platform (e.g. the screen a rollback
    // published when there is no draft); edits in progress stay on screen.
    if (!hadEdits && Basis(*m_state) != m_screen) {
        ApplyScreen(Basis(*m_state));
        FetchMissingImages();
    }
    if (Basis(*m_state) == m_screen) {
        // The platform has what is on screen: the workspace copy is no longer needed.
        auto session = m_session;
        RunAsync<bool>(_("Keeping the draft in the workspace"), [session](TaskContext&) {
            session->ForgetCardScreenDraft();
            return true;
        });
    }
    m_shell.ShowStatus(done);
    UpdateButtons();
}

void CardScreenPanel::ResolveConflict(const domain::CardScreenState& current) {
    const domain::CardScreen theirs = Basis(current);
    ConflictDialog dialog(this, m_screen, theirs, current, m_preview);
    dialog.Table()->SetImageDescriber([this](const std::string& id) { return DescribeImage(id); });
    const int answer = dialog.ShowModal();
    m_state = current;
    m_sent = current.draft;
    if (answer == ConflictDialog::IdTakeTheirs) {
        // An undoable edit: Ctrl+Z brings one's own version back.
        Edit(theirs, _("Take their version"));
        m_shell.ShowStatus(_("Their version is shown; yours is one Undo away."));
    } else if (answer == ConflictDialog::IdKeepMine) {
        UpdateState();
        SaveDraft(); // now against their version: a deliberate choice, said in the dialog
    } else {
        m_banner->ShowMessage(_("Someone else changed the card screen; nothing was overwritten. Your edits stay here; "
                                "Save draft asks again."),
                              wxICON_WARNING);
    }
    UpdateButtons();
}

void CardScreenPanel::ChooseImage(const std::string& pointer, domain::ImageSlot slot) {
    if (m_readOnly || m_busy) return;
    // TRANSLATORS: the title of the file dialog; %s is the place on the card, e.g. "logo".
    wxFileDialog dialog(this, wxString::Format(_("Choose an image for the %s"), ImageSlotName(slot)), wxString(),
                        wxString(), _("PNG and JPEG images (*.png;*.jpg;*.jpeg)|*.png;*.PNG;*.jpg;*.JPG;*.jpeg;*.JPEG"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    UploadImageFile(pointer, slot, dialog.GetPath());
}

void CardScreenPanel::UploadImageFile(const std::string& pointer, domain::ImageSlot slot, const wxString& path) {
    if (m_readOnly || m_busy) return;
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    RunAsync<ImageUpload>(_("Uploading the image"),
                          [session, slot, pointer, path = ToUtf8(path)](TaskContext& context) {
                              return session->UploadCardImage(slot, pointer, path, context.cancel);
                          })
        .ThenOnWindow(this, [this, pointer](ImageUpload& upload) {
            m_busy = false;
            if (!upload.result) {
                const api::ApiError& error = upload.result.Error();
                wxString why = DescribeApiError(error);
                for (const domain::Problem& problem : error.problems) why = DescribeCardProblem(problem, m_screen);
                // TRANSLATORS: %s says why the chosen image cannot be used.
                m_banner->ShowMessage(wxString::Format(_("This image cannot be used: %s"), why), wxICON_ERROR);
                UpdateButtons();
                return;
            }
            const domain::AssetInfo& info = upload.result.Value();
            m_assets[info.id] = info;
            m_preview->SetAsset(info.id, std::move(upload.bytes));
            m_editor->SetImage(pointer, info.id);
            UpdateButtons();
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            ShowError(why);
            UpdateButtons();
        });
}

void CardScreenPanel::FetchMissingImages() {
    for (const std::string& id : ImageIds(m_screen)) {
        if (m_preview->HasAsset(id)) continue;
        m_preview->SetAsset(id, {}); // asked for once; drawn as a placeholder until the bytes arrive
        auto session = m_session;
        RunAsync<api::Result<std::vector<std::uint8_t>>>(
            _("Loading an image"), [session, id](TaskContext& context) { return session->LoadCardImage(id, context.cancel); })
            .ThenOnWindow(this, [this, id](api::Result<std::vector<std::uint8_t>>& bytes) {
                if (bytes) m_preview->SetAsset(id, std::move(bytes.Value()));
            });
    }
}

void CardScreenPanel::OnPublish() {
    if (!m_state || m_readOnly || m_busy) return;
    if (!m_problemList.empty()) {
        m_banner->ShowMessage(_("Fix the problems listed under the fields before publishing."), wxICON_WARNING);
        return;
    }
    const domain::CardScreen published = m_state->published.value_or(domain::CardScreen{});
    PublishDialog dialog(this, contract::DiffCardScreens(published, m_screen), m_state->published.has_value(),
                         m_state->published_version + 1);
    dialog.Table()->SetImageDescriber([this](const std::string& id) { return DescribeImage(id); });
    if (dialog.ShowModal() != wxID_OK) return;
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    const bool save = HasUnsavedChanges();
    RunAsync<CardScreenChange>(
        _("Publishing the card screen"),
        [session, screen = m_screen, version = m_state->version, save](TaskContext& context) {
            std::int64_t expected = version;
            if (save) { // what is on screen is what gets published
                CardScreenChange saved = session->SaveCardScreenDraft(screen, version, context.cancel);
                if (saved.current || !saved.result) return saved;
                expected = saved.result.Value().version;
            }
            return session->PublishCardScreen(expected, context.cancel);
        })
        .ThenOnWindow(this, [this](CardScreenChange& change) {
            const bool ok = change.result.Ok() && !change.current;
            // TRANSLATORS: %lld is the number of the new publication.
            AfterChange(change,
                        ok ? wxString::Format(_("Published as version %lld. The app shows it now."),
                                              static_cast<long long>(change.result.Value().published_version))
                           : wxString());
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            ShowError(why);
            UpdateButtons();
        });
}

void CardScreenPanel::OnVersions() {
    if (!m_state || m_busy) return;
    VersionsDialog dialog(this, m_session, *m_state, !m_readOnly, m_preview);
    dialog.Table()->SetImageDescriber([this](const std::string& id) { return DescribeImage(id); });
    if (dialog.ShowModal() != wxID_OK || !dialog.RollbackTo()) return;
    const std::int64_t number = *dialog.RollbackTo();
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    RunAsync<CardScreenChange>(_("Rolling back the card screen"),
                               [session, number, version = m_state->version](TaskContext& context) {
                                   return session->RollbackCardScreen(number, version, context.cancel);
                               })
        .ThenOnWindow(this, [this, number](CardScreenChange& change) {
            // TRANSLATORS: %lld is the version whose screen is published again.
            AfterChange(change,
                        wxString::Format(_("Version %lld is published again. Your draft is untouched."),
                                         static_cast<long long>(number)));
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            ShowError(why);
            UpdateButtons();
        });
}

void CardScreenPanel::OnExport() {
    wxFileDialog dialog(this, _("Export the preview as PNG"), wxString(), "card-screen.png",
                        _("PNG images (*.png)|*.png"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    wxString error;
    if (!m_preview->ExportPng(dialog.GetPath(), error)) {
        ShowError(error);
        return;
    }
    // TRANSLATORS: %s is the file the preview was saved to.
    m_shell.ShowStatus(wxString::Format(_("Preview saved to %s."), dialog.GetPath()));
}

void CardScreenPanel::ShowPart(const std::string& part) {
    if (part == "theme") return m_editor->SelectField("/theme/background_color");
    if (part == "logo") return m_editor->SelectField("/theme/logo");
    if (part == "balance") return m_editor->SelectField("/balance/kind");
    if (part == "progress") return m_editor->SelectField("/progress/enabled");
    if (part == "identifier") return m_editor->SelectField("/identifier/kind");
    if (part == "history") return m_editor->SelectField("/history/enabled");
    m_editor->SelectField("/" + part);
}

wxString CardScreenPanel::DescribeImage(const std::string& id) const {
    auto it = m_assets.find(id);
    if (it == m_assets.end() || it->second.width <= 0) return wxString();
    const domain::AssetInfo& info = it->second;
    const wxString type = info.media_type == "image/jpeg" ? "JPEG" : "PNG";
    // TRANSLATORS: an uploaded image in a field: width×height, PNG or JPEG, and its size in KB.
    return wxString::Format(_("%d×%d %s, %lld KB"), info.width, info.height, type,
                            static_cast<long long>((info.bytes + 1023) / 1024));
}

void CardScreenPanel::ShowError(const wxString& message) { m_banner->ShowMessage(message, wxICON_ERROR); }

} // namespace kpd::ui
