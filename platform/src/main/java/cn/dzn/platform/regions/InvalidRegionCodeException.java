package cn.dzn.platform.regions;

/** Thrown for a string that is not a GB/T 2260 code; the web layer turns it into a 400. */
public class InvalidRegionCodeException extends IllegalArgumentException {

    private final String value;

    public InvalidRegionCodeException(String value, String reason) {
        super("'" + value + "' is not a region code: " + reason);
        this.value = value;
    }

    public String value() {
        return value;
    }
}
