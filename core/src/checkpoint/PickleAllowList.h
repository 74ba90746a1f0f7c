#pragma once
// The whole security surface of the pickle reader in one place: the only globals a
// checkpoint pickle may name. Everything else (os.system, builtins.eval, a pickled
// nn.Module class, ...) is refused by name before anything could call it, and even the
// allowed names are never executed: PickleReader interprets them itself.
#include <map>
#include <string>

#include "checkpoint/RawTensor.h"

namespace rdbm::checkpoint::allow {

// torch.<Name>Storage as torch.save writes them (PyTorch 1.6 .. 2.x): "FloatStorage" -> F32.
const std::map<std::string, DType>& storageTypes();

// torch.<dtype> names (the dtype argument of _rebuild_tensor_v3): "float32" -> F32.
const std::map<std::string, DType>& dtypeNames();

// torch._utils._rebuild_tensor_v2/_v3, _rebuild_parameter(_with_state).
bool isRebuildFunction(const std::string& global);

// "module.name" of a callable or class the reader interprets: the rebuild functions,
// collections.OrderedDict, torch._tensor._rebuild_from_type_v2, torch.Tensor,
// torch.nn.parameter.Parameter and _codecs.encode (protocol 2's bytes).
bool isAllowedGlobal(const std::string& global);

// The refusal message for a global that is not allowed, with a hint when the file seems
// to hold a whole pickled model.
std::string refusal(const std::string& module, const std::string& name);

} // namespace rdbm::checkpoint::allow
