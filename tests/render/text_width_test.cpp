// Display width and wrapping of mixed Chinese/ASCII text.
#include <catch2/catch.hpp>

#include "render/text_width.hpp"

using namespace chainlens;

TEST_CASE("display_width: CJK is two columns, ASCII one", "[render][text_width]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("芯屏") == 4);
  CHECK(display_width("芯屏ab") == 6);
  CHECK(display_width("\xff" "a") == 2);  // an invalid byte still counts
}

TEST_CASE("pad_right: pads to display columns, never truncates", "[render][text_width]") {
  CHECK(pad_right("芯", 4) == "芯  ");
  CHECK(pad_right("汽车电子", 3) == "汽车电子");
}

TEST_CASE("wrap_to_width: breaks between characters", "[render][text_width]") {
  CHECK(wrap_to_width("集成电路设计", 4) == std::vector<std::string>{"集成", "电路", "设计"});
  CHECK(wrap_to_width("ab芯c", 3) == std::vector<std::string>{"ab", "芯c"});
  CHECK(wrap_to_width("", 4) == std::vector<std::string>{""});
}
