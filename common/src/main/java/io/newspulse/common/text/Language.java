package io.newspulse.common.text;

import java.util.Locale;

/** Language and script of a document, as reported in output ({@link #tag()}). */
public enum Language {
    ZH_HANS("zh-Hans"),
    ZH_HANT("zh-Hant"),
    AR("ar"),
    EN("en"),
    OTHER("other");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** BCP-47 style tag: zh-Hans, zh-Hant, ar, en or other. */
    public String tag() {
        return tag;
    }

    /** Parses a tag case-insensitively; unknown tags give {@link #OTHER}. */
    public static Language fromTag(String tag) {
        if (tag == null) {
            return OTHER;
        }
        String t = tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (t) {
            case "zh-hans":
            case "zh-cn":
            case "zh-sg":
            case "zh":
                return ZH_HANS;
            case "zh-hant":
            case "zh-tw":
            case "zh-hk":
            case "zh-mo":
                return ZH_HANT;
            case "ar":
                return AR;
            case "en":
                return EN;
            default:
                return t.startsWith("ar-") ? AR : t.startsWith("en-") ? EN : OTHER;
        }
    }
}
