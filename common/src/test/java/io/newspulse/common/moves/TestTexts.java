package io.newspulse.common.moves;

import io.newspulse.common.tag.Mention;
import io.newspulse.common.text.NormalizedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds {@link NormalizedText} and {@link Mention} objects for tests without the real normaliser:
 * folding is 1:1 per character (lower case and the Arabic letter variants, as {@link
 * TermSet#fold(String)}), and traditional Chinese is folded by giving the simplified text
 * explicitly.
 */
public final class TestTexts {
    private TestTexts() {}

    /** Folds {@code original} character by character, as the normaliser would. */
    public static NormalizedText normalized(String original) {
        StringBuilder sb = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            switch (c) {
                case 'أ', 'إ', 'آ' -> sb.append('ا');
                case 'ة' -> sb.append('ه');
                case 'ى', 'ئ' -> sb.append('ي');
                case 'ؤ' -> sb.append('و');
                default -> sb.append(Character.toLowerCase(c));
            }
        }
        return folded(original, sb.toString());
    }

    /** A text whose folded form is given (e.g. traditional original, simplified folded). */
    public static NormalizedText folded(String original, String folded) {
        if (original.length() != folded.length()) {
            throw new IllegalArgumentException("test folding must be 1:1");
        }
        int[] offsets = new int[folded.length() + 1];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i;
        }
        return new NormalizedText(original, folded, offsets);
    }

    /**
     * Mentions at every occurrence of each name, given as {@code "entityId=name"}; names are
     * searched in the folded text, so write them folded (simplified, lower case) or as in the
     * original when folding does not change them.
     */
    public static List<Mention> mentions(NormalizedText text, String... idEqualsName) {
        List<Mention> out = new ArrayList<>();
        for (String spec : idEqualsName) {
            int eq = spec.indexOf('=');
            String id = spec.substring(0, eq);
            String name = normalized(spec.substring(eq + 1)).text();
            for (int at = text.text().indexOf(name);
                    at >= 0;
                    at = text.text().indexOf(name, at + 1)) {
                out.add(
                        new Mention(
                                id,
                                name,
                                at,
                                at + name.length(),
                                at,
                                at + name.length(),
                                text.original().substring(at, at + name.length()),
                                "name",
                                1.0));
            }
        }
        out.sort(Comparator.comparingInt(Mention::normStart));
        return out;
    }
}
