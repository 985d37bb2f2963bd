#pragma once
// The app's side of gs::quote (core/text/quote.h): a value somebody else wrote (a page, function
// or optimizer name from a scene file, a lesson name on the command line) quoted in a message as
// a short prefix with control characters escaped.

#include "text/quote.h"

#include <QString>

namespace gs::app {

inline QString quote(const QString& value) {
    return QString::fromStdString(gs::quote(value.toStdString()));
}

} // namespace gs::app
