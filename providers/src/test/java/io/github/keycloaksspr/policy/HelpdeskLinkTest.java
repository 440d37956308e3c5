package io.github.keycloaksspr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpdeskLinkTest {

    @Test
    @DisplayName("Given a mailto link, then a person reads the bare address")
    void mailto() {
        assertThat(HelpdeskLink.parse("mailto:helpdesk@example.org?subject=Password"))
                .contains(new HelpdeskLink("mailto:helpdesk@example.org?subject=Password", "helpdesk@example.org"));
    }

    @Test
    @DisplayName("Given an https URL, then it is kept as it is")
    void https() {
        assertThat(HelpdeskLink.parse(" https://it.example.org/help ")).map(HelpdeskLink::href)
                .contains("https://it.example.org/help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "ftp://example.org", "http://help.example.org", "mailto:", "mailto:nobody",
            "https://", "not a url", "//example.org/help", "file:///etc/passwd"})
    @DisplayName("Given anything but mailto or https with a host, then there is no link")
    void rejected(String value) {
        assertThat(HelpdeskLink.parse(value)).isEmpty();
    }

    @Test
    @DisplayName("Given nothing, then there is no link")
    void blank() {
        assertThat(HelpdeskLink.parse(null)).isEmpty();
        assertThat(HelpdeskLink.parse("  ")).isEmpty();
    }
}
