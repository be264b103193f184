import AgendaCore
import Crypto

/// SHA-256 (lowercase hex) and size of everything `source` yields, read in 1 MiB chunks, each also handed to
/// `each` (a copy being written): memory stays at one chunk whatever the file's size.
enum StreamedDigest {
    static func of(_ source: any ByteChunkSource, each: ([UInt8]) throws -> Void = { _ in }) throws -> (sha256: String, size: Int) {
        var source = source
        var hasher = SHA256()
        var buffer: [UInt8] = []
        var size = 0
        while true {
            buffer.removeAll(keepingCapacity: true)
            let n = try source.read(into: &buffer, maxCount: 1 << 20)
            if n == 0 { break }
            size += n
            hasher.update(data: buffer)
            try each(buffer)
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), size)
    }
}
