// ReadBlob and LooksBinary: whole reads, size caps, binary sniffing, UTF-16.

#include <gtest/gtest.h>

#include <string>

#include "scanner/source/walker.h"
#include "tests/source/temp_tree.h"

namespace iescan::scanner {
namespace {

using testing::TempTree;

SourceFile FileAt(const TempTree& tree, const std::string& rel) {
  SourceFile file;
  file.origin.display = rel;
  file.origin.fs_path = tree.Abs(rel);
  file.origin.root = tree.path();
  return file;
}

TEST(ReadBlobTest, ReadsWholeFileWithOrigin) {
  TempTree tree;
  std::string content;
  for (int i = 0; content.size() < size_t{200} << 10; ++i) {
    content += "<p id=\"p" + std::to_string(i) + "\">line</p>\r\n";
  }
  tree.Write("big.html", content);
  Result<Blob> blob = ReadBlob(FileAt(tree, "big.html"), 1 << 20);
  ASSERT_TRUE(blob.ok()) << blob.status().message();
  EXPECT_EQ(blob->bytes, content);
  EXPECT_EQ(blob->origin.display, "big.html");
  EXPECT_EQ(blob->origin.root, tree.path());
  EXPECT_TRUE(blob->declared_charset.empty());

  tree.Write("empty.js", "");
  blob = ReadBlob(FileAt(tree, "empty.js"), 1 << 20);
  ASSERT_TRUE(blob.ok());
  EXPECT_EQ(blob->bytes, "");
}

TEST(ReadBlobTest, SizeCapAndMissingFile) {
  TempTree tree;
  tree.Write("page.htm", std::string(2048, 'x'));
  Result<Blob> blob = ReadBlob(FileAt(tree, "page.htm"), 2047);
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.status().message(), "larger than --max-file-size (2048 bytes > 2047 bytes)");
  EXPECT_TRUE(ReadBlob(FileAt(tree, "page.htm"), 2048).ok());

  blob = ReadBlob(FileAt(tree, "gone.htm"), 2048);
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.status().message(), "unreadable file (No such file or directory)");

  tree.MakeDir("dir.htm");
  blob = ReadBlob(FileAt(tree, "dir.htm"), 2048);
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.status().message(), "not a regular file (directory)");
}

TEST(ReadBlobTest, BinaryFileIsRefusedWithOffset) {
  TempTree tree;
  tree.Write("logo.htm", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Result<Blob> blob = ReadBlob(FileAt(tree, "logo.htm"), 1 << 20);
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.status().message(), "binary file (NUL byte at offset 8)");

  // A NUL far into otherwise plain text is found too (the whole content is searched).
  std::string text(100000, 'a');
  text[70001] = '\0';
  tree.Write("late.js", text);
  blob = ReadBlob(FileAt(tree, "late.js"), 1 << 20);
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.status().message(), "binary file (NUL byte at offset 70001)");
}

TEST(ReadBlobTest, Utf16IsText) {
  TempTree tree;
  const std::string with_bom("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14);
  tree.Write("bom.htm", with_bom);
  Result<Blob> blob = ReadBlob(FileAt(tree, "bom.htm"), 1 << 20);
  ASSERT_TRUE(blob.ok()) << blob.status().message();
  EXPECT_EQ(blob->bytes, with_bom);

  const std::string big_endian("\0<\0p\0>\x65\xE5\0<\0/\0p\0>", 16);
  tree.Write("be.htm", big_endian);
  blob = ReadBlob(FileAt(tree, "be.htm"), 1 << 20);
  ASSERT_TRUE(blob.ok()) << blob.status().message();
  EXPECT_EQ(blob->bytes, big_endian);
}

TEST(LooksBinaryTest, Table) {
  uint64_t offset = 99;
  EXPECT_FALSE(LooksBinary("<html>plain</html>", &offset));
  EXPECT_EQ(offset, 99u);  // untouched without a NUL
  EXPECT_FALSE(LooksBinary("", &offset));

  EXPECT_TRUE(LooksBinary(std::string("<p>a\0b</p>", 10), &offset));
  EXPECT_EQ(offset, 4u);
  // Little endian without BOM: ASCII text and one CJK character (U+65E5).
  EXPECT_FALSE(LooksBinary(std::string("<\0p\0>\0\xE5\x65<\0/\0p\0>\0", 16), &offset));
  EXPECT_EQ(offset, 1u);
  // With a BOM anything goes.
  EXPECT_FALSE(LooksBinary(std::string("\xFE\xFF\0\0\0\0", 6), &offset));
  // A U+0000 code unit is not text.
  EXPECT_TRUE(LooksBinary(std::string("<\0p\0\0\0>\0", 8), &offset));
  EXPECT_EQ(offset, 1u);
  // Zero bytes on both sides of the code units: a binary structure.
  EXPECT_TRUE(LooksBinary(std::string("a\0\0bc\0\0d", 8), &offset));
  // A lone zero byte in long text is not the pattern of UTF-16.
  std::string text(64, 'x');
  text[11] = '\0';
  EXPECT_TRUE(LooksBinary(text, &offset));
  EXPECT_EQ(offset, 11u);
  EXPECT_TRUE(LooksBinary(text, nullptr));
}

}  // namespace
}  // namespace iescan::scanner
