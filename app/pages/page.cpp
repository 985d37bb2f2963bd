#include "pages/page.h"

#include "scene/quote.h"

#include <qcustomplot.h>

namespace gs::app {

QSize Page::pictureSize() const {
    return plot()->size();
}

PictureFocus* Page::focus() {
    if (!focus_) {
        focus_ = new PictureFocus(this);
        connect(focus_, &PictureFocus::changed, this, &Page::focusChanged);
    }
    return focus_;
}

void Page::addPicture(const QString& key, const QString& title, QWidget* picture) {
    focus()->addWidget(key, title, picture);
}

void Page::addPicture(const QString& key, const QString& title, QCustomPlot* plot,
                      QCPLayoutElement* element, QCPLayoutGrid* root) {
    focus()->addElement(key, title, plot, element, root);
}

void Page::keepWithFocus(QWidget* widget) {
    focus()->keep(widget);
}

void Page::expectPictures(const QStringList& keys) {
    focus()->expect(keys);
}

void Page::addPictureGroups(QCustomPlot* plot, std::function<QVector<PictureGroup>()> groups,
                            std::function<bool(QSize)> tooSmall) {
    focus()->addGroups(plot, std::move(groups), std::move(tooSmall));
}

QVector<PictureInfo> Page::pictures() const {
    return focus_ ? focus_->pictures() : QVector<PictureInfo>{};
}

QString Page::focusedPicture() const {
    return focus_ ? focus_->focused() : QString();
}

bool Page::focusPicture(const QString& key) {
    if (!focus_) return key.isEmpty();
    return focus_->focus(key);
}

QString Page::showScene(const Scene& scene) {
    for (const QString& key : {scene.focus.desk, scene.focus.presentation}) {
        if (key.isEmpty()) continue;
        const QStringList keys = focus_ ? focus_->names() : QStringList();
        if (!keys.contains(key))
            return keys.isEmpty()
                       ? tr("this page has one picture, there is none to focus (focus %1)")
                             .arg(quote(key))
                       : tr("no picture %1 to focus on this page; its pictures are %2")
                             .arg(quote(key), keys.join(QStringLiteral(", ")));
    }
    focusPicture({}); // the page as built while it takes the scene
    if (const QString error = applyScene(scene); !error.isEmpty()) return error;
    sceneFocus_ = scene.focus;
    focusPicture(sceneFocus_.on(presentation_));
    return {};
}

Scene Page::sceneShown() const {
    Scene s = scene();
    s.focus = sceneFocus_;
    s.focus.on(presentation_) = focusedPicture();
    return s;
}

void Page::setPresentation(bool on) {
    if (on == presentation_) return;
    sceneFocus_.on(presentation_) = focusedPicture();
    presentation_ = on;
    focusPicture(sceneFocus_.on(presentation_));
}

} // namespace gs::app
