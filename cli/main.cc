// The iescan binary: everything lives in the iescan_app library.
#include <iostream>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/app_main.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
#ifdef __GLIBC__
  // Blocks of 1 MiB or more (a large file's text and tokens) get pages of their own, given
  // back when freed. glibc would otherwise raise this threshold after the first such block
  // and serve later ones from the heap, where freed blocks stay resident between the
  // findings the scan keeps: 1.28 GB scanned ended the scan at 264 MB resident, 192 MB with
  // this (bench/README.md).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 4 << 20);
#endif
  return iescan::app::Main(argc, argv, std::cout, std::cerr);
}
