package io.newspulse.common.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.moves.MarketMove;
import io.newspulse.common.tag.Mention;

/**
 * The JSON shape of a {@link DocumentAnalysis}, shared by {@code newspulse tag} and the enriched
 * article records. Other tools parse it: fields are only ever added, never renamed.
 */
public final class AnalysisJson {
    private AnalysisJson() {}

    /**
     * {@code {"language", "entities", "sectors", "moves", "unresolved_moves"}}; an unresolved move
     * has the fields of a move with {@code subject}, {@code subject_start} and {@code subject_end}
     * (the name as written) instead of {@code entity}.
     */
    public static ObjectNode toJson(ObjectMapper mapper, DocumentAnalysis a) {
        ObjectNode root = mapper.createObjectNode();
        root.put("language", a.language().tag());
        ArrayNode entities = root.putArray("entities");
        for (EntitySummary e : a.entities()) {
            entities.add(entity(mapper, e));
        }
        ArrayNode sectors = root.putArray("sectors");
        for (SectorCount s : a.sectors()) {
            ObjectNode n = sectors.addObject();
            n.put("id", s.id());
            n.put("name", s.name());
            n.put("count", s.count());
            n.put("derived", s.derived());
        }
        ArrayNode moves = root.putArray("moves");
        for (MarketMove m : a.moves()) {
            moves.add(move(mapper, m));
        }
        ArrayNode unresolved = root.putArray("unresolved_moves");
        for (MarketMove m : a.unresolvedMoves()) {
            ObjectNode n = unresolved.addObject();
            n.put("subject", m.subject().text());
            n.put("subject_start", m.subject().start());
            n.put("subject_end", m.subject().end());
            ObjectNode fields = move(mapper, m);
            fields.remove("entity");
            n.setAll(fields);
        }
        return root;
    }

    private static ObjectNode entity(ObjectMapper mapper, EntitySummary e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", e.id());
        n.put("type", e.type().json());
        n.put("name", e.name());
        ArrayNode tickers = n.putArray("tickers");
        e.tickers().forEach(tickers::add);
        ArrayNode aliases = n.putArray("aliases_matched");
        e.aliasesMatched().forEach(aliases::add);
        ArrayNode sectors = n.putArray("sectors");
        e.sectors().forEach(sectors::add);
        if (e.parent() == null) {
            n.putNull("parent");
        } else {
            n.put("parent", e.parent());
        }
        n.put("count", e.count());
        n.put("relevance", e.relevance());
        n.put("tone", e.tone());
        ArrayNode mentions = n.putArray("mentions");
        for (Mention m : e.mentions()) {
            ObjectNode mn = mentions.addObject();
            mn.put("start", m.start());
            mn.put("end", m.end());
            mn.put("text", m.text());
            mn.put("rule", m.rule());
            mn.put("confidence", m.confidence());
        }
        return n;
    }

    private static ObjectNode move(ObjectMapper mapper, MarketMove m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("entity", m.entityId());
        n.put("direction", m.direction().json());
        if (m.percent() == null) {
            n.putNull("percent");
        } else {
            n.put("percent", m.percent());
        }
        if (m.qualifier() == null) {
            n.putNull("qualifier");
        } else {
            n.put("qualifier", m.qualifier());
        }
        n.put("text", m.text());
        n.put("start", m.start());
        n.put("end", m.end());
        n.put("kind", m.kind() == MarketMove.Kind.PRICE ? "price" : "market_cap");
        if (m.amount() != null) {
            n.put("amount", m.amount());
            n.put("currency", m.currency());
        }
        return n;
    }
}
