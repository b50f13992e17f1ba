#pragma once
// Precompiled header of the desk: the wx headers nearly every file of ui/ needs.
#include <wx/wx.h>
#include <wx/dataview.h>
#include <wx/weakref.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>
