#pragma once
// Precompiled header for the core's LibTorch translation units.
#include <torch/torch.h>
