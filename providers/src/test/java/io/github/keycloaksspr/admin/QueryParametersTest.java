package io.github.keycloaksspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.github.keycloaksspr.audit.AuditActivity;

class QueryParametersTest {

    @Test
    @DisplayName("Given no parameters, then the first page of 100 records of every activity")
    void defaults() {
        QueryParameters parameters = QueryParameters.parse(null, null, null, null, null, null);

        assertThat(parameters.error()).isNull();
        assertThat(parameters.first()).isZero();
        assertThat(parameters.max()).isEqualTo(100);
        assertThat(parameters.activity()).isNull();
    }

    @Test
    @DisplayName("Given valid filters, then they are parsed, the activity case-insensitively")
    void filters() {
        QueryParameters parameters = QueryParameters.parse("flow_progress", " u1 ", "10", "20", "5", "50");

        assertThat(parameters.error()).isNull();
        assertThat(parameters.activity()).isEqualTo(AuditActivity.FLOW_PROGRESS);
        assertThat(parameters.userId()).isEqualTo("u1");
        assertThat(parameters.from()).isEqualTo(10L);
        assertThat(parameters.to()).isEqualTo(20L);
    }

    @Test
    @DisplayName("Given bad values, then each gets a one-sentence error")
    void errors() {
        assertThat(QueryParameters.parse("NOPE", null, null, null, null, null).error()).contains("activity");
        assertThat(QueryParameters.parse(null, null, "yesterday", null, null, null).error()).contains("epoch");
        assertThat(QueryParameters.parse(null, null, null, null, "-1", null).error()).contains("first");
        assertThat(QueryParameters.parse(null, null, null, null, null, "0").error()).contains("max");
        assertThat(QueryParameters.parse(null, null, null, null, null, "1001").error()).contains("max");
        assertThat(QueryParameters.parse(null, null, "20", "10", null, null).error()).contains("from");
        assertThat(QueryParameters.parse(null, "x".repeat(256), null, null, null, null).error()).contains("userId");
    }
}
