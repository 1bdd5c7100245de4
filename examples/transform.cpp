#include <Eigen/Dense>

int main() {
  // A 3x3 transform; the shape comes from the type Matrix3d.
  Eigen::Matrix3d M;
  M << 2, 0, 1,
       0, 3, 0,
       1, 0, 2;
  Eigen::JacobiSVD<Eigen::Matrix3d> svd(M, Eigen::ComputeFullU | Eigen::ComputeFullV);
  return 0;
}
