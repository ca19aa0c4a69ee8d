package io.newspulse.cli.feed;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of one article's named placeholders, and the renderer that fills its templates with
 * them: {@code {name}} writes a value, {@code {flag?yes|no}} writes "yes" when the flag is true,
 * else "no".
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{(\\w+)(?:\\?([^{}|]*)\\|([^{}]*))?\\}");

    private final Map<String, Object> values = new HashMap<>();

    /** Sets a value (a string, a number or, for choices, a boolean). */
    Placeholders put(String name, Object value) {
        values.put(name, Objects.requireNonNull(value, name));
        return this;
    }

    /**
     * A move as market copy reports it: flag {@code name} (a rise, 55% of the time) and figure
     * {@code nameMove} in {@code [lo, hi]} with two decimals.
     */
    Placeholders move(String name, Dice dice, double lo, double hi) {
        put(name, dice.chance(0.55));
        return put(name + "Move", dice.two(lo, hi));
    }

    /** The template with every placeholder replaced; a placeholder without a value fails. */
    String fill(String template) {
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(value(m, template)));
    }

    private String value(MatchResult m, String template) {
        Object value = values.get(m.group(1));
        if (value == null) {
            throw new IllegalArgumentException(
                    "no value for " + m.group() + " in template: " + template);
        }
        if (m.group(2) == null) {
            return value.toString();
        }
        if (!(value instanceof Boolean flag)) {
            throw new IllegalArgumentException("not a flag: " + m.group(1) + " = " + value);
        }
        return flag ? m.group(2) : m.group(3);
    }
}
