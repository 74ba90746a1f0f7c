#include "checkpoint/PickleAllowList.h"

namespace rdbm::checkpoint::allow {

const std::map<std::string, DType>& storageTypes() {
    static const std::map<std::string, DType> m{
        {"FloatStorage", DType::F32}, {"HalfStorage", DType::F16},   {"BFloat16Storage", DType::BF16},
        {"DoubleStorage", DType::F64}, {"LongStorage", DType::I64},  {"IntStorage", DType::I32},
        {"ShortStorage", DType::I16}, {"CharStorage", DType::I8},    {"ByteStorage", DType::U8},
        {"BoolStorage", DType::Bool}, {"UntypedStorage", DType::U8}, // bytes; used with _rebuild_tensor_v3
    };
    return m;
}

const std::map<std::string, DType>& dtypeNames() {
    static const std::map<std::string, DType> m{
        {"float32", DType::F32}, {"float16", DType::F16}, {"bfloat16", DType::BF16}, {"float64", DType::F64},
        {"int64", DType::I64},   {"int32", DType::I32},   {"int16", DType::I16},     {"int8", DType::I8},
        {"uint8", DType::U8},    {"bool", DType::Bool},
    };
    return m;
}

bool isRebuildFunction(const std::string& g) {
    return g == "torch._utils._rebuild_tensor_v2" || g == "torch._utils._rebuild_tensor_v3" ||
           g == "torch._utils._rebuild_parameter" || g == "torch._utils._rebuild_parameter_with_state";
}

bool isAllowedGlobal(const std::string& g) {
    return isRebuildFunction(g) || g == "collections.OrderedDict" || g == "torch._tensor._rebuild_from_type_v2" ||
           g == "torch.Tensor" || g == "torch.nn.parameter.Parameter" || g == "_codecs.encode";
}

std::string refusal(const std::string& module, const std::string& name) {
    std::string msg = "refuses to load global '" + module + "." + name +
                      "' (only tensor rebuild functions, storage types and OrderedDict are allowed)";
    if (module.rfind("torch.nn", 0) == 0 || module == "__main__")
        msg += "; the file seems to hold a whole pickled model: save model.state_dict() instead";
    return msg;
}

} // namespace rdbm::checkpoint::allow
