package io.github.keycloaksspr.it.harness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.jsoup.nodes.Element;

/**
 * Does what the ALTCHA widget's JavaScript does in a browser: finds the number behind the proof-of-work challenge
 * and encodes the answer as the {@code altcha} form field. Tests get past the CAPTCHA honestly, by doing the work.
 */
public final class AltchaSolver {

    /** The form field the widget fills in. */
    public static final String FIELD = "altcha";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AltchaSolver() {
    }

    /** The {@code altcha} field value for the challenge in the page's {@code <altcha-widget>}. */
    public static String solve(Page page) {
        Element widget = page.document().selectFirst("altcha-widget");
        if (widget == null) {
            throw new AssertionError("No <altcha-widget> on " + page.url() + "; text: " + page.text());
        }
        if (widget.hasAttr("challenge") || widget.hasAttr("challengejson")) {
            return solve(widget.hasAttr("challenge") ? widget.attr("challenge") : widget.attr("challengejson"));
        }
        if (widget.hasAttr("challengeurl")) {
            return solve(page.client().get(widget.absUrl("challengeurl")).body());
        }
        throw new AssertionError("<altcha-widget> on " + page.url() + " carries no challenge: " + widget.outerHtml());
    }

    /** The field value for a V1 challenge: JSON with algorithm, challenge, maxnumber, salt and signature. */
    public static String solve(String challengeJson) {
        try {
            Challenge challenge = JSON.readValue(challengeJson, Challenge.class);
            Altcha.Solution solution = Altcha.solveChallenge(challenge.challenge(), challenge.salt(),
                    Altcha.Algorithm.fromString(challenge.algorithm()), challenge.maxnumber(), 0);
            if (solution == null) {
                throw new AssertionError("No number up to " + challenge.maxnumber() + " solves " + challengeJson);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("algorithm", challenge.algorithm());
            payload.put("challenge", challenge.challenge());
            payload.put("number", solution.number);
            payload.put("salt", challenge.salt());
            payload.put("signature", challenge.signature());
            return Base64.getEncoder().encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not an ALTCHA challenge: " + challengeJson, e);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            // Altcha.solveChallenge declares Exception; only a missing hash algorithm can raise one.
            throw new IllegalStateException("Cannot solve " + challengeJson, e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
    }
}
