#pragma once
// cv::Mat (float32 HxWx3, [0,1]) <-> NCHW tensors in the model's [-1,1] units, with
// the reference's arithmetic: v = 2u - 1 on the way in, (v + 1) * 0.5 on the way out.
#include <opencv2/core/mat.hpp>
#include <torch/types.h>

namespace rdbm {

// Throws Error(Usage) unless image is a non-empty CV_32FC3.
torch::Tensor imageToModelTensor(const cv::Mat& image, const torch::Device& device);
// [1,3,H,W] in [-1,1] -> HxWx3 float32 in [0,1] (not clamped: the sampler clamps x0).
cv::Mat modelTensorToImage(const torch::Tensor& t);
// [1,C,H,W] -> HxWxC float32 as is (for signed maps such as pi*eps).
cv::Mat tensorToMat(const torch::Tensor& t);

} // namespace rdbm
