#include "sampler/ImageTensor.h"

#include <torch/torch.h>

#include "rdbm/Error.h"

namespace rdbm {

torch::Tensor imageToModelTensor(const cv::Mat& image, const torch::Device& device) {
    if (image.empty()) throw Error(ErrorKind::Usage, "restore: the input image is empty");
    if (image.type() != CV_32FC3)
        throw Error(ErrorKind::Usage, "restore: expected a float32 RGB image (CV_32FC3), got OpenCV type " +
                                          std::to_string(image.type()) + " with " +
                                          std::to_string(image.channels()) + " channels");
    const cv::Mat src = image.isContinuous() ? image : image.clone();
    const torch::Tensor hwc = torch::from_blob(const_cast<float*>(src.ptr<float>()), {src.rows, src.cols, 3},
                                               torch::kFloat32);
    // Copy out of the Mat's memory before it can go away, then map to [-1,1].
    const torch::Tensor nchw = hwc.permute({2, 0, 1}).unsqueeze(0).contiguous().to(device);
    return nchw * 2.0 - 1.0;
}

cv::Mat tensorToMat(const torch::Tensor& t) {
    const torch::Tensor hwc = t.select(0, 0).permute({1, 2, 0}).to(torch::kCPU, torch::kFloat32).contiguous();
    const int h = static_cast<int>(hwc.size(0)), w = static_cast<int>(hwc.size(1)), c = static_cast<int>(hwc.size(2));
    return cv::Mat(h, w, CV_32FC(c), hwc.data_ptr<float>()).clone();
}

cv::Mat modelTensorToImage(const torch::Tensor& t) { return tensorToMat((t + 1.0) * 0.5); }

} // namespace rdbm
