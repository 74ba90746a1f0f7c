#pragma once
// Measures how long the GUI thread's event loop is ever kept from running: a 5 ms timer
// records the longest gap between its ticks. A reported figure (tests and --measure
// print it), not something asserted on, since it depends on the machine's load.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace rdbm::app {

class EventLoopGapMeter : public QObject {
    Q_OBJECT
public:
    explicit EventLoopGapMeter(int intervalMs = 5, QObject* parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return timer_.isActive(); }

    double maxGapMs() const { return maxGapMs_; } // longest time between two ticks
    double meanGapMs() const { return ticks_ > 1 ? totalMs_ / (ticks_ - 1) : 0.0; }
    int ticks() const { return ticks_; }
    int intervalMs() const { return timer_.interval(); }

private:
    void tick();

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 lastNs_ = -1;
    double maxGapMs_ = 0.0, totalMs_ = 0.0;
    int ticks_ = 0;
};

} // namespace rdbm::app
