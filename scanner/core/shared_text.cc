// The process-wide pool of SharedText (see shared_text.h).
#include "scanner/core/shared_text.h"

#include <mutex>
#include <unordered_set>

namespace iescan {
namespace {

struct Pool {
  std::mutex mutex;
  std::unordered_set<std::string> texts;  // nodes never move: pointers to them stay valid
  size_t bytes = 0;
};

Pool& ThePool() {
  static Pool* pool = new Pool();  // never destroyed: SharedText values outlive main()
  return *pool;
}

}  // namespace

SharedText::SharedText(std::string_view text) {
  if (text.empty()) return;
  Pool& pool = ThePool();
  std::lock_guard<std::mutex> lock(pool.mutex);
  auto [it, inserted] = pool.texts.emplace(text);
  if (inserted) pool.bytes += text.size();
  text_ = &*it;
}

const std::string& SharedText::Empty() {
  static const std::string* empty = new std::string();
  return *empty;
}

size_t SharedText::PoolSize() {
  Pool& pool = ThePool();
  std::lock_guard<std::mutex> lock(pool.mutex);
  return pool.texts.size();
}

size_t SharedText::PoolBytes() {
  Pool& pool = ThePool();
  std::lock_guard<std::mutex> lock(pool.mutex);
  return pool.bytes;
}

}  // namespace iescan
