// models/out_of_line.hpp: a value kept on the heap only when it holds something, copied as a
// value. For record fields most records leave empty: the empty ones cost a pointer.
#pragma once
#include <memory>

namespace chainlens {

template <class T>
class OutOfLine {
 public:
  OutOfLine() = default;
  OutOfLine(const OutOfLine& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  OutOfLine(OutOfLine&&) noexcept = default;
  OutOfLine& operator=(const OutOfLine& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  OutOfLine& operator=(OutOfLine&&) noexcept = default;

  /// The value, or a shared empty one when nothing was ever written.
  const T& get() const noexcept { return p_ ? *p_ : empty(); }
  /// The value to write to, made on first use.
  T& edit() {
    if (!p_) p_ = std::make_unique<T>();
    return *p_;
  }
  bool has_value() const noexcept { return p_ != nullptr; }
  void reset() noexcept { p_.reset(); }

 private:
  static const T& empty() noexcept {
    static const T none{};
    return none;
  }
  std::unique_ptr<T> p_;
};

}  // namespace chainlens
