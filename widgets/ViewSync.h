#pragma once
// Keeps several ZoomPanStates showing the same part of the picture: a change in any
// one is copied to the others (as a normalized Viewport, so views of different sizes or
// image resolutions stay aligned). A guard stops the copies from echoing back.
#include <QObject>
#include <QPointer>
#include <QVector>

#include "ZoomPanState.h"

namespace rdbm::widgets {

class ViewSync : public QObject {
    Q_OBJECT
public:
    explicit ViewSync(QObject* parent = nullptr);

    // A newly added state takes over the viewport of the ones already synchronized.
    void add(ZoomPanState* state);
    void remove(ZoomPanState* state);
    int count() const;
    bool contains(const ZoomPanState* state) const;

private:
    void propagateFrom(ZoomPanState* source);

    QVector<QPointer<ZoomPanState>> states_;
    bool propagating_ = false;
};

} // namespace rdbm::widgets
