package io.newspulse.connector.elasticsearch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Writes the requests buffered by {@link ElasticsearchSinkWriter} into checkpoints, so that a
 * restart resends them instead of losing them.
 *
 * <p>Version 1 layout per request: op type code (byte), index, id (each as int length + UTF-8
 * bytes), document (int length + bytes). Strings are not written with {@code writeUTF}, which caps
 * at 64 KiB.
 */
public final class BulkOperationRequestSerializer
        extends AsyncSinkWriterStateSerializer<BulkOperationRequest> {

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    protected void serializeRequestToStream(BulkOperationRequest request, DataOutputStream out)
            throws IOException {
        out.writeByte(request.opType().code());
        writeBytes(out, request.index().getBytes(StandardCharsets.UTF_8));
        writeBytes(out, request.id().getBytes(StandardCharsets.UTF_8));
        writeBytes(out, request.documentBytes());
    }

    @Override
    protected BulkOperationRequest deserializeRequestFromStream(
            long requestSize, DataInputStream in) throws IOException {
        BulkOperationRequest.OpType opType = BulkOperationRequest.OpType.fromCode(in.readByte());
        String index = new String(readBytes(in), StandardCharsets.UTF_8);
        String id = new String(readBytes(in), StandardCharsets.UTF_8);
        byte[] document = readBytes(in);
        return BulkOperationRequest.of(opType, index, id, document);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("Corrupt Elasticsearch sink state: negative length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
