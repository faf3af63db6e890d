// Giving freed memory back to the system.
//
// glibc keeps the pages of freed blocks until it can trim the top of a heap; blocks freed
// between others that live on (a directory walk's scratch between the listed paths, a
// scan's per-file data between the results it keeps) stay resident. A large run calls this
// after each step that frees much, so that its peak resident memory is what it holds, not
// what it once held.
//
// Thread-safety: safe to call from any thread.
#pragma once

namespace iescan {

// Returns the pages of free blocks to the system (malloc_trim on glibc; nothing elsewhere).
void ReturnFreedMemory();

}  // namespace iescan
