#include "EventLoopGapMeter.h"

#include <algorithm>

namespace rdbm::app {

EventLoopGapMeter::EventLoopGapMeter(int intervalMs, QObject* parent) : QObject(parent) {
    timer_.setInterval(intervalMs);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &EventLoopGapMeter::tick);
}

void EventLoopGapMeter::start() {
    maxGapMs_ = totalMs_ = 0.0;
    ticks_ = 0;
    lastNs_ = -1;
    clock_.start();
    timer_.start();
}

void EventLoopGapMeter::stop() { timer_.stop(); }

void EventLoopGapMeter::tick() {
    const qint64 now = clock_.nsecsElapsed();
    if (lastNs_ >= 0) {
        const double gap = (now - lastNs_) / 1e6;
        maxGapMs_ = std::max(maxGapMs_, gap);
        totalMs_ += gap;
    }
    lastNs_ = now;
    ++ticks_;
}

} // namespace rdbm::app
