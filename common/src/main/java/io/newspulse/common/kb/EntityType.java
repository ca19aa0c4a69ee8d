package io.newspulse.common.kb;

import java.util.Locale;

/** Kinds of entity the knowledge base holds. */
public enum EntityType {
    COMPANY,
    INDEX,
    ETF,
    SECTOR,
    PRODUCT,
    PERSON,
    ASSET;

    /** Lower-case name as written in the knowledge base and in JSON output. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a knowledge-base type name; returns null when unknown. */
    public static EntityType parse(String s) {
        if (s == null) {
            return null;
        }
        for (EntityType t : values()) {
            if (t.json().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }
}
