import Foundation
import SampleData
import Store
import Survey
import Testing

/// County enrolment as the county office and the devices run it: `hufang county init/enrol/revoke`,
/// `hufang enrol --county`, `hufang county revocations`, and bundles that travel on certificates alone —
/// no `devices trust` anywhere. The real binary on real files.
@Suite struct EnrolmentCommandTests {
    static let countyCode = "622922"
    static let township = "622922100"

    let dir: String
    let office: String

    init() throws {
        dir = try BundleCommandTests.folder()
        office = dir + "/office"
        let made = try Self.hufang(["county", "init", "--out", office, "--id", Self.countyCode, "--name", "和政县", "--lang", "en"])
        #expect(made.status == 0 && made.out.contains(office + "/county.json") && made.out.contains("keep it offline"), "\(made)")
    }

    static func hufang(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try HufangBinary.run(args)
    }

    /// A device of the county set up as a person does it, counting the commands on the device and at
    /// the office: `hufang init`, the office's `hufang county enrol`, `hufang enrol --county`.
    struct Device {
        var db: String
        var name: String
        var commandsOnDevice = 0
        var commandsAtOffice = 0
        var store: HouseholdStore { get throws { try HouseholdStore(path: db) } }
        var deviceID = ""
    }

    func device(_ file: String, _ name: String, role: String, scope: [String], office: String? = nil) throws -> Device {
        let office = office ?? self.office
        var d = Device(db: dir + "/" + file + ".sqlite", name: name)
        let made = try Self.hufang(["init", "--db", d.db, "--screens", HufangBinary.screens, "--lang", "en"])
        d.commandsOnDevice += 1
        d.deviceID = try d.store.deviceID
        #expect(made.status == 0 && made.out.contains(d.db + ".pub"), "init writes the public key file: \(made)")
        let enrolled = try Self.hufang(["county", "enrol", "--county", office, "--device", d.db + ".pub", "--role", role,
                                        "--scope", scope.joined(separator: ","), "--name", name, "--lang", "en"])
        d.commandsAtOffice += 1
        #expect(enrolled.status == 0 && enrolled.out.contains("scope \(scope.sorted().joined(separator: ","))"), "\(enrolled)")
        let cert = try #require(enrolled.out.firstMatch(of: /certificate  (\S+\.cert)/).map { String($0.1) }, "\(enrolled)")
        let installed = try Self.hufang(["enrol", "--db", d.db, cert, "--county", office + "/county.json", "--lang", "en"])
        d.commandsOnDevice += 1
        #expect(installed.status == 0 && installed.out.contains("This device is enrolled: \(TerminalText.escaped(name)),"), "\(installed)")
        return d
    }

    /// A household typed in on `device`, in `village`.
    @discardableResult
    static func household(_ device: Device, no: Int, village: String) throws -> Interview {
        let store = try device.store
        var iv = Interview(questionnaire: BundleCommandTests.questionnaire, today: Day(year: 2020, month: 12, day: 31)!)
        try store.create(iv, enumerator: device.name, who: device.name)
        try store.commit(try iv.answer("village_code", .text(village)), of: iv, who: device.name)
        try store.commit(try iv.answer("household_no", .text(String(format: "%04d", no))), of: iv, who: device.name)
        let (row, added) = try iv.addRow("members")
        try store.commit(added, of: iv, who: device.name)
        try store.commit(try iv.answer("name", row: row, .text(SyntheticHouseholds.name(no))), of: iv, who: device.name)
        try store.commit(try iv.answer("relation", row: row, .code(1)), of: iv, who: device.name)
        try store.commit(try iv.answer("id_number", row: row, .text(SyntheticHouseholds.idNumber(no))), of: iv, who: device.name)
        return iv
    }

    /// `hufang bundle export`: the file it wrote.
    func export(_ device: Device) throws -> String {
        let r = try Self.hufang(["bundle", "export", "--db", device.db, "--out", dir + "/usb-" + (device.db as NSString).lastPathComponent, "--who", device.name])
        #expect(r.status == 0, "\(r)")
        return try #require(r.out.split(separator: "\n").last.map(String.init), "\(r)")
    }

    func importing(_ files: [String], into device: Device) throws -> (status: Int32, out: String, err: String) {
        try Self.hufang(["bundle", "import", "--db", device.db, "--screens", HufangBinary.screens, "--lang", "en"] + files)
    }

    /// An import refused: exit 1, the line says why, and the store's dump is the same as before.
    func refused(_ files: [String], into device: Device, saying expected: String) throws {
        let before = try ExportGuardTests.dump(device.db)
        let r = try importing(files, into: device)
        #expect(r.status == 1 && r.out.contains("rejected: ") && r.out.contains(expected), "\(r)")
        #expect(try ExportGuardTests.dump(device.db) == before, "a refused bundle changed the store")
    }

    func village(_ n: Int) -> String { Self.township + String(format: "%03d", 200 + n) }

    @Test func aTestCountyOfThreeLaptopsAndASupervisorWorksOnCertificatesAlone() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var laptops: [Device] = []
        for i in 0..<3 {
            laptops.append(try device("laptop\(i + 1)", ["李文华", "张秀英", "马建国"][i], role: "enumerator", scope: [village(2 * i + 1), village(2 * i + 2)]))
        }
        let supervisor = try device("supervisor", "王审核", role: "supervisor", scope: [Self.township])
        for d in laptops + [supervisor] {
            let total = d.commandsOnDevice + d.commandsAtOffice
            print("county enrolment: \((d.db as NSString).lastPathComponent) set up with \(total) commands: \(d.commandsOnDevice) on the device (hufang init, hufang enrol --county) + \(d.commandsAtOffice) at the office (hufang county enrol); no devices trust")
            #expect(total <= 3)
        }
        // Every device lists its own certificate, and no device was trusted by hand.
        for d in laptops + [supervisor] {
            let listed = try Self.hufang(["devices", "--db", d.db, "--lang", "en"])
            #expect(listed.status == 0 && listed.out.contains("\(d.name)  \(d.deviceID.prefix(8))") && listed.out.contains("valid  ← this device"), "\(listed)")
            #expect(try d.store.devices().count == 1, "only the device itself: nothing trusted by hand")
        }

        // Each laptop interviews a household in one of its villages and exports; the supervisor takes all three.
        var ids: [String] = []
        var files: [String] = []
        for (i, laptop) in laptops.enumerated() {
            ids.append(try Self.household(laptop, no: i + 1, village: village(2 * i + 1 + i % 2)).householdID.uuidString.lowercased())
            files.append(try export(laptop))
        }
        let taken = try importing(files, into: supervisor)
        #expect(taken.status == 0 && taken.out.components(separatedBy: "applied").count == 4, "\(taken)")
        let listed = try Self.hufang(["devices", "--db", supervisor.db, "--lang", "en"])
        for laptop in laptops { #expect(listed.out.contains("\(laptop.name)  \(laptop.deviceID.prefix(8))  enumerator"), "\(listed)") }
        let sources = try supervisor.store.householdSources()
        for (i, id) in ids.enumerated() { #expect(sources[id]?.person == laptops[i].name && sources[id]?.role == .enumerator) }

        // The supervisor sends the first back and approves the second; the first laptop takes its decision.
        let reviews = try supervisor.store
        try reviews.sendBack(UUID(uuidString: ids[0])!, reason: "户主身份证号请核对", who: supervisor.name)
        try reviews.approve(UUID(uuidString: ids[1])!, who: supervisor.name)
        let back = try export(supervisor)
        let returned = try importing([back], into: laptops[0])
        #expect(returned.status == 0 && returned.out.contains("applied"), "\(returned)")
        #expect(try laptops[0].store.household(UUID(uuidString: ids[0])!).status == .sentBack)
        let second = try importing([back], into: laptops[1])
        #expect(second.status == 0 && second.out.contains("applied"), "\(second)")
        #expect(try laptops[1].store.household(UUID(uuidString: ids[1])!).status == .approved)
    }

    @Test func aHouseholdOutsideTheCertificatesVillagesIsRefusedNamingItAndItsVillage() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let supervisor = try device("supervisor", "王审核", role: "supervisor", scope: [Self.township])
        let laptop = try device("laptop", "李文华", role: "enumerator", scope: [village(1)])
        let iv = try Self.household(laptop, no: 1, village: village(99))
        try refused([try export(laptop)], into: supervisor, saying: "village “\(village(99))” is outside the signing device's certificate")
        let r = try importing([try #require(try BundleCommandTests.zips(dir + "/usb-laptop.sqlite").first)], into: supervisor)
        #expect(r.out.contains(iv.householdID.uuidString.lowercased()), "the refusal names the household: \(r)")
    }

    @Test func aBundleFromADeviceOfAnotherCountyIsRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let supervisor = try device("supervisor", "王审核", role: "supervisor", scope: [Self.township])
        // Another office, with the same county code (a forgery) and with another one.
        for (n, code) in [Self.countyCode, "622923"].enumerated() {
            let other = dir + "/other\(n)"
            let made = try Self.hufang(["county", "init", "--out", other, "--id", code, "--name", "别县"])
            #expect(made.status == 0, "\(made)")
            let stranger = try device("stranger\(n)", "外人", role: "enumerator", scope: [code + "100201"], office: other)
            try Self.household(stranger, no: 1, village: code + "100201")
            try refused([try export(stranger)], into: supervisor, saying: "certificate is not signed by the county this store trusts")
            // Nor does a device of this county take the other county's file.
            let trusted = try Self.hufang(["county", "trust", "--db", supervisor.db, other + "/county.json", "--lang", "en"])
            if code != Self.countyCode {
                #expect(trusted.status == 1 && trusted.err.contains("belongs to county \(code); this store trusts county \(Self.countyCode)"), "\(trusted)")
            }
        }
    }

    @Test func aLostLaptopIsRevokedFromItsCutOffAndItsEarlierBundlesStillGoIn() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let supervisor = try device("supervisor", "王审核", role: "supervisor", scope: [Self.township])
        let laptop = try device("laptop", "李文华", role: "enumerator", scope: [village(1), village(2)])
        try Self.household(laptop, no: 1, village: village(1))
        let first = try export(laptop)
        try Self.household(laptop, no: 2, village: village(2))
        let second = try export(laptop)
        #expect(try importing([first], into: supervisor).status == 0)

        // The laptop is lost: the supervisor received bundle 1, bundle 2 is on a stick on its way; from 3 on, refused.
        let revoked = try Self.hufang(["county", "revoke", "--county", office, String(laptop.deviceID.prefix(8)), "--from-sequence", "3",
                                       "--reason", "电脑丢失", "--lang", "en"])
        #expect(revoked.status == 0 && revoked.out.contains("revocation list 1 (1 entries): \(office)/revocations.json"), "\(revoked)")
        #expect(revoked.out.contains("every bundle that store exports carries it"), "\(revoked)")
        let listOne = dir + "/revocations-1.json"
        try FileManager.default.copyItem(atPath: office + "/revocations.json", toPath: listOne)
        let installed = try Self.hufang(["county", "revocations", "--db", supervisor.db, listOne, "--lang", "en"])
        #expect(installed.status == 0 && installed.out.contains("Installed revocation list 1"), "\(installed)")
        let same = try Self.hufang(["county", "revocations", "--db", supervisor.db, listOne, "--lang", "en"])
        #expect(same.status == 0 && same.out.contains("already holds revocation list 1; nothing changed"), "\(same)")

        // Whoever has the laptop now exports bundle 3: refused. Bundle 2, made before the cut-off, still goes in.
        try Self.household(laptop, no: 3, village: village(1))
        let third = try export(laptop)
        let late = try importing([second], into: supervisor)
        #expect(late.status == 0 && late.out.contains("applied"), "\(late)")
        try refused([third], into: supervisor, saying: "device \(laptop.deviceID) is revoked from sequence 3")
        let listed = try Self.hufang(["devices", "--db", supervisor.db, "--lang", "en"])
        #expect(listed.out.contains("revoked from sequence 3 (电脑丢失)"), "\(listed)")
        let zh = try Self.hufang(["devices", "--db", supervisor.db])
        #expect(zh.out.contains("已吊销（自第 3 号起，电脑丢失）"), "\(zh)")

        // A second list (another revocation) goes in; the first one after it is refused, the store unchanged.
        let again = try Self.hufang(["county", "revoke", "--county", office, supervisor.deviceID, "--from-sequence", "1", "--reason", "换人", "--lang", "en"])
        #expect(again.status == 0 && again.out.contains("revocation list 2 (2 entries)"), "\(again)")
        #expect(try Self.hufang(["county", "revocations", "--db", supervisor.db, office + "/revocations.json"]).status == 0)
        let before = try ExportGuardTests.dump(supervisor.db)
        let older = try Self.hufang(["county", "revocations", "--db", supervisor.db, listOne, "--lang", "en"])
        #expect(older.status == 1 && older.err.contains("revocation list 1 is older than list 2 already installed; not used"), "\(older)")
        let olderZh = try Self.hufang(["county", "revocations", "--db", supervisor.db, listOne])
        #expect(olderZh.status == 1 && olderZh.err.contains("吊销名单第 1 号比本库已有的第 2 号旧"), "\(olderZh)")
        #expect(try ExportGuardTests.dump(supervisor.db) == before)
    }

    @Test func keyRotationANewStoreIsEnrolledAndTheOldOneRevokedFromItsCutOff() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let supervisor = try device("supervisor", "王审核", role: "supervisor", scope: [Self.township])
        let old = try device("laptop-old", "李文华", role: "enumerator", scope: [village(1), village(2)])
        try Self.household(old, no: 1, village: village(1))
        #expect(try importing([try export(old)], into: supervisor).status == 0)
        try Self.household(old, no: 2, village: village(1))
        let oldSecond = try export(old)

        // The same person, a new store and key (a new device id), enrolled for the same villages; the old
        // device revoked from the first bundle the supervisor has not received.
        let new = try device("laptop-new", "李文华", role: "enumerator", scope: [village(1), village(2)])
        #expect(new.deviceID != old.deviceID)
        let revoked = try Self.hufang(["county", "revoke", "--county", office, old.deviceID, "--from-sequence", "2", "--reason", "换新密钥", "--lang", "en"])
        #expect(revoked.status == 0, "\(revoked)")
        // The list is installed on the new laptop only: it reaches the supervisor inside the new laptop's bundle.
        #expect(try Self.hufang(["county", "revocations", "--db", new.db, office + "/revocations.json"]).status == 0)
        try Self.household(new, no: 3, village: village(2))
        let fromNew = try importing([try export(new)], into: supervisor)
        #expect(fromNew.status == 0 && fromNew.out.contains("applied"), "\(fromNew)")
        #expect(try supervisor.store.revocationList()?.number == 1)
        try refused([oldSecond], into: supervisor, saying: "device \(old.deviceID) is revoked from sequence 2")
        let listed = try Self.hufang(["devices", "--db", supervisor.db, "--lang", "en"])
        #expect(listed.out.contains("李文华  \(old.deviceID.prefix(8))  enumerator  \(village(1)),\(village(2))") && listed.out.contains("revoked from sequence 2"), "\(listed)")
        #expect(listed.out.contains("李文华  \(new.deviceID.prefix(8))  enumerator  \(village(1)),\(village(2))  valid until"), "\(listed)")
    }

    @Test func argumentsAndFilesAreCheckedWithTheirMessages() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let laptop = try device("laptop", "李文华", role: "enumerator", scope: [village(1)])
        let pub = laptop.db + ".pub"
        for (args, expected) in [
            (["--role", "boss", "--scope", village(1)], "the role is enumerator, supervisor or hub, not boss"),
            (["--role", "enumerator", "--scope", ","], "the scope is empty"),
            (["--role", "enumerator", "--scope", village(1), "--valid-until", "2027-13-01"], "the date is YYYY-MM-DD: 2027-13-01"),
        ] {
            let r = try Self.hufang(["county", "enrol", "--county", office, "--device", pub, "--name", "x", "--lang", "en"] + args)
            #expect(r.status != 0 && r.err.contains(expected), "\(r)")
        }
        let outside = try Self.hufang(["county", "enrol", "--county", office, "--device", pub, "--role", "enumerator", "--scope", "623000100201", "--name", "x", "--lang", "en"])
        #expect(outside.status == 1 && outside.err.contains("bad scope: 623000100201 ∉ 622922"), "\(outside)")
        let expired = try Self.hufang(["county", "enrol", "--county", office, "--device", pub, "--role", "enumerator", "--scope", village(1), "--valid-until", "2020-01-01", "--lang", "en"])
        #expect(expired.status == 1 && expired.err.contains("the certificate expired on 2020-01-01"), "\(expired)")
        let notCounty = try Self.hufang(["county", "enrol", "--county", dir, "--device", pub, "--role", "enumerator", "--scope", village(1)])
        #expect(notCounty.status == 1 && notCounty.err.contains("不是县级密钥目录"), "\(notCounty)")
        let twice = try Self.hufang(["county", "init", "--out", office, "--id", Self.countyCode, "--name", "x", "--lang", "en"])
        #expect(twice.status == 1 && twice.err.contains("already holds county keys"), "\(twice)")
        // Another device's certificate is not this one's.
        let other = try device("other", "张秀英", role: "enumerator", scope: [village(2)])
        let cert = try #require(try FileManager.default.contentsOfDirectory(atPath: office + "/certificates").first { $0.hasPrefix(String(other.deviceID.prefix(8))) })
        let before = try ExportGuardTests.dump(laptop.db)
        let wrong = try Self.hufang(["enrol", "--db", laptop.db, office + "/certificates/" + cert, "--lang", "en"])
        #expect(wrong.status == 1 && wrong.err.contains("the certificate is for device \(other.deviceID), not this one"), "\(wrong)")
        let notACert = try Self.hufang(["enrol", "--db", laptop.db, pub])
        #expect(notACert.status == 1 && notACert.err.contains("不是户访的县级文件或证书"), "\(notACert)")
        #expect(try ExportGuardTests.dump(laptop.db) == before)
        let unknown = try Self.hufang(["county", "revoke", "--county", office, "ffffffff", "--from-sequence", "1", "--reason", "x", "--lang", "en"])
        #expect(unknown.status == 1 && unknown.err.contains("no such device: ffffffff"), "\(unknown)")
    }

    @Test func aHostileNameOnACertificateIsShownEscaped() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let name = "李" + OutputEscapingTests.hostile
        let laptop = try device("laptop", name, role: "enumerator", scope: [village(1)])
        for lang in ["zh", "en"] {
            let listed = try Self.hufang(["devices", "--db", laptop.db, "--lang", lang])
            #expect(listed.status == 0 && listed.out.contains("李" + OutputEscapingTests.shown) && !listed.out.contains("\u{1B}"), "\(listed)")
        }
    }
}
