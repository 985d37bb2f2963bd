#include "pages/page.h"

#include <qcustomplot.h>

namespace gs::app {

QSize Page::pictureSize() const {
    return plot()->size();
}

} // namespace gs::app
