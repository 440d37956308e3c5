package io.github.keycloaksspr.it.harness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One notification of the extension's outbox as its admin REST endpoint returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutboxRow(String id, String kind, String recipientId, String subjectId, String status, int attempts,
                        String lastError) {
}
