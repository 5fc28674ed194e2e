import CYaml

/// Bounds on one YAML file, checked on libyaml's event stream before Yams builds the node tree.
/// Yams keeps an alias as a shared node, so a "billion laughs" composes cheaply but makes every walk
/// over it (ours, and Yams hashing a mapping key) exponential; a deep file would make Yams recurse.
enum YAMLLimits {
    /// The deepest lists and mappings may nest (the definition format needs about 6).
    static let maxDepth = 64
    /// The most nodes a file may hold, each alias counted as the nodes it stands for.
    static let maxNodes = 2_000_000

    private static let tooDeep = DefinitionProblem.Kind.yamlTooDeep(limit: maxDepth)

    /// A violation of the limits: 1-based line and column, and which limit.
    struct Violation: Equatable {
        var line: Int
        var column: Int
        var kind: DefinitionProblem.Kind
    }

    /// One open list or mapping.
    private struct Frame {
        var isMapping: Bool
        /// In a mapping: whether the next node is a key.
        var keyNext = true
        /// Whether this container is a mapping key or lies inside one.
        var inKey: Bool
        var anchor: String?
        /// Nodes in this container so far, itself included and aliases expanded.
        var size = 1
    }

    /// The first place `text` breaks a limit, or nil. Malformed YAML is left to Yams, which reports it.
    static func firstViolation(in text: String) -> Violation? {
        var text = text
        return text.withUTF8 { bytes -> Violation? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

            var frames: [Frame] = []
            var anchorSizes: [String: Int] = [:]
            var total = 0
            var event = yaml_event_t()
            func name(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? { p.map { String(cString: $0) } }
            func violation(_ kind: DefinitionProblem.Kind) -> Violation {
                Violation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1, kind: kind)
            }
            /// Adds a finished node of `size` nodes to its container; the container's next node flips key/value.
            func finish(_ size: Int) {
                guard !frames.isEmpty else { return }
                frames[frames.count - 1].size += size
                if frames[frames.count - 1].isMapping { frames[frames.count - 1].keyNext.toggle() }
            }
            var isKey: Bool {
                guard let top = frames.last else { return false }
                return top.inKey || (top.isMapping && top.keyNext)
            }

            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // In brackets libyaml reads far ahead and stops at its own, larger nesting limit first.
                    guard let problem = parser.problem, String(cString: problem).contains("nesting level") else { return nil }
                    return Violation(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                                     kind: tooDeep)
                }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    if let anchor = name(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
                    total += 1
                    finish(1)
                case YAML_ALIAS_EVENT:
                    let anchor = name(event.data.alias.anchor) ?? ""
                    // Yams hashes keys to find duplicates: an alias there is expanded in full, every time.
                    if isKey { return violation(.aliasAsKey(anchor: anchor)) }
                    let size = anchorSizes[anchor] ?? 1
                    total += size
                    if total > maxNodes {
                        return violation(.tooManyNodesExpanded(limit: maxNodes))
                    }
                    finish(size)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? name(event.data.mapping_start.anchor) : name(event.data.sequence_start.anchor)
                    if frames.count >= maxDepth { return violation(tooDeep) }
                    frames.append(Frame(isMapping: isMapping, inKey: isKey, anchor: anchor))
                    total += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = frames.popLast() else { return nil }
                    if let anchor = frame.anchor { anchorSizes[anchor] = frame.size }
                    finish(frame.size)
                default:
                    break
                }
                if total > maxNodes { return violation(.tooManyNodes(limit: maxNodes)) }
            }
        }
    }
}
