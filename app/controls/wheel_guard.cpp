#include "controls/wheel_guard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QWheelEvent>

namespace gs::app {

namespace {

class WheelGuard : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Wheel) return false;
        auto* w = qobject_cast<QWidget*>(watched);
        if (!w || w->hasFocus() || !isValueControl(w)) return false;
        // Only inside a scrolling panel: elsewhere (the playback scrubber) the wheel is the
        // control's own.
        for (QWidget* p = w->parentWidget(); p; p = p->parentWidget())
            if (auto* area = qobject_cast<QAbstractScrollArea*>(p)) {
                if (area->verticalScrollBar()->isVisible())
                    QCoreApplication::sendEvent(area->verticalScrollBar(), event);
                return true; // the value stays as it was
            }
        return false;
    }

private:
    static bool isValueControl(QWidget* w) {
        // A spin box's wheel events arrive at its line edit's parent, the spin box itself.
        return qobject_cast<QAbstractSlider*>(w) && !qobject_cast<QScrollBar*>(w)
                   ? true
                   : qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QComboBox*>(w);
    }
};

} // namespace

void installWheelGuard() {
    static WheelGuard* guard = nullptr;
    if (guard || !qApp) return;
    guard = new WheelGuard(qApp);
    qApp->installEventFilter(guard);
}

} // namespace gs::app
