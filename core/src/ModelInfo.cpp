#include "rdbm/ModelInfo.h"

#include "rdbm/Error.h"

namespace rdbm {

std::string toString(Objective o) {
    switch (o) {
    case Objective::X0: return "x0";
    case Objective::PiEps: return "pi_eps";
    case Objective::Eps: return "eps";
    }
    return "x0";
}

std::string toString(PiMode p) {
    switch (p) {
    case PiMode::Residual: return "residual";
    case PiMode::One: return "one";
    case PiMode::Zero: return "zero";
    }
    return "residual";
}

Objective objectiveFromString(const std::string& s) {
    if (s == "x0" || s == "pred_x_start") return Objective::X0;
    if (s == "pi_eps" || s == "pred_pi_noise") return Objective::PiEps;
    if (s == "eps" || s == "pred_noise") return Objective::Eps;
    throw Error(ErrorKind::Usage, "unknown objective '" + s + "' (expected x0, pi_eps or eps)");
}

PiMode piModeFromString(const std::string& s) {
    if (s == "residual" || s == "x0-mu") return PiMode::Residual;
    if (s == "one" || s == "1") return PiMode::One;
    if (s == "zero" || s == "0") return PiMode::Zero;
    throw Error(ErrorKind::Usage, "unknown pi mode '" + s + "' (expected residual, one or zero)");
}

} // namespace rdbm
