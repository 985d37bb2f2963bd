# `cpack -G DEB` (scripts/package) makes a Debian package of what cmake/install.cmake installs.
# Its Depends come from dpkg-shlibdeps reading the libraries the program links (Qt 6, QCustomPlot,
# SLEEF, cgif, ...), so they name Debian's runtime packages with the versions this build needs.

set(CPACK_PACKAGE_NAME gradscape)
set(CPACK_PACKAGE_VENDOR "The Gradscape developers")
set(CPACK_PACKAGE_CONTACT "The Gradscape developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see how optimization for deep learning works")
set(CPACK_PACKAGE_HOMEPAGE_URL https://github.com/gradscape/gradscape)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt looks for a Wayland platform plugin at run time; without it a Wayland session runs the app
# through XWayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-wayland)
# Debian's long description; CPack puts the summary above it and indents its lines.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Drag a start point or a learning rate and watch gradient descent, momentum,
Adam and the other optimizers of deep learning move on a curve or a
landscape, every run recomputed while you drag, with the tangent or gradient
followed at each step. Built for a teacher on a projector, a student
exploring alone, and an author who needs figures: scenes render to PNG, SVG,
PDF or animated GIF from the command line.")

include(CPack)
