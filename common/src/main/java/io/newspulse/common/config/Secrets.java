package io.newspulse.common.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credentials, read only from environment variables (never from a file in the repository): {@code
 * NEWSPULSE_ES_USERNAME}, {@code NEWSPULSE_ES_PASSWORD}, {@code NEWSPULSE_KAFKA_SECURITY_PROTOCOL},
 * {@code NEWSPULSE_KAFKA_SASL_MECHANISM}, {@code NEWSPULSE_KAFKA_SASL_USERNAME}, {@code
 * NEWSPULSE_KAFKA_SASL_PASSWORD}.
 */
public record Secrets(
        String esUsername, String esPassword, Map<String, String> kafkaClientProperties) {

    /** Reads the secrets from {@code env}; fails with a clear message on half-set pairs. */
    public static Secrets from(Map<String, String> env) {
        String esUser = blankToNull(env.get("NEWSPULSE_ES_USERNAME"));
        String esPassword = blankToNull(env.get("NEWSPULSE_ES_PASSWORD"));
        if ((esUser == null) != (esPassword == null)) {
            throw new ConfigException(
                    "set both NEWSPULSE_ES_USERNAME and NEWSPULSE_ES_PASSWORD, or neither");
        }
        Map<String, String> kafka = new LinkedHashMap<>();
        String protocol = blankToNull(env.get("NEWSPULSE_KAFKA_SECURITY_PROTOCOL"));
        String mechanism = blankToNull(env.get("NEWSPULSE_KAFKA_SASL_MECHANISM"));
        String user = blankToNull(env.get("NEWSPULSE_KAFKA_SASL_USERNAME"));
        String password = blankToNull(env.get("NEWSPULSE_KAFKA_SASL_PASSWORD"));
        if (protocol != null) {
            kafka.put("security.protocol", protocol);
        }
        if (mechanism != null) {
            if (user == null || password == null) {
                throw new ConfigException(
                        "NEWSPULSE_KAFKA_SASL_MECHANISM is set: also set NEWSPULSE_KAFKA_SASL_USERNAME"
                                + " and NEWSPULSE_KAFKA_SASL_PASSWORD");
            }
            kafka.put("sasl.mechanism", mechanism);
            String module =
                    mechanism.startsWith("SCRAM")
                            ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                            : "org.apache.kafka.common.security.plain.PlainLoginModule";
            kafka.put(
                    "sasl.jaas.config",
                    module
                            + " required username=\""
                            + user.replace("\"", "\\\"")
                            + "\" password=\""
                            + password.replace("\"", "\\\"")
                            + "\";");
        }
        String truststore = blankToNull(env.get("NEWSPULSE_KAFKA_SSL_TRUSTSTORE_LOCATION"));
        String truststoreType = blankToNull(env.get("NEWSPULSE_KAFKA_SSL_TRUSTSTORE_TYPE"));
        String truststorePassword = blankToNull(env.get("NEWSPULSE_KAFKA_SSL_TRUSTSTORE_PASSWORD"));
        if (truststore == null && (truststoreType != null || truststorePassword != null)) {
            throw new ConfigException(
                    "NEWSPULSE_KAFKA_SSL_TRUSTSTORE_TYPE or _PASSWORD is set: also set"
                            + " NEWSPULSE_KAFKA_SSL_TRUSTSTORE_LOCATION");
        }
        if (truststore != null) {
            kafka.put("ssl.truststore.location", truststore);
            if (truststoreType != null) {
                kafka.put("ssl.truststore.type", truststoreType);
            }
            if (truststorePassword != null) {
                kafka.put("ssl.truststore.password", truststorePassword);
            }
        }
        return new Secrets(esUser, esPassword, Map.copyOf(kafka));
    }

    /** Never prints a password: names of the Kafka client properties only. */
    @Override
    public String toString() {
        return "Secrets[esUsername="
                + esUsername
                + ", esPassword="
                + (esPassword == null ? "none" : "***")
                + ", kafkaClientProperties="
                + kafkaClientProperties.keySet()
                + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
