#pragma once
// Background work for the desk (HOUSE-STYLE 4, 5, 6).
//
//   RunAsync<Fetched>(_("Loading the partner profile"),
//                     [svc](TaskContext& ctx) { return svc.Load(ctx.cancel); })
//       .ThenOnWindow(this, [this](Fetched& f) { Show(f); })
//       .CatchAll([this](const wxString& why) { ShowError(why); });
//
// The work runs on a worker thread and must not touch wx. Its result comes
// back on the UI thread through CallAfter, and the continuation runs only
// while the window given to ThenOnWindow still exists (wxWeakRef). Progress
// from the worker is coalesced: at most one update is pending on the UI
// thread, carrying the latest numbers. Cancel() fires the task's CancelToken;
// the core polls it (and libcurl's transfer callback aborts on it).
//
// Thread affinity: RunAsync, ThenOnWindow, CatchAll, Cancel and everything on
// TaskRunner are UI-thread only; TaskContext is for the worker.
#include "domain/cancel_token.h"

#include <wx/app.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace kpd::ui {

// What the worker gets: the cancel token to pass to the core and a progress
// sink that coalesces updates for the UI thread.
struct TaskContext {
    domain::CancelTokenPtr cancel;
    domain::ProgressSink& progress;
};

// A snapshot of one running task, for the activity strip.
struct TaskActivity {
    std::uint64_t id = 0;
    wxString title;
    std::int64_t done = 0;
    std::int64_t total = 0; // 0: unknown
    std::int64_t platform_wait = 0; // seconds the platform asked to wait (429/503 Retry-After); 0: none
};

namespace detail {

// Shared by the worker and the UI thread; progress fields under a mutex.
class TaskCore : public domain::ProgressSink, public std::enable_shared_from_this<TaskCore> {
  public:
    TaskCore(std::uint64_t id, wxString title);
    void Report(std::int64_t done, std::int64_t total, const std::string& what) override; // worker
    void PlatformWait(std::int64_t seconds) override;                                       // worker

    const std::uint64_t id;
    const wxString title;
    const domain::CancelTokenPtr cancel = std::make_shared<domain::CancelToken>();

    TaskActivity Snapshot() const; // UI thread

  private:
    // Asks the UI thread to show the latest numbers unless it is asked already.
    void PostUpdate(std::unique_lock<std::mutex>& lock);

    mutable std::mutex m_mutex;
    std::int64_t m_done = 0;
    std::int64_t m_total = 0;
    std::int64_t m_platformWait = 0;
    bool m_pending = false;
};

} // namespace detail

// Owns the worker threads; one per application. Joins them at shutdown after
// cancelling every task.
class TaskRunner {
  public:
    static TaskRunner& Get();

    // Called on the UI thread whenever a task starts, reports progress or ends.
    void SetActivityListener(std::function<void()> listener) { m_listener = std::move(listener); }
    std::vector<TaskActivity> Running() const;
    void Cancel(std::uint64_t id);
    void CancelAll();
    void Shutdown(); // cancel all and join; later tasks are refused

    // Internal to RunAsync.
    std::shared_ptr<detail::TaskCore> Start(const wxString& title, std::function<void()> onFinishedOnUi,
                                            std::function<void(detail::TaskCore&)> workOnWorker);
    void Notify();

  private:
    void Finished(std::uint64_t id);

    std::uint64_t m_nextId = 1;
    std::map<std::uint64_t, std::pair<std::shared_ptr<detail::TaskCore>, std::thread>> m_tasks;
    std::function<void()> m_listener;
    bool m_shutDown = false;
};

template <class T> class Task {
  public:
    struct State {
        std::optional<T> value;
        std::exception_ptr error;
        wxWeakRef<wxWindow> window;
        bool bound = false;
        std::function<void(T&)> then;
        std::function<void(const wxString&)> fail;
        std::shared_ptr<detail::TaskCore> core;

        void Deliver() { // UI thread
            if (bound && !window) return; // the window is gone: drop the result
            if (value) {
                if (then) then(*value);
            } else if (fail) {
                fail(Describe(error));
            }
        }
    };

    explicit Task(std::shared_ptr<State> state) : m_state(std::move(state)) {}

    Task& ThenOnWindow(wxWindow* window, std::function<void(T&)> next) {
        m_state->window = window;
        m_state->bound = true;
        m_state->then = std::move(next);
        return *this;
    }
    // Receives a defect (an exception from the work) in words; runs only while the window lives.
    Task& CatchAll(std::function<void(const wxString&)> report) {
        m_state->fail = std::move(report);
        return *this;
    }
    void Cancel() { m_state->core->cancel->Cancel(); }
    domain::CancelTokenPtr Token() const { return m_state->core->cancel; }

    static wxString Describe(const std::exception_ptr& error);

  private:
    std::shared_ptr<State> m_state;
};

wxString DescribeException(const std::exception_ptr& error);

template <class T> wxString Task<T>::Describe(const std::exception_ptr& error) { return DescribeException(error); }

// Starts `work(TaskContext&) -> T` on a worker thread. `title` (translated)
// is what the activity strip shows while it runs.
template <class T, class Work> Task<T> RunAsync(const wxString& title, Work work) {
    auto state = std::make_shared<typename Task<T>::State>();
    state->core = TaskRunner::Get().Start(
        title, [state] { state->Deliver(); },
        [state, work = std::move(work)](detail::TaskCore& core) mutable {
            try {
                TaskContext context{core.cancel, core};
                state->value.emplace(work(context));
            } catch (...) {
                state->error = std::current_exception();
            }
        });
    return Task<T>(state);
}

} // namespace kpd::ui
