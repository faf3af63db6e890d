// The iescan binary: everything lives in the iescan_app library.
#include <iostream>

#include "cli/app_main.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return iescan::app::Main(argc, argv, std::cout, std::cerr);
}
