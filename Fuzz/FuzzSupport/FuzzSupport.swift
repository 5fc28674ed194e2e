import Foundation
#if FUZZING
import CLibFuzzer
#endif

/// The one input function of a fuzz target, set once before the first input.
nonisolated(unsafe) private var target: ((Data) -> Void)?

#if FUZZING
/// libFuzzer's own `main` (FuzzerMain.o of libclang_rt.fuzzer) is linked in and names this function; the
/// program's `main` — SwiftPM's, which runs the target's main.swift — takes precedence and calls
/// `LLVMFuzzerRunDriver` instead, so this is only here to satisfy the linker.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let target else { fatalError("the fuzz target's main.swift did not run: call Fuzz.main") }
    target(size == 0 || bytes == nil ? Data() : Data(bytes: bytes!, count: size))
    return 0
}
#endif

/// The entry point every fuzz target's `main.swift` calls.
///
/// Built by `scripts/fuzz` (`-sanitize=fuzzer -DFUZZING`), it hands the process to libFuzzer, which takes its
/// usual flags and corpus folders from the command line. In a normal build it runs `body` once over every file
/// named on the command line (folders: every file in them), so a crash input can be replayed under a debugger
/// or the ordinary build: `swift run BundleFuzz Fuzz/Crashes/crash-…`.
public enum Fuzz {
    public static func main(_ body: @escaping (Data) -> Void) -> Never {
        target = body
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, size in testOneInput(bytes, size) })
        #else
        var ran = 0
        for path in CommandLine.arguments.dropFirst() {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                    exit(2)
                }
                body(data)
                ran += 1
            }
        }
        print("ran \(ran) input(s) without a crash (replay build; scripts/fuzz builds the fuzzer)")
        exit(0)
        #endif
    }

    /// A file, or every regular file under a folder, sorted.
    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { (path as NSString).appendingPathComponent($0) }.filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue
        }
    }

    /// The checkout's root (this file is Fuzz/FuzzSupport/FuzzSupport.swift), for `screens/` and test fixtures.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
