#include "ui/app/task_runner.h"

#include <wx/intl.h>
#include <wx/log.h>

#include <stdexcept>

namespace kpd::ui {
namespace detail {

TaskCore::TaskCore(std::uint64_t taskId, wxString taskTitle) : id(taskId), title(std::move(taskTitle)) {}

void TaskCore::Report(std::int64_t done, std::int64_t total, const std::string&) {
    std::unique_lock lock(m_mutex);
    m_done = done;
    m_total = total;
    PostUpdate(lock);
}

void TaskCore::PlatformWait(std::int64_t seconds) {
    std::unique_lock lock(m_mutex);
    m_platformWait = seconds;
    PostUpdate(lock);
}

void TaskCore::PostUpdate(std::unique_lock<std::mutex>& lock) {
    if (m_pending) return; // the UI has not shown the last one yet: it will read these numbers
    m_pending = true;
    lock.unlock();
    auto self = shared_from_this();
    wxTheApp->CallAfter([self] {
        {
            const std::lock_guard guard(self->m_mutex);
            self->m_pending = false;
        }
        TaskRunner::Get().Notify();
    });
}

TaskActivity TaskCore::Snapshot() const {
    const std::lock_guard lock(m_mutex);
    return TaskActivity{id, title, m_done, m_total, m_platformWait};
}

} // namespace detail

TaskRunner& TaskRunner::Get() {
    static TaskRunner runner;
    return runner;
}

std::shared_ptr<detail::TaskCore> TaskRunner::Start(const wxString& title, std::function<void()> onFinishedOnUi,
                                                    std::function<void(detail::TaskCore&)> workOnWorker) {
    const std::uint64_t id = m_nextId++;
    auto core = std::make_shared<detail::TaskCore>(id, title);
    if (m_shutDown) {
        core->cancel->Cancel();
        return core; // never runs, never delivers
    }
    std::thread thread([this, core, id, work = std::move(workOnWorker), done = std::move(onFinishedOnUi)] {
        work(*core);
        wxTheApp->CallAfter([this, id, done] {
            Finished(id);
            done();
        });
    });
    m_tasks.emplace(id, std::make_pair(core, std::move(thread)));
    Notify();
    return core;
}

void TaskRunner::Finished(std::uint64_t id) {
    auto it = m_tasks.find(id);
    if (it == m_tasks.end()) return;
    if (it->second.second.joinable()) it->second.second.join(); // it has just posted its last event
    m_tasks.erase(it);
    Notify();
}

void TaskRunner::Notify() {
    if (m_listener) m_listener();
}

std::vector<TaskActivity> TaskRunner::Running() const {
    std::vector<TaskActivity> running;
    for (const auto& [id, task] : m_tasks) running.push_back(task.first->Snapshot());
    return running;
}

void TaskRunner::Cancel(std::uint64_t id) {
    if (auto it = m_tasks.find(id); it != m_tasks.end()) it->second.first->cancel->Cancel();
}

void TaskRunner::CancelAll() {
    for (auto& [id, task] : m_tasks) task.first->cancel->Cancel();
}

void TaskRunner::Shutdown() {
    m_shutDown = true;
    m_listener = nullptr;
    CancelAll();
    for (auto& [id, task] : m_tasks) {
        if (task.second.joinable()) task.second.join();
    }
    m_tasks.clear();
}

wxString DescribeException(const std::exception_ptr& error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
        // TRANSLATORS: %s is the technical description of an unexpected failure.
        return wxString::Format(_("Something went wrong inside the desk: %s"), wxString::FromUTF8(e.what()));
    } catch (...) {
    }
    return _("Something went wrong inside the desk.");
}

} // namespace kpd::ui
