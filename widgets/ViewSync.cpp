#include "ViewSync.h"

#include <algorithm>

namespace rdbm::widgets {

ViewSync::ViewSync(QObject* parent) : QObject(parent) {}

void ViewSync::add(ZoomPanState* state) {
    if (!state || contains(state)) return;
    ZoomPanState* leader = nullptr;
    for (const auto& s : states_)
        if (s) { leader = s; break; }
    states_.push_back(state);
    connect(state, &ZoomPanState::changed, this, [this, state] { propagateFrom(state); });
    connect(state, &QObject::destroyed, this, [this] {
        states_.erase(std::remove_if(states_.begin(), states_.end(), [](const auto& p) { return p.isNull(); }),
                      states_.end());
    });
    if (leader) {
        propagating_ = true;
        state->setViewport(leader->viewport());
        propagating_ = false;
    }
}

void ViewSync::remove(ZoomPanState* state) {
    if (!state) return;
    disconnect(state, nullptr, this, nullptr);
    states_.erase(std::remove_if(states_.begin(), states_.end(),
                                 [state](const auto& p) { return p.isNull() || p == state; }),
                  states_.end());
}

int ViewSync::count() const {
    return static_cast<int>(std::count_if(states_.begin(), states_.end(), [](const auto& p) { return !p.isNull(); }));
}

bool ViewSync::contains(const ZoomPanState* state) const {
    return std::any_of(states_.begin(), states_.end(), [state](const auto& p) { return p == state; });
}

void ViewSync::propagateFrom(ZoomPanState* source) {
    if (propagating_) return; // a follower reacting to our own update
    propagating_ = true;
    const ZoomPanState::Viewport vp = source->viewport();
    // Copy: a follower's slot could in principle add or remove states.
    const auto targets = states_;
    for (const auto& s : targets)
        if (s && s != source) s->setViewport(vp);
    propagating_ = false;
}

} // namespace rdbm::widgets
