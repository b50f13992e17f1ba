#pragma once
// Turns the renderer's cairo ARGB32 image (premultiplied, native-endian
// words) into a wxImage with a separate alpha channel, and the renderer's
// words into the UI language. UI thread only (wxImage itself is fine on any
// thread, the translations are not).
#include "render/card_preview.h"

#include <wx/image.h>

namespace kpd::ui {

// Un-premultiplies each pixel; an empty image gives an invalid wxImage.
wxImage ToWxImage(const render::Image& image);

// The words the phone picture shows, in the UI language (gettext).
render::PreviewLabels PreviewLabelsInUiLanguage();

} // namespace kpd::ui
