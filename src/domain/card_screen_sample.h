#pragma once
// A realistic card screen for a grocery chain (the demo partner «Полянка»): the demo seed's
// published screen, the desk's starting point for a partner with none, and
// the value the tests and the preview benchmark draw. Uses no assets.
#include "domain/card_screen.h"

namespace kpd::domain {

CardScreen SampleCardScreen();

} // namespace kpd::domain
