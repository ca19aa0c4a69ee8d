package io.newspulse.connector.elasticsearch;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One bulk operation as buffered by {@link ElasticsearchSinkWriter}: the target index, the
 * document's deterministic id and the JSON source.
 *
 * <p>The id must be derived from the element (never random): a replay after a restart then
 * overwrites the document instead of adding a second copy.
 */
public final class BulkOperationRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The bulk action. Only {@code index} (create or overwrite) is used: replays must be
     * idempotent.
     */
    public enum OpType {
        INDEX((byte) 1);

        private final byte code;

        OpType(byte code) {
            this.code = code;
        }

        byte code() {
            return code;
        }

        static OpType fromCode(byte code) {
            for (OpType type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            throw new IllegalArgumentException("Unknown bulk operation type code " + code);
        }
    }

    private final OpType opType;
    private final String index;
    private final String id;
    private final byte[] document;

    private BulkOperationRequest(OpType opType, String index, String id, byte[] document) {
        this.opType = requireNonNull(opType, "opType");
        this.index = requireNonBlank(index, "index");
        this.id = requireNonBlank(id, "id");
        this.document = requireNonNull(document, "document");
    }

    /** An {@code index} operation writing {@code jsonDocument} (UTF-8 JSON) under {@code id}. */
    public static BulkOperationRequest index(String index, String id, byte[] jsonDocument) {
        return new BulkOperationRequest(OpType.INDEX, index, id, jsonDocument.clone());
    }

    static BulkOperationRequest of(OpType opType, String index, String id, byte[] document) {
        return new BulkOperationRequest(opType, index, id, document);
    }

    public OpType opType() {
        return opType;
    }

    public String index() {
        return index;
    }

    public String id() {
        return id;
    }

    /** The JSON source; a copy, so a request stays immutable once buffered. */
    public byte[] document() {
        return document.clone();
    }

    /** The JSON source as text, for dead-letter records and messages. */
    public String documentAsString() {
        return new String(document, StandardCharsets.UTF_8);
    }

    byte[] documentBytes() {
        return document;
    }

    /** An estimate of the bytes this operation adds to a bulk request body. */
    long sizeInBytes() {
        // Action line overhead ({"index":{"_index":"...","_id":"..."}}\n) plus the source line.
        return 32L + index.length() + id.length() + document.length + 1L;
    }

    private static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BulkOperationRequest other)) {
            return false;
        }
        return opType == other.opType
                && index.equals(other.index)
                && id.equals(other.id)
                && Arrays.equals(document, other.document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(opType, index, id) * 31 + Arrays.hashCode(document);
    }

    @Override
    public String toString() {
        return opType.name().toLowerCase(Locale.ROOT)
                + " "
                + index
                + "/"
                + id
                + " ("
                + document.length
                + " bytes)";
    }
}
