#pragma once
// Owners for the C handles the renderer juggles (cairo contexts and surfaces,
// pango layouts), so an early return never leaks one. Internal to src/render.
// Each handle belongs to the thread that made it.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace kpd::render {

struct CairoDestroy {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct SurfaceDestroy {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

} // namespace kpd::render
