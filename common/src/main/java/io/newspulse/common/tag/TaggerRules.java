package io.newspulse.common.tag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newspulse.common.kb.KnowledgeBaseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The tagger's word lists and limits, read from {@code config/lexicons/tagger.yaml} (embedded at
 * {@code newspulse/config/lexicons/tagger.yaml}). Words are folded with the same normaliser as the
 * text.
 */
public final class TaggerRules {
    static final String RESOURCE = "newspulse/config/lexicons/tagger.yaml";

    final List<String> companyContext;
    final int contextWindow;
    final String cjkLeftOk;
    final String cjkRightBad;
    final int shortLatinMax;
    final Set<String> notBareTickers;
    final List<String> codeContext;
    final int codeContextWindow;
    final List<String> boilerplate;

    private TaggerRules(Definition d, UnaryOperator<String> fold) {
        this.companyContext = new ArrayList<>();
        if (d.companyContext != null) {
            d.companyContext.values().forEach(l -> l.forEach(w -> add(companyContext, fold, w)));
        }
        this.contextWindow = d.contextWindow > 0 ? d.contextWindow : 40;
        this.cjkLeftOk = fold.apply(nonNull(d.cjkLeftOk));
        this.cjkRightBad = fold.apply(nonNull(d.cjkRightBad));
        this.shortLatinMax = d.shortLatinMax > 0 ? d.shortLatinMax : 3;
        this.notBareTickers = new HashSet<>(nonNull(d.notBareTickers));
        this.codeContext = new ArrayList<>();
        nonNull(d.codeContext).forEach(w -> add(codeContext, fold, w));
        this.codeContextWindow = d.codeContextWindow > 0 ? d.codeContextWindow : 12;
        this.boilerplate = new ArrayList<>();
        nonNull(d.boilerplate).forEach(w -> add(boilerplate, fold, w));
    }

    /** Reads the embedded rules, folding their words with {@code fold}. */
    public static TaggerRules embedded(UnaryOperator<String> fold) {
        try (InputStream in = TaggerRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KnowledgeBaseException(
                        "tagger rules missing from classpath: " + RESOURCE);
            }
            return read(in, fold);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read tagger rules: " + e.getMessage(), e);
        }
    }

    /** Reads rules from a YAML stream. */
    public static TaggerRules read(InputStream in, UnaryOperator<String> fold) throws IOException {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory())
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new TaggerRules(yaml.readValue(in, Definition.class), fold);
    }

    private static void add(List<String> out, UnaryOperator<String> fold, String w) {
        String f = fold.apply(w);
        if (!f.isEmpty()) {
            out.add(f);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l;
    }

    /** YAML shape of the rules file. */
    static final class Definition {
        @JsonProperty("company_context")
        Map<String, List<String>> companyContext;

        @JsonProperty("context_window")
        int contextWindow;

        @JsonProperty("cjk_left_ok")
        String cjkLeftOk;

        @JsonProperty("cjk_right_bad")
        String cjkRightBad;

        @JsonProperty("short_latin_max")
        int shortLatinMax;

        @JsonProperty("not_bare_tickers")
        List<String> notBareTickers;

        @JsonProperty("code_context")
        List<String> codeContext;

        @JsonProperty("code_context_window")
        int codeContextWindow;

        @JsonProperty("boilerplate")
        List<String> boilerplate;
    }
}
