package io.newspulse.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.RecordSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every deployed topic accepts the largest record the jobs' producers send. */
class TopicSizesTest {
    private static final Path ROOT = Path.of("..");
    private static final String SIZE = Integer.toString(RecordSizes.MAX_MESSAGE_BYTES);

    @Test
    void composeTopicsAllowTheLargestRecord() throws IOException {
        String script = Files.readString(ROOT.resolve("deploy/docker/create-topics.sh"));
        assertThat(script).contains("big=" + SIZE);
        Matcher create = Pattern.compile("(?m)^create (\\S+) (.*)$").matcher(script);
        int topics = 0;
        while (create.find()) {
            topics++;
            assertThat(create.group(2)).as(create.group(1)).contains("max.message.bytes=$big");
        }
        assertThat(topics).isEqualTo(4);
    }

    @Test
    void kubernetesTopicsAllowTheLargestRecord() throws IOException {
        String yaml = Files.readString(ROOT.resolve("deploy/kubernetes/20-kafka-topics.yaml"));
        String[] topics = yaml.split("(?m)^---$");
        assertThat(topics).hasSize(4);
        for (String topic : topics) {
            assertThat(topic).contains("max.message.bytes: " + SIZE);
        }
    }
}
