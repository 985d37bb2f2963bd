#pragma once
// The mouse wheel over a slider, spin box or combo box inside a scrolling panel scrolls the panel
// unless that control has the keyboard focus (was clicked). Without this, scrolling down a panel
// of optimizers silently changes whatever value passes under the pointer.

namespace gs::app {

/// Installs the guard on the application once; later calls do nothing.
void installWheelGuard();

} // namespace gs::app
