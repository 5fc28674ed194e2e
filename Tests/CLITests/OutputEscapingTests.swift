import Foundation
import Survey
import Testing
@testable import Store

/// Text from a file or the store reaches the terminal escaped: a `.pub` file, a bundle's manifest or a
/// name carrying `ESC]0;…BEL ESC[2J` or a bidi override can neither retitle nor clear the screen.
@Suite struct OutputEscapingTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}"
    static let shown = "\\e]0;pwned\\u{7}\\e[2J\\u{202e}"

    /// Nothing a terminal would act on or reorder by: no ESC, no BEL, no bidi control.
    static func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            s.value == 0x1B || s.value == 0x07 || s.value == 0x9B || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
    }

    static func expectInert(_ r: (status: Int32, out: String, err: String), _ what: String) {
        #expect(isInert(r.out) && isInert(r.err), "\(what): \(r.out.debugDescription) \(r.err.debugDescription)")
    }

    @Test func aHostilePublicKeyFileIsShownEscapedByDevicesTrustAndDevices() throws {
        let dir = try BundleCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hub = dir + "/hub.sqlite", laptop = dir + "/laptop.sqlite"
        try BundleCommandTests.initStore(hub)
        try BundleCommandTests.initStore(laptop)
        #expect(try HufangBinary.run(["keys", "show", "--db", laptop]).status == 0)
        // The laptop's real key, with a name and a device id that try to take over the terminal.
        let text = try String(contentsOfFile: laptop + ".pub", encoding: .utf8).split(separator: "\n").map { line in
            line.hasPrefix("name:") ? "name: laptop\(Self.hostile)x" : line.hasPrefix("device:") ? "device: dev\(Self.hostile)" : String(line)
        }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/hostile.pub"))
        for lang in ["zh", "en"] {
            let trusted = try HufangBinary.run(["devices", "trust", "--db", hub, dir + "/hostile.pub", "--lang", lang])
            #expect(trusted.status == 0, "\(trusted)")
            Self.expectInert(trusted, "devices trust")
            #expect(trusted.out.contains("dev" + Self.shown) && (lang == "en" || trusted.out.contains("laptop" + Self.shown + "x")), "\(trusted.out)")
        }
        let listed = try HufangBinary.run(["devices", "--db", hub])
        Self.expectInert(listed, "devices")
        #expect(listed.out.contains("laptop" + Self.shown + "x") && listed.out.contains("dev" + Self.shown), "\(listed.out)")
        let revoked = try HufangBinary.run(["devices", "revoke", "--db", hub, "dev" + Self.hostile])
        Self.expectInert(revoked, "devices revoke")
        #expect(revoked.status == 0 && revoked.out.contains("laptop" + Self.shown + "x"), "\(revoked)")
        // A file that is not a key file at all, under a hostile name: the refusal names it escaped.
        let badName = dir + "/key\(Self.hostile).pub"
        try Data("nothing".utf8).write(to: URL(fileURLWithPath: badName))
        let bad = try HufangBinary.run(["devices", "trust", "--db", hub, badName])
        #expect(bad.status == 1 && bad.err.contains("key" + Self.shown + ".pub"), "\(bad)")
        Self.expectInert(bad, "devices trust of a non-key file")
    }

    @Test func aHostileManifestOrFileNameIsShownEscapedByBundleImport() throws {
        let dir = try BundleCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hub = dir + "/hub.sqlite"
        try BundleCommandTests.initStore(hub)
        func manifest(format: String, device: String) -> Data {
            BundleManifest(format: format, formatVersion: 1, bundleID: "b", deviceID: device, deviceName: "n", enumerator: "e",
                           keyID: "k" + Self.hostile, sequence: 1, previous: "", schema: "s", createdAt: "", changes: 0, counts: [:],
                           payload: .init(sha256: "", length: 0, compression: "deflate", plainLength: 0, encryption: "none")).encoded()
        }
        // Canonical files, so the reader gets as far as the manifest before refusing them.
        let format = dir + "/format.zip", device = dir + "/\(Self.hostile)device.zip"
        try BundleArchive.write([manifest(format: "x" + Self.hostile, device: "d"), Data(count: 64), Data()]).write(to: URL(fileURLWithPath: format))
        try BundleArchive.write([manifest(format: BundleManifest.formatName, device: "d" + Self.hostile), Data(count: 64), Data()])
            .write(to: URL(fileURLWithPath: device))
        for lang in ["zh", "en"] {
            let r = try HufangBinary.run(["bundle", "import", "--db", hub, "--screens", HufangBinary.screens, "--lang", lang, format, device])
            #expect(r.status == 1, "\(r)")
            Self.expectInert(r, "bundle import")
            let lines = r.out.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "\(r.out)")
            #expect(lines.first?.contains("x" + Self.shown + "/1") == true, "\(r.out)")
            #expect(lines.last?.hasPrefix(dir + "/" + Self.shown + "device.zip: ") == true && lines.last?.contains("d" + Self.shown) == true
                    && lines.last?.contains("k" + Self.shown) == true, "\(r.out)")
        }
    }

    @Test func storedNamesAreShownEscapedByTheCardTheDashboardAndTheListings() throws {
        let dir = try BundleCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/village.sqlite"
        try BundleCommandTests.initStore(db)
        let store = try HouseholdStore(path: db)
        var iv = try BundleCommandTests.household(store, no: 3, members: 1)
        let head = try #require(iv.rowIDs(of: 0).first)
        try store.commit(try iv.answer("name", row: head, .text("王" + Self.hostile + "红")), of: iv, who: "李文华")
        let name = "王" + Self.shown + "红"
        let card = try HufangBinary.run(["export", "card", "--db", db, "--screens", HufangBinary.screens,
                                         "--household", String(iv.householdID.uuidString.lowercased().prefix(8))])
        #expect(card.status == 0 && card.out.contains("户主：" + name), "\(card)")
        Self.expectInert(card, "export card")
        for args in [["dashboard"], ["review"], ["start"]] {
            let r = try HufangBinary.run(args + ["--db", db, "--screens", HufangBinary.screens])
            #expect(r.status == 0, "\(args): \(r)")
            Self.expectInert(r, "\(args)")
            // The listings cut the name to its column; what is left of it is escaped.
            #expect(args == ["dashboard"] || r.out.contains("王\\e]0;pwned"), "\(args): \(r.out)")
        }
        // JSON says the same name with the controls as \u escapes, and still reads back exactly.
        let json = try HufangBinary.run(["export", "json", "--db", db])
        Self.expectInert(json, "export json")
        let export = try JSONDecoder().decode(HouseholdExport.self, from: Data(json.out.utf8))
        #expect(export.households.first?.household.headName == "王" + Self.hostile + "红")
    }
}
