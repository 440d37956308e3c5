package io.github.keycloaksspr.directory;

/** Which of the directory's password rules a refused password broke, as far as the directory's answer tells. */
public enum DirectoryRule {
    TOO_SHORT("ssprDirectoryTooShort"),
    /** The directory names the minimum length: Samba and Windows say "should be equal or longer than N". */
    TOO_SHORT_FOR("ssprDirectoryTooShortFor"),
    COMPLEXITY("ssprDirectoryComplexity"),
    /** OpenLDAP's ppolicy reports length and quality failures with one text. */
    QUALITY("ssprDirectoryQuality"),
    HISTORY("ssprDirectoryHistory"),
    TOO_YOUNG("ssprDirectoryTooYoung"),
    OTHER("ssprDirectoryRefused");

    private final String messageKey;

    DirectoryRule(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
