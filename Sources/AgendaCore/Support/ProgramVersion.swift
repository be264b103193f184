/// The program's version, recorded in every closing's manifest: a closed quarter rebuilt by a later version that
/// renders differently is then explained, not mysterious.
public enum ProgramVersion {
    public static let current = "0.12.0"
}
